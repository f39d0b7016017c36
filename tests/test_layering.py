"""Layering, checked on the source with ``ast`` (function-level imports included):
Qt only in victimcare/ui (and the entry points); domain is pure (and knows nothing of case work: the
steps pass their rules in); db knows nothing above it."""

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


def test_domain_is_pure():
    forbidden = [lambda m: any(within(m, f"victimcare.{x}") for x in ("db", "ui", "forms", "casework")),
                 lambda m: within(m, "sqlcipher3") or within(m, "PySide6")]
    assert violations(files("domain"), forbidden) == []


DB_MAY_NOT_USE = ("ui", "forms", "domain", "session", "vault", "accounts", "auditservice", "audit", "cli",
                  "app", "demo", "demodata")


def test_db_layer_knows_nothing_above_it():
    forbidden = [lambda m: any(within(m, f"victimcare.{x}") for x in DB_MAY_NOT_USE),
                 lambda m: m.startswith("victimcare.case"),  # case services, whatever their module name
                 lambda m: within(m, "PySide6")]
    assert violations(files("db"), forbidden) == []


@pytest.mark.parametrize("module", ["victimcare.security.vault", "victimcare.security.session", "victimcare.security.accounts",
                                    "victimcare.security.audit", "victimcare.security.audit_service", "victimcare.cli.admin",
                                    "victimcare.db.connection"])
def test_services_import_without_qt(module):
    """Importing the services (as the command line does) does not drag Qt in."""
    import subprocess
    import sys
    code = f"import sys, {module}; sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
