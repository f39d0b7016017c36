"""Every assigned code point of every CJK ideograph block of Unicode 17 has a glyph in the bundled
fallback chain, read from the fonts' cmaps with fontTools (Python's unicodedata is older).

Ranges from Blocks.txt / UnicodeData.txt of Unicode 17.0, assigned part only.
"""

import pytest
from fontTools.ttLib import TTCollection, TTFont

from victimcare.core.resources import resource_path
from victimcare.forms.fonts import PLACEHOLDER, font_runs

CJK_IDEOGRAPHS = {
    "CJK Unified Ideographs (URO)": [(0x4E00, 0x9FFF)],
    "Extension A": [(0x3400, 0x4DBF)],
    "Extension B": [(0x20000, 0x2A6DF)],
    "Extension C": [(0x2A700, 0x2B73F)],
    "Extension D": [(0x2B740, 0x2B81D)],
    "Extension E": [(0x2B820, 0x2CEAD)],
    "Extension F": [(0x2CEB0, 0x2EBE0)],
    "Extension G": [(0x30000, 0x3134A)],
    "Extension H": [(0x31350, 0x323AF)],
    "Extension I": [(0x2EBF0, 0x2EE5D)],
    "Extension J": [(0x323B0, 0x33479)],
    "CJK Compatibility Ideographs": [(0xF900, 0xFA6D), (0xFA70, 0xFAD9)],
    "CJK Compatibility Ideographs Supplement": [(0x2F800, 0x2FA1D)],
}
PUNCTUATION = {0x00B7: "·", 0x30FB: "・", 0x2022: "•", 0x3007: "〇", 0x2027: "‧", 0xFF0E: "．"}
CHAIN_FILES = ("wqy-microhei.ttc", "HanaMinA.ttf", "HanaMinB.ttf", "jigmo-rare.ttf")


@pytest.fixture(scope="module")
def chain_cmap() -> set[int]:
    covered: set[int] = set()
    for name in CHAIN_FILES:
        path = str(resource_path("fonts", name))
        fonts = TTCollection(path).fonts if name.endswith(".ttc") else [TTFont(path)]
        for font in fonts:
            covered |= set(font.getBestCmap())
    return covered


@pytest.mark.parametrize("block", CJK_IDEOGRAPHS)
def test_every_ideograph_of_the_block_has_a_glyph(block, chain_cmap):
    wanted = {cp for lo, hi in CJK_IDEOGRAPHS[block] for cp in range(lo, hi + 1)}
    missing = sorted(wanted - chain_cmap)
    assert not missing, f"{block}: {len(missing)} without a glyph, e.g. " + ", ".join(
        f"U+{cp:04X}" for cp in missing[:10])


def test_middle_dots_and_ling_have_glyphs(chain_cmap):
    assert not {cp for cp in PUNCTUATION if cp not in chain_cmap}


def test_the_reportlab_chain_prints_the_last_of_every_block():
    # The fontTools check above reads the files; this one asks the chain reportlab actually uses.
    samples = "".join(chr(hi) + chr(lo) for ranges in CJK_IDEOGRAPHS.values() for lo, hi in ranges)
    samples += "".join(PUNCTUATION.values())
    printed = "".join(chunk for _font, chunk in font_runs(samples))
    assert PLACEHOLDER not in printed
    assert printed == samples
