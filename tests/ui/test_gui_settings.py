"""设置 as the supervisor uses it: create an account, then maintain the holiday table."""

from datetime import date

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ui_helpers import all_text, click, fill, find, open_window, sign_in_window, when_modal
from victimcare.ui.pages.accounts_box import AccountDialog, RoleDialog

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
    assert any(e["action"] == "perm_change" and e["object_name"] == "shegong01"
               for e in window.services.audit.entries())


def _select(qtbot, page, account: str) -> None:
    table = find(page, "账户")
    qtbot.waitUntil(lambda: any(table.item(r, 0) and table.item(r, 0).text() == account
                                for r in range(table.rowCount())), timeout=5000)
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == account)
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _audited(window, action: str, detail_start: str) -> bool:
    return any(e["action"] == action and e["detail"].startswith(detail_start) for e in window.services.audit.entries())


def test_disabling_asks_first_then_re_encrypts_and_says_so(qtbot, settings_page):
    window, page = settings_page
    window.services.accounts.create("shegong09", "social_worker", FIRST_PASSWORD)
    page.refresh()
    _select(qtbot, page, "shegong09")

    def cancel(box):
        assert "重新加密" in box.text() and "shegong09" in box.text()
        next(b for b in box.buttons() if b.text() == "取消").click()

    when_modal(QMessageBox, cancel)
    click(qtbot, page, "停用")
    assert "停用" not in all_text(find(page, "账户")).split("shegong09")[1].split("\n")[0]

    def confirm(box):
        next(b for b in box.buttons() if b.text() == "停用账户").click()

    when_modal(QMessageBox, confirm)
    click(qtbot, page, "停用")
    message = find(page, "账户操作提示")
    qtbot.waitUntil(lambda: "已用新密钥重新加密" in message.text(), timeout=20000)
    qtbot.waitUntil(lambda: "停用" in all_text(find(page, "账户")), timeout=5000)
    assert find(page, "重新加密保险库").isEnabled(), "the buttons come back once it is done"
    bar = find(page, "重新加密进度", visible_only=False, timeout=0)
    assert bar.maximum() > 0 and bar.value() == bar.maximum() and not bar.isVisible(), "shown while it ran"
    assert _audited(window, "key_change", "rotate:")


def test_a_role_is_changed_in_its_dialog(qtbot, settings_page):
    window, page = settings_page
    window.services.accounts.create("shegong08", "social_worker", FIRST_PASSWORD)
    page.refresh()
    _select(qtbot, page, "shegong08")

    def answer(dialog):
        fill(qtbot, dialog, "角色", "教育局工作人员")
        click(qtbot, dialog, "保存")

    when_modal(RoleDialog, answer)
    click(qtbot, page, "更改角色")
    qtbot.waitUntil(lambda: "教育局工作人员" in all_text(find(page, "账户")), timeout=20000)
    assert _audited(window, "perm_change", "role:social_worker>education_officer")


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
