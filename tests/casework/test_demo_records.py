"""Demo data fills every step tab (issue 9, item 14): in a 300-case demo vault every step is done in some
case, and for a step kept as records that status is the one its records give (written through the step
services, the user's own write path)."""

from victimcare.casework.steps import CODES, STEPS
from victimcare.casework.steps.records import StepRecords
from victimcare.services import step_service_class

from support import SUPERVISOR

RECORD_STEPS = {s.code for s in STEPS if s.service and issubclass(step_service_class(s.service), StepRecords)}


def test_every_step_is_done_in_some_demo_case_by_its_records(vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    s.demo.fill(300, seed=3)

    def read():
        core = s.session.conn("core")
        done = {}
        for case_id, step in core.execute("SELECT case_id, step FROM steps WHERE status = 'done'"):
            done.setdefault(step, []).append(case_id)
        steps_per_case = {r[0] for r in core.execute("SELECT count(*) FROM steps GROUP BY case_id")}
        return done, steps_per_case
    done, steps_per_case = s.session.owner.call(read)
    assert set(CODES) <= set(done), set(CODES) - set(done)
    assert steps_per_case == {len(CODES)}, "every case lists all twelve steps"
    for code in RECORD_STEPS:
        with_records = [c for c in done[code] if any(getattr(s, code).records(c)["records"].values())]
        assert with_records, f"{code}: done in some case by its own records"
        for case_id in with_records[:1]:
            assert getattr(s, code).records(case_id)["status"][0] == "done"
