"""Dates as users type them, and ages.

Only two unambiguous forms are accepted: ISO ``2024-05-13`` and ``2024年5月13日`` (full-width digits
allowed). Forms like ``05/06/2024`` are refused because day and month cannot be told apart.
Messages never repeat the date typed: a birth date is personal data.
"""

import re
from datetime import date

from victimcare.core.errors import ValidationError

MAX_ESTIMATED_AGE = 120

_FULL_WIDTH = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "\uff0d": "-"})
_ISO_RE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_ZH_RE = re.compile(r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日")
_FORMAT_HINT = "请按“2024-05-13”或“2024年5月13日”的格式填写。"


def _normalize(text: str) -> str:
    return "".join(text.split()).translate(_FULL_WIDTH)


def parse_date(text: str, field: str, *, today: date, min_year: int = 1900, allow_future: bool = False) -> date:
    """Parse a typed date; refuse impossible dates, dates before ``min_year`` and, unless allowed, the future."""
    typed = _normalize(text)
    if not typed:
        raise ValidationError(field, "请填写日期。" + _FORMAT_HINT)
    match = _ISO_RE.fullmatch(typed) or _ZH_RE.fullmatch(typed)
    if match is None:
        raise ValidationError(field, "日期格式不正确。" + _FORMAT_HINT)
    year, month, day = (int(g) for g in match.groups())
    if year < min_year:
        raise ValidationError(field, f"日期不能早于 {min_year} 年。请核对年份。")
    if not 1 <= month <= 12:
        raise ValidationError(field, "月份应在 1 到 12 之间。请核对月份。")
    try:
        result = date(year, month, day)
    except ValueError:
        raise ValidationError(field, "这个日期不存在：该月没有这一天（2 月只有 28 天，闰年 29 天）。请核对日期。") from None
    if result > today and not allow_future:
        raise ValidationError(field, "日期不能晚于今天。请核对日期。")
    return result


def format_date_zh(d: date) -> str:
    """The display form used on screens and printouts, e.g. 2024年05月13日."""
    return f"{d.year:04d}年{d.month:02d}月{d.day:02d}日"


def age_on(birth: date, on: date) -> int:
    """Whole years lived on ``on``; someone born on 29 February turns a year older on 1 March."""
    if on < birth:
        raise ValueError("age_on: date is before birth")
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def estimated_birth_date(age_years: int, on: date) -> date:
    """Birth date to store for someone whose age was only estimated (目测) on ``on``.

    By convention it is 1 July, the middle of the year, of the year that makes
    ``age_on(result, on) == age_years``; the record must also say the date is estimated.
    """
    if not 0 <= age_years <= MAX_ESTIMATED_AGE:
        raise ValueError(f"estimated age must be 0..{MAX_ESTIMATED_AGE}")
    year = on.year - age_years - ((on.month, on.day) < (7, 1))
    return date(year, 7, 1)


def parse_estimated_age(text: str | int, field: str = "estimated_age") -> int:
    """An estimated age in whole years, 0 to 120, typed as digits (full-width allowed)."""
    typed = _normalize(str(text))
    if not (typed.isascii() and typed.isdigit()):
        raise ValidationError(field, f"估计年龄请填写 0 到 {MAX_ESTIMATED_AGE} 之间的整数（周岁）。")
    age = int(typed) if len(typed) <= 4 else MAX_ESTIMATED_AGE + 1  # no huge ints from pasted junk
    if age > MAX_ESTIMATED_AGE:
        raise ValidationError(field, f"估计年龄不能超过 {MAX_ESTIMATED_AGE} 岁。请核对。")
    return age
