"""First-run setup, login, lock and unlock, idle auto-lock and role navigation, driven as a user would."""

import re
import stat
from functools import partial

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from support import staff_id
from ui_helpers import all_text, click, fill, find, settle, when_modal
from victimcare.services import sign_in as services_sign_in
from victimcare.security.permissions import Role
from victimcare.ui.password_dialog import ChangePasswordDialog
from victimcare.ui.recovery_print import SheetPasswordDialog
from victimcare.ui.mainwindow import MainWindow
from victimcare.security.vault import Vault

SUPERVISOR = "zhanzhang"
FIRST_PASSWORD = "绿色山谷里 有一条 river-31415"
OWN_PASSWORD = "我自己选的密码 walking by the sea 42"
NAV_ALL = ["工作台", "个案", "入学安置台账", "报表", "审计", "设置"]


def menu_action(window, menu_title: str, text: str):
    for menu_item in window.menuBar().actions():
        if menu_item.text() == menu_title:
            for action in menu_item.menu().actions():
                if action.text() == text:
                    return action
    raise LookupError(f"no menu entry {menu_title} → {text}")


def nav_labels(window) -> list[str]:
    nav = find(window, "导航")
    return [nav.item(i).text() for i in range(nav.count())]


def sign_in(qtbot, window, account, password):
    fill(qtbot, window, "账户", account)
    fill(qtbot, window, "密码", password)
    click(qtbot, window, "登录")
    settle()  # signed in, or the login page shows why not


@pytest.fixture
def window_for(qtbot, qapp):
    def make(vault, **kwargs):
        w = MainWindow(qapp, vault=vault, **kwargs)
        qtbot.addWidget(w)
        w.show()
        return w

    return make


def choose_own_password(qtbot, first: str, own: str):
    """A new account's first sign-in asks for a password of its own."""
    def answer(dialog):
        fill(qtbot, dialog, "当前密码", first)
        fill(qtbot, dialog, "新密码", own)
        fill(qtbot, dialog, "再次输入新密码", own)
        click(qtbot, dialog, "保存")
    return when_modal(ChangePasswordDialog, answer)


def first_sign_in(qtbot, window_for, vault, password, account, role):
    """A supervisor creates ``account``; the person signs in and chooses a password of their own."""
    session = services_sign_in(vault, SUPERVISOR, password)
    session.accounts.create(account, role, FIRST_PASSWORD)
    session.close()
    window = window_for(vault)
    answering = choose_own_password(qtbot, FIRST_PASSWORD, OWN_PASSWORD)
    sign_in(qtbot, window, account, FIRST_PASSWORD)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)
    answering.stop()
    return window


def test_first_run_setup_then_sign_in(qtbot, qapp, tmp_path, fast_kdf, monkeypatch):
    PASSWORD = "蓝色小船-over the quiet harbour-2718"
    vault_dir = tmp_path / "vault"
    window = MainWindow(qapp, vault=None, vault_dir=vault_dir, create_vault=partial(Vault.create, kdf=fast_kdf))
    qtbot.addWidget(window)
    window.show()
    fill(qtbot, window, "救助站名称", "尤溪县救助管理站")
    fill(qtbot, window, "站点代码", "YX")
    fill(qtbot, window, "站长账户", "zhanzhang")
    fill(qtbot, window, "密码", "too short")
    fill(qtbot, window, "再次输入密码", "too short")
    click(qtbot, window, "创建保险库")
    error = find(window, "密码错误提示", visible_only=False)
    qtbot.waitUntil(lambda: error.isVisible())
    assert "至少需要 15 个字符" in error.text()
    assert not Vault.exists(vault_dir)

    fill(qtbot, window, "密码", PASSWORD)
    fill(qtbot, window, "再次输入密码", PASSWORD)
    click(qtbot, window, "创建保险库")
    qtbot.waitUntil(lambda: find(window, "恢复码", visible_only=False).isVisible(), timeout=15000)
    code = find(window, "恢复码").text()
    assert re.fullmatch(r"[0-9A-Z]{5}(-[0-9A-Z]{5}){4}", code)

    sheet = tmp_path / "out" / "recovery.pdf"
    sheet.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(sheet), "PDF (*.pdf)"))

    def set_file_password(dialog, first="a sheet pass 2026", second="a sheet pass 2026"):
        # the names as the app shows them (文件密码 once the lead merges this branch's translations)
        fill(qtbot, dialog, dialog.tr("File password"), first)
        fill(qtbot, dialog, dialog.tr("Repeat file password"), second)
        dialog.accept()

    answering = when_modal(SheetPasswordDialog, set_file_password)
    click(qtbot, window, "保存恢复凭证")
    answering.stop()
    status = find(window, "恢复凭证状态")
    qtbot.waitUntil(lambda: "AES-256" in status.text(), timeout=15000)
    from pypdf import PdfReader
    reader = PdfReader(str(sheet))
    assert reader.is_encrypted and reader.decrypt("a sheet pass 2026") != 0, "never a plaintext sheet"
    assert code.replace("-", "")[:5] in reader.pages[0].extract_text()
    assert stat.S_IMODE(sheet.stat().st_mode) == 0o600

    missing = tmp_path / "gone" / "recovery.pdf"  # saving fails: the code stays, with what to do
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(missing), "PDF (*.pdf)"))
    answering = when_modal(SheetPasswordDialog, set_file_password)
    click(qtbot, window, "保存恢复凭证")
    answering.stop()
    qtbot.waitUntil(lambda: "文件夹不存在" in status.text(), timeout=15000)
    assert find(window, "恢复码").text() == code and not missing.exists()
    click(qtbot, window, "继续")
    assert find(window, "登录").isVisible()  # on to the sign-in screen
    assert code not in all_text(window)

    assert "尤溪县救助管理站" in find(window, "救助站").text()
    sign_in(qtbot, window, "zhanzhang", PASSWORD)
    assert window.services is not None
    assert nav_labels(window) == NAV_ALL
    assert "站长" in find(window, "当前用户").text()
    window.close()


def test_wrong_password_is_explained_and_throttled(qtbot, window_for, vault_factory):
    vault, _code, _password = vault_factory()
    window = window_for(vault)
    for attempt in range(5):
        sign_in(qtbot, window, SUPERVISOR, f"wrong password number {attempt}")
        assert window.services is None
        assert "账户名或密码不正确" in find(window, "登录错误提示").text()
    button = find(window, "登录")
    assert not button.isEnabled()
    assert re.search(r"\d+", button.text()), "the wait is shown as a countdown"


def test_caps_lock_hint(qtbot, window_for, vault_factory):
    vault, _code, _password = vault_factory()
    window = window_for(vault)
    password = find(window, "密码")
    password.setFocus()
    qtbot.keyClick(password, "A")  # an upper-case letter without Shift: Caps Lock is on
    assert find(window, "大写锁定提示").isVisible()
    qtbot.keyClick(password, "a")
    assert not find(window, "大写锁定提示", visible_only=False).isVisible()


def test_lock_and_unlock(qtbot, window_for, vault_factory):
    vault, _code, PASSWORD = vault_factory()
    window = window_for(vault)
    sign_in(qtbot, window, SUPERVISOR, PASSWORD)
    session = window.services
    menu_action(window, "文件(&F)", "锁定").trigger()
    assert window.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.services is None and session.locked
    assert find(window, "账户").text() == SUPERVISOR
    sign_in(qtbot, window, SUPERVISOR, PASSWORD)
    assert window.services is not None
    actions = [e["action"] for e in reversed(window.services.audit.entries(limit=10))]
    assert actions.index("unlock") == actions.index("lock") + 1


def test_idle_lock_uses_the_wall_clock_and_clears_case_data(qtbot, window_for, vault_factory, fake_clock):
    vault, _code, PASSWORD = vault_factory(clock=fake_clock)
    session = services_sign_in(vault, SUPERVISOR, PASSWORD)
    case_id = session.intake.create({
        "admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer", "name": "王小明测试", "sex": "M",
        "estimated_age": "10", "age_basis": "目测", "id_status": "none"})
    session.close()
    window = window_for(vault, idle_seconds=300, clock=fake_clock)
    sign_in(qtbot, window, SUPERVISOR, PASSWORD)
    live = window.services
    window.workspace.show_section("cases").open_case(case_id)
    assert "王小明测试" in all_text(window)

    fake_clock.advance(2 * 3600)  # the machine slept: no timer fired, the next key press must lock
    qtbot.keyClick(find(window, "个案列表", visible_only=False), Qt.Key.Key_Down)
    assert window.services is None and live.locked
    assert window.workspace is None
    qtbot.wait(50)  # let deleteLater remove the old workspace
    assert "王小明测试" not in all_text(window)


@pytest.mark.parametrize("role, expected", [
    (Role.SOCIAL_WORKER, ["工作台", "个案", "入学安置台账"]),
    (Role.EDUCATION_OFFICER, ["工作台", "入学安置台账"]),
    (Role.AUDITOR, ["报表", "审计"]),
])
def test_navigation_follows_the_role(qtbot, window_for, vault_factory, role, expected):
    vault, _code, password = vault_factory()
    window = first_sign_in(qtbot, window_for, vault, password, "colleague", role)
    assert nav_labels(window) == expected
    window.lock()
    sign_in(qtbot, window, "colleague", OWN_PASSWORD)  # the password the person chose now opens it
    assert window.services is not None


def test_auditor_verifies_the_vault(qtbot, window_for, vault_factory):
    vault, _code, password = vault_factory()
    window = first_sign_in(qtbot, window_for, vault, password, "shenji", Role.AUDITOR)
    window.workspace.show_section("audit")
    assert find(window, "审计日志").model().rowCount() > 0
    shown = all_text(find(window, "审计日志"))  # a role that reads the log sees the name behind each staff ID
    assert f"shenji（{staff_id(vault, 'shenji')}）" in shown
    assert f"{SUPERVISOR}（{staff_id(vault, SUPERVISOR)}）" in shown
    click(qtbot, window, "校验")
    result = find(window, "校验结果")
    qtbot.waitUntil(lambda: "审计链" in result.text(), timeout=10000)
    assert "审计链：完整" in result.text()
    assert "个案与身份：未检查" in result.text()


def test_screen_lock_or_sleep_locks_the_session(qtbot, window_for, vault_factory):
    vault, _code, PASSWORD = vault_factory()
    window = window_for(vault)
    sign_in(qtbot, window, SUPERVISOR, PASSWORD)
    window.os_lock.screensaver_changed(False)  # the screensaver ending changes nothing
    assert window.services is not None
    window.os_lock.sleeping(True)  # what logind's PrepareForSleep(true) delivers
    assert window.services is None
    sign_in(qtbot, window, SUPERVISOR, PASSWORD)
    window.os_lock.screensaver_changed(True)
    assert window.services is None
