"""寻亲 rules without a vault (steps/tracing/rules.py): what the records decide (status, milestones in the
formats the deadline engine parses), the checks that need no service, and what counts as a profile."""

from datetime import date, datetime

import pytest

from victimcare.casework.deadlines import MILESTONE_KEYS, parse_milestone
from victimcare.casework.steps.tracing import rules
from victimcare.core.errors import ValidationErrors

CASE = {"admitted_at": "2026-03-02T09:00", "birth_date": "2000-01-01"}


def records(**kinds) -> dict:
    out = {k.code: [] for k in rules.KINDS}
    for code, rows in kinds.items():
        out[code] = [{"id": i + 1, **row} for i, row in enumerate(rows)]
    return out


NOTICES = [{"channel": "tv", "published_at": "2026-03-04T08:00"}, {"channel": "xunqin_net",
                                                                    "published_at": "2026-03-02T15:30"}]
DNA = {"requested_on": "2026-03-05", "collected_on": "", "result": "", "result_on": ""}


def test_no_records_not_started_and_every_milestone_cleared():
    derived = rules.derive(records(), CASE)
    assert (derived.status, derived.reason) == ("not_started", "")
    assert set(derived.milestones) == set(rules.MILESTONES) and not any(derived.milestones.values())


def test_milestones_are_the_earliest_notice_the_latest_refresh_and_the_dna_days():
    derived = rules.derive(records(notice=NOTICES, notice_refresh=[{"refreshed_on": "2026-04-20"},
                                                                   {"refreshed_on": "2026-04-02"}],
                                   dna=[{**DNA, "collected_on": "2026-03-20"}]), CASE)
    assert derived.milestones == {"notice_published_at": "2026-03-02T15:30", "notice_last_refreshed_on": "2026-04-20",
                                  "dna_requested_on": "2026-03-05", "dna_collected_on": "2026-03-20",
                                  "dna_not_applicable": "", "identity_known": ""}
    assert (derived.status, derived.reason) == ("in_progress", "")
    parsed = {k: parse_milestone(k, v) for k, v in derived.milestones.items() if v}
    assert parsed == {"notice_published_at": datetime(2026, 3, 2, 15, 30),
                      "notice_last_refreshed_on": date(2026, 4, 20), "dna_requested_on": date(2026, 3, 5),
                      "dna_collected_on": date(2026, 3, 20)}
    assert set(rules.MILESTONES) <= MILESTONE_KEYS, "every milestone the step owns is one the engine reads"


@pytest.mark.parametrize("outcome, status, reason, known", [
    ("identified", "done", "已查明", "1"),
    ("not_identified", "done", "未查明", ""),
    ("to_hukou", "in_progress", "已转落户，落户后继续查找", ""),
])
def test_the_outcome_decides(outcome, status, reason, known):
    derived = rules.derive(records(outcome=[{"on": "2026-05-01", "outcome": outcome}]), CASE)
    assert (derived.status, derived.reason, derived.milestones["identity_known"]) == (status, reason, known)


def test_a_reason_for_no_sample_counts_only_without_a_request():
    waiver = [{"on": "2026-03-03", "reason": "declined"}]
    assert rules.derive(records(dna_waiver=waiver), CASE).milestones["dna_not_applicable"] == "1"
    assert rules.derive(records(dna_waiver=waiver, dna=[DNA]), CASE).milestones["dna_not_applicable"] == ""


def test_an_unknown_birth_date_refuses_the_choice_and_an_adult_only_waiver():
    unknown = {**CASE, "birth_date": None}
    after = records(comparison=[{"on": "2026-04-10", "result": "matched"}],
                    match_choice=[{"on": "2026-04-12", "choice": "return"}])
    with pytest.raises(ValidationErrors, match="出生日期不详"):
        rules.check_records("match_choice", after, unknown)
    assert not rules.choice_pending(after, unknown)
    with pytest.raises(ValidationErrors, match="无法确认已成年"):
        rules.check("dna_waiver", {"on": "2026-03-03", "reason": "declined", "note": ""}, records(), unknown)
    rules.check("dna_waiver", {"on": "2026-03-03", "reason": "identified", "note": ""}, records(), unknown)


def test_the_first_match_is_the_earliest_of_dna_and_comparisons():
    found = records(comparison=[{"on": "2026-04-20", "result": "matched"}, {"on": "2026-04-01", "result": "no_match"}],
                    dna=[{**DNA, "result": "matched", "result_on": "2026-04-12"}])
    assert rules.first_match(found) == "2026-04-12"
    assert rules.first_match(records(dna=[{**DNA, "result": "review", "result_on": "2026-04-12"}])) == ""


@pytest.mark.parametrize("text", [
    "D3S1358 15,16 vWA 17,18 FGA 22,24",
    "d8s1179：13/14",
    "TH01 9.3/10",
    "Penta E 12,13",
    "DYS391 10",
    "15,16 17,18 22,24 12,13",          # allele pairs without the loci names
    "１５，１６ １７，１８ ２２，２４ １２，１３",  # the same typed full-width
    "AAAA" * 20,                        # an encoded template
])
def test_text_shaped_like_a_profile_or_a_template_is_refused(text):
    assert rules.profile_problem(text)


@pytest.mark.parametrize("text", [
    "DNA-SAMPLE-ZZ-0001", "3504262026030500012", "2026年3月20日采血，样本已送县公安局", "复核后确认未比中",
    "https://www.example.cn/xunqin/notice/2026/03/0000000000000000000000000000000000000000000000000001",
    "身高160，体重50", "2026/3/1 2026/3/2 2026/4/1",
])
def test_references_dates_and_plain_words_are_kept(text):
    assert rules.profile_problem(text) == ""


def test_every_free_text_field_of_the_dna_record_refuses_a_profile():
    base = {"requested_on": "2026-03-05", "request_unit": "测试救助站", "legal_basis": "duty", "basis_note": "",
            "collecting_unit": "", "collected_on": "", "sample_ref": "", "in_database": False, "result_on": "",
            "result": "", "review": "", "handler": ""}
    texts = [f.name for f in rules.KINDS_BY_CODE["dna"].fields if f.kind in ("text", "note")]
    assert texts == ["request_unit", "basis_note", "collecting_unit", "sample_ref", "review"]
    for name in texts:
        with pytest.raises(ValidationErrors) as err:
            rules.check("dna", {**base, name: "D3S1358 15,16"}, records(), CASE)
        assert "DNA分型" in err.value.by_field()[name]
