"""Account management by the supervisor: create, disable, change role, reset, unlock, rotate keys; own
password change."""

from contextlib import contextmanager

from victimcare.core.errors import ValidationError, WrongPassword
from victimcare.security import holders, revocation
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.keyring import Keyring
from victimcare.security.passwords import check_new_password
from victimcare.security.permissions import COMPARTMENTS_BY_ROLE, ROLE_LABELS, Op, Role
from victimcare.security.vault import store_account, validate_account_name


class AccountService(Service):
    """Runs on the caller's thread: key derivation takes about half a second and holds no connection."""

    @property
    def vault(self):
        return self.session.vault

    def _keyring(self) -> Keyring:
        self.vault.keyring = Keyring.load(self.vault.path)
        return self.vault.keyring

    @contextmanager
    def _changing(self):
        """The keyring for one read-change-write step (see ``Keyring.update``); afterwards the vault's
        own copy is the saved one, so nothing later writes back an older keyring."""
        with Keyring.update(self.vault.path, signer=self.session.key_for("audit")) as ring:
            yield ring
        self.vault.keyring = ring
        self.session.note_keyring_generation(ring.generation)

    @operation(Op.ACCOUNT_MANAGE, thread=CALLER)
    def list(self) -> list[dict]:
        ring = self._keyring()
        return [{"name": n, "staff_id": holders.staff_id(r), "role": r["role"],
                 "role_label": ROLE_LABELS[Role(r["role"])],
                 "disabled": r.get("disabled", False), "locked": r.get("locked", False),
                 "failures": r.get("failures", 0), "created_at": r.get("created_at", "")}
                for n, r in sorted(ring.accounts().items())]

    @operation(Op.ACCOUNT_MANAGE, thread=CALLER)
    def create(self, name: str, role: Role | str, password: str) -> None:
        """A new account with a first password the person must change at first login."""
        name = validate_account_name(name)
        try:
            role = Role(role)
        except ValueError:
            raise ValidationError("role", "请选择角色。") from None
        with self._changing() as ring:
            if ring.account(name) is not None:
                raise ValidationError("account", "已有同名账户，请换一个账户名。")
            password = check_new_password(password, account=name, station=ring.station_name)
            self._store(ring, name, role, password)
        self._record_account("perm_change", name, f"create:{role}")

    @operation(Op.ACCOUNT_MANAGE, thread=CALLER)
    def create_demo(self, name: str, role: Role, password: str) -> None:
        """Demo vaults only: accounts with the published demo password and no change required."""
        with self._changing() as ring:
            if not ring.is_demo:
                raise ValidationError("account", "只有演示保险库可以这样创建账户。")
            keys = {c: self.session.key_for(c) for c in self.session.compartments()}
            store_account(ring, validate_account_name(name), Role(role), password, keys, self.vault.kdf_template(),
                          **self._issuer())
        self._record_account("perm_change", name, f"create:{role}")

    @operation(Op.ACCOUNT_MANAGE, thread=CALLER)
    def reset_password(self, name: str, password: str) -> None:
        """Give an account a new password (re-wrapping the keys this supervisor holds)."""
        with self._changing() as ring:
            record = self._existing(ring, name)
            password = check_new_password(password, account=name, station=ring.station_name)
            self._store(ring, name, Role(record["role"]), password)
        self._record_account("key_change", name, "reset")

    @operation(Op.ACCOUNT_MANAGE, thread=CALLER)
    def set_disabled(self, name: str, disabled: bool, password: str | None = None, progress=None) -> None:
        """Disabling deletes the account's wraps and re-keys every compartment its role could open
        (``revocation``: a copy of its old wraps opens nothing any more); enabling again needs a new
        password."""
        if name == self.session.account and disabled:
            raise ValidationError("account", "不能停用当前登录的账户。")
        if disabled:
            record = self._existing(self._keyring(), name)
            if record.get("disabled"):
                raise ValidationError("account", "该账户已经停用。")

            def disable(ring: Keyring) -> None:
                current = self._existing(ring, name)
                current.update(disabled=True, keys={})  # public keys and certificate stay: its audit entries
                current.pop("identity", None)           # are verified with them
            report = revocation.rekey(self.session, COMPARTMENTS_BY_ROLE[Role(record["role"])], disable, progress)
            self._record_account("perm_change", name, "disable")
            self._record_rotation(report)
            return
        with self._changing() as ring:
            record = self._existing(ring, name)
            if not password:
                raise ValidationError("password", "重新启用账户时需要设置新密码。")
            self._store(ring, name, Role(record["role"]), check_new_password(password, account=name,
                                                                              station=ring.station_name))
        self._record_account("perm_change", name, "enable")

    @operation(Op.ACCOUNT_MANAGE, thread=CALLER)
    def set_role(self, name: str, role: Role | str, progress=None) -> None:
        """Another role, with its keys and a certificate for it; the compartments it loses are re-keyed."""
        try:
            role = Role(role)
        except ValueError:
            raise ValidationError("role", "请选择角色。") from None
        if name == self.session.account:
            raise ValidationError("account", "不能更改当前登录账户的角色。请由另一位站长操作。")
        record = self._existing(self._keyring(), name)
        if record.get("disabled"):
            raise ValidationError("account", "停用的账户不能更改角色。")
        old = Role(record["role"])
        if old == role:
            raise ValidationError("role", "该账户已经是这个角色。")
        lost = COMPARTMENTS_BY_ROLE[old] - COMPARTMENTS_BY_ROLE[role]

        def change(ring: Keyring) -> None:
            current = self._existing(ring, name)
            if old == Role.SUPERVISOR:  # the certificates it issued as a supervisor stay valid
                holders.retire_keys(current)
            current["role"] = str(role)
            kept = {c: self.session.key_for(c) for c in COMPARTMENTS_BY_ROLE[role]}
            current["keys"] = holders.seal_keys(ring.vault_id, name, str(role), current["x_pub"], kept)
            holders.issue(current, vault_id=ring.vault_id, holder=name, role=str(role), **self._issuer())

        if lost:
            report = revocation.rekey(self.session, lost, change, progress)
        else:
            report = None
            with self._changing() as ring:
                change(ring)
        self._record_account("perm_change", name, f"role:{old}>{role}")
        if report is not None:
            self._record_rotation(report)

    @operation(Op.ACCOUNT_MANAGE, thread=CALLER)
    def rotate_keys(self, progress=None):
        """Re-key every compartment (e.g. after a laptop with a copy of the vault went missing)."""
        report = revocation.rekey(self.session, set(COMPARTMENTS_BY_ROLE[Role.SUPERVISOR]), lambda ring: None,
                                  progress)
        self._record_rotation(report)
        return report

    def _record_rotation(self, report) -> None:
        self.session.record("key_change", object_type="vault", detail="rotate:" + ",".join(sorted(report.compartments)))

    @operation(Op.ACCOUNT_MANAGE, thread=CALLER)
    def unlock(self, name: str) -> None:
        with self._changing() as ring:
            self._existing(ring, name).update(locked=False, failures=0, next_try_at=0)
        self._record_account("perm_change", name, "unlock")

    @operation(None, thread=CALLER)
    def change_own_password(self, old: str, new: str) -> None:
        record = self._keyring().account(self.session.account)
        held = self.vault.unwrap(self.session.account, record, old)
        if held is None:
            raise WrongPassword("当前密码不正确。")
        try:
            with self._changing() as ring:
                new = check_new_password(new, account=self.session.account, station=ring.station_name)
                if new == old:
                    raise ValidationError("password", "新密码不能与当前密码相同。")
                store_account(ring, self.session.account, Role(record["role"]), new, held.keys,
                              self.vault.kdf_template(), issuer=None, identity=held.identity)
        finally:
            held.wipe()
        self.session.must_change = False
        self.session.record("key_change", object_type="account", object_id=self.session.staff_id, detail="own")

    @operation(None, thread=CALLER)
    def must_change_password(self) -> bool:
        record = self._keyring().account(self.session.account)
        return bool(record and record.get("must_change"))

    def _record_account(self, action: str, name: str, detail: str) -> None:
        """An entry about an account, which the log names by its staff ID (never by its name)."""
        self.session.record(action, object_type="account", detail=detail,
                            object_id=holders.staff_id(self._keyring().account(name) or {}))

    def _existing(self, ring: Keyring, name: str) -> dict:
        record = ring.account(name)
        if record is None:
            raise ValidationError("account", "没有这个账户。")
        return record

    def _issuer(self) -> dict:
        """This supervisor certifies the accounts it makes (``holders``)."""
        return {"issuer": self.session.identity, "issuer_name": self.session.account}

    def _store(self, ring: Keyring, name: str, role: Role, password: str) -> None:
        keys = {c: self.session.key_for(c) for c in self.session.compartments()}
        store_account(ring, name, role, password, keys, self.vault.kdf_template(), must_change=True,
                      **self._issuer())
