"""Resident identity numbers (居民身份证号码, GB 11643-1999) and the ID status of a person.

An 18-character number is: 6-digit address code (GB/T 2260), birth date YYYYMMDD, 3-digit sequence
(odd = male, even = female) and an ISO 7064 MOD 11-2 check character. Many victims have no ID, so
the number is optional and never a key; ``IdStatus`` records why it is missing.
Messages never repeat the number: they may be logged.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from victimcare.domain import codes
from victimcare.domain.dates import format_date_zh
from victimcare.core.errors import ValidationError

FIELD = "id_number"

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)  # 2^(18-i) mod 11
_CHECK_CHARS = "10X98765432"
# 81/82/83: residence permits for Hong Kong, Macao and Taiwan residents (810000/820000/830000).
_PROVINCES = frozenset(
    [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66), 81, 82, 83]
)
_PERMIT_REGIONS = frozenset({"810000", "820000", "830000"})
_MIN_BIRTH_YEAR = 1900
# Full-width digits and X as typed with a Chinese IME; whitespace of any kind is dropped.
_NORMALIZE = str.maketrans({**{chr(0xFF10 + d): str(d) for d in range(10)}, "x": "X", "\uff38": "X", "\uff58": "X"})


class IdStatus(StrEnum):
    """Whether the person has a resident ID. Values are stored; labels are shown."""

    HAS = "has"
    NONE = "none"
    PENDING = "pending"
    AFTER_HUKOU = "after_hukou"

    @property
    def label(self) -> str:
        return _ID_STATUS_LABELS[self]


_ID_STATUS_LABELS = {
    IdStatus.HAS: "有",
    IdStatus.NONE: "无",
    IdStatus.PENDING: "待查",
    IdStatus.AFTER_HUKOU: "落户后取得",
}


@dataclass(frozen=True)
class ResidentId:
    number: str
    birth_date: date
    sex: str  # "M" or "F"
    region_code: str


def normalize_id(text: str) -> str:
    """Drop all whitespace, turn full-width digits into ASCII and x into X."""
    return "".join(text.split()).translate(_NORMALIZE)


def check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("check_digit needs exactly 17 ASCII digits")
    return _CHECK_CHARS[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]


def _check_province(number: str) -> None:
    if int(number[:2]) not in _PROVINCES:
        raise ValidationError(FIELD, "身份证号前两位不是有效的省级代码。请核对证件。")


def _birth_date(yyyymmdd: str) -> date:
    try:
        born = date(int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8]))
    except ValueError:
        raise ValidationError(FIELD, "身份证号中的出生日期不是真实存在的日期。请核对证件。") from None
    if born.year < _MIN_BIRTH_YEAR:
        raise ValidationError(FIELD, "身份证号中的出生年份早于 1900 年，不可能是有效号码。请核对证件。")
    return born


def validate_resident_id(text: str, *, today: date) -> ResidentId:
    """Check an 18-character resident ID and split it into its parts."""
    number = normalize_id(text)
    if not number:
        raise ValidationError(FIELD, "请填写身份证号；没有或不清楚时，请把证件状态选为“无”或“待查”。")
    if len(number) == 15 and number.isascii() and number.isdigit():
        raise ValidationError(FIELD, "这是 15 位的旧身份证号。请先转换为 18 位号码再保存。")
    if len(number) != 18:
        raise ValidationError(FIELD, f"身份证号应为 18 位，现在是 {len(number)} 位。请核对证件。")
    first17, last = number[:17], number[17]
    if not (first17.isascii() and first17.isdigit()) or last not in "0123456789X":
        raise ValidationError(FIELD, "身份证号只能由数字组成，最后一位可以是 X。请核对证件。")
    _check_province(number)
    born = _birth_date(number[6:14])
    if born > today:
        raise ValidationError(FIELD, "身份证号中的出生日期晚于今天，不可能是有效号码。请核对证件。")
    expected = check_digit(first17)
    if last != expected:
        raise ValidationError(FIELD, f"身份证号校验位不正确：最后一位应为 {expected}。请核对证件，其他位也可能录错。")
    return ResidentId(number, born, "M" if int(number[16]) % 2 else "F", number[:6])


def convert_15_to_18(text: str) -> str:
    """Upgrade an old 15-digit ID (born 19xx): insert "19" before the birth year, add the check digit."""
    old = normalize_id(text)
    if len(old) != 15 or not (old.isascii() and old.isdigit()):
        raise ValidationError(FIELD, "旧身份证号应为 15 位数字。请核对证件。")
    _check_province(old)
    first17 = old[:6] + "19" + old[6:]
    _birth_date(first17[6:14])
    return first17 + check_digit(first17)


def id_consistency_warnings(rid: ResidentId, birth_date: date | None, sex: str | None) -> list[str]:
    """Warnings (never blocking) where the ID disagrees with the recorded data or its region is unknown.

    ``birth_date``/``sex`` are the recorded values; None (or a sex other than "M"/"F") skips that check.
    Retired region codes are not warned about: old IDs keep them.
    """
    warnings = []
    if birth_date is not None and birth_date != rid.birth_date:
        warnings.append("身份证号中的出生日期与登记的出生日期不一致。请核对证件和登记内容。")
    if sex in ("M", "F") and sex != rid.sex:
        warnings.append("身份证号显示的性别（第 17 位）与登记的性别不一致。请核对证件和登记内容。")
    if rid.region_code not in _PERMIT_REGIONS and not codes.is_known_region(rid.region_code):
        warnings.append(
            f"身份证号前 6 位地址码不在本机的行政区划代码表（截至 {format_date_zh(codes.TABLE_DATE)}）中。"
            "可能是新设的地区，也可能录错，请核对证件。"
        )
    return warnings
