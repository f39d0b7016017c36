"""The 法律援助 tab as a social worker uses it: record a child's application (told in place that a minor
needs a legal representative), change it, then record the decision and see the step wait for a lawyer."""

from support import SUPERVISOR
from ui_helpers import click, fill, find, open_window, record_dialog, save_record, settle, sign_in_window

CHILD = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "police_transfer", "name": "测试乙", "sex": "F",
         "birth_date": "2012-05-06"}


def test_record_and_edit_a_childs_application_then_the_decision(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    case_id = window.services.intake.create(CHILD)
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, "legal_aid")
    settle()
    page = cases.case_page
    assert "未开始" in find(page, "环节状态").text()
    click(qtbot, page, "新增法律援助申请")
    form = record_dialog(qtbot)
    fill(qtbot, form, "申请日期", "2026-02-03")
    fill(qtbot, form, "受理机构", "尤溪县法律援助中心")
    fill(qtbot, form, "申请人", "本人申请")
    fill(qtbot, form, "法律地位", "被害人")
    fill(qtbot, form, "案件所处阶段", "侦查")
    click(qtbot, form, "保存")
    settle()
    assert "法定代理人" in find(form, "申请人错误提示").text(), "refused in place, the form stays open"
    assert "未满18周岁" in find(form, "代理申请人错误提示").text()
    fill(qtbot, form, "申请人", "法定代理人代为申请")
    fill(qtbot, form, "代理申请人", "尤溪县民政局")
    fill(qtbot, form, "代理申请人与受助人关系", "民政部门（临时监护）")
    fill(qtbot, form, "免予核查经济困难状况", True)
    fill(qtbot, form, "免予核查情形", "无固定生活来源的未成年人")
    save_record(qtbot, form)
    page = cases.case_page  # the page is shown afresh after a record
    table = find(page, "法律援助申请")
    assert table.rowCount() == 1 and table.item(0, 1).text() == "尤溪县法律援助中心"
    assert table.item(0, 2).text() == "法定代理人代为申请" and table.item(0, 6).text() == "是"
    assert "进行中" in find(page, "环节状态").text() and "待审查决定" in find(page, "环节状态").text()
    assert not find(page, "新增法律援助申请").isEnabled(), "one application per case"

    table.selectRow(0)
    click(qtbot, page, "修改法律援助申请")
    form = record_dialog(qtbot)
    assert find(form, "代理申请人").text() == "尤溪县民政局"
    fill(qtbot, form, "案件所处阶段", "审查起诉")
    save_record(qtbot, form)
    assert find(cases.case_page, "法律援助申请").item(0, 5).text() == "审查起诉"

    click(qtbot, cases.case_page, "新增审查决定")
    form = record_dialog(qtbot)
    fill(qtbot, form, "决定日期", "2026-02-01")
    fill(qtbot, form, "决定", "给予法律援助")
    click(qtbot, form, "保存")
    settle()
    assert "不能早于申请日期" in find(form, "决定日期错误提示").text()
    fill(qtbot, form, "决定日期", "2026-02-06")
    save_record(qtbot, form)
    page = cases.case_page
    assert "待指派律师" in find(page, "环节状态").text()
    assert "法律援助 · 进行中" in page.tabs.tabText(page.tabs.currentIndex())
    records = window.services.legal_aid.records(case_id)["records"]
    assert records["application"][0]["stage"] == "prosecution" and records["decision"][0]["result"] == "granted"
