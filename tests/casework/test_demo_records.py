"""Demo data fills every step tab (issue 9, item 14): in a 300-case demo vault every step is done in some
case, and every status of a step kept as records is the one its records give — nothing in the demo sets a
status by hand."""

from datetime import datetime
from importlib import import_module

from victimcare.casework.steps import BY_CODE, CODES, STEPS, step_label
from victimcare.casework.steps.records import StepRecords, rule_facts, load_all

import pytest

from support import SUPERVISOR, SignedIn
from victimcare.core.clock import FakeClock

RECORD_STEPS = [s.code for s in STEPS if s.service and issubclass(s.service_class(), StepRecords)]


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory, vault_copier):
    """One 300-case demo vault for the module (filled once: the tests only read it): (vault, password, today)."""
    clock = FakeClock()
    vault, _code, password = vault_copier(tmp_path_factory.mktemp("demo") / "vault", clock)
    s = SignedIn(vault.login(SUPERVISOR, password))
    try:
        s.demo.fill(300, seed=3)
    finally:
        s.close()
    return vault, password, datetime.fromtimestamp(clock.now()).date().isoformat()


def test_every_step_is_done_in_some_demo_case_by_its_records(demo_vault, login):
    vault, password, today = demo_vault
    s = login(vault, SUPERVISOR, password)

    def read():
        conns = {n: s.session.conn(n) for n in ("core", "sensitive")}
        core = conns["core"]
        done = {step for (step,) in core.execute("SELECT DISTINCT step FROM steps WHERE status = 'done'")}
        steps_per_case = {r[0] for r in core.execute("SELECT count(*) FROM steps GROUP BY case_id")}
        wrong, with_records = [], {code: 0 for code in RECORD_STEPS}
        for (case_id,) in core.execute("SELECT id FROM cases ORDER BY id").fetchall():
            facts = {**rule_facts(core, case_id), "today": today}
            for code in RECORD_STEPS:
                rules = import_module(f"{BY_CODE[code].package}.rules")
                records = load_all(conns, case_id, code, rules.KINDS, BY_CODE[code].service_class().COMPARTMENT)
                stored = facts["steps"][code][0]
                if not any(records.values()):
                    if stored not in ("not_started", "not_applicable"):
                        wrong.append((case_id, code, stored, "no records"))
                    continue
                with_records[code] += 1
                derived = rules.derive(records, facts)
                if (derived.status, derived.reason) != facts["steps"][code]:
                    wrong.append((case_id, code, facts["steps"][code], derived.status))
        return done, steps_per_case, wrong, with_records

    done, steps_per_case, wrong, with_records = s.session.owner.call(read)
    assert set(CODES) <= done, set(CODES) - done
    assert steps_per_case == {len(CODES)}, "every case lists all twelve steps"
    assert all(with_records.values()), with_records
    assert wrong == []


def test_demo_closures_went_through_the_approval(demo_vault, login):
    vault, password, today = demo_vault
    s = login(vault, SUPERVISOR, password)

    def read():
        core = s.session.conn("core")
        closed = core.execute("SELECT id FROM cases WHERE status = 'closed' AND decision != 'refuse'").fetchall()
        approved = core.execute("SELECT count(*) FROM closures c JOIN approvals a ON a.id = c.approval_id "
                                "WHERE a.kind = 'closure' AND a.state = 'approved'").fetchone()[0]
        minors = core.execute("SELECT count(*) FROM approvals WHERE kind = 'handover_minor' "
                              "AND state = 'approved'").fetchone()[0]
        return len(closed), approved, minors

    closed, approved, minors = s.session.owner.call(read)
    assert closed > 0 and approved == closed
    assert minors > 0


def test_demo_school_history_reaches_the_timeline_once(demo_vault, login):
    vault, password, today = demo_vault
    s = login(vault, SUPERVISOR, password)

    def counts(session):
        core, school = session.session.conn("core"), session.session.conn("school")
        changes = school.execute("SELECT count(*) FROM school_changes").fetchone()[0]
        events = core.execute("SELECT count(*) FROM events WHERE step = 'school' AND kind != 'referred'").fetchone()[0]
        placed = school.execute("SELECT count(*) FROM school_children WHERE enrolled_on != ''").fetchone()[0]
        return changes, events, placed

    changes, events, placed = s.session.owner.call(lambda: counts(s))
    assert placed > 0 and changes >= placed and events == changes
    s.close()
    again = login(vault, SUPERVISOR, password)  # the sign-in's sync finds nothing new: no entry twice
    assert again.session.owner.call(lambda: counts(again))[1] == events


def test_a_demo_closure_names_the_steps_left_open(demo_vault, login):
    vault, password, today = demo_vault
    s = login(vault, SUPERVISOR, password)

    def read():
        core = s.session.conn("core")
        return core.execute("SELECT c.case_id, c.open_items, group_concat(st.step) FROM closures c "
                            "LEFT JOIN steps st ON st.case_id = c.case_id AND st.status = 'in_progress' "
                            "GROUP BY c.case_id").fetchall()

    rows = s.session.owner.call(read)
    assert rows
    for _case_id, items, open_steps in rows:
        for code in (open_steps or "").split(","):
            if code:
                assert step_label(code) in items
        assert "legal_aid" not in (open_steps or "")  # nobody closes a case while its legal aid is open
