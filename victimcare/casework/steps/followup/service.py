"""跟踪回访: the visits after the return."""

from victimcare.casework.steps.followup import rules
from victimcare.casework.steps.records import StepRecords
from victimcare.security.gate import operation
from victimcare.security.permissions import Op


class FollowupService(StepRecords):
    STEP, RULES, COMPARTMENT, CATEGORIES = "followup", rules, "core", "family"

    @operation(Op.CASE_VIEW)
    def records(self, case_id: int) -> dict:
        return self._records(case_id)

    @operation(Op.CASE_EDIT)
    def save(self, case_id: int, kind: str, raw: dict, record_id: int | None = None) -> int:
        return self._save(case_id, kind, raw, record_id)
