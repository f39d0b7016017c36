"""The 工作台 through the services (DeadlineService.workbench, holiday_table, update_stale_due): who each case is,
a case's items together, the most urgent first, 我的个案, paging past cases with nothing to show, and the
education officer who sees the school's display name and nothing of the case file."""

from datetime import datetime

import pytest

from victimcare.casework import workbench as wb
from victimcare.domain.deadlines import DUE_SOON, OVERDUE
from victimcare.security.permissions import Role
from victimcare.core.errors import PermissionDenied

# The fake clock reads 2026-09-21 14:13 (local time).


def intake(s, admitted: str, **extra) -> int:
    raw = {"admitted_at": admitted, "arrival_mode": "street_relief", "sex": "F", "estimated_age": "30",
           "age_basis": "目测", "id_status": "none", **extra}
    return s.intake.create(raw, reviewed_duplicates=list(range(1, 100)))


@pytest.fixture
def office(vault_factory, fake_clock, login, add_account):
    vault, _code, password = vault_factory(clock=fake_clock)
    boss = login(vault, password=password)
    add_account(boss, "shegong01", Role.SOCIAL_WORKER)
    return vault, boss


def test_cases_are_grouped_named_and_sorted_by_urgency(office):
    _vault, boss = office
    oldest = intake(boss, "2026-09-01 09:00", name="测试甲", assigned_worker="shegong01")
    newer = intake(boss, "2026-09-20 10:00", name="测试乙")
    unnamed = intake(boss, "2026-09-21 09:00", name_unknown=True, aliases="小测；阿测")
    page = boss.deadlines.workbench()
    cases = page["cases"]
    assert [c.case_id for c in cases] == [oldest, newer, unnamed]
    first = cases[0]
    assert (first.name, first.worker) == ("测试甲", "shegong01")
    # One entry per case, its items under it, most overdue first: the 24-hour notice (due 09-02 09:00) is
    # older than the 7-working-day DNA request (due 09-10) and the 10-day stay (due 09-11).
    assert [d.rule for d in first.items] == ["tracing.notice", "tracing.dna_request", "relief.adult_stay"]
    assert all(d.status == OVERDUE and d.case_id == oldest for d in first.items)
    assert first.steps == ("tracing", "relief")
    assert cases[1].name == "测试乙" and cases[1].worker == "zhanzhang"
    assert (cases[2].name, cases[2].alias) == ("", "小测")
    assert [d.status for d in cases[2].items][:1] == [DUE_SOON]  # notice due 09-22 09:00
    assert page["overdue_cases"] == 2 and page["cursor"] is None


def test_overdue_cases_come_before_due_soon_whatever_their_admission(office):
    _vault, boss = office
    soon = intake(boss, "2026-09-21 08:00", name="测试丙")        # notice due tomorrow 08:00
    late = intake(boss, "2026-09-20 09:00", name="测试丁")        # notice overdue since this morning
    cases = boss.deadlines.workbench()["cases"]
    assert [c.case_id for c in cases] == [late, soon]
    assert cases[0].overdue == 1 and cases[1].overdue == 0 and cases[1].due_soon >= 1


def test_my_cases_are_those_of_the_signed_in_worker(office, login):
    vault, boss = office
    mine = intake(boss, "2026-09-01 09:00", name="测试戊", assigned_worker="shegong01")
    intake(boss, "2026-09-02 09:00", name="测试己")
    worker = login(vault, "shegong01", "绿色山谷里 有一条 river-31415")
    assert [c.case_id for c in worker.deadlines.workbench(mine=True)["cases"]] == [mine]
    assert len(worker.deadlines.workbench()["cases"]) == 2
    assert worker.deadlines.workbench(mine=True)["overdue_cases"] == 1
    assert boss.deadlines.workbench(mine=True)["cases"][0].name == "测试己"


def test_pages_walk_on_past_cases_with_nothing_to_show(office, monkeypatch):
    _vault, boss = office
    ids = [intake(boss, f"2026-09-0{d} 09:00", name=f"测试{n}") for d, n in zip(range(1, 6), "庚辛壬癸子")]
    # A stale stored next deadline (an older version's rules) puts a case first that shows nothing now.
    quiet = intake(boss, "2026-09-10 09:00", name="测试丑", identity_known=True)
    boss.owner.call(lambda: boss.conn("core").execute(
        "UPDATE cases SET next_due = '2020-01-01T00:00' WHERE id = ?", (quiet,)))
    boss.owner.call(lambda: boss.conn("core").execute(
        "INSERT INTO milestones(case_id, key, value) VALUES (?, 'left_on', '2026-09-10'), "
        "(?, 'identity_known', '1')", (quiet, quiet)))
    monkeypatch.setattr(wb, "CHUNK", 2)
    seen, cursor = [], None
    while True:
        page = boss.deadlines.workbench(cursor=cursor, limit=2)
        seen += [c.case_id for c in page["cases"]]
        cursor = page["cursor"]
        if cursor is None:
            break
    assert seen == ids and quiet not in seen


def test_update_stale_due_recomputes_after_a_rule_change_and_daily_what_time_changes(office, fake_clock):
    _vault, boss = office
    returned = intake(boss, "2026-06-20 09:00", name="测试寅")
    other = intake(boss, "2026-09-01 09:00", name="测试卯")
    sql = lambda q, *a: boss.owner.call(lambda: boss.conn("core").execute(q, a).fetchall())  # noqa: E731
    stored = lambda case: sql("SELECT next_due FROM cases WHERE id = ?", case)[0][0]  # noqa: E731
    assert boss.deadlines.update_stale_due() == 2  # never stamped: every open case
    assert boss.deadlines.update_stale_due() == 0  # current today
    # Home since 07-01 and never visited: yesterday the 1-month visit (due 08-16) was the open item.
    sql("INSERT INTO milestones(case_id, key, value) VALUES (?, 'returned_on', '2026-07-01'), "
        "(?, 'left_on', '2026-07-01'), (?, 'identity_known', '1')", returned, returned, returned)
    sql("UPDATE cases SET next_due = '2026-08-16T23:59' WHERE id = ?", returned)
    sql("UPDATE cases SET next_due = '2020-01-01T00:00' WHERE id = ?", other)
    fake_clock.advance(11 * 3600)  # past midnight: a new day
    assert boss.deadlines.update_stale_due() == 1  # only what time alone can change
    assert stored(returned) == "2026-10-16T23:59"  # the 3-month visit (10-01 ± 15) is what is open now
    assert stored(other) == "2020-01-01T00:00"
    sql("UPDATE meta SET value = '1' WHERE key = 'next_due_revision'")  # a version with other rules
    assert boss.deadlines.update_stale_due() == 2 and stored(other) != "2020-01-01T00:00"


def test_education_officer_sees_display_names_from_the_school_compartment_only(office, login, add_account):
    vault, boss = office
    child = intake(boss, "2026-09-01 09:00", name="测试真名", estimated_age="10", assigned_worker="shegong01")
    other = intake(boss, "2026-09-02 09:00", name="测试另一个", estimated_age="11")
    boss.school.refer(child, "化名小禾")
    boss.school.refer(other)
    boss.owner.call(lambda: boss.conn("school").execute(
        "UPDATE school_children SET transfer_started_on = '2026-09-07'"))
    boss.owner.call(lambda: boss.conn("school").execute(  # placed since: its transfer has ended
        "UPDATE school_children SET enrolled_on = '2026-09-14', status = 'placed' WHERE case_id = ?", (other,)))
    officer = login(vault, "jiaoyu", add_account(boss, "jiaoyu", Role.EDUCATION_OFFICER))
    page = officer.deadlines.workbench()
    (only,) = page["cases"]
    assert (only.case_id, only.name, only.alias, only.worker) == (child, "化名小禾", "", "zhanzhang")
    assert [d.rule for d in only.items] == ["school.transfer"]
    shown = repr(page)
    assert "测试真名" not in shown and "shegong01" not in shown
    assert officer.deadlines.workbench(mine=True)["cases"] == []
    with pytest.raises(PermissionDenied):
        officer.deadlines.update_stale_due()
    entries = officer.owner.call(officer.audit_log.entries, limit=3)
    assert any(e["action"] == "view" and e["object_type"] == "workbench" and e["categories"] == "minor"
               for e in entries)


def test_holiday_table_warns_sixty_days_before_it_runs_out(office, fake_clock, login):
    vault, boss = office
    table = boss.deadlines.holiday_table()  # 2026-09-21: the bundled table ends 2026-12-31
    assert table["last_day"].isoformat() == "2026-12-31" and table["days_left"] == 101
    assert table["warn_days"] == 60 and table["warn"] is False
    fake_clock.t = datetime(2026, 10, 31, 9).timestamp()
    assert login(vault).deadlines.holiday_table()["warn"] is False  # 61 days left
    fake_clock.t = datetime(2026, 11, 1, 9).timestamp()
    assert login(vault).deadlines.holiday_table()["warn"] is True  # 60 days left
    fake_clock.t = datetime(2026, 12, 1, 9).timestamp()
    table = login(vault).deadlines.holiday_table()
    assert table["days_left"] == 30 and table["warn"] is True


def test_how_early_the_holiday_reminder_comes_is_a_deadline_setting(office):
    from victimcare.casework.settings import StationSettings
    from victimcare.db.connection import transaction
    from victimcare.domain.deadlines import DeadlineRules
    _vault, boss = office

    def set_rules():
        conn = boss.conn("core")
        with transaction(conn):
            StationSettings(conn).set_rules(DeadlineRules(holiday_table_warn_days=120))
    boss.owner.call(set_rules)
    table = boss.deadlines.holiday_table()  # 101 days left, reminder from 120
    assert table["warn_days"] == 120 and table["warn"] is True
