"""入学安置 school placement: who it is offered to, and the 学籍 transfer ≤ 10 working days."""

from victimcare.domain.deadlines import Builder

SCHOOL_AGE = (6, 17)  # offered automatically for these ages (compulsory and senior secondary)


def is_school_age(age: int | None) -> bool:
    return age is not None and SCHOOL_AGE[0] <= age <= SCHOOL_AGE[1]


def initial_status(age: int | None) -> tuple[str, str]:
    return ("not_started", "") if is_school_age(age) else ("not_applicable", "非学龄")


def deadlines(b: Builder) -> None:
    f = b.facts
    if f.school_transfer_started_on is not None:
        n = b.rules.school_transfer_workdays
        b.add("school.transfer", f"学籍转接应在启动后{n}个工作日内办结",
              b.calendar.add_workdays(f.school_transfer_started_on, n), f.school_transfer_done_on,
              workdays=True, done_verb="办结", en=f"School record transfer completed within {n} working days")
