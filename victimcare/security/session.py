"""A signed-in session: the account, its role, its open compartments and the services on them.

Everything the GUI or the command line does goes through a Session. Each service call checks the
permission matrix, runs on the vault's owner thread and writes the audit log.
"""

import secrets
from pathlib import Path

from victimcare.security.audit import AuditLog
from victimcare.security.crypto import wipe
from victimcare.db.connection import WrongKey, open_compartment
from victimcare.db.owner import OwnerThread, on_owner_thread
from victimcare.core.errors import VaultError, VaultLocked
from victimcare.security.permissions import Op, Role, require

SESSION_MAX_SECONDS = 12 * 3600  # NIST: a fresh login at least every 12 hours


class Session:
    def __init__(self, vault, account: str, role: Role, keys: dict[str, bytearray]):
        self.vault = vault
        self.account = account
        self.role = Role(role)
        self.session_id = secrets.token_hex(8)
        self.started_at = vault.clock.now()
        self._keys = keys
        self._owner = OwnerThread()
        self._conns: dict = {}
        self.audit_log: AuditLog | None = None
        self._services: dict = {}
        try:
            self._owner.call(self._open_all)
        except BaseException:
            self._close_everything()
            raise

    # -- lifecycle ------------------------------------------------------------------------------

    def _open_all(self) -> None:
        from victimcare.db.migrate import migrate
        for name, key in self._keys.items():
            path = self.vault.compartment_path(name)
            if not path.is_file():  # never let SQLite create an empty file in place of lost data
                raise VaultError(f"保险库文件 {path.name} 不见了。请勿继续使用，请从备份恢复。")
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
        return not self._conns

    def compartments(self) -> frozenset[str]:
        return frozenset(self._conns)

    def conn(self, compartment: str):
        """The connection of a compartment this session holds the key for (owner thread only)."""
        if self.locked:
            raise VaultLocked("已锁定。请重新登录。")
        try:
            return self._conns[compartment]
        except KeyError:
            raise VaultError("此账户没有访问这部分数据的密钥。") from None

    def require(self, op: Op) -> None:
        if self.locked:
            raise VaultLocked("已锁定。请重新登录。")
        if self.vault.clock.now() - self.started_at > SESSION_MAX_SECONDS:
            self.close(action="lock", detail="session_expired")
            raise VaultLocked("登录已超过 12 小时，请重新登录。")
        try:
            require(self.role, op)
        except Exception:
            self.record("view", object_type="operation", object_id=str(op), result="denied")
            raise

    @on_owner_thread
    def record(self, action: str, **fields) -> int:
        """Append an audit entry for this session."""
        return self.audit_log.append(actor=self.account, role=str(self.role), session_id=self.session_id,
                                     action=action, **fields)

    def close(self, action: str = "logout", detail: str = "") -> None:
        """Lock or sign out: audit it, close every connection, wipe the keys."""
        if self.locked:
            return
        try:
            self.record(action, detail=detail)
        finally:
            self._close_everything()

    def _close_everything(self) -> None:
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
            self._owner.call(close_conns)
        finally:
            self._owner.shutdown()
            for key in self._keys.values():
                wipe(key)
            self._keys.clear()
            self._services.clear()

    # -- services, created on first use -----------------------------------------------------------

    def _service(self, name: str, factory):
        if self.locked:
            raise VaultLocked("已锁定。请重新登录。")
        if name not in self._services:
            self._services[name] = factory(self)
        return self._services[name]

    @property
    def accounts(self):
        from victimcare.security.accounts import AccountService
        return self._service("accounts", AccountService)

    @property
    def audit(self):
        from victimcare.security.audit_service import AuditService
        return self._service("audit", AuditService)

    @property
    def cases(self):
        from victimcare.casework.cases import CaseService
        return self._service("cases", CaseService)

    @property
    def settings(self):
        from victimcare.casework.settings import SettingsService
        return self._service("settings", SettingsService)

    @property
    def stats(self):
        from victimcare.casework.stats import StatsService
        return self._service("stats", StatsService)

    @property
    def owner(self) -> OwnerThread:
        return self._owner

    def key_for(self, compartment: str) -> bytearray:
        return self._keys[compartment]

    @property
    def vault_path(self) -> Path:
        return self.vault.path
