"""Working days with Chinese public holidays and 调休 make-up days, on fixed calendars."""

import json
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from victimcare.domain.workcalendar import (
    WorkCalendar,
    calendar_from_json,
    calendar_to_json,
    load_calendar,
)
from victimcare.core.errors import ValidationError

# Spring Festival 2026 as published: off 02-15..02-23, Saturdays 02-14 and 02-28 are working days.
SPRING_2026 = WorkCalendar(
    holidays={date(2026, 2, 15) + timedelta(days=i) for i in range(9)},
    extra_workdays={date(2026, 2, 14), date(2026, 2, 28)},
)


def test_plain_week_and_weekend():
    cal = WorkCalendar()
    assert cal.is_workday(date(2026, 3, 6))  # Friday
    assert not cal.is_workday(date(2026, 3, 7))  # Saturday
    assert not cal.is_workday(date(2026, 3, 8))  # Sunday


def test_holiday_on_a_weekday_is_off_and_makeup_saturday_is_on():
    assert not SPRING_2026.is_workday(date(2026, 2, 16))  # Monday in the holiday
    assert SPRING_2026.is_workday(date(2026, 2, 14))  # Saturday 调休
    assert SPRING_2026.is_workday(date(2026, 2, 24))  # first day back


def test_add_workdays_skips_the_weekend_and_does_not_count_the_start():
    cal = WorkCalendar()
    assert cal.add_workdays(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Fri + 1 → Mon
    assert cal.add_workdays(date(2026, 3, 2), 5) == date(2026, 3, 9)  # Mon + 5 → next Mon
    assert cal.add_workdays(date(2026, 3, 6), 0) == date(2026, 3, 6)


def test_add_workdays_across_holiday_and_makeup_days():
    start = date(2026, 2, 12)  # Thursday
    expected = [
        date(2026, 2, 13),  # Fri
        date(2026, 2, 14),  # Sat, make-up working day
        date(2026, 2, 24),  # holiday 15–23 skipped
        date(2026, 2, 25),
        date(2026, 2, 26),
        date(2026, 2, 27),
        date(2026, 2, 28),  # Sat, make-up working day
        date(2026, 3, 2),  # Sunday 03-01 skipped
    ]
    for n, d in enumerate(expected, start=1):
        assert SPRING_2026.add_workdays(start, n) == d
    assert SPRING_2026.workdays_between(start, date(2026, 3, 2)) == 8


def test_add_workdays_refuses_negative_counts():
    with pytest.raises(ValueError):
        WorkCalendar().add_workdays(date(2026, 3, 2), -1)


def test_workdays_between_is_zero_for_same_day_and_negative_backwards():
    cal = SPRING_2026
    assert cal.workdays_between(date(2026, 2, 16), date(2026, 2, 16)) == 0
    assert cal.workdays_between(date(2026, 2, 14), date(2026, 2, 23)) == 0  # all holiday
    assert cal.workdays_between(date(2026, 3, 2), date(2026, 2, 12)) == -8


def test_a_day_cannot_be_both_holiday_and_workday():
    with pytest.raises(ValidationError) as e:
        WorkCalendar(holidays={date(2026, 2, 14)}, extra_workdays={date(2026, 2, 14)})
    assert e.value.field == "holidays"
    assert "2026-02-14" in e.value.message


# --- the bundled official table -------------------------------------------------------------------------


def test_bundled_table_has_official_2025_and_2026_arrangements():
    cal = load_calendar()
    assert "国务院办公厅" in cal.source
    # 2025
    assert not cal.is_workday(date(2025, 1, 1))
    assert not cal.is_workday(date(2025, 1, 28)) and not cal.is_workday(date(2025, 2, 4))
    assert cal.is_workday(date(2025, 1, 26)) and cal.is_workday(date(2025, 2, 8))
    assert cal.is_workday(date(2025, 4, 27))
    assert not cal.is_workday(date(2025, 6, 2))
    assert not cal.is_workday(date(2025, 10, 8))
    assert cal.is_workday(date(2025, 9, 28)) and cal.is_workday(date(2025, 10, 11))
    # 2026
    assert not cal.is_workday(date(2026, 1, 2))
    assert cal.is_workday(date(2026, 1, 4))
    assert not cal.is_workday(date(2026, 2, 23))
    assert cal.is_workday(date(2026, 2, 14)) and cal.is_workday(date(2026, 2, 28))
    assert not cal.is_workday(date(2026, 5, 5)) and cal.is_workday(date(2026, 5, 9))
    assert not cal.is_workday(date(2026, 6, 19))
    assert not cal.is_workday(date(2026, 9, 25))
    assert cal.is_workday(date(2026, 9, 20)) and cal.is_workday(date(2026, 10, 10))
    assert not cal.is_workday(date(2026, 10, 7)) and cal.is_workday(date(2026, 10, 8))
    assert len(cal.holidays) == 28 + 33
    assert cal.covers(date(2026, 12, 31)) and not cal.covers(date(2027, 1, 1))


def test_json_round_trip_keeps_everything():
    cal = load_calendar()
    again = calendar_from_json(calendar_to_json(cal))
    assert again == cal
    assert again.source == cal.source
    assert calendar_to_json(again) == calendar_to_json(cal)


def test_an_empty_year_survives_the_round_trip():
    cal = calendar_from_json('{"source": "县里补充", "years": {"2027": {"holidays": [], "workdays": []}}}')
    assert cal.covers(date(2027, 5, 1))
    assert calendar_from_json(calendar_to_json(cal)).covers(date(2027, 5, 1))


def _table(holidays, workdays=(), year="2026"):
    return json.dumps({"source": "测试", "years": {year: {"holidays": list(holidays), "workdays": list(workdays)}}})


@pytest.mark.parametrize(
    "text, words",
    [
        ("not json", "JSON"),
        ('{"source": "x"}', "years"),
        (_table(["2026-02-30"]), "不存在的日期"),
        (_table(["2026/02/01"]), "无效日期"),
        (_table(["20260201"]), "无效日期"),
        (_table([20260201]), "无效日期"),
        (_table(["2025-10-01"]), "不属于2026年"),
        (_table([], ["2026-02-16"]), "不是周六或周日"),
        (_table(["2026-02-14"], ["2026-02-14"]), "既是放假日又是调休上班日"),
        (json.dumps({"years": {"26": {}}}), "年份无效"),
        (json.dumps({"years": {"2026": []}}), "格式不对"),
    ],
)
def test_bad_tables_are_refused_with_a_chinese_message(text, words):
    with pytest.raises(ValidationError) as e:
        calendar_from_json(text)
    assert e.value.field == "holidays"
    assert words in e.value.message


def test_missing_file_gives_a_user_message(tmp_path):
    with pytest.raises(ValidationError) as e:
        load_calendar(tmp_path / "none.json")
    assert e.value.field == "holidays"
    assert "无法读取" in e.value.message


def test_load_from_a_given_path(tmp_path):
    p = tmp_path / "county.json"
    p.write_text(_table(["2026-02-16"]), encoding="utf-8")
    assert not load_calendar(p).is_workday(date(2026, 2, 16))


# --- properties ------------------------------------------------------------------------------------------

_days = st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31))


@st.composite
def calendars(draw):
    holidays = draw(st.sets(_days, max_size=40))
    weekends = draw(st.sets(_days.filter(lambda d: d.weekday() >= 5), max_size=10))
    return WorkCalendar(holidays, weekends - holidays)


@settings(deadline=None)  # no wall-clock limit per example on a busy CI machine
@given(calendars(), _days, st.integers(min_value=1, max_value=80))
def test_add_workdays_lands_on_a_workday_n_workdays_later(cal, d, n):
    end = cal.add_workdays(d, n)
    assert cal.is_workday(end)
    assert end > d
    assert cal.workdays_between(d, end) == n


@settings(deadline=None)
@given(calendars(), _days, _days)
def test_workdays_between_matches_counting_day_by_day(cal, a, b):
    lo, hi = min(a, b), max(a, b)
    brute = sum(cal.is_workday(lo + timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
    assert cal.workdays_between(lo, hi) == brute
    assert cal.workdays_between(hi, lo) == -brute


def test_last_day_is_the_end_of_the_last_year_in_the_table():
    assert WorkCalendar().last_day() is None
    cal = WorkCalendar(holidays=[date(2025, 1, 1)], years=[2026])
    assert cal.last_day() == date(2026, 12, 31)
    assert cal.covers(date(2026, 12, 31)) and not cal.covers(date(2027, 1, 1))
