"""Print VictimCare's version as pyproject.toml declares it (a literal, or the attribute it names).

Both installer builds take the version from here (``python installer/version.py``), so the .deb, the
Windows installer and ``victimcare --version`` always agree.
"""

import ast
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def version() -> str:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    if "version" in project["project"]:
        return project["project"]["version"]
    module, _, name = project["tool"]["setuptools"]["dynamic"]["version"]["attr"].rpartition(".")
    source = ROOT.joinpath(*module.split(".")) / "__init__.py"
    if not source.is_file():
        source = ROOT.joinpath(*module.split(".")).with_suffix(".py")
    for node in ast.parse(source.read_text(encoding="utf-8")).body:  # read, never import: no dependencies needed
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise SystemExit(f"{name} not found in {source}")


if __name__ == "__main__":
    sys.stdout.write(version() + "\n")
