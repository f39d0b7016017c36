"""The bulk path for step histories (``steps.history``): the steps' own rules refuse what a user's save
would refuse, and the demo's stories never need a refusal."""

import random
from datetime import datetime

from victimcare.casework.demodata import _admission_times, _Maker
from victimcare.casework.steps import initial_statuses
from victimcare.casework.steps.history import Approval, Entry, play
from victimcare.casework.steps.intake.rules import age_years, validate_intake

NOW = datetime(2026, 11, 20, 9, 0)
CASE = {"id": 1, "case_no": "TS-2026-0001", "admitted_at": "2026-10-01 10:00", "sex": "F",
        "birth_date": "2012-05-01", "birth_estimated": 0, "id_status": "has", "name_unknown": 0,
        "flag_disabled": 0, "status": "open"}


def opened():
    return initial_statuses(14)


def test_the_records_decide_the_status_and_milestones():
    played = play(CASE, opened(), [
        Entry(datetime(2026, 10, 3, 9), "legal_aid", "application", {
            "applied_on": "2026-10-03", "office": "演示法律援助中心", "applied_by": "legal_rep",
            "representative": "演示县民政局", "relation": "civil_affairs", "legal_status": "victim",
            "stage": "investigation"}),
        Entry(datetime(2026, 10, 8, 9), "legal_aid", "decision", {"decided_on": "2026-10-08", "result": "granted"}),
    ], worker="shegong", decider="zhanzhang", now=NOW)
    assert played.refused == []
    assert played.statuses["legal_aid"] == ("in_progress", "待指派律师")
    assert played.milestones["legal_aid_decided_on"] == "2026-10-08"
    assert [e[3] for e in played.events][-1].startswith("法律援助")


def test_what_the_rules_refuse_is_not_written():
    played = play(CASE, opened(), [
        Entry(datetime(2026, 10, 3, 9), "legal_aid", "lawyer", {
            "assigned_on": "2026-10-03", "firm": "演示律师事务所", "lawyer": "演示律师"}),
        Entry(datetime(2026, 10, 4, 9), "followup", "visit", {
            "on": "2026-10-04", "mode": "home", "visitor": "演示社工", "guardianship": "good"}),
    ], worker="shegong", decider="zhanzhang", now=NOW)
    assert played.records == [] and len(played.refused) == 2
    assert played.statuses["legal_aid"][0] == "not_started"


def test_a_minors_handover_counts_once_approved():
    handover = Entry(datetime(2026, 10, 20, 8), "return", "handover", {
        "on": "2026-10-20", "mode": "relatives", "collector": "演示亲属", "collector_relation": "parent",
        "collector_id": "350426197001010019", "identity_checked": True})
    waiting = play(CASE, opened(), [handover, Approval(datetime(2026, 10, 20, 9), "handover_minor", "未成年人交接")],
                   worker="shegong", decider="zhanzhang", now=NOW)
    assert waiting.statuses["return"] == ("in_progress", "未成年人交接待站长审批")
    assert "returned_on" not in waiting.milestones
    approved = play(CASE, opened(), [handover, Approval(datetime(2026, 10, 20, 9), "handover_minor", "未成年人交接",
                                                        decided_at=datetime(2026, 10, 20, 11))],
                    worker="shegong", decider="zhanzhang", now=NOW)
    assert approved.statuses["return"][0] == "done" and approved.milestones["returned_on"] == "2026-10-20"
    assert approved.approvals[0]["state"] == "approved" and approved.approvals[0]["decided_by"] == "zhanzhang"


def test_demo_stories_pass_every_rule():
    rng = random.Random(11)
    maker = _Maker(rng, NOW)
    times = _admission_times(rng, 1500, NOW)
    refused = []
    for i, admitted in enumerate(times):
        raw, hidden = maker.raw(i, admitted)
        record = validate_intake(raw, now=NOW, registrar="demo")
        story = maker.story(record, hidden)
        day = datetime.fromisoformat(record.core["admitted_at"]).date()
        played = play({**record.core, "id": i + 1, "case_no": f"TS-{i}", "status": "open"},
                      initial_statuses(age_years(record.core["birth_date"], day)), story["history"],
                      worker="demo", decider="demo", now=NOW)
        refused += played.refused
    assert refused == []
