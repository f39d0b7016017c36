"""What a session checks and repairs when it opens the vault, before anything is written.

At open (owner thread, every sign-in, a few milliseconds at 100,000 cases):

0. a key rotation a crash cut off is finished (past its commit point) or undone (``finish_rotation``),
   before any compartment file is looked at;
1. each compartment file this account holds exists, is not empty and is a whole number of pages —
   a missing, zero-byte or cut-off file is refused, never re-created (only ``Vault.create`` makes
   compartment files, all four at schema version 0 before the first sign-in);
2. page 1 decrypts with the key (``open_compartment``), and the schema version is known: not newer
   than this program (``migrate``) and not 0 (an empty database) unless the whole vault is new;
3. the last-write stamps (``victimcare.db.stamps``): a compartment older than another remembers it
   makes the session read-only (an older audit log is refused outright);
4. only then, and only when nothing was found: the repair (``repair``) — the outbox entries a crash
   left are appended to the audit log, and the casework repairs registered here (``REPAIRS``: rows in
   one compartment whose case another never acknowledged) run; the repair is audited as one entry.

After sign-in, ``DeepCheck`` reads every page of every compartment on the session's own side
connections (``cipher_integrity_check`` and ``quick_check``: ~1.5 s at 100,000 cases, too slow for
every unlock) in the background; damage found there makes the session read-only.
"""

import threading
from collections.abc import Callable
from pathlib import Path

import sqlcipher3

from victimcare.core.errors import VaultError
from victimcare.db import stamps
from victimcare.db.connection import quick_problems, size_problem
from victimcare.db.migrate import schema_version
from victimcare.db.schema import COMPARTMENT_LABELS
from victimcare.security import keyring_check
from victimcare.security import outbox
from victimcare.security import rotation_journal
from victimcare.security.holders import ROOT_META
from victimcare.security.audit import ANCHOR_FILE

RESTORE = "文件已保持原样。请不要继续录入，请联系站长检查并从备份恢复。"

# Casework repairs run at open: (conns: compartment → connection) → {what: rows repaired}. Registered
# by the casework package when it is imported (the security layer does not know its tables).
REPAIRS: list[Callable[[dict], dict[str, int]]] = []


def register_repair(fn):
    REPAIRS.append(fn)
    return fn


def label(name: str, path) -> str:
    return f"{COMPARTMENT_LABELS.get(name, name)}（{path.name}）"


def finish_rotation(vault_dir) -> None:
    """Roll an interrupted rotation forward or back (``rotation_journal``). When that just moved the new
    keyring in, this sign-in unwrapped the old one: ``KeyringOutdated`` makes ``Vault.login`` read the
    keyring again and sign in on it (an account the rotation disabled is then refused)."""
    if rotation_journal.finish_interrupted(vault_dir) == rotation_journal.KEYRING_MOVED:
        raise keyring_check.KeyringOutdated()


def record_finished_rotation(audit_log, vault_dir, fields: dict) -> None:
    """Audit what an earlier open did with an interrupted rotation (rolled forward or back), once."""
    outcome = rotation_journal.finished(vault_dir)
    if outcome:
        audit_log.append(action="key_change", object_type="vault", detail=f"rotation_{outcome}", **fields)
    if outcome or (Path(vault_dir) / rotation_journal.FINISHED).exists():
        rotation_journal.clear_finished(vault_dir)


def check_file(name: str, path) -> None:
    """Refuse a missing, empty or cut-off compartment file (no key needed)."""
    problem = size_problem(path)
    if problem:
        raise VaultError(f"保险库文件{label(name, path)}{problem}，无法登录。{RESTORE}")


def check_schema(conns: dict, paths: dict, vault_dir) -> None:
    """An empty database (schema version 0) is only allowed when the whole vault is new."""
    empty = [n for n, c in conns.items() if schema_version(c) == 0]
    fresh = len(empty) == len(conns) and not (vault_dir / ANCHOR_FILE).exists()
    if empty and not fresh:
        name = empty[0]
        raise VaultError(f"保险库文件{label(name, paths[name])}是空的（里面没有任何数据表），"
                         f"可能被替换或清空，无法登录。{RESTORE}")


KEYRING_GENERATION = "keyring_generation"


def _recorded_generation(conn) -> int:
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEYRING_GENERATION,)).fetchone()
    except sqlcipher3.DatabaseError:  # no meta yet (a new vault) or a damaged page: stamp_damage says so
        return 0
    try:
        return int(row[0]) if row else 0
    except ValueError:
        return 0


def check_keyring_generation(conns: dict, generation: int) -> None:
    """Refuse a keyring older than any compartment remembers (an insider copying an earlier keyring back
    after a disable, a password or role change)."""
    recorded = max((_recorded_generation(c) for c in conns.values()), default=0)
    if generation < recorded:
        raise keyring_check.KeyringOutdated()


def record_keyring_generation(conns: dict, generation: int) -> None:
    """The audit compartment — which every account holds, and which is refused outright when it is older
    than the others remember — keeps the newest keyring generation it was opened with (the data files
    stay untouched by a password change)."""
    conn = conns.get("audit")
    if generation and conn is not None:
        if schema_version(conn) and _recorded_generation(conn) < generation:
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                         "value = excluded.value", (KEYRING_GENERATION, str(generation)))


def meta_value(conn, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def check_root(conns: dict, root: str) -> None:
    """Refuse a keyring whose certificates lead to another root than the one the compartments were
    created with (a keyring made up, or taken from another vault, with the MAC recomputed)."""
    for conn in conns.values():
        try:
            pinned = meta_value(conn, ROOT_META)
        except sqlcipher3.DatabaseError:  # no meta yet: a new vault
            continue
        if pinned is not None and pinned != root:
            raise VaultError(keyring_check.TAMPERED)


def pin_root(conns: dict, root: str) -> None:
    """Record the root in each compartment that has none yet (the vault's first sign-in)."""
    for conn in conns.values():
        if root and schema_version(conn) and meta_value(conn, ROOT_META) is None:
            conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (ROOT_META, root))


def stamp_damage(conns: dict, paths: dict) -> dict[str, str]:
    """compartment → what is wrong: files whose meta cannot be read (a damaged page), and files older
    than another compartment remembers them."""
    damage, own, seen = {}, {}, {}
    for name, conn in conns.items():
        if schema_version(conn) == 0:  # a new vault has no meta yet
            continue
        try:
            own[name], seen[name] = stamps.read(conn), stamps.read_seen(conn)
        except sqlcipher3.DatabaseError:
            damage[name] = "有损坏，部分内容无法读取"
    for name, (witness, _saw, _has) in stamps.regressions(own, seen).items():
        damage.setdefault(name, f"比{COMPARTMENT_LABELS.get(witness, witness)}记录的旧（最近的改动不见了："
                                f"可能被换成了旧副本，或崩溃后的 -wal 文件被删除）")
    return damage


def repair(audit_log, conns: dict, account_fields: dict) -> dict[str, int]:
    """Append what a crash left in the outboxes, run the casework repairs, audit it as one entry."""
    done: dict[str, int] = {}
    for fn in REPAIRS:
        for what, count in fn(conns).items():
            if count:
                done[what] = done.get(what, 0) + count
    for name in outbox.OUTBOX_COMPARTMENTS:
        if name in conns and "core" in conns:  # a referral's entry waits until its core part is repaired
            count = outbox.replay(audit_log, conns[name], name)
            if count:
                done[f"outbox:{name}"] = count
    if done:
        detail = "repair:" + ",".join(f"{k}={v}" for k, v in sorted(done.items()))
        audit_log.append(**account_fields, action="verify", object_type="vault", detail=detail,
                         record_count=sum(done.values()))
    return done


class DeepCheck:
    """Every page of every compartment, on the session's own side connections, in a background thread.
    ``on_damage(name, message)`` is called for each damaged compartment; ``stop`` interrupts it."""

    def __init__(self, session, on_damage):
        self.session, self.on_damage = session, on_damage
        self.results: dict[str, list[str]] = {}
        self.done = threading.Event()
        self._conn = None
        self._stopped = False
        self._thread = threading.Thread(target=self._run, name="vault-deep-check", daemon=True)

    def start(self) -> "DeepCheck":
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            with self.session.side_connections(audit=True) as conns:
                for name, conn in conns.items():
                    if self._stopped:
                        return
                    self._conn = conn
                    try:
                        problems = quick_problems(conn)
                    except sqlcipher3.Error as exc:
                        problems = [str(exc)]
                    self._conn = None
                    if self._stopped:
                        return
                    self.results[name] = problems
                    if problems:
                        path = self.session.vault.compartment_path(name)
                        self.on_damage(name, f"保险库文件{label(name, path)}有 {len(problems)} 处损坏")
        except Exception:  # a lock or sign-out in the middle: nothing to report
            pass
        finally:
            self.done.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stopped = True
        conn = self._conn
        if conn is not None:
            try:
                conn.interrupt()
            except Exception:
                pass
        if self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout)
