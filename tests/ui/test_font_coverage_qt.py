"""The GUI draws every CJK extension from the bundled fonts: a QLabel showing an Ext-G, H, I or J
character paints a glyph, not the missing-glyph box."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QFont, QFontMetrics, QImage, QRawFont  # noqa: E402
from PySide6.QtWidgets import QLabel, QLineEdit  # noqa: E402

from victimcare.ui.fonts import install_app_fonts  # noqa: E402

RARE = {"Ext-B": 0x20BB7, "Ext-G": 0x30EDD, "Ext-H": 0x31C7F, "Ext-I": 0x2EBF0, "Ext-J": 0x323B0}
UNASSIGNED = 0x2FFFD  # no font has it: Qt paints its missing-glyph box


@pytest.fixture
def app_fonts(qapp):
    original = QFont(qapp.font())
    families = install_app_fonts(qapp)
    yield families
    qapp.setFont(original)


def rendered(widget_cls, text: str, qtbot) -> QImage:
    widget = widget_cls(text)
    qtbot.addWidget(widget)
    widget.resize(120, 48)
    return widget.grab().toImage()


def test_the_family_list_ends_with_jigmo_rare(app_fonts):
    assert app_fonts == ["WenQuanYi Micro Hei", "HanaMinA", "HanaMinB", "Jigmo Rare"]
    raw = QRawFont.fromFont(QFont("Jigmo Rare"))
    assert all(raw.supportsCharacter(cp) for name, cp in RARE.items() if name != "Ext-B")


@pytest.mark.parametrize("block", RARE)
def test_the_app_font_covers_the_extension(app_fonts, qapp, block):
    assert QFontMetrics(qapp.font()).inFontUcs4(RARE[block])


@pytest.mark.parametrize("widget_cls", [QLabel, QLineEdit])
@pytest.mark.parametrize("block", ["Ext-G", "Ext-H", "Ext-I", "Ext-J"])
def test_a_rare_character_is_drawn_not_boxed(app_fonts, qtbot, widget_cls, block):
    box = rendered(widget_cls, chr(UNASSIGNED), qtbot)
    glyph = rendered(widget_cls, chr(RARE[block]), qtbot)
    blank = rendered(widget_cls, "", qtbot)
    assert glyph != blank  # something is painted
    assert glyph != box  # and it is not the missing-glyph box
    # Two different rare characters paint differently (a box would look the same for both).
    assert glyph != rendered(widget_cls, chr(RARE[block] + 1), qtbot)
