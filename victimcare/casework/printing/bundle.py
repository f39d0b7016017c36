"""The print bundle of a case: one plain dict, built from the services' own reads

    {"station": {"name", "code"}, "case": cases.get_case, "sensitive": intake.sensitive,
     "records": {step: <step>.records(...)["records"]}, "school": school.child, "approvals": approvals.for_case,
     "closure": closure.state, "events": cases.timeline}

So every read is gated for the signed-in role and every view of a sensitive section is audited as it is
anywhere else; the redaction profile (``profiles.apply``) then cuts it down before any renderer sees it.

Only the sections the profile names are read at all, and only through operations the role may call;
a school copy is built from the school compartment alone (exactly what an education officer holds).
"""

from __future__ import annotations

from victimcare.casework.approvals.service import ApprovalService
from victimcare.casework.cases import CaseService
from victimcare.casework.printing import profiles
from victimcare.casework.steps import STEPS
from victimcare.casework.steps.closure.service import ClosureService
from victimcare.casework.steps.intake.service import IntakeService
from victimcare.casework.steps.records import StepRecords
from victimcare.casework.steps.school.service import SchoolService
from victimcare.core.errors import UserError
from victimcare.security.permissions import Op, allowed

NOT_REFERRED = "这个个案没有转介入学（或孩子已不在学龄），没有可按“学校”用途打印的内容。"


def station(session) -> dict:
    return {"name": session.vault.station_name, "code": session.vault.keyring.station_code}


def record_services(session) -> dict[str, StepRecords]:
    """step code → its records service, for the steps that keep records, in the order of the work."""
    out = {}
    for step in STEPS:
        cls = step.service_class()
        if cls is not None and issubclass(cls, StepRecords):
            out[step.code] = cls(session)
    return out


def school_copy(session, case_id: int) -> dict:
    """The school placement and the child's part of the case, from the school compartment only."""
    try:
        school = SchoolService(session).child(case_id)
    except UserError:
        raise UserError(NOT_REFERRED) from None
    case = {"id": case_id, "case_no": school["case_no"], "name": school["display_name"], "sex": school["sex"],
            "birth_date": school["birth_date"], "birth_estimated": school["birth_estimated"]}
    return {"case": case, "school": school}


def load(session, case_id: int, profile: profiles.Profile) -> dict:
    """The bundle of ``case_id`` for ``profile`` (already resolved for the session's role), profile
    applied. Runs on the caller's thread; each read hops to the owner thread through its own gate."""
    bundle: dict = {"station": station(session)}
    if profile.code == "school":
        bundle.update(school_copy(session, case_id))
        return profiles.apply(profile, bundle)
    role, sections = session.role, profile.sections
    cases = CaseService(session)
    case = cases.get_case(case_id)
    bundle["case"] = case
    if "sensitive" in sections and allowed(role, Op.CASE_VIEW_SENSITIVE):
        bundle["sensitive"] = IntakeService(session).sensitive(case_id)
    if "records" in sections:
        bundle["records"] = {code: svc.records(case_id)["records"]
                             for code, svc in record_services(session).items()
                             if profiles.wants_step(profile, code) and allowed(role, _read_op(svc))}
    if "school" in sections and case.get("referred_to_school") and allowed(role, Op.SCHOOL_VIEW):
        try:
            bundle["school"] = SchoolService(session).child(case_id)
        except UserError:  # referred once, no longer of school age: nothing the school holds to print
            pass
    if "approvals" in sections:
        bundle["approvals"] = ApprovalService(session).for_case(case_id)
    if "closure" in sections:
        bundle["closure"] = ClosureService(session).state(case_id)
    if "events" in sections:
        bundle["events"] = cases.timeline(case_id)
    return profiles.apply(profile, bundle)


def _read_op(service: StepRecords) -> Op:
    return getattr(type(service).records, "operation", None) or Op.CASE_VIEW
