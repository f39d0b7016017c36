"""R6: the role boundary is cryptographic. An account only ever holds the keys of the compartments
its role may read; with everything it can unwrap, SQLCipher still cannot open the other files."""

import itertools
import json
import shutil

import pytest

from support import SignedIn
import sqlcipher3

from victimcare.security import crypto, identity
from victimcare.db.connection import WrongKey, open_compartment
from victimcare.db.schema import COMPARTMENTS
from victimcare.core.errors import WrongPassword
from victimcare.security.permissions import COMPARTMENTS_BY_ROLE, Role
from victimcare.security.vault import RECOVERY_HOLDER, Vault

ACCOUNTS = {
    "shegong01": Role.SOCIAL_WORKER,
    "jiaoyu01": Role.EDUCATION_OFFICER,
    "shenji01": Role.AUDITOR,
}
OFFICER_PASSWORD = "it's a \"quoted\"; pass phrase 🔐 for staff"
EXPECTED = {  # PRODUCT.md §1, written out
    "supervisor": {"core", "sensitive", "school", "audit"},
    "social_worker": {"core", "sensitive", "school", "audit"},
    "education_officer": {"school", "audit"},
    "auditor": {"audit"},
}


@pytest.fixture(scope="module")
def staffed_template(tmp_path_factory, vault_copier):
    """A vault with one account per role and a marker row in every compartment (made once)."""
    vault, _, password = vault_copier(tmp_path_factory.mktemp("staffed") / "vault")
    session = SignedIn(vault.login("zhanzhang", password))
    passwords = {"zhanzhang": password}
    try:
        for name, role in ACCOUNTS.items():
            session.accounts.create(name, role, OFFICER_PASSWORD)
            passwords[name] = OFFICER_PASSWORD
        for name in COMPARTMENTS:
            session.owner.call(lambda n=name: session.conn(n).execute(
                "INSERT INTO meta(key, value) VALUES ('marker', ?)", (f"{n}-marker",)))
    finally:
        session.close()
    return vault.path, passwords


@pytest.fixture
def staffed_vault(staffed_template, tmp_path):
    template, passwords = staffed_template
    path = shutil.copytree(template, tmp_path / "vault")
    return Vault(path), dict(passwords)


def everything_unwrappable(vault, account: str, password: str) -> dict[str, bytes]:
    """Every key this password opens: its KEK tried on every identity wrap in the whole keyring (every
    account and the recovery entry), and each identity it opens tried on every sealed key, under every
    holder/role/compartment binding."""
    ring = json.loads((vault.path / "keyring.json").read_text("utf-8"))
    own = ring["accounts"][account]
    kek = crypto.derive_kek(password, crypto.KdfParams.from_dict(own["kdf"]))
    holder_names = list(ring["accounts"]) + [RECOVERY_HOLDER]
    roles = [r.value for r in Role] + ["recovery"]
    records = list(ring["accounts"].values()) + [ring["recovery"]]
    opened = [identity.unwrap_identity(kek, rec["identity"], vault_id=ring["vault_id"], holder=holder, public=rec)
              for rec, holder in itertools.product(records, holder_names) if "identity" in rec]
    crypto.wipe(kek)
    sealed = [w for rec in records for w in rec["keys"].values()]
    found = {}
    for ident, wrapped, holder, role, compartment in itertools.product(
            [i for i in opened if i is not None], sealed, holder_names, roles, COMPARTMENTS):
        key = ident.open_sealed(wrapped, vault_id=ring["vault_id"], holder=holder, role=role, compartment=compartment)
        if key is not None:
            assert found.get(compartment, bytes(key)) == bytes(key)
            found[compartment] = bytes(key)
    return found


def assert_cannot_open(path, key: bytes, password: str):
    with pytest.raises(WrongKey):
        open_compartment(path, key).close()
    # and a plain sqlcipher3 session, as someone with the SQLCipher CLI would do it
    for keyspec in ("\"x'%s'\"" % key.hex(), "'%s'" % password.replace("'", "''"), "'%s'" % key.hex()):
        conn = sqlcipher3.connect(str(path))
        try:
            conn.execute(f"PRAGMA key = {keyspec}")
            with pytest.raises(sqlcipher3.DatabaseError):
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            conn.close()


@pytest.mark.parametrize("account", ["jiaoyu01", "shenji01"])
def test_restricted_roles_cannot_open_other_compartments_with_any_key_they_hold(
        staffed_vault, login, compartment_keys, read_meta, sha256_files, account):
    vault, passwords = staffed_vault
    role = ACCOUNTS[account]
    session = login(vault, account, passwords[account])  # first password: must_change, login still works
    assert session.accounts.must_change_password()
    assert session.compartments() == frozenset(EXPECTED[role])
    held = compartment_keys(session)
    for name in EXPECTED[role] - {"audit"}:
        assert read_meta(session, name)["marker"] == f"{name}-marker"
    session.close()

    unwrappable = everything_unwrappable(vault, account, passwords[account])
    assert set(unwrappable) == EXPECTED[role]
    assert unwrappable == held

    before = sha256_files(vault.path)
    forbidden = set(COMPARTMENTS) - EXPECTED[role]
    assert forbidden >= {"core", "sensitive"}
    for name in forbidden:
        for key in held.values():
            assert_cannot_open(vault.compartment_path(name), key, passwords[account])
    assert sha256_files(vault.path) == before, "failed opens must not touch the files"
    assert not list(vault.path.glob("*-wal"))

    for name, key in held.items():  # positive control: the same keys do open their own files
        conn = open_compartment(vault.compartment_path(name), key)
        conn.close()


@pytest.mark.parametrize("account", ["zhanzhang", "shegong01"])
def test_supervisor_and_social_worker_hold_all_four_keys(staffed_vault, login, compartment_keys, account):
    vault, passwords = staffed_vault
    session = login(vault, account, passwords[account])
    assert session.compartments() == frozenset(COMPARTMENTS)
    keys = compartment_keys(session)
    session.close()
    assert everything_unwrappable(vault, account, passwords[account]) == keys
    for name, key in keys.items():
        conn = open_compartment(vault.compartment_path(name), key)
        try:
            assert conn.execute("SELECT value FROM meta WHERE key = 'marker'").fetchone() == (f"{name}-marker",)
        finally:
            conn.close()


def test_compartments_by_role_matches_the_product_brief():
    assert {str(r): set(c) for r, c in COMPARTMENTS_BY_ROLE.items()} == EXPECTED


def _edit_account(vault, account, **changes):
    path = vault.path / "keyring.json"
    ring = json.loads(path.read_text("utf-8"))
    for k, v in changes.items():
        ring["accounts"][account][k] = v(ring) if callable(v) else v
    path.write_text(json.dumps(ring, ensure_ascii=False), "utf-8")


@pytest.mark.parametrize("tamper", [
    {"role": "supervisor"},
    {"role": "social_worker"},
    # role edited and the supervisor's wraps copied in as well
    {"role": "supervisor", "keys": lambda ring: ring["accounts"]["zhanzhang"]["keys"]},
    # the officer's own wraps plus the supervisor's wrap of the sensitive compartment
    {"keys": lambda ring: {**ring["accounts"]["jiaoyu01"]["keys"],
                           "sensitive": ring["accounts"]["zhanzhang"]["keys"]["sensitive"]}},
    # no wraps at all: nothing to check the password against must not count as a success
    {"role": "supervisor", "keys": {}},
], ids=["role-supervisor", "role-social-worker", "role-and-wraps", "extra-wrap", "no-wraps"])
def test_editing_the_keyring_makes_login_fail_rather_than_grant_more(staffed_vault, tamper):
    vault, passwords = staffed_vault
    _edit_account(vault, "jiaoyu01", **tamper)
    with pytest.raises(WrongPassword, match="账户名或密码不正确"):
        vault.login("jiaoyu01", passwords["jiaoyu01"])
    ring = json.loads((vault.path / "keyring.json").read_text("utf-8"))
    assert ring["accounts"]["jiaoyu01"]["failures"] == 1
    assert ring["pending_audit"][-1]["action"] == "login_fail"


def test_a_wrap_moved_to_another_account_does_not_open(staffed_vault):
    """The wrap is bound to its holder: the social worker's wraps copied onto the officer fail."""
    vault, passwords = staffed_vault
    _edit_account(vault, "jiaoyu01", keys=lambda ring: ring["accounts"]["shegong01"]["keys"],
                  kdf=lambda ring: ring["accounts"]["shegong01"]["kdf"], role="social_worker")
    with pytest.raises(WrongPassword):
        vault.login("jiaoyu01", passwords["shegong01"])
