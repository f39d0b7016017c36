"""结案 as users do it: a social worker fills the closure request on the case's 结案 tab, the supervisor
approves it on the 工作台 (a rejection without a comment is refused in the dialog), the case shows 已结案
and takes no more requests but 重新开案, which the supervisor approves too; the worker then sees the
outcomes of their request on their own 工作台."""

from PySide6.QtWidgets import QLabel

from support import SUPERVISOR, skip_first_password_change
from ui_helpers import all_text, click, fill, find, settle, sign_in_window, when_modal
from victimcare.security.permissions import Role
from victimcare.services import sign_in
from victimcare.ui.mainwindow import MainWindow
from victimcare.ui.pages.approvals_box import DecisionDialog

WORKER, WORKER_PASSWORD = "shegong01", "社工的密码 很长很长 sea-shell-77"
SUMMARY = "已护送返回家庭，接领人身份已核对。"


def prepared_vault(vault_factory):
    vault, _code, password = vault_factory()
    s = sign_in(vault, SUPERVISOR, password)
    s.accounts.create(WORKER, Role.SOCIAL_WORKER, WORKER_PASSWORD)
    case_id = s.intake.create({"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲",
                               "sex": "F", "birth_date": "2012-03-04"})
    s.close()
    skip_first_password_change(vault, WORKER)
    return vault, password, case_id


def open_closure_tab(qtbot, window, case_id):
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, "closure")
    qtbot.waitUntil(lambda: cases.case_page is not None, timeout=10000)
    settle()
    return cases


def reloaded(qtbot, cases, old_page):
    qtbot.waitUntil(lambda: cases.case_page is not None and cases.case_page is not old_page, timeout=10000)
    settle()
    return cases.case_page


def header_tags(page) -> set[str]:
    return {w.text() for w in find(page, "个案概要").findChildren(QLabel)}


def decide(qtbot, window, approve: bool, comment: str, *, expect_error: str = ""):
    """Select the first pending request and decide it in the dialog, as the supervisor does."""
    home = window.workspace.show_section("home")
    table = find(home, "待审批")
    qtbot.waitUntil(lambda: table.rowCount() >= 1, timeout=5000)
    seen = {}

    def in_dialog(dialog):
        seen["request"] = find(dialog, "申请").text()
        fill(qtbot, dialog, "审批意见", comment)
        click(qtbot, dialog, "批准" if approve else "驳回")
        settle()
        if expect_error:
            seen["error"] = find(dialog, "审批错误提示").text()
            click(qtbot, dialog, "取消")

    when_modal(DecisionDialog, in_dialog)
    click(qtbot, home, "批准" if approve else "驳回")
    qtbot.waitUntil(lambda: "request" in seen, timeout=5000)
    settle()
    return seen


def test_closure_requested_approved_on_the_workbench_and_reopened(qtbot, qapp, vault_factory):
    vault, password, case_id = prepared_vault(vault_factory)
    window = MainWindow(qapp, vault=vault)
    qtbot.addWidget(window)
    window.show()

    # the social worker files the closure on the 结案 tab
    sign_in_window(qtbot, window, WORKER, WORKER_PASSWORD)
    cases = open_closure_tab(qtbot, window, case_id)
    page = cases.case_page
    assert find(page, "结案状态").text() == "办理中"
    fill(qtbot, page, "服务摘要", SUMMARY)
    fill(qtbot, page, "保管期限", "30年")
    fill(qtbot, page, "归档日期", "2026-10-01")
    click(qtbot, page, "提请结案审批")
    settle()
    assert "请选择结案类型" in find(page, "结案类型错误提示").text(), "a missing field is named under it"
    fill(qtbot, page, "结案类型", "返回家庭")
    click(qtbot, page, "提请结案审批")
    page = reloaded(qtbot, cases, page)
    requests = all_text(find(page, "结案审批记录"))
    assert "结案 · 待审批" in requests and WORKER in requests
    assert find(page, "撤回申请").isVisible(), "the requester may take it back"
    assert "已结案" not in header_tags(page)
    window.logout()

    # the supervisor: a rejection needs a comment, then the approval on the 工作台
    sign_in_window(qtbot, window, SUPERVISOR, password)
    home = window.workspace.show_section("home")
    table = find(home, "待审批")
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=5000)
    row = all_text(table)
    assert all(text in row for text in ("TS-2026-00001", "测试甲", "结案", WORKER, SUMMARY))
    seen = decide(qtbot, window, False, "", expect_error="yes")
    assert "驳回时请写明理由" in seen["error"]
    assert table.rowCount() == 1, "nothing was decided"
    seen = decide(qtbot, window, True, "同意结案")
    assert "TS-2026-00001" in seen["request"] and SUMMARY in seen["request"]
    qtbot.waitUntil(lambda: find(home, "无待审批").isVisible(), timeout=5000)

    # the case shows 已结案 and offers only the reopening
    cases = open_closure_tab(qtbot, window, case_id)
    page = cases.case_page
    assert "已结案" in header_tags(page)
    assert find(page, "结案状态").text().startswith("已结案")
    assert find(page, "结案类型").text() == "返回家庭" and find(page, "服务摘要").text() == SUMMARY
    assert "结案 · 已批准" in all_text(find(page, "结案审批记录"))
    assert not [w for w in page.findChildren(QLabel) if w.text() == "提请结案审批"]
    assert "结案 · 已完成" in page.tabs.tabText(page.tab_codes.index("closure"))
    fill(qtbot, page, "重新开案理由", "发现新的寻亲线索")
    click(qtbot, page, "申请重新开案")
    page = reloaded(qtbot, cases, page)
    assert "重新开案 · 待审批" in all_text(find(page, "结案审批记录"))
    seen = decide(qtbot, window, True, "")
    assert "重新开案" in seen["request"]
    cases = open_closure_tab(qtbot, window, case_id)
    page = cases.case_page
    assert "已结案" not in header_tags(page) and find(page, "结案状态").text() == "办理中"
    find(page, "提请结案审批")  # the closure form is offered again
    timeline = window.services.cases.timeline(case_id)
    assert [e["summary"] for e in timeline][:6] == ["重新开案", "审批通过：重新开案", "提请审批：重新开案",
                                                    "结案", "审批通过：结案", "提请审批：结案"]
    window.logout()

    # the worker sees the outcome of the request
    sign_in_window(qtbot, window, WORKER, WORKER_PASSWORD)
    mine = find(window.workspace.show_section("home"), "我的申请")
    qtbot.waitUntil(lambda: "已批准" in all_text(mine), timeout=5000)
    assert "结案：已批准" in all_text(mine) and "意见：同意结案" in all_text(mine) and SUPERVISOR in all_text(mine)
    window.close()


def test_the_closure_tab_and_the_approvals_in_english_show_no_chinese_but_what_users_typed(qtbot, qapp, vault_factory):
    from test_gui_english import chinese_left
    from victimcare.ui.i18n import install_translators
    vault, password, case_id = prepared_vault(vault_factory)
    s = sign_in(vault, SUPERVISOR, password)
    rejected = s.closure.request(case_id, {"closure_type": "family", "summary": "typed summary", "retention": "30y",
                                           "archive_on": "2026-10-01"})
    s.approvals.decide(rejected, False, "typed comment")
    s.approvals.request(case_id, "hukou", "typed reason")
    s.close()
    install_translators(qapp, "en")
    try:
        window = MainWindow(qapp, vault=vault)
        qtbot.addWidget(window)
        window.show()
        sign_in_window(qtbot, window, SUPERVISOR, password, english=True)
        seen = [all_text(window)]
        cases = open_closure_tab(qtbot, window, case_id)
        seen.append(all_text(window))
        text = "\n".join(seen)
        assert "Household registration application" in text and "typed reason" in text  # 待审批
        assert "Case closure: Rejected" in text and "Comment: typed comment" in text  # my requests, the tab's list
        assert "Service summary *" in text  # the closure form
        kinds = find(cases.case_page, "Closure type")
        assert "Returned to the family" in [kinds.itemText(i) for i in range(kinds.count())]
        left = chinese_left(text.replace("测试甲", ""))  # the station, the languages, the case's name are typed
        assert left == [], "\n".join(left)
        window.close()
    finally:
        install_translators(qapp, "zh_CN")
