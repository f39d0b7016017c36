"""寻亲 family tracing: the deadlines of the search while the person's identity is unknown (PRODUCT.md §2),
and the records that meet them (F3 寻亲登记表/公告, F4 DNA采血/比对登记表; domain §1 row 3).

Notice ≤ 24 h after intake; DNA request ≤ 7 working days; collection ≤ 1 month after the request; the
notice refreshed every 30 days after a month's stay. Work already done stays in the history after the
identity is found or the person has left; what is not yet done is then dropped.

The records (below the deadlines) say when each duty was met: ``derive`` turns them into exactly the
milestones the deadlines read. Only references and outcomes are kept — never a DNA profile (STR loci,
alleles), a face template or other biometric data; ``check`` refuses text shaped like one.
"""

import re
import unicodedata
from datetime import date, datetime, timedelta

from victimcare.core.errors import ValidationError, ValidationErrors
from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import Builder, add_months, local_time
from victimcare.domain.fields import (CHOICE, DATE, DATETIME, FLAG, NAME, NOTE, TEXT, Derived, Field, RecordKind,
                                      later_than)


def deadlines(b: Builder) -> None:
    f, r, cal, admitted, searching = b.facts, b.rules, b.calendar, b.admitted, b.facts.searching
    if f.notice_published_at is not None or searching:
        b.add("tracing.notice", f"寻亲公告应在入站后{r.notice_hours}小时内发布",
              admitted + timedelta(hours=r.notice_hours), f.notice_published_at, done_verb="发布",
              en=f"Search notice within {r.notice_hours} hours of admission")
    if not f.dna_not_applicable:
        if f.dna_requested_on is not None or searching:
            n = r.dna_request_workdays
            b.add("tracing.dna_request", f"DNA采血申请应在入站后{n}个工作日内提出",
                  cal.add_workdays(admitted.date(), n), f.dna_requested_on, workdays=True, start=admitted.date(),
                  done_verb="提出", en=f"DNA sampling requested within {n} working days of admission")
        if f.dna_requested_on is not None and (f.dna_collected_on is not None or searching):
            n = r.dna_collection_months
            b.add("tracing.dna_collection", f"DNA采血应在申请后{n}个月内完成",
                  add_months(f.dna_requested_on, n), f.dna_collected_on,
                  en=f"DNA sample collected within {n} month(s) of the request")
    if searching and f.notice_published_at is not None:
        # A recurring duty: the item is always the next refresh, so it is never "done".
        last = f.notice_last_refreshed_on or local_time(f.notice_published_at).date()
        start = add_months(admitted.date(), r.notice_refresh_after_months)
        due = max(start, last + timedelta(days=r.notice_refresh_days))
        after = f"在站满{r.notice_refresh_after_months}个月后，" if r.notice_refresh_after_months else ""
        after_en = f"After {r.notice_refresh_after_months} month(s) in care, " if r.notice_refresh_after_months else ""
        b.add("tracing.notice_refresh", f"{after}寻亲公告应每{r.notice_refresh_days}天更新一次", due, None,
              en=f"{after_en}search notice refreshed every {r.notice_refresh_days} days")


# -- the records (F3 寻亲登记表 + 寻亲公告, F4 DNA采血/比对登记表) --------------------------------------------------

CHANNELS = (  # 发布渠道 (domain §2 F3, R [S4])
    ("xunqin_net", "全国救助寻亲网", "National family-search website"),
    ("mca_system", "全国救助管理信息系统", "National relief management system"),
    ("newspaper", "报纸", "Newspaper"), ("tv", "电视", "Television"), ("radio", "广播", "Radio"),
    ("new_media", "新媒体", "New media"),
)
PUBLISH_BASES = (  # a notice publishes a photo and appearance: record on what basis (PIPL Art.25; domain §3)
    ("duty", "依法定职责发布（民政部 公安部身份查询意见）", "Legal duty (MCA and MPS identity-search opinion)"),
    ("consent", "本人单独同意", "Separate consent of the person"),
    ("guardian", "监护人同意", "Consent of the guardian"),
)
METHODS = (("fingerprint", "指纹", "Fingerprint"), ("face", "人像", "Face"), ("dna", "DNA", "DNA"),
           ("hukou", "户籍查询", "Household-register query"))
RESULTS = (("matched", "比中", "Match"), ("no_match", "未比中", "No match"), ("review", "待复核", "To be reviewed"))
LEAD_SOURCES = (  # the helpers DB37/T 4544 names, and the person's own account
    ("self", "本人回忆/自述", "The person's own account"),
    ("police", "公安机关（户籍网）", "Police (household register)"),
    ("origin", "原籍地民政部门/救助站", "Civil affairs or station at the place of origin"),
    ("township", "乡镇人民政府", "Township government"),
    ("groups", "残联/妇联/共青团", "Disabled persons' or women's federation, youth league"),
    ("village", "村（居）委会", "Village or residents' committee"),
    ("hospital", "医疗机构", "Hospital"),
    ("institution", "照料安置机构", "Care or placement institution"),
    ("media", "媒体", "Media"),
    ("volunteers", "社会组织和志愿者", "Social organisations and volunteers"),
    ("public", "群众提供", "Member of the public"),
)
LEAD_STATES = (("open", "待核实", "To be checked"), ("confirmed", "已核实", "Confirmed"),
               ("excluded", "已排除", "Ruled out"))
DNA_BASES = (  # 知情同意/法定依据 (domain §3: 法定职责 / 单独同意; a guardian for under-14s)
    ("duty", "法定职责（公安部打拐DNA采血规定）", "Legal duty (MPS anti-trafficking DNA sampling rule)"),
    ("consent", "本人单独同意", "Separate consent of the person"),
    ("guardian", "监护人同意", "Consent of the guardian"),
)
WAIVER_REASONS = (
    ("identified", "身份已查明", "Identity already established"),
    ("in_database", "此前已采血入库", "Sampled and entered before"),
    ("declined", "成年人本人拒绝", "An adult declined"),
    ("other", "其他", "Other"),
)
MATCH_CHOICES = (
    ("return", "愿意回归亲生父母", "Wishes to return to the birth parents"),
    ("not_return", "不愿回归亲生父母", "Does not wish to return to the birth parents"),
    ("undecided", "暂未决定", "Not decided yet"),
)
OUTCOMES = (("identified", "已查明", "Identified"), ("not_identified", "未查明", "Not identified"),
            ("to_hukou", "转落户", "Passed to household registration"))
CHOICE_AGE = 16    # after a match the police let a person of 16 or over choose (R [S24])
CONSENT_AGE = 14   # under 14 a guardian consents, never the child alone (PIPL Art.31)
ADULT_AGE = 18     # trafficked and unidentified children must give a sample (2009 MPS rule, R [S24])
MINOR_WAIVERS = frozenset({"identified", "in_database"})

KINDS = (
    RecordKind("notice", "寻亲公告", "Search notice", (
        Field("channel", "发布渠道", "Channel", CHOICE, required=True, choices=CHANNELS),
        Field("published_at", "发布时间", "Published at", DATETIME, required=True),
        Field("reference", "公告编号/网址", "Notice number or address", max_len=100),
        Field("basis", "发布依据", "Basis for publishing", CHOICE, required=True, choices=PUBLISH_BASES),
        Field("note", "备注", "Note", NOTE, max_len=500, listed=False),
    ), order_by="published_at"),
    # A refresh is its own record, not an edit of the notice: the monthly duty leaves one dated line per
    # refresh, and the notice keeps the date it was first published (the 24-hour rule reads that one).
    RecordKind("notice_refresh", "公告更新", "Notice refresh", (
        Field("refreshed_on", "更新日期", "Refreshed on", DATE, required=True),
        Field("channel", "发布渠道", "Channel", CHOICE, required=True, choices=CHANNELS),
        Field("content", "更新内容", "What was updated", max_len=200),
    ), order_by="refreshed_on"),
    RecordKind("comparison", "比对记录", "Comparison", (
        Field("on", "比对日期", "Date", DATE, required=True),
        Field("method", "比对方式", "Method", CHOICE, required=True, choices=METHODS),
        Field("result", "比对结果", "Result", CHOICE, required=True, choices=RESULTS),
        Field("detail", "结果说明", "Details", max_len=200),
        Field("handler", "经办人", "Handled by", NAME, required=True),
    ), order_by="on"),
    RecordKind("lead", "线索记录", "Lead", (
        Field("on", "日期", "Date", DATE, required=True),
        Field("source", "线索来源", "Source", CHOICE, required=True, choices=LEAD_SOURCES),
        Field("content", "线索内容", "The lead", NOTE, required=True, max_len=500),
        Field("state", "核实情况", "Checked", CHOICE, required=True, choices=LEAD_STATES),
        Field("check_note", "核实说明", "How it was checked", NOTE, max_len=500, listed=False),
    ), order_by="on"),
    # One per case, filled in as the sample moves on: requested → collected → in the database → result.
    # A reference and an outcome only: no field can hold a profile, and ``check`` refuses text shaped like one.
    RecordKind("dna", "DNA采血登记", "DNA sample reference", (
        Field("requested_on", "报请日期", "Requested on", DATE, required=True),
        Field("request_unit", "报请单位", "Requested by (unit)", required=True, max_len=60, listed=False),
        Field("legal_basis", "知情同意/法定依据", "Consent or legal basis", CHOICE, required=True, choices=DNA_BASES,
              listed=False),
        Field("basis_note", "依据条文或同意人及身份", "Statute cited, or who consented and as whom", max_len=100,
              listed=False),
        Field("collecting_unit", "采血单位（派出所/鉴定中心）", "Collected by (police station or forensic centre)",
              max_len=60, listed=False),
        Field("collected_on", "采血日期", "Collected on", DATE),
        Field("sample_ref", "样本编号", "Sample reference", max_len=40),
        Field("in_database", "已录入全国打拐DNA信息库", "Entered in the national anti-trafficking DNA database", FLAG),
        Field("result_on", "比对结果反馈日期", "Result received on", DATE),
        Field("result", "比对结果", "Result", CHOICE, choices=RESULTS),
        Field("review", "复核结论", "Review conclusion", max_len=200, listed=False),
        Field("handler", "经办人", "Handled by", NAME, listed=False),
    ), single=True, categories="dna_reference", compartment="sensitive"),
    RecordKind("dna_waiver", "不采血说明", "No DNA sample: why", (
        Field("on", "日期", "Date", DATE, required=True),
        Field("reason", "原因", "Reason", CHOICE, required=True, choices=WAIVER_REASONS),
        Field("note", "说明", "Explanation", NOTE, max_len=500),
    ), single=True),
    RecordKind("match_choice", "比中后本人选择", "The person's choice after a match", (
        Field("on", "日期", "Date", DATE, required=True),
        Field("choice", "本人选择", "Choice", CHOICE, required=True, choices=MATCH_CHOICES),
        Field("note", "说明", "Explanation", NOTE, max_len=500, listed=False),
    ), single=True),
    RecordKind("outcome", "寻亲结果", "Outcome of the search", (
        Field("on", "日期", "Date", DATE, required=True),
        Field("outcome", "结果", "Outcome", CHOICE, required=True, choices=OUTCOMES),
        Field("basis", "查明经过/情况说明", "How it was established", NOTE, required=True, max_len=500),
        Field("handler", "经办人", "Handled by", NAME),
    ), single=True),
)
MILESTONES = ("notice_published_at", "notice_last_refreshed_on", "dna_requested_on", "dna_collected_on",
              "dna_not_applicable", "identity_known")
KINDS_BY_CODE = {k.code: k for k in KINDS}


def _refuse(field: str, message: str) -> None:
    raise ValidationErrors([ValidationError(field, message)])


def _label(choices, code: str) -> str:
    return next((zh for c, zh, _en in choices if c == code), code)


def _age(case: dict, day: str) -> int | None:
    """Whole years on ``day`` by the (real or estimated) birth date; None when it is not known."""
    birth = case.get("birth_date")
    if not birth or day < birth:
        return None
    return age_on(date.fromisoformat(birth), date.fromisoformat(day))


# -- no profiles, no templates ----------------------------------------------------------------------------

# STR loci as laboratories write them (CODIS core and the kits in use in China, Y-STR), and allele pairs
# such as "15,16" or "9.3/10": a value naming a locus, or four allele pairs, is a profile, not a reference.
_LOCUS = re.compile(r"(?<![A-Za-z0-9])(?:D\d{1,2}S\d{1,4}|DYS\d{2,4}|DXS\d{2,5}|vWA|FGA|TH01|TPOX|CSF1PO|"
                    r"Penta ?[DE]|Amelogenin|AMEL|SE33)(?![A-Za-z0-9])", re.IGNORECASE)
_ALLELES = re.compile(r"(?<![\d.])\d{1,2}(?:\.\d)?\s*[,/]\s*\d{1,2}(?:\.\d)?(?![\d.])")
_BLOB = re.compile(r"[A-Za-z0-9+/=_-]{64,}")  # an encoded template or raw result: long, no spaces


def profile_problem(text: str) -> str:
    """Why ``text`` may not be kept (it looks like a DNA profile or an encoded biometric template), or ''."""
    typed = unicodedata.normalize("NFKC", text)
    if _LOCUS.search(typed) or len(_ALLELES.findall(typed)) >= 4:
        return "请勿录入DNA分型数据（基因座、等位基因）：本系统只记录样本编号、日期和比对结论。"
    if "://" not in typed and _BLOB.search(typed):  # a notice's web address is not a template
        return "请勿录入编码数据（如人脸特征模板或原始比对数据）：本系统不保存生物特征数据。"
    return ""


def _no_profiles(kind: RecordKind, values: dict) -> None:
    errors = [ValidationError(f.name, problem) for f in kind.fields if f.kind in (TEXT, NOTE)
              if (problem := profile_problem(str(values.get(f.name) or "")))]
    if errors:
        raise ValidationErrors(errors)


# -- checks -----------------------------------------------------------------------------------------------

def _check_dna(values: dict, case: dict) -> None:
    """The lifecycle: requested → collected (with its unit) → sample number → in the database → result."""
    v = values
    later_than(v, "requested_on", "collected_on", "采血日期不能早于报请日期：先报请，后采血。")
    if v["collected_on"] and not v["collecting_unit"]:
        _refuse("collecting_unit", "已登记采血日期，请填写采血单位（派出所或鉴定中心）。")
    if v["sample_ref"] and not v["collected_on"]:
        _refuse("sample_ref", "尚未登记采血日期，不能填写样本编号。请先登记采血。")
    if v["in_database"] and not (v["collected_on"] and v["sample_ref"]):
        field = "collected_on" if not v["collected_on"] else "sample_ref"
        _refuse(field, "入库前须先登记采血日期和样本编号。")
    if (v["result"] or v["result_on"]) and not v["in_database"]:
        _refuse("result" if v["result"] else "result_on",
                "样本尚未录入全国打拐DNA信息库，不能登记比对结果。请先登记入库。")
    if bool(v["result"]) != bool(v["result_on"]):
        _refuse("result_on" if v["result"] else "result", "请同时填写比对结果和比对结果反馈日期。")
    later_than(v, "collected_on", "result_on", "比对结果反馈日期不能早于采血日期。")
    if v["review"] and not v["result"]:
        _refuse("review", "尚无比对结果，不能填写复核结论。")
    age = _age(case, v["requested_on"])
    if v["legal_basis"] == "consent" and (age is None or age < CONSENT_AGE):
        why = "出生日期不详，无法确认已满14周岁" if age is None else f"报请时未满{CONSENT_AGE}周岁"
        _refuse("legal_basis", f"{why}：须由监护人同意或依法定职责采血，不能以本人同意为依据。")


def _check_waiver(values: dict, case: dict) -> None:
    if values["reason"] == "other" and not values["note"]:
        _refuse("note", "选择“其他”时请说明不采血的原因。")
    if values["reason"] not in MINOR_WAIVERS:
        age = _age(case, values["on"])
        if age is None:
            _refuse("reason", "出生日期不详，无法确认已成年：身份不明的未成年人须采血。请选择其他原因或报请采血。")
        if age < ADULT_AGE:
            _refuse("reason", "被解救儿童和身份不明的未成年人须采血（公安部规定），不能因拒绝或其他原因不采血。")


def check(kind: str, values: dict, records: dict, case: dict) -> None:
    """One record on its own: dates not before admission, the DNA lifecycle, consent by age, no profiles."""
    _no_profiles(KINDS_BY_CODE[kind], values)
    admitted = datetime.fromisoformat(case["admitted_at"])
    if kind == "notice" and datetime.fromisoformat(values["published_at"]) < admitted.replace(second=0):
        _refuse("published_at", "发布时间不能早于入站时间。")
    day_field = {"notice_refresh": "refreshed_on", "comparison": "on", "lead": "on", "dna": "requested_on",
                 "dna_waiver": "on", "match_choice": "on", "outcome": "on"}.get(kind)
    if day_field and values[day_field] < admitted.date().isoformat():
        _refuse(day_field, f"{KINDS_BY_CODE[kind].field(day_field).label}不能早于入站日期。")
    if kind == "dna":
        _check_dna(values, case)
    elif kind == "dna_waiver":
        _check_waiver(values, case)


def first_match(records: dict) -> str:
    """The day of the first 比中 (a DNA result or a comparison), or ''."""
    days = [r["on"] for r in records.get("comparison", []) if r["result"] == "matched"]
    days += [r["result_on"] for r in records.get("dna", []) if r["result"] == "matched" and r["result_on"]]
    return min(days, default="")


def _choice_problem(records: dict, case: dict) -> str:
    """Why the recorded 16+ choice cannot stand with these records, or ''."""
    choice = (records.get("match_choice") or [None])[0]
    if choice is None:
        return ""
    match = first_match(records)
    if not match:
        return "尚无比中结果（DNA或比对记录），不能登记比中后本人选择。"
    age = _age(case, match)
    if age is None:
        return "出生日期不详，无法确认比中时已满16周岁。请先在接收登记中填写出生日期或估计出生日期。"
    if age < CHOICE_AGE:
        return f"比中时未满{CHOICE_AGE}周岁（{age}周岁）：是否回归由监护人和有关部门决定，不适用本人选择。"
    if choice["on"] < match:
        return f"选择日期不能早于比中日期（{match}）。"
    return ""


def check_records(kind: str, after: dict, case: dict) -> None:
    """Rules across records, on the records as the change would leave them (an edit can break them too)."""
    if kind in ("notice", "notice_refresh"):
        for refresh in after.get("notice_refresh", []):
            published = [n["published_at"][:10] for n in after.get("notice", []) if n["channel"] == refresh["channel"]]
            if not published:
                _refuse("channel", "该渠道尚未发布寻亲公告，不能登记更新。请先登记寻亲公告。" if kind == "notice_refresh"
                        else "该渠道已有公告更新记录，公告的发布渠道不能改动。")
            if refresh["refreshed_on"] < min(published):
                _refuse("refreshed_on" if kind == "notice_refresh" else "published_at",
                        "公告更新日期不能早于该渠道公告的发布日期。")
    if kind in ("match_choice", "dna", "comparison"):
        problem = _choice_problem(after, case)
        if problem:
            _refuse("choice" if kind == "match_choice" else "result",
                    problem if kind == "match_choice" else f"已记录比中后本人选择，此修改与之不符：{problem}")
    if kind == "dna_waiver" and after.get("dna"):
        _refuse("reason", "已报请DNA采血，不需要登记不采血说明。")


# -- what the records decide ------------------------------------------------------------------------------

def choice_pending(records: dict, case: dict) -> bool:
    """A person aged 16 or over at a match whose choice is not recorded yet."""
    match = first_match(records)
    age = _age(case, match) if match else None
    return age is not None and age >= CHOICE_AGE and not records.get("match_choice")


def derive(records: dict, case: dict) -> Derived:
    """The step's status and its deadline milestones, from the records alone.

    Status: 未开始 with no record; 已完成 once the outcome is 已查明 or 未查明 — unless a person aged 16 or
    over at a match has no recorded choice yet (then 进行中, saying so); 转落户 keeps it 进行中 (the search
    goes on after 落户); any other record makes it 进行中.

    Milestones (the formats ``casework.deadlines.parse_milestone`` reads): ``notice_published_at`` the
    earliest notice's time (ISO, minutes), ``notice_last_refreshed_on`` the latest refresh's day,
    ``dna_requested_on`` / ``dna_collected_on`` the DNA record's days, ``dna_not_applicable`` "1" with a
    reason for no sample and no request, ``identity_known`` "1" when the outcome is 已查明 (the search
    deadlines stop). Any other state clears them.
    """
    notices = sorted(n["published_at"] for n in records.get("notice", []))
    refreshes = sorted(r["refreshed_on"] for r in records.get("notice_refresh", []))
    dna = (records.get("dna") or [None])[0]
    outcome = (records.get("outcome") or [None])[0]
    milestones = {
        "notice_published_at": notices[0] if notices else "",
        "notice_last_refreshed_on": refreshes[-1] if refreshes else "",
        "dna_requested_on": dna["requested_on"] if dna else "",
        "dna_collected_on": dna["collected_on"] if dna else "",
        "dna_not_applicable": "1" if records.get("dna_waiver") and dna is None else "",
        "identity_known": "1" if outcome and outcome["outcome"] == "identified" else "",
    }
    if not any(records.get(k.code) for k in KINDS):
        return Derived("not_started", "", milestones)
    if choice_pending(records, case):
        return Derived("in_progress", "比中后待记录本人（16周岁以上）的选择", milestones)
    if outcome is None:
        return Derived("in_progress", "", milestones)
    if outcome["outcome"] == "to_hukou":
        return Derived("in_progress", "已转落户，落户后继续查找", milestones)
    return Derived("done", _label(OUTCOMES, outcome["outcome"]), milestones)


def summary(kind: str, values: dict) -> str:
    """The timeline's words (core): what and when; never a sample number, a DNA result or a lead's text."""
    if kind == "notice":
        return f"发布寻亲公告：{_label(CHANNELS, values['channel'])}（{values['published_at'].replace('T', ' ')}）"
    if kind == "notice_refresh":
        return f"更新寻亲公告：{_label(CHANNELS, values['channel'])}（{values['refreshed_on']}）"
    if kind == "comparison" and values["method"] != "dna":  # a DNA outcome stays in the records
        return f"比对：{_label(METHODS, values['method'])}，{_label(RESULTS, values['result'])}（{values['on']}）"
    if kind == "outcome":
        return f"寻亲结果：{_label(OUTCOMES, values['outcome'])}（{values['on']}）"
    return ""
