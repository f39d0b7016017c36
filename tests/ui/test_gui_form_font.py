"""设置 → 表格字体: the supervisor chooses bundled or official fonts; the choice is kept and applied."""

import pytest
from PySide6.QtCore import QCoreApplication

from ui_helpers import find, open_window, sign_in_window
from victimcare.forms import fonts


@pytest.fixture
def settings_page(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, "zhanzhang", password)
    yield window, window.workspace.show_section("settings")
    fonts.use_official_fonts(False)


def test_choosing_official_fonts_without_them_says_bundled_are_used(qtbot, settings_page):
    window, page = settings_page
    combo = find(page, "表格字体")
    qtbot.waitUntil(lambda: page.accounts.table.rowCount() > 0)  # the page has shown what it read
    assert combo.currentData() == "bundled"
    combo.setCurrentIndex(combo.findData("official"))  # as a user picks it in the list
    message = find(page, "表格字体提示")
    qtbot.waitUntil(lambda: "本机未安装公文字体" in message.text())
    assert fonts.body_font() == fonts.BODY  # this test machine has no Windows fonts

    # The choice is kept in the vault: the page shows it again after a refresh.
    page.accounts.table.setRowCount(0)
    page.refresh()
    qtbot.waitUntil(lambda: page.accounts.table.rowCount() > 0)
    assert combo.currentData() == "official"
    combo.setCurrentIndex(combo.findData("bundled"))
    qtbot.waitUntil(lambda: "表格使用内置字体打印" in message.text() and "未安装" not in message.text())
    QCoreApplication.processEvents()
    assert window.services.settings.form_font() == "bundled"
