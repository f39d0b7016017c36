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

from victimcare.core.errors import VaultError, VaultLocked
from victimcare.db.connection import WrongKey, open_compartment
from victimcare.db.migrate import migrate
from victimcare.db.owner import LOCKED_MESSAGE, OwnerThread
from victimcare.security.audit import AuditLog
from victimcare.security.crypto import wipe
from victimcare.security.permissions import Op, Role, require

SESSION_MAX_SECONDS = 12 * 3600  # NIST: a fresh login at least every 12 hours
EXPIRED_MESSAGE = "登录已超过 12 小时，请重新登录。"


class Session:
    def __init__(self, vault, account: str, role: Role, keys: dict[str, bytearray], on_close=None):
        self.vault = vault
        self.account = account
        self.role = Role(role)
        self.session_id = secrets.token_hex(8)
        self.started_at = vault.clock.now()
        self._keys = keys
        self._owner = OwnerThread()
        self._conns: dict = {}
        self._closing = threading.Lock()
        self._closed = False
        self._on_close = on_close  # releases the vault's one-writer lock
        self.audit_log: AuditLog | None = None
        try:
            self._owner.call(self._open_all)
        except BaseException:
            self._close_everything()
            raise

    # -- lifecycle ------------------------------------------------------------------------------

    def _open_all(self) -> None:
        for name, key in self._keys.items():
            path = self.vault.compartment_path(name)
            if not path.is_file():  # never let SQLite create an empty file in place of lost data
                raise VaultError(f"保险库文件 {path.name} 不见了。请勿继续使用，请从备份恢复。")
            if path.stat().st_size == 0:  # SQLite would take an emptied file for a new one and start afresh
                raise VaultError(f"保险库文件 {path.name} 是空的（0 字节），其中的记录已丢失。文件已保持原样，"
                                 "请勿继续使用，请从备份恢复。")
            try:
                conn = open_compartment(path, key)
            except WrongKey:
                raise VaultError(f"保险库文件 {path.name} 已损坏或被替换，无法打开。文件已保持原样，请从备份恢复。") from None
            self._conns[name] = conn
            migrate(conn, name, backup=lambda version, n=name: self.vault.backup_compartment(conn, n, key, version))
        if "audit" not in self._conns:
            raise VaultError("此账户缺少审计日志密钥，无法登录。请联系站长重置账户。")
        self.audit_log = AuditLog(self._conns["audit"], self.vault.path, self.vault.clock)

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
        return self.audit_log.append(actor=self.account, role=str(self.role), session_id=self.session_id,
                                     action=action, **fields)

    @contextmanager
    def side_connections(self, *, audit: bool = False):
        """This thread's own connections to the case compartments (and the audit log if asked), for one
        long job (an import, a verification) so that the owner thread stays free for the window
        meanwhile. Closed (uncommitted work rolled back) when the block ends."""
        self.check_open()
        conns = {}
        try:
            for name in sorted(self.compartments() - (set() if audit else {"audit"})):
                conns[name] = open_compartment(self.vault.compartment_path(name), self._keys[name])
            yield conns
        finally:
            for conn in conns.values():
                try:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    conn.close()
                except Exception:
                    pass

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
            self.audit_log = None
            if self._on_close is not None:
                self._on_close, release = None, self._on_close
                release()

    # -- for the key-holding services (accounts, backups) --------------------------------------------

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
