"""Bundled fonts for the Qt UI.

Chinese desktops (and bare Windows installs) often lack Ext-A/Ext-B glyphs, so rare name
characters would show as boxes. We register the bundled fonts with Qt and make the application
font a family list: WenQuanYi Micro Hei first, then HanaMinA, HanaMinB and Jigmo Rare (Ext-G … J),
so Qt falls back per glyph to the bundled fonts before any system font; a widget that names the
body family alone gets the same list through a font substitution. The point size stays the platform default:
UX requires readability at default and 125 % scaling, so we never shrink it.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from victimcare.core.resources import resource_path

log = logging.getLogger(__name__)

# Same files as the PDF side (victimcare.forms.fonts), in fallback order.
_FONT_FILES = ("wqy-microhei.ttc", "HanaMinA.ttf", "HanaMinB.ttf", "jigmo-rare.ttf")

_installed: dict[str, str] = {}  # file name -> family; Qt would register a file twice


def install_app_fonts(app: QApplication) -> list[str]:
    """Register the bundled fonts and set the application font; return the family names
    in fallback order (HanaMin A/B and Jigmo Rare are optional and left out when not installed)."""
    for filename in _FONT_FILES:
        if filename in _installed:
            continue
        path = resource_path("fonts", filename)
        font_id = QFontDatabase.addApplicationFont(str(path)) if path.is_file() else -1
        if font_id == -1:
            log.warning("bundled font %s could not be loaded", filename)
            continue
        families = QFontDatabase.applicationFontFamilies(font_id)
        # The .ttc holds "WenQuanYi Micro Hei" and "... Mono"; the UI wants the proportional one.
        proportional = [f for f in families if "Mono" not in f]
        _installed[filename] = (proportional or families)[0]

    families = [_installed[f] for f in _FONT_FILES if f in _installed]
    if families:
        font = QFont(app.font())  # keeps the platform's point size and hinting
        font.setFamilies(families)
        app.setFont(font)
        for family in families[:1]:
            if not QFont.substitutes(family):
                QFont.insertSubstitutions(family, families[1:])
    return families
