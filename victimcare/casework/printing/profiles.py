"""Redaction profiles: what a print for one purpose may carry, applied to the print bundle before any
renderer sees it (``apply``), and which profiles a role may use (``for_role``). Pure: no database.

A profile names the bundle sections it loads (so nothing outside it is even read: every read of a
sensitive section is an audited view), the fields it drops inside them, the step records and kinds it
keeps and the forms it prints. What goes where, and why:

archive (档案) — the whole 专门档案 as the printing role may read it: identity, intake with the first
    health check and the trafficking circumstances, every step's records (medical, DNA sample reference,
    legal aid, the blocked-handover list …), the school placement, approvals, closure, the timeline and
    (a supervisor only, who may read the audit log) the case's audit excerpt.
school (学校) — the school placement only, as the school compartment holds it: case number, the name
    shown to the school (the pseudonym where one was chosen at the referral), sex, birth date and the
    F9/F11 fields. No ID number, no narrative, no health, no other step; the school's own counselling
    arrangement stays in (it is the school's). This is exactly what an education officer can read, so a
    supervisor's school copy and an officer's are the same.
court (法院) — what a court or procuratorate needs for the trafficking case and the victim's legal aid:
    identity, the intake (arrival, escort, police case number, the trafficking circumstances and the police
    account of how the person was found), the police handover (F2), relatives (representatives, witnesses),
    belongings (evidence), the legal-aid records (F8) and the blocked-handover list (the buyers' household
    and suspects are the accused). Left out unless asked (``include``): the first health check, injuries,
    medical and psychological records (``medical``) and the school placement (``school``, a minor's school
    is not disclosed without need: 未成年人保护法 Art.103). Never: the DNA sample reference, tracing
    leads, relief, employment, 落户, follow-up visits, approvals, the audit log.
family (家属) — what the verified family receiving the person may get: identity, belongings to be
    returned, placement and departure, the handover record, the tracing outcome, employment, the school
    placement (a child's 学籍 must follow it home) and the follow-up visits. Never: the suspects list
    (the family may be the buyer's household), police fields, the trafficking narrative, any medical or
    psychological detail (the first health check, medical records, a follow-up's 身心状况 and risk
    assessment, the school's counselling), the DNA sample reference and comparisons, tracing leads,
    legal aid (confidential under 法律援助法 Art.21), 落户, approvals, closure and the audit log.

The role caps the profile: supervisor and social worker may print any of them, the education officer
the school profile only, the auditor none (case contents are not theirs).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from victimcare.core.errors import PermissionDenied, UserError
from victimcare.security.permissions import ROLE_LABELS, Role

ALL = None  # "every field / every kind" in the tables below

SECTIONS = ("case", "sensitive", "records", "school", "approvals", "closure", "events", "audit")


@dataclass(frozen=True)
class Profile:
    code: str
    label: str
    label_en: str
    explanation: str                                   # the printing dialog's one line: what it leaves out
    sections: frozenset[str]
    case_keep: frozenset[str] | None = ALL             # keys of bundle["case"] kept (ALL: every key)
    case_drop: frozenset[str] = frozenset()
    sensitive_keep: frozenset[str] | None = ALL
    records: dict[str, frozenset[str] | None] | None = ALL  # step → kinds kept (ALL: every step, every kind)
    record_drop: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)  # (step, kind) → fields
    school_drop: frozenset[str] = frozenset()
    event_steps: frozenset[str] | None = ALL           # timeline entries of these steps only
    forms: frozenset[str] | None = ALL                 # form codes printed (ALL: every form with data)
    optional: dict[str, "Addition"] = field(default_factory=dict)  # what ``include`` may add


@dataclass(frozen=True)
class Addition:
    """What one optional part adds to a profile when asked for."""
    sections: frozenset[str] = frozenset()
    sensitive_keep: frozenset[str] = frozenset()
    records: dict[str, frozenset[str] | None] = field(default_factory=dict)
    event_steps: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()


# The school copy's case part: what the school compartment holds of the child (school_children).
SCHOOL_CASE_KEYS = frozenset({"id", "case_no", "name", "sex", "birth_date", "birth_estimated"})
POLICE_CASE_KEYS = frozenset({"police_case_no", "escort_unit", "escort_officers", "police_report_at",
                              "police_report_unit", "suspected_trafficking", "flag_trafficking",
                              "fingerprints_taken", "handover", "decision_reason"})
COURT_SENSITIVE = frozenset({"case_id", "circumstances", "found_circumstances"})
HEALTH_SENSITIVE = frozenset({"health_check", "mental_state", "mental_note", "injuries", "injuries_note"})

ARCHIVE = Profile(
    "archive", "存档", "Archive", "完整专门档案：当前角色可查看的全部内容。", frozenset(SECTIONS))

SCHOOL = Profile(
    "school", "学校", "School",
    "仅入学安置：编号、学校所用姓名（或化名）、性别、出生日期和入学安置各栏；不含身份证号、来历、健康及其他环节。",
    frozenset({"case", "school"}), case_keep=SCHOOL_CASE_KEYS, records={}, event_steps=frozenset(),
    forms=frozenset({"F9", "F11"}))

COURT = Profile(
    "court", "法院", "Court",
    "接收登记、公安交接、法律援助和禁止交接名单；不含健康与医疗（可另行加入）、入学安置、DNA 信息、寻亲线索及其他环节。",
    frozenset({"case", "sensitive", "records", "events"}), sensitive_keep=COURT_SENSITIVE,
    records={"legal_aid": ALL, "return": frozenset({"blocked"})},
    event_steps=frozenset({"intake", "legal_aid"}), forms=frozenset({"F1", "F2", "F8", "F14"}),
    optional={
        "medical": Addition(sensitive_keep=HEALTH_SENSITIVE, records={"medical": ALL},
                            event_steps=frozenset({"medical"}), forms=frozenset({"F5", "F7"})),
        "school": Addition(sections=frozenset({"school"}), event_steps=frozenset({"school"}),
                           forms=frozenset({"F9", "F11"})),
    })

_FAMILY_RECORDS: dict[str, frozenset[str] | None] = {
    "relief": frozenset({"placement", "departure"}), "tracing": frozenset({"outcome"}),
    "return": frozenset({"handover"}), "employment": ALL, "followup": frozenset({"visit"})}

FAMILY = Profile(
    "family", "家属", "Family",
    "身份、随身物品、安置与离站、交接、寻亲结果、就业、入学安置和回访；不含禁止交接名单、公安信息、被拐经过、"
    "任何医疗和心理内容、DNA 信息、法律援助和内部审批。",
    frozenset({"case", "records", "school", "events"}), case_drop=POLICE_CASE_KEYS,
    records=_FAMILY_RECORDS,
    record_drop={("followup", "visit"): frozenset({"wellbeing", "risk", "risk_note", "privacy"}),
                 ("return", "handover"): frozenset({"escort", "note"})},
    school_drop=frozenset({"counselling", "privacy_measures", "history"}),
    # the timeline of the steps it gets records of, but for tracing and return, whose entries would tell of
    # comparisons and of a blocked-handover list; plus the intake's and the school's
    event_steps=(frozenset(_FAMILY_RECORDS) - {"tracing", "return"}) | {"intake", "school"},
    forms=frozenset({"F1", "F6", "F9", "F11", "F12", "F15"}))

PROFILES: dict[str, Profile] = {p.code: p for p in (ARCHIVE, SCHOOL, COURT, FAMILY)}
BY_ROLE: dict[Role, tuple[str, ...]] = {
    Role.SUPERVISOR: ("archive", "school", "court", "family"),
    Role.SOCIAL_WORKER: ("archive", "school", "court", "family"),
    Role.EDUCATION_OFFICER: ("school",),
    Role.AUDITOR: (),
}


def for_role(role: Role | str) -> list[Profile]:
    """The profiles this role may print with, widest first."""
    return [PROFILES[c] for c in BY_ROLE[Role(role)]]


def resolve(code: str, role: Role | str, include: tuple[str, ...] | list[str] = ()) -> Profile:
    """The profile ``code`` with the optional parts ``include`` added, or a refusal in plain Chinese
    (an unknown profile, one above what the role may print, an addition the profile does not offer)."""
    profile = PROFILES.get(code) if isinstance(code, str) else None
    if profile is None:
        raise UserError("不认识的打印用途。请选择：存档（archive）、学校（school）、法院（court）或家属（family）。")
    role = Role(role)
    if code not in BY_ROLE[role]:
        allowed = "、".join(f"{p.label}（{p.code}）" for p in for_role(role))
        raise PermissionDenied(f"当前角色（{ROLE_LABELS[role]}）不能按“{profile.label}”用途打印个案"
                               + (f"，只能选择：{allowed}。" if allowed else "。"))
    for extra in include or ():
        if extra not in profile.optional:
            offered = "、".join(profile.optional) or "无"
            raise UserError(f"“{profile.label}”用途不能另行加入“{extra}”（可加入：{offered}）。")
    return _with(profile, tuple(include or ()))


def _with(profile: Profile, include: tuple[str, ...]) -> Profile:
    if not include:
        return profile
    sections, sensitive = set(profile.sections), set(profile.sensitive_keep or ())
    records = dict(profile.records or {})
    steps, forms = set(profile.event_steps or ()), set(profile.forms or ())
    for name in include:
        add = profile.optional[name]
        sections |= add.sections | ({"sensitive"} if add.sensitive_keep else set()) | \
            ({"records"} if add.records else set())
        sensitive |= add.sensitive_keep
        records.update(add.records)
        steps |= add.event_steps
        forms |= add.forms
    return Profile(profile.code, profile.label, profile.label_en, profile.explanation, frozenset(sections),
                   profile.case_keep, profile.case_drop, frozenset(sensitive) if profile.sensitive_keep is not ALL
                   else ALL, records, profile.record_drop, profile.school_drop, frozenset(steps),
                   frozenset(forms), profile.optional)


def wants_step(profile: Profile, step: str) -> bool:
    return "records" in profile.sections and (profile.records is ALL or step in profile.records)


def form_allowed(profile: Profile, code: str) -> bool:
    return profile.forms is ALL or code in profile.forms


def _keep(row: dict | None, keep: frozenset[str] | None, drop: frozenset[str] = frozenset()) -> dict | None:
    if row is None:
        return None
    return {k: v for k, v in row.items() if (keep is ALL or k in keep) and k not in drop}


def apply(profile: Profile, bundle: dict) -> dict:
    """A new bundle holding only what ``profile`` allows (the input is left as it was). Sections the
    profile does not name are absent; inside the others, fields and record kinds outside it are gone."""
    out: dict = {"station": dict(bundle.get("station") or {})}
    if "case" in profile.sections and bundle.get("case") is not None:
        out["case"] = _keep(bundle["case"], profile.case_keep, profile.case_drop)
    if "sensitive" in profile.sections and bundle.get("sensitive") is not None:
        out["sensitive"] = _keep(bundle["sensitive"], profile.sensitive_keep)
    if "records" in profile.sections and bundle.get("records") is not None:
        records = {}
        for step, kinds in bundle["records"].items():
            if not wants_step(profile, step):
                continue
            allowed = ALL if profile.records is ALL else profile.records[step]
            records[step] = {kind: [_keep(r, ALL, profile.record_drop.get((step, kind), frozenset()))
                                    for r in rows]
                             for kind, rows in kinds.items() if allowed is ALL or kind in allowed}
        out["records"] = records
    if "school" in profile.sections and bundle.get("school") is not None:
        out["school"] = _keep(bundle["school"], ALL, profile.school_drop)
    for key in ("approvals", "closure"):
        if key in profile.sections and bundle.get(key) is not None:
            out[key] = bundle[key]
    if "events" in profile.sections and bundle.get("events") is not None:
        out["events"] = [dict(e) for e in bundle["events"]
                         if profile.event_steps is ALL or e.get("step") in profile.event_steps]
    return out


# Audit categories of what a bundle holds (names of kinds of data, never values).
_STEP_CATEGORIES = {"relief": "placement", "tracing": "tracing", "medical": "medical", "social": "service",
                    "legal_aid": "legal_aid", "employment": "employment", "hukou": "identity", "return": "family",
                    "followup": "family"}


def categories(bundle: dict) -> str:
    """The audit categories of what ``bundle`` carries, comma-separated, in a stable order."""
    found: set[str] = set()
    if bundle.get("case"):
        found.add("identity")
    sensitive = bundle.get("sensitive") or {}
    if any(sensitive.get(k) for k in ("circumstances", "found_circumstances")):
        found.add("trafficking")
    if any(sensitive.get(k) for k in HEALTH_SENSITIVE):
        found.add("medical")
    for step, kinds in (bundle.get("records") or {}).items():
        if any(kinds.values()):
            found.add(_STEP_CATEGORIES.get(step, step))
        if kinds.get("dna"):
            found.add("dna_reference")
    if bundle.get("school"):
        found |= {"school", "minor"}
    order = ("identity", "trafficking", "medical", "minor", "placement", "service", "family", "school",
             "legal_aid", "employment", "tracing", "dna_reference")
    return ",".join(c for c in order if c in found)
