"""The PDF text layer gives back exactly the code points printed: characters of every plane
(Ext-B … Ext-J), ideographic variation sequences, middle dots; every font is embedded.

Checked with two extractors that read ToUnicode differently: pypdf and poppler's pdftotext.
"""

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from victimcare.forms.fonts import (BODY, HANA_A, RARE, draw_string, font_runs, markup,
                                    paragraph_style, register_fonts)
from victimcare.forms.variation import is_stand_in

EXT_B, EXT_G, EXT_H, EXT_I, EXT_J = "\U00020BB7", "\U00030EDD", "\U00031C7F", "\U0002EBF0", "\U000323B0"
GE_IVS = "\u845b\U000E0100"  # 葛 with an IVD selector (HanaMinA has a variant glyph for it)
RARE_IVS = "\U00030000\ufe00"  # a selector the font has no variant for: the base glyph is drawn
# A synthetic name: surname with an Ext-B character, a middle dot as in transliterated names.
NAME = f"{EXT_B}{GE_IVS}·{EXT_G}{EXT_H}{EXT_I}{EXT_J}・玛丽•〇{RARE_IVS}"

pdftotext = shutil.which("pdftotext")


def pdf_of_lines(lines: list[str]) -> bytes:
    register_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=BODY)
    y = 800
    for line in lines:
        draw_string(canvas, 40, y, line, 11)
        y -= 16
        if y < 40:
            canvas.showPage()
            y = 800
    canvas.save()
    return buf.getvalue()


def pypdf_lines(pdf: bytes) -> list[str]:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return [line for line in text.splitlines() if line.strip()]


def poppler_lines(pdf: bytes) -> list[str]:
    out = subprocess.run([pdftotext, "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True,
                         check=True).stdout.decode("utf-8")
    return [line for line in out.replace("\f", "\n").splitlines() if line.strip()]


def embedded_fonts(pdf: bytes) -> dict[str, bool]:
    fonts: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = descriptor is not None and any(
                k in descriptor.get_object() for k in ("/FontFile2", "/FontFile3"))
    return fonts


def test_variation_sequence_is_one_glyph_from_the_font_with_the_variant():
    # The body font has 葛 but no variants; HanaMinA's cmap 14 has 葛 + U+E0100.
    (body, zhang), (font, chunk) = font_runs(f"张{GE_IVS}")
    assert (body, zhang) == (BODY, "张")
    assert font == HANA_A and len(chunk) == 1 and is_stand_in(ord(chunk))
    # U+E0101 is HanaMinA's default form of 葛: no font has a variant, the body font draws it.
    (font, chunk), = font_runs("张\u845b\U000E0101")
    assert font == BODY and len(chunk) == 2 and is_stand_in(ord(chunk[1]))
    (font, chunk), = font_runs(RARE_IVS)
    assert font == RARE and len(chunk) == 1 and is_stand_in(ord(chunk))


def test_name_extracts_exactly_with_pypdf():
    pdf = pdf_of_lines([NAME])
    assert pypdf_lines(pdf) == [NAME]


@pytest.mark.skipif(pdftotext is None, reason="poppler-utils not installed")
def test_name_extracts_exactly_with_pdftotext():
    pdf = pdf_of_lines([NAME])
    assert [line.rstrip() for line in poppler_lines(pdf)] == [NAME]


def test_paragraph_markup_extracts_exactly_and_embeds_every_font():
    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, initialFontName=BODY)
    doc.build([Paragraph(markup(NAME), paragraph_style("name", 12))])
    pdf = buf.getvalue()
    assert pypdf_lines(pdf) == [NAME]
    fonts = embedded_fonts(pdf)
    assert len(fonts) >= 3 and all(fonts.values()), fonts
    assert not any("Helvetica" in name for name in fonts)


def test_more_than_256_glyphs_of_one_font_across_planes():
    # reportlab splits a font into 256-code subsets, each with its own ToUnicode CMap.
    ext_g = [chr(0x30000 + i) for i in range(300)]
    ext_a = [chr(0x3400 + i) for i in range(300)]
    lines = ["".join(ext_g[i:i + 30]) for i in range(0, 300, 30)]
    lines += ["".join(ext_a[i:i + 30]) for i in range(0, 300, 30)]
    pdf = pdf_of_lines(lines)
    fonts = embedded_fonts(pdf)
    assert sum(RARE_NAME in name for name in fonts) >= 2  # really split into subsets
    assert all(fonts.values()), fonts
    assert pypdf_lines(pdf) == lines
    if pdftotext:
        assert [line.rstrip() for line in poppler_lines(pdf)] == lines
    assert {font for line in lines for font, _ in font_runs(line)} == {RARE, HANA_A}


RARE_NAME = "JigmoRare"


def test_canvas_font_is_the_callers_after_draw_string():
    register_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=BODY)
    canvas.setFont(BODY, 10)
    draw_string(canvas, 40, 700, EXT_G, 10)  # ends in Jigmo Rare, which has no Latin letters
    canvas.drawString(40, 680, "Page 1")
    canvas.save()
    assert pypdf_lines(buf.getvalue()) == [EXT_G, "Page 1"]
