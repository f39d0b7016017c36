"""Maintain the Simplified Chinese translation of the UI.

    python tools/i18n.py update   extract tr() strings from victimcare/ui into the .ts (keeps translations)
    python tools/i18n.py check    list unfinished entries and placeholder mismatches; exit 1 if any
    python tools/i18n.py build    compile the .ts into the .qm the app loads
    python tools/i18n.py fill F   set translations from a JSON file {"Context": {"source": "译文"}}
    python tools/i18n.py reuse    translate unfinished entries whose source is translated in another context
                                  (after code moved to a new class); prints what is still missing

Translate new entries with pyside6-linguist (or by editing the .ts), then check and build.
"""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "victimcare_zh_CN.ts"
QM = TS.with_suffix(".qm")
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def tool_path(name: str) -> Path:
    """A PySide6 tool installed next to this Python (may not exist)."""
    return Path(sys.executable).parent / (name + (".exe" if sys.platform == "win32" else ""))


def tool(name: str) -> str:
    path = tool_path(name)
    if not path.exists():
        sys.exit(f"{path} not found: install PySide6 in this Python environment")
    return str(path)


def sources() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "victimcare" / "ui").rglob("*.py"))


def messages(ts: Path) -> list[tuple[tuple[str, str, str], str | None]]:
    """((context, source, comment), finished translation or None) for every message of a .ts file."""
    out = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        for msg in ctx.iter("message"):
            key = (ctx.findtext("name") or "", msg.findtext("source") or "", msg.findtext("comment") or "")
            tr = msg.find("translation")
            text = "".join(tr.itertext()) if tr is not None else ""
            finished = tr is not None and tr.get("type") is None and text != ""
            out.append((key, text if finished else None))
    return out


def placeholder_mismatches(ts: Path) -> list[tuple[tuple[str, str, str], str]]:
    return [(key, text) for key, text in messages(ts)
            if text is not None and set(PLACEHOLDER.findall(key[1])) != set(PLACEHOLDER.findall(text))]


def problems(ts: Path) -> list[str]:
    out = [f"unfinished: [{c}] {s!r}" for (c, s, _), text in messages(ts) if text is None]
    out += [f"placeholders differ: [{c}] {s!r} -> {text!r}" for (c, s, _), text in placeholder_mismatches(ts)]
    return out


def fill(ts: Path, translations: dict[str, dict[str, str]]) -> int:
    """Set the translation of each (context, source) given; returns how many messages changed."""
    tree = ET.parse(ts)
    changed = 0
    for ctx in tree.getroot().iter("context"):
        wanted = translations.get(ctx.findtext("name") or "", {})
        for msg in ctx.iter("message"):
            text = wanted.get(msg.findtext("source") or "")
            if text is None:
                continue
            tr = msg.find("translation")
            if tr is None:
                tr = ET.SubElement(msg, "translation")
            tr.attrib.pop("type", None)
            tr.text = text
            changed += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return changed


def reuse(ts: Path) -> int:
    """Fill unfinished messages from the same source text finished in another context, here or in the
    last committed .ts (``update`` drops contexts whose class was renamed or moved)."""
    known: dict[str, str] = {}
    sources = [ts]
    committed = subprocess.run(["git", "show", f"HEAD:{ts.relative_to(ROOT).as_posix()}"], cwd=ROOT,
                               capture_output=True)
    if committed.returncode == 0:
        old = ts.with_suffix(".committed.ts")
        old.write_bytes(committed.stdout)
        sources.append(old)
    try:
        for source_ts in sources:
            for (_ctx, source, _comment), text in messages(source_ts):
                if text is not None:
                    known.setdefault(source, text)
    finally:
        ts.with_suffix(".committed.ts").unlink(missing_ok=True)
    wanted: dict[str, dict[str, str]] = {}
    for (ctx, source, _comment), text in messages(ts):
        if text is None and source in known:
            wanted.setdefault(ctx, {})[source] = known[source]
    return fill(ts, wanted)


def main(command: str, *args: str) -> int:
    if command == "update":
        return subprocess.call([tool("pyside6-lupdate"), *sources(), "-ts", str(TS), "-no-obsolete",
                                "-target-language", "zh_CN"], cwd=ROOT)
    if command == "build":
        return subprocess.call([tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], cwd=ROOT)
    if command == "fill" and args:
        import json
        print(f"{fill(TS, json.loads(Path(args[0]).read_text(encoding='utf-8')))} messages translated")
        return main("update")  # lupdate writes the file back in its own layout
    if command == "reuse":
        print(f"{reuse(TS)} messages translated from other contexts")
        main("update")
        return main("check")
    if command == "check":
        found = problems(TS)
        print("\n".join(found) or f"{TS.relative_to(ROOT)}: all entries translated")
        return 1 if found else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(*(sys.argv[1:] or [""])))
