"""The vault: a folder of separately keyed SQLCipher files, one per compartment, plus the keyring.

    vault/
      keyring.json        accounts, wrapped keys, throttling (nothing about victims)
      keyring.lock        held while the keyring is read, changed and written (one step at a time)
      writer.lock         held by the one process that has the vault open; says who (account, host, pid, since)
      audit-anchor.json   the audit chain head, kept outside the audit database
      core.db  sensitive.db  school.db  audit.db   (each with its own random 256-bit key)
      backups/            encrypted copies taken before migrations and on demand
      rotating/           only while a key rotation runs (or a crash cut one off: finished at the next open)
      rotation-finished.json   what that open did with it, until the next session audits it
"""

import re
import secrets
import os
import unicodedata
from datetime import datetime
from pathlib import Path

from victimcare.security import crypto
from victimcare.security.backup_files import check_copy, finish_interrupted_restore, row_counts, write_copy
from victimcare.core.clock import SYSTEM_CLOCK, Clock
from victimcare.db.connection import check_driver, open_compartment
from victimcare.db.schema import COMPARTMENTS
from victimcare.core.errors import AccountLocked, ValidationError, VaultError, WrongPassword
from victimcare.core.fsutil import ensure_private_dir, fsync_dir
from victimcare.security import holders, keyring_check
from victimcare.security.holders import RECOVERY as RECOVERY_HOLDER, RECOVERY_ROLE, Held
from victimcare.security.identity import Identity
from victimcare.security.keyring import LOCK_AT, Keyring, throttle_delay
from victimcare.security.passwords import check_new_password
from victimcare.security.permissions import COMPARTMENTS_BY_ROLE, Role
from victimcare.security import vault_lock
from victimcare.security.session import Session

WRONG_LOGIN = "账户名或密码不正确。请检查后重试（注意大写锁定）。"
LOCKED_LOGIN = "连续登录失败次数过多，此账户已锁定。请联系站长解锁。"
_ACCOUNT_NAME = re.compile(r"[A-Za-z0-9_.\-\u3400-\u9fff]{2,32}")
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def validate_account_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    if not _ACCOUNT_NAME.fullmatch(name) or name == RECOVERY_HOLDER or holders.STAFF_ID.fullmatch(name.upper()):
        raise ValidationError("account", "账户名须为 2–32 个字母、数字、汉字或 _ . -，不能有空格。")
    return name


def validate_station_name(name: str) -> str:
    name = unicodedata.normalize("NFC", name.strip())
    if not 2 <= len(name) <= 60 or any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co") for c in name):
        raise ValidationError("station", "机构名称须为 2–60 个字符，不能含控制字符。")
    return name


def new_recovery_code() -> str:
    """25 Crockford base32 characters (125 bits) in groups of five, easy to copy by hand."""
    raw = "".join(secrets.choice(_CROCKFORD) for _ in range(25))
    return "-".join(raw[i:i + 5] for i in range(0, 25, 5))


def normalize_recovery_code(code: str) -> str:
    code = unicodedata.normalize("NFKC", code).upper().replace("O", "0").replace("I", "1").replace("L", "1")
    return "".join(c for c in code if c in _CROCKFORD)


class Vault:
    def __init__(self, path: Path, clock: Clock = SYSTEM_CLOCK):
        self.path = Path(path)
        self.clock = clock
        check_driver()
        vault_lock.check_location(self.path)
        finish_interrupted_restore(self.path)  # what a restore cut off by a crash left behind
        self.keyring = Keyring.load(self.path)

    @staticmethod
    def exists(path: Path) -> bool:
        return (Path(path) / "keyring.json").is_file()

    def compartment_path(self, name: str) -> Path:
        return self.path / f"{name}.db"

    @property
    def station_name(self) -> str:
        return self.keyring.station_name

    @property
    def is_demo(self) -> bool:
        return self.keyring.is_demo

    # -- creation ---------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, *, station_name: str, station_code: str, supervisor: str, password: str,
               kdf: crypto.KdfParams | None = None, clock: Clock = SYSTEM_CLOCK,
               demo: bool = False) -> tuple["Vault", str]:
        """Create a new vault with its first supervisor. Returns the vault and the recovery code."""
        check_driver()
        path = Path(path)
        vault_lock.check_location(path)
        station_name = validate_station_name(station_name)
        supervisor = validate_account_name(supervisor)
        if not re.fullmatch(r"[A-Za-z0-9]{2,12}", station_code or ""):
            raise ValidationError("station_code", "机构代码须为 2–12 位字母或数字，用于生成个案编号。")
        if not demo:
            password = check_new_password(password, account=supervisor, station=station_name)
        if Vault.exists(path) or any(path.glob("*.db")):
            raise VaultError("该文件夹中已有保险库，不能覆盖。请选择一个空文件夹。")
        try:
            kdf = (kdf or crypto.calibrate()).check()  # never below the floor, whoever asks
        except ValueError:
            raise ValidationError("kdf", "密码保护强度低于最低要求，不能用来创建保险库。") from None
        ensure_private_dir(path)
        keys = {name: crypto.new_key() for name in COMPARTMENTS}
        vault_id = secrets.token_hex(8)
        created = datetime.fromtimestamp(clock.now()).astimezone().isoformat(timespec="seconds")
        keyring = Keyring.new(path, vault_id=vault_id, station_name=station_name, station_code=station_code.upper(),
                              created_at=created, demo=demo, kdf_template=kdf.to_dict())
        code = new_recovery_code()
        recovery, root = holders.new_record(vault_id, RECOVERY_HOLDER, RECOVERY_ROLE, normalize_recovery_code(code),
                                            keys, kdf)
        try:
            for name, key in keys.items():  # create each file, schema version 0, keyed
                open_compartment(path / f"{name}.db", key).close()
            holders.issue(recovery, vault_id=vault_id, holder=RECOVERY_HOLDER, role=RECOVERY_ROLE, issuer=root,
                          issuer_name=RECOVERY_HOLDER)
            keyring.data.update(recovery=recovery, root=root.ed_pub)
            store_account(keyring, supervisor, Role.SUPERVISOR, password, keys, kdf,
                          issuer=root, issuer_name=RECOVERY_HOLDER)
            keyring.sign_with(keys["audit"])
            keyring.save()
        finally:
            root.wipe()
            for key in keys.values():
                crypto.wipe(key)
        vault = cls(path, clock)
        session = vault.login(supervisor, password)
        session.record("setup", object_type="vault", object_id=vault_id)
        session.close()
        return vault, code

    # -- signing in -------------------------------------------------------------------------------

    def login(self, account: str, password: str, *, action: str = "login") -> Session:
        """Open a session; ``action`` is 'unlock' when the user returns to a locked screen.

        A wrong password, a disabled and an unknown account get the same message after the same key
        derivation. The keyring must carry a valid MAC under the audit key (``keyring_check``) and a
        generation not older than the compartments recorded (checked as the session opens)."""
        try:
            return self._login(account, password, action)
        except keyring_check.KeyringOutdated:
            # Another session signed a new keyring between this sign-in's read and its open (a disable, a
            # password change): sign in again on the keyring as it is now. A copied-back old file is
            # still the older one on disk, and is refused.
            if Keyring.load(self.path).generation <= self.keyring.generation:
                raise
            return self._login(account, password, action)

    def held_for(self, account: str, password: str) -> tuple[str, dict, Held]:
        """(the name as stored, its record, its keys) when the password is right; else the failure is
        counted and refused. Every way in (the sign-in, ``admin verify``) passes here: the same waits and
        locks, the same cost and the same answer for a wrong password, a disabled and an unknown name."""
        self.keyring = Keyring.load(self.path)  # another process may have changed throttling
        account = unicodedata.normalize("NFC", account.strip())
        record = self.keyring.account(account)
        now = self.clock.now()
        # an unknown or disabled name is throttled and locked like an account (``Keyring.ghost``), so
        # no answer or delay tells an outsider which names exist
        known = record is not None and not record.get("disabled")
        ghost = self.keyring.ghost(account)  # tagged for every name: an account's sign-in costs the same
        throttle = record if known else ghost
        if throttle.get("locked"):
            raise AccountLocked(LOCKED_LOGIN, None)
        wait = throttle.get("next_try_at", 0) - now
        if wait > 0:
            raise AccountLocked(f"登录失败次数较多，请等待 {int(wait) + 1} 秒后再试。", wait)
        if not known:
            crypto.wipe(crypto.derive_kek(password, self.kdf_template()))  # same cost as a real attempt
            self.count_failure(account, now)
        held = self.unwrap(account, record, password)
        if held is None:
            self.count_failure(account, now)
        return account, record, held

    def _login(self, account: str, password: str, action: str) -> Session:
        account, record, held = self.held_for(account, password)
        try:
            if ("audit" not in held.keys or not keyring_check.verify(self.keyring.data, held.keys["audit"])
                    or not holders.certified(self.keyring.data, account, self.keyring.root)):
                raise VaultError(keyring_check.TAMPERED)  # a wrap deleted, a certificate forged, anything signed edited
            role = self._signed_in(account, record)
            vault_lock.acquire(self.path, account)
        except BaseException:
            held.wipe()
            raise
        try:
            session = Session(self, account, role, held, on_close=lambda: vault_lock.release(self.path),
                              staff_id=holders.staff_id(record),
                              keyring_generation=self.keyring.generation, root=self.keyring.root)
        except BaseException:
            vault_lock.release(self.path)
            raise
        try:
            session.must_change = bool(record.get("must_change"))
            self._flush_pending_audit(session)
            session.record(action, detail="must_change" if record.get("must_change") else "")
        except BaseException:  # no sign-in without its audit entry, and no keys left behind in memory
            session.close()
            raise
        return session

    def _signed_in(self, account: str, record: dict) -> Role:
        """The password was right: reset the failure count, on the keyring as it is now (the key derivation
        took a while; a supervisor may have disabled the account meanwhile, which must stand)."""
        if not record.get("failures") and Keyring.load(self.path).account(account) == record:
            return Role(record["role"])
        with Keyring.update(self.path) as ring:
            current = ring.account(account)
            if current is None or current.get("disabled") or current.get("keys") != record.get("keys"):
                raise WrongPassword(WRONG_LOGIN)
            current["failures"], current["next_try_at"] = 0, 0
        self.keyring = ring
        return Role(current["role"])

    def kdf_template(self) -> crypto.KdfParams:
        return crypto.KdfParams.from_dict(self.keyring.data["kdf_template"])

    def unwrap(self, holder: str, record: dict, secret: str) -> Held | None:
        """The holder's identity and compartment keys, or None for a wrong password."""
        return holders.open_record(self.keyring.vault_id, holder, record["role"], record, secret)

    def count_failure(self, account: str, now: float):
        with Keyring.update(self.path) as ring:  # every failure counts, however many arrive at once
            record = ring.account(account)
            known = record is not None and not record.get("disabled")
            if not known:  # counted like an account, under a tag of the name; nothing audited
                record = ring.ghost(account, create=True)
            failures = record.get("failures", 0) + 1
            record["failures"] = failures
            record["next_try_at"] = now + throttle_delay(failures)
            record["locked"] = failures >= LOCK_AT
            if known:
                ring.queue_audit({"at": now, "actor": account, "role": record["role"], "action": "login_fail",
                                  "detail": "locked" if record["locked"] else f"failures={failures}"})
        self.keyring = ring
        if record["locked"]:
            raise AccountLocked(LOCKED_LOGIN, None)
        delay = throttle_delay(failures)
        if not delay:
            raise WrongPassword(WRONG_LOGIN)
        raise WrongPassword(f"账户名或密码不正确。请等待 {int(delay)} 秒后再试。", delay)

    def _flush_pending_audit(self, session: Session) -> None:
        """Queued failed-login events into the audit log; malformed or forged ones (an unknown account, a
        wrong role, an action a failed sign-in never writes) are dropped and their number audited."""
        if not Keyring.load(self.path).data.get("pending_audit"):
            return
        with Keyring.update(self.path) as ring:  # kept in the keyring if appending fails
            events, dropped = ring.take_pending_audit()
            for e in events:
                actor = holders.staff_id(ring.account(e["actor"]))  # queued under the name the sign-in was tried with
                session.owner.call(session.audit_log.append, actor=actor, role=e["role"], session_id="-",
                                   action=e["action"], result="denied", detail=e["detail"], at=e["at"])
            if dropped:
                session.record("verify", object_type="vault", detail=f"pending_audit_dropped={dropped}",
                               record_count=dropped)
        self.keyring = ring

    # -- recovery ---------------------------------------------------------------------------------

    def recover(self, recovery_code: str, account: str, new_password: str) -> None:
        """Re-wrap every compartment key for a supervisor account with a new password."""
        account = validate_account_name(account)
        new_password = check_new_password(new_password, account=account, station=self.station_name)
        self.keyring = Keyring.load(self.path)
        recovery = self.keyring.data.get("recovery")
        code = normalize_recovery_code(recovery_code)
        held = self.unwrap(RECOVERY_HOLDER, {**recovery, "role": RECOVERY_ROLE}, code) if recovery and code else None
        if held is None:
            raise WrongPassword("恢复码不正确。请对照恢复凭证逐组核对。")
        try:
            if ("audit" not in held.keys or not keyring_check.verify(self.keyring.data, held.keys["audit"])
                    or not holders.certified(self.keyring.data, RECOVERY_HOLDER, self.keyring.root)):
                raise VaultError(keyring_check.TAMPERED)  # never sign someone else's edits with the recovery code
            with Keyring.update(self.path, signer=held.keys["audit"]) as ring:
                existing = ring.account(account)
                if existing is not None and existing["role"] != Role.SUPERVISOR:
                    raise ValidationError("account", "恢复码只能为站长账户设置新密码。")
                store_account(ring, account, Role.SUPERVISOR, new_password, held.keys, self.kdf_template(),
                              issuer=held.identity, issuer_name=RECOVERY_HOLDER)
            self.keyring = ring
        finally:
            held.wipe()
        session = self.login(account, new_password)
        session.record("recover", object_type="account", object_id=session.staff_id)
        session.close()

    # -- backups ----------------------------------------------------------------------------------

    def backup_compartment(self, conn, name: str, key: bytearray, version: int | str) -> Path:
        """An encrypted copy (same key) of one compartment, written beside, verified (the key opens it, every
        page is sound, the same rows as the live file), then renamed. A copy that fails is removed and the
        caller (a migration) does not go ahead."""
        folder = ensure_private_dir(self.path / "backups")
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # unique even for two backups in a second
        target = folder / f"{name}-v{version}-{stamp}.db"
        partial = write_copy(conn, target.with_suffix(".partial"), key)
        check = check_copy(partial, key)
        if check.problems or check.counts != row_counts(conn):
            partial.unlink(missing_ok=True)
            raise VaultError("升级前的自动备份未能通过校验，保险库没有升级，数据没有改动。"
                             "请检查磁盘空间后重新登录；如仍失败请联系技术人员。")
        os.replace(partial, target)
        fsync_dir(folder)
        return target


def store_account(keyring: Keyring, name: str, role: Role, password: str, keys: dict[str, bytearray],
                  template: crypto.KdfParams, *, issuer: Identity | None, issuer_name: str = "",
                  must_change: bool = False, identity: Identity | None = None) -> None:
    """Store an account holding exactly the keys its role may read (all must be in ``keys``), certified
    by ``issuer``. ``identity``: the account's own, kept by a change of its own password (its certificate
    stays: same keys, same role); otherwise it gets a new one, and the keys it had are kept as former
    (their audit entries stay verifiable)."""
    allowed = {n: keys[n] for n in sorted(COMPARTMENTS_BY_ROLE[role])}
    previous = keyring.account(name) or {}
    record, made = holders.new_record(keyring.vault_id, name, str(role), password, allowed, template, identity)
    keep_cert = issuer is None and identity is not None and previous.get("role") == str(role)
    if "staff_id" in previous or (previous and not keep_cert):
        record["staff_id"] = holders.staff_id(previous)  # the same ID whatever the keys (certified below)
    elif not previous:
        record["staff_id"] = holders.new_staff_id(keyring.data)
    try:
        if keep_cert:
            record["cert"] = previous["cert"]
        else:
            holders.issue(record, vault_id=keyring.vault_id, holder=name, role=str(role), issuer=issuer,
                          issuer_name=issuer_name)
    finally:
        if identity is None:
            made.wipe()
    former = dict(previous)
    if previous.get("ed_pub") != record["ed_pub"]:
        holders.retire_keys(former)
    record.update(role=str(role), disabled=False, locked=False, failures=0, next_try_at=0, must_change=must_change)
    if former.get("former"):
        record["former"] = former["former"]
    record["created_at"] = previous.get("created_at") or datetime.now().astimezone().isoformat(timespec="seconds")
    keyring.put_account(name, record)
