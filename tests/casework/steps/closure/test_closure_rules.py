"""结案 rules: the F16 fields with the reference's closure types and retention classes, every field
checked (all problems named at once), and what is still open on a case for 未完成事项."""

from datetime import date, datetime

import pytest

from deadline_helpers import at, compute, facts
from victimcare.casework.steps.closure import rules
from victimcare.core.errors import ValidationErrors

TODAY, ADMITTED = date(2026, 9, 21), date(2026, 2, 1)
GOOD = {"closure_type": "family", "summary": " 已护送返回家庭。\r\n接领人身份已核对。 ", "open_items": "",
        "follow_up_plan": "回归后1、3、6、12个月回访", "retention": "30y", "archive_on": "2026年10月1日"}


def problems(raw) -> dict[str, str]:
    with pytest.raises(ValidationErrors) as caught:
        rules.validate_closure(raw, today=TODAY, admitted=ADMITTED)
    return caught.value.by_field()


def test_the_lists_are_the_reference_ones():
    assert [zh for _c, zh in rules.CLOSURE_TYPES][:6] == ["返回家庭", "落户安置", "机构长期照料", "自行离站", "转介", "死亡"]
    assert [zh for _c, zh in rules.RETENTION] == ["永久", "30年", "10年"]
    for _code, zh in (*rules.CLOSURE_TYPES, *rules.RETENTION):
        assert rules.ENGLISH[zh]


def test_a_good_closure_is_cleaned_for_storage():
    assert rules.validate_closure(GOOD, today=TODAY, admitted=ADMITTED) == {
        "closure_type": "family", "summary": "已护送返回家庭。\n接领人身份已核对。", "open_items": "",
        "follow_up_plan": "回归后1、3、6、12个月回访", "retention": "30y", "archive_on": "2026-10-01"}


def test_every_missing_field_is_named_at_once():
    assert set(problems({})) == {"closure_type", "summary", "retention", "archive_on"}
    assert "结案类型" in problems({})["closure_type"] and "服务摘要" in problems({})["summary"]


@pytest.mark.parametrize("field, value, message", [
    ("closure_type", "escaped", "结案类型"),
    ("closure_type", None, "结案类型"),
    ("summary", "   ", "服务摘要"),
    ("summary", "长" * (rules.MAX_SUMMARY + 1), "太长"),
    ("summary", 12, "文字"),
    ("summary", "王\x00红", "字符"),
    ("open_items", "长" * (rules.MAX_OPEN_ITEMS + 1), "太长"),
    ("follow_up_plan", "第一行\n第二行", "一行"),
    ("retention", "forever", "保管期限"),
    ("archive_on", "2026-02-30", "不存在"),
    ("archive_on", "2026-01-31", "早于入站日期"),
    ("archive_on", "2027-09-23", "一年之内"),
    ("archive_on", "", "请填写日期"),
    ("archive_on", ["2026-10-01"], "文字"),
])
def test_each_bad_field_is_refused_with_its_reason(field, value, message):
    found = problems({**GOOD, field: value})
    assert list(found) == [field] and message in found[field]


def test_an_archive_date_may_be_any_day_from_admission_to_a_year_ahead():
    for typed in ("2026-02-01", "2026-09-21", "2027-09-22"):
        assert rules.validate_closure({**GOOD, "archive_on": typed}, today=TODAY, admitted=ADMITTED)["archive_on"] == typed


def test_a_form_that_is_not_a_dict_is_refused():
    assert problems(["family"]) == {"closure_type": "结案申请的内容格式不正确。"}


def test_open_items_list_steps_in_progress_then_unmet_deadlines():
    case = facts(legal_aid_applied_on=date(2026, 3, 2))  # identity unknown: tracing and 落户 items, legal aid decision
    deadlines = compute(case, at(2026, 3, 20))
    steps = {"intake": {"status": "done"}, "tracing": {"status": "in_progress"}, "closure": {"status": "in_progress"},
             "legal_aid": {"status": "in_progress"}, "school": {"status": "not_applicable"}}
    lines = rules.open_items(steps, deadlines)
    assert lines[:2] == ["寻亲：进行中", "法律援助：进行中"]
    unmet = [d for d in deadlines if d.done_on is None]
    assert unmet and len(lines) == 2 + len(unmet)
    assert any(line.startswith("法律援助：") and "已超期" in line for line in lines[2:])
    assert any(line.startswith("寻亲：") for line in lines[2:])
    english = rules.open_items(steps, deadlines, english=True)
    assert english[:2] == ["Family tracing: in progress", "Legal aid: in progress"]
    assert not any("\u4e00" <= ch <= "\u9fff" for line in english for ch in line)


def test_deadlines_of_a_finished_step_and_met_ones_are_not_open_items():
    case = facts(notice_published_at=datetime(2026, 2, 25, 12))
    deadlines = compute(case, at(2026, 3, 20))
    assert any(d.step == "tracing" and d.done_on is not None for d in deadlines)
    lines = rules.open_items({"tracing": {"status": "done"}}, deadlines)
    assert not any(line.startswith("寻亲") for line in lines)
    assert rules.open_items({}, []) == []
