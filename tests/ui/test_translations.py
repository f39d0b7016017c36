"""The committed Simplified Chinese translation is complete, compiled and keeps every placeholder.

Fix failures with ``python tools/i18n.py update``, translate, then ``python tools/i18n.py build``.
"""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location("i18n_tool", Path(__file__).resolve().parents[2] / "tools" / "i18n.py")
i18n = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(i18n)  # the same parsing the maintainers' tool uses
ROOT, TS, QM = i18n.ROOT, i18n.TS, i18n.QM


def _tool(name: str) -> str:
    path = i18n.tool_path(name)
    if not path.exists():
        pytest.skip(f"{path.name} not found next to {sys.executable}: PySide6 tools not installed")
    return str(path)


def test_every_ui_string_has_a_finished_translation(tmp_path):
    lupdate = _tool("pyside6-lupdate")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *i18n.sources(), "-ts", str(fresh), "-target-language", "zh_CN"],
                   cwd=ROOT, check=True, capture_output=True)
    extracted = {key for key, _ in i18n.messages(fresh)}
    assert extracted, "lupdate found no tr() strings in victimcare/ui"
    done = {key for key, text in i18n.messages(TS) if text is not None}
    missing = sorted(extracted - done)
    assert not missing, ("untranslated UI strings (run `python tools/i18n.py update`, translate them, then "
                         "`python tools/i18n.py build`):\n" +
                         "\n".join(f"  [{c}] {s!r}" + (f" ({m!r})" if m else "") for c, s, m in missing))


def test_committed_qm_matches_ts(tmp_path):
    lrelease = _tool("pyside6-lrelease")
    built = tmp_path / "built.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(built)], check=True, capture_output=True)
    assert QM.exists(), f"{QM.name} is missing: run `python tools/i18n.py build`"
    assert built.read_bytes() == QM.read_bytes(), f"{QM.name} is stale: run `python tools/i18n.py build`"


def test_translations_keep_placeholders():
    wrong = [f"  [{c}] {s!r} -> {t!r}" for (c, s, _), t in i18n.placeholder_mismatches(TS)]
    assert not wrong, "translations whose {placeholders} differ from the source:\n" + "\n".join(wrong)
