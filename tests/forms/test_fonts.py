"""Bundled fonts and per-character fallback for reportlab (victimcare.forms.fonts)."""

import io
import logging

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from victimcare.forms.fonts import (BODY, HANA_A, HANA_B, MONO, PLACEHOLDER, RARE, draw_string,
                                    font_runs, markup, paragraph_style, register_fonts,
                                    string_width)

EXT_B_JI = "\U00020BB7"  # 𠮷, a real surname character (the "吉" of 吉野家 with 土 on top)
EXT_B_FIRST = "\U00020000"  # 𠀀
EXT_A_FIRST = "\u3400"  # 㐀
UNMAPPED = "\U0010FFFD"  # plane-16 private use: no font has it


def pdf_fonts(pdf: bytes) -> dict[str, bool]:
    """BaseFont -> embedded?, for every font any page uses."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def test_register_fonts_is_idempotent():
    first = register_fonts()
    assert first == register_fonts()
    assert set(first) == {BODY, MONO, HANA_A, HANA_B, RARE}
    for name in first:
        assert pdfmetrics.getFont(name).fontName == name


def test_ext_b_comes_from_hanamin_b():
    assert font_runs(EXT_B_JI) == [(HANA_B, EXT_B_JI)]
    assert font_runs(EXT_B_FIRST) == [(HANA_B, EXT_B_FIRST)]
    # HanaMinA has both glyphs too, but Ext-B is drawn from the face made for it.
    assert font_runs(f"张{EXT_B_JI}{EXT_B_FIRST}A") == [
        (BODY, "张"), (HANA_B, EXT_B_JI + EXT_B_FIRST), (BODY, "A")]


def test_ascii_and_common_hanzi_use_the_body_font():
    text = "Case 2026-001：常用字，“引号”…… 第 3 页"
    assert font_runs(text) == [(BODY, text)]


def test_ext_a_comes_from_hanamin_a():
    assert font_runs(f"a{EXT_A_FIRST}b") == [(BODY, "a"), (HANA_A, EXT_A_FIRST), (BODY, "b")]


def test_mono_base_keeps_the_chain():
    assert font_runs(f"AB12{EXT_B_JI}", base=MONO) == [(MONO, "AB12"), (HANA_B, EXT_B_JI)]


def test_markup_escapes_and_wraps_fallback_runs():
    assert markup("<b>&") == "&lt;b&gt;&amp;"
    assert markup(f"a<{EXT_B_JI}>") == f'a&lt;<font name="{HANA_B}">{EXT_B_JI}</font>&gt;'


def test_unmapped_code_point_is_a_visible_placeholder_and_logged_without_text(caplog):
    with caplog.at_level(logging.WARNING, logger="victimcare.forms.fonts"):
        runs = font_runs(f"秘密姓名{UNMAPPED}")
    assert runs == [(BODY, f"秘密姓名{PLACEHOLDER}")]
    assert "U+10FFFD" in caplog.text
    assert "秘密" not in caplog.text and "姓名" not in caplog.text


def test_invisible_characters_are_dropped_and_whitespace_becomes_space(caplog):
    with caplog.at_level(logging.WARNING, logger="victimcare.forms.fonts"):
        runs = font_runs("a\u2068b\u2069\u200d\ufeffc\u202e\n\td \ufe0f")
    assert runs == [(BODY, "abc  d ")]  # a selector after a space has nothing to select
    assert caplog.text == ""  # no placeholder, nothing to report


def test_tounicode_cmap_writes_surrogate_pairs():
    register_fonts()
    cmap = ttfonts.makeToUnicodeCMap("X", [0x41, 0x20BB7])
    assert "<01> <D842DFB7>" in cmap
    assert "<00> <0041>" in cmap


def test_draw_string_embeds_every_font_and_extracts_back():
    register_fonts()  # before the Canvas: its initial font must already exist
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=BODY)
    text = f"页眉 Header {EXT_A_FIRST}{EXT_B_JI}"
    width = draw_string(canvas, 300, 700, text, 10, align="centre")
    canvas.save()
    pdf = buf.getvalue()

    assert width == string_width(text, 10) > 0
    extracted = "".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert extracted == "".join(text.split())
    fonts = pdf_fonts(pdf)
    assert len(fonts) == 3 and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)


def test_paragraph_with_bold_markup_builds():
    # reportlab has no synthetic bold: <b> must map to the same face rather than fail.
    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, initialFontName=BODY)
    style = paragraph_style("t", 12)
    doc.build([Paragraph(f"<b>{markup(f'粗体{EXT_B_JI}<i>')}</b>", style)])
    extracted = PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text()
    assert f"粗体{EXT_B_JI}<i>" in "".join(extracted.split())
    assert not any("Helvetica" in name for name in pdf_fonts(buf.getvalue()))
