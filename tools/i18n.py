"""Maintain the Simplified Chinese translation of the UI.

    python tools/i18n.py update   extract tr() strings from victimcare/ui into the .ts (keeps translations)
    python tools/i18n.py check    list unfinished entries and placeholder mismatches; exit 1 if any
    python tools/i18n.py build    compile the .ts into the .qm the app loads

Translate new entries with pyside6-linguist (or by editing the .ts), then check and build.
"""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = Path("resources/translations/victimcare_zh_CN.ts")
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def tool(name: str) -> str:
    path = Path(sys.executable).parent / (name + (".exe" if sys.platform == "win32" else ""))
    if not path.exists():
        sys.exit(f"{path} not found: install PySide6 in this Python environment")
    return str(path)


def sources() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "victimcare/ui").rglob("*.py"))


def problems(ts: Path) -> list[str]:
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            src, tr = msg.findtext("source") or "", msg.find("translation")
            text = "".join(tr.itertext()) if tr is not None else ""
            where = f"[{ctx.findtext('name')}] {src!r}"
            if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished") or not text:
                out.append(f"unfinished: {where}")
            elif set(PLACEHOLDER.findall(src)) != set(PLACEHOLDER.findall(text)):
                out.append(f"placeholders differ: {where} -> {text!r}")
    return out


def main(command: str) -> int:
    if command == "update":
        return subprocess.call([tool("pyside6-lupdate"), *sources(), "-ts", str(TS), "-no-obsolete",
                                "-target-language", "zh_CN"], cwd=ROOT)
    if command == "build":
        return subprocess.call([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT)
    if command == "check":
        found = problems(ROOT / TS)
        print("\n".join(found) or f"{TS}: all entries translated")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ""))
