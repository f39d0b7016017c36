"""Build resources/fonts/jigmo-rare.ttf: the Jigmo glyphs the other bundled fonts lack.

WenQuanYi Micro Hei and HanaMin A/B (2017) stop at Unicode 10: they miss Ext-G, H, I, J and a few
dozen ideographs added to the older blocks since. Jigmo (Kamichi Koichi, CC0 1.0, version
2025-09-12, Unicode 17) has them all. The whole of Jigmo is ~100 MB; we keep only the ideographs of
the CJK blocks that no other bundled font has, so the file stays small (~14,000 glyphs).

Input: a folder of Jigmo files, either the release's Jigmo*.ttf or the 256-code-point woff2 chunks
of the Jigmo webfont build (``jigmo-XXXXXX.woff2``, fontTools subsets of the same release). Run it
with any Python that has fontTools (and brotli for woff2); neither is needed by the app itself:

    python tools/build_rare_font.py JIGMO_DIR [resources/fonts/jigmo-rare.ttf]

Hinting and vertical metrics are dropped (reportlab and Qt do not use them here). The result is
checked: every code point wanted is mapped, and reportlab can load it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = ROOT / "resources" / "fonts"
FAMILY = "Jigmo Rare"

# The CJK ideograph blocks of Unicode 17 (Blocks.txt), whole: a code point Jigmo lacks is skipped.
IDEOGRAPH_BLOCKS = (
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F), (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0x2CEB0, 0x2EBEF),
    (0x2EBF0, 0x2EE5F), (0x2F800, 0x2FA1F), (0x30000, 0x3134F), (0x31350, 0x323AF),
    (0x323B0, 0x3347F),
)
OTHER_BUNDLED = ("wqy-microhei.ttc", "HanaMinA.ttf", "HanaMinB.ttf")


def bundled_coverage() -> set[int]:
    covered: set[int] = set()
    for name in OTHER_BUNDLED:
        path = FONTS / name
        fonts = TTCollection(str(path)).fonts if name.endswith(".ttc") else [TTFont(str(path))]
        for font in fonts:
            covered |= set(font.getBestCmap())
    return covered


def jigmo_sources(folder: Path) -> list[TTFont]:
    files = sorted(folder.glob("Jigmo*.ttf")) or sorted(folder.glob("jigmo-[0-9a-f]*.woff2"))
    if not files:
        raise SystemExit(f"no Jigmo*.ttf or jigmo-XXXXXX.woff2 in {folder}")
    return [TTFont(str(f)) for f in files]


def build(jigmo_dir: Path, out: Path) -> int:
    covered = bundled_coverage()
    wanted = {cp for lo, hi in IDEOGRAPH_BLOCKS for cp in range(lo, hi + 1)} - covered
    order = [".notdef"]
    cmap: dict[int, str] = {}
    glyphs: dict[str, object] = {}
    metrics: dict[str, tuple[int, int]] = {}
    upm = ascent = descent = None
    for font in jigmo_sources(jigmo_dir):
        if upm is None:
            upm, ascent, descent = (font["head"].unitsPerEm, font["hhea"].ascent,
                                    font["hhea"].descent)
        assert font["head"].unitsPerEm == upm, "Jigmo files disagree on units per em"
        glyph_set = font.getGlyphSet()
        for cp, name in sorted(font.getBestCmap().items()):
            if cp not in wanted or cp in cmap:
                continue
            pen = DecomposingRecordingPen(glyph_set)  # no composites across files
            glyph_set[name].draw(pen)
            tt_pen = TTGlyphPen(None)
            pen.replay(tt_pen)
            glyph = tt_pen.glyph()
            glyph_name = f"u{cp:04X}"
            order.append(glyph_name)
            cmap[cp] = glyph_name
            glyphs[glyph_name] = glyph
            glyph.recalcBounds(None)
            metrics[glyph_name] = (font["hmtx"][name][0], getattr(glyph, "xMin", 0))
    missing = wanted - set(cmap)
    glyphs[".notdef"] = TTGlyphPen(None).glyph()
    metrics[".notdef"] = (upm, 0)

    builder = FontBuilder(upm, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap(cmap)
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(metrics)
    descent = -abs(descent)  # some Jigmo chunks store it positive
    builder.setupHorizontalHeader(ascent=ascent, descent=descent)
    builder.setupNameTable({
        "familyName": FAMILY, "styleName": "Regular", "uniqueFontIdentifier": "JigmoRare-2025-09-12",
        "fullName": FAMILY, "psName": "JigmoRare", "version": "Version 2025.09.12",
        "copyright": "Jigmo by Kamichi Koichi, CC0 1.0 (public domain); subset for VictimCare",
    })
    builder.setupOS2(sTypoAscender=ascent, sTypoDescender=descent, usWinAscent=ascent,
                     usWinDescent=-descent, fsType=0, achVendID="VCJR")
    builder.setupPost(keepGlyphNames=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    builder.save(str(out))

    check = TTFont(str(out))
    assert set(check.getBestCmap()) == set(cmap)
    from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont  # optional self-check
    assert all(cp in ReportlabTTFont("JigmoRareCheck", str(out)).face.charToGlyph for cp in cmap)
    print(f"{out}: {len(cmap)} glyphs, {out.stat().st_size / 1e6:.1f} MB; "
          f"{len(missing)} wanted code points Jigmo lacks (unassigned in Unicode 17)")
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    target = Path(sys.argv[2]) if len(sys.argv) == 3 else FONTS / "jigmo-rare.ttf"
    sys.exit(build(Path(sys.argv[1]), target))
