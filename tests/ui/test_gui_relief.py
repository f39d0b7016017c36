"""The 救助安置 tab as a social worker uses it: record a placement, see it, change it, be told in place
what is wrong, and watch the departure finish the step."""

from support import SUPERVISOR
from ui_helpers import click, fill, find, open_case_tab, record_dialog, save_record, settle

ADULT = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
         "birth_date": "1990-03-04"}


def open_relief(qtbot, qapp, vault_factory):
    return open_case_tab(qtbot, qapp, vault_factory, ADULT, "relief")


def test_record_and_edit_a_placement_then_the_departure(qtbot, qapp, vault_factory):
    window, cases, case_id = open_relief(qtbot, qapp, vault_factory)
    page = cases.case_page
    assert "未开始" in find(page, "环节状态").text()
    click(qtbot, page, "新增安置记录")
    form = record_dialog(qtbot)
    fill(qtbot, form, "安置日期", "2026-02-01")
    fill(qtbot, form, "安置类型", "家庭寄养")
    fill(qtbot, form, "安置场所", "县救助站")
    click(qtbot, form, "保存")
    settle()
    assert "只适用于未成年人" in find(form, "安置类型错误提示").text(), "refused in place, the form stays open"
    fill(qtbot, form, "安置类型", "站内安置")
    fill(qtbot, form, "住宿区/房间", "A-101")
    save_record(qtbot, form)
    page = cases.case_page  # the page is shown afresh after a record
    table = find(page, "安置记录")
    assert table.rowCount() == 1 and table.item(0, 2).text() == "县救助站"
    assert "进行中" in find(page, "环节状态").text()
    assert "救助安置 · 进行中" in page.tabs.tabText(page.tabs.currentIndex())

    table.selectRow(0)
    click(qtbot, page, "修改安置记录")
    form = record_dialog(qtbot)
    assert find(form, "住宿区/房间").text() == "A-101"
    fill(qtbot, form, "住宿区/房间", "A-102")
    save_record(qtbot, form)
    assert find(cases.case_page, "安置记录").item(0, 3).text() == "A-102"

    click(qtbot, cases.case_page, "新增离站登记")
    form = record_dialog(qtbot)
    fill(qtbot, form, "离站日期", "2026-02-08")
    fill(qtbot, form, "离站方式", "自行返乡")
    fill(qtbot, form, "寄存物品已清点返还", True)
    save_record(qtbot, form)
    page = cases.case_page
    assert "已完成" in find(page, "环节状态").text()
    assert not find(page, "新增离站登记").isEnabled(), "one departure per case"
    records = window.services.relief.records(case_id)["records"]
    assert records["placement"][0]["room"] == "A-102" and records["departure"][0]["belongings_returned"] is True
