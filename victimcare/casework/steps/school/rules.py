"""入学安置 school placement: who it is offered to, and the 学籍 transfer ≤ 10 working days.

学籍转接 (domain §1 row 7): once the transfer of the child's school record is started, both schools and
both 学籍 offices finish within ``school_transfer_workdays`` working days. The item ends when the work is
recorded, whichever way it is recorded:

- the transfer's completion (``school_transfer_done_on``) → ``met`` / ``met_late`` on that day;
- the child's placement at the school (``school_enrolled_on``) on or after the day the transfer was
  started: the child is on the new school's roll, so the record has arrived → ``met`` / ``met_late`` on
  the day of the placement. A transfer started after the current placement (a move to another school)
  waits for its own completion or the next placement;
- the school record closed (``school_left_on``: left school care, graduated, dropped out) before either:
  an unfinished transfer no longer makes sense and is dropped.

A child placed in 2024 therefore never shows 学籍转接 as overdue in 2026.
"""

from victimcare.domain.deadlines import Builder

SCHOOL_AGE = (6, 17)  # offered automatically for these ages (compulsory and senior secondary)


def is_school_age(age: int | None) -> bool:
    return age is not None and SCHOOL_AGE[0] <= age <= SCHOOL_AGE[1]


def initial_status(age: int | None) -> tuple[str, str]:
    return ("not_started", "") if is_school_age(age) else ("not_applicable", "非学龄")


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
    elif f.school_enrolled_on is not None and f.school_enrolled_on >= started:
        b.add("school.transfer", requirement, due, f.school_enrolled_on, done_verb="登记入学", **common)
    elif f.school_left_on is None:
        b.add("school.transfer", requirement, due, None, done_verb="办结", **common)
