"""The 寻亲 tab as a social worker uses it: publish a search notice, request the DNA sample, be told in place
when a later step comes before an earlier one, and see the records listed and the step's status follow."""

from shiboken6 import isValid

from support import SUPERVISOR
from ui_helpers import all_text, click, fill, find, open_window, record_dialog, save_record, settle, sign_in_window

PERSON = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
          "birth_date": "2009-03-04"}


def test_record_a_notice_and_a_dna_request_and_see_them_listed(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    case_id = window.services.intake.create(PERSON)
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, "tracing")
    settle()
    page = cases.case_page
    assert "未开始" in find(page, "环节状态").text()
    assert "不保存DNA分型" in find(page, "不保存的数据").text()

    click(qtbot, page, "新增寻亲公告")
    form = record_dialog(qtbot)
    fill(qtbot, form, "发布渠道", "全国救助寻亲网")
    fill(qtbot, form, "发布时间", "2026-02-01 15:30")
    fill(qtbot, form, "发布依据", "依法定职责发布（民政部 公安部身份查询意见）")
    save_record(qtbot, form)
    page = cases.case_page
    notices = find(page, "寻亲公告")
    assert notices.rowCount() == 1
    assert [notices.item(0, c).text() for c in range(2)] == ["全国救助寻亲网", "2026-02-01 15:30"]
    assert "进行中" in find(page, "环节状态").text()
    assert "寻亲 · 进行中" in page.tabs.tabText(page.tabs.currentIndex())

    click(qtbot, page, "新增DNA采血登记")
    form = record_dialog(qtbot)
    fill(qtbot, form, "报请日期", "2026-02-03")
    fill(qtbot, form, "报请单位", "测试救助站")
    fill(qtbot, form, "知情同意/法定依据", "法定职责（公安部打拐DNA采血规定）")
    fill(qtbot, form, "样本编号", "DNA-SAMPLE-ZZ-0001")
    click(qtbot, form, "保存")
    settle()
    assert isValid(form) and form.isVisible(), "refused: the form stays open"
    assert "尚未登记采血日期" in find(form, "样本编号错误提示").text(), "refused in place, under the field"
    fill(qtbot, form, "样本编号", "")
    save_record(qtbot, form)
    page = cases.case_page
    dna = find(page, "DNA采血登记")
    assert dna.rowCount() == 1 and dna.item(0, 0).text() == "2026-02-03"
    assert not find(page, "新增DNA采血登记").isEnabled(), "one DNA sample reference per case, edited as it moves on"

    dna.selectRow(0)
    click(qtbot, page, "修改DNA采血登记")
    form = record_dialog(qtbot)
    assert find(form, "报请单位").text() == "测试救助站"
    fill(qtbot, form, "采血单位（派出所/鉴定中心）", "测试派出所")
    fill(qtbot, form, "采血日期", "2026-02-20")
    fill(qtbot, form, "样本编号", "DNA-SAMPLE-ZZ-0001")
    save_record(qtbot, form)
    page = cases.case_page
    dna = find(page, "DNA采血登记")
    assert [dna.item(0, c).text() for c in range(3)] == ["2026-02-03", "2026-02-20", "DNA-SAMPLE-ZZ-0001"]

    click(qtbot, page, "新增寻亲结果")
    form = record_dialog(qtbot)
    fill(qtbot, form, "日期", "2026-03-01")
    fill(qtbot, form, "结果", "已查明")
    fill(qtbot, form, "查明经过/情况说明", "户籍查询比中，家属到站确认")
    save_record(qtbot, form)
    page = cases.case_page
    assert "已完成" in find(page, "环节状态").text() and "已查明" in find(page, "环节状态").text()
    records = window.services.tracing.records(case_id)["records"]
    assert records["notice"][0]["published_at"] == "2026-02-01T15:30"
    assert records["dna"][0]["collected_on"] == "2026-02-20"
    assert "寻亲公告应每30天更新一次" not in all_text(page), "the identity is known: no more refreshes due"
