"""Names and free text, including rare Hanzi and the bad-input corpus (controls, bidi, surrogates)."""

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from victimcare.domain.names import (
    NAME_MAX_LEN,
    code_point_to_char,
    is_han,
    validate_free_text,
    validate_person_name,
)
from victimcare.core.errors import ValidationError

IVS_GE = "\u845b\U000e0100"  # 葛 with an ideographic variation selector


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("张三", "张三"),
        ("𠮷田", "𠮷田"),  # U+20BB7, Ext B
        ("王𪚥", "王𪚥"),  # U+2A6A5
        ("𰻞", "𰻞"),  # U+30EDE, Ext G
        ("李\U00031350", "李\U00031350"),  # Ext H: newer than this Python's Unicode data, still a Hanzi
        ("买买提·艾力", "买买提·艾力"),
        (IVS_GE + "洪", IVS_GE + "洪"),
        ("  张三\u3000", "张三"),
        ("\t张三\r\n", "张三"),  # pasted from a spreadsheet cell
        ("John  Smith", "John Smith"),
        ("张\u3000三", "张 三"),
        ("Jose\u0301", "José"),  # NFC
        ("", ""),
        ("   ", ""),
    ],
)
def test_valid_names(typed, stored):
    assert validate_person_name(typed) == stored


@pytest.mark.parametrize("sep", [".", "\u2022", "\u30fb", "\uff0e", "\u2027", "\uff65", "\u00b7", " · ", "\u0387"])
def test_name_separator_lookalikes_become_middle_dot(sep):
    assert validate_person_name(f"买买提{sep}艾力") == "买买提\u00b7艾力"


@pytest.mark.parametrize("name", ["John F. Kennedy", "A.B", "张三.", ".张三"])
def test_periods_outside_hanzi_name_parts_are_kept(name):
    assert validate_person_name(name) == name


@pytest.mark.parametrize("length", [1, 25, 50, NAME_MAX_LEN])
def test_long_names_up_to_the_limit_are_allowed(length):
    assert len(validate_person_name("张" * length)) == length


def test_length_is_counted_by_code_point_not_utf16_unit():
    name = "𠮷" * NAME_MAX_LEN  # 128 UTF-16 units
    assert validate_person_name(name) == name


@pytest.mark.parametrize("name", ["张" * (NAME_MAX_LEN + 1), "𠮷" * (NAME_MAX_LEN + 1), "张" * 100_000])
def test_too_long_names_are_rejected(name):
    with pytest.raises(ValidationError, match="太长"):
        validate_person_name(name)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("张\x00三", "控制字符"),
        ("\x1b[2J张三", "控制字符"),
        ("张\x85三", "控制字符"),  # C1
        ("张\x7f三", "控制字符"),
        ("张三\x0b李四", "控制字符"),
        ("张\u202e三", "方向"),
        ("张\u202a三", "方向"),
        ("张\u2066三\u2069", "方向"),
        ("张\u200e三", "方向"),
        ("张\u200f三", "方向"),
        ("张\u200b三", "格式字符"),
        ("张\u200c三", "格式字符"),
        ("张\u200d三", "格式字符"),
        ("张\ufeff三", "格式字符"),
        ("张\u00ad三", "格式字符"),
        ("张\u2028三", "格式字符"),
        ("张\ud800三", "编码"),  # lone surrogate
        ("张\udfff", "编码"),
        ("张\ufffe", "非字符"),
        ("张\uffff", "非字符"),
        ("张\ufdd0", "非字符"),
        ("张\ue000", "私用区"),  # legacy 造字 from an old system
        ("张\U000f0000", "私用区"),
        ("张\u0378", "没有"),  # unassigned outside the Hanzi planes
        ("\U000e0100葛", "异体字选择符"),
        ("A\U000e0100", "异体字选择符"),
        ("☺\ufe0f", "异体字选择符"),  # emoji presentation selector is not for names
        ("\u0301张", "组合"),
    ],
)
def test_bad_characters_are_rejected_with_a_reason(name, words):
    with pytest.raises(ValidationError) as err:
        validate_person_name(name, field="alias")
    assert err.value.field == "alias"
    assert words in err.value.message


def test_message_gives_position_but_not_the_name():
    with pytest.raises(ValidationError) as err:
        validate_person_name("  欧阳\x00娜娜")
    assert "第 5 个字符" in err.value.message
    assert "U+0000" in err.value.message
    for part in ("欧", "阳", "娜"):
        assert part not in err.value.message


def test_private_use_message_does_not_reveal_the_code_point():
    with pytest.raises(ValidationError) as err:
        validate_person_name("张\ue3a1")
    assert "E3A1" not in err.value.message.upper()
    assert "生僻字" in err.value.message


def test_required_name():
    with pytest.raises(ValidationError, match="不详"):
        validate_person_name(" ", required=True)
    assert validate_person_name("张三", required=True) == "张三"


def test_is_han():
    assert all(is_han(c) for c in "张𠮷𪚥𰻞\u3400\uf900")
    assert not any(is_han(c) for c in "A·1。\u3000")


# --- free text ---


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("第一行\n第二行", "第一行\n第二行"),
        ("a\r\nb\rc\u2028d", "a\nb\nc\nd"),  # mixed line endings
        ("列1\t列2", "列1\t列2"),
        ("  注意  ", "注意"),
        ("👩\u200d👧 情况良好", "👩\u200d👧 情况良好"),  # emoji ZWJ sequences are fine in notes
        ("\ue000", "\ue000"),
        ("e\u0301", "é"),
        ("'); DROP TABLE cases;--", "'); DROP TABLE cases;--"),
        ("=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"),
        ("<b>x</b>", "<b>x</b>"),
        ("阿拉伯文\u200f", "阿拉伯文\u200f"),  # bidi marks hold no state; only embeddings/isolates are refused
    ],
)
def test_free_text_accepted(typed, stored):
    assert validate_free_text(typed, "notes", max_len=1000) == stored


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("a\x00b", "控制字符"),
        ("\x1b[2J", "控制字符"),
        ("a\u202eb", "方向"),
        ("a\u2066b\u2069", "方向"),
        ("a\ud800b", "编码"),
        ("a\uffffb", "非字符"),
        ("a\x85b", "控制字符"),
    ],
)
def test_free_text_rejected(typed, words):
    with pytest.raises(ValidationError) as err:
        validate_free_text(typed, "notes", max_len=1000)
    assert err.value.field == "notes"
    assert words in err.value.message


@pytest.mark.parametrize("typed", ["a\nb", "a\tb", "a\rb", "a\u2029b"])
def test_single_line_text_refuses_line_breaks_and_tabs(typed):
    with pytest.raises(ValidationError, match="一行"):
        validate_free_text(typed, "address", max_len=100, multiline=False)


def test_single_line_text_strips_a_trailing_newline():
    assert validate_free_text("福建省尤溪县\n", "address", max_len=100, multiline=False) == "福建省尤溪县"


def test_free_text_length_is_counted_after_nfc_by_code_point():
    assert validate_free_text("𠮷" * 10, "notes", max_len=10) == "𠮷" * 10
    assert validate_free_text("e\u0301" * 10, "notes", max_len=10) == "é" * 10
    with pytest.raises(ValidationError, match="太长"):
        validate_free_text("a" * 11, "notes", max_len=10)
    with pytest.raises(ValidationError, match="太长"):
        validate_free_text("a" * 1_000_000, "notes", max_len=10_000)  # the 1 MB field from the corpus


# --- rare-character input aid ---


@pytest.mark.parametrize(
    ("typed", "char"),
    [
        ("U+20BB7", "𠮷"),
        ("u+20bb7", "𠮷"),
        ("20BB7", "𠮷"),
        (" 20bb7 ", "𠮷"),
        ("&#x20BB7;", "𠮷"),
        ("&#134071;", "𠮷"),
        ("U+2A6A5", "𪚥"),
        ("U+30EDE", "𰻞"),
        ("U+31350", "\U00031350"),  # Ext H
        ("U+4E00", "一"),
        ("U+00B7", "·"),
        ("U+E0100", "\U000e0100"),  # variation selector, to append after a Hanzi
    ],
)
def test_code_point_to_char(typed, char):
    assert code_point_to_char(typed) == char


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("", "格式"),
        ("U+", "格式"),
        ("xyz", "格式"),
        ("U+20BB7U+20BB7", "格式"),
        ("U+110000", "范围"),
        ("U+D800", "编码"),
        ("U+DFFF", "编码"),
        ("U+0000", "控制字符"),
        ("U+001B", "控制字符"),
        ("U+202E", "方向"),
        ("U+200B", "格式字符"),
        ("U+E000", "私用区"),
        ("U+FFFF", "非字符"),
        ("U+0020", "空白"),
        ("U+3000", "空白"),
        ("U+0378", "没有"),
    ],
)
def test_code_point_to_char_rejects(typed, words):
    with pytest.raises(ValidationError) as err:
        code_point_to_char(typed)
    assert err.value.field == "code_point"
    assert words in err.value.message


# --- properties over arbitrary text, surrogates and controls included ---

any_char = st.integers(0, 0x10FFFF).map(chr)  # st.characters() leaves out surrogates by default
tricky_char = st.sampled_from(
    "张𠮷·.・ \u3000\t\n\r\x00\x1b\x85\u202e\u2066\u200b\u200d\ufeff\ud800\udfff\ufffe\ue000\u0301\U000e0100\ufe0f"
)
plausible_char = st.one_of(st.characters(categories=("Lo", "Ll", "Lu", "Mn", "Nd", "Po", "Zs")), tricky_char)
text_with_trouble = st.one_of(  # mostly-bad text, and mostly-good text so the success path is exercised too
    st.text(st.one_of(any_char, tricky_char), max_size=80), st.text(plausible_char, max_size=80)
)
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F}
FORBIDDEN_IN_NAMES = BIDI | {0x200B, 0x200C, 0x200D, 0xFEFF}


def _no_surrogates_or_noncharacters(text: str) -> bool:
    return all(not 0xD800 <= ord(c) <= 0xDFFF and (ord(c) & 0xFFFE) != 0xFFFE for c in text)


@settings(max_examples=200, deadline=None)
@given(text_with_trouble)
def test_name_validator_returns_clean_text_or_validation_error(text):
    try:
        name = validate_person_name(text)
    except ValidationError as err:
        assert err.field == "name" and err.message
        return
    assert unicodedata.is_normalized("NFC", name)
    assert len(name) <= NAME_MAX_LEN
    assert name == name.strip()
    assert _no_surrogates_or_noncharacters(name)
    assert not any(unicodedata.category(c) in ("Cc", "Cf", "Co") or ord(c) in FORBIDDEN_IN_NAMES for c in name)
    assert validate_person_name(name) == name  # idempotent
    name.encode("utf-8")  # storable


@settings(max_examples=200, deadline=None)
@given(text_with_trouble, st.booleans(), st.integers(1, 100))
def test_free_text_validator_returns_clean_text_or_validation_error(text, multiline, max_len):
    try:
        clean = validate_free_text(text, "notes", max_len=max_len, multiline=multiline)
    except ValidationError as err:
        assert err.field == "notes" and err.message
        return
    assert unicodedata.is_normalized("NFC", clean)
    assert len(clean) <= max_len
    assert _no_surrogates_or_noncharacters(clean)
    allowed_controls = "\n\t" if multiline else ""
    assert all(unicodedata.category(c) != "Cc" or c in allowed_controls for c in clean)
    assert "\r" not in clean
    assert not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in clean)
    clean.encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=12), st.integers(0, 0x11FFFF).map(lambda cp: f"U+{cp:X}")))
def test_code_point_to_char_returns_one_char_or_validation_error(text):
    try:
        char = code_point_to_char(text)
    except ValidationError:
        return
    assert len(char) == 1
    assert unicodedata.category(char) not in ("Cc", "Cs", "Co", "Cf")
