"""ApprovalService: request → approve or reject (with a comment) by a supervisor, or withdraw by the
requester; each audited (categories, never what people wrote) and on the case's timeline; effects
registered by steps run inside the decision; a refusal changes nothing; every role gets what it may."""

import pytest
import sqlcipher3

from approval_helpers import SECRET_COMMENT, SECRET_REASON, WORKER, WORKER2, station
from support import SUPERVISOR, case_ref, staff_id
from victimcare.casework.approvals import registry
from victimcare.core.errors import PermissionDenied, UserError, ValidationError


@pytest.fixture
def st(vault_factory, login, add_account, fake_clock):
    return station(vault_factory, login, add_account, clock=fake_clock)


def events(signed, case_id) -> list[tuple[str, str, str, str]]:
    return [(e["step"], e["kind"], e["summary"], e["actor"]) for e in signed.cases.timeline(case_id)]


def test_request_then_approval_is_recorded_audited_and_seen_by_both(st):
    approval_id = st.worker.approvals.request(st.case_id, "hukou", SECRET_REASON, {"proposed_name": "测试乙"})
    [pending] = st.sup.approvals.pending()
    assert (pending["id"], pending["case_no"], pending["kind"], pending["requested_by"], pending["reason"],
            pending["payload"]) == (approval_id, "TS-2026-00001", "hukou", WORKER, SECRET_REASON,
                                    {"proposed_name": "测试乙"})
    assert [a["state"] for a in st.worker.approvals.mine()] == ["pending"]
    decided = st.sup.approvals.decide(approval_id, True, SECRET_COMMENT)
    assert (decided["state"], decided["decided_by"], decided["comment"]) == ("approved", SUPERVISOR, SECRET_COMMENT)
    assert st.sup.approvals.pending() == []
    [outcome] = st.worker.approvals.mine()
    assert (outcome["state"], outcome["decided_by"], outcome["comment"]) == ("approved", SUPERVISOR, SECRET_COMMENT)
    assert st.worker2.approvals.mine() == [], "another worker's outcomes are not mine"
    assert [a["state"] for a in st.sup.approvals.for_case(st.case_id)] == ["approved"]
    assert events(st.sup, st.case_id)[:2] == [("hukou", "approval_approved", "审批通过：落户申请", SUPERVISOR),
                                              ("hukou", "approval_requested", "提请审批：落户申请", WORKER)]
    entries = [e for e in st.audit() if e["object_type"] == "approval"]
    case_no = case_ref(st.sup, st.case_id)  # entries name the case by its number
    assert [(e["action"], e["actor"], e["object_id"], e["categories"], e["detail"]) for e in entries] == [
        ("create", staff_id(st.sup, WORKER), str(approval_id), "identity", f"case:{case_no};kind:hukou;requested"),
        ("decision", staff_id(st.sup, SUPERVISOR), str(approval_id), "identity", f"case:{case_no};kind:hukou;approved")]
    for e in st.audit():
        assert not {SECRET_REASON, SECRET_COMMENT, "测试乙"} & {str(v) for v in e.values()}
        assert not any(secret in str(v) for v in e.values() for secret in (SECRET_REASON, SECRET_COMMENT))


def test_rejection_needs_a_comment_and_a_refusal_changes_nothing(st):
    approval_id = st.worker.approvals.request(st.case_id, "handover_minor", "亲属来站接领")
    before = (st.head(st.sup), events(st.sup, st.case_id))
    for blank in ("", "  "):
        with pytest.raises(ValidationError, match="驳回时请写明理由"):
            st.sup.approvals.decide(approval_id, False, blank)
    assert (st.head(st.sup), events(st.sup, st.case_id)) == before
    assert st.sup.approvals.for_case(st.case_id)[0]["state"] == "pending"
    st.sup.approvals.decide(approval_id, False, "接领人身份未核实")
    [outcome] = st.worker.approvals.mine()
    assert (outcome["state"], outcome["comment"]) == ("rejected", "接领人身份未核实")
    assert events(st.sup, st.case_id)[0] == ("return", "approval_rejected", "审批驳回：未成年人交接", SUPERVISOR)


def test_a_decided_request_cannot_be_decided_or_withdrawn_again(st):
    approval_id = st.worker.approvals.request(st.case_id, "hukou", "身份不明满三个月")
    st.sup.approvals.decide(approval_id, True)
    before = (st.head(st.sup), events(st.sup, st.case_id))
    for approve, comment in ((True, ""), (False, "改主意")):
        with pytest.raises(UserError, match="已批准，不能再审批或撤回"):
            st.sup.approvals.decide(approval_id, approve, comment)
    with pytest.raises(UserError, match="已批准"):
        st.worker.approvals.withdraw(approval_id)
    assert (st.head(st.sup), events(st.sup, st.case_id)) == before
    assert st.sup.approvals.for_case(st.case_id)[0]["decided_by"] == SUPERVISOR


def test_only_the_requester_withdraws_and_a_withdrawn_request_stays_withdrawn(st):
    approval_id = st.worker.approvals.request(st.case_id, "hukou", "身份不明满三个月")
    for other in (st.worker2, st.sup):
        with pytest.raises(PermissionDenied, match="本人"):
            other.approvals.withdraw(approval_id)
    st.worker.approvals.withdraw(approval_id)
    assert st.sup.approvals.pending() == []
    with pytest.raises(UserError, match="已撤回"):
        st.sup.approvals.decide(approval_id, True)
    with pytest.raises(UserError, match="已撤回"):
        st.worker.approvals.withdraw(approval_id)
    assert events(st.sup, st.case_id)[0] == ("hukou", "approval_withdrawn", "撤回审批申请：落户申请", WORKER)
    last = [e for e in st.audit() if e["object_type"] == "approval"][-1]
    assert (last["action"], last["actor"], last["detail"]) == ("update", staff_id(st.sup, WORKER),
                                                                f"case:{case_ref(st.sup, st.case_id)};kind:hukou;withdrawn")


def test_one_pending_request_per_case_and_kind(st):
    first = st.worker.approvals.request(st.case_id, "hukou", "身份不明满三个月")
    with pytest.raises(UserError, match="已有一份待审批的“落户申请”"):
        st.worker2.approvals.request(st.case_id, "hukou", "再申请一次")
    st.worker.approvals.request(st.case_id, "handover_minor", "另一种事项可以同时待审批")
    core = st.sup.session

    def sneak_in():  # the table itself refuses a second pending row of a kind, whatever a service checked
        core.conn("core").execute("INSERT INTO approvals(case_id, kind, reason, requested_by, requested_at) "
                                  "VALUES (?, 'hukou', 'x', 'x', 'x')", (st.case_id,))
    with pytest.raises(sqlcipher3.IntegrityError):
        core.run(sneak_in)
    st.worker.approvals.withdraw(first)
    st.worker2.approvals.request(st.case_id, "hukou", "撤回后可以重新申请")
    assert sorted(a["kind"] for a in st.sup.approvals.pending()) == ["handover_minor", "hukou"]


def test_bad_requests_are_refused_in_chinese_and_write_nothing(st):
    head = st.head(st.sup)
    for args, message in (((st.case_id, "adoption", "理由"), "没有这种审批事项"),
                          ((st.case_id, "hukou", ""), "申请理由"),
                          ((st.case_id, "hukou", "王\x00红"), "字符"),
                          ((st.case_id, "hukou", "理由", ["not", "a", "dict"]), "格式不正确"),
                          ((st.case_id, "hukou", "理由", {"x": {1, 2}}), "格式不正确"),
                          ((st.case_id, "hukou", "理由", {"x": "长" * 70000}), "太多"),
                          ((99999, "hukou", "理由"), "找不到这个个案"),
                          ((None, "hukou", "理由"), "找不到这个个案"),
                          ((st.case_id, "reopen", "个案没有结案"), "未结案")):
        with pytest.raises(UserError, match=message):
            st.worker.approvals.request(*args)
    for bad_id in (None, "1", 12345):
        with pytest.raises(UserError, match="找不到这份审批申请"):
            st.sup.approvals.decide(bad_id, True)
        with pytest.raises(UserError, match="找不到这份审批申请"):
            st.worker.approvals.withdraw(bad_id)
    assert st.sup.approvals.for_case(st.case_id) == [] and st.head(st.sup) == head


def test_an_effect_runs_inside_the_decision_and_a_refusing_effect_changes_nothing(st, monkeypatch):
    seen = []

    def effect(core, case_id, approval, stamp, actor):
        seen.append((case_id, approval["state"], approval["payload"], actor))
        core.execute("INSERT INTO milestones(case_id, key, value) VALUES (?, 'hukou_applied_on', ?)",
                     (case_id, stamp[:10]))

    monkeypatch.setitem(registry._EFFECTS, "hukou", effect)
    monkeypatch.delitem(registry._DECIDED, "hukou", raising=False)  # the 落户 step's own hook, not under test
    approval_id = st.worker.approvals.request(st.case_id, "hukou", "身份不明满三个月", {"name": "测试乙"})
    st.sup.approvals.decide(approval_id, True)
    assert seen == [(st.case_id, "approved", {"name": "测试乙"}, SUPERVISOR)]
    marks = st.sup.session.run(lambda: st.sup.session.conn("core").execute(
        "SELECT key FROM milestones WHERE case_id = ?", (st.case_id,)).fetchall())
    assert marks == [("hukou_applied_on",)]

    def refusing(core, case_id, approval, stamp, actor):
        core.execute("UPDATE cases SET name = 'changed' WHERE id = ?", (case_id,))
        raise UserError("落户材料不全，暂不能批准。")

    monkeypatch.setitem(registry._EFFECTS, "handover_minor", refusing)
    second = st.worker.approvals.request(st.case_id, "handover_minor", "亲属接领")
    before = (st.head(st.sup), events(st.sup, st.case_id))
    with pytest.raises(UserError, match="落户材料不全"):
        st.sup.approvals.decide(second, True)
    assert (st.head(st.sup), events(st.sup, st.case_id)) == before
    assert st.sup.cases.get_case(st.case_id)["name"] == "测试甲"
    assert [a["state"] for a in st.sup.approvals.pending()] == ["pending"]
    st.sup.approvals.decide(second, False, "退回补充材料")  # a rejection does not run the effect


def test_a_kind_check_cleans_the_payload_or_refuses_the_request(st, monkeypatch):
    def check(core, case_id, payload, today):
        if not payload.get("name"):
            raise ValidationError("name", "请填写拟用姓名。")
        return {"name": payload["name"].strip()}

    monkeypatch.setitem(registry._CHECKS, "hukou", check)
    with pytest.raises(ValidationError, match="拟用姓名"):
        st.worker.approvals.request(st.case_id, "hukou", "身份不明", {})
    assert st.sup.approvals.for_case(st.case_id) == []
    st.worker.approvals.request(st.case_id, "hukou", "身份不明", {"name": " 测试乙 ", "extra": 1})
    assert st.sup.approvals.pending()[0]["payload"] == {"name": "测试乙"}


def test_registering_an_unknown_kind_is_refused():
    with pytest.raises(ValidationError):
        registry.register_effect("adoption", lambda *a: None)


OPERATIONS = {  # every approvals and closure operation, with arguments that would work for a permitted role
    "approvals.request": lambda s, st, a: s.approvals.request(st.case_id, "hukou", "理由"),
    "approvals.decide": lambda s, st, a: s.approvals.decide(a, True, ""),
    "approvals.withdraw": lambda s, st, a: s.approvals.withdraw(a),
    "approvals.pending": lambda s, st, a: s.approvals.pending(),
    "approvals.mine": lambda s, st, a: s.approvals.mine(),
    "approvals.for_case": lambda s, st, a: s.approvals.for_case(st.case_id),
    "closure.state": lambda s, st, a: s.closure.state(st.case_id),
    "closure.request": lambda s, st, a: s.closure.request(st.case_id, {}),
    "closure.request_reopen": lambda s, st, a: s.closure.request_reopen(st.case_id, "理由"),
}


def test_the_operations_cover_both_services(st):
    public = {f"{name}.{m}" for name in ("approvals", "closure")
              for m in dir(type(getattr(st.sup, name))) if not m.startswith("_")}
    assert public == set(OPERATIONS)


@pytest.mark.parametrize("who", ["officer", "auditor"])
def test_education_officer_and_auditor_are_refused_every_operation_and_audited(st, who):
    signed = getattr(st, who)
    approval_id = st.worker.approvals.request(st.case_id, "handover_minor", "亲属接领")
    for label, call in OPERATIONS.items():
        before = st.head(signed)
        with pytest.raises(PermissionDenied, match="无权"):
            call(signed, st, approval_id)
        assert st.head(signed) == before + 1, label
        entry = signed.session.run(signed.session.audit_log.entries, limit=1)[0]
        assert (entry["result"], entry["actor"]) == ("denied", signed.session.staff_id), label
    assert [a["state"] for a in st.sup.approvals.pending()] == ["pending"]


def test_a_social_worker_requests_but_never_decides(st):
    approval_id = st.worker.approvals.request(st.case_id, "hukou", "身份不明满三个月")
    for worker in (st.worker, st.worker2):
        before = st.head(worker)
        for approve in (True, False):
            with pytest.raises(PermissionDenied, match="无权"):
                worker.approvals.decide(approval_id, approve, "意见")
        assert st.head(worker) == before + 2, "each refusal is audited"
    assert [a["id"] for a in st.worker2.approvals.pending()] == [approval_id]  # reading the list is allowed
    assert st.worker.approvals.for_case(st.case_id)[0]["state"] == "pending"
    st.sup.approvals.decide(approval_id, True)
