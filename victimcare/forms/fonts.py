"""Bundled fonts for reportlab, with per-character fallback for rare hanzi.

reportlab has no glyph fallback: a character missing from the current font prints as a blank.
So we walk the text by code point and pick the first font in a chain that has the glyph:

    BMP:           VC-Body (WenQuanYi Micro Hei) -> VC-HanaA (HanaMinA) -> VC-HanaB (HanaMinB)
    other planes:  VC-Body -> VC-HanaB -> VC-HanaA

HanaMinA also carries ~2.9k Ext-B glyphs, but HanaMinB is the font made for Ext-B, so a rare name
draws all its Ext-B characters from one face; HanaMinA is only a last resort there (it has some
non-CJK supplementary symbols that HanaMinB lacks). HanaMin A/B may be an optional installer
component: without them those characters print as a visible placeholder and their code points
are logged. We never log the surrounding text: it is personal data.

No Qt here (the UI side is ``victimcare.ui.fonts``).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from victimcare.core.resources import resource_path

log = logging.getLogger(__name__)

BODY = "VC-Body"  # WenQuanYi Micro Hei: body and titles, has ASCII and all of GBK
MONO = "VC-Mono"  # WenQuanYi Micro Hei Mono (same .ttc): codes that are read out or typed back
HANA_A = "VC-HanaA"  # HanaMinA: Ext-A and the rest of the URO
HANA_B = "VC-HanaB"  # HanaMinB: Ext-B and later supplementary-plane hanzi
PLACEHOLDER = "\u25a1"  # □: shown for a code point no bundled font covers, never a silent blank

# (reportlab name, file in resources/fonts, subfont index, required)
_FONT_FILES: tuple[tuple[str, str, int, bool], ...] = (
    (BODY, "wqy-microhei.ttc", 0, True),
    (MONO, "wqy-microhei.ttc", 1, True),
    (HANA_A, "HanaMinA.ttf", 0, False),
    (HANA_B, "HanaMinB.ttf", 0, False),
)
_FALLBACK_BMP = (HANA_A, HANA_B)
_FALLBACK_SUPPLEMENTARY = (HANA_B, HANA_A)

_lock = threading.Lock()
_registered: tuple[str, ...] | None = None

Align = Literal["left", "centre", "right"]


def register_fonts() -> tuple[str, ...]:
    """Register the bundled fonts with reportlab once per process; return the names registered.

    Safe to call from any thread and as often as you like (dossiers build in a worker thread).
    """
    global _registered
    with _lock:
        if _registered is None:
            _fix_tounicode_for_supplementary_planes()
            names: list[str] = []
            for name, filename, index, required in _FONT_FILES:
                path = resource_path("fonts", filename)
                if not path.is_file():
                    if required:
                        raise FileNotFoundError(f"bundled font missing: {path}")
                    log.warning("optional font %s is not installed; rare hanzi will print as %s",
                                filename, PLACEHOLDER)
                    continue
                pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
                # reportlab has no synthetic bold/italic and <b> fails on an unmapped family,
                # so map every style to the same face.
                pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name,
                                              boldItalic=name)
                names.append(name)
            _registered = tuple(names)
            _font_for.cache_clear()
        return _registered


@lru_cache(maxsize=16384)
def _font_for(cp: int, base: str) -> str | None:
    """First registered font in the chain for ``base`` that has a glyph for code point ``cp``."""
    registered = _registered or ()
    fallback = _FALLBACK_SUPPLEMENTARY if cp > 0xFFFF else _FALLBACK_BMP
    for name in (base, *fallback):
        if name in registered and cp in pdfmetrics.getFont(name).face.charToGlyph:
            return name
    return None


def _is_invisible(ch: str) -> bool:
    """Controls, format characters (bidi isolates, ZWJ, BOM, soft hyphen) and variation
    selectors have no visible form; a PDF has no use for them, so we drop them instead of
    printing a placeholder."""
    cp = ord(ch)
    return (unicodedata.category(ch) in ("Cc", "Cf")
            or 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF)


def font_runs(text: str, base: str = BODY) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font_name, substring)`` runs, each drawable in that font.

    Python strings index code points, so an Ext-B character is one item here. Whitespace
    becomes a plain space (a PDF line has no newlines or tabs). A code point no font covers
    becomes ``PLACEHOLDER`` in ``base`` and its code point (only) is logged.
    """
    register_fonts()
    runs: list[tuple[str, list[str]]] = []
    missing: set[int] = set()
    for ch in text:
        cp = ord(ch)
        if ch.isspace():
            font = _font_for(cp, base) if unicodedata.category(ch) == "Zs" else None
            if font is None:
                font, ch = base, " "
        elif _is_invisible(ch):
            continue
        else:
            font = _font_for(cp, base)
            if font is None:
                missing.add(cp)
                font, ch = base, PLACEHOLDER
        if runs and runs[-1][0] == font:
            runs[-1][1].append(ch)
        else:
            runs.append((font, [ch]))
    for cp in sorted(missing):
        log.warning("no bundled font has a glyph for U+%04X; printed as U+25A1", cp)
    return [(font, "".join(chars)) for font, chars in runs]


def markup(text: str, base: str = BODY) -> str:
    """Paragraph markup for plain ``text``: XML-escaped, with ``<font name=…>`` around runs the
    paragraph's own font (``base``) cannot draw. Use it for every user-supplied string."""
    parts: list[str] = []
    for font, chunk in font_runs(text, base):
        chunk = escape(chunk)
        parts.append(chunk if font == base else f'<font name="{font}">{chunk}</font>')
    return "".join(parts)


def string_width(text: str, size: float, base: str = BODY) -> float:
    """Width in points of ``text`` as ``draw_string`` would draw it."""
    return sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in font_runs(text, base))


def draw_string(canvas: Canvas, x: float, y: float, text: str, size: float, *,
                align: Align = "left", base: str = BODY) -> float:
    """Draw one line of mixed-font text (headers, footers, watermarks); return its width.

    ``x`` is the left edge, the centre or the right edge depending on ``align``. The canvas
    font is restored afterwards, so callers keep their own state.
    """
    runs = font_runs(text, base)
    widths = [pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs]
    total = sum(widths)
    if align == "centre":
        x -= total / 2
    elif align == "right":
        x -= total
    canvas.saveState()
    for (font, chunk), width in zip(runs, widths):
        canvas.setFont(font, size)
        canvas.drawString(x, y, chunk)
        x += width
    canvas.restoreState()
    return total


def paragraph_style(name: str, size: float, *, leading: float | None = None, base: str = BODY,
                    **kwargs: object) -> ParagraphStyle:
    """A ParagraphStyle on a bundled font (the reportlab default is the non-embedded Helvetica,
    bullets included) with CJK line breaking."""
    register_fonts()
    return ParagraphStyle(name, fontName=base, bulletFontName=base, fontSize=size,
                          leading=leading if leading is not None else size * 1.5,
                          wordWrap="CJK", **kwargs)


# --- reportlab ToUnicode fix --------------------------------------------------------------
# reportlab 5.1.0 writes ToUnicode bfchar targets with "%04X", so U+20BB7 comes out as the
# five-digit <20BB7>. That is not UTF-16BE: pypdf and viewers extract garbage for Ext-B names.
# PDF 32000-1 §9.10.3 wants the surrogate pair <D842DFB7>. We rewrite only those entries.
_NON_BMP_BFCHAR = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)


def _as_utf16_pair(match: re.Match[str]) -> str:
    utf16 = chr(int(match.group(2), 16)).encode("utf-16-be").hex().upper()
    return f"{match.group(1)} <{utf16}>"


def _fix_tounicode_for_supplementary_planes() -> None:
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_vc_fixed", False):
        return
    if "<20BB7>" not in original("probe", [0x20BB7]):
        return  # a later reportlab writes it correctly: leave it alone

    def make_tounicode_cmap(fontname: str, subset: list[int]) -> str:
        return _NON_BMP_BFCHAR.sub(_as_utf16_pair, original(fontname, subset))

    make_tounicode_cmap._vc_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_tounicode_cmap  # addObjects looks it up as a module global
