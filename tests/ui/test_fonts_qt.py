"""Bundled fonts in the Qt UI (victimcare.ui.fonts)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtGui import QFont, QFontMetrics, QRawFont  # noqa: E402

from victimcare.ui.fonts import install_app_fonts  # noqa: E402

EXT_B_JI = 0x20BB7  # 𠮷
EXT_A_FIRST = 0x3400  # 㐀


@pytest.fixture
def restore_app_font(qapp):
    original = QFont(qapp.font())
    yield
    qapp.setFont(original)


def supports(family: str, code_point: int) -> bool:
    raw = QRawFont.fromFont(QFont(family))
    assert raw.isValid(), family
    return raw.supportsCharacter(code_point)


def test_install_app_fonts(qapp, restore_app_font):
    size = qapp.font().pointSizeF()
    families = install_app_fonts(qapp)

    assert families == ["WenQuanYi Micro Hei", "HanaMinA", "HanaMinB", "Jigmo Rare"]
    assert qapp.font().families() == families
    assert qapp.font().pointSizeF() == size  # platform default, never shrunk
    assert install_app_fonts(qapp) == families  # idempotent


def test_rare_characters_fall_back_to_bundled_fonts(qapp, restore_app_font):
    install_app_fonts(qapp)
    assert QFontMetrics(qapp.font()).inFontUcs4(EXT_B_JI)  # the family list covers Ext-B
    assert not supports("WenQuanYi Micro Hei", EXT_B_JI)  # so the fallback is what draws it
    assert supports("HanaMinB", EXT_B_JI)
    assert supports("HanaMinA", EXT_A_FIRST)
