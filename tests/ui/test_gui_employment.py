"""The 就业服务 tab as a social worker uses it: record the work-capacity assessment (told in place when
its date is before the 16th birthday), change it, then record an employment and see the step done."""

from support import SUPERVISOR
from ui_helpers import click, fill, find, open_window, record_dialog, save_record, settle, sign_in_window

TEEN = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "police_transfer", "name": "测试丙", "sex": "M",
        "birth_date": "2010-06-15"}  # 15 at admission, 16 since 2026-06-15


def test_record_and_edit_the_assessment_then_an_employment(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    case_id = window.services.intake.create(TEEN)
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, "employment")
    settle()
    page = cases.case_page
    assert "不适用" in find(page, "环节状态").text() and "未满16周岁" in find(page, "环节状态").text()
    click(qtbot, page, "新增劳动能力与就业意愿")
    form = record_dialog(qtbot)
    fill(qtbot, form, "评估日期", "2026-06-14")
    fill(qtbot, form, "劳动能力", "有劳动能力")
    fill(qtbot, form, "有就业意愿", True)
    click(qtbot, form, "保存")
    settle()
    assert "未满16周岁" in find(form, "评估日期错误提示").text(), "refused in place, the form stays open"
    fill(qtbot, form, "评估日期", "2026-06-15")
    save_record(qtbot, form)
    page = cases.case_page
    table = find(page, "劳动能力与就业意愿")
    assert table.rowCount() == 1 and table.item(0, 1).text() == "有劳动能力"
    assert "进行中" in find(page, "环节状态").text()

    table.selectRow(0)
    click(qtbot, page, "修改劳动能力与就业意愿")
    form = record_dialog(qtbot)
    assert find(form, "有就业意愿").isChecked()
    fill(qtbot, form, "求职意向", "汽修学徒")
    save_record(qtbot, form)
    assert find(cases.case_page, "劳动能力与就业意愿").item(0, 3).text() == "汽修学徒"

    click(qtbot, cases.case_page, "新增就业登记")
    form = record_dialog(qtbot)
    fill(qtbot, form, "就业日期", "2026-09-01")
    fill(qtbot, form, "就业类型", "单位就业")
    click(qtbot, form, "保存")
    settle()
    assert "就业单位" in find(form, "就业单位错误提示").text()
    fill(qtbot, form, "就业单位", "测试汽修厂")
    save_record(qtbot, form)
    page = cases.case_page
    assert "已完成" in find(page, "环节状态").text() and "已就业" in find(page, "环节状态").text()
    assert "就业服务 · 已完成" in page.tabs.tabText(page.tabs.currentIndex())
    records = window.services.employment.records(case_id)["records"]
    assert records["capacity"][0]["job_wish"] == "汽修学徒" and records["job"][0]["employer"] == "测试汽修厂"
