"""Official Windows fonts (仿宋, 宋体, 黑体) for forms, found in a fake %WINDIR%\\Fonts folder."""

import io
import os

import pytest
from pypdf import PdfReader
from reportlab.platypus import Paragraph, SimpleDocTemplate

from victimcare.core.resources import resource_path
from victimcare.forms import official_fonts
from victimcare.forms.fonts import (BODY, RARE, body_font, font_runs, heading_font, markup,
                                    paragraph_style, use_official_fonts)
from victimcare.forms.official_fonts import FANGSONG, SIMHEI, SIMSUN, find_official_fonts

EXT_G = "\U00030EDD"  # not in HanaMinA, which stands in for 仿宋 here


@pytest.fixture(autouse=True)
def bundled_afterwards():
    yield
    use_official_fonts(False)


def fake_fonts_folder(tmp_path, **files):
    """Stand-ins for the Windows fonts: links to bundled files under the official names."""
    for name, target in files.items():
        os.symlink(resource_path("fonts", target), tmp_path / name)
    return tmp_path


def test_lookup_finds_the_files_whatever_their_case(tmp_path):
    folder = fake_fonts_folder(tmp_path, **{"SIMFANG.TTF": "HanaMinA.ttf", "simhei.ttf": "HanaMinA.ttf"})
    assert find_official_fonts(folder) == {FANGSONG: folder / "SIMFANG.TTF", SIMHEI: folder / "simhei.ttf"}
    assert find_official_fonts(tmp_path / "missing") == {}


def test_not_on_windows_no_system_folder(monkeypatch):
    monkeypatch.setattr(official_fonts.sys, "platform", "linux")
    assert official_fonts.system_fonts_folder() is None
    monkeypatch.setattr(official_fonts.sys, "platform", "win32")
    monkeypatch.setenv("WINDIR", r"D:\Win")
    assert str(official_fonts.system_fonts_folder()).replace("\\", "/").endswith("Win/Fonts")


def test_official_fonts_used_when_present_and_chosen(tmp_path):
    folder = fake_fonts_folder(tmp_path, **{"simfang.ttf": "HanaMinA.ttf", "simhei.ttf": "HanaMinA.ttf"})
    assert use_official_fonts(True, folder) is True
    assert body_font() == FANGSONG.name and heading_font() == SIMHEI.name
    # The chain still backs the official font: an Ext-G character comes from Jigmo Rare.
    assert font_runs(f"张三{EXT_G}", base=body_font()) == [(FANGSONG.name, "张三"), (RARE, EXT_G)]

    buf = io.BytesIO()
    SimpleDocTemplate(buf, initialFontName=body_font()).build(
        [Paragraph(markup(f"张三{EXT_G}", base=body_font()), paragraph_style("b", 12, base=body_font()))])
    assert "".join(PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text().split()) == f"张三{EXT_G}"


def test_simsun_stands_in_for_a_missing_fangsong(tmp_path):
    folder = fake_fonts_folder(tmp_path, **{"simsun.ttc": "wqy-microhei.ttc"})
    assert use_official_fonts(True, folder) is True
    assert body_font() == SIMSUN.name == heading_font()


def test_bundled_when_not_chosen_or_missing(tmp_path):
    folder = fake_fonts_folder(tmp_path, **{"simfang.ttf": "HanaMinA.ttf"})
    assert use_official_fonts(False, folder) is False
    assert body_font() == BODY == heading_font()
    assert use_official_fonts(True, tmp_path / "empty") is False
    assert body_font() == BODY


def test_a_damaged_system_font_falls_back(tmp_path):
    (tmp_path / "simfang.ttf").write_bytes(b"not a font")
    assert use_official_fonts(True, tmp_path) is False
    assert body_font() == BODY
