"""Case services beyond intake: the education officer's workbench and the case list filters."""

from victimcare.casework.cases import CaseQuery
from victimcare.security.permissions import Role


def intake(s, **extra):
    return s.intake.create({"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer",
                                  "sex": "F", "age_basis": "目测", "id_status": "none", **extra})


def test_education_officer_workbench_shows_only_school_deadlines(vault_factory, login, add_account):
    vault, _code, password = vault_factory()
    boss = login(vault, password=password)
    child = intake(boss, name="孙小禾", estimated_age="10")
    boss.school.refer(child)
    boss.owner.call(lambda: boss.conn("school").execute(
        "UPDATE school_children SET transfer_started_on = '2026-01-06' WHERE case_id = ?", (child,)))
    officer = login(vault, "jiaoyu", add_account(boss, "jiaoyu", Role.EDUCATION_OFFICER))
    overdue, soon = officer.deadlines.due_items()
    assert [d.rule for d in overdue + soon] == ["school.transfer"]
    assert "学籍" in overdue[0].explain()


def test_list_filters_run_in_sql(vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, password=password)
    ids = [intake(s, name=n, estimated_age="30") for n in ("周建国", "周丽华", "吴三妹")]
    s.school.refer(intake(s, name="郑小四", estimated_age="9"))
    assert s.cases.count(CaseQuery(text="周")) == 2                      # 1 character: LIKE fallback
    assert s.cases.count(CaseQuery(text="吴三妹")) == 1                   # 3 characters: trigram index
    assert s.cases.count(CaseQuery(step="school", step_status="in_progress")) == 1
    assert s.cases.count(CaseQuery(worker="zhanzhang")) == 4
    assert s.cases.count(CaseQuery(worker="nobody")) == 0
    assert s.cases.count(CaseQuery(overdue_only=True)) == 4             # no notice published for anyone
    cursor, seen = None, []
    while True:
        rows, cursor = s.cases.list_page(CaseQuery(sort="case_no"), cursor, 2)
        seen += [r["id"] for r in rows]
        if cursor is None or len(rows) < 2:
            break
    assert sorted(seen) == sorted(ids + [4]) and len(seen) == len(set(seen))
    assert s.cases.count(CaseQuery(text="%_")) == 0                      # wildcards are literal
