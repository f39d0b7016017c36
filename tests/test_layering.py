"""Layering, checked on the source with ``ast`` (function-level imports included): Qt only in
victimcare/ui (and the entry points); each part of the package imports only what the allow-list
gives it; no import cycle between any two modules; no module over 600 lines."""

import ast
from pathlib import Path

import pytest

import victimcare

PACKAGE = Path(victimcare.__file__).parent
QT_ALLOWED = {"app.py", "__main__.py"}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, package: str | None = None) -> list[tuple[int, str]]:
    """(line, absolute module name) for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    if package is None:
        package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call):  # importlib.import_module("…") / __import__("…")
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__") and node.args and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                found.append((node.lineno, node.args[0].value))
    return found


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def files(under: str = "") -> list[Path]:
    return sorted((PACKAGE / under).rglob("*.py")) if under else sorted(PACKAGE.rglob("*.py"))


def violations(paths, forbidden) -> list[str]:
    out = []
    for path in paths:
        for line, module in imported_modules(path):
            if any(f(module) for f in forbidden):
                out.append(f"{path.relative_to(PACKAGE)}:{line} imports {module}")
    return sorted(set(out))


def test_the_checker_sees_function_level_and_relative_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import importlib\n"
        "def later():\n"
        "    from PySide6.QtCore import QObject\n"
        "    return importlib.import_module('PySide6.QtGui')\n"
        "class K:\n"
        "    def m(self):\n"
        "        import PySide6\n"
        "from ..db import connection\n"
        "from . import names\n", "utf-8")
    found = [m for _, m in imported_modules(sample, package="victimcare.domain")]
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6", "victimcare.db.connection",
            "victimcare.domain.names"} <= set(found)
    ui_imports = [m for p in files("ui") for _, m in imported_modules(p)]
    assert any(within(m, "PySide6") for m in ui_imports), "the walker must find Qt in victimcare/ui"


def test_only_the_ui_imports_pyside6():
    paths = [p for p in files() if p.relative_to(PACKAGE).parts[0] != "ui"
             and str(p.relative_to(PACKAGE)) not in QT_ALLOWED]
    assert violations(paths, [lambda m: within(m, "PySide6") or within(m, "shiboken6")]) == []


# Which part of the package may import which (an allow-list: a new package must be added here).
# Dependencies point one way: entry points → interface → services → case work → security → storage → core,
# with the pure domain rules and the PDF kit usable from case work and above.
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "domain": {"core"},
    "db": {"core"},
    "forms": {"core", "domain"},
    "security": {"core", "db"},
    "casework": {"core", "db", "domain", "forms", "security"},
    "services": {"casework", "core", "security"},
    "demo": {"core", "security", "services"},
    "cli": {"casework", "core", "demo", "forms", "security", "services"},
    "ui": {"casework", "core", "demo", "domain", "forms", "security", "services"},
    "app": {"cli", "ui"},
    "__main__": {"app"},
}


def unit_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def test_every_part_of_the_package_has_a_place_in_the_allow_list():
    units = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in files()} - {"__init__"}
    assert units == set(ALLOWED), "add the new package to ALLOWED, with what it may import"


def test_imports_follow_the_allow_list():
    out = []
    for path in files():
        unit = unit_of(module_name(path))
        for line, module in imported_modules(path):
            if within(module, "victimcare") and module != "victimcare":
                target = unit_of(module)
                if target not in ALLOWED:  # a name from victimcare/__init__ (such as __version__)
                    continue
                if target != unit and target not in ALLOWED.get(unit, set()):
                    out.append(f"{path.relative_to(PACKAGE)}:{line} ({unit}) imports {module} ({target})")
    assert sorted(set(out)) == []


def module_graph() -> dict[str, set[str]]:
    """Module → the victimcare modules it imports (function-level imports included)."""
    modules = {module_name(p): p for p in files()}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for _line, module in imported_modules(path):
            # "from a.b import c" names a.b.c when c is a module, else a.b
            target = module if module in modules else module.rpartition(".")[0]
            if target in modules and target != name:
                edges.add(target)
        graph[name] = edges
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_between_modules():
    assert cycles(module_graph()) == []


def test_no_module_is_over_600_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in files() if (n := len(p.read_text("utf-8").splitlines())) > 600}
    assert long == {}


@pytest.mark.parametrize("module", ["victimcare.services", "victimcare.security.vault", "victimcare.cli.main",
                                    "victimcare.casework.importer", "victimcare.db.connection"])
def test_services_import_without_qt(module):
    """Importing the services (as the command line does) does not drag Qt in."""
    import subprocess
    import sys
    code = f"import sys, {module}; sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
