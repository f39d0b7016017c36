"""GUI tests see the Chinese interface with the bundled fonts, as a user does at start-up."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp):
    """Bundled fonts and the zh_CN translation, installed before any widget exists, as at start-up."""
    from victimcare.ui.fonts import install_app_fonts
    from victimcare.ui.i18n import install_translators
    install_app_fonts(qapp)
    install_translators(qapp, "zh_CN")
    return qapp
