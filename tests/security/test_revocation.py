"""Revocation by rotation (issue 11, item 1): disabling an account, lowering its role or a supervisor's
"re-encrypt vault" re-keys what the account could open; everyone else — and the recovery code — goes on
without giving a password; a copy of the old keyring and the old password open nothing any more."""

import shutil

import pytest

from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR, SignedIn, settle_first_password
from victimcare.core.errors import UserError, ValidationError, VaultError
from victimcare.db.connection import WrongKey, open_compartment
from victimcare.db.schema import COMPARTMENTS
from victimcare.security.audit_check import check_before_sign_in
from victimcare.security.keyring import KEYRING_FILE
from victimcare.security.vault import Vault

WORKER, OTHER_WORKER, OFFICER = "shegong01", "shegong02", "jiaoyu01"
NEW_PASSWORD = "另一句只有站长知道的话 and more words 99"
CASE = {"admitted_at": "2026-03-02 10:00", "arrival_mode": "self", "name": "测试丙", "sex": "F",
        "estimated_age": "30", "age_basis": "目测", "id_status": "none"}


@pytest.fixture(scope="module")
def template(tmp_path_factory, vault_copier):
    vault, code, _ = vault_copier(tmp_path_factory.mktemp("revocation") / "vault")
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    for name, role in ((WORKER, "social_worker"), (OTHER_WORKER, "social_worker"), (OFFICER, "education_officer")):
        s.accounts.create(name, role, OTHER_PASSWORD)
    settle_first_password(s, WORKER, OTHER_WORKER, OFFICER)
    s.close()
    w = SignedIn(vault.login(WORKER, OTHER_PASSWORD))
    case_id = w.intake.create(CASE)
    w.close()
    return vault.path, code, case_id


@pytest.fixture
def station(template, tmp_path):
    path, code, case_id = template
    return Vault(shutil.copytree(path, tmp_path / "vault")), code, case_id


def keys_of(vault, account, password=OTHER_PASSWORD) -> dict[str, bytes]:
    held = vault.unwrap(account, vault.keyring.account(account), password)
    try:
        return {n: bytes(k) for n, k in held.keys.items()}
    finally:
        held.wipe()


def opens(vault, name, key) -> bool:
    try:
        open_compartment(vault.compartment_path(name), key).close()
    except WrongKey:
        return False
    return True


def supervisor(vault) -> SignedIn:
    return SignedIn(vault.login(SUPERVISOR, PASSWORD))


def test_disabling_re_keys_everything_the_account_could_open(station):
    vault, code, case_id = station
    old_ring = (vault.path / KEYRING_FILE).read_bytes()
    old_keys = keys_of(vault, WORKER)
    assert set(old_keys) == set(COMPARTMENTS)
    s = supervisor(vault)
    try:
        s.accounts.set_disabled(WORKER, True)
    finally:
        s.close()
    for name, key in old_keys.items():  # the insider's copy of its keys opens none of the files
        assert not opens(vault, name, key), name
    # the keyring copied aside before the disable, copied back: the old password opens nothing
    (vault.path / KEYRING_FILE).write_bytes(old_ring)
    with pytest.raises(UserError):
        Vault(vault.path).login(WORKER, OTHER_PASSWORD)


def test_the_others_and_the_recovery_code_go_on_without_a_password(station):
    vault, code, case_id = station
    s = supervisor(vault)
    try:
        s.accounts.set_disabled(WORKER, True)
    finally:
        s.close()
    other = SignedIn(Vault(vault.path).login(OTHER_WORKER, OTHER_PASSWORD))
    try:
        assert other.cases.get_case(case_id)["name"] == "测试丙"
    finally:
        other.close()
    officer = SignedIn(Vault(vault.path).login(OFFICER, OTHER_PASSWORD))
    officer.close()
    Vault(vault.path).recover(code, SUPERVISOR, NEW_PASSWORD)
    boss = SignedIn(Vault(vault.path).login(SUPERVISOR, NEW_PASSWORD))
    try:
        assert boss.cases.get_case(case_id)["name"] == "测试丙"
        assert boss.integrity.verify().ok, "the audit chain and every file verify after the rotation"
    finally:
        boss.close()
    assert check_before_sign_in(Vault(vault.path), SUPERVISOR, NEW_PASSWORD).ok


def test_lowering_a_role_re_keys_what_it_loses_and_keeps_the_rest(station):
    vault, _code, _case_id = station
    old_keys = keys_of(vault, WORKER)
    s = supervisor(vault)
    try:
        s.accounts.set_role(WORKER, "education_officer")
        assert {a["name"]: a["role"] for a in s.accounts.list()}[WORKER] == "education_officer"
    finally:
        s.close()
    assert not opens(vault, "core", old_keys["core"]) and not opens(vault, "sensitive", old_keys["sensitive"])
    assert opens(vault, "school", old_keys["school"]) and opens(vault, "audit", old_keys["audit"])
    now = SignedIn(Vault(vault.path).login(WORKER, OTHER_PASSWORD))
    try:
        assert now.session.compartments() == frozenset({"school", "audit"})
    finally:
        now.close()


def test_a_higher_role_gets_its_keys_without_a_rotation(station):
    vault, _code, case_id = station
    before = keys_of(vault, OFFICER)
    s = supervisor(vault)
    try:
        s.accounts.set_role(OFFICER, "social_worker")
    finally:
        s.close()
    after = SignedIn(Vault(vault.path).login(OFFICER, OTHER_PASSWORD))
    try:
        assert after.cases.get_case(case_id)["name"] == "测试丙"
    finally:
        after.close()
    assert opens(vault, "school", before["school"]), "nothing was re-keyed"


def test_re_encrypting_the_vault_changes_every_key_and_keeps_every_row(station):
    vault, _code, case_id = station
    old_keys = keys_of(vault, WORKER)
    s = supervisor(vault)
    try:
        report = s.accounts.rotate_keys()
        assert set(report.compartments) == set(COMPARTMENTS)
        assert s.cases.get_case(case_id)["name"] == "测试丙", "the session goes on with the new keys"
        s.record("view", object_type="case", object_id="TS-2026-0001")
    finally:
        s.close()
    assert not any(opens(vault, n, k) for n, k in old_keys.items())
    w = SignedIn(Vault(vault.path).login(WORKER, OTHER_PASSWORD))
    try:
        assert w.cases.get_case(case_id)["name"] == "测试丙"
    finally:
        w.close()
    assert check_before_sign_in(Vault(vault.path), SUPERVISOR, PASSWORD).ok


@pytest.mark.parametrize("call, message", [
    (lambda s: s.accounts.set_disabled(SUPERVISOR, True), "当前登录"),
    (lambda s: s.accounts.set_role(SUPERVISOR, "auditor"), "当前登录"),
    (lambda s: s.accounts.set_role(WORKER, "social_worker"), "已经是"),
    (lambda s: s.accounts.set_role(WORKER, "boss"), "请选择角色"),
    (lambda s: s.accounts.set_role("nobody", "auditor"), "没有这个账户"),
])
def test_bad_requests_are_refused_plainly_and_change_nothing(station, call, message):
    vault, _code, _case_id = station
    before = (vault.path / KEYRING_FILE).read_bytes()
    s = supervisor(vault)
    try:
        with pytest.raises(ValidationError, match=message):
            call(s)
    finally:
        s.close()
    assert (vault.path / KEYRING_FILE).read_bytes() == before
    assert opens(vault, "core", keys_of(vault, WORKER)["core"])


def test_only_a_supervisor_may_rotate(station):
    vault, _code, _case_id = station
    w = SignedIn(Vault(vault.path).login(WORKER, OTHER_PASSWORD))
    try:
        with pytest.raises(UserError):
            w.accounts.rotate_keys()
        with pytest.raises(UserError):
            w.accounts.set_role(OFFICER, "supervisor")
    finally:
        w.close()
    assert opens(vault, "core", keys_of(vault, WORKER)["core"])


def test_a_keyring_copied_back_after_a_rotation_is_refused_plainly(station):
    vault, _code, _case_id = station
    old_ring = (vault.path / KEYRING_FILE).read_bytes()
    s = supervisor(vault)
    try:
        s.accounts.rotate_keys()
    finally:
        s.close()
    (vault.path / KEYRING_FILE).write_bytes(old_ring)
    with pytest.raises(VaultError, match="旧副本|被替换"):
        Vault(vault.path).login(SUPERVISOR, PASSWORD)


def test_a_rotation_is_refused_while_another_sign_in_of_this_process_holds_the_vault(station):
    """Its writes would go to the old files after the copy and be lost: refused, nothing changed."""
    vault, _code, _case_id = station
    old_keys = keys_of(vault, WORKER)
    other = SignedIn(Vault(vault.path).login(OTHER_WORKER, OTHER_PASSWORD))
    s = supervisor(vault)
    try:
        with pytest.raises(VaultError, match="另有一个登录"):
            s.accounts.rotate_keys()
    finally:
        s.close()
        other.close()
    assert all(opens(vault, n, k) for n, k in old_keys.items())
