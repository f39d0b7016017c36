"""入学安置 school placement: who it is offered to."""

SCHOOL_AGE = (6, 17)  # offered automatically for these ages (compulsory and senior secondary)


def is_school_age(age: int | None) -> bool:
    return age is not None and SCHOOL_AGE[0] <= age <= SCHOOL_AGE[1]


def initial_status(age: int | None) -> tuple[str, str]:
    return ("not_started", "") if is_school_age(age) else ("not_applicable", "非学龄")
