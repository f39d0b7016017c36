"""Person names and free text: which characters may be stored, and how text is normalised.

Names follow 民委发〔2016〕33号 and GB 18030-2022: any GB 18030 character is allowed, including
supplementary-plane Hanzi such as 𠮷 (U+20BB7), counted by code point; "·" (U+00B7) separates the
parts of minority and foreign names. Invisible characters are refused because they make two
records that look the same compare different, and bidi controls can disguise what is shown.
Messages give the position and kind of a bad character, never the name itself.

NFC (required for comparison and search) maps CJK compatibility ideographs (U+F900..) to their
unified forms; a specific glyph is kept with an ideographic variation selector instead.
"""

import re
import unicodedata

from victimcare.core.errors import ValidationError

NAME_MAX_LEN = 64  # code points; the rule asks for at least 50

# Embedding, override and isolate controls change how *following* text is shown.
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
_BIDI_MARKS = frozenset({0x200E, 0x200F, 0x061C})
_ZERO_WIDTH = frozenset({0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF})
_LINE_BREAKS = "\r\n", "\r", "\u2028", "\u2029"

_HAN_RANGES = (
    (0x3400, 0x4DBF),  # Ext A
    (0x4E00, 0x9FFF),  # URO
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0x20000, 0x3FFFD),  # planes 2 and 3: Ext B-I, including ones newer than this Python's Unicode
)
_HAN_CLASS = "".join(f"\\U{lo:08X}-\\U{hi:08X}" for lo, hi in _HAN_RANGES)
_VS_CLASS = "\\uFE00-\\uFE0F\\U000E0100-\\U000E01EF"
# Look-alikes people type for the name separator; replaced only between two Hanzi.
_SEPARATOR_LOOKALIKES = ".\u00B7\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF0E\uFF65"
_SEPARATOR_RE = re.compile(
    f"(?<=[{_HAN_CLASS}{_VS_CLASS}])\\s*[{re.escape(_SEPARATOR_LOOKALIKES)}]\\s*(?=[{_HAN_CLASS}])"
)
_RARE_CHAR_ADVICE = "请改用“生僻字输入”按 Unicode 码位输入标准汉字。"
_SPACES_RE = re.compile(r"\s+")


def is_han(ch: str) -> bool:
    """True for a CJK unified or compatibility ideograph, in any plane."""
    cp = ord(ch)
    return any(lo <= cp <= hi for lo, hi in _HAN_RANGES)


def _is_variation_selector(cp: int) -> bool:
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def _is_noncharacter(cp: int) -> bool:
    return 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE


def _is_private_use(cp: int) -> bool:
    return 0xE000 <= cp <= 0xF8FF or cp >= 0xF0000


def _problem(ch: str, *, strict: bool, multiline: bool) -> str | None:
    """Why ``ch`` may not be stored, or None. ``strict`` adds the rules for names and IDs."""
    cp = ord(ch)
    category = unicodedata.category(ch)
    if 0xD800 <= cp <= 0xDFFF:
        return "损坏的编码片段（通常来自损坏的文件）"
    if _is_noncharacter(cp):
        return "非字符码位"
    if category == "Cc" and not (multiline and ch in "\n\t"):
        return "不可见的控制字符"
    if cp in _BIDI_CONTROLS or (strict and cp in _BIDI_MARKS):
        return "文字方向控制符（会让显示的内容与实际不符）"
    if not strict:
        return None
    if cp in _ZERO_WIDTH or category in ("Cf", "Zl", "Zp"):
        return "不可见的格式字符"
    if _is_private_use(cp):
        return "私用区字符（常见于旧系统的自造字，其他电脑无法正确显示）"
    if category == "Cn" and not is_han(ch):
        return "本机字符库中没有的字符"
    return None


def _check_chars(text: str, field: str, label: str, *, offset: int, strict: bool, multiline: bool) -> None:
    for i, ch in enumerate(text):
        problem = _problem(ch, strict=strict, multiline=multiline)
        if problem:
            cp = ord(ch)
            # Code points of invisible characters help support staff; visible ones could be part of a name.
            visible = _is_private_use(cp) or (unicodedata.category(ch) == "Cn" and not _is_noncharacter(cp))
            hint = "" if visible else f"（U+{cp:04X}）"
            advice = _RARE_CHAR_ADVICE if _is_private_use(cp) else "请删除后重新输入。"
            raise ValidationError(field, f"{label}第 {offset + i + 1} 个字符{hint}是{problem}。{advice}")


def _check_variation_selectors(text: str, field: str) -> None:
    """Ideographic variation selectors pick a glyph of the Hanzi just before them; alone they mean nothing."""
    for i, ch in enumerate(text):
        if _is_variation_selector(ord(ch)) and (i == 0 or not is_han(text[i - 1])):
            raise ValidationError(
                field, f"姓名第 {i + 1} 个字符是异体字选择符，它只能紧跟在汉字后面。请删除后重新输入。"
            )


def validate_person_name(text: str, field: str = "name", *, required: bool = False) -> str:
    """Clean a person's name for storage: NFC, outer spaces removed, "·" separators, ≤64 code points.

    Returns "" for an empty optional name. Runs of spaces inside a name become one ASCII space.
    """
    stripped = text.strip()
    if len(stripped) > 4 * NAME_MAX_LEN:
        raise ValidationError(field, f"姓名太长：最多 {NAME_MAX_LEN} 个字。请只填写姓名本身。")
    _check_chars(stripped, field, "姓名", offset=len(text) - len(text.lstrip()), strict=True, multiline=False)
    name = _SPACES_RE.sub(" ", stripped)
    name = unicodedata.normalize("NFC", _SEPARATOR_RE.sub("\u00B7", name))
    if not name:
        if required:
            raise ValidationError(field, "请填写姓名；不知道姓名时请勾选“不详”或填写化名。")
        return ""
    if unicodedata.category(name[0]).startswith("M") and not _is_variation_selector(ord(name[0])):
        raise ValidationError(field, "姓名不能以附加符号（组合用字符）开头。请删除第一个字符后重新输入。")
    _check_variation_selectors(name, field)
    if len(name) > NAME_MAX_LEN:
        raise ValidationError(field, f"姓名太长：现有 {len(name)} 个字，最多 {NAME_MAX_LEN} 个。请删减后重新输入。")
    return name


def validate_free_text(text: str, field: str, *, max_len: int, multiline: bool = True) -> str:
    """Clean general text (notes, addresses): NFC, outer whitespace removed, line breaks as "\\n".

    Multi-line text may hold newlines and tabs; single-line text may not.
    """
    if len(text) > 4 * max_len + 64:
        raise ValidationError(field, f"内容太长：最多 {max_len} 个字。请删减后重新输入。")
    stripped = text.strip()
    if multiline:
        for brk in _LINE_BREAKS:
            stripped = stripped.replace(brk, "\n")
    elif any(ch in stripped for ch in "\n\r\t\u2028\u2029"):
        raise ValidationError(field, "此栏只能填写一行，不能包含换行或制表符。请删除后重新输入。")
    _check_chars(stripped, field, "内容", offset=len(text) - len(text.lstrip()), strict=False, multiline=multiline)
    result = unicodedata.normalize("NFC", stripped)
    if len(result) > max_len:
        raise ValidationError(field, f"内容太长：现有 {len(result)} 个字，最多 {max_len} 个。请删减后重新输入。")
    return result


_CODE_POINT_RE = re.compile(r"(?:U\+|\\U|\\u|0X|&#X)?([0-9A-F]{1,6});?", re.IGNORECASE)
_DECIMAL_REF_RE = re.compile(r"&#([0-9]{1,7});?")


def code_point_to_char(text: str) -> str:
    """The character for a typed code point, for the rare-character (生僻字) input aid.

    Accepts "U+20BB7", "u+20bb7", "20BB7", "&#x20BB7;" and "&#134071;". Refuses surrogates,
    controls, invisible format characters, private-use and unassigned code points (except in the
    ideographic planes 2-3, whose newest Hanzi this Python may not know yet).
    """
    field = "code_point"
    typed = text.strip().replace(" ", "")
    if match := _DECIMAL_REF_RE.fullmatch(typed):
        cp = int(match.group(1))
    elif match := _CODE_POINT_RE.fullmatch(typed):
        cp = int(match.group(1), 16)
    else:
        raise ValidationError(field, "码位格式不正确。请输入如 U+20BB7 或 20BB7 的十六进制码位。")
    if cp > 0x10FFFF:
        raise ValidationError(field, "码位超出 Unicode 范围（最大为 U+10FFFF）。请核对。")
    ch = chr(cp)
    category = unicodedata.category(ch)
    problem = _problem(ch, strict=True, multiline=False)
    if problem is None and category.startswith("Z"):
        problem = "空白字符"
    if problem:
        raise ValidationError(field, f"码位 U+{cp:04X} 是{problem}，不能作为文字输入。请核对码位。")
    return ch


# What people type between the parts of a minority or foreign name: the middle dot and its look-alikes,
# spaces (also the ideographic space) and hyphens and dashes. Search ignores them on both sides, with
# ideographic variation selectors, so 阿依古丽·买买提 is found as 阿依古丽.买买提, 阿依古丽 买买提 or 阿依古丽买买提.
SEARCH_SEPARATORS = (_SEPARATOR_LOOKALIKES + "\u16EB\u2E31\uA78F"
                     + "-\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u30A0\uFE58\uFE63\uFF0D")
_SEARCH_DROP = {ord(ch): None for ch in SEARCH_SEPARATORS}
_SEARCH_DROP.update({cp: None for cp in range(0xFE00, 0xFE10)})
_SEARCH_DROP.update({cp: None for cp in range(0xE0100, 0xE01F0)})


def search_fold(text: str) -> str:
    """``text`` as search compares it: NFC, without name separators, whitespace or variation selectors.
    The same function folds the stored search document's names and the typed query."""
    return "".join(unicodedata.normalize("NFC", text).translate(_SEARCH_DROP).split())
