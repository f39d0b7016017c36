"""Print bundles for the form tests, built through the real services in a test vault (as helper P's
``casework/printing/bundle.py`` builds them), so a form test sees exactly the dicts the app will hand over.

Synthetic data only. The case has a name with an Ext-B character and a variation sequence, and every step
has at least one record, so each form has values to print."""

from victimcare.domain.identity import check_digit

EXT_B = "\U00020BB7"  # 𠮷
IVS = "葛\U000E0101"  # 葛 with an ideographic variation selector
NAME = f"{EXT_B}{IVS}花"
CHILD_ID = "35042620150304002" + check_digit("35042620150304002")  # synthetic
LONG_TEXT = "".join(f"第{i:04d}句情况说明，内容仅为测试而写。" for i in range(1, 201))  # 3,000+ characters

INTAKE = {
    "admitted_at": "2026-08-01 09:30", "arrival_mode": "police_escort", "name": NAME, "aliases": ["小花"],
    "sex": "F", "birth_date": "2015-03-04", "ethnicity": "01", "id_status": "has", "id_type": "resident_id",
    "id_number": CHILD_ID, "hukou_code": "350426", "hukou_detail": "测试乡测试村", "residence": "测试县城关镇",
    "dialect": "闽南话", "escort_unit": "测试县公安局城关派出所", "escort_officers": "测试民警 警号 012345",
    "police_case_no": "GA2026-0815", "appearance": "身高约140厘米，短发。", "request": "希望回家上学。",
    "decision": "aid", "decision_reason": "未成年人，依法救助。", "suspected_trafficking": True,
    "police_report_at": "2026-08-01 10:00", "police_report_unit": "测试县公安局", "fingerprints_taken": True,
    "flag_trafficking": True,
    "relatives": [{"relation": "母亲", "name": "测试母", "contact": "13800000000"}],
    "belongings": [{"item": "书包", "quantity": "1", "storage_no": "JC-001"}],
    "handover_unit": "测试县公安局城关派出所", "handover_officers": "测试民警", "handover_found_place": "测试县汽车站",
    "handover_found_at": "2026-08-01 07:00", "handover_at": "2026-08-01 09:30", "handover_checks": ["cctv"],
    "health_check": "体温正常，营养一般。", "mental_state": "normal", "mental_note": "情绪稳定。", "injuries": True,
    "injuries_note": "左臂擦伤。", "circumstances": LONG_TEXT, "found_circumstances": "在汽车站候车室被发现。",
}
HUKOU = [("application", {"applied_on": "2026-08-20", "proposed_name": "测试新名", "estimated_birth": "1996-01-01",
                           "basis": "目测年龄约30岁",
                               "collective_address": "测试救助站集体户", "search_summary": "已发布寻亲公告。"})]
ADULT = {"admitted_at": "2026-06-01 10:00", "arrival_mode": "self", "name": "测试乙", "sex": "M",
         "estimated_age": "30", "age_basis": "目测", "id_status": "none"}
ADULT_RECORDS = {
    "employment": [("capacity", {"assessed_on": "2026-06-05", "capacity": "full", "wants_work": True,
                                 "job_wish": "仓库管理员", "assessor": "测试社工"}),
                   ("training", {"start_on": "2026-06-10", "end_on": "2026-06-20", "program": "叉车操作",
                                 "provider": "测试职业学校", "completed": True, "certificate": "叉车证"}),
                   ("job", {"start_on": "2026-07-01", "type": "unit", "employer": "测试物流公司", "post": "仓管",
                            "contract": True, "contract_on": "2026-07-01"})],
    "hukou": HUKOU,
}
RECORDS = {
    "tracing": [("notice", {"channel": "xunqin_net", "published_at": "2026-08-01 15:00",
                            "reference": "XQ-2026-0001", "basis": "duty"}),
                ("comparison", {"on": "2026-08-02", "method": "fingerprint", "result": "no_match",
                                "handler": "测试社工"}),
                ("dna", {"requested_on": "2026-08-03", "request_unit": "测试救助站", "legal_basis": "duty",
                         "collecting_unit": "城关派出所", "collected_on": "2026-08-05", "sample_ref": "DNA-0001",
                         "in_database": True, "handler": "测试社工"})],
    "medical": [("visit", {"visited_on": "2026-08-02", "type": "outpatient", "hospital": "县人民医院",
                           "department": "外科", "diagnosis": "左臂擦伤", "cost_source": "relief_fund"}),
                ("assessment", {"assessed_on": "2026-08-04", "assessor": "测试心理师（二级）", "tool": "interview",
                                "risk": "low", "plan": "每周疏导一次。"})],
    "relief": [("placement", {"start_on": "2026-08-01", "type": "station", "place": "测试救助站",
                              "room": "女童区 3号"}),
               ("service", {"on": "2026-08-02", "type": "daily", "content": "发放生活用品。"})],
    "legal_aid": [("application", {"applied_on": "2026-08-10", "office": "测试县法律援助中心",
                                   "applied_by": "legal_rep", "representative": "测试站长",
                                   "cause": "拐卖儿童案", "legal_status": "victim", "matter": "criminal_victim", "stage": "investigation", "relation": "civil_affairs", "number": "FY-2026-001"})],
    "employment": [],
    "return": [("handover", {"on": "2026-08-24", "mode": "relatives", "collector": "测试母",
                                  "collector_relation": "parent", "collector_id": "11010519491231002X", "identity_checked": True,
                                  "address": "测试县测试村"})],
    "followup": [("visit", {"on": "2026-08-25", "mode": "home", "visitor": "测试社工", "living": "与母亲同住。",
                            "guardianship": "good", "next_on": "2026-09-25"})],
}
PLACEMENT = {"school": "尤溪县测试小学", "grade": "五年级", "class_name": "2班", "enrolled_on": "2026-09-01",
             "attendance": "temporary", "student_no": f"G{CHILD_ID}", "pairing_teacher": "测试老师",
             "counselling": "每周一次", "privacy_measures": "不公开来历"}
CLOSURE = {"closure_type": "family", "summary": "已护送返回家庭，接领人身份已核对。", "open_items": "",
           "follow_up_plan": "回归后1、3、6、12个月回访", "retention": "30y", "archive_on": "2026-10-01"}
STATION_NAME = f"尤溪县{EXT_B}测试救助站"


def make_case(s) -> int:
    """One case with records in every step that keeps records, referred to school and placed, and a
    closure requested and approved. ``s`` is a supervisor (SignedIn) holding every compartment."""
    case_id = s.intake.create(dict(INTAKE), reviewed_duplicates=list(range(100)))
    for step, saves in RECORDS.items():
        for kind, values in saves:
            getattr(s, step).save(case_id, kind, dict(values))
        if step == "return":  # a minor's handover waits for the supervisor
            pending = [a for a in s.approvals.for_case(case_id) if a["kind"] == "handover_minor"]
            s.approvals.decide(pending[0]["id"], True, "同意交接")
    s.school.refer(case_id, "小花")
    s.school.record_placement(case_id, dict(PLACEMENT))
    return case_id


def make_adult_case(s) -> int:
    """An adult of unknown identity: employment services and a household registration application."""
    case_id = s.intake.create(dict(ADULT), reviewed_duplicates=list(range(100)))
    for step, saves in ADULT_RECORDS.items():
        for kind, values in saves:
            getattr(s, step).save(case_id, kind, dict(values))
    return case_id


_CACHE: dict[str, dict] = {}


def shared_bundles(vault_factory, login, fake_clock) -> dict[str, dict]:
    """{"child": the closed child's bundle, "adult": the adult's}, built once per test session (plain
    data: each caller gets its own deep copy)."""
    import copy
    if not _CACHE:
        from support import SUPERVISOR
        vault, _code, password = vault_factory("forms-vault", clock=fake_clock)
        s = login(vault, SUPERVISOR, password)
        child, adult = make_case(s), make_adult_case(s)
        close_case(s, child)
        _CACHE.update(child=bundle_of(s, child), adult=bundle_of(s, adult))
        s.session.close()
    return copy.deepcopy(_CACHE)


def close_case(s, case_id: int) -> None:
    approval = s.closure.request(case_id, dict(CLOSURE))
    s.approvals.decide(approval, True, "同意结案")


def bundle_of(s, case_id: int) -> dict:
    """The print bundle as bundle.md describes it, every key filled from the services."""
    from victimcare.casework.steps import STEPS
    records = {}
    for step in STEPS:
        service = getattr(s, step.code, None)
        if service is not None and hasattr(service, "records") and step.code not in ("intake", "school", "closure"):
            records[step.code] = service.records(case_id)["records"]
    case = s.cases.get_case(case_id)
    bundle = {
        "station": {"name": STATION_NAME, "code": "TS"},
        "case": case,
        "sensitive": s.intake.sensitive(case_id),
        "records": records,
        "approvals": s.approvals.for_case(case_id),
        "closure": s.closure.state(case_id),
        "events": s.cases.timeline(case_id),
    }
    if case["referred_to_school"]:  # absent otherwise, as bundle.md says
        bundle["school"] = s.school.child(case_id)
    return bundle


# -- reading a rendered PDF back ---------------------------------------------------------------------


def pypdf_pages(pdf: bytes) -> list[str]:
    import io
    from pypdf import PdfReader
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def poppler_text(pdf: bytes) -> str:
    """pdftotext's reading of the PDF, fed through a pipe (no file written)."""
    import subprocess
    return subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode("utf-8")


def squeezed(text: str) -> str:
    return "".join(text.split())


def body(pages: list[str], furniture: tuple[str, ...] = ()) -> str:
    """The pages' text without the page furniture (footer, continued title, watermark lines) and without
    line breaks, so text wrapped across lines and pages reads as one run."""
    import re
    kept = []
    for page in pages:
        for line in page.splitlines():
            line = line.strip()
            if re.fullmatch(r"第 ?\d+ ?页 ?/ ?共 ?\d+ ?页", line) or "（续）" in line or line.startswith("编号：") \
                    or any(f and f in line for f in furniture):
                continue
            kept.append(line)
    return squeezed("".join(kept))


def unembedded_fonts(pdf: bytes) -> list[str]:
    """BaseFont names of every font any page uses without an embedded font file (FontFile2/3)."""
    import io
    from pypdf import PdfReader
    missing = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            if not any(k in descriptor for k in ("/FontFile2", "/FontFile3", "/FontFile")):
                missing.append(str(font.get("/BaseFont")))
    return missing


def keeps_variation_selectors() -> bool:
    """Whether the font module gives a variation selector back in the text layer (helper F's work) or
    drops it: a one-line PDF says which."""
    from victimcare.forms.kit import FormContext, para
    from victimcare.forms.pages import build_pdf
    return IVS in "".join(pypdf_pages(build_pdf([para(IVS)], FormContext())))


def printed(code: str, bundle: dict | None, ctx=None) -> tuple[str, str]:
    """(pypdf's, pdftotext's) text of one rendered form, furniture removed and whitespace squeezed.
    pdftotext's text is '' where poppler-utils is not installed."""
    import shutil
    from datetime import datetime
    from victimcare.casework.printing import catalog
    from victimcare.forms.kit import FormContext
    ctx = ctx or FormContext(station="测试救助站", user="zhanzhang", printed_at=datetime(2026, 12, 2, 10, 0))
    pdf = catalog.render_form(code, bundle, ctx)
    poppler = body(poppler_text(pdf).split("\f")) if shutil.which("pdftotext") else ""
    return body(pypdf_pages(pdf)), poppler


def assert_prints(code: str, bundle: dict | None, values: list[str], *, absent: tuple[str, ...] = ()) -> None:
    """Every value is in the form's text layer exactly (both extractors), no absent one is."""
    for text in printed(code, bundle):
        if not text:
            continue
        for value in values:
            assert squeezed(value) in text, f"{code}: {value!r} not printed"
        for value in absent:
            assert value not in text, f"{code}: {value!r} printed"
        assert "None" not in text
