"""结案 and 重新开案 through the approvals: a closure takes effect only when a supervisor approves it; a
closed case refuses every write in every service except a request to reopen it; reopening needs a
reason and an approval and gives the case back its deadlines; both are audited without values."""

import inspect

import pytest

from approval_helpers import CLOSURE, WORKER, station
from support import SUPERVISOR, case_ref
from victimcare.casework.approvals.rules import KINDS
from victimcare.core.errors import UserError, ValidationError, ValidationErrors
from victimcare.casework.steps import STEPS
from victimcare.casework.steps.records import StepRecords
from victimcare.security.permissions import VAULT_WRITES
from victimcare.services import step_service_class

CLOSED = "个案已结案"


@pytest.fixture
def st(vault_factory, login, add_account, fake_clock):
    return station(vault_factory, login, add_account, clock=fake_clock)


def core_rows(signed, sql, params=()):
    return signed.session.run(lambda: signed.session.conn("core").execute(sql, params).fetchall())


def snapshot(st) -> tuple:
    """Everything a write to the case would change, as a user or an auditor would look."""
    case = st.sup.cases.get_case(st.case_id)
    return (case["status"], case["steps"], case["referred_to_school"], st.sup.cases.timeline(st.case_id),
            st.sup.approvals.for_case(st.case_id), core_rows(st.sup, "SELECT * FROM closures"),
            core_rows(st.sup, "SELECT * FROM milestones"))


def close(st, fields=CLOSURE) -> int:
    approval_id = st.worker.closure.request(st.case_id, dict(fields))
    st.sup.approvals.decide(approval_id, True, "同意结案")
    return approval_id


def test_a_closure_takes_effect_only_when_approved(st):
    due_before = st.sup.cases.get_case(st.case_id)["next_due"]
    assert due_before, "an open case with an unknown identity has deadlines"
    approval_id = st.worker.closure.request(st.case_id, dict(CLOSURE))
    state = st.worker.closure.state(st.case_id)
    assert (state["status"], state["closure"]) == ("open", None)
    assert [(r["kind"], r["state"], r["reason"]) for r in state["requests"]] == [("closure", "pending", CLOSURE["summary"])]
    assert st.sup.cases.get_case(st.case_id)["steps"]["closure"]["status"] == "not_started"
    st.sup.approvals.decide(approval_id, True, "同意结案")
    case = st.sup.cases.get_case(st.case_id)
    assert (case["status"], case["steps"]["closure"]["status"], case["next_due"]) == ("closed", "done", "")
    assert case["closed_at"].startswith("2026-09-")
    closure = st.worker.closure.state(st.case_id)["closure"]
    assert {k: closure[k] for k in CLOSURE} == CLOSURE
    assert (closure["requested_by"], closure["approved_by"], closure["approval_id"], closure["next_due_before"]) == (
        WORKER, SUPERVISOR, approval_id, due_before)
    assert [e["summary"] for e in st.sup.cases.timeline(st.case_id)][:3] == ["结案", "审批通过：结案", "提请审批：结案"]
    assert st.sup.deadlines.for_case(st.case_id) == [], "a closed case has no deadlines"
    for e in st.audit():
        assert CLOSURE["summary"] not in str(e) and "同意结案" not in str(e)
    number = case_ref(st.sup, st.case_id)
    assert [(e["action"], e["detail"]) for e in st.audit() if e["object_type"] == "approval"] == [
        ("create", f"case:{number};kind:closure;requested"), ("decision", f"case:{number};kind:closure;approved")]


def test_a_rejected_closure_leaves_the_case_open_and_the_worker_sees_why(st):
    approval_id = st.worker.closure.request(st.case_id, dict(CLOSURE))
    st.sup.approvals.decide(approval_id, False, "回访计划未落实")
    assert st.sup.cases.get_case(st.case_id)["status"] == "open"
    [outcome] = st.worker.approvals.mine()
    assert (outcome["kind"], outcome["state"], outcome["comment"]) == ("closure", "rejected", "回访计划未落实")
    close(st)  # filed again, approved this time
    assert st.sup.cases.get_case(st.case_id)["status"] == "closed"


def test_bad_closure_fields_are_refused_with_every_field_named(st):
    before = snapshot(st)
    with pytest.raises(ValidationErrors) as caught:
        st.worker.closure.request(st.case_id, {"closure_type": "vanished", "summary": "", "archive_on": "2025-01-01"})
    assert set(caught.value.by_field()) == {"closure_type", "summary", "retention", "archive_on"}
    for bad in (None, "family", []):
        with pytest.raises(UserError):
            st.worker.closure.request(st.case_id, bad)
    with pytest.raises(UserError, match="找不到这个个案"):
        st.worker.closure.request(4242, dict(CLOSURE))
    assert snapshot(st) == before


def test_no_closure_while_another_request_waits_for_a_decision(st):
    hukou = st.worker.approvals.request(st.case_id, "hukou", "身份不明满三个月")
    with pytest.raises(UserError, match="还有待审批的申请（落户申请）"):
        st.worker.closure.request(st.case_id, dict(CLOSURE))
    st.sup.approvals.decide(hukou, False, "暂缓")
    closure = st.worker.closure.request(st.case_id, dict(CLOSURE))
    st.worker.approvals.request(st.case_id, "handover_minor", "在结案申请之后提出")
    before = snapshot(st)
    with pytest.raises(UserError, match="请先处理这些申请，再批准结案"):
        st.sup.approvals.decide(closure, True)
    assert snapshot(st) == before


# Every write operation that takes a case: how a user would call it on the case (a new step's write
# operation must be added here, see the test below).
CASE_WRITES = {
    "school.refer": [lambda s, cid: s.school.refer(cid, "")],
    "approvals.request": [lambda s, cid, k=k.code: s.approvals.request(cid, k, "理由", {}) for k in KINDS
                          if not k.on_closed],
    "closure.request": [lambda s, cid: s.closure.request(cid, dict(CLOSURE))],
    "intake.editable": [lambda s, cid: s.intake.editable(cid)],
    "intake.update": [lambda s, cid: s.intake.update(cid, {})],
    # every step kept as records, each of its kinds (found from the registry, as test_step_roles does)
    **{f"{step.code}.save": [lambda s, cid, c=step.code, k=k.code: getattr(s, c).save(cid, k, {})
                             for k in step_service_class(step.service).RULES.KINDS]
       for step in STEPS if step.service and issubclass(step_service_class(step.service), StepRecords)},
}
ALLOWED_ON_CLOSED = {"closure.request_reopen"}
# The education officer's own writes, on a referred child: test_the_school_copy_closes_with_the_case below.
OFFICER_WRITES = {"school.record_placement", "school.record_transfer", "school.record_change"}


def test_every_write_operation_taking_a_case_is_listed(st):
    found = set()
    for name, service in st.sup.services.all().items():
        for method_name, method in inspect.getmembers(type(service), callable):
            if method_name.startswith("_") or getattr(method, "operation", None) not in VAULT_WRITES:
                continue
            if list(inspect.signature(method).parameters)[1:2] == ["case_id"]:
                found.add(f"{name}.{method_name}")
    assert found == set(CASE_WRITES) | ALLOWED_ON_CLOSED | OFFICER_WRITES


def test_the_school_copy_closes_with_the_case(st):
    child = st.sup.intake.create({"admitted_at": "2026-02-01 10:00", "arrival_mode": "police_transfer",
                                  "name": "测试童", "sex": "F", "birth_date": "2016-05-06"})
    st.sup.school.refer(child, "")
    st.sup.approvals.decide(st.worker.closure.request(child, dict(CLOSURE)), True, "同意结案")
    for call in (lambda: st.officer.school.record_placement(child, {}),
                 lambda: st.officer.school.record_transfer(child, "2026-03-01"),
                 lambda: st.officer.school.record_change(child, "graduated", "2026-07-01")):
        with pytest.raises(UserError, match=CLOSED):
            call()


def test_a_closed_case_refuses_every_write_but_a_reopen_request(st):
    close(st)
    before = snapshot(st)
    for label, calls in CASE_WRITES.items():
        for call in calls:
            for who in (st.worker, st.sup):
                with pytest.raises(UserError, match=CLOSED) as caught:
                    call(who, st.case_id)
                assert "重新开案" in caught.value.message, label
    assert snapshot(st) == before, "nothing changed"
    st.worker.closure.request_reopen(st.case_id, "发现新的寻亲线索")
    assert st.sup.approvals.pending()[0]["kind"] == "reopen"


def test_reopening_needs_a_reason_and_an_approval_and_gives_the_deadlines_back(st):
    due_before = st.sup.cases.get_case(st.case_id)["next_due"]
    close(st)
    for blank in ("", "   ", None):
        with pytest.raises(ValidationError, match="申请理由") as caught:
            st.worker.closure.request_reopen(st.case_id, blank)
        assert caught.value.field == "reason"
    reopen = st.worker.closure.request_reopen(st.case_id, "发现新的寻亲线索")
    with pytest.raises(UserError, match="已有一份待审批的“重新开案”"):
        st.worker2.closure.request_reopen(st.case_id, "再申请一次")
    assert st.sup.cases.get_case(st.case_id)["status"] == "closed", "still closed while the request waits"
    st.sup.approvals.decide(reopen, True, "同意")
    case = st.sup.cases.get_case(st.case_id)
    assert (case["status"], case["closed_at"], case["steps"]["closure"]["status"], case["next_due"]) == (
        "open", "", "not_started", due_before)
    assert st.sup.deadlines.for_case(st.case_id), "the deadlines are back"
    assert [e["summary"] for e in st.sup.cases.timeline(st.case_id)][:3] == ["重新开案", "审批通过：重新开案",
                                                                             "提请审批：重新开案"]
    closure = st.sup.closure.state(st.case_id)["closure"]
    assert closure["reopened_at"] and closure["reopen_approval_id"] == reopen
    st.worker.school.refer(st.case_id, "")  # writes are accepted again
    with pytest.raises(UserError, match="未结案"):
        st.worker.closure.request_reopen(st.case_id, "又一次")
    close(st, {**CLOSURE, "closure_type": "institution", "retention": "permanent"})
    assert [r[0] for r in core_rows(st.sup, "SELECT closure_type FROM closures ORDER BY id")] == ["family", "institution"]
    assert [(e["action"], e["detail"].split(";", 1)[1]) for e in st.audit() if e["object_type"] == "approval"] == [
        ("create", "kind:closure;requested"), ("decision", "kind:closure;approved"),
        ("create", "kind:reopen;requested"), ("decision", "kind:reopen;approved"),
        ("create", "kind:closure;requested"), ("decision", "kind:closure;approved")]


def test_a_rejected_or_withdrawn_reopen_leaves_the_case_closed(st):
    close(st)
    reopen = st.worker.closure.request_reopen(st.case_id, "发现新的寻亲线索")
    st.sup.approvals.decide(reopen, False, "线索已核实无效")
    st.worker.approvals.withdraw(st.worker.closure.request_reopen(st.case_id, "再核实一次"))
    assert st.sup.cases.get_case(st.case_id)["status"] == "closed"
    assert [r["state"] for r in st.worker.closure.state(st.case_id)["requests"]] == ["withdrawn", "rejected", "approved"]


def test_a_case_closed_without_a_closure_record_reopens_with_its_deadlines_worked_out(st):
    st.sup.session.run(lambda: st.sup.session.conn("core").execute(  # as an import or the demo leaves it
        "UPDATE cases SET status = 'closed', closed_at = '2026-06-01T10:00', next_due = '' WHERE id = ?",
        (st.case_id,)))
    reopen = st.worker.closure.request_reopen(st.case_id, "补充材料")
    st.sup.approvals.decide(reopen, True)
    case = st.sup.cases.get_case(st.case_id)
    assert case["status"] == "open" and case["next_due"]


def test_a_request_left_pending_on_a_closed_case_can_neither_be_decided_nor_withdrawn(st):
    hukou = st.worker.approvals.request(st.case_id, "hukou", "身份不明满三个月")
    st.sup.session.run(lambda: st.sup.session.conn("core").execute(  # closed outside the app (an old import)
        "UPDATE cases SET status = 'closed' WHERE id = ?", (st.case_id,)))
    before = snapshot(st)
    for call in (lambda: st.sup.approvals.decide(hukou, True), lambda: st.sup.approvals.decide(hukou, False, "驳回"),
                 lambda: st.worker.approvals.withdraw(hukou)):
        with pytest.raises(UserError, match=CLOSED):
            call()
    assert snapshot(st) == before


def test_the_bad_input_corpus_in_every_closure_text_is_refused_in_chinese_or_kept_as_typed(st):
    import re
    import unicodedata
    from bad_inputs import TEXT
    chinese = re.compile(r"[\u4e00-\u9fff]{4}")
    kept = refused = 0
    for field in ("summary", "open_items", "follow_up_plan"):
        for label, value in TEXT.items():
            before = st.sup.approvals.for_case(st.case_id)
            try:
                approval_id = st.worker.closure.request(st.case_id, {**CLOSURE, field: value})
            except UserError as exc:
                refused += 1
                assert chinese.search(exc.message) and (len(value.strip()) < 3 or value not in exc.message), label
                assert st.sup.approvals.for_case(st.case_id) == before, (field, label)
                continue
            kept += 1
            stored = st.sup.approvals.for_case(st.case_id)[0]["payload"][field]
            assert stored == unicodedata.normalize("NFC", value).strip(), (field, label)
            st.worker.approvals.withdraw(approval_id)
    assert kept and refused
