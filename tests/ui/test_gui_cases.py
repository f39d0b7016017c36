"""Intake typed through the form, the case list, the case page and role limits, as users see them."""

from datetime import date

import pytest

from PySide6.QtWidgets import QWidget
from ui_helpers import all_text, click, fill, find, settle, sign_in_window, type_text, when_modal
from victimcare.services import sign_in
from victimcare.casework.cases import CaseQuery
from victimcare.domain.dates import age_on
from victimcare.core.errors import PermissionDenied
from support import skip_first_password_change
from victimcare.security.permissions import Role
from victimcare.ui.case.intake_dialog import DuplicateDialog, IntakeDialog
from victimcare.ui.kit.inputs import RareCharDialog
from victimcare.ui.mainwindow import MainWindow

SUPERVISOR = "zhanzhang"
WORKER_PASSWORD = "社工的密码 很长很长 sea-shell-77"
NARRATIVE = "CANARY_7f3a 被拐经过的叙述"


@pytest.fixture
def signed_in(qtbot, qapp, vault_factory):
    """A main window signed in as ``account`` (created as ``role`` unless it is the supervisor). The
    windows are kept alive until the test ends (pytest-qt holds them weakly; dialogs are their children)."""
    windows = []

    def open_as(account=SUPERVISOR, role=None, vault=None):
        if vault is None:
            vault, _code, password = vault_factory()
            open_as.password = password
        password = open_as.password
        if role is not None:
            s = sign_in(vault, SUPERVISOR, password)
            s.accounts.create(account, role, WORKER_PASSWORD)
            s.close()
            skip_first_password_change(vault, account, password=password)
            password = WORKER_PASSWORD
        window = MainWindow(qapp, vault=vault)
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        sign_in_window(qtbot, window, account, password)
        return window

    yield open_as
    windows.clear()


def type_intake(qtbot, dialog, *, name="王𠮷明", rare_in_name=True, age="9", id_number=""):
    fill(qtbot, dialog, "来站方式", "公安解救移交")
    if rare_in_name:  # 𠮷 is outside the BMP: typed with the rare-character aid, as a user would
        fill(qtbot, dialog, "姓名", name.replace("𠮷", ""))
        edit = find(dialog, "姓名")
        edit.findChild(type(find(dialog, "曾用名/自述名"))).setCursorPosition(1)
        when_modal(RareCharDialog, lambda d: (fill(qtbot, d, "码位", "U+20BB7"), click(qtbot, d, "插入")))
        click(qtbot, dialog, "生僻字输入")
    else:
        fill(qtbot, dialog, "姓名", name)
    fill(qtbot, dialog, "曾用名/自述名", "小明；明明")
    fill(qtbot, dialog, "性别", "男")
    fill(qtbot, dialog, "估计年龄", age)
    fill(qtbot, dialog, "估计依据", "目测")
    if id_number:
        fill(qtbot, dialog, "身份证件", "有")
        fill(qtbot, dialog, "证件号码", id_number)
    fill(qtbot, dialog, "户籍地", "350426")
    fill(qtbot, dialog, "起因、时间及经过", NARRATIVE)
    fill(qtbot, dialog, "身体状况", "体表无明显外伤")
    fill(qtbot, dialog, "疑似被拐卖", True)
    fill(qtbot, dialog, "报警时间", "2026-01-05 11:00")
    fill(qtbot, dialog, "接警单位", "尤溪县公安局")


def saved_intake(qtbot, window, name: str) -> IntakeDialog:
    """Type a whole intake for ``name`` into a fresh form and press 保存."""
    dialog = IntakeDialog(window.services, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_intake(qtbot, dialog, name=name, rare_in_name=False)
    click(qtbot, dialog, "保存")
    return dialog


def test_full_intake_typed_through_the_form(qtbot, signed_in):
    window = signed_in()
    cases = window.workspace.show_section("cases")
    done = {}

    def fill_and_save(dialog):
        fill(qtbot, dialog, "入站时间", "2026-01-05 09:30")
        type_intake(qtbot, dialog)
        assert find(dialog, "保存").isEnabled()
        click(qtbot, dialog, "保存")
        done["ok"] = True

    when_modal(IntakeDialog, fill_and_save)
    click(qtbot, cases, "新建接收登记")
    qtbot.waitUntil(lambda: done.get("ok") and cases.case_page is not None, timeout=10000)

    page = cases.case_page
    assert find(page, "姓名").text().strip("\u2068\u2069") == "王𠮷明"
    facts = find(page, "基本情况").text()
    # estimated 9 on admission (2026-01-05) → born about 2016-07-01, shown with today's age
    assert f"约{age_on(date(2016, 7, 1), date.today())}岁" in facts and "TS-2026-00001" in facts
    timeline = all_text(find(page, "工作记录"))
    assert "接收登记（公安解救移交）" in timeline
    assert "疑似被拐卖，已报警（尤溪县公安局）" in timeline

    click(qtbot, page, "返回列表")
    table = find(cases, "个案列表")
    for fragment in ("𠮷", "王𠮷", "王𠮷明", "TS-2026"):
        find(cases, "搜索个案").clear()
        fill(qtbot, cases, "搜索个案", fragment)
        qtbot.waitUntil(lambda: table.model().rowCount() == 1 and "王𠮷明" in all_text(table), timeout=3000)
    fill(qtbot, cases, "搜索个案", "没有这个人")
    qtbot.waitUntil(lambda: table.model().rowCount() == 0, timeout=3000)


def test_bad_id_number_is_explained_inline_and_nothing_is_saved(qtbot, signed_in):
    window = signed_in()
    dialog = IntakeDialog(window.services, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_intake(qtbot, dialog, name="李四", rare_in_name=False, id_number="110105194912310021")
    click(qtbot, dialog, "保存")
    error = find(dialog, "证件号码错误提示")
    assert "校验位" in error.text()
    assert dialog.isVisible()
    assert window.services.cases.count(CaseQuery(status="all")) == 0


def test_duplicate_is_shown_and_the_decision_is_audited(qtbot, signed_in):
    window = signed_in()
    session = window.services
    saved_intake(qtbot, window, "张小红")
    second = IntakeDialog(session, window)
    qtbot.addWidget(second)
    second.show()
    type_intake(qtbot, second, name="张晓红", rare_in_name=False)  # same sound, same age and sex
    seen = {}

    def decide(dialog):
        seen["text"] = all_text(dialog)
        click(qtbot, dialog, "新建个案")

    when_modal(DuplicateDialog, decide)
    click(qtbot, second, "保存")
    qtbot.waitUntil(lambda: "text" in seen, timeout=5000)
    assert "张小红" in seen["text"] and "读音相同" in seen["text"]
    assert session.cases.count(CaseQuery(status="all")) == 2
    decisions = [e for e in session.audit.entries() if e["action"] == "decision"]
    assert decisions and decisions[0]["detail"] == "duplicate:new_case"


def test_the_sensitive_section_is_audited_when_viewed_not_when_the_tab_opens(qtbot, signed_in):
    window = signed_in()
    session = window.services
    saved_intake(qtbot, window, "赵六")
    cases = window.workspace.show_section("cases")
    cases.open_case(1)
    settle()  # the case is read off the GUI thread
    page = cases.case_page

    def views():
        return [e for e in session.audit.entries() if "medical" in e["categories"] and e["action"] == "view"]

    before = len(views())
    page.show_tab("intake")
    assert find(page, "敏感信息提示").isVisible()
    assert NARRATIVE not in all_text(page) and len(views()) == before   # behind 查看 (issue 9, item 16)
    click(qtbot, page, "查看敏感信息")
    qtbot.waitUntil(lambda: NARRATIVE in all_text(page), timeout=5000)
    assert len(views()) == before + 1


def test_education_officer_sees_only_referred_children(qtbot, signed_in, vault_factory):
    vault, _code, password = vault_factory()
    s = sign_in(vault, SUPERVISOR, password)
    base = {"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer", "sex": "F", "age_basis": "目测",
            "id_status": "none", "circumstances": NARRATIVE, "health_check": "CANARY 诊断"}
    child = s.intake.create({**base, "name": "陈小花", "estimated_age": "10"})
    s.intake.create({**base, "name": "林小草", "estimated_age": "11"})  # not referred
    s.intake.create({**base, "name": "周大姐", "estimated_age": "40"})
    s.school.refer(child)
    s.close()
    signed_in.password = password
    window = signed_in("jiaoyu", Role.EDUCATION_OFFICER, vault=vault)
    nav = find(window, "导航")
    assert [nav.item(i).text() for i in range(nav.count())] == ["工作台", "入学安置台账"]
    ledger = window.workspace.show_section("school")
    table = find(ledger, "入学安置台账")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    text = all_text(window)
    assert "陈小花" in text
    assert "林小草" not in text and "周大姐" not in text
    assert "CANARY" not in text
    with pytest.raises(PermissionDenied):
        window.services.cases.get_case(child)
    with pytest.raises(PermissionDenied):
        window.services.intake.sensitive(child)


def test_referral_to_school_with_a_pseudonym(qtbot, signed_in):
    from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit
    window = signed_in()
    session = window.services
    case_id = session.intake.create({"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer",
                                           "name": "钱小溪", "sex": "F", "estimated_age": "8", "age_basis": "目测",
                                           "id_status": "none"})
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id)
    settle()  # the case is read off the GUI thread

    def answer(dialog):
        edit = dialog.findChild(QLineEdit)
        assert edit.text() == "钱小溪"  # the real name is offered; the worker may replace it
        edit.clear()
        type_text(qtbot, edit, "小溪")
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_modal(QInputDialog, answer)
    click(qtbot, cases.case_page, "转介入学")
    qtbot.waitUntil(lambda: settle() or "转介教育部门安排入学" in all_text(find(cases.case_page, "工作记录")),
                    timeout=5000)  # the case page is shown afresh after the referral
    assert not find(cases.case_page, "转介入学").isEnabled()
    ledger = session.school.children()[0]
    assert [r["display_name"] for r in ledger] == ["小溪"]


def test_no_referral_is_offered_to_someone_past_school_age(qtbot, signed_in):
    """School-age on arrival (17) but 19 today: the service would refuse, so the page does not offer it."""
    window = signed_in()
    case_id = window.services.intake.create({"admitted_at": "2024-01-05 09:00", "arrival_mode": "self",
                                             "name": "孙小河", "sex": "M", "birth_date": "2006-06-01",
                                             "id_status": "none"})
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id)
    settle()
    assert window.services.cases.get_case(case_id)["steps"]["school"]["status"] != "not_applicable"
    assert not [w for w in cases.case_page.findChildren(QWidget) if w.accessibleName() == "转介入学"]
