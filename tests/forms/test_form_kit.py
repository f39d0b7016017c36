"""The forms kit (victimcare/forms/kit.py, pages.py): empty boxes never print "None", dates in Chinese form,
long text flows onto later pages with nothing clipped, the continued title and 编号 on later pages,
第 x 页 / 共 y 页 on every page, the watermark, neutral metadata and every font embedded."""

import io
import re
import shutil
from datetime import datetime

import pytest
from pypdf import PdfReader

from form_bundles import EXT_B, LONG_TEXT, body, poppler_text, pypdf_pages, squeezed, unembedded_fonts
from victimcare.domain.fields import CHOICE, DATE, DATETIME, FLAG, Field
from victimcare.forms import kit
from victimcare.forms.pages import build_pdf

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
CTX = kit.FormContext(station="测试救助站", user="tester", printed_at=datetime(2026, 12, 2, 10, 0))
BUNDLE = {"station": {"name": f"测试{EXT_B}救助站"}, "case": {"case_no": "TS-2026-00042"}}


def sample(rows, bundle=BUNDLE, ctx=CTX, title="测试登记表") -> bytes:
    return build_pdf([*kit.form_head(title, bundle, ctx), *kit.grid(rows), kit.gap(), kit.signature_block()], ctx)


def test_dates_are_in_chinese_form_and_empty_stays_empty():
    assert kit.cn_date("2026-12-02") == "2026年12月2日"
    assert kit.cn_date("2026-03-01T14:30") == "2026年3月1日"
    assert kit.cn_datetime("2026-03-01T14:30") == "2026年3月1日 14:30"
    assert kit.cn_datetime("2026-03-01") == "2026年3月1日"
    for empty in (None, ""):
        assert kit.cn_date(empty) == kit.cn_datetime(empty) == kit.text(empty) == kit.flag(empty) == ""


def test_field_values_are_worded():
    choice = Field("m", "方式", "Mode", CHOICE, choices=(("home", "入户", "Home"),))
    assert kit.shown(choice, "home") == "入户"
    assert kit.shown(Field("d", "日期", "Date", DATE), "2026-08-25") == "2026年8月25日"
    assert kit.shown(Field("t", "时间", "At", DATETIME), "2026-08-25T09:05") == "2026年8月25日 09:05"
    assert kit.shown(Field("f", "标记", "Flag", FLAG), True) == "是"
    assert kit.shown(Field("f", "标记", "Flag", FLAG), False) == "否"
    assert kit.shown(choice, None) == ""


def test_missing_values_print_empty_boxes_never_none():
    pdf = sample([kit.pairs(("姓名", None), ("性别", "")), kit.wide("备注", None, lines=3)], bundle=None)
    text = "".join(pypdf_pages(pdf))
    assert "None" not in text and "姓名" in text and "备注" in text
    assert "编号" in text  # the line is there, its value blank


def test_head_shows_station_and_case_number():
    text = "".join(pypdf_pages(sample([kit.pairs(("姓名", "测试甲"), ("性别", "女"))])))
    assert f"机构名称：测试{EXT_B}救助站" in text
    assert "编号：TS-2026-00042" in text
    assert "经办人（签字）" in text and "审核人（签字）" in text and "日期" in text


def test_long_text_flows_onto_later_pages_with_nothing_clipped():
    pdf = sample([kit.pairs(("姓名", "测试甲"), ("性别", "女")), kit.wide("情况说明", LONG_TEXT),
                  kit.wide("备注", "结尾标记ZZ")])
    pages = pypdf_pages(pdf)
    assert len(pages) >= 2
    text = body(pages)
    assert squeezed(LONG_TEXT) in text, "every sentence of the long text is on some page"
    assert text.index("第0200句") < text.index("结尾标记ZZ"), "the rows after it follow it"


def test_later_pages_carry_the_continued_title_and_number_and_every_page_its_count():
    pdf = sample([kit.wide("情况说明", LONG_TEXT)])
    pages = pypdf_pages(pdf)
    total = len(pages)
    assert total >= 2
    for number, page in enumerate(pages, start=1):
        assert re.search(rf"第 ?{number} ?页 ?/ ?共 ?{total} ?页", page), page[-80:]
        if number > 1:
            assert "测试登记表（续）" in page and "编号：TS-2026-00042" in page
    assert "（续）" not in pages[0]


def test_list_tables_repeat_their_header_on_every_page():
    rows = [[f"2026-08-{d % 28 + 1:02d}", f"第{d}条记录"] for d in range(120)]
    story = [*kit.form_head("服务记录", BUNDLE, CTX), kit.list_table(["日期", "服务内容"], rows, [30, 126])]
    pages = pypdf_pages(build_pdf(story, CTX))
    assert len(pages) >= 2
    for page in pages:
        assert "日期" in page and "服务内容" in page, "the header row is on every page"
    assert squeezed("".join(f"2026-08-{d % 28 + 1:02d}第{d}条记录" for d in range(120))) in body(pages).replace("日期服务内容", "")


def test_the_watermark_is_on_every_page_and_light():
    ctx = kit.FormContext(station="测试救助站", user="tester", watermark="内部资料 注意保密 tester 审计号 17")
    pages = pypdf_pages(sample([kit.wide("情况说明", LONG_TEXT)], ctx=ctx))
    assert all("审计号 17" in page for page in pages)
    assert "审计号" not in "".join(pypdf_pages(sample([kit.wide("情况说明", "短")])))


def test_metadata_is_neutral_and_every_font_is_embedded():
    pdf = sample([kit.pairs(("姓名", f"{EXT_B}测试"), ("性别", "女"))])
    meta = PdfReader(io.BytesIO(pdf)).metadata
    for key in ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer"):
        assert meta.get(key, "") == ""
    assert unembedded_fonts(pdf) == []
    assert b"Helvetica" not in pdf


@needs_poppler
def test_poppler_reads_the_same_text():
    pdf = sample([kit.pairs(("姓名", f"{EXT_B}测试"), ("性别", "女")), kit.wide("情况说明", LONG_TEXT)])
    text = poppler_text(pdf)
    assert f"{EXT_B}测试" in text
    assert squeezed(LONG_TEXT) in body(text.split("\f"))


def test_a_landscape_ledger_page():
    story = [*kit.form_head("台账", BUNDLE, CTX, width=kit.LANDSCAPE_WIDTH),
             kit.list_table(["序号", "化名"], [["1", "小花"]], [10, 40], width=kit.LANDSCAPE_WIDTH, blank_rows=3)]
    pdf = build_pdf(story, CTX, landscape=True)
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert "第 1 页 / 共 1 页" in pypdf_pages(pdf)[0]


def test_a_blank_record_offers_its_choices_to_tick():
    from victimcare.casework.steps.followup.rules import KINDS
    rows = kit.record_rows(KINDS[0], None, blank=True)
    text = "".join(pypdf_pages(sample(rows, bundle=None)))
    assert "□入户" in text and "□电话" in text and "□较好" in text and "□是 □否" in text
    filled = kit.record_rows(KINDS[0], {"mode": "home", "guardianship": "good", "risk": False})
    text = "".join(pypdf_pages(sample(filled)))
    assert "入户" in text and "□" not in text
