"""The dossier renderer (victimcare.forms.dossier): the 卷内目录's page numbers are where the sections
start, every section has a bookmark, every page says 第 x 页 / 共 y 页 and carries the watermark, and a
cancel stops the render."""

import io
import re

import pytest
from pypdf import PdfReader

from victimcare.forms import dossier

EXT_B = "\U00020BB7"
MARK = dossier.Mark("zhanzhang", "站长/分管领导", "2026年12月2日 17:30", 4711)
COVER = dossier.Cover("测试救助站", "TS", "受助人员专门档案", "TS-2026-00001 受助人员专门档案（存档）", "TS-2026-00001",
                      "TS-ZM·2026-30-TS-2026-00001", "2026年8月1日至2026年12月2日", "30年")
NOTE = dossier.BackNote(["说明一"], "zhanzhang", "", "2026年12月2日")


def body(n: int, paragraphs: int):
    def make():
        st = dossier.styles()
        return [dossier.p(f"正文标题{n:02d}", st.heading)] + \
            [dossier.p(f"第{n}节第{i}段{EXT_B}" + "内容" * 60, st.body) for i in range(paragraphs)]
    return make


def sections(lengths):
    return [dossier.Section(f"文书{n:02d}", body(n, k), "测试救助站", "20260801") for n, k in enumerate(lengths)]


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def toc_rows(pages: list[str], count: int) -> list[tuple[int, int]]:
    """(页号, 页数) of each row of the 目录 (its pages are the second page on)."""
    lines = "\n".join(t for t in pages[1:] if "卷 内 目 录" in t).splitlines()
    rows = []
    for i in range(1, count + 1):
        start = lines.index(f"{i:04d}")
        end = lines.index(f"{i + 1:04d}") - 1 if i < count else next(
            n for n, line in enumerate(lines) if line.startswith("打印："))
        numbers = [int(x) for x in lines[start + 1:end] if x.isdigit() and len(x) < 8]
        rows.append((numbers[-2], numbers[-1]))
    return rows


@pytest.fixture(scope="module")
def rendered():
    lengths = [3, 25, 1, 60, 8, 12]
    return lengths, dossier.render_dossier(COVER, sections(lengths), NOTE, MARK)


def test_the_contents_list_gives_the_page_each_section_starts_on_and_its_length(rendered):
    lengths, pdf = rendered
    pages = texts(pdf)
    rows = toc_rows(pages, len(lengths))
    for n, (start, count) in enumerate(rows):
        heading = f"正文标题{n:02d}"
        assert heading in pages[start - 1], f"section {n} starts on page {start}"
        assert heading not in pages[start - 2]
        following = [i + 1 for i, t in enumerate(pages) if f"第{n}节" in t]
        assert (following[0], following[-1]) == (start, start + count - 1)
    assert rows[0][0] == 3, "cover and one page of 目录 come first"
    assert len(set(s for s, _ in rows)) == len(rows)


def test_every_section_has_a_bookmark_at_its_first_page(rendered):
    lengths, pdf = rendered
    reader = PdfReader(io.BytesIO(pdf))
    titles = [o["/Title"] for o in reader.outline]
    assert titles == ["封面", "卷内目录"] + [f"文书{n:02d}" for n in range(len(lengths))] + ["卷内备考表"]
    starts = [reader.get_destination_page_number(o) + 1 for o in reader.outline]
    assert starts[2:-1] == [s for s, _ in toc_rows(texts(pdf), len(lengths))]
    assert starts[0] == 1 and starts[-1] == len(reader.pages)


def test_every_page_is_numbered_of_the_total_and_carries_the_watermark(rendered):
    _lengths, pdf = rendered
    pages = texts(pdf)
    total = len(pages)
    assert total > 15
    for number, text in enumerate(pages, 1):
        assert f"第 {number} 页 / 共 {total} 页" in text
        assert re.search(r"审计序号 4711\b", text) and "内部资料 注意保密" in text and "zhanzhang" in text
    assert f"{total} 页" in pages[0], "the cover counts the pages"
    assert f"本卷共 6 件，{total} 页。" in pages[-1], "the 备考表 too"


def test_supplementary_plane_text_extracts_as_printed(rendered):
    _lengths, pdf = rendered
    assert f"第0节第0段{EXT_B}内容" in texts(pdf)[2].replace("\n", "")


def test_progress_reaches_the_end_and_a_cancel_stops_the_render():
    heard = []
    dossier.render_dossier(COVER, sections([2, 2]), NOTE, MARK, progress=lambda d, t: heard.append((d, t)))
    assert heard[-1][0] == heard[-1][1] and [d for d, _ in heard] == sorted(d for d, _ in heard)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 40

    with pytest.raises(dossier.RenderCancelled) as err:
        dossier.render_dossier(COVER, sections([30, 30]), NOTE, MARK, cancelled=cancelled)
    assert "已取消" in err.value.message
