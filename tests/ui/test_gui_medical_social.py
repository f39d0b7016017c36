"""The 医疗康复 and 社会服务 tabs as a social worker uses them: the sensitive records are read only after
查看 (and the view audited then); a service is recorded and shown."""

from support import SUPERVISOR
from ui_helpers import click, fill, find, open_case_tab, record_dialog, save_record, settle

ADULT = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
         "birth_date": "1990-03-04"}


def open_case_at(qtbot, qapp, vault_factory, tab):
    window, cases, case_id = open_case_tab(qtbot, qapp, vault_factory, ADULT, tab)
    return window, cases.case_page, case_id


def health_views(services) -> int:
    return sum(1 for e in services.audit.entries(limit=200)
               if e["action"] == "view" and e["object_type"] == "step_record")


def test_medical_records_show_only_after_asking_and_a_visit_is_recorded(qtbot, qapp, vault_factory):
    window, page, case_id = open_case_at(qtbot, qapp, vault_factory, "medical")
    services = window.services
    assert health_views(services) == 0 and not find(page, "就诊记录", visible_only=False).isVisible()
    click(qtbot, page, "查看敏感记录")
    settle()
    assert health_views(services) == 1
    click(qtbot, page, "新增就诊记录")
    form = record_dialog(qtbot)
    fill(qtbot, form, "就诊/入院日期", "2026-02-02")
    fill(qtbot, form, "就诊类型", "住院")
    fill(qtbot, form, "定点医院", "县人民医院")
    fill(qtbot, form, "诊断", "测试诊断")
    save_record(qtbot, form)
    table = find(page, "就诊记录")
    assert table.rowCount() == 1 and "县人民医院" in [table.item(0, c).text() for c in range(table.columnCount())]
    assert "医疗康复 · 进行中" in page.tabs.tabText(page.tabs.currentIndex())


def test_a_social_service_is_recorded_and_edited(qtbot, qapp, vault_factory):
    window, page, case_id = open_case_at(qtbot, qapp, vault_factory, "social")
    click(qtbot, page, "新增服务记录")
    form = record_dialog(qtbot)
    fill(qtbot, form, "服务类型", "技能培训")
    fill(qtbot, form, "服务提供方", "县志愿服务队")
    fill(qtbot, form, "提供方类型", "志愿者")
    fill(qtbot, form, "开始日期", "2026-02-05")
    save_record(qtbot, form)
    table = find(page, "服务记录")
    table.selectRow(0)
    click(qtbot, page, "修改服务记录")
    form = record_dialog(qtbot)
    fill(qtbot, form, "结束日期", "2026-03-01")
    fill(qtbot, form, "服务成效", "完成培训")
    save_record(qtbot, form)
    assert "已完成" in find(page, "环节状态").text()
    assert window.services.social.records(case_id)["records"]["service"][0]["outcome"] == "完成培训"
