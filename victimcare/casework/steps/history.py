"""A case's whole step history laid out at once, for writers of many cases (the demo generator).

A user's record goes through ``records.StepRecords._save`` one transaction at a time; ten thousand
demo cases with a dozen records each cannot. ``play`` takes what happened to one new case — its records
and its approvals, in the order they happened — and runs each through the same pieces as that save:
the kind's validation (``validate_record``), the refusal of a step that does not apply, the step's own
``check`` and ``check_records``, and ``derive``, which decides the status, reason and milestones from
the records; an approval moves the step that waits for it (落户, the handover of a minor) the way the
decision's hook does, and an approved closure closes the case as its effect does. What comes out are
rows — step records, approvals, the closure, timeline entries — and the final statuses, milestones
and case fields, which ``record.CaseWriter`` writes with the case in its own transactions.

Pure: no database, no clock. A record the rules refuse is not written and is named in ``refused``
(the demo's tests keep that list empty: a story the rules would refuse is a generator bug).
"""

import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from importlib import import_module

from victimcare.casework.approvals import rules as approval_rules
from victimcare.casework.steps import BY_CODE, DONE, NOT_APPLICABLE
from victimcare.casework.steps.closure import rules as closure_rules
from victimcare.casework.steps.hukou import rules as hukou_rules
from victimcare.casework.steps.tracing import rules as tracing_rules
from victimcare.core.errors import UserError
from victimcare.domain.fields import validate_record

# the approvals whose decision moves a step's status (the services' ``register_decided`` hooks)
_WAITING_STEP = {"hukou": "hukou", "handover_minor": "return"}


@dataclass(frozen=True)
class Entry:
    """A record as a user would save it: on ``at``, by ``actor`` ('' = the case's worker)."""

    at: datetime
    step: str
    kind: str
    raw: dict
    actor: str = ""


@dataclass(frozen=True)
class Approval:
    """A request filed on ``at`` and decided on ``decided_at`` (None: still pending)."""

    at: datetime
    kind: str
    reason: str
    payload: dict = field(default_factory=dict)
    decided_at: datetime | None = None
    approved: bool = True
    comment: str = ""


@dataclass
class Played:
    statuses: dict[str, tuple[str, str]]
    milestones: dict[str, str] = field(default_factory=dict)
    records: list[tuple[str, str, str, dict, str, str]] = field(default_factory=list)  # compartment, step, kind,
    #                                                                                   values, at, actor
    events: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # at, step, kind, summary, actor
    approvals: list[dict] = field(default_factory=list)    # approvals rows (without case_id and id)
    closure: dict | None = None                             # closures row (without case_id, approval_id)
    case: dict[str, str] = field(default_factory=dict)      # case columns the history changed
    refused: list[str] = field(default_factory=list)        # "step.kind: message" of what the rules refused


@lru_cache(maxsize=None)
def step_rules(code: str):
    """The rules module of a step that keeps records (None for intake, school, closure)."""
    rules = import_module(f"{BY_CODE[code].package}.rules")
    return rules if hasattr(rules, "KINDS") and hasattr(rules, "derive") else None


@lru_cache(maxsize=None)
def step_compartment(code: str) -> str:
    """Where a step's records live: its service's compartment (core, or sensitive for 医疗康复)."""
    return BY_CODE[code].service_class().COMPARTMENT


def _stamp(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


class _Player:
    def __init__(self, case: dict, statuses: dict, worker: str, decider: str, now: datetime):
        self.worker, self.decider, self.now = worker, decider, now
        self.facts = {**case, "steps": dict(statuses), "milestones": {}, "approvals": {}}
        self.records: dict[str, dict[str, list[dict]]] = {}
        self.out = Played(statuses=self.facts["steps"])

    def record(self, e: Entry) -> None:
        rules = step_rules(e.step)
        kind = next((k for k in rules.KINDS if k.code == e.kind), None) if rules else None
        if kind is None:
            raise ValueError(f"no record kind {e.step}.{e.kind}")  # a programming error, not a refusal
        facts = {**self.facts, "today": e.at.date().isoformat()}
        raw = e.raw
        if e.step == "hukou" and e.kind == "application" and not raw.get("search_summary"):
            # as HukouService does: the identity-search summary put together from the 寻亲 records
            raw = {**raw, "search_summary": hukou_rules.search_summary(self.records.get("tracing", {}),
                                                                       tracing_rules.KINDS)}
        status, reason = facts["steps"].get(e.step, ("not_started", ""))
        records = self.records.setdefault(e.step, {k.code: [] for k in rules.KINDS})
        try:
            values = validate_record(kind, raw, now=self.now)
            if status == NOT_APPLICABLE and not getattr(rules, "applies_anyway", lambda _c: False)(facts):
                raise UserError(f"此环节对这个个案不适用（{reason or '不适用'}）")
            if kind.single and records[kind.code]:
                raise UserError(f"每个个案只有一份“{kind.label}”")
            if hasattr(rules, "check"):
                rules.check(kind.code, values, records, facts)
            after = {**records, kind.code: records[kind.code] + [{**values, "id": 0}]}
            if hasattr(rules, "check_records"):
                rules.check_records(kind.code, after, facts)
        except UserError as exc:
            self.out.refused.append(f"{e.step}.{e.kind}: {exc}")
            return
        self.records[e.step] = after
        actor = e.actor or self.worker
        where = kind.compartment or step_compartment(e.step)
        self.out.records.append((where, e.step, kind.code, values, _stamp(e.at), actor))
        text = getattr(rules, "summary", None)
        summary = (text(kind.code, values) if where == "core" and text else "") or f"新增{kind.label}"
        self.out.events.append((_stamp(e.at), e.step, "record_create", summary, actor))
        self._derive(e.step, e.at)
        if e.step == "hukou" and kind.code == "police" and values["registered_on"] and values["id_number"]:
            # registered with a new ID number: the case has an identity (HukouService._give_identity)
            self.out.case.update(id_status="has", id_type="resident_id", id_number=values["id_number"].upper())
            self.facts.update(self.out.case)

    def _derive(self, step: str, at: datetime) -> None:
        rules = step_rules(step)
        facts = {**self.facts, "today": at.date().isoformat()}
        derived = rules.derive(self.records.get(step, {k.code: [] for k in rules.KINDS}), facts)
        self.facts["steps"][step] = (derived.status, derived.reason)
        for key in rules.MILESTONES:
            value = derived.milestones.get(key, "")
            if value:
                self.facts["milestones"][key] = value
            else:
                self.facts["milestones"].pop(key, None)

    def approval(self, a: Approval) -> None:
        kind = approval_rules.kind_of(a.kind)
        payload = a.payload
        if kind.code == "closure":
            others = [k for k, st in self.facts["approvals"].items() if st == "pending" and k != "closure"]
            if others:  # as the closure's check: nothing else may await a decision
                self.out.refused.append(f"closure: pending {','.join(others)}")
                return
            if not payload.get("open_items"):  # as the closure tab pre-fills 未完成事项: the steps still open
                steps = {code: {"status": st} for code, (st, _r) in self.facts["steps"].items()}
                payload = {**payload, "open_items": "\n".join(closure_rules.open_items(steps, []))}
            try:
                payload = closure_rules.validate_closure(
                    payload, today=a.at.date(), admitted=datetime.fromisoformat(self.facts["admitted_at"]).date())
            except UserError as exc:
                self.out.refused.append(f"closure: {exc}")
                return
        row = {"kind": kind.code, "state": "pending", "reason": approval_rules.clean_reason(a.reason),
               "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True), "requested_by": self.worker,
               "requested_at": _stamp(a.at), "decided_by": "", "decided_at": "", "comment": ""}
        self.out.events.append((_stamp(a.at), kind.step, "approval_requested",
                                approval_rules.event_summary(kind, "requested"), self.worker))
        state = "pending"
        if a.decided_at is not None:
            state = approval_rules.APPROVED if a.approved else approval_rules.REJECTED
            row.update(state=state, decided_by=self.decider, decided_at=_stamp(a.decided_at), comment=a.comment)
            self.out.events.append((_stamp(a.decided_at), kind.step, f"approval_{state}",
                                    approval_rules.event_summary(kind, state), self.decider))
        self.out.approvals.append(row)
        self.facts["approvals"][kind.code] = state
        if kind.code in _WAITING_STEP:
            self._derive(_WAITING_STEP[kind.code], a.decided_at or a.at)
        if kind.code == "closure" and state == approval_rules.APPROVED:
            stamp = _stamp(a.decided_at)
            self.out.closure = {**payload, "requested_by": self.worker, "approved_by": self.decider,
                                "closed_at": stamp}
            self.facts["steps"]["closure"] = (DONE, "")
            self.out.case.update(status="closed", closed_at=stamp)
            self.out.events.append((stamp, "closure", "closed", "结案", self.decider))


def play(case: dict, statuses: dict[str, tuple[str, str]], history: list, *, worker: str, decider: str,
         now: datetime) -> Played:
    """Run a new case's history (``Entry`` and ``Approval`` items) through the steps' rules, in time
    order. ``case`` holds the intake's core fields (admitted_at, birth_date, sex, id_status, …),
    ``statuses`` the steps as the intake opened them."""
    player = _Player(case, statuses, worker, decider, now)
    for item in sorted(history, key=lambda h: h.at):
        (player.approval if isinstance(item, Approval) else player.record)(item)
    player.out.milestones = dict(player.facts["milestones"])
    return player.out
