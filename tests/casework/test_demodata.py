"""Synthetic demo cases: valid through the intake rules, deterministic, searchable, a realistic 工作台."""

import pytest

from victimcare.casework.steps import CODES
from victimcare.casework.cases import CaseQuery
from victimcare.casework.demo_story import DEMO_REGION
from victimcare.casework.demodata import RARE_CHARS, fill_demo_cases
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
    entries = demo.owner.call(demo.audit_log.entries, limit=1000)  # the step showcase comes after
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


# --- the parts of each demo case agree (a trainee's eye) -------------------------------------------------

GRADE_ORDER = ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三", "高一", "高二", "高三")
# What each arrival mode's story must say, and must not: only a hospital arrival comes from a hospital.
STORY_WORDS = {"police_transfer": "公安机关", "police_escort": "民警", "street_relief": "街面巡查",
               "urban_escort": "城管", "self": "自行来站", "hospital": "医院", "other": "村（居）委会"}


@pytest.fixture(scope="module")
def big_demo(tmp_path_factory, vault_copier):
    """600 demo cases (two seeds' worth of variety is not needed: 600 cover every mode and school level)."""
    from victimcare.core.clock import FakeClock
    from support import SignedIn
    vault, _code, password = vault_copier(tmp_path_factory.mktemp("demo600") / "vault", FakeClock())
    session = SignedIn(vault.login("zhanzhang", password))
    fill_demo_cases(session, 600, seed=11)
    yield session
    session.close()


def _age(birth: str, on: str) -> int:
    from datetime import date
    from victimcare.domain.dates import age_on
    return age_on(date.fromisoformat(birth), date.fromisoformat(on[:10]))


def test_every_placed_childs_age_agrees_with_its_grade_and_school(big_demo):
    today = "2026-09-21"
    rows = query(big_demo, "school", "SELECT case_id, birth_date, status, school, grade, enrolled_on, referred_at, "
                                     "transfer_started_on FROM school_children")
    admitted = dict(query(big_demo, "core", "SELECT id, admitted_at FROM cases"))
    placed = [r for r in rows if r[4]]
    assert len(placed) >= 20 and {r[2] for r in rows} >= {"placed", "graduated"}
    levels = set()
    for case_id, birth, status, school, grade, enrolled, referred, started in rows:
        assert 6 <= _age(birth, admitted[case_id]) <= 17, "referred children were of school age on arrival"
        dates = [d for d in (referred[:10], started, enrolled) if d]
        assert dates == sorted(dates) and dates[-1] <= today and (started or not enrolled)
        if not grade:
            continue
        g = GRADE_ORDER.index(grade) + 1
        if status == "placed":  # in school today: today's age fits today's grade
            gap = _age(birth, today) - (g + 5)
            assert -1 <= gap <= 3, (birth, grade)
            assert _age(birth, today) <= 20
        assert ("小学" in school) == (g <= 6), (school, grade)
        levels.add(0 if g <= 6 else 1 if g <= 9 else 2)
    assert levels == {0, 1, 2}, "primary, junior and senior grades all occur"


def test_no_placed_child_has_an_open_school_transfer(big_demo):
    enrolled = [r[0] for r in query(big_demo, "school", "SELECT case_id FROM school_children WHERE enrolled_on != ''")]
    assert enrolled
    for case_id in enrolled:
        transfer = [d for d in big_demo.deadlines.for_case(case_id) if d.rule == "school.transfer"]
        assert all(not d.is_open for d in transfer), transfer


def test_every_story_agrees_with_the_arrival_mode_and_the_police_handover(big_demo):
    cases = query(big_demo, "core", "SELECT id, arrival_mode, admitted_at, escort_unit FROM cases")
    stories = dict(query(big_demo, "sensitive", "SELECT case_id, circumstances FROM intake_sensitive"))
    handovers = {r[0]: r for r in query(big_demo, "core", "SELECT case_id, unit, officers, found_at, found_place, "
                                                          "handover_at FROM police_handover")}
    assert {mode for _i, mode, _a, _u in cases} == set(STORY_WORDS)
    for case_id, mode, admitted, escort in cases:
        story = stories[case_id]
        assert STORY_WORDS[mode] in story, (mode, story)
        assert ("医院" in story) == (mode == "hospital"), (mode, story)
        if mode in ("police_transfer", "police_escort"):
            h = handovers.get(case_id)
            assert h is not None and all(h[1:]), f"police arrival {case_id} without its F2"
            assert h[3] <= h[5] <= admitted and h[1] == escort
        else:
            assert case_id not in handovers and not escort


def test_steps_follow_the_recorded_age(big_demo):
    rows = query(big_demo, "core", "SELECT c.id, c.birth_date, c.admitted_at, s.step, s.status FROM cases c "
                                   "JOIN steps s ON s.case_id = c.id WHERE s.step IN ('school', 'employment')")
    for _case_id, birth, admitted, step, status in rows:
        age = _age(birth, admitted)
        if step == "school":
            assert (status == "not_applicable") == (not 6 <= age <= 17)
        else:
            assert (status == "not_applicable") == (age < 16)
