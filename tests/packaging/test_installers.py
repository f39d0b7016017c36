"""The installers as a user gets them: the frozen bundle works from any folder, the .deb installs, runs
its self-check, upgrades over an older version keeping the vault and removes cleanly, lintian finds no
error, and the NSIS script compiles over the bundle (the Linux one standing in for the Windows payload)."""

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from packaging_support import ROOT, TIMINGS, require_tool, timed
from support import PASSWORD, SUPERVISOR

pytestmark = pytest.mark.slow_packaging

VERSION = subprocess.run([sys.executable, str(ROOT / "installer" / "version.py")], capture_output=True, text=True,
                         check=True).stdout.strip()
OFFSCREEN = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def elf_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink() and p.open("rb").read(4) == b"\x7fELF"]


def needed_libraries(files) -> set[str]:
    out = subprocess.run(["readelf", "-d", *map(str, files)], capture_output=True, text=True).stdout
    return set(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out))


# -- the frozen bundle ---------------------------------------------------------------------------------

def test_the_frozen_bundle_checks_itself_from_another_folder(frozen_bundle, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version = subprocess.run([str(frozen_bundle / "victimcare"), "--version"], cwd=elsewhere, capture_output=True,
                             text=True, timeout=60)
    assert version.stdout.strip() == f"VictimCare {VERSION}"
    check = timed("frozen self-check", [str(frozen_bundle / "victimcare"), "--self-check"], cwd=elsewhere,
                  env=OFFSCREEN, capture_output=True, text=True, timeout=300)
    assert check.returncode == 0 and check.stdout.strip() == "OK", check.stderr
    assert "Traceback" not in check.stderr
    assert list(elsewhere.iterdir()) == [], "the check leaves nothing in the working folder"
    assert not list(Path(tempfile.gettempdir()).glob("victimcare-selfcheck-*")), "its temporary vault is removed"


def test_the_bundle_carries_what_the_app_needs_and_not_the_rest(frozen_bundle):
    internal = frozen_bundle / "_internal"
    resources = internal / "victimcare" / "resources"
    for folder in ("data", "fonts"):
        for path in (ROOT / "resources" / folder).iterdir():
            assert (resources / folder / path.name).is_file(), path.name
    assert (resources / "translations" / "victimcare_zh_CN.qm").is_file()
    assert not list(resources.rglob("*.ts")), "sources of translations are not shipped"
    shipped = {p.relative_to(internal).as_posix() for p in internal.rglob("migrations/*/*.sql")}
    expected = {p.relative_to(ROOT).as_posix() for p in (ROOT / "victimcare").rglob("migrations/*/*.sql")}
    assert shipped == expected
    assert (internal / "licenses" / "LICENSES.txt").read_text(encoding="utf-8").count("\n") >= 10
    qt = internal / "PySide6" / "Qt"
    assert sorted(p.name for p in (qt / "translations").iterdir()) == ["qt_zh_CN.qm", "qtbase_zh_CN.qm"]
    libs = {p.name.split(".so")[0] for p in (qt / "lib").iterdir()}
    assert {"libQt6Core", "libQt6Gui", "libQt6Widgets", "libQt6DBus"} <= libs
    assert not {lib for lib in libs if re.match(r"libQt6(Quick|Qml|WebEngine|Multimedia|3D|VirtualKeyboard)", lib)}
    addons = (internal / "PySide6" / "QtPdf.abi3.so").exists()
    try:
        import PySide6.QtPdf  # noqa: F401  (PySide6-Addons installed: the print preview ships)
        assert addons and {"libQt6Pdf", "libQt6PdfWidgets"} <= libs
    except ImportError:
        pass
    assert not (internal / "PySide6" / "QtCharts.abi3.so").exists()
    assert (qt / "plugins" / "platforms" / "libqxcb.so").is_file()
    assert not (qt / "plugins" / "platformthemes" / "libqgtk3.so").exists()


# -- the .deb -------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def deb(frozen_bundle, tmp_path_factory) -> Path:
    require_tool("dpkg-deb", "dpkg")
    require_tool("patchelf", "patchelf")
    out = tmp_path_factory.mktemp("deb")
    run = timed("build_deb", ["bash", str(ROOT / "installer" / "build_deb.sh"), "--bundle", str(frozen_bundle),
                              "--out", str(out), "--python", sys.executable, "--fast"],
                capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-4000:]
    package = Path(run.stdout.strip().splitlines()[-1])
    assert package.name == f"victimcare_{VERSION}_amd64.deb" and package.is_file()
    return package


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def test_the_deb_lays_out_the_bundle_launcher_menu_entry_and_docs(deb, tmp_path):
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    for path in ("./opt/victimcare/victimcare", "./usr/bin/victimcare", "./usr/share/applications/victimcare.desktop",
                 "./usr/share/icons/hicolor/256x256/apps/victimcare.png", "./usr/share/doc/victimcare/copyright",
                 "./usr/share/doc/victimcare/changelog.gz",
                 "./opt/victimcare/_internal/victimcare/resources/fonts/wqy-microhei.ttc"):
        assert re.search(rf" {re.escape(path)}$", listing, re.M), path
    assert field(deb, "Version") == VERSION and field(deb, "Package") == "victimcare"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    desktop = (tmp_path / "usr/share/applications/victimcare.desktop").read_text(encoding="utf-8")
    assert "Name[zh_CN]=被拐卖受害人救助个案管理\n" in desktop and "Icon=victimcare\n" in desktop
    assert "Exec=victimcare\n" in desktop


def owning_package(path: str) -> str:
    """The Debian package of a library file (dpkg knows one spelling of the path: /lib or /usr/lib, link or file)."""
    real = os.path.realpath(path)
    for candidate in (path, real, *(p.replace("/usr/lib/", "/lib/", 1) for p in (path, real)),
                      *(p.replace("/lib/", "/usr/lib/", 1) for p in (path, real) if not p.startswith("/usr/"))):
        owner = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if owner.returncode == 0:
            return owner.stdout.split(":")[0]
    return ""


def test_depends_names_every_system_library_the_bundle_links(deb, tmp_path):
    """Every library an ELF file of the bundle needs and does not carry belongs to a package in Depends."""
    subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp_path)], check=True)
    files = elf_files(tmp_path / "opt" / "victimcare")
    carried = {p.name for p in (tmp_path / "opt" / "victimcare").rglob("*.so*")}
    outside = needed_libraries(files) - carried
    depends = {d.strip().split(" ")[0] for d in field(deb, "Depends").split(",")}
    cache = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    unowned = {}
    for lib in sorted(outside):
        match = re.search(rf"^\s+{re.escape(lib)} \(.*x86-64.*\) => (\S+)$", cache, re.M)
        if match is None:
            unowned[lib] = "not on this machine"
            continue
        package = owning_package(match.group(1))
        if package not in depends and package != "libc6":
            unowned[lib] = package
    assert unowned == {}
    assert "libxcb-cursor0" in depends and "libxkbcommon-x11-0" in depends


def test_lintian_finds_no_error(deb):
    lintian = require_tool("lintian", "lintian")
    run = timed("lintian", [lintian, "--tag-display-limit", "0", str(deb)], capture_output=True, text=True,
                timeout=600)
    errors = [line for line in run.stdout.splitlines() if line.startswith("E:")]
    assert errors == [], "\n".join(errors)


def repacked_with_version(deb: Path, version: str, folder: Path) -> Path:
    """The same package under a newer version number (stands in for the next release)."""
    tree = folder / "tree"
    subprocess.run(["dpkg-deb", "-R", str(deb), str(tree)], check=True)
    control = tree / "DEBIAN" / "control"
    control.write_text(re.sub(r"^Version: .*$", f"Version: {version}", control.read_text(), flags=re.M))
    newer = folder / f"victimcare_{version}_amd64.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Znone", "--build", str(tree), str(newer)], check=True,
                    capture_output=True)
    return newer


def test_install_self_check_upgrade_keeps_the_vault_then_remove(deb, tmp_path):
    if os.geteuid() != 0:
        pytest.skip("dpkg -i needs root (CI runs as root)")
    require_tool("dpkg", "dpkg")
    home = tmp_path / "home"
    env = {**OFFSCREEN, "VICTIMCARE_HOME": str(home)}
    vault = home / "vault"
    try:
        run = timed("dpkg -i", ["dpkg", "-i", str(deb)], capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        version = subprocess.run(["/usr/bin/victimcare", "--version"], capture_output=True, text=True, timeout=60)
        assert version.stdout.strip() == f"VictimCare {VERSION}"
        check = timed("installed self-check", ["/usr/bin/victimcare", "--self-check"], cwd=tmp_path, env=env,
                      capture_output=True, text=True, timeout=300)
        assert check.returncode == 0 and check.stdout.strip() == "OK", check.stderr
        assert not home.exists() or not (home / "vault").exists(), "the self-check leaves the user's folder alone"

        init = subprocess.run(["/usr/bin/victimcare", "admin", "init", "--station", "测试救助站", "--station-code", "TS",
                               "--user", SUPERVISOR, "--password-stdin"], input=PASSWORD + "\n", env=env,
                              capture_output=True, text=True, timeout=300)
        assert init.returncode == 0, init.stderr
        before = {p.name: p.read_bytes() for p in vault.glob("*.db")}

        newer = repacked_with_version(deb, f"{VERSION}+upgrade1", tmp_path)
        run = timed("dpkg -i (upgrade)", ["dpkg", "-i", str(newer)], capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stderr
        assert {p.name: p.read_bytes() for p in vault.glob("*.db")} == before, "the upgrade leaves the vault as it was"
        verify = subprocess.run(["/usr/bin/victimcare", "admin", "verify", "--user", SUPERVISOR, "--password-stdin"],
                                input=PASSWORD + "\n", env=env, capture_output=True, text=True, timeout=300)
        assert verify.returncode == 0, verify.stderr
    finally:
        removed = subprocess.run(["dpkg", "-r", "victimcare"], capture_output=True, text=True, timeout=600)
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/victimcare").exists() and not Path("/usr/bin/victimcare").exists()
    assert sorted(p.name for p in vault.glob("*.db")) == ["audit.db", "core.db", "school.db", "sensitive.db"], \
        "removing the program never removes the vault"


# -- Windows: the NSIS script ----------------------------------------------------------------------------

def test_the_nsis_script_compiles_over_the_bundle(frozen_bundle, tmp_path):
    makensis = require_tool("makensis", "nsis")
    setup = tmp_path / f"VictimCare-{VERSION}-setup.exe"
    run = timed("makensis", [makensis, "-WX", "-V2", f"-DVERSION={VERSION}", f"-DBUNDLE={frozen_bundle}", "-DFAST",
                             f"-DOUTFILE={setup}", str(ROOT / "installer" / "victimcare.nsi")],
                capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert setup.read_bytes()[:2] == b"MZ"
    script = (ROOT / "installer" / "victimcare.nsi").read_text(encoding="utf-8")
    uninstall = script[script.index('Section "Uninstall"'):]
    assert "APPDATA" not in uninstall.replace("Never $LOCALAPPDATA", ""), "the uninstaller never deletes user data"
    assert 'MUI_LANGUAGE "SimpChinese"' in script and "$PROGRAMFILES64" in script


def test_the_bundle_needs_a_known_glibc(frozen_bundle):
    """Reported, not judged: the highest GLIBC_x.y any ELF file of the bundle asks for."""
    out = subprocess.run(["objdump", "-T", *map(str, elf_files(frozen_bundle))], capture_output=True, text=True).stdout
    versions = sorted({tuple(map(int, v.split("."))) for v in re.findall(r"GLIBC_(\d+\.\d+(?:\.\d+)?)", out)})
    floor = ".".join(map(str, versions[-1]))
    TIMINGS[f"glibc floor {floor}"] = 0.0
    assert versions[-1] >= (2, 17)
    size = sum(p.stat().st_size for p in frozen_bundle.rglob("*") if p.is_file())
    assert size < 400 * 1024 * 1024, f"bundle grew to {size / 2**20:.0f} MB"
