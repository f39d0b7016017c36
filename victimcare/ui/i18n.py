"""Translations: Simplified Chinese by default, English on request (never guessed from the OS)."""

import json

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

from victimcare.core.fsutil import ensure_private_dir, write_private_file
from victimcare.core.paths import app_data_dir
from victimcare.core.resources import resource_path

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}
_installed: list[QTranslator] = []
_current = ["zh_CN"]


def english() -> bool:
    """Whether the interface is in English (vocabulary labels follow it)."""
    return _current[0] == "en"


def saved_language() -> str:
    try:
        lang = json.loads((app_data_dir() / "settings.json").read_text(encoding="utf-8")).get("language")
    except (OSError, ValueError):
        lang = None
    return lang if lang in LANGUAGES else "zh_CN"


def save_language(lang: str) -> None:
    folder = ensure_private_dir(app_data_dir())
    write_private_file(folder / "settings.json", json.dumps({"language": lang}).encode())


def install_translators(app, lang: str) -> None:
    """Install Qt's own and the app's translations; must run before any widget is created."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    _current[0] = lang
    if lang != "zh_CN":
        return  # source strings are English
    qt = QTranslator(app)
    if qt.load(QLocale("zh_CN"), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    ours = QTranslator(app)
    if not ours.load(str(resource_path("translations", "victimcare_zh_CN.qm"))):
        raise RuntimeError("bundled zh_CN translation missing")
    app.installTranslator(ours)
    _installed.append(ours)

