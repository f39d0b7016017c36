"""Importing cases (R29 strict import, R32 literal SQL values, R34 formula cells): all rows or none."""

import csv
import hashlib
import io
import json
import unicodedata
from datetime import datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from victimcare.casework import importer
from victimcare.casework.cases import CaseQuery
from victimcare.domain.identity import check_digit
from victimcare.domain.names import validate_free_text, validate_person_name
from victimcare.core.errors import PermissionDenied
from victimcare.casework.importer import ImportFileError
from victimcare.security.permissions import Role

TABLES = {"core": ("cases", "aliases", "steps", "milestones", "search_docs", "events"),
          "sensitive": ("intake_sensitive",)}
EN_HEADER = ["admitted_at", "arrival_mode", "name", "sex", "birth_date", "estimated_age", "age_basis", "appearance"]


def youxi_id(born: str, seq: str) -> str:
    first17 = f"350426{born.replace('-', '')}{seq}"
    return first17 + check_digit(first17)


@pytest.fixture
def session(vault_factory, fake_clock, login):
    vault, _code, password = vault_factory(clock=fake_clock)
    return login(vault, password=password)


def counts(session) -> dict[str, int]:
    def read():
        return {t: session.conn(c).execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for c, tables in TABLES.items() for t in tables}
    return session.owner.call(read)


def audit_imports(session) -> list[dict]:
    entries = session.owner.call(session.audit_log.entries, limit=1000, newest_first=False)
    return [e for e in entries if e["action"] == "import"]


def csv_bytes(header, rows, *, bom=False, encoding="utf-8", newline="\r\n") -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode(encoding)


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def row(name="王小红", *, admitted="2026-03-01 10:00", mode="self", sex="F", birth="2012-05-01", age="", basis="",
        appearance=""):
    return [admitted, mode, name, sex, birth, age, basis, appearance]


def stored(session, case_no: str) -> dict:
    def read():
        return session.conn("core").execute("SELECT id FROM cases WHERE case_no = ?", (case_no,)).fetchone()[0]
    return session.cases.get_case(session.owner.call(read))


# -- happy paths ---------------------------------------------------------------------------------------

def test_csv_with_bom_and_chinese_headers_imports_every_row(session, tmp_path):
    header = ["入站时间", "来站方式", "姓名", "曾用名/自述名", "性别", "出生日期", "估计年龄", "年龄依据", "证件情况",
              "证件号码", "疑似被拐卖", "报警时间", "接警单位", "身体状况初检", "求助原因及经过", "明显外伤"]
    rows = [
        ["2026-03-01 14:30", "公安解救移交", "王𠮷祥", "小吉；阿吉", "男", "2012-05-01", "", "", "待查", "", "否", "", "",
         "营养不良", "（测试）自述被人带离家乡", "是"],
        ["2026年3月2日 09:00", "street_relief", "", "", "F", "", "12", "目测", "无", "", "是", "2026-03-02 10:00",
         "尤溪县公安局", "", "", "否"],
        ["2026-03-03", "自行来站", "陈测试", "", "男", "1990-03-07", "", "", "有", youxi_id("1990-03-07", "913"), "", "",
         "", "", "", ""],
    ]
    rows[1][2] = "阿依古丽·买买提"
    data = csv_bytes(header, rows, bom=True)
    before = counts(session)
    report = session.imports.import_file(write(tmp_path, "cases.csv", data))
    assert report.ok and report.rejected == []
    assert report.imported == ["TS-2026-00001", "TS-2026-00002", "TS-2026-00003"]
    after = counts(session)
    assert after["cases"] == before["cases"] + 3 and after["intake_sensitive"] == before["intake_sensitive"] + 3
    first = stored(session, "TS-2026-00001")
    assert first["name"] == "王𠮷祥" and first["aliases"] == ["小吉", "阿吉"] and first["arrival_mode"] == "police_transfer"
    assert first["sex"] == "M" and first["admitted_at"] == "2026-03-01T14:30"
    sensitive = session.intake.sensitive(first["id"])
    assert sensitive["health_check"] == "营养不良" and sensitive["injuries"] == 1
    second = stored(session, "TS-2026-00002")
    assert second["name"] == "阿依古丽·买买提" and second["suspected_trafficking"] == 1
    assert second["birth_estimated"] == 1 and second["police_report_unit"] == "尤溪县公安局"
    assert stored(session, "TS-2026-00003")["id_number"] == youxi_id("1990-03-07", "913")
    [entry] = audit_imports(session)
    # the creation keeps the id range the vault check counts; the numbers are what an auditor reads
    assert entry["detail"] == "ok;no:TS-2026-00001～TS-2026-00003" and entry["result"] == "ok"
    assert entry["record_count"] == 3 and entry["object_id"] == "1-3"
    assert entry["file_hash"] == hashlib.sha256(data).hexdigest() == report.file_hash
    assert "王" not in json.dumps(entry, ensure_ascii=False)


def test_xlsx_cells_are_read_as_text(session, tmp_path):
    import xlsxwriter
    path = tmp_path / "cases.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("个案")
    for col, name in enumerate(["入站时间", "来站方式", "姓名", "性别", "估计年龄", "年龄依据", "户籍地代码", "体貌特征",
                                "公安案件编号"]):
        ws.write_string(0, col, name)
    ws.write_datetime(1, 0, datetime(2026, 3, 4, 8, 15), wb.add_format({"num_format": "yyyy-mm-dd hh:mm"}))
    for col, value in enumerate(["自行来站", "=HYPERLINK(\"x\")", "女"], start=1):
        ws.write_string(1, col, value)
    ws.write_number(1, 4, 30)
    ws.write_string(1, 5, "目测")
    ws.write_number(1, 6, 350426)  # an integer cell: converted exactly
    ws.write_string(1, 7, "=cmd|' /C calc'!A0")
    ws.write_number(1, 8, 35042620260304)  # 14 digits, exact as an integer
    wb.close()
    report = session.imports.import_file(path)
    assert report.ok, report.rejected
    case = stored(session, report.imported[0])
    assert case["name"] == "=HYPERLINK(\"x\")" and case["appearance"] == "=cmd|' /C calc'!A0"
    assert case["hukou_code"] == "350426" and case["police_case_no"] == "35042620260304"
    assert case["admitted_at"] == "2026-03-04T08:15" and case["estimated_age"] == 30


def test_xlsx_float_id_cells_are_refused_and_nothing_is_written(session, tmp_path):
    import xlsxwriter
    path = tmp_path / "ids.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    for col, name in enumerate(["admitted_at", "arrival_mode", "name", "sex", "birth_date", "id_status", "id_number"]):
        ws.write_string(0, col, name)
    for r, id_cell in ((1, None), (2, 3.50426199003079e17)):
        for col, value in enumerate(["2026-03-01 10:00", "self", f"测试{r}", "M", "1990-03-07", "有"]):
            ws.write_string(r, col, value)
        if id_cell is None:
            ws.write_string(r, 6, youxi_id("1990-03-07", "913"))
        else:
            ws.write_number(r, 6, id_cell)  # Excel shows 3.50426E+17: the last digits are gone
    wb.close()
    before = counts(session)
    report = session.imports.import_file(path)
    assert report.imported == [] and counts(session) == before
    assert [(r, f) for r, f, _m in report.rejected] == [(3, "id_number")]
    assert "文本" in report.rejected[0][2]


def test_json_list_and_cases_object(session, tmp_path):
    items = [{"admitted_at": "2026-03-05 10:00", "arrival_mode": "self", "name": "钱六", "sex": "M",
              "estimated_age": 30, "age_basis": "目测", "aliases": ["六子", "小钱"], "flag_disabled": True},
             {"入站时间": "2026-03-05 11:00", "来站方式": "医院转来", "姓名": "孙七", "性别": "女", "出生日期": "2001-01-01"}]
    report = session.imports.import_file(write(tmp_path, "a.json", json.dumps({"cases": items}, ensure_ascii=False).encode()))
    assert report.ok and len(report.imported) == 2
    case = stored(session, report.imported[0])
    assert case["aliases"] == ["六子", "小钱"] and case["flag_disabled"] == 1
    report = session.imports.import_file(write(tmp_path, "b.json", json.dumps(items[1:]).encode()))
    assert report.ok and report.imported == ["TS-2026-00003"]


@pytest.mark.parametrize("text, problem", [
    ('{"cases": [], "extra": 1}', "cases"),
    ('{"admitted_at": "x"}', "列表"),
    ('[{"admitted_at": NaN}]', "NaN"),
    ('[{"name": "a", "name": "b"}]', "两次"),
    ('[1, 2', "JSON"),
    ('[' * 100_000, "JSON"),
])
def test_malformed_json_is_refused_as_a_whole(session, tmp_path, text, problem):
    before = counts(session)
    with pytest.raises(ImportFileError) as exc:
        session.imports.import_file(write(tmp_path, "bad.json", text.encode()))
    assert problem in exc.value.message and counts(session) == before


# -- all or nothing ------------------------------------------------------------------------------------

def test_one_bad_row_in_the_middle_rejects_the_whole_file(session, tmp_path):
    rows = [row(f"测试{i}") for i in range(5)]
    rows[2][4] = "2024-02-30"           # spreadsheet row 4: an impossible date
    rows[2][1] = "坐飞机"                # … and an unknown arrival mode in the same row
    rows[4][2] = "王\u202e小红"          # row 6: a bidi override in a name
    before = counts(session)
    report = session.imports.import_file(write(tmp_path, "mixed.csv", csv_bytes(EN_HEADER, rows)))
    assert not report.ok and report.imported == []
    assert counts(session) == before
    assert {(r, f) for r, f, _m in report.rejected} == {(4, "birth_date"), (4, "arrival_mode"), (6, "name")}
    assert all("王" not in m and "坐飞机" not in m for _r, _f, m in report.rejected)  # no values in messages
    text = "\n".join(report.lines())
    assert "未导入任何个案" in text and "第 4 行【出生日期】" in text and "第 6 行【姓名】" in text
    [entry] = audit_imports(session)
    assert entry["detail"] == "rejected" and entry["record_count"] == 5 and entry["file_hash"] == report.file_hash


def test_injection_strings_and_wildcards_are_stored_and_read_back_literally(session, tmp_path):
    names = ["=HYPERLINK(\"x\")", "'); DROP TABLE cases;--", "%_", "+1-2", "@SUM(A1)"]
    rows = [row(n, birth=f"201{i}-01-01", appearance=n) for i, n in enumerate(names)]
    rows.append(row("普通名字", appearance="'=1+1"))  # the export's formula protection is undone
    report = session.imports.import_file(write(tmp_path, "inj.csv", csv_bytes(EN_HEADER, rows)))
    assert report.ok, report.rejected
    for case_no, name in zip(report.imported, names):
        case = stored(session, case_no)
        assert case["name"] == name and case["appearance"] == name
    assert stored(session, report.imported[-1])["appearance"] == "=1+1"
    found, _ = session.cases.list_page(CaseQuery(text="%_", status="all"))
    assert [r["name"] for r in found] == ["%_"]
    found, _ = session.cases.list_page(CaseQuery(text="DROP TABLE", status="all"))
    assert [r["name"] for r in found] == ["'); DROP TABLE cases;--"]
    assert counts(session)["cases"] == len(rows)


def test_mixed_line_endings_and_a_quoted_multiline_cell(session, tmp_path):
    data = ("admitted_at,arrival_mode,name,sex,birth_date,appearance\r\n"
            "2026-03-01,self,甲,M,2010-01-01,\"第一行\r\n第二行\"\n"
            "2026-03-01,self,乙,F,2010-01-01,x\r"
            "2026-03-01,self,丙,F,2010-01-01,y\n\n").encode()
    report = session.imports.import_file(write(tmp_path, "eol.csv", data))
    assert report.ok and len(report.imported) == 3
    assert stored(session, report.imported[0])["appearance"] == "第一行\n第二行"


# -- encodings -----------------------------------------------------------------------------------------

def test_bom_is_stripped_so_the_first_header_is_recognised(session, tmp_path):
    report = session.imports.import_file(write(tmp_path, "bom.csv", csv_bytes(EN_HEADER, [row()], bom=True)))
    assert report.ok and stored(session, report.imported[0])["admitted_at"] == "2026-03-01T10:00"


def test_gb18030_only_when_declared(session, tmp_path):
    data = csv_bytes(EN_HEADER, [row("王小红"), row("李𠮷䶮")], encoding="gb18030")
    path = write(tmp_path, "gbk.csv", data)
    before = counts(session)
    with pytest.raises(ImportFileError) as exc:
        session.imports.import_file(path)
    assert exc.value.line == 2 and "第 2 行" in exc.value.message and "GB18030" in exc.value.message
    assert counts(session) == before
    report = session.imports.import_file(path, encoding="gb18030")
    assert report.ok and [stored(session, n)["name"] for n in report.imported] == ["王小红", "李𠮷䶮"]
    assert [e["detail"].split(";")[0] for e in audit_imports(session)] == ["rejected", "ok"]


@pytest.mark.parametrize("bad, line", [
    (b"\xc0\xaf", 3),            # overlong "/"
    (b"\xed\xa0\x80", 3),        # an encoded lone surrogate
    (b"\xff", 3),
    ("王".encode("gb18030"), 3),  # GBK bytes labelled as UTF-8
])
def test_invalid_utf8_rejects_the_whole_file_with_its_line(session, tmp_path, bad, line):
    data = csv_bytes(EN_HEADER, [row("甲")]) + b"2026-03-01 10:00,self," + bad + b",F,2010-01-01,,,\r\n"
    before = counts(session)
    with pytest.raises(ImportFileError) as exc:
        session.imports.import_file(write(tmp_path, "bad.csv", data))
    assert exc.value.line == line and counts(session) == before


def test_utf16_and_unknown_encodings_are_refused(session, tmp_path):
    text = "\n".join([",".join(EN_HEADER), ",".join(row())])
    with pytest.raises(ImportFileError, match="UTF-16"):
        session.imports.import_file(write(tmp_path, "u16.csv", text.encode("utf-16")))
    with pytest.raises(ImportFileError, match="GB18030"):
        session.imports.import_file(write(tmp_path, "ok.csv", text.encode()), encoding="latin-1")
    with pytest.raises(ImportFileError, match=r"\.xlsx"):
        session.imports.import_file(write(tmp_path, "old.xls", b"\xd0\xcf\x11\xe0"))
    with pytest.raises(ImportFileError, match="xlsx"):
        session.imports.import_file(write(tmp_path, "fake.xlsx", b"not a zip"))
    assert counts(session)["cases"] == 0


# -- limits and columns --------------------------------------------------------------------------------

def test_oversize_fields_are_rejected(session, tmp_path):
    before = counts(session)
    data = csv_bytes(EN_HEADER, [row(), row(appearance="长" * 5001)])
    report = session.imports.import_file(write(tmp_path, "big.csv", data))
    assert report.rejected == [(3, "appearance", "内容超过 5000 个字，不能导入。请删减。")]
    with pytest.raises(ImportFileError, match="5000"):  # a 1 MB cell is refused while parsing
        session.imports.import_file(write(tmp_path, "huge.csv", csv_bytes(EN_HEADER, [row(appearance="x" * 1_000_000)])))
    assert counts(session) == before


def test_file_size_and_row_limits(session, tmp_path, monkeypatch):
    monkeypatch.setattr(importer.reading, "MAX_ROWS", 3)
    with pytest.raises(ImportFileError, match="超过 3 行"):
        session.imports.import_file(write(tmp_path, "rows.csv", csv_bytes(EN_HEADER, [row(f"测{i}") for i in range(4)])))
    monkeypatch.setattr(importer.reading, "MAX_FILE_BYTES", 100)
    with pytest.raises(ImportFileError, match="MB"):
        session.imports.import_file(write(tmp_path, "size.csv", csv_bytes(EN_HEADER, [row()] * 2)))
    assert counts(session)["cases"] == 0


@pytest.mark.parametrize("header, problem", [
    (EN_HEADER + ["passport_photo"], "passport_photo"),
    (EN_HEADER + ["姓名"], "都是"),                     # name twice (code and Chinese header)
    (["name", "sex", "birth_date"], "入站时间"),        # required columns missing
])
def test_column_problems_reject_the_file_and_name_the_column(session, tmp_path, header, problem):
    data = csv_bytes(header, [row()[: len(header)] + [""] * max(0, len(header) - 8)])
    with pytest.raises(ImportFileError) as exc:
        session.imports.import_file(write(tmp_path, "cols.csv", data))
    assert problem in exc.value.message and counts(session)["cases"] == 0


def test_alternative_chinese_headers_and_labels(session, tmp_path):
    header = ["求助时间", "来站方式", "姓名", "性别", "出生日期", "证件情况", "证件类型", "身份证号", "是否予以救助",
              "精神状况"]
    data = csv_bytes(header, [["2026-03-01 10:00", "城管护送", "赵五", "男", "1990-03-07", "有", "居民身份证",
                               youxi_id("1990-03-07", "913"), "予以救助", "疑似智力障碍"]])
    report = session.imports.import_file(write(tmp_path, "alt.csv", data))
    assert report.ok, report.rejected
    case = stored(session, report.imported[0])
    assert case["arrival_mode"] == "urban_escort" and case["id_type"] == "resident_id" and case["decision"] == "aid"
    assert session.intake.sensitive(case["id"])["mental_state"] == "suspected_intellectual"


def test_yes_no_columns_refuse_other_words(session, tmp_path):
    data = csv_bytes(EN_HEADER + ["flag_disabled"], [row() + ["maybe"]])
    report = session.imports.import_file(write(tmp_path, "flags.csv", data))
    assert [(r, f) for r, f, _m in report.rejected] == [(2, "flag_disabled")]


def test_only_a_supervisor_may_import(vault_factory, fake_clock, login, add_account, tmp_path):
    vault, _code, password = vault_factory(clock=fake_clock)
    boss = login(vault, password=password)
    worker_password = add_account(boss, "shegong", Role.SOCIAL_WORKER)
    worker = login(vault, "shegong", worker_password)
    with pytest.raises(PermissionDenied):
        worker.imports.import_file(write(tmp_path, "w.csv", csv_bytes(EN_HEADER, [row()])))
    assert counts(boss)["cases"] == 0


# -- duplicates are reported, not blocking -------------------------------------------------------------

def test_possible_duplicates_name_the_existing_case_and_the_earlier_row(session, tmp_path):
    existing = session.intake.create({"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "张三丰",
                                            "sex": "M", "birth_date": "1990-03-07", "id_status": "has",
                                            "id_number": youxi_id("1990-03-07", "913")})
    case_no = session.cases.get_case(existing)["case_no"]
    header = ["admitted_at", "arrival_mode", "name", "sex", "birth_date", "id_status", "id_number"]
    rows = [["2026-03-01 10:00", "self", "张某", "M", "1990-03-07", "有", youxi_id("1990-03-07", "913")],
            ["2026-03-01 10:00", "self", "李四", "F", "2011-01-01", "", ""],
            ["2026-03-02 10:00", "self", "李 四", "F", "2012-06-01", "", ""],
            ["2026-03-02 10:00", "self", "张三峰", "M", "1991-01-01", "", ""]]
    report = session.imports.import_file(write(tmp_path, "dup.csv", csv_bytes(header, rows)))
    assert report.ok and len(report.imported) == 4
    warnings = {r: m for r, f, m in report.warnings if f == "duplicate"}
    assert case_no in warnings[2] and "身份证号相同" in warnings[2]
    assert "本文件第 3 行" in warnings[4]
    assert case_no in warnings[5] and "读音相同" in warnings[5]


def test_duplicate_index_agrees_with_find_candidates(session, tmp_path):
    from victimcare.casework.duplicates import existing_cases_index, find_candidates
    from victimcare.casework.steps.intake.rules import validate_intake
    people = [("张伟", "M", "1990-01-01"), ("张玮", "M", "1992-05-01"), ("张伟", "U", "1987-01-01"),
              ("张伟", "F", "1990-01-01"), ("张伟伟", "M", "1993-12-31"), ("王芳", "F", "2010-01-01")]
    for name, sex, born in people:
        session.intake.create({"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": name,
                                     "sex": sex, "birth_date": born}, reviewed_duplicates=list(range(100)))
    index = session.owner.call(existing_cases_index, session.conn("core"))
    now = datetime(2026, 9, 1)
    for name, sex, born in [("张伟", "M", "1990-06-01"), ("章伟", "U", "1985-01-01"), ("王芳芳", "F", "2008-01-01")]:
        record = validate_intake({"admitted_at": "2026-03-01", "arrival_mode": "self", "name": name, "sex": sex,
                                  "birth_date": born}, now=now, registrar="x")
        expected = {f"个案 {c['case_no']}": c["reasons"]
                    for c in session.owner.call(find_candidates, session.conn("core"), record, now.date())}
        assert index.find(record) == expected


# -- the bad-input corpus and property tests ---------------------------------------------------------------

@pytest.mark.parametrize("name, ok", [
    ("\x00王", False), ("王\x1b[2J", False), ("abc\u202egnp", False), ("王\u200b红", False), ("王\u2066红", False),
    ("𠀀𪚥", True), ("𰻞𰻞面", True), ("葛\U000E0100优", True), ("e\u0301lodie", True), ("👩\u200d👩\u200d👧", False),
])
def test_bad_input_corpus_names(session, tmp_path, name, ok):
    report = session.imports.import_file(write(tmp_path, "n.csv", csv_bytes(EN_HEADER, [row(name)])))
    assert report.ok is ok
    if ok:
        assert stored(session, report.imported[0])["name"] == unicodedata.normalize("NFC", name)
    else:
        assert counts(session)["cases"] == 0 and report.rejected[0][:2] == (2, "name")


@pytest.mark.parametrize("birth, age", [("2024-02-30", ""), ("1900-01-00", ""), ("13/13/2024", ""), ("", "1e309"),
                                        ("", "-3"), ("2023年2月29日", ""), ("2027-01-01", "")])
def test_bad_input_corpus_dates_and_ages(session, tmp_path, birth, age):
    report = session.imports.import_file(write(tmp_path, "d.csv", csv_bytes(EN_HEADER, [row(birth=birth, age=age,
                                                                                         basis="目测")])))
    assert not report.ok and counts(session)["cases"] == 0


def test_full_width_dates_are_accepted(session, tmp_path):
    report = session.imports.import_file(write(tmp_path, "fw.csv", csv_bytes(EN_HEADER, [row(birth="２０１２年５月１日")])))
    assert report.ok and stored(session, report.imported[0])["birth_date"] == "2012-05-01"


_TEXT = st.one_of(
    st.text(st.characters(categories=("L", "N", "P", "S", "Zs")), max_size=20),  # mostly storable
    st.text(st.characters(categories=("L", "M", "N", "P", "S", "Z", "Cc", "Cf", "Cs", "Co")), max_size=30),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(_TEXT, min_size=1, max_size=3), note=_TEXT)
def test_property_json_rows_of_any_text_import_cleanly_or_change_nothing(session, tmp_path, names, note):
    items = [{"admitted_at": "2026-03-01 10:00", "arrival_mode": "self", "sex": "U", "estimated_age": "30",
              "age_basis": "目测", "name": n, "appearance": note} for n in names]
    path = write(tmp_path, "p.json", json.dumps(items).encode())  # ensure_ascii: lone surrogates as \udxxx
    before = counts(session)
    try:
        report = session.imports.import_file(path)
    except ImportFileError:
        event("file rejected")
        assert counts(session) == before
        return
    if not report.ok:
        event("rows rejected")
        assert counts(session) == before and report.imported == []
        return
    event("imported")
    assert counts(session)["cases"] == before["cases"] + len(names)
    for case_no, name in zip(report.imported, names):
        case = stored(session, case_no)
        assert case["name"] == validate_person_name(importer.reading._unprotect(name))
        assert case["appearance"] == validate_free_text(importer.reading._unprotect(note), "appearance", max_len=2000)
        for value in (case["name"], case["appearance"]):
            assert unicodedata.is_normalized("NFC", value)
            assert not any(unicodedata.category(c) == "Cs" or (unicodedata.category(c) == "Cc" and c not in "\n\t")
                           for c in value)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=st.binary(max_size=40))
def test_property_csv_cells_of_any_bytes_import_cleanly_or_change_nothing(session, tmp_path, cell):
    quoted = b'"' + cell.replace(b'"', b'""') + b'"'
    data = csv_bytes(EN_HEADER, [row("甲")]) + b"2026-03-01 10:00,self," + quoted + b",F,2010-01-01,,,\r\n"
    before = counts(session)
    try:
        report = session.imports.import_file(write(tmp_path, "p.csv", data))
    except ImportFileError as exc:
        event("file rejected")
        breaks = cell.count(b"\n") + cell.count(b"\r")  # a quoted cell may span lines
        assert counts(session) == before and (exc.line is None or 3 <= exc.line <= 3 + breaks)
        return
    event("imported" if report.ok else "rows rejected")
    if report.ok:
        assert counts(session)["cases"] == before["cases"] + 2
        name = stored(session, report.imported[1])["name"]
        assert name == validate_person_name(importer.reading._unprotect(cell.decode("utf-8")))
    else:
        assert counts(session) == before and {r for r, _f, _m in report.rejected} == {3}


def _understated_xlsx(path, rows: int, declared: str = "A1:C2") -> None:
    """A workbook whose sheet declares a smaller size (<dimension ref=…>) than it holds, as some tools write."""
    import re
    import zipfile as zf
    import xlsxwriter
    book = xlsxwriter.Workbook(str(path))
    ws = book.add_worksheet()
    for col, name in enumerate(["入站时间", "来站方式", "性别", "姓名", "估计年龄", "年龄依据"]):
        ws.write_string(0, col, name)
    for r in range(1, rows + 1):
        for col, value in enumerate([f"2026-02-{1 + r % 27:02d} 10:00", "自行来站", "女", f"测试{r}", "30", "目测"]):
            ws.write_string(r, col, value)
    book.close()
    with zf.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    parts[sheet] = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{declared}"/>'.encode(), parts[sheet])
    with zf.ZipFile(path, "w", zf.ZIP_DEFLATED) as dst:
        for name, data in parts.items():
            dst.writestr(name, data)


def test_xlsx_rows_beyond_the_declared_dimension_are_all_read(session, tmp_path):
    path = tmp_path / "understated.xlsx"
    _understated_xlsx(path, rows=10)
    report = session.imports.import_file(path)
    assert report.ok and report.rows == 10 and len(report.imported) == 10


def test_xlsx_row_limit_holds_whatever_the_sheet_declares(session, tmp_path, monkeypatch):
    monkeypatch.setattr(importer.reading, "MAX_ROWS", 5)
    path = tmp_path / "too-many.xlsx"
    _understated_xlsx(path, rows=8)
    with pytest.raises(ImportFileError, match="超过 5 行"):
        session.imports.import_file(path)
    assert session.cases.count(CaseQuery(status="all")) == 0


def test_an_import_that_fails_while_writing_is_audited_and_writes_nothing(session, tmp_path, monkeypatch):
    from victimcare.casework import record
    from victimcare.core.errors import StorageError

    def full_disk(self, batch):
        raise __import__("sqlcipher3").OperationalError("database or disk is full")

    monkeypatch.setattr(record.CaseWriter, "_insert_core", full_disk)
    path = tmp_path / "ok.xlsx"
    _understated_xlsx(path, rows=3, declared="A1:F4")
    with pytest.raises(StorageError):
        session.imports.import_file(path)
    assert session.cases.count(CaseQuery(status="all")) == 0
    [entry] = audit_imports(session)
    assert (entry["result"], entry["detail"], entry["record_count"]) == ("error", "failed", 3)
