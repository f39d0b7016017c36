"""Ideographic variation sequences (base + U+FE00–FE0F or U+E0100–E01EF) in reportlab PDFs.

A name registered with a variant form (e.g. 葛 + VS17) must print that form where a font has it,
and the PDF text layer must give back both code points. reportlab draws one glyph per code point
and knows nothing of cmap format 14, so each sequence is given a stand-in code point of its own
from plane 16 (private use, never typed into a form: ``font_runs`` prints a typed one as the
placeholder). The stand-in maps to the variant glyph of the font's cmap 14 (or the base glyph when
the font has no variant for it), and the ToUnicode fix in ``fonts`` writes the whole sequence for it.

The table is per process and only grows (a few sequences per name at most); it holds code points,
never text.
"""

from __future__ import annotations

import struct
import threading

STAND_IN_FIRST = 0x100000  # Supplementary Private Use Area-B
STAND_IN_LAST = 0x10FFFD

_lock = threading.Lock()
_codes: dict[tuple[int, int], int] = {}  # (base, selector) -> stand-in
_sequences: dict[int, tuple[int, int]] = {}  # stand-in -> (base, selector)
_uvs_tables: dict[int, dict[tuple[int, int], int | None]] = {}  # id(face) -> (base, vs) -> glyph


def is_selector(cp: int) -> bool:
    return 0xFE00 <= cp <= 0xFE0F or 0xE0100 <= cp <= 0xE01EF


def is_stand_in(cp: int) -> bool:
    return STAND_IN_FIRST <= cp <= STAND_IN_LAST


def sequence_of(cp: int) -> tuple[int, int] | None:
    """(base, selector) for a stand-in code point, None for any other."""
    return _sequences.get(cp)


def stand_in(face, base: int, selector: int) -> str:
    """The one-character string that draws ``base`` + ``selector`` with ``face`` (a reportlab
    TTFontFace that has ``base``)."""
    with _lock:
        code = _codes.get((base, selector))
        if code is None:
            code = STAND_IN_FIRST + len(_codes)
            if code > STAND_IN_LAST:  # 65,534 distinct sequences in one process: never in practice
                raise OverflowError("too many ideographic variation sequences")
            _codes[(base, selector)] = code
            _sequences[code] = (base, selector)
        if code not in face.charToGlyph:
            variant = _variant_glyph(face, base, selector)
            face.charToGlyph[code] = face.charToGlyph[base] if variant is None else variant
            face.charWidths[code] = face.charWidths.get(base, face.defaultWidth)
    return chr(code)


def has_variant(face, base: int, selector: int) -> bool:
    """Whether ``face``'s cmap 14 gives the sequence a glyph of its own."""
    return _variant_glyph(face, base, selector) is not None


def _variant_glyph(face, base: int, selector: int) -> int | None:
    table = _uvs_tables.get(id(face))
    if table is None:
        table = _uvs_tables[id(face)] = _read_format14(face)
    glyph = table.get((base, selector))
    return None if glyph == face.charToGlyph.get(base) else glyph


def _read_format14(face) -> dict[tuple[int, int], int | None]:
    """The non-default mappings of the font's cmap subtable format 14 (OpenType cmap §14)."""
    try:
        cmap = face.get_table("cmap")
    except KeyError:
        return {}
    out: dict[tuple[int, int], int | None] = {}
    try:
        count = struct.unpack_from(">H", cmap, 2)[0]
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHL", cmap, 4 + 8 * i)
            if (platform, encoding) != (0, 5) or struct.unpack_from(">H", cmap, offset)[0] != 14:
                continue
            records = struct.unpack_from(">L", cmap, offset + 6)[0]
            for r in range(records):
                at = offset + 10 + 11 * r
                selector = int.from_bytes(cmap[at:at + 3], "big")
                non_default = struct.unpack_from(">L", cmap, at + 7)[0]
                if not non_default:
                    continue
                pos = offset + non_default
                for m in range(struct.unpack_from(">L", cmap, pos)[0]):
                    entry = pos + 4 + 5 * m
                    base = int.from_bytes(cmap[entry:entry + 3], "big")
                    out[(base, selector)] = struct.unpack_from(">H", cmap, entry + 3)[0]
    except struct.error:
        return {}  # a damaged table: draw the base glyph rather than fail the print
    return out
