"""The files of an encrypted backup: one keyed copy of a compartment, its check, the manifest of a
backup generation, the list of generations in a folder, and swapping a restored vault into place.

Nothing here writes a plaintext byte: a copy goes through SQLite's backup API into a target that was
keyed first (an unkeyed target makes the API fail rather than write plaintext), as ``*.partial``,
and is renamed only by the caller once it has been reopened and checked. The manifest holds the
vault id, the station code, times, schema versions, row counts per table and file hashes: nothing
about a person. It carries an HMAC under a key derived from the core compartment's key, so a file
swapped in with a matching edited manifest is still caught by whoever holds the keys.

A generation folder is ``VictimCare-backup-<vault id>-<YYYYmmdd-HHMMSS>`` (``-2``… when two start in
one second); it is written as ``<name>.partial`` and renamed when complete.
"""

import hashlib
import hmac
import json
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from victimcare.core.crash import crash_point
from victimcare.core.errors import VaultError
from victimcare.core.fsutil import ensure_private_dir, fsync_dir, write_private_file
from victimcare.db.connection import WrongKey, integrity_problems, open_compartment
from victimcare.db.migrate import schema_version

FORMAT = 1
MANIFEST = "manifest.json"
PREFIX = "VictimCare-backup-"
PARTIAL = ".partial"
SQLITE_MAGIC = b"SQLite format 3\x00"
GENERATION = re.compile(r"VictimCare-backup-([0-9a-f]{16})-(\d{8}-\d{6})(?:-(\d{1,3}))?")
RESTORE_READY = "restore-ready"  # marker in a staged vault: complete and fsynced, may be renamed in
STALE_STAGING_SECONDS = 3600  # a staging folder untouched this long belongs to no running restore
_TABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_MAC_LABEL = b"victimcare/backup-manifest/1"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_sqlite_files(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)


# -- one compartment --------------------------------------------------------------------------------

COPY_CACHE_KIB = 8 * 1024  # copies and their checks read each page once: the session's 128 MiB cache is waste
COPY_STEP_PAGES = 4096  # a copy that reports progress does it 16 MiB at a time


def write_copy(conn: sqlcipher3.Connection, tmp: Path, key: bytes | bytearray, progress=None) -> Path:
    """Copy the database of ``conn`` (its current read snapshot, if it has one open) into ``tmp``,
    encrypted under ``key``, checkpointed and closed: a single file, not yet checked. ``progress(pages
    copied, pages)`` is told as the copy goes (in steps of ``COPY_STEP_PAGES``)."""
    _remove_sqlite_files(tmp)
    dest = open_compartment(tmp, key)  # keyed before the first page arrives
    try:
        dest.execute(f"PRAGMA cache_size = -{COPY_CACHE_KIB}")  # a one-pass copy reuses no page
        if progress is None:
            conn.backup(dest)
        else:
            conn.backup(dest, pages=COPY_STEP_PAGES, progress=lambda _s, left, total: progress(total - left, total))
        dest.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        dest.close()
    return tmp


def row_counts(conn: sqlcipher3.Connection) -> dict[str, int]:
    """Rows of every table of the file (names only come from the file's schema, checked as identifiers)."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                        "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    counts = {}
    for name in names:
        if _TABLE.fullmatch(name):
            counts[name] = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
    return counts


@dataclass
class CompartmentCheck:
    problems: list[str]
    version: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def check_copy(path: Path, key: bytes | bytearray) -> CompartmentCheck:
    """Reopen a copy with its key: not plaintext, the key opens it, every row of cipher_integrity_check
    and integrity_check clean; then its schema version and row counts."""
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError:
        return CompartmentCheck(["文件缺失或无法读取"])
    if head == SQLITE_MAGIC:
        return CompartmentCheck(["文件未加密"])
    try:
        conn = open_compartment(path, key)
    except WrongKey:
        return CompartmentCheck(["密钥打不开此文件（文件已损坏或不属于此保险库）"])
    try:
        conn.execute(f"PRAGMA cache_size = -{COPY_CACHE_KIB}")  # one pass over every page: no reuse
        problems = integrity_problems(conn)
        if problems:
            return CompartmentCheck(problems)
        return CompartmentCheck([], schema_version(conn), row_counts(conn))
    except sqlcipher3.DatabaseError as exc:
        return CompartmentCheck([str(exc)])
    finally:
        conn.close()


# -- the manifest -----------------------------------------------------------------------------------

def _mac_key(core_key: bytes | bytearray) -> bytes:
    return hmac.new(bytes(core_key), _MAC_LABEL, hashlib.sha256).digest()


def _canonical(manifest: dict) -> bytes:
    body = {k: v for k, v in manifest.items() if k != "mac"}
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def seal_manifest(manifest: dict, core_key: bytes | bytearray) -> bytes:
    """The manifest's bytes with its HMAC; what is written to ``manifest.json``."""
    sealed = dict(manifest, mac=hmac.new(_mac_key(core_key), _canonical(manifest), hashlib.sha256).hexdigest())
    return json.dumps(sealed, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def manifest_mac_ok(manifest: dict, core_key: bytes | bytearray) -> bool:
    expected = hmac.new(_mac_key(core_key), _canonical(manifest), hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, str(manifest.get("mac", "")))


def read_manifest(folder: Path) -> dict:
    """The manifest of a generation folder, checked for shape (not yet for hashes or MAC)."""
    folder = Path(folder)
    name = GENERATION.fullmatch(folder.name)
    if name is None:
        raise VaultError(f"“{folder.name}”不是 VictimCare 备份文件夹（名称应为 {PREFIX}…）。"
                         "请选择一个备份批次的文件夹。")
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VaultError("此备份文件夹缺少清单文件，备份不完整，不能使用。请选择另一个备份批次。") from None
    except (OSError, ValueError):
        raise VaultError("此备份的清单文件已损坏，不能使用。请选择另一个备份批次。") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise VaultError("此备份由其他版本的 VictimCare 制作，当前版本无法读取。请安装相应版本后再试。")
    if manifest.get("vault_id") != name.group(1) or not isinstance(manifest.get("files"), dict):
        raise VaultError("此备份的清单与文件夹名称不符，可能被改动过，不能使用。请选择另一个备份批次。")
    return manifest


def hash_problems(folder: Path, manifest: dict) -> list[str]:
    """Files of the manifest that are missing or whose sha256 differs."""
    out = []
    for name, digest in sorted(manifest["files"].items()):
        path = Path(folder) / name
        if Path(name).name != name:
            out.append(f"{name}：清单中的文件名不合法")
        elif not path.is_file():
            out.append(f"{name}：文件缺失")
        elif sha256_file(path) != digest:
            out.append(f"{name}：内容与清单不符（文件被改动或损坏）")
    return out


@dataclass(frozen=True)
class Generation:
    folder: Path
    vault_id: str
    created_at: str
    station_code: str
    cases: int | None
    files_ok: bool
    problem: str = ""


def generations(folder: Path, vault_id: str | None = None, *, check_hashes: bool = True) -> list[Generation]:
    """The complete generations in ``folder`` (of one vault if given), oldest first, from their
    manifests; ``files_ok`` when every file is present with its recorded sha256."""
    folder = Path(folder)
    if not folder.is_dir():
        raise VaultError(f"找不到文件夹“{folder.name}”。请检查备份盘是否已插好、路径是否正确。")
    out = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir() and GENERATION.fullmatch(p.name)):
        vid = GENERATION.fullmatch(path.name).group(1)
        if vault_id is not None and vid != vault_id:
            continue
        try:
            manifest = read_manifest(path)
        except VaultError as exc:
            out.append(Generation(path, vid, "", "", None, False, exc.message))
            continue
        problems = hash_problems(path, manifest) if check_hashes else []
        cases = manifest.get("row_counts", {}).get("core", {}).get("cases")
        out.append(Generation(path, vid, str(manifest.get("created_at", "")), str(manifest.get("station_code", "")),
                              cases, not problems, "；".join(problems)))
    return out


def new_generation_name(folder: Path, vault_id: str, stamp: str) -> str:
    base = f"{PREFIX}{vault_id}-{stamp}"
    name, n = base, 1
    while (folder / name).exists() or (folder / f"{name}{PARTIAL}").exists():
        n += 1
        name = f"{base}-{n}"
    return name


def copy_private(src: Path, dest: Path) -> None:
    """Copy a (ciphertext or metadata) file, owner-only, flushed to disk."""
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(src, "rb") as f, os.fdopen(fd, "wb") as out:
        shutil.copyfileobj(f, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


# -- putting a restored vault in place --------------------------------------------------------------

def install_staged(staged: Path, vault_path: Path, stamp: str) -> Path | None:
    """Rename the live vault aside as ``<vault>-replaced-<stamp>`` (kept, never deleted) and the staged
    folder into its place, fsyncing the parent. Returns the folder set aside (None if there was no
    vault). A crash between the two renames is finished by ``finish_interrupted_restore``."""
    staged, vault_path = Path(staged), Path(vault_path)
    for f in staged.iterdir():
        if f.is_file():
            fsync_file(f)
    write_private_file(staged / RESTORE_READY, stamp.encode())
    fsync_dir(staged)
    aside = None
    if vault_path.exists():
        aside = vault_path.with_name(f"{vault_path.name}-replaced-{stamp}")
        n = 1
        while aside.exists():
            n += 1
            aside = vault_path.with_name(f"{vault_path.name}-replaced-{stamp}-{n}")
        os.replace(vault_path, aside)
        crash_point("restore_set_aside")
    try:
        os.replace(staged, vault_path)
    except OSError:
        if aside is not None and not vault_path.exists():
            os.replace(aside, vault_path)  # put the live vault back as it was
        raise
    crash_point("restore_installed")
    (vault_path / RESTORE_READY).unlink(missing_ok=True)
    fsync_dir(vault_path)
    fsync_dir(vault_path.parent)
    return aside


def staging_folder(vault_path: Path, stamp: str) -> Path:
    vault_path = Path(vault_path)
    return vault_path.with_name(f".{vault_path.name}-restoring-{stamp}")


def finish_interrupted_restore(vault_path: Path) -> bool:
    """Finish what a restore cut off by a crash left: if it stopped after setting the live vault aside
    and before renaming the restored one in, the vault folder is missing while a complete staged
    folder exists: rename it in. If it stopped just after that rename, drop the leftover marker.
    Staging folders abandoned more than an hour ago (ciphertext copies only) are removed."""
    vault_path = Path(vault_path)
    if not vault_path.parent.is_dir():
        return False
    staged = sorted(vault_path.parent.glob(f".{vault_path.name}-restoring-*"))
    if vault_path.exists():
        (vault_path / RESTORE_READY).unlink(missing_ok=True)
        for old in staged:
            try:
                if time.time() - old.stat().st_mtime > STALE_STAGING_SECONDS:
                    shutil.rmtree(old, ignore_errors=True)
            except OSError:
                pass
        return False
    ready = [p for p in staged if (p / RESTORE_READY).is_file()]
    if not ready:
        return False
    os.replace(ready[-1], vault_path)
    (vault_path / RESTORE_READY).unlink(missing_ok=True)
    fsync_dir(vault_path.parent)
    return True


def prepare_staging(vault_path: Path, stamp: str) -> Path:
    staged = staging_folder(vault_path, stamp)
    if staged.exists():
        shutil.rmtree(staged)
    return ensure_private_dir(staged)
