"""The 工作台 as its users see it: a line per case with the name, case number, worker and steps, the items
under it, the most overdue case first; 我的个案; double-click opens the case; the supervisor's reminder
that the holiday table runs out; the education officer sees the school's display name only."""

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR, skip_first_password_change
from ui_helpers import all_text, click, find, settle, sign_in_window
from victimcare.security.permissions import Role
from victimcare.services import sign_in
from victimcare.ui.mainwindow import MainWindow

WORKER = "shegong01"


def intake(s, admitted: str, **extra) -> int:
    raw = {"admitted_at": admitted, "arrival_mode": "street_relief", "sex": "F", "estimated_age": "30",
           "age_basis": "目测", "id_status": "none", **extra}
    return s.intake.create(raw, reviewed_duplicates=list(range(1, 100)))


@pytest.fixture
def office(vault_factory, fake_clock):
    """A vault on 2026-12-01 with three cases: 测试甲 (shegong01's, the most overdue), 测试乙, and a child
    referred to school as 化名小禾 whose 学籍 transfer is overdue."""
    fake_clock.t = datetime(2026, 12, 1, 9, 0).timestamp()
    vault, _code, _password = vault_factory(clock=fake_clock)
    s = sign_in(vault, SUPERVISOR, PASSWORD)
    try:
        for account, role in ((WORKER, Role.SOCIAL_WORKER), ("jiaoyu", Role.EDUCATION_OFFICER)):
            s.accounts.create(account, role, OTHER_PASSWORD)
        ids = {"甲": intake(s, "2026-11-02 09:00", name="测试甲", assigned_worker=WORKER),
               "乙": intake(s, "2026-11-25 09:00", name="测试乙"),
               "童": intake(s, "2026-11-03 09:00", name="测试真名童", estimated_age="10")}
        s.school.refer(ids["童"], "化名小禾")
        s.session.owner.call(lambda: s.session.conn("school").execute(
            "UPDATE school_children SET transfer_started_on = '2026-11-09'"))
    finally:
        s.close()
    skip_first_password_change(vault, WORKER, "jiaoyu")
    return vault, ids


@pytest.fixture
def window(qtbot, qapp, office):
    w = MainWindow(qapp, vault=office[0])
    qtbot.addWidget(w)
    w.show()
    return w


def plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")  # user text is wrapped in bidi isolates


def tree_lines(tree) -> list[tuple[str, list[str]]]:
    """(case line, its item lines) for every case shown; [] when the list says there is nothing."""
    settle()
    out = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        if top.data(0, 256) is None:  # the "nothing here" line opens nothing
            continue
        out.append((plain(top.text(0)), [plain(top.child(j).text(0)) for j in range(top.childCount())]))
    return out


def test_supervisor_sees_cases_with_names_workers_and_their_items_most_urgent_first(qtbot, window, office):
    _vault, ids = office
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    home = window.workspace.show_section("home")
    tree = find(home, "到期事项")
    lines = tree_lines(tree)
    assert [line.split("　")[0] for line, _items in lines] == ["测试甲", "测试真名童", "测试乙"]
    first, items = lines[0]
    assert "TS-2026-" in first and "负责：shegong01" in first and "寻亲" in first and "逾期" in first
    assert items[0].startswith("寻亲：寻亲公告应在入站后24小时内发布，已超期")
    assert any(i.startswith("救助安置：成年受助人在站一般不超过10天") for i in items)
    assert "负责：zhanzhang" in lines[2][0]
    assert any("学籍转接" in i for i in lines[1][1])
    assert "已逾期：" in find(home, "数量统计").text()

    click(qtbot, home, "我的个案")  # the supervisor is responsible for 测试乙 and the child
    assert [line.split("　")[0] for line, _ in tree_lines(tree)] == ["测试真名童", "测试乙"]
    click(qtbot, home, "我的个案")
    assert len(tree_lines(tree)) == 3

    # Double-click on an item opens the case at that step's tab.
    item = tree.topLevelItem(0).child(0)
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does:
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    settle()
    page = window.workspace.pages["cases"]
    qtbot.waitUntil(lambda: getattr(page, "case_page", None) is not None, timeout=5000)
    assert page.case_page.case_id == ids["甲"]


def test_the_supervisor_is_told_the_holiday_table_runs_out_and_the_worker_is_not(qtbot, window):
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    home = window.workspace.show_section("home")
    note = find(home, "节假日表提醒")
    assert note.text().startswith("节假日表只到 2026年12月31日（还剩 30 天）。")
    assert "按周一至周五计算" in note.text() and "设置 → 法定节假日与调休上班日" in note.text()


def test_a_worker_sees_my_cases_and_no_holiday_note(qtbot, window):
    sign_in_window(qtbot, window, WORKER, OTHER_PASSWORD)
    home = window.workspace.show_section("home")
    tree = find(home, "到期事项")
    assert len(tree_lines(tree)) == 3
    click(qtbot, home, "我的个案")
    lines = tree_lines(tree)
    assert [line.split("　")[0] for line, _ in lines] == ["测试甲"]
    assert "节假日表" not in all_text(home)


def test_education_officer_sees_the_display_name_only(qtbot, window):
    sign_in_window(qtbot, window, "jiaoyu", OTHER_PASSWORD)
    home = window.workspace.show_section("home")
    tree = find(home, "到期事项")
    (line, items), = tree_lines(tree)
    assert line.startswith("化名小禾　") and "负责：zhanzhang" in line
    assert [i.split("，")[0] for i in items] == ["入学安置：学籍转接应在启动后10个工作日内办结"]
    text = all_text(window) + line + "".join(items)
    assert "测试真名童" not in text and "测试甲" not in text and "shegong01" not in text
    assert not find(home, "我的个案", visible_only=False).isVisible()


def test_show_more_adds_the_next_cases_below(qtbot, window, monkeypatch):
    from victimcare.casework import workbench as wb
    monkeypatch.setattr(wb, "CHUNK", 1)  # one candidate per page, so that three cases take three pages
    monkeypatch.setattr(wb, "MAX_SCAN", 1)
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    home = window.workspace.show_section("home")
    tree = find(home, "到期事项")
    assert [line.split("　")[0] for line, _ in tree_lines(tree)] == ["测试甲"]
    assert "最紧急的 1 个个案" in find(home, "数量统计").text()
    click(qtbot, home, "显示更多")
    click(qtbot, home, "显示更多")
    assert [line.split("　")[0] for line, _ in tree_lines(tree)] == ["测试甲", "测试真名童", "测试乙"]
    click(qtbot, home, "显示更多")  # a page of one cannot know it was the last: this one finds nothing more
    settle()
    assert not find(home, "显示更多", visible_only=False).isVisible() and len(tree_lines(tree)) == 3
