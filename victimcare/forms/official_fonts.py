"""Where the official Windows fonts are: 仿宋 (FangSong), 宋体 (SimSun), 黑体 (SimHei).

GB/T 9704 documents are set in 仿宋 with 黑体 headings. These fonts come with Windows and may be
used there but not redistributed, so we only look for them in the system fonts folder
(%WINDIR%\\Fonts); anywhere else (Linux, a trimmed Windows) the bundled fonts are used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple


class OfficialFont(NamedTuple):
    name: str  # reportlab name
    file: str  # file name in the fonts folder (Windows compares names without case)
    index: int  # subfont of a .ttc


FANGSONG = OfficialFont("VC-FangSong", "simfang.ttf", 0)
SIMSUN = OfficialFont("VC-SimSun", "simsun.ttc", 0)
SIMHEI = OfficialFont("VC-SimHei", "simhei.ttf", 0)
OFFICIAL_FONTS = (FANGSONG, SIMSUN, SIMHEI)


def system_fonts_folder() -> Path | None:
    """%WINDIR%\\Fonts on Windows, None elsewhere."""
    if sys.platform != "win32":
        return None
    return Path(os.environ.get("WINDIR") or r"C:\Windows") / "Fonts"


def find_official_fonts(folder: Path | None = None) -> dict[OfficialFont, Path]:
    """The official fonts present in ``folder`` (default: the system fonts folder), by font."""
    folder = folder if folder is not None else system_fonts_folder()
    if folder is None:
        return {}
    try:
        by_name = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    except OSError:
        return {}  # no such folder, or not readable: use the bundled fonts
    return {font: by_name[font.file] for font in OFFICIAL_FONTS if font.file in by_name}
