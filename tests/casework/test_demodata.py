"""Synthetic demo cases: valid through the intake rules, deterministic, searchable, a realistic 工作台."""

import pytest

from victimcare.casework.steps import CODES
from victimcare.casework.cases import CaseQuery
from victimcare.casework.demodata import DEMO_REGION, RARE_CHARS, fill_demo_cases
from victimcare.domain.identity import validate_resident_id
from victimcare.domain.names import validate_person_name
from victimcare.core.errors import PermissionDenied
from victimcare.security.permissions import Role

N = 200


def query(session, compartment, sql, params=()):
    return session.owner.call(lambda: session.conn(compartment).execute(sql, params).fetchall())


@pytest.fixture
def demo(vault_factory, fake_clock, login):
    vault, _code, password = vault_factory("demo", clock=fake_clock)
    session = login(vault, password=password)
    assert fill_demo_cases(session, N, seed=7) == N
    return session


def snapshot(session):
    cases = query(session, "core", "SELECT id, case_no, name, sex, birth_date, admitted_at, status, next_due, "
                                   "id_number, assigned_worker FROM cases ORDER BY id")
    rest = [query(session, "core", f"SELECT * FROM {t} ORDER BY 1, 2")
            for t in ("aliases", "steps", "milestones", "search_docs")]
    events = query(session, "core", "SELECT case_id, at, step, kind, summary FROM events ORDER BY id")
    school = query(session, "school", "SELECT case_id, case_no, display_name, status, transfer_started_on, "
                                      "transfer_done_on FROM school_children ORDER BY case_id")
    return cases, rest, events, school


def test_counts_and_every_table_filled(demo):
    count = lambda c, t: query(demo, c, f"SELECT count(*) FROM {t}")[0][0]  # noqa: E731
    assert count("core", "cases") == N
    assert count("core", "steps") == N * len(CODES)
    assert count("core", "search_docs") == N and count("core", "search_fts") == N
    assert count("sensitive", "intake_sensitive") == N
    assert count("core", "events") >= N and count("core", "milestones") > N
    assert query(demo, "core", "SELECT count(*) FROM cases c WHERE NOT EXISTS "
                               "(SELECT 1 FROM search_docs d WHERE d.case_id = c.id)")[0][0] == 0
    statuses = dict(query(demo, "core", "SELECT status, count(*) FROM cases GROUP BY status"))
    assert statuses.get("open", 0) > N // 2 and statuses.get("closed", 0) > 0
    assert count("school", "school_children") > 0
    nos = [r[0] for r in query(demo, "core", "SELECT case_no FROM cases ORDER BY admitted_at, id")]
    assert len(set(nos)) == N and all(no.startswith("TS-20") for no in nos)
    entries = demo.owner.call(demo.audit_log.entries, limit=5)
    assert any(e["action"] == "create" and e["object_type"] == "demo_cases" and e["record_count"] == N
               for e in entries)


def test_deterministic_for_a_seed(vault_factory, fake_clock, login, demo):
    vault, _code, password = vault_factory("again", clock=fake_clock)
    again = login(vault, password=password)
    fill_demo_cases(again, N, seed=7)
    assert snapshot(again) == snapshot(demo)
    vault, _code, password = vault_factory("other", clock=fake_clock)
    other = login(vault, password=password)
    fill_demo_cases(other, N, seed=8)
    assert snapshot(other)[0] != snapshot(demo)[0]


def test_names_ages_and_ids_are_valid(demo, fake_clock):
    rows = query(demo, "core", "SELECT name, name_unknown, sex, birth_date, admitted_at, id_status, id_number "
                               "FROM cases")
    aliases = [r[0] for r in query(demo, "core", "SELECT alias FROM aliases")]
    for name in [r[0] for r in rows if r[0]] + aliases:
        assert validate_person_name(name) == name
    assert any(r[1] == 1 and not r[0] for r in rows), "some names unknown, known only by aliases"
    assert any("·" in r[0] for r in rows)
    assert {r[2] for r in rows} >= {"M", "F"}
    ages = [int(r[4][:4]) - int(r[3][:4]) for r in rows]
    assert min(ages) >= 0 and max(ages) <= 82 and sum(a < 18 for a in ages) > len(ages) // 3
    admitted_years = {r[4][:4] for r in rows}
    assert len(admitted_years) >= 3
    with_id = [r for r in rows if r[5] == "has"]
    assert with_id and len(with_id) < len(rows) // 2
    from datetime import date
    for _name, _u, sex, birth, _a, _s, number in with_id:
        rid = validate_resident_id(number, today=date(2026, 9, 21))
        assert number.startswith(DEMO_REGION) and number[14] == "9"
        assert rid.birth_date.isoformat() == birth and rid.sex == sex


def test_a_rare_character_name_is_found_by_one_two_and_three_character_fragments(demo):
    names = [(r[0], r[1]) for r in query(demo, "core", "SELECT id, name FROM cases")]
    rare = [(case_id, n) for case_id, n in names if any(c in RARE_CHARS for c in n) and len(n) == 3]
    assert rare, "at least one three-character name with a rare character"
    case_id, name = rare[0]
    i = next(i for i, c in enumerate(name) if c in RARE_CHARS)
    two = name[i - 1:i + 1] if i > 0 else name[:2]
    for fragment in (name[i], two, name):
        found = []
        cursor = None
        while True:
            rows, cursor = demo.cases.list_page(CaseQuery(text=fragment, status="all"), cursor, limit=50)
            found += [r["id"] for r in rows]
            if not rows:
                break
        assert case_id in found, f"fragment of length {len(fragment)}"


def test_the_home_screen_has_a_mix_of_overdue_and_due_soon(demo):
    overdue, soon = demo.deadlines.due_items()
    assert overdue and soon
    assert len({d.rule for d in overdue}) >= 4
    met = query(demo, "core", "SELECT count(*) FROM milestones "
                              "WHERE key IN ('notice_published_at', 'dna_collected_on')")
    assert met[0][0] > N // 3


def test_next_due_matches_the_deadline_engine(demo):
    from victimcare.casework.deadlines import next_due
    for (case_id, stored) in query(demo, "core", "SELECT id, next_due FROM cases ORDER BY id LIMIT 40"):
        assert next_due(demo.deadlines.for_case(case_id)) == stored


def test_needs_case_creation_rights(vault_factory, fake_clock, login, add_account):
    vault, _code, password = vault_factory(clock=fake_clock)
    boss = login(vault, password=password)
    pw = add_account(boss, "jiaoyu", Role.EDUCATION_OFFICER)
    with pytest.raises(PermissionDenied):
        fill_demo_cases(login(vault, "jiaoyu", pw), 5)
