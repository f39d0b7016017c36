"""落户: the application (with its identity-search summary put together from the 寻亲 records), 民政's
review, the supervisor's approval through the one approval mechanism, and the police registration,
which gives the person an identity."""

from importlib import import_module

from victimcare.casework.approvals.registry import register_decided
from victimcare.casework.approvals.service import file_request
from victimcare.casework.deadlines import DeadlineService, local_now, refresh_due
from victimcare.casework.record import refresh_search_doc, require_open
from victimcare.casework.steps import BY_CODE
from victimcare.casework.steps.hukou import rules
from victimcare.casework.steps.records import CaseStepRecords, rule_facts, load, rederive
from victimcare.core.errors import UserError, ValidationError, ValidationErrors
from victimcare.db.connection import transaction
from victimcare.domain.identity import validate_resident_id


class HukouService(CaseStepRecords):
    STEP, RULES, CATEGORIES = "hukou", rules, "identity"

    def _save(self, case_id: int, kind: str, raw: dict, record_id: int | None = None) -> int:
        core = self.session.conn("core")
        require_open(core, case_id)  # a closed case says so before anything else
        if kind == "application" and isinstance(raw, dict):
            if record_id is None:
                self._require_eligible(case_id)
            if not str(raw.get("search_summary") or "").strip():
                raw = {**raw, "search_summary": search_summary(core, case_id)}
        saved = super()._save(case_id, kind, raw, record_id)
        if kind == "application" and rules.approval_state(rule_facts(core, case_id)) in ("", "rejected", "withdrawn"):
            # a new application, or one changed after a refusal, goes to the supervisor
            file_request(self.session, case_id, "hukou", "落户申请（一人一函）", {"record": saved})
            with transaction(core):
                rederive(core, case_id, self.STEP, rules, core, local_now(self.session).isoformat(timespec="seconds"))
        if kind == "police":
            self._give_identity(case_id)
        return saved

    def _check_across_cases(self, case_id: int, kind: str, values: dict, record_id: int | None) -> None:
        if kind == "police" and values.get("id_number"):
            try:
                validate_resident_id(values["id_number"], today=local_now(self.session).date())
            except ValidationError as exc:
                raise ValidationErrors([ValidationError("id_number", exc.message)]) from None

    def _require_eligible(self, case_id: int) -> None:
        """Eligibility is the deadline engine's: its 落户 notice must have come due."""
        items = [d for d in DeadlineService(self.session).for_case(case_id) if d.rule == "hukou.eligible"]
        today = local_now(self.session).date()
        if not items:
            raise UserError("只有身份不明的受助人才能申请落户（身份已查明的不需要）。")
        if items[0].due > today:
            raise UserError(f"身份不明在站满规定期限后才能申请落户：{items[0].due.isoformat()} 起可申请。")

    def _give_identity(self, case_id: int) -> None:
        """Registered with a new ID number: the case now has an identity (the number itself in core)."""
        core = self.session.conn("core")
        police = (load(core, case_id, self.STEP, rules.KINDS).get("police") or [None])[0]
        if not police or not police["registered_on"] or not police["id_number"]:
            return
        with transaction(core):
            core.execute("UPDATE cases SET id_status = 'has', id_type = 'resident_id', id_number = ? WHERE id = ?",
                         (police["id_number"].strip().upper(), case_id))
            refresh_search_doc(core, case_id)
        refresh_due(self.session, [case_id])  # an identity known ends the search deadlines


def search_summary(core, case_id: int) -> str:
    """The 寻亲 work so far (``rules.search_summary``) from the case's tracing records."""
    kinds = getattr(import_module(f"{BY_CODE['tracing'].package}.rules"), "KINDS", ())
    return rules.search_summary(load(core, case_id, "tracing", kinds), kinds)


def _decided(core, case_id: int, approval: dict, stamp: str, actor: str) -> None:
    """Approved or refused: the step's status says so (the police part needs the approval)."""
    rederive(core, case_id, "hukou", rules, core, stamp)


register_decided("hukou", _decided)
