"""Issue 9, items 13 and 16, as a social worker meets them: editing a saved intake from the 接收登记 tab, the
ID number's warnings and the birth date and sex it fills in, the form saying which fields are missing, the
duplicate dialog's full reasons, the sensitive section behind 查看, and the case page at 1366×768."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from support import SUPERVISOR, case_ref
from ui_helpers import all_text, click, fill, find, open_window, settle, sign_in_window, when_modal
from victimcare.casework.cases import CaseQuery
from victimcare.services import sign_in
from victimcare.ui.case.intake_dialog import DuplicateDialog, IntakeDialog

NARRATIVE = "CANARY_7f3a 被拐经过的叙述"
NEW_NARRATIVE = "测试经过乙：改过的叙述"
ID_1949_F = "11010519491231002X"     # born 1949-12-31, 17th digit even: female
BASE = {"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer", "name": "测试甲", "sex": "F",
        "birth_date": "1990-03-04", "id_status": "none", "circumstances": NARRATIVE, "health_check": "体表无外伤"}


def signed_in(qtbot, qapp, vault_factory, *cases: dict, closed: bool = False):
    """A main window signed in as the supervisor on a vault holding ``cases`` (made through the service)."""
    vault, _code, password = vault_factory()
    s = sign_in(vault, SUPERVISOR, password)
    ids = [s.intake.create(raw) for raw in cases]
    if closed:  # as closure will record it (no closure step yet)
        s.session.run(lambda: s.session.conn("core").execute("UPDATE cases SET status = 'closed'"))
    s.close()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    return window, ids


def open_case_tab(window, case_id: int, tab: str):
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, tab)
    settle()  # the case is read off the GUI thread
    return cases


def new_form(qtbot, window) -> IntakeDialog:
    dialog = IntakeDialog(window.services, window)  # the window owns it (and closes it at the end)
    dialog.show()
    return dialog


def test_a_saved_intake_is_edited_from_its_tab_and_the_change_shows(qtbot, qapp, vault_factory):
    window, [case_id] = signed_in(qtbot, qapp, vault_factory, BASE)
    cases = open_case_tab(window, case_id, "intake")
    click(qtbot, cases.case_page, "编辑接收登记")
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), IntakeDialog), timeout=5000)
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == "修改接收登记"
    assert find(dialog, "姓名").text() == "测试甲"                       # pre-filled, sensitive part too
    assert find(dialog, "起因、时间及经过").toPlainText() == NARRATIVE
    fill(qtbot, dialog, "姓名", "测试乙")
    fill(qtbot, dialog, "起因、时间及经过", NEW_NARRATIVE)
    click(qtbot, dialog, "保存")
    qtbot.waitUntil(lambda: settle() or (cases.case_page is not None and cases.case_page.case["name"] == "测试乙"),
                    timeout=10000)                                       # the page is shown afresh
    assert find(cases.case_page, "姓名").text().strip("\u2068\u2069") == "测试乙"
    page = cases.case_page
    assert page.tab_codes[page.tabs.currentIndex()] == "intake"          # back on the tab it was edited from
    click(qtbot, page, "查看敏感信息")
    qtbot.waitUntil(lambda: NEW_NARRATIVE in all_text(page), timeout=5000)
    page.show_tab("overview")
    timeline = all_text(find(page, "工作记录"))
    assert "修改接收登记：姓名、起因、时间及经过" in timeline and "（zhanzhang）" in timeline
    assert window.services.cases.count(CaseQuery(text="测试乙")) == 1
    assert window.services.cases.count(CaseQuery(status="all")) == 1   # edited, not a new case


def test_a_closed_case_cannot_be_edited(qtbot, qapp, vault_factory):
    window, [case_id] = signed_in(qtbot, qapp, vault_factory, BASE, closed=True)
    cases = open_case_tab(window, case_id, "intake")
    assert not find(cases.case_page, "编辑接收登记").isEnabled()


def test_an_id_number_that_disagrees_is_pointed_out_in_amber_without_blocking(qtbot, qapp, vault_factory):
    window, _ = signed_in(qtbot, qapp, vault_factory)
    dialog = new_form(qtbot, window)
    fill(qtbot, dialog, "来站方式", "公安解救移交")
    fill(qtbot, dialog, "姓名", "测试丙")
    fill(qtbot, dialog, "性别", "男")
    fill(qtbot, dialog, "出生日期", "1990-01-01")
    fill(qtbot, dialog, "身份证件", "有")
    note = find(dialog, "证件号码提示", visible_only=False)
    assert not note.isVisible()
    fill(qtbot, dialog, "证件号码", ID_1949_F)
    assert note.isVisible() and "#b26a00" in note.styleSheet()
    assert "出生日期与登记的出生日期不一致" in note.text() and "性别" in note.text()
    assert find(dialog, "出生日期").text() == "1990-01-01"              # what was typed is not overwritten
    assert find(dialog, "保存").isEnabled()                              # a warning, not a block
    fill(qtbot, dialog, "性别", "女")
    fill(qtbot, dialog, "出生日期", "1949-12-31")
    assert not note.isVisible()                                           # they agree now
    click(qtbot, dialog, "保存")
    qtbot.waitUntil(lambda: window.services.cases.count(CaseQuery(status="all")) == 1, timeout=5000)


def test_a_valid_id_number_fills_an_empty_birth_date_and_sex_and_says_so(qtbot, qapp, vault_factory):
    window, _ = signed_in(qtbot, qapp, vault_factory)
    dialog = new_form(qtbot, window)
    fill(qtbot, dialog, "身份证件", "有")
    fill(qtbot, dialog, "证件号码", ID_1949_F[:-1])                      # not complete yet: nothing filled
    assert find(dialog, "出生日期").text() == "" and find(dialog, "性别").currentData() == ""
    fill(qtbot, dialog, "证件号码", ID_1949_F)
    assert find(dialog, "出生日期").text() == "1949-12-31"
    assert find(dialog, "性别").currentText() == "女"
    note = find(dialog, "证件号码提示")
    assert "已根据身份证号填写出生日期、性别" in note.text()


def test_the_form_says_which_required_fields_are_missing(qtbot, qapp, vault_factory):
    window, _ = signed_in(qtbot, qapp, vault_factory)
    dialog = new_form(qtbot, window)
    hint = find(dialog, "尚未填写的必填项")
    save = find(dialog, "保存")
    assert not save.isEnabled()
    assert hint.text() == "还需填写：来站方式、姓名（或勾选“姓名不详”）、性别、出生日期或估计年龄"
    fill(qtbot, dialog, "来站方式", "公安解救移交")
    fill(qtbot, dialog, "姓名不详", True)
    fill(qtbot, dialog, "性别", "女")
    fill(qtbot, dialog, "估计年龄", "30")
    assert hint.text() == "还需填写：估计依据" and not save.isEnabled()
    fill(qtbot, dialog, "估计依据", "目测")
    fill(qtbot, dialog, "疑似被拐卖", True)
    assert hint.text() == "还需填写：报警时间、接警单位"
    fill(qtbot, dialog, "报警时间", "2026-01-05 11:00")
    fill(qtbot, dialog, "接警单位", "尤溪县公安局")
    assert not hint.isVisible() and save.isEnabled()


def test_the_sensitive_section_is_read_and_audited_only_after_view(qtbot, qapp, vault_factory):
    window, [case_id] = signed_in(qtbot, qapp, vault_factory, BASE)
    s = window.services

    number = case_ref(s.session, case_id)

    def sensitive_views():
        return [e for e in s.audit.entries() if e["action"] == "view" and "medical" in e["categories"]
                and e["object_id"] == number]

    before = len(sensitive_views())
    cases = open_case_tab(window, case_id, "intake")
    page = cases.case_page
    assert find(page, "敏感信息提示").isVisible()
    assert NARRATIVE not in all_text(page)
    assert len(sensitive_views()) == before                              # the tab alone reads nothing
    click(qtbot, page, "查看敏感信息")
    qtbot.waitUntil(lambda: NARRATIVE in all_text(page), timeout=5000)
    assert len(sensitive_views()) == before + 1
    assert not find(page, "查看敏感信息", visible_only=False).isVisible()


def test_the_duplicate_dialog_shows_every_reason_with_the_name_or_alias_that_matched(qtbot, qapp, vault_factory):
    window, _ = signed_in(qtbot, qapp, vault_factory, {**BASE, "name": "张小红", "aliases": "红红"})
    dialog = new_form(qtbot, window)
    fill(qtbot, dialog, "来站方式", "公安解救移交")
    fill(qtbot, dialog, "姓名", "章晓红")
    fill(qtbot, dialog, "曾用名/自述名", "洪洪")
    fill(qtbot, dialog, "性别", "女")
    fill(qtbot, dialog, "出生日期", "1990-05-06")
    seen = {}

    def look(dup):
        table = find(dup, "疑似重复个案")
        seen["why"] = table.item(0, 4).text()
        seen["names"] = table.item(0, 1).text()
        seen["wrap"] = table.wordWrap() and table.textElideMode() == Qt.TextElideMode.ElideNone
        rect = table.visualRect(table.model().index(0, 4))
        seen["fits"] = rect.right() <= table.viewport().width() and rect.height() > table.fontMetrics().height() * 1.5
        dup.reject()

    when_modal(DuplicateDialog, look)
    click(qtbot, dialog, "保存")
    qtbot.waitUntil(lambda: "why" in seen, timeout=5000)
    assert "姓名读音相同且年龄、性别相近：登记的姓名“\u2068章晓红\u2069”与该个案的姓名“\u2068张小红\u2069”" in seen["why"]
    assert "登记的别名“\u2068洪洪\u2069”与该个案的别名“\u2068红红\u2069”" in seen["why"]
    assert "红红" in seen["names"]                                      # the case's aliases are shown too
    assert seen["wrap"] and seen["fits"]


def test_a_draft_of_an_edit_comes_back_as_that_edit(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    s = sign_in(vault, SUPERVISOR, password)
    case_id = s.intake.create(BASE)
    s.intake.save_draft({**s.intake.editable(case_id), "name": "测试丁", "edit_case_id": case_id})
    s.close()
    window = open_window(qtbot, qapp, vault)
    restored = {}

    def save(dialog):
        restored["title"] = dialog.windowTitle()
        click(qtbot, dialog, "保存")

    def keep(box):
        [button] = [b for b in box.buttons() if b.text() == "继续填写"]
        when_modal(IntakeDialog, save)
        button.click()

    when_modal(QMessageBox, keep)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    qtbot.waitUntil(lambda: settle() or window.services.cases.count(CaseQuery(text="测试丁")) == 1, timeout=10000)
    assert restored["title"] == "修改接收登记"
    assert window.services.cases.count(CaseQuery(status="all")) == 1
    assert window.services.intake.draft() is None


def test_deadline_and_timeline_lines_wrap_inside_the_case_page_at_1366x768(qtbot, qapp, vault_factory):
    unit = "尤溪县公安局" + "刑事侦查大队第一中队" * 8                   # a timeline line far wider than the list
    window, [case_id] = signed_in(qtbot, qapp, vault_factory, {**BASE, "suspected_trafficking": True,
                                                                "police_report_at": "2026-01-05 11:00",
                                                                "police_report_unit": unit})
    window.resize(1366, 768)
    cases = open_case_tab(window, case_id, "overview")
    qtbot.waitUntil(lambda: find(cases.case_page, "工作记录").isVisible(), timeout=5000)
    settle()
    for name in ("个案时限", "工作记录"):
        view = find(cases.case_page, name)
        assert view.count() > 0
        for i in range(view.count()):
            rect = view.visualItemRect(view.item(i))
            assert rect.left() >= 0 and rect.right() <= view.viewport().width(), (name, view.item(i).text())
    timeline = find(cases.case_page, "工作记录")
    [long_line] = [timeline.item(i) for i in range(timeline.count()) if unit in timeline.item(i).text()]
    assert timeline.visualItemRect(long_line).height() >= 2 * timeline.fontMetrics().height()  # wrapped, whole
