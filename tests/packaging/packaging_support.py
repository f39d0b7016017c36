"""Helpers of the packaging tests (importable by name, unlike a conftest)."""

import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMINGS: dict[str, float] = {}  # step → seconds, printed at the end of the session


def require_tool(name: str, package: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (Debian package {package}; tools/bootstrap.sh installs it)")
    return path


def timed(step: str, *args, **kwargs) -> subprocess.CompletedProcess:
    started = time.monotonic()
    try:
        return subprocess.run(*args, **kwargs)
    finally:
        TIMINGS[step] = TIMINGS.get(step, 0.0) + time.monotonic() - started
