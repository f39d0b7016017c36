"""Editing a saved intake (issue 9, item 13): validated as at intake, refused for a closed case, on the
timeline with the labels of what changed, audited with categories and never a value, steps offered by
age re-evaluated and the next deadline recomputed."""

from datetime import date, datetime, timedelta

import pytest

from support import case_ref
from victimcare.casework.cases import CaseQuery
from victimcare.casework.deadlines import next_due
from victimcare.core.errors import PermissionDenied, UserError, ValidationErrors
from victimcare.security.permissions import Role

NARRATIVE = "CANARY_7f3a 被拐经过的叙述"
NEW_NARRATIVE = "测试经过乙 CANARY_EDIT"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
BASE = {"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer", "name": "测试甲", "sex": "F",
        "birth_date": "2000-03-04", "id_status": "none", "circumstances": NARRATIVE, "health_check": "体表无外伤"}


@pytest.fixture
def boss(vault_factory, login):
    vault, _code, password = vault_factory()
    return login(vault, password=password)


def core_row(s, case_id: int, sql: str):
    return s.owner.call(lambda: s.conn("core").execute(sql, (case_id,)).fetchall())


def audit_since(s, seq: int) -> list[dict]:
    return [e for e in s.audit.entries() if e["seq"] > seq]


def last_seq(s) -> int:
    return max(e["seq"] for e in s.audit.entries())


def test_the_form_values_of_a_saved_intake_save_back_unchanged(boss):
    case_id = boss.intake.create({**BASE, "aliases": "小甲；甲甲", "relatives": [{"relation": "母", "name": "测试母",
                                                                           "contact": "13800000000"}],
                                  "belongings": [{"item": "书包", "quantity": "1", "storage_no": "B-1"}],
                                  "handover_unit": "尤溪县公安局", "handover_checks": ["cctv"], "photo": PNG,
                                  "mental_state": "normal", "injuries": True, "injuries_note": "左臂擦伤"})
    values = boss.intake.editable(case_id)
    assert values["aliases"] == "小甲；甲甲" and values["photo"] == PNG and values["circumstances"] == NARRATIVE
    before = core_row(boss, case_id, "SELECT count(*) FROM events WHERE case_id = ?")
    assert boss.intake.update(case_id, values) == []          # nothing changed: nothing is written
    assert core_row(boss, case_id, "SELECT count(*) FROM events WHERE case_id = ?") == before


def test_an_edit_changes_every_part_and_says_which_fields_on_the_timeline(boss):
    case_id = boss.intake.create({**BASE, "aliases": "小甲"})
    seq = last_seq(boss)
    values = boss.intake.editable(case_id)
    values.update(name="测试乙", aliases="小乙；乙乙", circumstances=NEW_NARRATIVE, photo=PNG,
                  relatives=[{"relation": "父", "name": "测试父", "contact": ""}],
                  belongings=[{"item": "手机", "quantity": "1", "storage_no": ""}],
                  handover_unit="三明市公安局", handover_checks=["cctv", "visits"])
    labels = boss.intake.update(case_id, values)
    assert labels == ["姓名", "曾用名/自述名", "照片", "公安护送/交接", "随身物品", "近亲属", "起因、时间及经过"]

    case = boss.cases.get_case(case_id)
    assert case["name"] == "测试乙" and case["aliases"] == ["小乙", "乙乙"] and case["has_photo"]
    assert case["relatives"] == [{"relation": "父", "name": "测试父", "contact": ""}]
    assert [b["item"] for b in case["belongings"]] == ["手机"]
    assert case["handover"]["unit"] == "三明市公安局" and case["handover"]["checks"] == "cctv,visits"
    assert boss.intake.sensitive(case_id)["circumstances"] == NEW_NARRATIVE
    assert case["registrar"] == "zhanzhang"                   # who registered it stays

    [event] = [e for e in boss.cases.timeline(case_id) if e["kind"] == "edited"]
    assert event["summary"] == "修改接收登记：" + "、".join(labels) and event["actor"] == "zhanzhang"
    assert "测试乙" not in event["summary"] and NEW_NARRATIVE not in event["summary"]

    entries = audit_since(boss, seq)
    [update] = [e for e in entries if e["action"] == "update"]
    assert update["object_type"] == "case" and update["object_id"] == case_ref(boss, case_id)
    assert update["categories"] == "identity,trafficking"
    assert update["detail"].startswith("intake:name,aliases,photo,handover,belongings,relatives,circumstances")
    for e in entries:                                         # categories, never a value
        text = " ".join(str(v) for v in e.values())
        assert "测试乙" not in text and "CANARY" not in text and "小乙" not in text and "测试父" not in text
    assert boss.cases.count(CaseQuery(text="测试乙")) == 1 and boss.cases.count(CaseQuery(text="测试甲")) == 0
    assert boss.cases.count(CaseQuery(text="小乙")) == 1


def test_an_edit_is_validated_exactly_as_at_intake_and_a_refusal_changes_nothing(boss):
    case_id = boss.intake.create(BASE)
    values = boss.intake.editable(case_id)
    before = boss.cases.get_case(case_id)
    bad = {**values, "name": "", "id_status": "has", "id_number": "110105194912310021",
           "suspected_trafficking": True, "birth_date": "2030-01-01"}
    with pytest.raises(ValidationErrors) as info:
        boss.intake.update(case_id, bad)
    assert {"name", "id_number", "police_report_at", "birth_date"} <= set(info.value.by_field())
    assert "校验位" in info.value.by_field()["id_number"]
    after = boss.cases.get_case(case_id)
    kept = ("name", "updated_at", "birth_date", "id_number")
    assert {k: after[k] for k in kept} == {k: before[k] for k in kept}
    assert not [e for e in boss.cases.timeline(case_id) if e["kind"] == "edited"]


def test_a_closed_case_is_refused_in_the_service(boss):
    case_id = boss.intake.create(BASE)
    values = boss.intake.editable(case_id)
    boss.owner.call(lambda: boss.conn("core").execute("UPDATE cases SET status = 'closed' WHERE id = ?", (case_id,)))
    for call in (lambda: boss.intake.update(case_id, {**values, "name": "测试乙"}),
                 lambda: boss.intake.editable(case_id)):
        with pytest.raises(UserError, match="已结案"):
            call()
    assert boss.cases.get_case(case_id)["name"] == "测试甲"
    with pytest.raises(UserError, match="找不到"):
        boss.intake.update(99999, values)


def test_roles_without_case_edit_are_refused(boss, login, add_account):
    case_id = boss.intake.create(BASE)
    values = boss.intake.editable(case_id)
    for account, role in (("jiaoyu", Role.EDUCATION_OFFICER), ("shenji", Role.AUDITOR)):
        other = login(boss.vault, account, add_account(boss, account, role))
        with pytest.raises(PermissionDenied):
            other.intake.update(case_id, {**values, "name": "测试乙"})
        with pytest.raises(PermissionDenied):
            other.intake.editable(case_id)
    assert boss.cases.get_case(case_id)["name"] == "测试甲"


def test_opening_the_edit_form_is_an_audited_view_of_every_category(boss):
    case_id = boss.intake.create(BASE)
    seq = last_seq(boss)
    boss.intake.editable(case_id)
    [view] = [e for e in audit_since(boss, seq) if e["object_type"] == "case"]
    assert view["action"] == "view" and view["categories"] == "identity,medical,trafficking"
    assert view["object_id"] == case_ref(boss, case_id)


ADMITTED = date(2026, 1, 5)


@pytest.mark.parametrize("old_age, new_age, step, before, after", [
    (5, 6, "school", "not_applicable", "not_started"),
    (6, 5, "school", "not_started", "not_applicable"),
    (17, 18, "school", "not_started", "not_applicable"),
    (18, 17, "school", "not_applicable", "not_started"),
    (15, 16, "employment", "not_applicable", "not_started"),
    (16, 15, "employment", "not_started", "not_applicable"),
])
def test_a_changed_birth_date_offers_or_withdraws_the_steps_by_age(boss, old_age, new_age, step, before, after):
    case_id = boss.intake.create({**BASE, "birth_date": f"{ADMITTED.year - old_age - 1}-03-04"})
    assert boss.cases.get_case(case_id)["steps"][step]["status"] == before
    values = boss.intake.editable(case_id)
    assert boss.intake.update(case_id, {**values, "birth_date": f"{ADMITTED.year - new_age - 1}-03-04"}) \
        == ["出生日期/估计年龄"]
    case = boss.cases.get_case(case_id)
    assert case["steps"][step]["status"] == after
    assert case["steps"][step]["reason"] == ("" if after == "not_started" else {"school": "非学龄",
                                                                                 "employment": "未满16周岁"}[step])
    [event] = [e for e in boss.cases.timeline(case_id) if e["kind"] == "reevaluated"]
    assert event["step"] == step and ("不适用" in event["summary"]) == (after == "not_applicable")


def test_the_estimated_age_is_re_evaluated_too(boss):
    case_id = boss.intake.create({**{k: v for k, v in BASE.items() if k != "birth_date"}, "estimated_age": "30",
                                  "age_basis": "目测"})
    values = boss.intake.editable(case_id)
    assert values["estimated_age"] == "30" and values["birth_date"] == ""
    boss.intake.update(case_id, {**values, "estimated_age": "12"})
    steps = boss.cases.get_case(case_id)["steps"]
    assert steps["school"]["status"] == "not_started" and steps["employment"]["status"] == "not_applicable"


def test_a_step_the_records_moved_on_keeps_its_status(boss):
    child = boss.intake.create({**BASE, "birth_date": "2016-03-04"})
    boss.school.refer(child)
    values = boss.intake.editable(child)
    boss.intake.update(child, {**values, "birth_date": "1990-03-04"})   # an adult after all
    steps = boss.cases.get_case(child)["steps"]
    assert steps["school"]["status"] == "in_progress"                  # referred: the referral decides
    assert steps["employment"]["status"] == "not_started"              # offered: nothing recorded yet


def test_the_next_deadline_is_recomputed(boss):
    case_id = boss.intake.create(BASE)
    due_before = core_row(boss, case_id, "SELECT next_due FROM cases WHERE id = ?")[0][0]
    values = boss.intake.editable(case_id)
    boss.intake.update(case_id, {**values, "admitted_at": "2026-01-07 09:00"})
    due_after = core_row(boss, case_id, "SELECT next_due FROM cases WHERE id = ?")[0][0]
    assert due_after == next_due(boss.deadlines.for_case(case_id)) != due_before
    assert datetime.fromisoformat(due_after) - datetime.fromisoformat(due_before) == timedelta(days=2)


def test_a_new_police_report_goes_on_the_timeline(boss):
    case_id = boss.intake.create(BASE)
    values = boss.intake.editable(case_id)
    labels = boss.intake.update(case_id, {**values, "suspected_trafficking": True,
                                          "police_report_at": "2026-01-05 11:00", "police_report_unit": "尤溪县公安局"})
    assert labels == ["疑似被拐卖及报警"]
    assert "疑似被拐卖，已报警（尤溪县公安局）" in [e["summary"] for e in boss.cases.timeline(case_id)]


def test_the_photo_can_be_removed(boss):
    case_id = boss.intake.create({**BASE, "photo": PNG})
    values = boss.intake.editable(case_id)
    assert boss.intake.update(case_id, {**values, "photo": None}) == ["照片"]
    assert not boss.cases.get_case(case_id)["has_photo"] and boss.cases.photo(case_id) is None


def test_a_sensitive_only_edit_audits_its_own_categories(boss):
    case_id = boss.intake.create(BASE)
    seq = last_seq(boss)
    values = boss.intake.editable(case_id)
    assert boss.intake.update(case_id, {**values, "health_check": "发热 CANARY_HC"}) == ["身体状况"]
    [update] = [e for e in audit_since(boss, seq) if e["action"] == "update"]
    assert update["categories"] == "medical" and "CANARY" not in update["detail"]
    assert boss.intake.sensitive(case_id)["health_check"] == "发热 CANARY_HC"
    staged = boss.owner.call(lambda: boss.conn("sensitive").execute(
        "SELECT count(*) FROM intake_sensitive_pending").fetchone()[0])
    assert staged == 0                                        # applied, nothing left staged


def test_a_referred_child_s_school_copy_follows_a_changed_sex_and_birth_date(boss):
    child = boss.intake.create({**BASE, "birth_date": "2016-03-04", "sex": "F"})
    boss.school.refer(child, "小禾")
    values = boss.intake.editable(child)
    boss.intake.update(child, {**values, "birth_date": "2015-05-06", "sex": "M", "name": "测试乙"})
    [row] = boss.school.children()[0]
    assert (row["birth_date"], row["sex"], row["display_name"]) == ("2015-05-06", "M", "小禾")  # the pseudonym stays
