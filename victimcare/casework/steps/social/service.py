"""社会服务: services by social organisations and volunteers."""

from victimcare.casework.steps.social import rules
from victimcare.casework.steps.records import CaseStepRecords


class SocialService(CaseStepRecords):
    STEP, RULES, CATEGORIES = "social", rules, "service"
