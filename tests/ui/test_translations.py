"""The committed Simplified Chinese translation is complete, compiled and keeps every placeholder.

Fix failures with ``python tools/i18n.py update``, translate, then ``python tools/i18n.py build``.
"""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "victimcare_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _tool(name: str) -> str:
    path = Path(sys.executable).parent / (name + (".exe" if sys.platform == "win32" else ""))
    if not path.exists():
        pytest.skip(f"{path.name} not found next to {sys.executable}: PySide6 tools not installed")
    return str(path)


def _messages(ts: Path) -> list[tuple[tuple[str, str, str], str | None]]:
    """((context, source, comment), finished translation or None) for every message."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            key = (ctx.findtext("name") or "", msg.findtext("source") or "", msg.findtext("comment") or "")
            tr = msg.find("translation")
            text = "".join(tr.itertext()) if tr is not None else ""
            finished = tr is not None and tr.get("type") is None and text != ""
            out.append((key, text if finished else None))
    return out


def test_every_ui_string_has_a_finished_translation(tmp_path):
    lupdate = _tool("pyside6-lupdate")
    sources = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "victimcare" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, *sources, "-ts", str(fresh), "-target-language", "zh_CN"],
                   cwd=ROOT, check=True, capture_output=True)
    extracted = {key for key, _ in _messages(fresh)}
    assert extracted, "lupdate found no tr() strings in victimcare/ui"
    done = {key for key, text in _messages(TS) if text is not None}
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
    wrong = [f"  [{c}] {s!r} -> {t!r}" for (c, s, _), t in _messages(TS)
             if t is not None and set(PLACEHOLDER.findall(s)) != set(PLACEHOLDER.findall(t))]
    assert not wrong, "translations whose {placeholders} differ from the source:\n" + "\n".join(wrong)
