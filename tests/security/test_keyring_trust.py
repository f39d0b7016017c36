"""The keyring bound to the vault (issue 11, item 2): an older, edited or swapped keyring is refused at
sign-in with a clear message; KDF settings below the floor are refused; queued events are validated."""

import json
import shutil

import pytest

from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR, SignedIn, skip_first_password_change, staff_id
from victimcare.core.errors import UserError, VaultError, WrongPassword
from victimcare.security import crypto
from victimcare.security.keyring import KEYRING_FILE, Keyring
from victimcare.security.vault import Vault

NEW_PASSWORD = "另一句只有站长知道的话 and more words 99"
WORKER = "shegong01"


def ring_path(vault) -> "Path":
    return vault.path / KEYRING_FILE


def edit_ring(vault, change) -> None:
    """What an insider with the folder does: edit keyring.json with a text editor."""
    data = json.loads(ring_path(vault).read_text(encoding="utf-8"))
    change(data)
    ring_path(vault).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.fixture
def staffed(vault_factory):
    vault, _, _ = vault_factory()
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    s.accounts.create(WORKER, "social_worker", OTHER_PASSWORD)
    s.close()
    skip_first_password_change(vault, WORKER)
    return vault


def test_a_new_keyring_is_signed_and_each_write_bumps_its_generation(staffed):
    ring = Keyring.load(staffed.path)
    assert ring.data["mac"] and ring.generation >= 3  # create, add the worker, settle its password
    before = ring.generation
    s = SignedIn(staffed.login(SUPERVISOR, PASSWORD))
    s.accounts.reset_password(WORKER, NEW_PASSWORD)
    s.close()
    assert Keyring.load(staffed.path).generation == before + 1


def test_rollback_after_disable_is_refused(staffed):
    old = ring_path(staffed).read_bytes()
    s = SignedIn(staffed.login(SUPERVISOR, PASSWORD))
    s.accounts.set_disabled(WORKER, True)
    s.close()
    with pytest.raises(WrongPassword):
        staffed.login(WORKER, OTHER_PASSWORD)
    ring_path(staffed).write_bytes(old)  # the keyring from before the disable, copied back
    for account, password in ((WORKER, OTHER_PASSWORD), (SUPERVISOR, PASSWORD)):
        # its keys are the ones from before the re-encryption the disable did: they open nothing
        with pytest.raises(VaultError, match="比保险库记录的旧|重新加密之前的旧副本"):
            staffed.login(account, password)


def test_rollback_after_password_change_is_refused(staffed):
    old = ring_path(staffed).read_bytes()
    s = SignedIn(staffed.login(SUPERVISOR, PASSWORD))
    s.accounts.change_own_password(PASSWORD, NEW_PASSWORD)
    s.close()
    ring_path(staffed).write_bytes(old)
    with pytest.raises(VaultError, match="比保险库记录的旧"):
        staffed.login(SUPERVISOR, PASSWORD)  # the old password with the old keyring


def test_rollback_after_reset_is_refused(staffed):
    old = ring_path(staffed).read_bytes()
    s = SignedIn(staffed.login(SUPERVISOR, PASSWORD))
    s.accounts.reset_password(WORKER, NEW_PASSWORD)
    s.close()
    ring_path(staffed).write_bytes(old)
    with pytest.raises(VaultError, match="比保险库记录的旧"):
        staffed.login(WORKER, OTHER_PASSWORD)


def test_a_role_edited_in_the_keyring_is_refused(staffed, vault_factory):
    def promote(data):
        data["accounts"][WORKER]["must_change"] = True  # any signed field: here the forced change
    edit_ring(staffed, promote)
    with pytest.raises(VaultError, match="被改动过"):
        staffed.login(WORKER, OTHER_PASSWORD)
    with pytest.raises(VaultError, match="被改动过"):
        staffed.login(SUPERVISOR, PASSWORD)


def test_a_disabled_account_re_enabled_by_hand_is_refused(staffed):
    old_wraps = json.loads(ring_path(staffed).read_text(encoding="utf-8"))["accounts"][WORKER]
    s = SignedIn(staffed.login(SUPERVISOR, PASSWORD))
    s.accounts.set_disabled(WORKER, True)
    s.close()
    edit_ring(staffed, lambda data: data["accounts"].__setitem__(WORKER, old_wraps))
    with pytest.raises(VaultError, match="被改动过"):
        staffed.login(WORKER, OTHER_PASSWORD)


def test_a_keyring_from_another_vault_is_refused(staffed, vault_factory):
    other, _, _ = vault_factory("other")  # a copy of the same template: same keys until it diverges
    s = SignedIn(other.login(SUPERVISOR, PASSWORD))
    s.accounts.reset_password(SUPERVISOR, NEW_PASSWORD)  # a valid keyring, signed, of another vault's history
    s.close()
    for _ in range(3):
        skip_first_password_change(staffed, WORKER)  # this vault records a newer generation
    shutil.copy2(ring_path(other), ring_path(staffed))
    with pytest.raises(UserError):
        staffed.login(SUPERVISOR, NEW_PASSWORD)


def test_a_keyring_without_its_mac_is_refused(staffed):
    edit_ring(staffed, lambda data: (data.pop("mac"), data.pop("generation")))
    with pytest.raises(VaultError, match="损坏或被改动"):
        staffed.login(SUPERVISOR, PASSWORD)


def test_a_keyring_of_the_development_format_is_refused_plainly(staffed):
    """Format 1 (password wraps, no key pairs) was never released: said so, never a traceback."""
    edit_ring(staffed, lambda data: data.update(format=1))
    with pytest.raises(VaultError, match="开发测试版本"):
        Vault(staffed.path)


@pytest.mark.parametrize("field,value", [("time_cost", 1), ("memory_kib", 8), ("parallelism", 0),
                                         ("time_cost", "3"), ("salt", "zz")])
def test_kdf_settings_below_the_floor_are_refused(vault_factory, field, value):
    vault, _, _ = vault_factory()
    edit_ring(vault, lambda data: data["kdf_template"].__setitem__(field, value))
    with pytest.raises(VaultError, match="已损坏或被改动"):
        vault.login(SUPERVISOR, PASSWORD)
    with pytest.raises(VaultError, match="已损坏或被改动"):
        Vault(vault.path)


def test_a_vault_is_never_created_below_the_floor(tmp_path):
    weak = crypto.KdfParams(salt=crypto.new_salt(), time_cost=1, memory_kib=8)
    with pytest.raises(UserError, match="最低要求"):
        Vault.create(tmp_path / "v", station_name="测试救助站", station_code="TS", supervisor=SUPERVISOR,
                     password=PASSWORD, kdf=weak)
    assert not (tmp_path / "v").exists()


def test_forged_queued_events_are_dropped_and_counted(staffed):
    forged = [{"at": 1.0, "actor": "nobody", "role": "supervisor", "action": "login_fail", "detail": "failures=1"},
              {"at": 1.0, "actor": WORKER, "role": "supervisor", "action": "login_fail", "detail": "failures=1"},
              {"at": 1.0, "actor": WORKER, "role": "social_worker", "action": "export", "detail": ""},
              {"at": "x"}, 7, None,
              {"at": 1.7e9, "actor": WORKER, "role": "social_worker", "action": "login_fail", "detail": "failures=2"}]
    edit_ring(staffed, lambda data: data.__setitem__("pending_audit", forged))
    s = SignedIn(staffed.login(SUPERVISOR, PASSWORD))  # never an AssertionError from the audit log
    rows = s.owner.call(lambda: s.conn("audit").execute(
        "SELECT actor, action, detail FROM audit_log ORDER BY seq DESC LIMIT 4").fetchall())
    s.close()
    assert (staff_id(staffed, SUPERVISOR), "verify", "pending_audit_dropped=6") in rows
    assert (staff_id(staffed, WORKER), "login_fail", "failures=2") in rows
    assert Keyring.load(staffed.path).data["pending_audit"] == []


def test_a_wrong_password_a_disabled_and_an_unknown_account_read_the_same(staffed):
    s = SignedIn(staffed.login(SUPERVISOR, PASSWORD))
    s.accounts.create("shegong02", "social_worker", OTHER_PASSWORD)
    s.accounts.set_disabled("shegong02", True)
    s.close()
    messages = set()
    for account, password in ((WORKER, "not the password at all"), ("shegong02", OTHER_PASSWORD),
                              ("nobody99", OTHER_PASSWORD)):
        with pytest.raises(WrongPassword) as refused:
            staffed.login(account, password)
        messages.add(str(refused.value))
    assert messages == {"账户名或密码不正确。请检查后重试（注意大写锁定）。"}


def test_the_unknown_and_disabled_paths_derive_a_key_too(staffed, monkeypatch):
    calls = []
    real = crypto.derive_kek
    monkeypatch.setattr(crypto, "derive_kek", lambda pw, params: calls.append(params) or real(pw, params))
    for account in ("nobody99", WORKER):
        with pytest.raises(WrongPassword):
            staffed.login(account, "not the password at all")
    assert len(calls) == 2
    assert all(p.memory_kib >= crypto.MIN_MEMORY_KIB for p in calls)


def test_a_deleted_audit_wrap_is_refused_plainly(staffed):
    edit_ring(staffed, lambda data: data["accounts"][WORKER]["keys"].pop("audit"))
    with pytest.raises(VaultError, match="被改动过"):
        staffed.login(WORKER, OTHER_PASSWORD)


def test_a_signed_write_between_reading_the_keyring_and_opening_does_not_refuse(staffed, monkeypatch):
    """A supervisor changing another account while this sign-in derives its key is no rollback: the
    sign-in reads the newer keyring and goes on (before, it was refused as an old copy)."""
    from victimcare.security import vault as vault_module
    supervisor = SignedIn(staffed.login(SUPERVISOR, PASSWORD))
    supervisor.accounts.create("shegong02", "social_worker", OTHER_PASSWORD)
    acquire, raced = vault_module.vault_lock.acquire, []

    def acquire_after_a_signed_write(path, account):
        if not raced:
            raced.append(True)
            supervisor.accounts.reset_password("shegong02", NEW_PASSWORD)  # a new generation, recorded
        return acquire(path, account)

    monkeypatch.setattr(vault_module.vault_lock, "acquire", acquire_after_a_signed_write)
    before = Keyring.load(staffed.path).generation
    session = Vault(staffed.path).login(WORKER, OTHER_PASSWORD)
    assert raced and session.account == WORKER
    assert Keyring.load(staffed.path).generation == before + 1
    session.close()
    supervisor.close()


def test_supervisors_resetting_each_other_both_stay_certified(vault_factory, login, add_account):
    """The first supervisor certifies a second, who later resets the first: the first's new key is certified
    by someone whose own certificate came from the first's former key. Both sign in; the log verifies."""
    from victimcare.security.audit_check import check_before_sign_in
    vault, _, _ = vault_factory()
    s = login(vault)
    add_account(s, "zhanzhang2", "supervisor")
    s.close()
    other = login(vault, "zhanzhang2", OTHER_PASSWORD)
    other.accounts.reset_password(SUPERVISOR, "站长的 新密码 after the reset-2026")
    other.close()
    first = login(vault, SUPERVISOR, "站长的 新密码 after the reset-2026")
    first.accounts.change_own_password("站长的 新密码 after the reset-2026", PASSWORD)
    first.accounts.reset_password("zhanzhang2", "第二位站长 的新密码 also reset-88")
    first.close()
    login(vault, "zhanzhang2", "第二位站长 的新密码 also reset-88").close()
    assert check_before_sign_in(Vault(vault.path), SUPERVISOR, PASSWORD).ok
