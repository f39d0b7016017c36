"""The package as it ships: a wheel carries the fonts, translations, code tables and migrations, and
an installed copy finds them from any working directory; ``victimcare --version`` answers."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import victimcare

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    [built] = out.glob("victimcare-*.whl")
    return built


def test_the_wheel_carries_every_bundled_file(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("data", "fonts"):
        for path in (ROOT / "resources" / folder).iterdir():
            assert f"victimcare/resources/{folder}/{path.name}" in names
    assert "victimcare/resources/translations/victimcare_zh_CN.qm" in names
    sql = {n for n in names if n.endswith(".sql")}
    shipped = {p.relative_to(ROOT).as_posix() for p in (ROOT / "victimcare").rglob("migrations/*/*.sql")}
    assert sql == shipped and len(sql) >= 8


def test_an_installed_wheel_finds_its_resources_from_elsewhere(wheel, tmp_path):
    target = tmp_path / "site"
    with zipfile.ZipFile(wheel) as z:
        z.extractall(target)
    code = ("import victimcare.core.resources as r, victimcare.db.schema as s, sys;"
            "assert r.RESOURCES_DIR == r._PACKAGE / 'resources', r.RESOURCES_DIR;"
            "assert r.resource_path('fonts', 'wqy-microhei.ttc').is_file();"
            "assert s.latest_version('core') >= 3;"
            "from victimcare.domain import codes; assert codes.region_full_name('350426')")
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    run = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr


def test_version_is_printed():
    run = subprocess.run([sys.executable, "-m", "victimcare", "--version"], capture_output=True, text=True,
                         timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == f"VictimCare {victimcare.__version__}"
