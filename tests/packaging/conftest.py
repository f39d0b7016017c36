"""The frozen bundle, built once per test session and shared by the .deb and the NSIS tests.

``pytest -m "not slow_packaging"`` leaves these out on a developer's machine; CI runs them (about five
minutes on two cores: the PyInstaller build, the package, lintian, an install, an upgrade and a removal).
"""

import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from packaging_support import ROOT, TIMINGS, timed


def pytest_configure(config):
    config.addinivalue_line("markers", "slow_packaging: builds the frozen bundle and the installers (minutes)")


def pytest_terminal_summary(terminalreporter):
    if TIMINGS:
        terminalreporter.write_line("packaging timings: " + ", ".join(f"{k} {v:.0f} s" for k, v in TIMINGS.items()))


@pytest.fixture(scope="session")
def frozen_bundle(tmp_path_factory) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the frozen-bundle tests build the Linux bundle")
    if find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (pip install -e '.[test]' installs it)")
    work = tmp_path_factory.mktemp("pyinstaller")
    run = timed("pyinstaller", [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                                "--distpath", str(work / "dist"), "--workpath", str(work / "build"),
                                str(ROOT / "installer" / "victimcare.spec")],
                capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-4000:]
    bundle = work / "dist" / "victimcare"
    assert (bundle / "victimcare").is_file()
    return bundle
