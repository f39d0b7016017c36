"""The vault on disk: creation, owner-only files (R14), KDF cost (R3), recovery (R40), damage (R11)."""

import json
import os
import re
import stat

import pytest

from victimcare.security import crypto
from victimcare.db.connection import open_compartment
from victimcare.db.migrate import schema_version
from victimcare.db.schema import COMPARTMENTS, latest_version
from victimcare.core.errors import ValidationError, VaultError, WrongPassword
from victimcare.security.vault import Vault

from support import staff_id

NEW_PASSWORD = "另一句只有站长知道的话 and more words 99"


def create(path, kdf, **overrides):
    args = dict(station_name="测试救助站", station_code="TS", supervisor="zhanzhang",
                password="蓝色小船-over the quiet harbour-2718", kdf=kdf)
    args.update(overrides)
    return Vault.create(path, **args)


def audit_rows(vault, key):
    conn = open_compartment(vault.compartment_path("audit"), key)
    try:
        cols = ("seq", "actor", "role", "action", "object_type", "object_id", "result", "detail")
        return [dict(zip(cols, r)) for r in conn.execute(f"SELECT {','.join(cols)} FROM audit_log ORDER BY seq")]
    finally:
        conn.close()


# -- creation ---------------------------------------------------------------------------------------

def test_create_writes_the_documented_files_and_nothing_else(tmp_path, fast_kdf, login, compartment_keys):
    vault, code = create(tmp_path / "v", fast_kdf)

    names = sorted(p.name for p in vault.path.iterdir())
    assert names == ["audit-anchor.json", "audit.db", "core.db", "keyring.json", "keyring.lock", "school.db",
                     "sensitive.db", "writer.lock"]  # the sign-in takes keyring.lock to look for a rotation
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){4}", code)
    assert json.loads((vault.path / "keyring.json").read_text("utf-8"))["accounts"]["zhanzhang"]["role"] == "supervisor"

    session = login(vault, "zhanzhang", "蓝色小船-over the quiet harbour-2718")
    keys = compartment_keys(session)
    assert set(keys) == set(COMPARTMENTS)
    assert len(set(keys.values())) == 4, "every compartment has its own key"
    for name in COMPARTMENTS:
        assert session.owner.call(lambda n=name: schema_version(session.conn(n))) == latest_version(name)
    session.close()

    rows = audit_rows(vault, keys["audit"])
    assert [r["action"] for r in rows] == ["login", "setup", "logout", "login", "logout"]
    assert rows[1]["object_type"] == "vault" and all(r["actor"] == staff_id(vault, "zhanzhang") for r in rows)


def test_two_vaults_get_different_keys_and_salts(tmp_path, fast_kdf):
    a, _ = create(tmp_path / "a", fast_kdf)
    b, _ = create(tmp_path / "b", fast_kdf)
    for name in COMPARTMENTS:
        assert a.compartment_path(name).read_bytes()[:16] != b.compartment_path(name).read_bytes()[:16]
    ka = json.loads((a.path / "keyring.json").read_text("utf-8"))
    kb = json.loads((b.path / "keyring.json").read_text("utf-8"))
    assert ka["vault_id"] != kb["vault_id"]
    assert ka["accounts"]["zhanzhang"]["kdf"]["salt"] != kb["accounts"]["zhanzhang"]["kdf"]["salt"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_every_file_of_a_vault_is_owner_only(tmp_path, fast_kdf, login, insert_meta):
    """R14: keyring, anchor, *.db, -wal/-shm and backups are 0600, folders 0700."""
    old_umask = os.umask(0o022)  # the usual desktop umask, which would give 0644 files
    try:
        vault, _ = create(tmp_path / "v", fast_kdf)
        session = login(vault, "zhanzhang", "蓝色小船-over the quiet harbour-2718")
        for name in COMPARTMENTS:
            insert_meta(session, name, [("perm-check", "x")])
        assert list(vault.path.glob("*-wal")), "the open session has WAL files to check"
        for name in COMPARTMENTS:
            session.owner.call(vault.backup_compartment, session.conn(name), name, session.key_for(name), "manual")
        open_files = {p: p.stat().st_mode for p in vault.path.rglob("*")}
        session.close()
        closed_files = {p: p.stat().st_mode for p in vault.path.rglob("*")}
    finally:
        os.umask(old_umask)

    assert any(p.name.endswith("-shm") for p in open_files)
    assert len(list((vault.path / "backups").glob("*.db"))) == 4
    for path, mode in {**open_files, **closed_files}.items():
        assert mode & 0o077 == 0, f"{path.relative_to(tmp_path)} is {stat.filemode(mode)}"


def test_create_refuses_a_folder_that_holds_a_vault(tmp_path, fast_kdf, sha256_files):
    vault, _ = create(tmp_path / "v", fast_kdf)
    before = sha256_files(vault.path, "*")
    with pytest.raises(VaultError, match="已有保险库"):
        create(tmp_path / "v", fast_kdf)
    assert sha256_files(vault.path, "*") == before


@pytest.mark.parametrize("overrides, field", [
    ({"station_code": "T"}, "station_code"),
    ({"station_code": "T S"}, "station_code"),
    ({"supervisor": "站 长"}, "account"),
    ({"supervisor": "__recovery__"}, "account"),
    ({"station_name": "站\u202e"}, "station"),
    ({"password": "short one"}, "password"),
    ({"password": "zhanzhang-has-a-long-password"}, "password"),
])
def test_create_rejects_bad_input_and_writes_nothing(tmp_path, fast_kdf, overrides, field):
    with pytest.raises(ValidationError) as err:
        create(tmp_path / "v", fast_kdf, **overrides)
    assert err.value.field == field
    assert re.search(r"[\u4e00-\u9fff]", err.value.message)
    assert not (tmp_path / "v").exists()


def test_missing_vault_and_newer_keyring_give_clear_messages(tmp_path, vault_factory):
    with pytest.raises(VaultError, match="找不到保险库"):
        Vault(tmp_path / "nowhere")
    vault, _, _ = vault_factory()
    ring = json.loads((vault.path / "keyring.json").read_text("utf-8"))
    ring["format"] = 99
    (vault.path / "keyring.json").write_text(json.dumps(ring), "utf-8")
    with pytest.raises(VaultError, match="较新版本"):
        Vault(vault.path)
    (vault.path / "keyring.json").write_text("{not json", "utf-8")
    with pytest.raises(VaultError, match="已损坏"):
        Vault(vault.path)


# -- KDF cost (R3) ----------------------------------------------------------------------------------

def _meets_floors(kdf: dict) -> bool:
    return (kdf["algorithm"] == "argon2id" and kdf["memory_kib"] >= 64 * 1024 and kdf["time_cost"] >= 3
            and len(bytes.fromhex(kdf["salt"])) >= 16)


def test_calibrated_kdf_meets_the_floors_and_is_what_the_keyring_stores(tmp_path):
    params = crypto.calibrate()
    assert params.algorithm == "argon2id"
    assert params.memory_kib >= 64 * 1024 and params.time_cost >= 3
    vault, _ = create(tmp_path / "v", params)

    ring = json.loads((vault.path / "keyring.json").read_text("utf-8"))
    stored = [ring["kdf_template"], ring["recovery"]["kdf"]] + [a["kdf"] for a in ring["accounts"].values()]
    for kdf in stored:
        assert _meets_floors(kdf), kdf
        assert (kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"]) == \
            (params.time_cost, params.memory_kib, params.parallelism)
    assert len({kdf["salt"] for kdf in stored[1:]}) == len(stored) - 1, "every wrap has its own salt"


def test_calibrate_never_goes_below_the_floors_on_a_fast_machine():
    params = crypto.calibrate(target_seconds=0.0001)
    assert params.time_cost >= 3 and params.memory_kib >= 64 * 1024


def test_password_change_rewraps_keys_without_touching_the_data_files(vault_factory, login, compartment_keys,
                                                                      sha256_files):
    """R3: a password change re-wraps the compartment keys; the encrypted files stay bit-identical."""
    vault, _, password = vault_factory()
    data_files = ("core.db", "sensitive.db", "school.db")
    before = {k: v for k, v in sha256_files(vault.path).items() if k in data_files}

    session = login(vault, "zhanzhang", password)
    keys_before = compartment_keys(session)
    all_before = sha256_files(vault.path)
    session.accounts.change_own_password(password, NEW_PASSWORD)
    # no database is re-encrypted (the audit row for the change waits in audit.db-wal for now)
    assert sha256_files(vault.path) == all_before
    session.close()

    # after closing, only audit.db took in its new rows; the data files are bit-identical
    assert {k: v for k, v in sha256_files(vault.path).items() if k in data_files} == before
    with pytest.raises(WrongPassword):
        vault.login("zhanzhang", password)
    session = login(vault, "zhanzhang", NEW_PASSWORD)
    assert compartment_keys(session) == keys_before
    actions = [(e["action"], e["detail"]) for e in session.audit.entries(limit=10)]
    assert ("key_change", "own") in actions


def test_password_change_needs_the_current_password(vault_factory, login):
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    with pytest.raises(WrongPassword, match="当前密码不正确"):
        session.accounts.change_own_password("not the password at all!!", NEW_PASSWORD)
    with pytest.raises(ValidationError):
        session.accounts.change_own_password(password, "too short")
    session.close()
    login(vault, "zhanzhang", password).close()


# -- recovery (R40) ---------------------------------------------------------------------------------

def test_recovery_code_rewraps_every_key_for_a_new_password(vault_factory, login, compartment_keys):
    vault, code, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    keys_before = compartment_keys(session)
    session.close()

    vault.recover(code, "zhanzhang", NEW_PASSWORD)

    with pytest.raises(WrongPassword):
        vault.login("zhanzhang", password)
    session = login(vault, "zhanzhang", NEW_PASSWORD)
    assert compartment_keys(session) == keys_before, "the same data keys, wrapped under the new password"
    recover = [e for e in session.audit.entries(limit=20) if e["action"] == "recover"]
    assert len(recover) == 1
    assert recover[0]["actor_name"] == "zhanzhang" and recover[0]["object_name"] == "zhanzhang"


def test_recovery_code_may_be_typed_in_lower_case_with_spaces(vault_factory, login):
    vault, code, _ = vault_factory()
    loose = " " + code.lower().replace("-", " ") + " "
    vault.recover(loose, "zhanzhang", NEW_PASSWORD)
    login(vault, "zhanzhang", NEW_PASSWORD)


def test_wrong_recovery_code_is_refused_and_changes_nothing(vault_factory, login, sha256_files):
    vault, code, password = vault_factory()
    before = sha256_files(vault.path, "*")
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    for attempt in (wrong, "", "not-a-code", code[:-6]):
        with pytest.raises(WrongPassword, match="恢复码不正确"):
            vault.recover(attempt, "zhanzhang", NEW_PASSWORD)
    assert sha256_files(vault.path, "*") == before
    login(vault, "zhanzhang", password)


def test_recovery_cannot_turn_another_role_into_a_supervisor(vault_factory, login, add_account):
    vault, code, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    add_account(session, "shegong01", "social_worker")
    session.close()
    with pytest.raises(ValidationError, match="站长"):
        vault.recover(code, "shegong01", NEW_PASSWORD)
    assert json.loads((vault.path / "keyring.json").read_text("utf-8"))["accounts"]["shegong01"]["role"] \
        == "social_worker"


# -- damaged or missing files (R11): detected, kept untouched, never recreated -----------------------

def test_damaged_first_page_is_reported_and_the_file_kept(vault_factory, sha256_files):
    vault, _, password = vault_factory()
    path = vault.compartment_path("core")
    with open(path, "r+b") as f:
        f.seek(2000)
        f.write(b"\x01\x02\x03")
    before = sha256_files(vault.path, "*")
    with pytest.raises(VaultError, match="core.db") as err:
        vault.login("zhanzhang", password)
    assert "备份" in err.value.message
    after = sha256_files(vault.path, "*")
    for note in ("keyring.json", "writer.lock"):  # only throttling state and who last held the vault may change
        after.pop(note, None), before.pop(note, None)
    assert after == before


def test_missing_compartment_is_reported_not_recreated(vault_factory):
    vault, _, password = vault_factory()
    vault.compartment_path("sensitive").unlink()
    with pytest.raises(VaultError, match="sensitive.db"):
        vault.login("zhanzhang", password)
    assert not vault.compartment_path("sensitive").exists()
    assert not list(vault.path.glob("sensitive.db*"))


def test_damaged_later_page_is_found_by_verify_and_the_file_kept(vault_factory, login, insert_meta, sha256_files):
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    insert_meta(session, "core", [(f"row-{i}", "x" * 200) for i in range(100)])
    session.close()
    path = vault.compartment_path("core")
    assert path.stat().st_size > 3 * 4096
    with open(path, "r+b") as f:  # SQLCipher's own tamper test: junk in page 2
        f.seek(5120)
        f.write(b"\x01\x02\x03")
    damaged = sha256_files(vault.path)["core.db"]

    session = login(vault, "zhanzhang", password)
    report = session.integrity.verify()
    session.close()

    assert not report.ok
    assert "HMAC verification failed for page 2" in report.compartments["core"]
    assert report.compartments["sensitive"] == [] and report.compartments["audit"] == []
    assert any(line.startswith("个案与身份：发现") for line in report.lines())
    assert sha256_files(vault.path)["core.db"] == damaged


@pytest.mark.parametrize("name", ["core", "sensitive", "school", "audit"])
def test_an_emptied_compartment_is_refused_not_started_afresh(vault_factory, sha256_files, name):
    vault, _, password = vault_factory()
    vault.compartment_path(name).write_bytes(b"")  # truncated to zero bytes (a failed copy, a bad disk)
    before = sha256_files(vault.path)
    with pytest.raises(VaultError, match=f"{name}.db.*空的") as err:
        vault.login("zhanzhang", password)
    assert "备份" in err.value.message
    assert sha256_files(vault.path) == before and vault.compartment_path(name).stat().st_size == 0


def test_a_sign_in_whose_audit_entry_fails_leaves_no_open_session(vault_factory, monkeypatch):
    from victimcare.core.errors import StorageError
    from victimcare.security import session as session_module
    vault, _, password = vault_factory()
    opened = []
    real_init = session_module.Session.__init__

    def remember(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        opened.append(self)

    def full_disk(self, action, **fields):
        raise StorageError("磁盘空间已满。", kind="disk_full")

    monkeypatch.setattr(session_module.Session, "__init__", remember)
    monkeypatch.setattr(session_module.Session, "record", full_disk)
    with pytest.raises(StorageError):
        vault.login("zhanzhang", password)
    assert opened and opened[0].locked and opened[0].compartments() == frozenset(), "closed, keys wiped"
