"""Typed dates, display form, ages and estimated birth dates."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from victimcare.domain.dates import (
    MAX_ESTIMATED_AGE,
    age_on,
    estimated_birth_date,
    format_date_zh,
    parse_date,
    parse_estimated_age,
)
from victimcare.core.errors import ValidationError

TODAY = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2024-05-13", date(2024, 5, 13)),
        ("2024年5月13日", date(2024, 5, 13)),
        ("2024年05月13日", date(2024, 5, 13)),
        ("２０２４年５月１３日", date(2024, 5, 13)),  # full-width IME digits
        ("２０２４－０５－１３", date(2024, 5, 13)),
        (" 2024 年 5 月 13 日 ", date(2024, 5, 13)),
        ("2024-02-29", date(2024, 2, 29)),
        ("2000年2月29日", date(2000, 2, 29)),  # divisible by 400: leap
        ("1900-01-01", date(1900, 1, 1)),
        ("2026-03-15", TODAY),
    ],
)
def test_valid_dates(typed, expected):
    assert parse_date(typed, "birth_date", today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2024-02-30", "不存在"),
        ("2023年2月29日", "不存在"),
        ("1900-02-29", "不存在"),  # 1900 was not a leap year
        ("1900-01-00", "不存在"),
        ("2024-04-31", "不存在"),
        ("2024-13-01", "月份"),
        ("2024年0月1日", "月份"),
        ("13/13/2024", "格式"),
        ("05/06/2024", "格式"),  # day and month cannot be told apart
        ("2024-5-13", "格式"),  # ISO needs two digits
        ("2024/05/13", "格式"),
        ("20240513", "格式"),
        ("24-05-13", "格式"),
        ("1e309", "格式"),
        ("-2024-05-13", "格式"),
        ("٢٠٢٤-٠٥-١٣", "格式"),  # Arabic-Indic digits
        ("2024-05-13T10:00", "格式"),
        ("二〇二四年五月十三日", "格式"),
        ("2024-05-13\x00", "格式"),
        ("2024-05-13" * 1000, "格式"),
        ("0000-01-01", "1900"),
        ("1899-12-31", "1900"),
        ("2026-03-16", "晚于今天"),
        ("9999-12-31", "晚于今天"),
        ("", "请填写"),
        ("   ", "请填写"),
    ],
)
def test_invalid_dates(typed, words):
    with pytest.raises(ValidationError) as err:
        parse_date(typed, "birth_date", today=TODAY)
    assert err.value.field == "birth_date"
    assert words in err.value.message


@pytest.mark.parametrize("typed", ["2023年2月29日", "2024-02-30", "1899-12-31", "2026-03-16"])
def test_messages_do_not_repeat_the_date(typed):
    with pytest.raises(ValidationError) as err:
        parse_date(typed, "birth_date", today=TODAY)
    for part in ("2023", "2024", "1899", "2026", "-02-", "2月29"):
        assert part not in err.value.message


def test_future_dates_when_allowed_and_other_min_years():
    assert parse_date("2026-04-01", "follow_up_on", today=TODAY, allow_future=True) == date(2026, 4, 1)
    with pytest.raises(ValidationError, match="2000"):
        parse_date("1999-12-31", "admitted_on", today=TODAY, min_year=2000)


def test_format_date_zh():
    assert format_date_zh(date(2024, 5, 13)) == "2024年05月13日"
    assert format_date_zh(date(1900, 1, 1)) == "1900年01月01日"


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(2010, 5, 13), date(2026, 5, 12), 15),
        (date(2010, 5, 13), date(2026, 5, 13), 16),
        (date(2008, 2, 29), date(2026, 2, 28), 17),  # leap-day birthday: not yet
        (date(2008, 2, 29), date(2026, 3, 1), 18),
        (date(2008, 2, 29), date(2028, 2, 29), 20),
        (date(2026, 3, 15), date(2026, 3, 15), 0),
    ],
)
def test_age_on(birth, on, age):
    assert age_on(birth, on) == age


def test_age_on_before_birth_is_a_programming_error():
    with pytest.raises(ValueError):
        age_on(date(2020, 1, 2), date(2020, 1, 1))


@pytest.mark.parametrize(
    ("age", "on", "born"),
    [
        (14, date(2026, 3, 15), date(2011, 7, 1)),  # before 1 July: the birthday is still to come
        (14, date(2026, 7, 1), date(2012, 7, 1)),
        (14, date(2026, 12, 31), date(2012, 7, 1)),
        (0, date(2026, 3, 15), date(2025, 7, 1)),
        (0, date(2026, 8, 1), date(2026, 7, 1)),
        (120, date(2026, 8, 1), date(1906, 7, 1)),
    ],
)
def test_estimated_birth_date_is_1_july(age, on, born):
    assert estimated_birth_date(age, on) == born


@pytest.mark.parametrize("age", [-1, MAX_ESTIMATED_AGE + 1])
def test_estimated_birth_date_refuses_impossible_ages(age):
    with pytest.raises(ValueError):
        estimated_birth_date(age, TODAY)


@pytest.mark.parametrize(
    ("typed", "age"), [("0", 0), ("14", 14), ("120", 120), ("３５", 35), (" 7 ", 7), (42, 42), ("007", 7)]
)
def test_parse_estimated_age(typed, age):
    assert parse_estimated_age(typed) == age


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("-1", "整数"),
        ("121", "120"),
        ("1e309", "整数"),
        ("14.5", "整数"),
        ("十四", "整数"),
        ("", "整数"),
        (-3, "整数"),
        ("9" * 5000, "120"),
    ],
)
def test_parse_estimated_age_rejects(typed, words):
    with pytest.raises(ValidationError) as err:
        parse_estimated_age(typed)
    assert err.value.field == "estimated_age"
    assert words in err.value.message


@settings(max_examples=200, deadline=None)
@given(st.dates(date(1900, 1, 1), TODAY))
def test_both_typed_forms_round_trip(d):
    assert parse_date(d.isoformat(), "d", today=TODAY) == d
    assert parse_date(format_date_zh(d), "d", today=TODAY) == d
    assert parse_date(f"{d.year}年{d.month}月{d.day}日", "d", today=TODAY) == d


@settings(max_examples=200, deadline=None)
@given(st.integers(0, MAX_ESTIMATED_AGE), st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_estimated_birth_date_gives_back_the_age(age, on):
    born = estimated_birth_date(age, on)
    assert (born.month, born.day) == (7, 1)
    assert born <= on
    assert age_on(born, on) == age


any_char = st.integers(0, 0x10FFFF).map(chr)  # includes surrogates and controls
date_like = st.text(st.one_of(any_char, st.sampled_from("0123456789-年月日２０ \x00\ud800")), max_size=20)


@settings(max_examples=200, deadline=None)
@given(date_like, st.booleans())
def test_arbitrary_text_gives_a_date_or_validation_error(text, allow_future):
    try:
        d = parse_date(text, "d", today=TODAY, allow_future=allow_future)
    except ValidationError as err:
        assert err.field == "d" and err.message
        return
    assert d.year >= 1900
    assert allow_future or d <= TODAY


@settings(max_examples=200, deadline=None)
@given(date_like)
def test_arbitrary_text_gives_an_age_or_validation_error(text):
    try:
        age = parse_estimated_age(text)
    except ValidationError:
        return
    assert 0 <= age <= MAX_ESTIMATED_AGE


def test_tomorrow_is_rejected_for_a_birth_date():
    tomorrow = TODAY + timedelta(days=1)
    with pytest.raises(ValidationError):
        parse_date(tomorrow.isoformat(), "birth_date", today=TODAY)
