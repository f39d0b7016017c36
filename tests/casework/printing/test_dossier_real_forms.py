"""The dossier with the real forms (printing/catalog.py) of a case with records in every step: the 目录's
page numbers are where each form starts, every section has its bookmark, every page has 第 x 页 / 共 y 页
and the watermark with this print's audit sequence number, every font is embedded, and the school copy
carries none of the case's sensitive values (text layer, raw and decompressed bytes)."""

import io

import pytest
from pypdf import PdfReader

import form_bundles as fb
from print_support import leaks, page_texts


@pytest.fixture(scope="module")
def printed(tmp_path_factory, vault_copier):
    from support import PASSWORD, SUPERVISOR, SignedIn
    from victimcare.core.clock import FakeClock
    vault, _code, _pw = vault_copier(tmp_path_factory.mktemp("dossier") / "vault", FakeClock())
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    try:
        case_id = fb.make_case(s)
        jobs = {p: s.printing.render_dossier(case_id, p) for p in ("archive", "school", "court", "family")}
        entries = {e["seq"]: e for e in s.session.run(s.session.audit_log.entries, limit=1000)}
    finally:
        s.close()
    return jobs, entries


def toc(pages: list[str]) -> list[tuple[str, int, int]]:
    """(题名, 页号, 页数) of each row of the 目录."""
    lines = "\n".join(t for t in pages[1:4] if "卷 内 目 录" in t.replace("\n", "")).splitlines()
    rows, i = [], 1
    while f"{i:04d}" in lines:
        start = lines.index(f"{i:04d}")
        end = lines.index(f"{i + 1:04d}") - 1 if f"{i + 1:04d}" in lines else next(
            n for n, line in enumerate(lines) if line.startswith("打印："))
        cells = lines[start + 1:end]
        numbers = [int(x) for x in cells if x.isdigit() and len(x) < 8]
        title = "".join(c for c in cells[1:] if not c.isdigit())
        rows.append((title, numbers[-2], numbers[-1]))
        i += 1
    return rows


def test_the_contents_pages_bookmarks_and_page_numbers_agree(printed):
    jobs, _entries = printed
    job = jobs["archive"]
    reader = PdfReader(io.BytesIO(job.pdf))
    pages = page_texts(job.pdf)
    rows = toc(pages)
    assert len(rows) >= 12, "every form with data, the timeline and the audit excerpt"
    outline = [(o["/Title"], reader.get_destination_page_number(o) + 1) for o in reader.outline]
    assert [t for t, _ in outline] == ["封面", "卷内目录"] + [t for t, _, _ in rows] + ["卷内备考表"]
    for (title, start, count), (_t, bookmark) in zip(rows, outline[2:]):
        assert bookmark == start, title
        heading = title.split(" ", 1)[1] if title[0] == "F" else title
        assert heading in pages[start - 1].replace("\n", ""), f"{title} starts on page {start}"
    ends = [s + c for _t, s, c in rows]
    assert ends == [s for _t, s, _c in rows[1:]] + [len(pages)], "each section runs until the next starts"
    for number, text in enumerate(pages, 1):
        assert f"第 {number} 页 / 共 {len(pages)} 页" in text


def test_every_page_carries_the_print_and_its_audit_entry(printed):
    jobs, entries = printed
    for profile, job in jobs.items():
        entry = entries[job.seq]
        assert (entry["action"], entry["purpose"], entry["detail"]) == ("print", profile, "dossier")
        assert entries[job.seq + 1]["file_hash"] == job.sha256
        for text in page_texts(job.pdf):
            assert f"审计序号 {job.seq} " in text and "内部资料 注意保密" in text and "zhanzhang" in text


def test_every_font_is_embedded(printed):
    jobs, _ = printed
    reader = PdfReader(io.BytesIO(jobs["archive"].pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font)["/FontDescriptor"]
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]


def test_the_school_copy_of_the_real_forms_carries_no_sensitive_value(printed):
    jobs, _ = printed
    i = fb.INTAKE
    sensitive = [fb.NAME, i["circumstances"][:40], i["health_check"], i["injuries_note"], i["found_circumstances"],
                 i["police_case_no"], "DNA-0001", "左臂擦伤", "拐卖儿童案", "测试母", "13800000000"]
    pdf = jobs["school"].pdf
    assert leaks(pdf, sensitive) == []  # (the ID number is inside the 学籍号, G + ID: a school field by rule)
    text = "".join(page_texts(pdf))
    assert "小花" in text and fb.PLACEMENT["school"] in text
    family = jobs["family"].pdf
    assert leaks(family, [i["circumstances"][:40], i["health_check"], "DNA-0001", "左臂擦伤", "拐卖儿童案"]) == []
