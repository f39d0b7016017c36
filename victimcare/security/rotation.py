"""Re-keying compartments, crash-safely: the storage engine of revocation by rotation (issue 11).

``rotate_compartments(session, names, write_keyring)`` gives each named compartment a fresh random key
and a new file, and moves the new files and the new keyring in at one commit point:

1. **Stage** (the live files untouched): each compartment is copied through SQLite's backup API into
   ``<vault>/rotating/<name>.db``, keyed with the new key before the first page arrives (the same copy
   the backups use, ``backup_files.write_copy``: every page re-encrypted, the schema version kept —
   SQLCipher's export function would drop ``user_version`` and needs the key in an ATTACH statement,
   which the house allows in one place only), then reopened with the new key and checked
   (``check_copy``: cipher_integrity_check, integrity_check, same schema version and row counts per
   table as the live file). Then the migration backups of those compartments (below), then the new
   keyring: ``write_keyring(ring, new_keys)`` returns its bytes (new wraps for the remaining holders and
   the recovery code, signed) and they are written beside. Everything staged is fsynced. The keyring's
   lock (``Keyring.held``) is held from the first staged page to the cleanup.
2. **Commit**: the live connections of the rotated compartments are closed checkpointed (no -wal of the
   old file is left to be replayed onto the new one), and ``rotating/commit.json`` is written atomically
   (``rotation_journal``). Before this rename a crash leaves the old vault (old keys, old keyring), after
   it the new one: the next open rolls forward or back (``rotation_journal.finish_interrupted``).
3. **Move**: the staged compartments over the live ones, the backups, the keyring last; fsync; the
   staging folder deleted.
4. **Go on**: the session opens the new files with the new keys and wipes the old keys.

**Migration backups** (``vault/backups/<name>-v<version>-<time>.db``, copies taken before a schema
migration, under the key of their compartment) are *re-encrypted* under the new key in the same staging
and commit, not deleted: they are the only way back from a migration that went wrong, and a rotation
(a disabled social worker) says nothing about whether the data's last migration was sound. A revoked
account must not be able to read any file in the vault folder with its old keys, so a backup that cannot
be re-encrypted (the old key does not open it, or its copy fails the check) is deleted at the commit
instead of being left under the old key, and leftover ``*.partial`` copies are deleted too. Backups of
compartments that are not rotated keep their key, which did not change.

What stays readable with the old keys: copies outside the vault folder (the external backup generations
a supervisor wrote, which hold the keys they were made with), and old ciphertext the file system has not
overwritten yet on the disk itself.
"""

import json
import re
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3

from victimcare.core.crash import crash_point
from victimcare.core.errors import UserError, ValidationError, VaultError, os_error_message
from victimcare.core.fsutil import ensure_private_dir, fsync_dir, write_private_file
from victimcare.db.connection import WrongKey, open_compartment
from victimcare.db.migrate import schema_version
from victimcare.db.storage_errors import storage_error
from victimcare.db.schema import COMPARTMENTS
from victimcare.security import crypto, keyring_check, rotation_journal, vault_lock
from victimcare.security.backup_files import check_copy, fsync_file, row_counts, write_copy
from victimcare.security.keyring import KEYRING_FILE, Keyring

BACKUPS = "backups"
_BACKUP = re.compile(r"(?P<name>[a-z]+)-v[0-9A-Za-z_]+-[0-9-]+\.db")
NOT_DONE = "密钥轮换未完成（{why}），保险库没有任何改动，旧密钥仍然有效。请检查磁盘空间后重试。"
AFTER_COMMIT = ("密钥轮换已提交，但新文件未能全部就位（{why}）。请退出并重新登录：登录时会自动完成轮换。")

OTHER_SESSION = ("本机另有一个登录正在使用保险库（例如锁屏后另一位同事登录了）。重新加密需要独占保险库："
                 "请先让其他登录退出，然后重试。保险库没有任何改动。")

WriteKeyring = Callable[[Keyring, dict[str, bytearray]], bytes]


@dataclass
class RotationReport:
    compartments: tuple[str, ...]
    rows: dict[str, int] = field(default_factory=dict)  # compartment → rows copied (all tables)
    bytes_staged: int = 0
    backups_reencrypted: int = 0
    backups_removed: int = 0
    keyring_generation: int = 0
    seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # seconds: wait, copy, check, backups, keyring, …

    @contextmanager
    def timed(self, phase: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self.phases[phase] = self.phases.get(phase, 0.0) + time.perf_counter() - started


class _Meter:
    """Progress in pages: each compartment is copied, then checked (about as long), then the commit."""

    def __init__(self, tell, pages: int):
        self.tell, self.total, self.done = tell, 2 * pages + 1, 0

    def copying(self):
        return None if self.tell is None else (lambda copied, _n: self.tell(self.done + copied, self.total))

    def add(self, pages: int) -> None:
        self.done += pages
        if self.tell is not None:
            self.tell(self.done, self.total)


def rotate_compartments(session, names: set[str], write_keyring: WriteKeyring, progress=None) -> RotationReport:
    """Re-key ``names`` (compartments the session holds) and move them in with the keyring
    ``write_keyring(ring, new_keys)`` renders, at one commit point. Runs on the session's owner thread;
    the session then goes on with the new keys. A ``UserError`` before the commit leaves everything as
    it was; the caller (a gated, audited operation) decides who may rotate. ``progress(done, total)`` is
    told as the files are copied and checked."""
    names = set(names)
    if not names or not names <= set(COMPARTMENTS):
        raise ValidationError("compartments", "要轮换密钥的数据分区不正确。")
    session.check_open()
    session.check_writable()  # never copy a damaged file into a new one
    missing = names - set(session.compartments())
    if missing:
        raise VaultError("此账户没有这些数据分区的密钥，不能轮换。")
    return session.run(_rotate, session, sorted(names), write_keyring, progress)


def _rotate(session, names: list[str], write_keyring: WriteKeyring, progress) -> RotationReport:
    started, report = time.perf_counter(), RotationReport(tuple(names))
    with session.replacing_files():
        report.phases["wait"] = time.perf_counter() - started  # for the background page check to stop
        _rotate_files(session, names, write_keyring, report, progress)
    report.seconds = time.perf_counter() - started
    return report


def _rotate_files(session, names: list[str], write_keyring: WriteKeyring, report: RotationReport,
                  progress) -> None:
    vault_dir = Path(session.vault_path)
    pages = {name: session.conn(name).execute("PRAGMA page_count").fetchone()[0] for name in names}
    meter = _Meter(progress, sum(pages.values()))
    new_keys = {name: crypto.new_key() for name in names}
    committed = False
    try:
        # The keyring's lock is held from the first staged page to the cleanup: a sign-in meanwhile (this
        # process's lock screen, say) waits, rather than rolling back this staging folder as one a crash
        # left behind (``rotation_journal.finish_interrupted`` takes the same lock).
        with Keyring.held(vault_dir, timeout=60.0) as ring:
            if vault_lock.holders(vault_dir) > 1:  # another session of this process would write the old files
                raise VaultError(OTHER_SESSION)
            rotation_journal.discard(vault_dir)  # a staging folder no journal names is never moved in
            staged = ensure_private_dir(rotation_journal.staging_dir(vault_dir))
            for name in names:
                crash_point(f"rotation_stage_{name}")
                report.rows[name] = _stage_compartment(session.conn(name), staged / f"{name}.db",
                                                       new_keys[name], report, meter, pages[name])
                crash_point(f"rotation_staged_{name}")
            files = [f"{name}.db" for name in names]
            with report.timed("backups"):
                moved, removed = _stage_backups(vault_dir, staged, {n: session.key_for(n) for n in names},
                                                new_keys)
            report.backups_reencrypted, report.backups_removed = len(moved), len(removed)
            files += moved
            crash_point("rotation_staged_backups")
            with report.timed("keyring"):
                report.keyring_generation = _stage_keyring(ring, staged, write_keyring, new_keys)
            files.append(KEYRING_FILE)
            with report.timed("fsync"):
                report.bytes_staged = _fsync_staged(staged)
            crash_point("rotation_before_commit")
            with report.timed("commit_and_moves"):
                session.release_compartments(names)
                crash_point("rotation_released")
                rotation_journal.commit(vault_dir, files, removed)
                committed = True
                crash_point("rotation_committed")
                rotation_journal.apply(vault_dir, files, removed)
                crash_point("rotation_before_cleanup")
                rotation_journal.discard(vault_dir)
                crash_point("rotation_cleaned")
                meter.add(1)
        with report.timed("reopen"):
            session.adopt_compartments(new_keys)  # the new files under the new keys; the old keys are wiped
    except BaseException as exc:
        if committed:  # the next open finishes it; this session's keys may no longer open its files
            _wipe(new_keys)
            session.close(action="lock", detail="rotation_incomplete")
            if isinstance(exc, Exception):
                raise VaultError(AFTER_COMMIT.format(why=_why(exc))) from None
            raise
        _undo(session, vault_dir, new_keys)
        if isinstance(exc, sqlcipher3.Error):
            raise storage_error(exc) from None
        if isinstance(exc, (OSError, _StageFailed)):
            raise VaultError(NOT_DONE.format(why=_why(exc))) from None
        raise
    session.vault.keyring = Keyring.load(vault_dir)
    session.note_keyring_generation(report.keyring_generation)


def _why(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return os_error_message(exc)
    if isinstance(exc, sqlcipher3.Error):
        return storage_error(exc).message.split("，")[0]
    return getattr(exc, "message", "") or "未知原因"


def _undo(session, vault_dir: Path, new_keys: dict) -> None:
    """Before the commit point: the live files were never touched. Reopen what was released under the
    keys the session holds, drop the staged copies, wipe the new keys."""
    _wipe(new_keys)
    try:
        session.adopt_compartments({})
    except Exception:  # the old files cannot be opened again: no half-open session is left
        session.close(action="lock", detail="rotation_failed")
    try:
        rotation_journal.discard(vault_dir)
    except OSError:
        pass  # ciphertext under keys nobody holds; the next open deletes it (no journal)


class _StageFailed(VaultError):
    pass


def _wipe(keys: dict[str, bytearray]) -> None:
    for key in keys.values():
        crypto.wipe(key)


def _stage_compartment(conn, target: Path, key: bytearray, report: RotationReport, meter: _Meter, pages: int) -> int:
    """The re-keyed copy, checked: opens with the new key, every page sound, same version and rows."""
    with report.timed("copy"):
        write_copy(conn, target, key, meter.copying())
    meter.add(pages)
    with report.timed("check"):
        check = check_copy(target, key)
        live = row_counts(conn)
    meter.add(pages)
    if check.problems or check.counts != live or check.version != schema_version(conn):
        raise _StageFailed("新文件未通过校验")
    return sum(check.counts.values())


def _stage_backups(vault_dir: Path, staged: Path, old_keys: dict, new_keys: dict) -> tuple[list[str], list[str]]:
    """The migration backups of the rotated compartments re-encrypted into ``staged/backups``; returns
    (files to move in, old files to delete at the commit)."""
    folder = vault_dir / BACKUPS
    if not folder.is_dir():
        return [], []
    moved, removed = [], []
    for path in sorted(folder.iterdir()):
        if not path.is_file():
            continue
        if path.name.endswith(".partial"):  # a copy a crash cut off, under some old key
            removed.append(f"{BACKUPS}/{path.name}")
            continue
        sidecar = path.name.endswith(("-wal", "-shm", "-journal"))
        match = _BACKUP.fullmatch(path.name.rsplit("-", 1)[0] if sidecar else path.name)
        if match is None or match["name"] not in new_keys:
            continue
        if sidecar:  # left by a crash while the backup was open: its frames are under the old key
            removed.append(f"{BACKUPS}/{path.name}")
            continue
        target = ensure_private_dir(staged / BACKUPS) / path.name
        if _reencrypt(path, target, old_keys[match["name"]], new_keys[match["name"]]):
            moved.append(f"{BACKUPS}/{path.name}")
        else:
            removed.append(f"{BACKUPS}/{path.name}")
        crash_point("rotation_staged_backup")
    return moved, removed


def _reencrypt(source: Path, target: Path, old_key, new_key) -> bool:
    try:
        conn = open_compartment(source, old_key)
    except (WrongKey, sqlcipher3.DatabaseError):
        return False
    try:
        write_copy(conn, target, new_key)
        check = check_copy(target, new_key)
        ok = not check.problems and check.counts == row_counts(conn) and check.version == schema_version(conn)
    except sqlcipher3.DatabaseError:  # a damaged backup: deleted rather than left under the old key
        ok = False
    finally:
        conn.close()
    if not ok:
        target.unlink(missing_ok=True)
    return ok


def _stage_keyring(ring: Keyring, staged: Path, write_keyring: WriteKeyring, new_keys: dict) -> int:
    """The new keyring's bytes (from the caller), checked for shape and a newer generation, staged."""
    before = ring.generation  # render bumps the ring's own generation
    data = write_keyring(ring, dict(new_keys))  # the engine's own bytearrays: read, never wipe
    try:
        parsed = json.loads(bytes(data).decode("utf-8"))
        keyring_check.check_shape(parsed)
        generation = int(parsed.get("generation", 0))
    except (ValueError, TypeError, UserError):
        raise _StageFailed("新的账户信息不完整") from None
    if generation <= before:
        raise _StageFailed("新的账户信息没有签名")
    write_private_file(staged / KEYRING_FILE, bytes(data))
    crash_point("rotation_staged_keyring")
    return generation


def _fsync_staged(staged: Path) -> int:
    total = 0
    for path in sorted(staged.rglob("*")):
        if path.is_file():
            fsync_file(path)
            total += path.stat().st_size
    for folder in (staged / BACKUPS, staged):
        if folder.is_dir():
            fsync_dir(folder)
    return total
