"""A trainee signs in to the demo vault by typing the password the sign-in page shows (no Chinese input
method needed), and finds the demo cases on the 工作台."""

from ui_helpers import find, settle, sign_in_window
from victimcare.demo import DEMO_PASSWORD, open_demo_vault
from victimcare.ui.mainwindow import MainWindow


def test_the_shown_demo_password_can_be_typed_and_signs_in(qtbot, qapp, tmp_path, fast_kdf):
    vault = open_demo_vault(tmp_path / "demo", cases=20, kdf=fast_kdf)
    window = MainWindow(qapp, vault=vault, demo_password=DEMO_PASSWORD)
    qtbot.addWidget(window)
    window.show()
    banner = find(window, "演示数据提示").text()
    assert "演示数据" in banner and DEMO_PASSWORD in banner
    shown = banner.split("密码：")[1].split()[0]  # what a trainee reads off the screen
    assert shown == DEMO_PASSWORD and shown.isascii()
    sign_in_window(qtbot, window, "demo_shegong", shown)  # typed key by key, as on any keyboard
    home = window.workspace.show_section("home")
    settle()
    assert find(home, "到期事项").topLevelItemCount() > 0
