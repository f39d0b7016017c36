"""就业服务 employment: the records of one case. Whether the step applies (16+, able to work) is decided
again by its rules at every save; a record dated before the person turned 16 is refused."""

from victimcare.casework.steps.employment import rules
from victimcare.casework.steps.records import CaseStepRecords


class EmploymentService(CaseStepRecords):
    STEP, RULES, CATEGORIES = "employment", rules, "employment"
