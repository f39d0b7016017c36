"""An upgrade of the program meets a vault of the previous schema: the first sign-in backs up the
compartment (a verified, encrypted copy at the old version), migrates it and finds every case as it was;
a vault written by a newer release is refused with a clear message and left untouched.

The old vault is made by this code with the case-file compartment one migration short (core 9, before
the 工作台 index). The other compartments cannot be put one short and still be written by today's code
(sign-in reads the sensitive outbox and school_changes their last migrations add), and 0.1.0 is the first
release: from the next release on, keep a small vault made by the previous one beside this test."""

import pytest

from victimcare.db import schema
from victimcare.db.connection import open_compartment
from victimcare.db.migrate import schema_version
from victimcare.security.backup_files import check_copy
from victimcare.security.vault import Vault

from support import PASSWORD, SUPERVISOR

CASE = {"admitted_at": "2026-01-05 09:00", "arrival_mode": "self", "name": "旧版测试", "sex": "F",
        "estimated_age": "30", "age_basis": "目测", "id_status": "none"}


@pytest.fixture
def previous_release_vault(tmp_path, monkeypatch, login, compartment_keys):
    """A vault made and used by a program whose case-file compartment stops one migration short of this one."""
    current = schema.migration_files()
    previous = dict(current, core=current["core"][:-1])
    monkeypatch.setattr(schema, "migration_files", lambda: previous)
    from victimcare.security import crypto
    vault, _code = Vault.create(tmp_path / "vault", station_name="测试救助站", station_code="TS", supervisor=SUPERVISOR,
                                password=PASSWORD, kdf=crypto.KdfParams(crypto.new_salt()))
    signed = login(vault, SUPERVISOR, PASSWORD)
    case_id = signed.intake.create(CASE)
    keys = compartment_keys(signed.session)
    signed.close()
    monkeypatch.setattr(schema, "migration_files", lambda: current)
    return vault, keys, case_id, {"core": len(previous["core"])}


def test_the_first_sign_in_backs_up_then_migrates_and_keeps_the_cases(previous_release_vault, login):
    vault, keys, case_id, old = previous_release_vault
    signed = login(Vault(vault.path), SUPERVISOR, PASSWORD)
    assert signed.cases.get_case(case_id)["name"] == "旧版测试"
    now = {name: signed.owner.call(lambda n=name: schema_version(signed.conn(n))) for name in old}
    indexes = signed.owner.call(lambda: {r[0] for r in signed.conn("core").execute(
        "SELECT name FROM sqlite_master WHERE type = 'index'")})
    assert "cases_status_worker_due" in indexes, "the new migration ran"
    signed.close()
    assert now == {name: schema.latest_version(name) for name in old}
    assert now["core"] == old["core"] + 1

    backups = sorted((vault.path / "backups").glob("*.db"))
    assert sorted(b.name.split("-v")[0] for b in backups) == sorted(old)
    for backup in backups:
        name = backup.name.split("-v")[0]
        assert backup.name.startswith(f"{name}-v{old[name]}-")
        check = check_copy(backup, keys[name])
        assert check.problems == [] and check.version == old[name]
    core_copy = next(b for b in backups if b.name.startswith("core-"))
    conn = open_compartment(core_copy, keys["core"])
    try:
        assert conn.execute("SELECT count(*) FROM cases").fetchone()[0] == 1
    finally:
        conn.close()
    assert not list((vault.path / "backups").glob("*.partial"))


def test_a_backup_that_fails_its_check_stops_the_migration(previous_release_vault, monkeypatch, sha256_files):
    vault, _keys, _case_id, old = previous_release_vault
    from victimcare.core.errors import VaultError
    from victimcare.security import backup_files, vault as vault_module
    monkeypatch.setattr(vault_module, "check_copy", lambda path, key: backup_files.CompartmentCheck(["损坏"]))
    before = sha256_files(vault.path)
    with pytest.raises(VaultError, match="备份未能通过校验"):
        Vault(vault.path).login(SUPERVISOR, PASSWORD)
    assert sha256_files(vault.path) == before, "nothing migrated"
    assert not list((vault.path / "backups").glob("*"))


def test_a_vault_of_a_newer_release_is_refused_in_plain_words(previous_release_vault, capsys, sha256_files):
    vault, keys, _case_id, _old = previous_release_vault
    conn = open_compartment(vault.compartment_path("core"), keys["core"])
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = sha256_files(vault.path)
    from victimcare.cli.main import main
    import io
    import sys
    stdin = sys.stdin
    sys.stdin = io.StringIO(PASSWORD + "\n")
    try:
        code = main(["verify", "--vault", str(vault.path), "--user", SUPERVISOR, "--password-stdin"])
    finally:
        sys.stdin = stdin
    err = capsys.readouterr().err
    assert code != 0 and "较新版本" in err and "请安装最新版本" in err and "Traceback" not in err
    assert sha256_files(vault.path) == before
