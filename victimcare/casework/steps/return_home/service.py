"""回归家庭/社区: the blocked-handover list and the handover; a minor's handover waits for the
supervisor's approval through the one approval mechanism."""

from victimcare.casework.approvals.registry import register_decided
from victimcare.casework.approvals.service import file_request
from victimcare.casework.deadlines import local_now, refresh_due
from victimcare.casework.steps.records import CaseStepRecords, rule_facts, load, rederive
from victimcare.casework.steps.return_home import rules
from victimcare.db.connection import transaction


class ReturnService(CaseStepRecords):
    STEP, RULES, CATEGORIES = "return", rules, "family"

    def _save(self, case_id: int, kind: str, raw: dict, record_id: int | None = None) -> int:
        saved = super()._save(case_id, kind, raw, record_id)
        if kind == "handover":
            core = self.session.conn("core")
            case = rule_facts(core, case_id)
            handover = load(core, case_id, self.STEP, rules.KINDS)["handover"][0]
            if rules.needs_approval(handover, case) and \
                    case["approvals"].get("handover_minor", "") in ("", "rejected", "withdrawn"):
                file_request(self.session, case_id, "handover_minor", "未成年人交接", {"record": saved})
                with transaction(core):
                    rederive(core, case_id, self.STEP, rules, core,
                             local_now(self.session).isoformat(timespec="seconds"))
                refresh_due(self.session, [case_id])
        return saved


def _decided(core, case_id: int, approval: dict, stamp: str, actor: str) -> None:
    """Approved: the handover counts (and the follow-ups start); refused: the step says so."""
    rederive(core, case_id, "return", rules, core, stamp)


register_decided("handover_minor", _decided)
