"""The case-work steps, in the order of the work: the one registry.

Each step has one home, ``victimcare/casework/steps/<code>/``: its pure rules (``rules.py``), its
service (``service.py``, gated operations), its numbered migrations (``migrations/<compartment>/``)
and later its form; its tab lives in ``victimcare/ui/case/tabs/<code>.py``. Adding a step is one new
package, its tab, its migrations, one line below and its tests.

``home`` is the package name when it cannot be the code: the step "return" is a Python keyword, so it
lives in ``steps/return_home/``. ``service`` is the dotted path of the step's service class
("module:Class"), built per session by ``victimcare.services``; a string, so that the registry imports
only pure rules and the services (which use the registry) never form an import cycle with it.

``deadlines`` is the step's deadline rule function (in its ``rules.py``), None where it has none. This is
the one list of steps: ``deadline_rules()`` gives the engine (``victimcare.domain.deadlines``) the rules
in this order, which is the order of every case's deadline list.
"""

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module

from victimcare.casework.steps.employment import rules as employment_rules
from victimcare.casework.steps.followup import rules as followup_rules
from victimcare.casework.steps.hukou import rules as hukou_rules
from victimcare.casework.steps.legal_aid import rules as legal_aid_rules
from victimcare.casework.steps.relief import rules as relief_rules
from victimcare.casework.steps.school import rules as school_rules
from victimcare.casework.steps.tracing import rules as tracing_rules
from victimcare.domain.deadlines import StepRule

NOT_STARTED, IN_PROGRESS, DONE, NOT_APPLICABLE = "not_started", "in_progress", "done", "not_applicable"
STEP_STATUSES = (
    (NOT_STARTED, "未开始", "Not started"),
    (IN_PROGRESS, "进行中", "In progress"),
    (DONE, "已完成", "Done"),
    (NOT_APPLICABLE, "不适用", "Not applicable"),
)


def _not_started(_age: int | None) -> tuple[str, str]:
    return NOT_STARTED, ""


def _done(_age: int | None) -> tuple[str, str]:
    return DONE, ""


@dataclass(frozen=True)
class Step:
    code: str
    label: str                      # the official wording, as on the forms
    label_en: str
    service: str = ""               # "module:Class" of the step's service, "" while it has none
    # (status, reason) when the case is opened, from the age in whole years at admission (None: unknown)
    initial_status: Callable[[int | None], tuple[str, str]] = _not_started
    deadlines: StepRule | None = None  # the step's deadline rule function, None where it has none
    home: str = ""                  # its package under steps/ when that cannot be the code; "" = the code

    @property
    def package(self) -> str:
        """The dotted name of the step's home package."""
        return f"{_HOME}.{self.home or self.code}"

    def service_class(self) -> type | None:
        """The step's service class, imported now (None where it has none)."""
        return service_class(self.service) if self.service else None


def service_class(path: str) -> type:
    """The class a "module:Class" path names (a step's service), imported now."""
    module, _, name = path.partition(":")
    return getattr(import_module(module), name)


@dataclass(frozen=True)
class DeadlineOnly:
    """Deadlines with a code of their own, recorded under the step ``under``; they sort right after it."""

    code: str
    label: str
    label_en: str
    under: str
    deadlines: StepRule


_HOME = "victimcare.casework.steps"

STEPS: tuple[Step, ...] = (
    Step("intake", "接收登记", "Intake", f"{_HOME}.intake.service:IntakeService", _done),
    Step("relief", "救助安置", "Relief and placement", f"{_HOME}.relief.service:ReliefService",
         deadlines=relief_rules.deadlines),
    Step("tracing", "寻亲", "Family tracing", f"{_HOME}.tracing.service:TracingService",
         deadlines=tracing_rules.deadlines),
    Step("medical", "医疗康复", "Medical and rehabilitation", f"{_HOME}.medical.service:MedicalService"),
    Step("social", "社会服务", "Social services", f"{_HOME}.social.service:SocialService"),
    Step("legal_aid", "法律援助", "Legal aid", f"{_HOME}.legal_aid.service:LegalAidService",
         deadlines=legal_aid_rules.deadlines),
    Step("school", "入学安置", "School placement", f"{_HOME}.school.service:SchoolService", school_rules.initial_status,
         deadlines=school_rules.deadlines),
    Step("employment", "就业服务", "Employment", f"{_HOME}.employment.service:EmploymentService",
         employment_rules.initial_status),
    Step("hukou", "落户", "Household registration", f"{_HOME}.hukou.service:HukouService",
         deadlines=hukou_rules.deadlines),
    Step("return", "回归家庭/社区", "Return and reintegration", f"{_HOME}.return_home.service:ReturnService",
         home="return_home"),
    Step("followup", "跟踪回访", "Follow-up visits", f"{_HOME}.followup.service:FollowupService"),
    Step("closure", "结案", "Closure", service=f"{_HOME}.closure.service:ClosureService"),
)
BY_CODE = {s.code: s for s in STEPS}
CODES = tuple(s.code for s in STEPS)

# Deadlines of follow-up visits name their own code; they are recorded as the followup step's visits and
# reckoned from the return, whose home holds the rule.
DEADLINE_ONLY = {d.code: d for d in (
    DeadlineOnly("follow_up", "跟踪回访", "Follow-up visits", "followup", followup_rules.follow_up_deadlines),
)}


def _ordered_rules() -> tuple[tuple[str, StepRule], ...]:
    rules: list[tuple[str, StepRule]] = []
    for s in STEPS:
        if s.deadlines is not None:
            rules.append((s.code, s.deadlines))
        rules += [(d.code, d.deadlines) for d in DEADLINE_ONLY.values() if d.under == s.code]
    return tuple(rules)


_DEADLINE_RULES = _ordered_rules()


def deadline_rules() -> tuple[tuple[str, StepRule], ...]:
    """(code, rule function) in step order, a deadline-only code right after its step: the engine's input."""
    return _DEADLINE_RULES


def step_label(code: str, english: bool = False) -> str:
    """The label of a step (or of the follow-up deadlines); the code itself if unknown."""
    if code in BY_CODE:
        return BY_CODE[code].label_en if english else BY_CODE[code].label
    if code in DEADLINE_ONLY:
        return DEADLINE_ONLY[code].label_en if english else DEADLINE_ONLY[code].label
    return code


def status_label(code: str, english: bool = False) -> str:
    for c, zh, en in STEP_STATUSES:
        if c == code:
            return en if english else zh
    return code


def initial_statuses(age: int | None) -> dict[str, tuple[str, str]]:
    """Every step's (status, reason) for a case opened at ``age``."""
    return {s.code: s.initial_status(age) for s in STEPS}
