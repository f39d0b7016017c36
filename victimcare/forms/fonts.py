"""Bundled fonts for reportlab, with per-character fallback for rare hanzi.

reportlab has no glyph fallback: a character missing from the current font prints as a blank.
So we walk the text by code point and pick the first font in a chain that has the glyph:

    BMP:           base -> VC-Body (WenQuanYi Micro Hei) -> VC-HanaA (HanaMinA) -> VC-HanaB -> VC-Rare
    other planes:  base -> VC-Body -> VC-HanaB (HanaMinB) -> VC-HanaA -> VC-Rare (Jigmo Rare)

``base`` is the paragraph's own font: VC-Body, VC-Mono, or an official Windows font
(``use_official_fonts``). Jigmo Rare holds only what the others lack (Ext-G, H, I, J and later
additions to the older blocks), so together they cover every CJK ideograph of Unicode 17.

HanaMinA also carries ~2.9k Ext-B glyphs, but HanaMinB is the font made for Ext-B, so a rare name
draws all its Ext-B characters from one face; HanaMinA is only a last resort there (it has some
non-CJK supplementary symbols that HanaMinB lacks). HanaMin A/B and Jigmo Rare may be an optional
installer component: without them those characters print as a visible placeholder and their code points
are logged. We never log the surrounding text: it is personal data.

No Qt here (the UI side is ``victimcare.ui.fonts``).
"""

from __future__ import annotations

import logging
import re
import threading
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Literal
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from victimcare.core.resources import resource_path
from victimcare.forms import variation
from victimcare.forms.official_fonts import FANGSONG, SIMHEI, SIMSUN, find_official_fonts

log = logging.getLogger(__name__)

BODY = "VC-Body"  # WenQuanYi Micro Hei: body and titles, has ASCII and all of GBK
MONO = "VC-Mono"  # WenQuanYi Micro Hei Mono (same .ttc): codes that are read out or typed back
HANA_A = "VC-HanaA"  # HanaMinA: Ext-A and the rest of the URO
HANA_B = "VC-HanaB"  # HanaMinB: Ext-B … Ext-F
RARE = "VC-Rare"  # Jigmo Rare: Ext-G … Ext-J and what Unicode added to older blocks after 10.0
PLACEHOLDER = "\u25a1"  # □: shown for a code point no bundled font covers, never a silent blank

# (reportlab name, file in resources/fonts, subfont index, required)
_FONT_FILES: tuple[tuple[str, str, int, bool], ...] = (
    (BODY, "wqy-microhei.ttc", 0, True),
    (MONO, "wqy-microhei.ttc", 1, True),
    (HANA_A, "HanaMinA.ttf", 0, False),
    (HANA_B, "HanaMinB.ttf", 0, False),
    (RARE, "jigmo-rare.ttf", 0, False),
)
_FALLBACK_BMP = (BODY, HANA_A, HANA_B, RARE)
_FALLBACK_SUPPLEMENTARY = (BODY, HANA_B, HANA_A, RARE)

_lock = threading.Lock()
_registered: tuple[str, ...] | None = None
_official: dict[str, str] = {}  # role ("body", "heading") -> registered official font, when chosen
_official_files: dict[str, Path] = {}  # official font name -> the file it was registered from

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
                _register(name, path, index)
                names.append(name)
            _registered = tuple(names)
            _font_for.cache_clear()
        return _registered


def _register(name: str, path: Path, index: int) -> None:
    pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    # reportlab has no synthetic bold/italic and <b> fails on an unmapped family,
    # so map every style to the same face.
    pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)


def use_official_fonts(enabled: bool, folder: Path | None = None) -> bool:
    """Set the form font: the official Windows fonts (仿宋 body, 黑体 headings, 宋体 where 仿宋 is
    missing) when ``enabled`` and installed, else the bundled ones. Returns whether official
    fonts are now in use. ``folder`` is for tests (default: %WINDIR%\\Fonts on Windows only).

    The caller sets it from the station setting before rendering; a document already being
    built keeps the fonts it started with only if nothing changes it meanwhile, so set it
    between prints."""
    register_fonts()
    chosen: dict[str, str] = {}
    if enabled:
        found = find_official_fonts(folder)
        for font, path in found.items():
            try:
                if _official_files.get(font.name) != path:
                    _register(font.name, path, font.index)
                    _official_files[font.name] = path
            except Exception as exc:  # a damaged or unusual system font: fall back, never fail a print
                log.warning("official font %s could not be loaded (%s); using bundled fonts",
                            font.file, type(exc).__name__)
                found = {f: p for f, p in found.items() if f != font}
        names = {font.file: font.name for font in found}
        body = names.get(FANGSONG.file) or names.get(SIMSUN.file)
        if body:
            chosen = {"body": body, "heading": names.get(SIMHEI.file, body)}
    with _lock:
        _official.clear()
        _official.update(chosen)
        _font_for.cache_clear()
    return bool(chosen)


def body_font() -> str:
    """The font for form text: 仿宋 (or 宋体) when official fonts are in use, else ``BODY``."""
    return _official.get("body", BODY)


def heading_font() -> str:
    """The font for titles and headings: 黑体 when official fonts are in use, else ``BODY``."""
    return _official.get("heading", BODY)


@lru_cache(maxsize=16384)
def _font_for(cp: int, base: str) -> str | None:
    """First registered font in the chain for ``base`` that has a glyph for code point ``cp``."""
    if variation.is_stand_in(cp):
        return None  # a typed private-use character of plane 16: we cannot know what it means
    usable = set(_registered or ()) | set(_official.values())
    fallback = _FALLBACK_SUPPLEMENTARY if cp > 0xFFFF else _FALLBACK_BMP
    for name in (base, *fallback):
        if name in usable and cp in pdfmetrics.getFont(name).face.charToGlyph:
            return name
    return None


def _is_invisible(ch: str) -> bool:
    """Controls and format characters (bidi isolates, ZWJ, BOM, soft hyphen) and a variation
    selector with no ideograph before it have no visible form; a PDF has no use for them, so we
    drop them instead of printing a placeholder."""
    return unicodedata.category(ch) in ("Cc", "Cf") or variation.is_selector(ord(ch))


def font_runs(text: str, base: str = BODY) -> list[tuple[str, str]]:
    """Split ``text`` into ``(font_name, substring)`` runs, each drawable in that font.

    Python strings index code points, so an Ext-B character is one item here. Whitespace
    becomes a plain space (a PDF line has no newlines or tabs). A code point no font covers
    becomes ``PLACEHOLDER`` in ``base`` and its code point (only) is logged. An ideograph followed
    by a variation selector becomes one stand-in character (``variation``) that draws the variant
    glyph where the font has it and extracts as both code points.
    """
    register_fonts()
    runs: list[tuple[str, list[str]]] = []
    missing: set[int] = set()
    for ch in text:
        cp = ord(ch)
        if variation.is_selector(cp) and runs and _fold_selector(runs, cp, base):
            continue
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


def _fold_selector(runs: list[tuple[str, list[str]]], selector: int, base_font: str) -> bool:
    """Replace the last character of ``runs`` and the ``selector`` after it by one stand-in
    (in place), drawn from the first font of the chain with a variant glyph for the sequence, else
    from the base character's own font. False when there is no drawable character to select."""
    font, chars = runs[-1]
    base = ord(chars[-1])
    if base == ord(PLACEHOLDER) or variation.is_stand_in(base) or chars[-1].isspace():
        return False
    usable = set(_registered or ()) | set(_official.values())
    fallback = _FALLBACK_SUPPLEMENTARY if base > 0xFFFF else _FALLBACK_BMP
    target = next((name for name in (base_font, *fallback) if name in usable
                   and base in (face := pdfmetrics.getFont(name).face).charToGlyph
                   and variation.has_variant(face, base, selector)), font)
    code = variation.stand_in(pdfmetrics.getFont(target).face, base, selector)
    if target == font:
        chars[-1] = code
        return True
    chars.pop()
    if not chars:
        runs.pop()
    if runs and runs[-1][0] == target:
        runs[-1][1].append(code)
    else:
        runs.append((target, [code]))
    return True


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

    ``x`` is the left edge, the centre or the right edge depending on ``align``. The canvas's
    font is restored afterwards, so callers keep their own state.
    """
    runs = font_runs(text, base)
    widths = [pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs]
    total = sum(widths)
    if align == "centre":
        x -= total / 2
    elif align == "right":
        x -= total
    # One text object for the whole line: extractors (pypdf) break lines between text objects.
    # q/Q around it: the PDF keeps the last Tf after ET, and the canvas would not know.
    canvas.saveState()
    text = canvas.beginText(x, y)
    for font, chunk in runs:
        text.setFont(font, size)
        text.textOut(chunk)
    canvas.drawText(text)
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
# PDF 32000-1 §9.10.3 wants the surrogate pair <D842DFB7>. We rewrite every target above the BMP
# (each subset of 256 codes has its own CMap, all made here), and a variation sequence's stand-in
# becomes its two code points.
_BFCHAR = re.compile(r"^(<[0-9A-F]{2}>) <([0-9A-F]{5,6})>$", re.MULTILINE)


def _as_utf16(match: re.Match[str]) -> str:
    cp = int(match.group(2), 16)
    sequence = variation.sequence_of(cp) or (cp,)
    utf16 = "".join(chr(c) for c in sequence).encode("utf-16-be").hex().upper()
    return f"{match.group(1)} <{utf16}>"


def _fix_tounicode_for_supplementary_planes() -> None:
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_vc_fixed", False):
        return
    if "<20BB7>" not in original("probe", [0x20BB7]):
        raise RuntimeError("reportlab's ToUnicode output changed: check the fix in forms/fonts.py")

    def make_tounicode_cmap(fontname: str, subset: list[int]) -> str:
        return _BFCHAR.sub(_as_utf16, original(fontname, subset))

    make_tounicode_cmap._vc_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make_tounicode_cmap  # addObjects looks it up as a module global
