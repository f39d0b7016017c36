"""就业服务 employment: offered from 16 (domain §1)."""

WORK_AGE = 16


def initial_status(age: int | None) -> tuple[str, str]:
    return ("not_started", "") if age is not None and age >= WORK_AGE else ("not_applicable", f"未满{WORK_AGE}周岁")
