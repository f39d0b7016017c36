"""落户 in the window: the application recorded in the 落户 tab, approved by the supervisor on the 工作台
(a station may have one supervisor, who then approves their own request; the audit log shows both), and
the tab then takes the police registration."""

from test_gui_closure import decide
from support import SUPERVISOR
from ui_helpers import click, fill, find, open_window, record_dialog, save_record, settle, sign_in_window
from victimcare.services import sign_in

UNKNOWN = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "police_transfer", "name": "测试甲", "sex": "F",
           "estimated_age": "30", "age_basis": "目测", "id_status": "none"}


def test_application_approved_on_the_workbench_then_the_police_part(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    s = sign_in(vault, SUPERVISOR, password)
    case_id = s.intake.create(UNKNOWN)
    s.close()

    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, "hukou")
    settle()
    page = cases.case_page
    click(qtbot, page, "新增落户申请")
    form = record_dialog(qtbot)
    for name, value in (("申请日期", "2026-06-01"), ("拟用姓名", "党测甲"), ("推定出生日期", "1996-01-01"),
                        ("推定依据", "骨龄鉴定"), ("拟落户地址（机构集体户）", "县社会福利中心集体户")):
        fill(qtbot, form, name, value)
    save_record(qtbot, form)
    assert "待站长审批" in find(page, "环节状态").text()
    seen = decide(qtbot, window, True, "同意落户")
    assert "落户" in seen["request"]
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, "hukou")
    settle()
    page = cases.case_page
    assert "已批准" in find(page, "环节状态").text()
    click(qtbot, page, "新增公安办理")
    form = record_dialog(qtbot)
    fill(qtbot, form, "送交公安日期", "2026-06-10")
    fill(qtbot, form, "受理单位", "县公安局户政科")
    save_record(qtbot, form)
    assert find(page, "公安办理").rowCount() == 1
