"""就业服务 employment: the records of one case. Whether the step applies (16+, able to work) is decided
again by its rules at every save; a record dated before the person turned 16 is refused."""

from victimcare.casework.steps.employment import rules
from victimcare.casework.steps.records import StepRecords
from victimcare.security.gate import operation
from victimcare.security.permissions import Op


class EmploymentService(StepRecords):
    STEP, RULES, COMPARTMENT, CATEGORIES = "employment", rules, "core", "employment"

    @operation(Op.CASE_VIEW)
    def records(self, case_id: int) -> dict:
        return self._records(case_id)

    @operation(Op.CASE_EDIT)
    def save(self, case_id: int, kind: str, raw: dict, record_id: int | None = None) -> int:
        return self._save(case_id, kind, raw, record_id)
