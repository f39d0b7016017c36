"""回归家庭/社区 return and reintegration: the handover and the blocked-handover list (its records), and
the return date, from which the follow-up visits are reckoned (their schedule, deadlines and records
are the followup step's).

The step code is "return", a Python keyword, hence this package's name (the registry maps the code to
its home).
"""

import unicodedata
from datetime import date

from victimcare.core.errors import UserError, ValidationError, ValidationErrors
from victimcare.domain.dates import age_on
from victimcare.domain.fields import CHOICE, DATE, FLAG, NAME, NOTE, Derived, Field, RecordKind, choice_label
from victimcare.domain.identity import check_digit, normalize_id


# -- the records ---------------------------------------------------------------------------------------

BLOCKED_RELATIONS = (
    ("buyer", "收买人", "Buyer"), ("buyer_family", "收买人家庭成员", "Buyer's household"),
    ("suspect", "犯罪嫌疑人", "Suspect"), ("other", "其他不宜交接人员", "Other"),
)
HANDOVER_MODES = (
    ("relatives", "亲属接领，回归家庭", "Collected by relatives"),
    ("escort", "护送返乡", "Escorted home"),
    ("community", "回归社区（自行生活）", "Back to the community"),
    ("transfer", "转移至其他救助管理机构", "Transferred to another station"),
    ("civil_affairs", "民政部门安置（儿童福利机构等）", "Placed by civil affairs"),
)
RETURNED = frozenset({"relatives", "escort", "community"})  # back home or in the community: follow-ups start
COLLECTOR_RELATIONS = (
    ("parent", "父母", "Parent"), ("spouse", "配偶", "Spouse"), ("child", "子女", "Child"),
    ("relative", "其他近亲属", "Other close relative"), ("guardian", "监护人", "Guardian"),
    ("unit", "单位/机构", "Organisation"),
)

KINDS = (
    RecordKind("blocked", "禁止交接名单", "Blocked-handover list", (
        Field("name", "姓名", "Name", NAME, required=True),
        Field("relation", "身份", "Who", CHOICE, required=True, choices=BLOCKED_RELATIONS),
        Field("id_number", "身份证号", "ID number", max_len=30),
        Field("address", "住址", "Address", max_len=100),
        Field("note", "备注", "Note", NOTE, max_len=500, listed=False),
    )),
    RecordKind("handover", "交接记录", "Handover", (
        Field("on", "交接日期", "Date", DATE, required=True),
        Field("mode", "去向", "Where to", CHOICE, required=True, choices=HANDOVER_MODES),
        Field("collector", "接领人姓名", "Collected by", NAME),
        Field("collector_relation", "与受助人关系", "Relation", CHOICE, choices=COLLECTOR_RELATIONS),
        Field("collector_id", "接领人身份证号", "Collector's ID number", max_len=30),
        Field("identity_checked", "已查验接领人身份证件并留存复印件", "Collector's ID checked and copied", FLAG),
        Field("receiving_unit", "接收单位", "Receiving unit", max_len=60),
        Field("escort", "护送人员", "Escort", max_len=60, listed=False),
        Field("address", "去向地址", "Destination address", max_len=100, listed=False),
        Field("note", "备注", "Note", NOTE, max_len=500, listed=False),
    ), single=True),
)
MILESTONES = ("returned_on",)


def id_key(text: str) -> str:
    """An ID number as one spelling, whatever way it was typed: spaces and full-width digits dropped,
    x as X, a 15-digit number upgraded to its 18 digits; '' when it is not an ID number at all."""
    number = normalize_id(unicodedata.normalize("NFKC", text or ""))
    if len(number) == 15 and number.isdigit():
        first17 = number[:6] + "19" + number[6:]
        return first17 + check_digit(first17)
    if len(number) == 18 and number[:17].isdigit():
        return number
    return ""


def name_key(text: str) -> str:
    """A name compared without spaces, separators or width (张 三 = 张三; 阿依·古丽 = 阿依古丽)."""
    folded = unicodedata.normalize("NFKC", text or "")
    return "".join(ch for ch in folded if unicodedata.category(ch)[0] in "LN").casefold()


def blocked_match(values: dict, blocked: list[dict]) -> dict | None:
    """The entry of the blocked list the collector is (by ID number, else by name), or None."""
    collector_id, collector = id_key(values.get("collector_id", "")), name_key(values.get("collector", ""))
    for entry in blocked:
        entry_id = id_key(entry.get("id_number", ""))
        if (collector_id and entry_id and collector_id == entry_id) or (collector and name_key(entry["name"]) == collector):
            return entry
    return None


def _minor_on(case: dict, day: str) -> bool:
    if case.get("birth_date"):
        return age_on(date.fromisoformat(case["birth_date"]), date.fromisoformat(day)) < 18
    return bool(case.get("is_minor"))


def identity_known(case: dict) -> bool:
    return case.get("milestones", {}).get("identity_known") == "1" or (
        case.get("id_status") == "has" and not case.get("name_unknown"))


def check(kind: str, values: dict, records: dict, case: dict) -> None:
    """The handover rules: nobody on the blocked list; the collector's identity checked; a child whose
    family is not found goes only to a civil-affairs placement (or another station)."""
    if kind == "blocked" and values["id_number"] and not id_key(values["id_number"]):
        raise ValidationErrors([ValidationError("id_number", "身份证号应为 18 位（或旧的 15 位）。请核对。")])
    if kind != "handover":
        return
    if values["on"] < case["admitted_at"][:10]:
        raise ValidationErrors([ValidationError("on", "交接日期不能早于入站日期。")])
    hit = blocked_match(values, records.get("blocked", []))
    if hit is not None:
        who = choice_label(BLOCKED_RELATIONS, hit["relation"])
        raise UserError(f"不能交接：接领人在本个案的禁止交接名单上（{who}）。请核实接领人身份，"
                        "儿童不得交还收买人家庭，应由民政部门安置。")
    if values["mode"] == "relatives":
        missing = [ValidationError(name, message) for name, message in (
            ("collector", "亲属接领时请填写接领人姓名。"), ("collector_relation", "请选择接领人与受助人的关系。"),
            ("collector_id", "请填写接领人的身份证号。")) if not values[name]]
        if values["collector_id"] and not id_key(values["collector_id"]):
            missing.append(ValidationError("collector_id", "接领人身份证号应为 18 位（或旧的 15 位）。请核对。"))
        if not values["identity_checked"]:
            missing.append(ValidationError("identity_checked", "交接前须查验接领人身份证件并留存复印件。"))
        if missing:
            raise ValidationErrors(missing)
    if values["mode"] in ("transfer", "civil_affairs") and not values["receiving_unit"]:
        raise ValidationErrors([ValidationError("receiving_unit", "请填写接收单位。")])
    if _minor_on(case, values["on"]) and not identity_known(case) and values["mode"] not in ("civil_affairs", "transfer"):
        raise ValidationErrors([ValidationError(
            "mode", "未查明父母的未成年人只能交由民政部门安置（或转移至其他救助管理机构），不能交给他人接领。")])


def needs_approval(handover: dict, case: dict) -> bool:
    """Every handover of a minor waits for the supervisor's approval (an approval of kind handover_minor)."""
    return _minor_on(case, handover["on"])


def derive(records: dict, case: dict) -> Derived:
    """Done once the handover is recorded (a minor's once the supervisor approved it); the return date
    (home or community) starts the follow-ups."""
    handover = (records.get("handover") or [None])[0]
    if handover is None:
        return Derived("in_progress" if records.get("blocked") else "not_started")
    if needs_approval(handover, case):
        state = case.get("approvals", {}).get("handover_minor", "")
        if state != "approved":
            reason = "站长未批准这次交接，请修改后重新提请" if state == "rejected" else "未成年人交接待站长审批"
            return Derived("in_progress", reason)
    returned = handover["on"] if handover["mode"] in RETURNED else ""
    return Derived("done", "", {"returned_on": returned})


def summary(kind: str, values: dict) -> str:
    if kind == "handover":
        return f"交接：{choice_label(HANDOVER_MODES, values['mode'])}（{values['on']}）"
    if kind == "blocked":
        return "禁止交接名单新增一人"
    return ""
