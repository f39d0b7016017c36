"""The 入学安置 tab on the case page: an adult is told it does not apply, a child not yet referred how to
refer, and a referred child's placement is shown in the ledger's own form."""

from support import SUPERVISOR
from ui_helpers import find, open_window, settle, sign_in_window

CHILD = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "police_transfer", "name": "测试童", "sex": "F",
         "birth_date": "2016-05-06"}
ADULT = {**CHILD, "name": "测试甲", "birth_date": "1990-03-04"}


def test_the_school_tab_by_the_state_of_the_referral(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    s = window.services
    adult, child = s.intake.create(ADULT), s.intake.create(CHILD)
    cases = window.workspace.show_section("cases")
    cases.open_case(adult, "school")
    settle()
    assert "不适用" in find(cases.case_page, "入学安置说明").text()
    cases.open_case(child, "school")
    settle()
    assert "尚未转介入学" in find(cases.case_page, "入学安置说明").text()
    s.school.refer(child, "化名小禾")
    cases.open_case(child, "school")
    settle()
    page = cases.case_page
    heading = find(page, "所选儿童").text()
    assert "化名小禾" in heading and s.cases.get_case(child)["case_no"] in heading
