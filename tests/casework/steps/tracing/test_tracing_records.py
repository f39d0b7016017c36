"""寻亲 records through the service (issue 9, item 2): notices and refreshes, comparisons, leads, the DNA
sample reference and its lifecycle, the 16+ choice after a match, the outcome; the records deciding the
step's status and meeting its deadlines on a fixed clock; refusals in Chinese that change nothing."""

import re
import unicodedata
from datetime import date, datetime

import pytest

from bad_inputs import DATES, TEXT
from support import SUPERVISOR, case_ref
from victimcare.core.clock import FakeClock
from victimcare.core.errors import PermissionDenied, UserError, ValidationErrors
from victimcare.domain.deadlines import MET, OVERDUE, PENDING
from victimcare.security.permissions import Role

# Monday 2026-03-02 09:00: +24 h = 03-03 09:00; +7 working days = 03-11; a month's stay from 04-02.
PERSON = {"admitted_at": "2026-03-02 09:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
          "birth_date": "1995-06-07"}
NOTICE = {"channel": "xunqin_net", "published_at": "2026-03-02 15:30", "basis": "duty",
          "reference": "XQ-2026-0001"}
DNA = {"requested_on": "2026-03-05", "request_unit": "测试救助站", "legal_basis": "duty"}
COLLECTED = {**DNA, "collecting_unit": "测试派出所", "collected_on": "2026-03-20", "sample_ref": "DNA-SAMPLE-ZZ-0001"}
ENTERED = {**COLLECTED, "in_database": True}
MATCHED = {**ENTERED, "result_on": "2026-04-10", "result": "matched"}


def clock_at(*when) -> FakeClock:
    return FakeClock(datetime(*when).timestamp())


@pytest.fixture
def clock():
    return clock_at(2026, 4, 20, 10, 0)


@pytest.fixture
def s(vault_factory, login, clock):
    vault, _code, password = vault_factory(clock=clock)
    return login(vault, SUPERVISOR, password)


def new_case(s, raw=PERSON) -> int:
    return s.intake.create(raw, reviewed_duplicates=list(range(1, 100)))


def status(s, case_id) -> tuple[str, str]:
    return s.tracing.records(case_id)["status"]


def deadline(s, case_id, rule):
    return next((d for d in s.deadlines.for_case(case_id) if d.rule == rule), None)


def audit_rows(s, case_id):
    return s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT action, categories, detail FROM audit_log WHERE object_type = 'step_record' AND object_id = ? "
        "AND action != 'view'", (case_ref(s, case_id),)).fetchall())


def milestones(s, case_id) -> dict:
    return dict(s.session.owner.call(lambda: s.session.conn("core").execute(
        "SELECT key, value FROM milestones WHERE case_id = ?", (case_id,)).fetchall()))


def state(s, case_id):
    """Everything a refused save must leave as it was."""
    return (s.tracing.records(case_id), audit_rows(s, case_id), milestones(s, case_id),
            [e["summary"] for e in s.cases.timeline(case_id)])


def refused(s, case_id, kind, raw, field, record_id=None, match=None):
    before = state(s, case_id)
    with pytest.raises(ValidationErrors) as err:
        s.tracing.save(case_id, kind, raw, record_id)
    message = err.value.by_field().get(field)
    assert message is not None, err.value.by_field()
    assert re.search(r"[\u4e00-\u9fff]{4}", message), message
    if match:
        assert re.search(match, message), message
    assert state(s, case_id) == before, "a refusal changes nothing"
    return message


# -- the deadlines met by the records ----------------------------------------------------------------------

def test_the_records_meet_the_deadlines_on_a_fixed_clock(s):
    case_id = new_case(s)
    assert status(s, case_id) == ("not_started", "")
    assert deadline(s, case_id, "tracing.notice").status == OVERDUE  # 04-20: nothing published yet
    s.tracing.save(case_id, "notice", NOTICE)
    notice = deadline(s, case_id, "tracing.notice")
    assert (notice.status, notice.done_on) == (MET, datetime(2026, 3, 2, 15, 30))
    assert status(s, case_id) == ("in_progress", "")

    s.tracing.save(case_id, "dna", DNA)
    request = deadline(s, case_id, "tracing.dna_request")
    assert (request.status, request.done_on, request.due) == (MET, date(2026, 3, 5), date(2026, 3, 11))
    collection = deadline(s, case_id, "tracing.dna_collection")
    assert (collection.status, collection.due) == (OVERDUE, date(2026, 4, 5)), "a month after the request"

    dna_id = s.tracing.records(case_id)["records"]["dna"][0]["id"]
    s.tracing.save(case_id, "dna", COLLECTED, record_id=dna_id)
    collection = deadline(s, case_id, "tracing.dna_collection")
    assert (collection.status, collection.done_on) == (MET, date(2026, 3, 20))
    assert milestones(s, case_id) == {"notice_published_at": "2026-03-02T15:30", "dna_requested_on": "2026-03-05",
                                      "dna_collected_on": "2026-03-20"}


def test_a_refresh_moves_the_monthly_notice_duty(s):
    case_id = new_case(s)
    s.tracing.save(case_id, "notice", NOTICE)
    refresh = deadline(s, case_id, "tracing.notice_refresh")
    assert (refresh.status, refresh.due) == (OVERDUE, date(2026, 4, 2)), "a month's stay, then every 30 days"
    s.tracing.save(case_id, "notice_refresh", {"refreshed_on": "2026-04-15", "channel": "xunqin_net",
                                               "content": "更新近期照片"})
    refresh = deadline(s, case_id, "tracing.notice_refresh")
    assert (refresh.status, refresh.due) == (PENDING, date(2026, 5, 15))
    assert milestones(s, case_id)["notice_last_refreshed_on"] == "2026-04-15"
    assert "更新寻亲公告：全国救助寻亲网（2026-04-15）" in [e["summary"] for e in s.cases.timeline(case_id)]


def test_identity_found_stops_the_search_deadlines_but_keeps_the_history(s):
    case_id = new_case(s)
    s.tracing.save(case_id, "notice", NOTICE)
    s.tracing.save(case_id, "dna", DNA)
    assert deadline(s, case_id, "tracing.notice_refresh") is not None
    assert deadline(s, case_id, "tracing.dna_collection").status == OVERDUE
    s.tracing.save(case_id, "outcome", {"on": "2026-04-18", "outcome": "identified",
                                        "basis": "户籍查询比中，家属到站确认", "handler": "测试社工"})
    assert status(s, case_id) == ("done", "已查明")
    assert milestones(s, case_id)["identity_known"] == "1"
    assert deadline(s, case_id, "tracing.notice_refresh") is None, "no refresh once the identity is known"
    assert deadline(s, case_id, "tracing.dna_collection") is None, "what was not yet done is dropped"
    assert deadline(s, case_id, "hukou.eligible") is None
    assert deadline(s, case_id, "tracing.notice").status == MET, "done work stays in the history"
    assert "寻亲结果：已查明（2026-04-18）" in [e["summary"] for e in s.cases.timeline(case_id)]

    rid = s.tracing.records(case_id)["records"]["outcome"][0]["id"]
    s.tracing.save(case_id, "outcome", {"on": "2026-04-18", "outcome": "not_identified", "basis": "核实后排除"},
                   record_id=rid)
    assert "identity_known" not in milestones(s, case_id), "the records decide: corrected, the search is back"
    assert deadline(s, case_id, "tracing.notice_refresh") is not None


def test_a_reason_for_no_sample_ends_the_dna_deadlines_until_a_request(s):
    case_id = new_case(s)
    s.tracing.save(case_id, "dna_waiver", {"on": "2026-03-04", "reason": "declined", "note": "本人明确拒绝"})
    assert milestones(s, case_id) == {"dna_not_applicable": "1"}
    assert deadline(s, case_id, "tracing.dna_request") is None
    s.tracing.save(case_id, "dna", DNA)  # she agreed later: the request supersedes the reason
    assert "dna_not_applicable" not in milestones(s, case_id)
    assert deadline(s, case_id, "tracing.dna_request").status == MET


def test_transfer_to_hukou_waits_for_three_months_and_keeps_the_search_going(vault_factory, login):
    clock = clock_at(2026, 6, 10, 10, 0)
    vault, _code, password = vault_factory(clock=clock)
    s = login(vault, SUPERVISOR, password)
    case_id = new_case(s)
    s.tracing.save(case_id, "notice", NOTICE)
    early = {"on": "2026-05-20", "outcome": "to_hukou", "basis": "多方查找未果"}
    refused(s, case_id, "outcome", early, "outcome", match="满3个月（2026-06-02起）")
    s.tracing.save(case_id, "outcome", {**early, "on": "2026-06-05"})
    assert status(s, case_id) == ("in_progress", "已转落户，落户后继续查找")
    assert deadline(s, case_id, "tracing.notice_refresh") is not None, "the search goes on after 落户"


# -- the DNA sample reference lifecycle ----------------------------------------------------------------------

@pytest.mark.parametrize("change, field, words", [
    ({"requested_on": "2026-03-01"}, "requested_on", "不能早于入站日期"),
    ({"collected_on": "2026-03-04", "collecting_unit": "测试派出所"}, "collected_on", "先报请，后采血"),
    ({"collected_on": "2026-03-06"}, "collecting_unit", "请填写采血单位"),
    ({"sample_ref": "DNA-SAMPLE-ZZ-0002"}, "sample_ref", "尚未登记采血日期"),
    ({"in_database": True}, "collected_on", "入库前须先登记采血日期"),
    ({"result": "no_match", "result_on": "2026-04-01"}, "result", "尚未录入全国打拐DNA信息库"),
    ({"result_on": "2026-04-01"}, "result_on", "尚未录入"),
    ({"review": "复核后确认"}, "review", "尚无比对结果"),
    ({"legal_basis": "magic"}, "legal_basis", "请从列表中选择"),
    ({"request_unit": ""}, "request_unit", "请填写"),
])
def test_each_step_of_the_dna_lifecycle_waits_for_the_one_before(s, change, field, words):
    case_id = new_case(s)
    dna_id = s.tracing.save(case_id, "dna", DNA)
    refused(s, case_id, "dna", {**DNA, **change}, field, record_id=dna_id, match=words)


@pytest.mark.parametrize("change, field, words", [
    ({"in_database": True, "sample_ref": ""}, "sample_ref", "样本编号"),
    ({"in_database": True, "result": "matched"}, "result_on", "同时填写"),
    ({"in_database": True, "result_on": "2026-03-19", "result": "no_match"}, "result_on", "不能早于采血日期"),
])
def test_after_collection_entry_and_result_keep_their_order(s, change, field, words):
    case_id = new_case(s)
    dna_id = s.tracing.save(case_id, "dna", COLLECTED)
    refused(s, case_id, "dna", {**COLLECTED, **change}, field, record_id=dna_id, match=words)


def test_the_lifecycle_walked_in_order_is_accepted_and_named_in_the_audit_not_shown(s):
    case_id = new_case(s)
    dna_id = s.tracing.save(case_id, "dna", DNA)
    for raw in (COLLECTED, ENTERED, {**ENTERED, "result_on": "2026-04-10", "result": "review"},
                {**ENTERED, "result_on": "2026-04-12", "result": "no_match", "review": "复核未比中"}):
        assert s.tracing.save(case_id, "dna", raw, record_id=dna_id) == dna_id
    dna = s.tracing.records(case_id)["records"]["dna"][0]
    assert (dna["in_database"], dna["result"], dna["sample_ref"]) == (True, "no_match", "DNA-SAMPLE-ZZ-0001")
    rows = audit_rows(s, case_id)
    assert [a for a, _c, _d in rows] == ["create"] + ["update"] * 4
    assert {c for _a, c, _d in rows} == {"dna_reference"}
    assert rows[1][2] == "tracing.dna:collecting_unit,collected_on,sample_ref"
    timeline = [e["summary"] for e in s.cases.timeline(case_id)]
    assert "新增DNA采血登记" in timeline and "修改DNA采血登记（比对结果反馈日期、比对结果）" in timeline
    assert not any("DNA-SAMPLE" in t or "未比中" in t for t in timeline), "no sample number or result in the timeline"
    with pytest.raises(UserError, match="只有一份"):
        s.tracing.save(case_id, "dna", DNA)


def test_viewing_a_dna_reference_is_audited(s):
    case_id = new_case(s)
    s.tracing.records(case_id)
    s.tracing.save(case_id, "dna", DNA)
    s.tracing.records(case_id)
    views = s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT categories, detail FROM audit_log WHERE action = 'view' AND object_type = 'step_record' "
        "AND object_id = ?", (case_ref(s, case_id),)).fetchall())
    assert views == [("dna_reference", "tracing.dna")], "no view entry before there is a DNA record"


def test_a_child_cannot_consent_alone_nor_be_left_unsampled(s):
    child = new_case(s, {**PERSON, "name": "测试乙", "birth_date": "2014-01-01"})
    refused(s, child, "dna", {**DNA, "legal_basis": "consent"}, "legal_basis", match="未满14周岁")
    s.tracing.save(child, "dna", {**DNA, "legal_basis": "guardian", "basis_note": "民政部门（临时监护人）"})
    other = new_case(s, {**PERSON, "name": "测试丙", "birth_date": "2012-01-01"})
    refused(s, other, "dna_waiver", {"on": "2026-03-04", "reason": "declined"}, "reason", match="未成年人须采血")
    s.tracing.save(other, "dna_waiver", {"on": "2026-03-04", "reason": "in_database", "note": "2025年已采血入库"})
    assert milestones(s, other) == {"dna_not_applicable": "1"}
    refused(s, child, "dna_waiver", {"on": "2026-03-04", "reason": "identified"}, "reason", match="已报请DNA采血")


# -- the 16+ choice after a match ----------------------------------------------------------------------------

def _matched_case(s, birth_date: str) -> int:
    case_id = new_case(s, {**PERSON, "name": "测试丁", "birth_date": birth_date})
    dna_id = s.tracing.save(case_id, "dna", DNA)
    s.tracing.save(case_id, "dna", MATCHED, record_id=dna_id)
    return case_id


CHOICE = {"on": "2026-04-12", "choice": "return", "note": "本人表示愿意回家"}


def test_the_choice_after_a_match_is_for_sixteen_and_over(s):
    fifteen = _matched_case(s, "2010-04-11")  # 15 on the match day 2026-04-10, 16 the day after
    refused(s, fifteen, "match_choice", CHOICE, "choice", match="比中时未满16周岁（15周岁）")
    assert status(s, fifteen) == ("in_progress", ""), "under 16 nothing is waiting for the person's choice"

    sixteen = _matched_case(s, "2010-04-10")  # 16 on the match day
    assert status(s, sixteen) == ("in_progress", "比中后待记录本人（16周岁以上）的选择")
    s.tracing.save(sixteen, "outcome", {"on": "2026-04-15", "outcome": "identified", "basis": "DNA比中"})
    assert status(s, sixteen)[0] == "in_progress", "the outcome waits for the person's choice"
    refused(s, sixteen, "match_choice", {**CHOICE, "on": "2026-04-09"}, "choice", match="不能早于比中日期")
    s.tracing.save(sixteen, "match_choice", CHOICE)
    assert status(s, sixteen) == ("done", "已查明")


def test_no_choice_without_a_match_and_no_match_undone_under_a_choice(s):
    estimated = new_case(s, {**PERSON, "name": "测试戊", "birth_date": "", "estimated_age": "30",
                             "age_basis": "目测"})
    refused(s, estimated, "match_choice", CHOICE, "choice", match="尚无比中结果")
    s.tracing.save(estimated, "comparison", {"on": "2026-04-10", "method": "face", "result": "matched",
                                             "handler": "测试社工"})
    assert status(s, estimated)[1] == "比中后待记录本人（16周岁以上）的选择", "an estimated age counts"
    s.tracing.save(estimated, "match_choice", CHOICE)

    case_id = _matched_case(s, "2000-01-01")
    s.tracing.save(case_id, "match_choice", CHOICE)
    dna_id = s.tracing.records(case_id)["records"]["dna"][0]["id"]
    refused(s, case_id, "dna", {**MATCHED, "result": "no_match"}, "result", record_id=dna_id,
            match="已记录比中后本人选择")


# -- notices, comparisons, leads -----------------------------------------------------------------------------

def test_notices_refreshes_comparisons_and_leads(s):
    case_id = new_case(s)
    refused(s, case_id, "notice", {**NOTICE, "published_at": "2026-03-02 08:59"}, "published_at",
            match="不能早于入站时间")
    refused(s, case_id, "notice_refresh", {"refreshed_on": "2026-04-02", "channel": "xunqin_net"}, "channel",
            match="尚未发布寻亲公告")
    notice_id = s.tracing.save(case_id, "notice", NOTICE)
    refused(s, case_id, "notice_refresh", {"refreshed_on": "2026-04-02", "channel": "tv"}, "channel")
    s.tracing.save(case_id, "notice_refresh", {"refreshed_on": "2026-04-02", "channel": "xunqin_net"})
    refused(s, case_id, "notice", {**NOTICE, "channel": "radio"}, "channel", record_id=notice_id,
            match="已有公告更新记录")
    refused(s, case_id, "notice", {**NOTICE, "published_at": "2026-04-05 10:00"}, "published_at",
            record_id=notice_id, match="不能早于该渠道公告的发布日期")
    s.tracing.save(case_id, "comparison", {"on": "2026-03-03", "method": "fingerprint", "result": "no_match",
                                           "detail": "全国系统指纹比对", "handler": "测试社工"})
    refused(s, case_id, "comparison", {"on": "2026-03-03", "method": "iris", "result": "no_match",
                                       "handler": "测试社工"}, "method")
    s.tracing.save(case_id, "lead", {"on": "2026-03-10", "source": "self", "content": "自述家乡有一座石桥",
                                     "state": "open"})
    records = s.tracing.records(case_id)["records"]
    assert [len(records[k]) for k in ("notice", "notice_refresh", "comparison", "lead")] == [1, 1, 1, 1]
    timeline = [e["summary"] for e in s.cases.timeline(case_id)]
    assert "比对：指纹，未比中（2026-03-03）" in timeline and "新增线索记录" in timeline
    assert not any("石桥" in t for t in timeline), "a lead's text stays in the records"


def test_a_closed_case_and_a_missing_case_are_refused(s):
    case_id = new_case(s)
    s.session.owner.call(lambda: s.session.conn("core").execute(
        "UPDATE cases SET status = 'closed' WHERE id = ?", (case_id,)))
    with pytest.raises(UserError, match="已结案"):
        s.tracing.save(case_id, "notice", NOTICE)
    with pytest.raises(UserError, match="找不到"):
        s.tracing.save(99999, "notice", NOTICE)
    with pytest.raises(UserError, match="不认识的记录类型"):
        s.tracing.save(case_id, "dna_profile", {})


@pytest.mark.parametrize("role", [Role.EDUCATION_OFFICER, Role.AUDITOR])
def test_roles_without_case_work_are_refused_and_audited(s, add_account, login, role):
    case_id = new_case(s)
    s.tracing.save(case_id, "dna", DNA)
    other = login(s.session.vault, "other", add_account(s.session, "other", role))
    with pytest.raises(PermissionDenied):
        other.tracing.save(case_id, "notice", NOTICE)
    with pytest.raises(PermissionDenied):
        other.tracing.records(case_id)
    denied = s.session.owner.call(lambda: s.session.conn("audit").execute(
        "SELECT count(*) FROM audit_log WHERE actor = ? AND result = 'denied'", (other.session.staff_id,)).fetchone()[0])
    assert denied == 2
    assert s.tracing.records(case_id)["records"]["notice"] == []


def test_the_bad_input_corpus_is_refused_in_chinese_or_kept_as_typed(s):
    case_id = new_case(s)
    lead = {"on": "2026-03-10", "source": "public", "content": "", "state": "open"}
    kept = 0
    for kind, raw, field in (("lead", lead, "content"), ("dna", DNA, "request_unit")):
        for label, value in TEXT.items():
            existing = s.tracing.records(case_id)["records"][kind]
            try:
                s.tracing.save(case_id, kind, {**raw, field: value}, existing[0]["id"] if kind == "dna" and existing
                               else None)
            except ValidationErrors as exc:
                message = exc.by_field().get(field, "")
                assert re.search(r"[\u4e00-\u9fff]{2}", message), (label, exc.by_field())
                assert s.tracing.records(case_id)["records"][kind] == existing, label
                continue
            kept += 1
            newest = max(s.tracing.records(case_id)["records"][kind], key=lambda r: r["id"])
            assert newest[field] == unicodedata.normalize("NFC", value).strip(), label
    assert kept
    before = state(s, case_id)
    for value in DATES:
        for kind, raw, field in (("notice", NOTICE, "published_at"), ("comparison", {
                "on": "", "method": "hukou", "result": "no_match", "handler": "测试社工"}, "on")):
            with pytest.raises(ValidationErrors) as err:
                s.tracing.save(case_id, kind, {**raw, field: value})
            assert field in err.value.by_field(), (value, err.value.by_field())
    assert state(s, case_id) == before
