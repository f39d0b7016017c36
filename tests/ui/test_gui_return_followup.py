"""The 回归家庭/社区 and 跟踪回访 tabs: a handover to someone on the blocked list is refused in the form
with the reason; a proper handover finishes the step; a visit is then recorded under 跟踪回访."""

from support import SUPERVISOR
from ui_helpers import click, fill, find, open_window, record_dialog, save_record, settle, sign_in_window

ADULT = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
         "birth_date": "1990-03-04"}


def test_blocked_collector_refused_then_handover_and_a_visit(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    case_id = window.services.intake.create(ADULT)
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, "return")
    settle()
    page = cases.case_page
    click(qtbot, page, "新增禁止交接名单")
    form = record_dialog(qtbot)
    fill(qtbot, form, "姓名", "测试买")
    fill(qtbot, form, "身份", "收买人")
    fill(qtbot, form, "身份证号", "11010519491231002X")
    save_record(qtbot, form)

    click(qtbot, page, "新增交接记录")
    form = record_dialog(qtbot)
    fill(qtbot, form, "交接日期", "2026-03-01")
    fill(qtbot, form, "去向", "亲属接领，回归家庭")
    fill(qtbot, form, "接领人姓名", "测试丙")
    fill(qtbot, form, "与受助人关系", "父母")
    fill(qtbot, form, "接领人身份证号", "110105491231002")  # the buyer's old 15-digit number
    fill(qtbot, form, "已查验接领人身份证件并留存复印件", True)
    click(qtbot, form, "保存")
    settle()
    assert "禁止交接名单" in find(form, "表单错误").text() and form.isVisible()
    fill(qtbot, form, "接领人身份证号", "110105196001011239")
    save_record(qtbot, form)
    assert "已完成" in find(page, "环节状态").text()

    page.show_tab("followup")
    settle()
    click(qtbot, page, "新增回访记录")
    form = record_dialog(qtbot)
    fill(qtbot, form, "回访日期", "2026-04-01")
    fill(qtbot, form, "方式", "入户")
    fill(qtbot, form, "回访人", "测试社工")
    fill(qtbot, form, "监护/照料情况", "较好")
    save_record(qtbot, form)
    assert find(page, "回访记录").rowCount() == 1
    assert "跟踪回访 · 进行中" in page.tabs.tabText(page.tabs.currentIndex())
