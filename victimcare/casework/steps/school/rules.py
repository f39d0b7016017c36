"""入学安置 school placement: who it is offered to, what the education officer records and how it is
checked, what the step's status follows from, and the 学籍 transfer ≤ 10 working days.

学籍转接 (domain §1 row 7): once the transfer of the child's school record is started, both schools and
both 学籍 offices finish within ``school_transfer_workdays`` working days. The item ends when the work is
recorded, whichever way it is recorded:

- the transfer's completion (``school_transfer_done_on``) → ``met`` / ``met_late`` on that day;
- the child's placement at a school (``school_enrolled_on``) after the day the transfer was started (a
  transfer started with the placement, the same day, is the one bringing the record to it): the child
  is on the new school's roll, so the record has arrived → ``met`` / ``met_late`` on
  the day of the placement. A transfer started after the current placement (a move to another school)
  waits for its own completion or the next placement;
- the school record closed (``school_left_on``: left school care, graduated, dropped out) before either:
  an unfinished transfer no longer makes sense and is dropped.

A child placed in 2024 therefore never shows 学籍转接 as overdue in 2026.

Pure: no Qt, no database. The service (``service.py``) and the row writer (``records.py``) call these.

**The step's status follows the records** (``step_status``), never a hand-set value:

- not referred: the status the case opened with (未开始, or 不适用 for a child out of school age);
- referred, not yet placed, or dropped out (劝返 still to do): 进行中;
- placed (正式 or 临时就读) and the 学籍 in order — a 学籍号 recorded and no transfer request open: 已完成;
  placed without a 学籍号, or with a transfer started and not yet done: 进行中;
- graduated (毕业): 已完成.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from victimcare.core.errors import ValidationError, ValidationErrors
from victimcare.domain.dates import age_on, parse_date
from victimcare.domain.deadlines import Builder
from victimcare.domain.identity import validate_resident_id
from victimcare.domain.names import validate_free_text, validate_person_name

SCHOOL_AGE = (6, 17)  # offered automatically for these ages (compulsory and senior secondary)

# Placement states (school_children.status) and their wording.
REFERRED, PLACED, GRADUATED, DROPPED_OUT = "referred", "placed", "graduated", "dropped_out"
PLACEMENT_STATUSES = {REFERRED: ("已转介，待安置", "Referred, not yet placed"), PLACED: ("在读", "At school"),
                      GRADUATED: ("已毕业", "Graduated"), DROPPED_OUT: ("辍学，劝返中", "Dropped out")}
ATTENDANCE = {"formal": ("正式就读", "Regular enrolment"), "temporary": ("临时就读", "Temporary attendance")}
# Later changes, kept as a history (school_changes.kind). F10's 变动情况: 转出/毕业/辍学劝返.
CHANGES = {"transferred": ("转学", "Transferred to another school"), "graduated": ("毕业", "Graduated"),
           "dropped_out": ("辍学", "Dropped out"), "returned": ("劝返复学", "Returned to school")}
# Every write of the history (placement, transfer, later change), as the timeline words it.
HISTORY_KINDS = {"placed": ("登记入学安置", "School placement recorded"),
                 "edited": ("修改入学安置", "School placement edited"),
                 "transfer_started": ("学籍转接已启动", "School record transfer started"),
                 "transfer_done": ("学籍转接已办结", "School record transfer completed"),
                 **CHANGES}
# 学籍状态 of the ledger (F10): 未建 / 已建 / 接续中 / 已接续.
RECORD_STATES = {"none": ("未建", "Not set up"), "set_up": ("已建", "Set up"),
                 "transferring": ("接续中", "Being transferred"), "transferred": ("已接续", "Transferred")}

MAX_SCHOOL, MAX_SHORT, MAX_LONG = 60, 20, 500


def is_school_age(age: int | None) -> bool:
    return age is not None and SCHOOL_AGE[0] <= age <= SCHOOL_AGE[1]


def age_now(birth_iso: str | None, today: date) -> int | None:
    """Whole years today from a stored birth date (None when unknown or after today)."""
    if not birth_iso:
        return None
    born = date.fromisoformat(birth_iso)
    return age_on(born, today) if born <= today else None


def oldest_birth_date(today: date) -> str:
    """The ledger lists children born after this date: younger than 18 today (ISO, for SQL)."""
    year = today.year - (SCHOOL_AGE[1] + 1)
    try:
        return today.replace(year=year).isoformat()
    except ValueError:  # 29 February in a year without one
        return date(year, 2, 28).isoformat()


def referral_refusal(birth_iso: str | None, step_status: str | None, today: date) -> str:
    """Why a case cannot be referred to school ('' when it can): only school-age children."""
    if step_status is None or step_status == "not_applicable":
        return "这个个案的入学安置为“不适用”（入站时不是 6–17 周岁的学龄儿童），不能转介入学。请核对出生日期或估计年龄。"
    age = age_now(birth_iso, today)
    if age is None:
        return "出生日期和估计年龄都不详，无法确认是学龄儿童，不能转介入学。请先在接收登记中补充出生日期或估计年龄。"
    if not is_school_age(age):
        return (f"只有学龄儿童（{SCHOOL_AGE[0]}–{SCHOOL_AGE[1]} 周岁）可以转介入学，"
                f"这个个案现在{'不满' if age < SCHOOL_AGE[0] else '已满'}{SCHOOL_AGE[0] if age < SCHOOL_AGE[0] else 18} 周岁。"
                "请核对出生日期或估计年龄。")
    return ""


def initial_status(age: int | None) -> tuple[str, str]:
    return ("not_started", "") if is_school_age(age) else ("not_applicable", "非学龄")


# -- 学籍号 -------------------------------------------------------------------------------------------

STUDENT_NO = "student_no"


def validate_student_no(text: str, *, today: date) -> str:
    """A 学籍号 (domain §1 row 7 and §4.1): "G" + the pupil's 18-character resident ID number, or, for a
    pupil without a usable ID, "J" + 18 characters coded by the same rules (address code, birth date,
    sequence and check character). '' when empty. Messages never repeat the number."""
    number = "".join(text.split()).upper().translate(_FULL_WIDTH)
    if not number:
        return ""
    prefix, rest = number[0], number[1:]
    if prefix not in "GJ":
        raise ValidationError(STUDENT_NO, "学籍号应以字母 G（G 加身份证号）或 J（没有可用身份证号的学生）开头。请核对。")
    if prefix == "G" and len(rest) == 15:
        raise ValidationError(STUDENT_NO, "G 后面是 15 位的旧身份证号。学籍号要用 18 位身份证号，请先转换再填写。")
    if len(rest) != 18:
        raise ValidationError(STUDENT_NO, f"学籍号应为字母 {prefix} 加 18 位号码（共 19 位），现在字母后有 {len(rest)} 位。请核对。")
    try:
        validate_resident_id(rest, today=today)
    except ValidationError as exc:
        what = "身份证号" if prefix == "G" else "号码部分（J 字头学籍号与身份证号的编码规则相同）"
        raise ValidationError(STUDENT_NO, f"学籍号中的{what}有误：{exc.message}") from None
    return prefix + rest


_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "\uff27": "G", "\uff2a": "J",
                             "\uff38": "X"})


def student_no_kind(number: str) -> str:
    """'G', 'J' or '' — what a listing may show instead of the number (it holds an ID number)."""
    return number[:1] if number else ""


# -- the placement form (F9) ----------------------------------------------------------------------------

PLACEMENT_FIELDS = ("school", "grade", "class_name", "enrolled_on", "attendance", "student_no", "pairing_teacher",
                    "counselling", "privacy_measures")
# Audit categories of each field group (never values): a change to the 学籍号 is one of identity data.
FIELD_CATEGORIES = {"student_no": "identity"}


@dataclass(frozen=True)
class Placement:
    values: dict[str, str]  # PLACEMENT_FIELDS → cleaned text


def validate_placement(raw: dict, *, today: date, birth_iso: str | None) -> Placement:
    """The education officer's placement form: school, grade, date and 就读性质 are needed; every field
    is checked and every error is reported at once (``ValidationErrors``)."""
    errors: list[ValidationError] = []
    out: dict[str, str] = {}

    def take(key, fn):
        try:
            out[key] = fn(str(raw.get(key) or ""))
        except ValidationError as exc:
            errors.append(exc)

    take("school", lambda t: _required(validate_free_text(t, "school", max_len=MAX_SCHOOL, multiline=False),
                                       "school", "请填写安置学校的名称。"))
    take("grade", lambda t: _required(validate_free_text(t, "grade", max_len=MAX_SHORT, multiline=False),
                                      "grade", "请填写年级，例如“三年级”或“初一”。"))
    take("class_name", lambda t: validate_free_text(t, "class_name", max_len=MAX_SHORT, multiline=False))
    take("enrolled_on", lambda t: _enrolled_on(t, today, birth_iso))
    take("attendance", lambda t: _choice(t, "attendance", ATTENDANCE, "请选择就读性质：正式就读或临时就读。"))
    take("student_no", lambda t: validate_student_no(t, today=today))
    take("pairing_teacher", lambda t: validate_person_name(t, "pairing_teacher"))
    take("counselling", lambda t: validate_free_text(t, "counselling", max_len=MAX_LONG))
    take("privacy_measures", lambda t: validate_free_text(t, "privacy_measures", max_len=MAX_LONG))
    if errors:
        raise ValidationErrors(errors)
    return Placement(out)


def _required(value: str, field: str, message: str) -> str:
    if not value:
        raise ValidationError(field, message)
    return value


def _choice(text: str, field: str, options: dict, message: str) -> str:
    value = text.strip()
    if value not in options:
        raise ValidationError(field, message)
    return value


def _enrolled_on(text: str, today: date, birth_iso: str | None) -> str:
    if not text.strip():
        raise ValidationError("enrolled_on", "请填写入学日期。")
    d = parse_date(text, "enrolled_on", today=today, min_year=2000)
    if birth_iso and d <= date.fromisoformat(birth_iso):
        raise ValidationError("enrolled_on", "入学日期早于出生日期，请核对。")
    return d.isoformat()


def changed_categories(before: dict, after: dict) -> str:
    """The audit categories of a placement write: always minor and school, identity when the 学籍号 changed."""
    cats = ["minor", "school"]
    if any(before.get(k, "") != after.get(k, "") for k in FIELD_CATEGORIES):
        cats.append("identity")
    return ",".join(cats)


# -- transfers and later changes ---------------------------------------------------------------------------


def validate_transfer(started: str, done: str, *, today: date, enrolled_on: str) -> tuple[str, str]:
    """A 学籍 transfer request: started (required) and done (optional) dates, neither in the future,
    done not before started."""
    errors: list[ValidationError] = []
    start = end = None
    if not str(started or "").strip():
        errors.append(ValidationError("transfer_started_on", "请填写学籍转接的启动日期。"))
    else:
        try:
            start = parse_date(str(started), "transfer_started_on", today=today, min_year=2000)
        except ValidationError as exc:
            errors.append(exc)
    if str(done or "").strip():
        try:
            end = parse_date(str(done), "transfer_done_on", today=today, min_year=2000)
        except ValidationError as exc:
            errors.append(exc)
    if start and end and end < start:
        errors.append(ValidationError("transfer_done_on", "办结日期早于启动日期，请核对。"))
    if not enrolled_on:
        errors.append(ValidationError("transfer_started_on", "请先登记入学安置（学校、年级、入学日期），再登记学籍转接。"))
    if errors:
        raise ValidationErrors(errors)
    return start.isoformat(), end.isoformat() if end else ""


def validate_change(kind: str, on: str, *, today: date, status: str, raw: dict) -> dict[str, str]:
    """A later change (转学 / 毕业 / 辍学 / 劝返复学): its kind fits the child's state, a date, and for a
    transfer the new school and grade."""
    if kind not in CHANGES:
        raise ValidationError("kind", "请选择变动类型：转学、毕业、辍学或劝返复学。")
    allowed = {"transferred": (PLACED,), "graduated": (PLACED,), "dropped_out": (PLACED,), "returned": (DROPPED_OUT,)}
    if status not in allowed[kind]:
        need = "在读" if allowed[kind] == (PLACED,) else "辍学"
        raise ValidationError("kind", f"只有{need}的孩子可以登记“{CHANGES[kind][0]}”。请先登记入学安置或核对变动类型。")
    errors: list[ValidationError] = []
    out = {"kind": kind}
    try:
        out["on"] = parse_date(str(on or ""), "changed_on", today=today, min_year=2000).isoformat()
    except ValidationError as exc:
        errors.append(exc)
    for key, limit in (("school", MAX_SCHOOL), ("grade", MAX_SHORT)):
        try:
            out[key] = validate_free_text(str(raw.get(key) or ""), key, max_len=limit, multiline=False)
            if kind == "transferred" and not out[key]:
                raise ValidationError(key, "转学请填写转入的学校和年级。")
        except ValidationError as exc:
            errors.append(exc)
    try:
        out["note"] = validate_free_text(str(raw.get("note") or ""), "note", max_len=MAX_LONG)
    except ValidationError as exc:
        errors.append(exc)
    if errors:
        raise ValidationErrors(errors)
    return out


def status_after_change(kind: str) -> str:
    return {"transferred": PLACED, "graduated": GRADUATED, "dropped_out": DROPPED_OUT, "returned": PLACED}[kind]


# -- what the records decide -------------------------------------------------------------------------------


def record_state(row: dict) -> str:
    """学籍状态 (F10) of a school row."""
    if row.get("transfer_started_on") and not row.get("transfer_done_on"):
        return "transferring"
    if row.get("transfer_done_on"):
        return "transferred"
    return "set_up" if row.get("student_no") else "none"


def step_status(row: dict | None, opened_with: str) -> str:
    """The 入学安置 step's status from the school row (module docstring); ``opened_with`` when not referred."""
    if row is None:
        return opened_with
    status = row.get("status", REFERRED)
    if status == GRADUATED:
        return "done"
    if status == PLACED and row.get("student_no") and record_state(row) != "transferring":
        return "done"
    return "in_progress"


def transfer_due(row: dict, calendar, workdays: int) -> date | None:
    """When the open 学籍 transfer of a row must be done (None without an open transfer)."""
    if not row.get("transfer_started_on") or row.get("transfer_done_on"):
        return None
    return calendar.add_workdays(date.fromisoformat(row["transfer_started_on"]), workdays)


def latest_overdue_start(today: date, calendar, workdays: int) -> date:
    """The latest start date whose transfer is overdue today if still open: ``add_workdays`` never
    decreases as the start moves later, so "overdue" is "started on or before this day" (one SQL test)."""
    d = today - timedelta(days=1)
    while calendar.add_workdays(d, workdays) >= today:
        d -= timedelta(days=1)
    return d


def deadlines(b: Builder) -> None:
    f = b.facts
    started = f.school_transfer_started_on
    if started is None:
        return
    n = b.rules.school_transfer_workdays
    common = dict(workdays=True, start=started, en=f"School record transfer completed within {n} working days")
    requirement = f"学籍转接应在启动后{n}个工作日内办结"
    due = b.calendar.add_workdays(started, n)
    if f.school_transfer_done_on is not None:
        b.add("school.transfer", requirement, due, f.school_transfer_done_on, done_verb="办结", **common)
    elif f.school_enrolled_on is not None and f.school_enrolled_on > started:
        b.add("school.transfer", requirement, due, f.school_enrolled_on, done_verb="登记入学", **common)
    elif f.school_left_on is None:
        b.add("school.transfer", requirement, due, None, done_verb="办结", **common)
