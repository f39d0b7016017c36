"""How a form words the person of a case: name, sex, birth date or estimated age, ethnicity, ID, hukou
place — the same on every form, from the bundle's ``case`` (any key may be missing). No Qt here."""

from __future__ import annotations

from victimcare.domain import codes as regions
from victimcare.domain.vocabulary import ID_TYPES, SEXES
from victimcare.forms.kit import Row, choice, cn_date, pairs, pick, text


def case_of(bundle: dict | None) -> dict:
    case = pick(bundle, "case", default={})
    return case if isinstance(case, dict) else {}


def name(case: dict) -> str:
    if case.get("name"):
        return str(case["name"])
    return "姓名不详" if case.get("name_unknown") else ""


def sex(case: dict) -> str:
    return choice(SEXES, case.get("sex"))


def birth(case: dict) -> str:
    """出生日期, or 目测 N 岁 (依据) when the birth date is an estimate."""
    if case.get("birth_estimated") and case.get("estimated_age") not in (None, ""):
        basis = text(case.get("age_basis"))
        return f"估计{case['estimated_age']}岁" + (f"（{basis}）" if basis else "")
    return cn_date(case.get("birth_date"))


def ethnicity(case: dict) -> str:
    code = text(case.get("ethnicity"))
    return (regions.ethnicity_name(code) or code) if code else ""


def id_text(case: dict) -> str:
    """证件类型 and 号码 (居民身份证 350426…); 无 / 待查 when the intake said so."""
    number = text(case.get("id_number"))
    if number:
        kind = choice(ID_TYPES, case.get("id_type"))
        return f"{kind} {number}" if kind and kind != "居民身份证" else number
    status = text(case.get("id_status"))
    return {"none": "无", "pending": "待查"}.get(status, "")


def hukou(case: dict) -> str:
    code = text(case.get("hukou_code"))
    place = (regions.region_full_name(code) or code) if code else ""
    return f"{place}{text(case.get('hukou_detail'))}"


def aliases(case: dict) -> str:
    found = case.get("aliases") or []
    return "、".join(str(a) for a in found) if isinstance(found, list) else text(found)


def basic_rows(case: dict) -> list[Row]:
    """姓名/性别, 出生日期/民族, 身份证件/户籍地: the person block most forms start with."""
    return [pairs(("姓名", name(case)), ("性别", sex(case))),
            pairs(("出生日期", birth(case)), ("民族", ethnicity(case))),
            pairs(("身份证号", id_text(case)), ("户籍地", hukou(case)))]
