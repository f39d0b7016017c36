"""设置 as the supervisor uses it: create an account, then maintain the holiday table."""

from datetime import date

import pytest

from ui_helpers import all_text, click, fill, find, open_window, sign_in_window, when_modal
from victimcare.ui.pages.settings import AccountDialog

FIRST_PASSWORD = "新同事的初始密码 morning tea 2026"


@pytest.fixture
def settings_page(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, "zhanzhang", password)
    return window, window.workspace.show_section("settings")


def test_supervisor_creates_an_account(qtbot, settings_page):
    window, page = settings_page

    def answer(dialog):
        fill(qtbot, dialog, "账户名", "shegong01")
        fill(qtbot, dialog, "角色", "救助站社工")
        fill(qtbot, dialog, "初始密码", "short")
        click(qtbot, dialog, "保存")
        assert "至少需要 15 个字符" in find(dialog, "初始密码错误提示").text()
        fill(qtbot, dialog, "初始密码", FIRST_PASSWORD)
        click(qtbot, dialog, "保存")

    when_modal(AccountDialog, answer)
    click(qtbot, page, "新建账户")
    table_text = all_text(find(page, "账户"))
    assert "shegong01" in table_text and "救助站社工" in table_text
    assert any(e["action"] == "perm_change" and e["object_id"] == "shegong01"
               for e in window.services.audit.entries())


def test_holiday_table_is_edited_with_inline_errors(qtbot, settings_page):
    _window, page = settings_page
    days_off = find(page, "放假日")
    assert "2026-10-01" in days_off.toPlainText()  # the bundled official arrangement
    days_off.appendPlainText("2026-13-01")
    click(qtbot, page, "保存节假日表")
    message = find(page, "节假日表提示")
    assert "月份" in message.text() and "行" in message.text()
    days_off.setPlainText(days_off.toPlainText().replace("2026-13-01", "2026-12-24"))
    click(qtbot, page, "保存节假日表")
    qtbot.waitUntil(lambda: "已重新计算" in message.text(), timeout=10000)
    page.refresh()
    assert "2026-12-24" in find(page, "放假日").toPlainText()


def test_case_number_pattern_is_edited_with_inline_errors(qtbot, settings_page):
    _window, page = settings_page
    fill(qtbot, page, "个案编号格式", "{station}-{year}")
    click(qtbot, page, "保存格式")
    assert "{seq}" in find(page, "个案编号提示").text()
    fill(qtbot, page, "个案编号格式", "{station}{year}-{seq:04d}")
    click(qtbot, page, "保存格式")
    assert f"TS{date.today().year}-0001" in find(page, "个案编号提示").text()
