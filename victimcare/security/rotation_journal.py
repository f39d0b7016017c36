"""The commit point of a key rotation and what finishes or undoes one a crash cut off.

A rotation (``victimcare.security.rotation``) stages every new file in ``<vault>/rotating/`` (the
re-keyed compartments, the re-keyed migration backups under ``backups/``, the new ``keyring.json``),
fsyncs them, and then writes ``rotating/commit.json`` atomically: **that rename is the commit point**.
The journal lists, relative to the vault, the files that then move from ``rotating/`` over the live
ones (compartments first, backups next, the keyring last) and the old backups to delete. It holds file
names and nothing else: no key material, nothing about a person.

``finish_interrupted(vault_dir)`` runs first thing at every open (``Session._open_all``, before any
compartment is touched): with a journal it redoes the moves whose source is still staged (each move is
a rename, so redoing is safe) and deletes the staging folder — the vault is then entirely the rotated one;
without a journal it deletes the staging folder — the live files were never touched and the vault stays
entirely the old one. Either way it leaves ``rotation-finished.json`` (the outcome, nothing else), which
the next session to open appends to the audit log and deletes (``Session._open_all``). This follows the restore's pattern (``backup_files.install_staged``: a complete,
fsynced staged copy and a marker that says it may move in) for files inside the vault.
"""

import json
import os
import re
import shutil
from pathlib import Path

from victimcare.core.crash import crash_point
from victimcare.core.errors import VaultError
from victimcare.core.fsutil import fsync_dir, write_private_file
from victimcare.core.locks import exclusive
from victimcare.security.keyring import KEYRING_FILE, KEYRING_LOCK

STAGING = "rotating"
JOURNAL = "commit.json"
FORMAT = 1
_FILE = re.compile(r"(?:backups/)?[A-Za-z0-9][A-Za-z0-9._-]{0,120}")
DAMAGED = ("保险库中有一次密钥轮换的记录（rotating/commit.json）已损坏，无法完成。文件已保持原样。"
           "请不要继续录入，请联系站长检查并从备份恢复。")

ROLLED_BACK = "rolled_back"
ROLLED_FORWARD = "rolled_forward"
KEYRING_MOVED = "keyring_moved"  # rolled forward, and the keyring on disk was replaced just now
FINISHED = "rotation-finished.json"  # what the last open did with an interrupted rotation, until audited


def staging_dir(vault_dir: Path) -> Path:
    return Path(vault_dir) / STAGING


def journal_bytes(files: list[str], remove: list[str]) -> bytes:
    for name in (*files, *remove):
        if not _FILE.fullmatch(name) or ".." in name:
            raise ValueError("not a vault file name")
    return json.dumps({"format": FORMAT, "files": files, "remove": remove}, sort_keys=True).encode("utf-8")


def commit(vault_dir: Path, files: list[str], remove: list[str]) -> None:
    """The commit point: the journal, written and fsynced atomically (a crash leaves it whole or absent)."""
    write_private_file(staging_dir(vault_dir) / JOURNAL, journal_bytes(files, remove))


def _read(journal: Path) -> tuple[list[str], list[str]]:
    try:
        data = json.loads(journal.read_text(encoding="utf-8"))
        files, remove = data["files"], data["remove"]
        ok = (data.get("format") == FORMAT and isinstance(files, list) and isinstance(remove, list)
              and all(isinstance(n, str) and _FILE.fullmatch(n) and ".." not in n for n in (*files, *remove)))
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        ok = False
    if not ok:
        raise VaultError(DAMAGED)
    return files, remove


def _drop_sqlite_sidecars(path: Path) -> None:
    """The -wal/-shm of the file about to be replaced: never replayed onto the new file (its frames are
    under the old key). The rotation closed the old file checkpointed, so normally there is none."""
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _remove(vault_dir: Path, names: list[str]) -> None:
    for name in names:
        _drop_sqlite_sidecars(vault_dir / name)
        (vault_dir / name).unlink(missing_ok=True)
        crash_point("rotation_removed_backup")


def apply(vault_dir: Path, files: list[str], remove: list[str]) -> bool:
    """The moves after the commit point, in the journal's order; idempotent. True when the keyring moved."""
    vault_dir = Path(vault_dir)
    staged = staging_dir(vault_dir)
    keyring_moved = False
    rest = [n for n in files if n != KEYRING_FILE]
    for name in rest + [n for n in files if n == KEYRING_FILE]:
        if name == KEYRING_FILE:
            _remove(vault_dir, remove)  # the old backups go before the keyring, which moves last
        source = staged / name
        if not source.exists():
            continue  # moved before the crash
        target = vault_dir / name
        if target.suffix == ".db":
            _drop_sqlite_sidecars(target)
        os.replace(source, target)
        keyring_moved |= name == KEYRING_FILE
        crash_point(f"rotation_moved_{'backup' if '/' in name else Path(name).stem}")
    if KEYRING_FILE not in files:
        _remove(vault_dir, remove)
    if (vault_dir / "backups").is_dir():
        fsync_dir(vault_dir / "backups")
    fsync_dir(vault_dir)
    return keyring_moved


def discard(vault_dir: Path) -> None:
    """Delete the staging folder (ciphertext under keys no account holds yet, or already moved)."""
    staged = staging_dir(vault_dir)
    if staged.exists():
        shutil.rmtree(staged)
        fsync_dir(Path(vault_dir))


def finish_interrupted(vault_dir: Path) -> str:
    """Roll a rotation cut off by a crash forward (journal present) or back (absent). Returns '' when there
    was none, ``ROLLED_BACK``, ``ROLLED_FORWARD``, or ``KEYRING_MOVED`` (rolled forward and the keyring
    replaced now: a sign-in that read the old keyring must read it again)."""
    vault_dir = Path(vault_dir)

    def busy():
        raise VaultError("保险库的账户信息正被另一处使用，请稍候片刻再试。")

    # the lock first, then the look: a rotation running in this process holds it, and its staging folder
    # is not a crash's leftover (as Keyring.LOCK_WAIT: a sign-in waits out a rotation)
    with exclusive(vault_dir / KEYRING_LOCK, timeout=90.0, on_timeout=busy):
        staged = staging_dir(vault_dir)
        if not staged.is_dir():
            return ""
        journal = staged / JOURNAL
        if not journal.is_file():
            _note_finished(vault_dir, ROLLED_BACK)
            discard(vault_dir)
            return ROLLED_BACK
        files, remove = _read(journal)
        moved = apply(vault_dir, files, remove)
        _note_finished(vault_dir, ROLLED_FORWARD)
        discard(vault_dir)
    return KEYRING_MOVED if moved else ROLLED_FORWARD


def _note_finished(vault_dir: Path, outcome: str) -> None:
    """Before the staging folder goes: a crash after this repeats the same outcome, never loses it."""
    write_private_file(vault_dir / FINISHED, json.dumps({"outcome": outcome}).encode("utf-8"))


def finished(vault_dir: Path) -> str:
    """The outcome an earlier open left to be audited, or '' (none, or not one this code writes)."""
    try:
        outcome = json.loads((Path(vault_dir) / FINISHED).read_text(encoding="utf-8")).get("outcome")
    except (OSError, ValueError, AttributeError):
        return ""
    return outcome if outcome in (ROLLED_BACK, ROLLED_FORWARD) else ""


def clear_finished(vault_dir: Path) -> None:
    (Path(vault_dir) / FINISHED).unlink(missing_ok=True)

