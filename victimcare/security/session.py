"""A signed-in session: the account, its role, its open compartments and their owner thread.

The session knows nothing of the services built on it (``victimcare.services`` builds those). It
offers what the operation gate needs: ``check_open`` (lock and the 12-hour expiry, on the caller's
side), ``authorize`` (the permission matrix, denials audited), ``run`` (work on the owner thread)
and ``record`` (the audit log). Closing wipes every key on every path, from any thread.
"""

import secrets
import threading
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3

from victimcare.core.errors import StorageError, VaultError, VaultLocked
from victimcare.db import stamps
from victimcare.db.connection import WrongKey, open_compartment
from victimcare.db.migrate import migrate, schema_version
from victimcare.db.owner import LOCKED_MESSAGE, OwnerThread
from victimcare.db.schema import COMPARTMENT_LABELS, latest_version
from victimcare.security import opening
from victimcare.security.audit import AuditLog
from victimcare.security.opening import DeepCheck
from victimcare.security.crypto import wipe
from victimcare.security.keyring import Keyring
from victimcare.security.keyring_check import KeyringOutdated
from victimcare.security.permissions import Op, Role, require

def _generation_on_disk(vault_dir) -> int:
    """The generation of the keyring file now (0 when unreadable: the refusal at hand stands)."""
    try:
        return Keyring.load(vault_dir).generation
    except VaultError:
        return 0


SESSION_MAX_SECONDS = 12 * 3600  # NIST: a fresh login at least every 12 hours
EXPIRED_MESSAGE = "登录已超过 12 小时，请重新登录。"
FILES_BUSY = "正在导入或校验数据，请等它完成后再轮换密钥。"
ROTATION_WAIT_SECONDS = 120.0  # for the background page check to stop before a rotation copies the files
DEEP_CHECK = True  # every page checked in the background after sign-in (tests may switch it off)


class Session:
    def __init__(self, vault, account: str, role: Role, held, on_close=None, *, staff_id: str = "",
                 keyring_generation: int = 0, root: str = ""):
        self.vault = vault
        self.must_change = False  # the first password: every operation but changing it is refused
        self.account = account
        self.staff_id = staff_id or account  # what the audit log names this account by (``holders.staff_id``)
        self.role = Role(role)
        self.session_id = secrets.token_hex(8)
        self.started_at = vault.clock.now()
        self._keys = held.keys
        self.identity = held.identity  # signs this session's audit entries; wiped at close
        self._owner = OwnerThread()
        self._conns: dict = {}
        self._closing = threading.Lock()
        self._side_lock = threading.Lock()  # side connections against a rotation replacing the files
        self._side_open, self._replacing = 0, False
        self._closed = False
        self._on_close = on_close  # releases the vault's one-writer lock
        self.audit_log: AuditLog | None = None
        self.damage: dict[str, str] = {}  # compartment → what is wrong (read-only while not empty)
        self.repaired: dict[str, int] = {}  # what the repair at open did
        self.deep_check: DeepCheck | None = None
        self._keyring = keyring_generation
        self._root = root
        try:
            self._owner.call(self._open_all)
        except BaseException:
            self._close_everything()
            raise
        if DEEP_CHECK:
            self.deep_check = DeepCheck(self, self.mark_damaged).start()

    # -- lifecycle ------------------------------------------------------------------------------

    def _open_all(self) -> None:
        """The checks at open, in order, before anything is written (``victimcare.security.opening``)."""
        if "audit" not in self._keys:
            raise VaultError("此账户缺少审计日志密钥，无法登录。请联系站长重置账户。")
        opening.finish_rotation(self.vault.path)
        paths = {name: self.vault.compartment_path(name) for name in self._keys}
        for name, path in paths.items():  # never let SQLite create or key an empty file in place of lost data
            opening.check_file(name, path)
        for name, key in self._keys.items():
            try:
                self._conns[name] = open_compartment(paths[name], key)
            except WrongKey:  # a replaced file, or a keyring copied back from before a re-encryption
                if _generation_on_disk(self.vault.path) > self._keyring:
                    raise KeyringOutdated() from None  # re-keyed since this sign-in read the keyring: again
                raise VaultError(f"保险库文件{opening.label(name, paths[name])}已损坏或被替换，或账户信息"
                                 f"（keyring.json）是重新加密之前的旧副本，无法打开。{opening.RESTORE}") from None
        opening.check_schema(self._conns, paths, self.vault.path)
        opening.check_keyring_generation(self._conns, self._keyring)
        opening.check_root(self._conns, self._root)
        self.damage.update(opening.stamp_damage(self._conns, paths))
        if "audit" in self.damage:
            raise VaultError(f"保险库文件{opening.label('audit', paths['audit'])}{self.damage['audit']}，无法登录。"
                             f"{opening.RESTORE}")
        for name, key in self._keys.items():
            conn = self._conns[name]
            if name in self.damage:  # never migrate (write) a damaged file: it opens read-only as it is
                if schema_version(conn) != latest_version(name):
                    raise VaultError(f"保险库文件{opening.label(name, paths[name])}{self.damage[name]}，无法登录。"
                                     f"{opening.RESTORE}")
                continue
            migrate(conn, name, backup=lambda version, n=name, c=conn, k=key: self.vault.backup_compartment(c, n, k, version))
        self.audit_log = AuditLog(self._conns["audit"], self.vault.path, self.vault.clock,
                                  stamp_source=self._stamps, signer=self.identity, signer_name=self.staff_id)
        fields = {"actor": self.staff_id, "role": str(self.role), "session_id": self.session_id}
        if not self.damage:
            opening.record_keyring_generation(self._conns, self._keyring)
            opening.pin_root(self._conns, self._root)
            self.repaired = opening.repair(self.audit_log, self._conns, fields)
        opening.record_finished_rotation(self.audit_log, self.vault.path, fields)

    def _stamps(self) -> dict[str, int]:
        """The other compartments' last-write stamps, recorded by the audit log (owner thread). A compartment
        whose stamp cannot be read is damaged: the session turns read-only and the entry records the rest."""
        found = {}
        for name, conn in self._conns.items():
            if name == "audit":
                continue
            try:
                found[name] = stamps.read(conn)
            except sqlcipher3.DatabaseError:
                self.mark_damaged(name, "有页面无法读取（可能已损坏）")
        return found

    # -- the read-only flag: damage found at open or by the deep check -------------------------------

    @property
    def read_only(self) -> str:
        """'' while the vault may be written; else the Chinese message every write is refused with."""
        if not self.damage:
            return ""
        what = "；".join(f"{COMPARTMENT_LABELS.get(n, n)}：{m}" for n, m in sorted(self.damage.items()))
        return (f"保险库有损坏（{what}）。为保护现有数据，本次登录只能查看，不能保存任何改动；"
                f"{opening.RESTORE}")

    def mark_damaged(self, compartment: str, message: str) -> None:
        self.damage.setdefault(compartment, message)

    def check_writable(self) -> None:
        message = self.read_only
        if message:
            raise StorageError(message, kind="read_only")

    @property
    def locked(self) -> bool:
        return self._closed

    @property
    def expired(self) -> bool:
        return self.vault.clock.now() - self.started_at > SESSION_MAX_SECONDS

    def compartments(self) -> frozenset[str]:
        return frozenset(self._keys)

    def conn(self, compartment: str):
        """The connection of a compartment this session holds the key for (owner thread only)."""
        if self._closed:
            raise VaultLocked(LOCKED_MESSAGE)
        try:
            return self._conns[compartment]
        except KeyError:
            raise VaultError("此账户没有访问这部分数据的密钥。") from None

    # -- what the operation gate asks ---------------------------------------------------------------

    def check_open(self) -> None:
        """Raise VaultLocked when locked; an expired session is closed (keys wiped) first."""
        if self._closed:
            raise VaultLocked(LOCKED_MESSAGE)
        if self.expired:
            self.close(action="lock", detail="session_expired")
            raise VaultLocked(EXPIRED_MESSAGE)

    def authorize(self, op: Op) -> None:
        """The permission matrix; a refusal is audited before it is raised."""
        try:
            require(self.role, op)
        except Exception:
            self.record("view", object_type="operation", object_id=str(op), result="denied")
            raise

    def require(self, op: Op) -> None:
        self.check_open()
        self.authorize(op)

    def run(self, fn, /, *args, **kwargs):
        """Run ``fn`` on the owner thread (inline when already there)."""
        return self._owner.call(fn, *args, **kwargs)

    def record(self, action: str, **fields) -> int:
        """Append an audit entry for this session."""
        return self._owner.call(self._append, action, fields)

    def _append(self, action: str, fields: dict) -> int:
        if self.audit_log is None or "audit" not in self._conns:
            raise VaultLocked(LOCKED_MESSAGE)
        if "audit" in self.damage:  # nothing more is written into a damaged audit log
            self.check_writable()
        return self.audit_log.append(actor=self.staff_id, role=str(self.role), session_id=self.session_id,
                                     action=action, **fields)

    @contextmanager
    def side_connections(self, *, audit: bool = False):
        """This thread's own connections to the case compartments (and the audit log if asked), for one
        long job (an import, a verification) so that the owner thread stays free for the window
        meanwhile. Closed (uncommitted work rolled back) when the block ends."""
        self.check_open()
        with self._side_lock:
            if self._replacing:
                raise VaultError(FILES_BUSY)
            self._side_open += 1
        conns = {}
        try:
            for name in sorted(self.compartments() - (set() if audit else {"audit"})):
                path = self.vault.compartment_path(name)
                opening.check_file(name, path)  # never key an empty or missing file
                conns[name] = open_compartment(path, self._keys[name])
            yield conns
        finally:
            for conn in conns.values():
                try:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    conn.close()
                except Exception:
                    pass
            with self._side_lock:
                self._side_open -= 1

    # -- closing ----------------------------------------------------------------------------------

    def close(self, action: str = "logout", detail: str = "") -> None:
        """Lock or sign out: audit it, close every connection, wipe the keys. Safe from any thread,
        the owner thread included, and safe to call twice."""
        with self._closing:
            if self._closed:
                return
            try:
                self._owner.call(self._append, action, {"detail": detail})
            except Exception:  # a full disk must not keep the keys in memory
                pass
            finally:
                self._close_everything()

    def _close_everything(self) -> None:
        self._closed = True
        if self.deep_check is not None:
            self.deep_check.stop()

        def close_conns():
            for conn in self._conns.values():
                try:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    conn.execute("PRAGMA optimize")  # keeps the planner's statistics current, cheaply
                    conn.close()
                except Exception:  # closing must finish even on a damaged file
                    pass
            self._conns.clear()

        try:
            self._owner.call(close_conns)  # inline on the owner thread, else queued after running work
        finally:
            self._owner.shutdown()
            for key in self._keys.values():
                wipe(key)
            self._keys.clear()
            self.identity.wipe()
            self.audit_log = None
            if self._on_close is not None:
                self._on_close, release = None, self._on_close
                release()

    # -- for the key-holding services (accounts, backups) --------------------------------------------

    def note_keyring_generation(self, generation: int) -> None:
        """After this session signed a keyring write: the compartments remember its generation, so the
        keyring from before cannot be copied back (nothing is recorded in a damaged, read-only vault)."""
        if not self.damage:
            self._owner.call(opening.record_keyring_generation, self._conns, generation)

    # -- for a key rotation (``victimcare.security.rotation``), on the owner thread --------------------

    @contextmanager
    def replacing_files(self):
        """While a rotation copies and replaces the files: no side connection may be open when it starts
        (an import's rows written to the old file after the copy would be lost) and none opens meanwhile;
        the background page check stops (it reads with the old keys)."""
        if self.deep_check is not None:  # one compartment's cipher_integrity_check may not heed the interrupt
            self.deep_check.stop(timeout=ROTATION_WAIT_SECONDS)
        with self._side_lock:
            if self._side_open:
                raise VaultError(FILES_BUSY)
            self._replacing = True
        try:
            yield
        finally:
            self._replacing = False

    def release_compartments(self, names) -> None:
        """Close these compartments' connections checkpointed (no -wal of the old file may be replayed onto
        the file that replaces it)."""
        for name in names:
            conn = self._conns.pop(name)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()

    def adopt_compartments(self, keys: dict[str, bytearray]) -> None:
        """Open every released compartment again: under ``keys`` where given (the key it replaces is
        wiped), else under the key held."""
        for name in sorted(set(self._keys) - set(self._conns)):
            key = keys.get(name, self._keys[name])
            self._conns[name] = open_compartment(self.vault.compartment_path(name), key)
            if key is not self._keys[name]:
                wipe(self._keys[name])
                self._keys[name] = key
        if self.audit_log is not None:
            self.audit_log.conn = self._conns["audit"]

    @property
    def owner(self) -> OwnerThread:
        return self._owner

    def key_for(self, compartment: str) -> bytearray:
        if self._closed:
            raise VaultLocked(LOCKED_MESSAGE)
        return self._keys[compartment]

    @property
    def vault_path(self) -> Path:
        return self.vault.path
