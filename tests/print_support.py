"""What the printing tests share: a case with records in the sensitive sections (each a canary that a
redacted print must never carry), referred to school under a pseudonym, and a stand-in form catalog
whose every form prints *every value it is handed* — so a value missing from its PDF was taken out by the
profile before rendering, whatever the real forms choose to show.

Synthetic data only."""

import io
import json
import re
import zlib

from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate

from victimcare.domain.identity import check_digit
from victimcare.forms.dossier import p, styles
from victimcare.forms.fonts import BODY
from victimcare.forms.pdfout import NEUTRAL_DOC_KWARGS

CHILD_ID = "35042620150304002" + check_digit("35042620150304002")
REAL_NAME = "王小明测试"          # a canary (tests/conftest.py CANARIES)
PSEUDONYM = "小花同学"
PLACEMENT = {"school": "尤溪县测试小学", "grade": "五年级", "class_name": "2班", "enrolled_on": "2026-09-01",
             "attendance": "temporary", "student_no": "J" + "35042620150304999" + check_digit("35042620150304999"), "pairing_teacher": "测试老师",
             "counselling": "每周一次", "privacy_measures": "不公开来历"}
# What must stay out of a school copy (and, but for the name, out of a family copy).
SENSITIVE = {
    "circumstances": "CANARY_7f3a被拐经过叙述",
    "health_check": "体检CANARYHEALTH营养不良",
    "diagnosis": "诊断CANARYDIAG肺炎",
    "sample_ref": "DNA-SAMPLE-ZZ-0001",
    "blocked": "嫌疑人CANARYSUSPECT",
    "legal_cause": "法援CANARYLEGAL案由",
    "id_number": CHILD_ID,
    "found": "发现经过CANARYFOUND",
    "police_case_no": "GA-CANARY-0815",
}
INTAKE = {
    "admitted_at": "2026-08-01 09:30", "arrival_mode": "police_escort", "name": REAL_NAME, "sex": "F",
    "birth_date": "2015-03-04", "id_status": "has", "id_type": "resident_id", "id_number": CHILD_ID,
    "escort_unit": "测试县公安局城关派出所", "escort_officers": "测试民警", "police_case_no": SENSITIVE["police_case_no"],
    "decision": "aid", "suspected_trafficking": True, "police_report_at": "2026-08-01 10:00",
    "police_report_unit": "测试县公安局", "flag_trafficking": True,
    "relatives": [{"relation": "母亲", "name": "测试母", "contact": "13800000000"}],
    "belongings": [{"item": "书包", "quantity": "1", "storage_no": "JC-001"}],
    "health_check": SENSITIVE["health_check"], "mental_state": "normal", "circumstances": SENSITIVE["circumstances"],
    "found_circumstances": SENSITIVE["found"],
}
RECORDS = [
    ("medical", "visit", {"visited_on": "2026-08-02", "type": "outpatient", "hospital": "县人民医院",
                          "diagnosis": SENSITIVE["diagnosis"], "cost_source": "relief_fund"}),
    ("tracing", "notice", {"channel": "xunqin_net", "published_at": "2026-08-01 15:00", "basis": "duty"}),
    ("tracing", "dna", {"requested_on": "2026-08-03", "request_unit": "测试救助站", "legal_basis": "duty",
                        "collecting_unit": "城关派出所", "collected_on": "2026-08-05",
                        "sample_ref": SENSITIVE["sample_ref"]}),
    ("legal_aid", "application", {"applied_on": "2026-08-10", "office": "测试县法律援助中心", "applied_by": "legal_rep",
                                  "representative": "测试站长", "relation": "civil_affairs", "legal_status": "victim",
                                  "cause": SENSITIVE["legal_cause"], "stage": "investigation"}),
    ("return", "blocked", {"name": SENSITIVE["blocked"], "relation": "suspect"}),
    ("relief", "placement", {"start_on": "2026-08-01", "type": "station", "place": "测试救助站", "room": "女童区3号"}),
]


def make_case(s) -> int:
    """The case, its records, referred to school under the pseudonym and placed. ``s``: a supervisor."""
    case_id = s.intake.create(dict(INTAKE), reviewed_duplicates=list(range(100)))
    for step, kind, values in RECORDS:
        getattr(s, step).save(case_id, kind, dict(values))
    s.school.refer(case_id, PSEUDONYM)
    s.school.record_placement(case_id, dict(PLACEMENT))
    return case_id


def case_no(s, case_id: int) -> str:
    return s.session.run(lambda: s.session.conn("core").execute("SELECT case_no FROM cases WHERE id = ?",
                                                                (case_id,)).fetchone()[0])


# -- the stand-in catalog -----------------------------------------------------------------------------------

def _leaves(value, out):
    if isinstance(value, dict):
        for v in value.values():
            _leaves(v, out)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _leaves(v, out)
    elif value not in (None, ""):
        out.append(str(value))
    return out


class Spec:
    def __init__(self, code, title, step, keys):
        self.code, self.title, self.step, self.keys = code, title, step, keys

    def story(self, bundle, ctx):
        st = styles()
        values = [] if bundle is None else _leaves({k: bundle.get(k) for k in self.keys}, [])
        return [p(f"{self.code} {self.title}", st.heading), p(f"机构：{getattr(ctx, 'station', '')}")] + \
            [p(v) for v in values or ["（空白）"]]


class EverythingCatalog:
    """FORMS, has_data and render_form as the real catalog has them; each form prints all it gets."""
    FORMS = [Spec("F1", "受助人员求助登记表", "intake", ("case", "sensitive")),
             Spec("F5", "医疗救治记录", "medical", ("records",)),
             Spec("F8", "法律援助申请表", "legal_aid", ("records",)),
             Spec("F9", "入学安置登记表", "school", ("case", "school")),
             Spec("F15", "回访记录表", "followup", ("records",))]

    def form(self, code):
        from victimcare.core.errors import UserError
        found = [s for s in self.FORMS if s.code == str(code).strip().upper()]
        if not found:
            raise UserError("没有这张表。")
        return found[0]

    def has_data(self, code, bundle):
        spec = next(s for s in self.FORMS if s.code == code)
        return bundle is not None and any(bundle.get(k) for k in spec.keys)

    def render_form(self, code, bundle, ctx):
        spec = next(s for s in self.FORMS if s.code == code)
        buf = io.BytesIO()
        doc = SimpleDocTemplate(buf, pagesize=A4, initialFontName=BODY, **NEUTRAL_DOC_KWARGS)
        story = spec.story(bundle, ctx) + ([p(ctx.watermark)] if getattr(ctx, "watermark", "") else [])
        doc.build(story)
        return buf.getvalue()


# -- looking into PDFs --------------------------------------------------------------------------------------

def page_texts(pdf: bytes, password: str | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    if password:
        reader.decrypt(password)
    return [page.extract_text() or "" for page in reader.pages]


def raw_views(pdf: bytes) -> list[bytes]:
    """The file's bytes and every stream decompressed (content streams, ToUnicode maps, metadata)."""
    views = [pdf]
    for match in re.finditer(rb"stream\r?\n", pdf):
        start = match.end()
        end = pdf.find(b"endstream", start)
        try:
            views.append(zlib.decompress(pdf[start:end]))
        except zlib.error:
            views.append(pdf[start:end])
    return views


def needles(value: str) -> list[bytes]:
    """The byte forms a value could take in a PDF: UTF-8, UTF-16BE (plain and as hex), GB 18030."""
    utf16 = value.encode("utf-16-be")
    return [value.encode("utf-8"), utf16, utf16.hex().upper().encode(), utf16.hex().encode(),
            value.encode("gb18030")]


def leaks(pdf: bytes, values) -> list[str]:
    """The values found in the PDF's text layer or in any of its bytes."""
    text = "".join(page_texts(pdf))
    views = raw_views(pdf)
    found = []
    for value in values:
        if value in text or any(n in v for v in views for n in needles(value)):
            found.append(value)
    return found


def dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, default=str)
