"""Re-keying compartments (issue 11 item 1, the storage engine): after a rotation the old keys open none
of the rotated files, migration backups included, and the new keys open them all with every row; the
session goes on with the new keys; a failure before the commit point changes nothing; a rotation that
stopped at any point is finished or undone at the next sign-in (the kills: test_crash_rotation.py)."""

import json
import os
import stat

import pytest

from rotation_support import (ALL, CUT_BACKUP, DAMAGED_BACKUP, OFFICER, STRAY_WAL, WORKER, backup_files, contents,
                              disabling, fill, keys_of, opens)
from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR
from victimcare.core.errors import UserError, ValidationError, VaultError, WrongPassword
from victimcare.security import backup_files as backup_files_module
from victimcare.security import rotation, rotation_journal
from victimcare.security.rotation import rotate_compartments
from victimcare.security.vault import Vault


@pytest.fixture
def filled(vault_factory):
    vault, _, _ = vault_factory()
    fill(vault)
    return vault


def snapshot(vault, keys, names=ALL):
    return {n: contents(vault.compartment_path(n), keys[n]) for n in names}


def sha(path):
    import hashlib
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_old_keys_open_nothing_rotated_and_new_keys_open_every_row(filled, login):
    signed = login(filled)
    old = keys_of(signed.session)
    before = snapshot(filled, old)
    cases_before = len(signed.session.run(lambda: signed.session.conn("core").execute(
        "SELECT id FROM cases").fetchall()))
    report = rotate_compartments(signed.session, set(ALL), disabling(WORKER))

    new = keys_of(signed.session)  # the session goes on with the new keys
    assert all(new[n] != old[n] for n in ALL)
    for name in ALL:
        path = filled.compartment_path(name)
        assert not opens(path, old[name]), f"the old {name} key still opens {path.name}"
        assert opens(path, new[name])
    assert snapshot(filled, new) == before, "every row of every table is in the new files"
    assert report.compartments == tuple(sorted(ALL)) and report.keyring_generation > 1
    assert report.rows["core"] > 0 and report.backups_reencrypted == 4 and report.backups_removed == 3

    # the migration backups: re-encrypted under the new key, rows intact; the unreadable and cut ones gone
    names = {p.name for p in backup_files(filled.path)}
    assert not {DAMAGED_BACKUP, CUT_BACKUP, STRAY_WAL} & names and len(names) == 4
    for path in backup_files(filled.path):
        compartment = path.name.split("-v")[0]
        assert not opens(path, old[compartment]), f"the old key opens the backup {path.name}"
        assert contents(path, new[compartment])  # the new one opens it, every page checked below
        assert not backup_files_module.check_copy(path, new[compartment]).problems

    # no file in the vault folder opens with an old key (the live -wal/-shm sidecars are the session's)
    for path in filled.path.rglob("*"):
        if path.is_file() and path.suffix not in (".json", ".lock") and not path.name.endswith(("-wal", "-shm")):
            assert not any(opens(path, key) for key in old.values()), f"an old key opens {path.name}"

    # nothing left behind: no staging folder, no -wal of an old file, everything owner-only
    assert not (filled.path / rotation_journal.STAGING).exists()
    for path in filled.path.rglob("*"):
        if path.is_file():
            assert not stat.S_IMODE(path.stat().st_mode) & 0o077, path.name

    # the session reads and writes on: a case listed, an audit entry appended under the new audit key
    cases_after = signed.session.run(lambda: signed.session.conn("core").execute("SELECT id FROM cases").fetchall())
    assert len(cases_after) == cases_before
    signed.session.record("view", object_type="vault", detail="probe")
    signed.close()

    again = login(Vault(filled.path))  # the new keyring opens the new files
    assert keys_of(again.session) == new
    with pytest.raises(WrongPassword):
        Vault(filled.path).login(WORKER, OTHER_PASSWORD)  # the disabled account is out
    officer = Vault(filled.path).login(OFFICER, OTHER_PASSWORD)  # the others hold the new keys
    assert keys_of(officer) == {n: new[n] for n in ("audit", "school")}
    officer.close()


def test_an_old_keyring_copied_back_opens_nothing(filled, login):
    saved = (filled.path / "keyring.json").read_bytes()
    signed = login(filled)
    rotate_compartments(signed.session, set(ALL), disabling(WORKER))
    signed.close()
    (filled.path / "keyring.json").write_bytes(saved)  # an insider puts the keyring from before back
    for account, password in ((WORKER, OTHER_PASSWORD), (SUPERVISOR, PASSWORD)):
        with pytest.raises(VaultError) as refused:
            Vault(filled.path).login(account, password)
        assert "旧副本" in refused.value.message or "无法打开" in refused.value.message


def test_rotating_only_the_officers_compartments_leaves_the_others_as_they_were(filled, login):
    signed = login(filled)
    old = keys_of(signed.session)
    untouched = {n: sha(filled.compartment_path(n)) for n in ("core", "sensitive")}
    rotate_compartments(signed.session, {"school", "audit"}, disabling(OFFICER))
    new = keys_of(signed.session)
    assert {n for n in ALL if new[n] != old[n]} == {"school", "audit"}
    assert {n: sha(filled.compartment_path(n)) for n in ("core", "sensitive")} == untouched
    assert not opens(filled.compartment_path("school"), old["school"])
    kept = {p.name.split("-v")[0] for p in backup_files(filled.path) if opens(p, old[p.name.split("-v")[0]])}
    assert kept == {"core", "sensitive"}, "backups of files not rotated keep their key"
    signed.close()
    with pytest.raises(WrongPassword):
        Vault(filled.path).login(OFFICER, OTHER_PASSWORD)
    worker = Vault(filled.path).login(WORKER, OTHER_PASSWORD)
    assert keys_of(worker) == new
    worker.close()


class Refused(UserError):
    pass


def _refusing_keyring(ring, keys):
    raise Refused("测试：拒绝")


@pytest.mark.parametrize("how", ["keyring_refused", "copy_fails_check", "disk_full_at_commit"])
def test_a_failure_before_the_commit_point_changes_nothing(filled, login, monkeypatch, how):
    signed = login(filled)
    old = keys_of(signed.session)
    before, keyring = snapshot(filled, old), sha(filled.path / "keyring.json")
    write_keyring = disabling(WORKER)
    if how == "keyring_refused":
        write_keyring = _refusing_keyring
    elif how == "copy_fails_check":
        monkeypatch.setattr(rotation, "check_copy", lambda path, key: backup_files_module.CompartmentCheck(["坏"]))
    else:
        def full(*args):
            raise OSError(28, "No space left on device")
        monkeypatch.setattr(rotation_journal, "write_private_file", full)
    with pytest.raises(UserError) as refused:
        rotate_compartments(signed.session, set(ALL), write_keyring)
    assert "测试" in refused.value.message or "没有任何改动" in refused.value.message
    assert keys_of(signed.session) == old
    assert snapshot(filled, old) == before and sha(filled.path / "keyring.json") == keyring
    assert not (filled.path / rotation_journal.STAGING).exists()
    signed.session.record("view", object_type="vault", detail="probe")  # the session goes on
    assert signed.session.run(lambda: signed.session.conn("core").execute("SELECT count(*) FROM cases").fetchone())
    signed.close()
    Vault(filled.path).login(WORKER, OTHER_PASSWORD).close()  # not disabled: nothing was committed


def test_bad_requests_are_refused_plainly(filled, login):
    signed = login(filled)
    for names in (set(), {"core", "nonsense"}):
        with pytest.raises(ValidationError):
            rotate_compartments(signed.session, names, disabling(None))
    officer = Vault(filled.path)
    signed.close()
    session = officer.login(OFFICER, OTHER_PASSWORD)
    try:
        with pytest.raises(VaultError) as refused:
            rotate_compartments(session, {"core"}, disabling(None, session))
        assert "没有这些数据分区的密钥" in refused.value.message
    finally:
        session.close()


def test_a_staging_folder_without_journal_is_rolled_back_and_a_damaged_journal_refused(filled, login):
    staging = rotation_journal.staging_dir(filled.path)
    staging.mkdir()
    (staging / "core.db").write_bytes(os.urandom(8192))  # a rotation killed before its commit point
    login(filled).close()
    assert not staging.exists()
    core = sha(filled.compartment_path("core"))

    staging.mkdir()
    (staging / "core.db").write_bytes(os.urandom(8192))
    (staging / rotation_journal.JOURNAL).write_text(json.dumps({"format": 1, "files": ["../core.db"],
                                                                "remove": []}))
    with pytest.raises(VaultError) as refused:
        Vault(filled.path).login(SUPERVISOR, PASSWORD)
    assert "密钥轮换" in refused.value.message
    assert sha(filled.compartment_path("core")) == core and staging.exists(), "nothing moved"


def test_the_journal_names_files_and_nothing_else(filled, login, monkeypatch):
    seen = {}
    real = rotation_journal.apply

    def look(vault_dir, files, remove):
        seen["journal"] = (rotation_journal.staging_dir(vault_dir) / rotation_journal.JOURNAL).read_bytes()
        return real(vault_dir, files, remove)

    monkeypatch.setattr(rotation_journal, "apply", look)
    signed = login(filled)
    rotate_compartments(signed.session, set(ALL), disabling(WORKER))
    new, journal = keys_of(signed.session), json.loads(seen["journal"])
    assert set(journal) == {"format", "files", "remove"}
    assert journal["files"][-1] == "keyring.json" and journal["files"][:4] == [f"{n}.db" for n in sorted(ALL)]
    text = seen["journal"].decode()
    for key in new.values():
        assert key.hex() not in text and key.hex().upper() not in text
    assert WORKER not in text and "station" not in text


def test_no_import_or_check_runs_on_the_old_files_while_they_are_replaced(filled, login):
    signed = login(filled)
    old = keys_of(signed.session)
    with signed.session.side_connections():  # an import running on its own connections
        with pytest.raises(VaultError) as refused:
            rotate_compartments(signed.session, set(ALL), disabling(WORKER))
        assert "导入或校验" in refused.value.message
    assert keys_of(signed.session) == old

    tried = {}

    def write_keyring(ring, keys):  # an import starting in the middle of the rotation is refused
        try:
            with signed.session.side_connections():
                tried["opened"] = True
        except VaultError as exc:
            tried["refused"] = exc.message
        return disabling(WORKER)(ring, keys)

    rotate_compartments(signed.session, set(ALL), write_keyring)
    assert "导入或校验" in tried.get("refused", "") and "opened" not in tried
    with signed.session.side_connections() as conns:  # and runs again afterwards, with the new keys
        assert conns["core"].execute("SELECT count(*) FROM cases").fetchone()[0] > 0


def test_a_failed_move_after_the_commit_point_is_finished_at_the_next_sign_in(filled, login, monkeypatch):
    signed = login(filled)
    old = keys_of(signed.session)
    real = rotation_journal.os.replace

    def replace(source, target):
        if str(target) == str(filled.path / "keyring.json") and "rotating" in str(source):
            raise OSError(5, "Input/output error")
        return real(source, target)

    monkeypatch.setattr(rotation_journal.os, "replace", replace)
    with pytest.raises(VaultError) as refused:
        rotate_compartments(signed.session, set(ALL), disabling(WORKER))
    assert "重新登录" in refused.value.message
    assert signed.session.locked, "a session whose keys no longer open its files is locked"
    monkeypatch.setattr(rotation_journal.os, "replace", real)

    again = login(Vault(filled.path))  # the sign-in moves the keyring in and signs in on it
    new = keys_of(again.session)
    assert all(new[n] != old[n] and opens(filled.compartment_path(n), new[n]) for n in ALL)
    assert not (filled.path / rotation_journal.STAGING).exists()
    with pytest.raises(WrongPassword):
        Vault(filled.path).login(WORKER, OTHER_PASSWORD)


def test_progress_rises_to_the_end_with_copies_made_step_by_step(filled, login, monkeypatch):
    monkeypatch.setattr(backup_files_module, "COPY_STEP_PAGES", 2)  # a small vault still copies in steps
    signed = login(filled)
    told = []
    rotate_compartments(signed.session, set(ALL), disabling(WORKER), progress=lambda i, n: told.append((i, n)))
    totals = {n for _i, n in told}
    assert len(totals) == 1, "one total from start to end"
    done = [i for i, _n in told]
    assert done == sorted(done) and done[-1] == totals.pop(), "never backwards, and it reaches the end"
    assert len(told) > 3 * len(ALL), "the copies report as they go, not only once each"
