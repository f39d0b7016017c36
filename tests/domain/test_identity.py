"""Resident ID numbers as a caseworker types them, plus generated valid numbers."""

import re
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from victimcare.domain.identity import (
    IdStatus,
    ResidentId,
    check_digit,
    convert_15_to_18,
    id_consistency_warnings,
    normalize_id,
    validate_resident_id,
)
from victimcare.core.errors import ValidationError

TODAY = date(2026, 3, 15)
PROVINCES = [*range(11, 16), *range(21, 24), *range(31, 38), *range(41, 47), *range(50, 55), *range(61, 66), 81, 82, 83]


def make_id(region: str, born: date, seq: int) -> str:
    first17 = f"{region}{born:%Y%m%d}{seq:03d}"
    return first17 + check_digit(first17)


YOUXI_GIRL = make_id("350426", date(2008, 6, 15), 124)


@pytest.mark.parametrize(
    ("typed", "number", "born", "sex", "region"),
    [
        ("11010519491231002X", "11010519491231002X", date(1949, 12, 31), "F", "110105"),
        ("360426199101010071", "360426199101010071", date(1991, 1, 1), "M", "360426"),
        (YOUXI_GIRL, YOUXI_GIRL, date(2008, 6, 15), "F", "350426"),
        ("11010519491231002x", "11010519491231002X", date(1949, 12, 31), "F", "110105"),  # lower-case x
        (" 110105 19491231 002X\n", "11010519491231002X", date(1949, 12, 31), "F", "110105"),  # spaces from a card
        ("１１０１０５１９４９１２３１００２Ｘ", "11010519491231002X", date(1949, 12, 31), "F", "110105"),  # full-width IME
        ("110105\u300019491231002ｘ", "11010519491231002X", date(1949, 12, 31), "F", "110105"),
    ],
)
def test_valid_ids(typed, number, born, sex, region):
    assert validate_resident_id(typed, today=TODAY) == ResidentId(number, born, sex, region)


@pytest.mark.parametrize(
    "number",
    [
        make_id("810000", date(1980, 5, 5), 11),
        make_id("820000", date(1975, 1, 1), 22),
        make_id("830000", date(1990, 2, 2), 33),
    ],
)
def test_residence_permit_prefixes_81_82_83_are_valid(number):
    assert validate_resident_id(number, today=TODAY).number == number


def test_x_check_digit_is_computed():
    assert check_digit("11010519491231002") == "X"
    assert check_digit("36042619910101007") == "1"


def test_pre_1900_birth_is_rejected_even_with_a_correct_check_digit():
    # 440524188001010014 is a textbook example with a valid checksum, but born 1880: no living person.
    assert check_digit("44052418800101001") == "4"
    with pytest.raises(ValidationError, match="1900") as err:
        validate_resident_id("440524188001010014", today=TODAY)
    assert err.value.field == "id_number"


def test_bad_check_digit_says_what_it_should_be():
    with pytest.raises(ValidationError) as err:
        validate_resident_id("110105194912310021", today=TODAY)
    assert err.value.field == "id_number"
    assert "校验位" in err.value.message
    assert "最后一位应为 X" in err.value.message


@pytest.mark.parametrize(
    ("typed", "expected_words"),
    [
        ("", "请填写身份证号"),
        ("   ", "请填写身份证号"),
        ("11010519491231002", "18 位"),  # 17 chars
        ("11010519491231002X1", "18 位"),  # 19 chars
        ("1101051949123100XX", "数字"),  # X not last
        ("11010519491231O02X", "数字"),  # letter O for zero
        ("١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "数字"),  # Arabic-Indic digits are digits to Python, not to us
        ("11010519491231002\u202e", "数字"),  # bidi control
        ("11010519491231002\x00", "数字"),
        (make_id("000000", date(1990, 1, 1), 1), "省级代码"),
        (make_id("990000", date(1990, 1, 1), 1), "省级代码"),
        (make_id("710000", date(1990, 1, 1), 1), "省级代码"),  # Taiwan uses 83 on residence permits
        (make_id("350426", date(2026, 3, 16), 1), "晚于今天"),
        ("350426202302290011", "日期"),  # 2023-02-29 does not exist
        ("350426199913010011", "日期"),
        ("350426199901000011", "日期"),
        ("350426189912310011", "1900"),
        ("130503670401001", "15 位"),
    ],
)
def test_invalid_ids_have_a_clear_message(typed, expected_words):
    with pytest.raises(ValidationError) as err:
        validate_resident_id(typed, today=TODAY)
    assert err.value.field == "id_number"
    assert expected_words in err.value.message


def test_born_today_is_accepted():
    number = make_id("350426", TODAY, 2)
    assert validate_resident_id(number, today=TODAY).birth_date == TODAY


@pytest.mark.parametrize(
    "typed",
    ["110105194912310021", "350426202302290011", make_id("990000", date(1990, 1, 1), 1), "440524188001010014"],
)
def test_messages_never_repeat_the_number(typed):
    with pytest.raises(ValidationError) as err:
        validate_resident_id(typed, today=TODAY)
    assert not re.search(r"\d{5,}", err.value.message)


def test_convert_15_to_18():
    assert convert_15_to_18("130503670401001") == "130503196704010016"
    assert convert_15_to_18(" 130503 670401 001 ") == "130503196704010016"
    assert validate_resident_id(convert_15_to_18("130503670401001"), today=TODAY).birth_date == date(1967, 4, 1)


@pytest.mark.parametrize(
    "typed", ["13050367040100", "1305036704010011", "13050367040100X", "130503670230001", "990503670401001"]
)
def test_convert_15_to_18_rejects_bad_old_numbers(typed):
    with pytest.raises(ValidationError):
        convert_15_to_18(typed)


@pytest.mark.parametrize("bad", ["", "1234", "1101051949123100X", "110105194912310021"])
def test_check_digit_needs_17_digits(bad):
    with pytest.raises(ValueError):
        check_digit(bad)


def test_normalize_id():
    assert normalize_id(" １１0105 19491231002x ") == "11010519491231002X"


def test_consistency_warnings():
    rid = validate_resident_id("11010519491231002X", today=TODAY)
    assert id_consistency_warnings(rid, date(1949, 12, 31), "F") == []
    assert id_consistency_warnings(rid, None, None) == []
    assert id_consistency_warnings(rid, None, "U") == []  # unknown sex: nothing to compare
    [birth] = id_consistency_warnings(rid, date(1949, 12, 30), "F")
    assert "出生日期" in birth
    [sex] = id_consistency_warnings(rid, date(1949, 12, 31), "M")
    assert "性别" in sex
    assert len(id_consistency_warnings(rid, date(1950, 1, 1), "M")) == 2
    for message in id_consistency_warnings(rid, date(1950, 1, 1), "M"):
        assert "1949" not in message and "1950" not in message


def test_unknown_region_is_a_warning_not_an_error():
    rid = validate_resident_id(make_id("359999", date(1990, 1, 1), 1), today=TODAY)
    [warning] = id_consistency_warnings(rid, None, None)
    assert "地址码" in warning and "359999" not in warning


@pytest.mark.parametrize("region", ["350402", "350427", "830000", "810000", "350426"])
def test_retired_and_permit_regions_give_no_warning(region):
    # 梅列区 350402 and 沙县 350427 were merged away in 2021 but old IDs keep their codes.
    rid = validate_resident_id(make_id(region, date(1990, 1, 1), 1), today=TODAY)
    assert id_consistency_warnings(rid, None, None) == []


def test_id_status_codes_and_labels_are_stable():
    assert [(s.value, s.label) for s in IdStatus] == [
        ("has", "有"),
        ("none", "无"),
        ("pending", "待查"),
        ("after_hukou", "落户后取得"),
    ]
    assert IdStatus("after_hukou") is IdStatus.AFTER_HUKOU


valid_ids = st.builds(
    lambda prov, rest, born, seq: (make_id(f"{prov}{rest:04d}", born, seq), born, seq),
    st.sampled_from(PROVINCES),
    st.integers(0, 9999),
    st.dates(date(1900, 1, 1), TODAY),
    st.integers(0, 999),
)


@settings(max_examples=200, deadline=None)
@given(valid_ids, st.sampled_from([str, str.lower, lambda n: f" {n[:6]} {n[6:14]} {n[14:]} "]))
def test_generated_valid_ids_always_validate(generated, typed_as):
    number, born, seq = generated
    rid = validate_resident_id(typed_as(number), today=TODAY)
    assert rid.number == number
    assert rid.birth_date == born
    assert rid.sex == ("M" if seq % 2 else "F")
    assert rid.region_code == number[:6]
    # Random region digits may be unknown, which is the only warning allowed here.
    assert all("地址码" in w for w in id_consistency_warnings(rid, born, rid.sex))


@settings(max_examples=200, deadline=None)
@given(valid_ids, st.integers(0, 16), st.integers(1, 9))
def test_a_single_changed_digit_is_always_caught(generated, position, delta):
    number = generated[0]
    digit = (int(number[position]) + delta) % 10
    typo = number[:position] + str(digit) + number[position + 1 :]
    with pytest.raises(ValidationError):
        validate_resident_id(typo, today=TODAY)


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1900, 1, 1), date(1999, 12, 31)), st.integers(0, 999), st.sampled_from(PROVINCES))
def test_15_digit_conversion_round_trips(born, seq, prov):
    new = make_id(f"{prov}0102", born, seq)
    old = new[:6] + new[8:17]
    assert convert_15_to_18(old) == new


any_char = st.integers(0, 0x10FFFF).map(chr)  # includes surrogates and controls, unlike st.characters()
id_like = st.text(st.one_of(any_char, st.sampled_from("0123456789Xx ０１\u202e\x00")), max_size=25)


@settings(max_examples=200, deadline=None)
@given(id_like)
def test_arbitrary_text_gives_an_id_or_a_validation_error(text):
    try:
        rid = validate_resident_id(text, today=TODAY)
    except ValidationError as err:
        assert err.field == "id_number" and err.message
        return
    assert re.fullmatch(r"[0-9]{17}[0-9X]", rid.number)
    assert date(1900, 1, 1) <= rid.birth_date <= TODAY


@settings(max_examples=200, deadline=None)
@given(id_like)
def test_arbitrary_text_converts_or_raises_validation_error(text):
    try:
        assert len(convert_15_to_18(text)) == 18
    except ValidationError:
        pass


def test_today_boundary_uses_the_given_day():
    tomorrow = TODAY + timedelta(days=1)
    number = make_id("350426", tomorrow, 1)
    with pytest.raises(ValidationError):
        validate_resident_id(number, today=TODAY)
    assert validate_resident_id(number, today=tomorrow).birth_date == tomorrow
