"""Integrity at open (issue 8, item 2): what each kind of damage does, files left byte-identical."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import PASSWORD, case_ref

from victimcare.core.errors import StorageError, VaultError

INTAKE = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试乙", "sex": "F",
          "birth_date": "1990-03-04"}
CHILD = {**INTAKE, "name": "测试丙", "birth_date": "2016-05-06"}


def _new_case(session, raw=INTAKE) -> int:
    return session.intake.create(raw, reviewed_duplicates=list(range(1, 1000)))


@pytest.mark.parametrize("name, damage, words", [
    ("sensitive", "empty", ["敏感信息", "0 字节"]),
    ("audit", "empty", ["审计日志", "0 字节"]),
    ("core", "cut", ["个案与身份", "不完整"]),
    ("school", "missing", ["入学安置", "不见了"]),
])
def test_a_missing_empty_or_cut_file_is_refused_and_never_recreated(vault_factory, login, sha256_files,
                                                                     name, damage, words):
    vault, _, _ = vault_factory()
    _new_case(login(vault))
    path = vault.compartment_path(name)
    if damage == "empty":
        path.write_bytes(b"")
    elif damage == "cut":
        os.truncate(path, path.stat().st_size - 100)
    else:
        path.unlink()
    before = sha256_files(vault.path, "*")
    with pytest.raises(VaultError) as err:
        vault.login("zhanzhang", PASSWORD)
    assert all(w in str(err.value) for w in words) and "备份恢复" in str(err.value)
    assert sha256_files(vault.path, "*") == before  # nothing re-created, nothing written
    assert path.exists() == (damage != "missing")


def _older_copy_swapped_back(vault, login, name):
    s = login(vault)
    _new_case(s, INTAKE)
    s.close()
    old = vault.compartment_path(name).read_bytes()
    s = login(vault)
    _new_case(s, {**INTAKE, "name": "测试丁"})
    s.close()
    vault.compartment_path(name).write_bytes(old)


@pytest.mark.parametrize("name", ["core", "sensitive"])
def test_an_older_copy_swapped_back_opens_read_only(vault_factory, login, sha256_files, name):
    vault, _, _ = vault_factory()
    _older_copy_swapped_back(vault, login, name)
    before = sha256_files(vault.path)[f"{name}.db"]
    s = login(vault)
    assert s.session.read_only and ("旧副本" in s.session.read_only)
    with pytest.raises(StorageError) as err:
        _new_case(s, {**INTAKE, "name": "测试戊"})
    assert err.value.kind == "read_only" and "只能查看" in str(err.value)
    assert s.session.repaired == {}  # no repair on a vault that does not fit together
    s.cases.list_page  # reading still works  # noqa: B018
    s.close()
    assert sha256_files(vault.path)[f"{name}.db"] == before


def test_an_older_audit_log_is_refused(vault_factory, login):
    vault, _, _ = vault_factory()
    s = login(vault)
    _new_case(s)
    s.close()
    old = vault.compartment_path("audit").read_bytes()
    anchor = (vault.path / "audit-anchor.json").read_bytes()
    s = login(vault)
    _new_case(s, {**INTAKE, "name": "测试丁"})
    s.close()
    vault.compartment_path("audit").write_bytes(old)
    (vault.path / "audit-anchor.json").write_bytes(anchor)  # even with the anchor swapped back too
    with pytest.raises(VaultError) as err:
        vault.login("zhanzhang", PASSWORD)
    assert "审计日志" in str(err.value) and "旧" in str(err.value)


def test_damage_in_a_middle_page_makes_the_session_read_only_after_the_background_check(vault_factory, login,
                                                                                         sha256_files):
    vault, _, _ = vault_factory()
    s = login(vault)
    for i in range(30):
        _new_case(s, {**INTAKE, "name": "测试" + "甲乙丙丁戊己庚辛壬癸"[i % 10] + "子丑寅"[i // 10]})
    s.close()
    path = vault.compartment_path("core")
    size = path.stat().st_size
    with open(path, "r+b") as f:  # three bytes in a page near the end (not page 1, not the meta table)
        f.seek(size - 4096 * 2 + 1000)
        f.write(b"\x01\x02\x03")
    damaged = sha256_files(vault.path)["core.db"]
    s = login(vault)
    assert s.session.deep_check.done.wait(30)
    assert s.session.deep_check.results["core"]
    assert "个案与身份" in s.session.read_only and "损坏" in s.session.read_only
    with pytest.raises(StorageError) as err:
        _new_case(s, {**INTAKE, "name": "测试庚"})
    assert err.value.kind == "read_only"
    s.close()
    assert sha256_files(vault.path)["core.db"] == damaged


_REFER = """
import sys
from victimcare.security.vault import Vault
from victimcare.services import sign_in
s = sign_in(Vault(sys.argv[1]), "zhanzhang", sys.argv[2])
s.school.refer(int(sys.argv[3]))
print("referred", flush=True)
"""


@pytest.mark.parametrize("point", ["after_school_commit", "after_core_commit", "after_audit_commit"])
def test_a_referral_killed_halfway_is_completed_at_the_next_sign_in(vault_factory, login, point):
    vault, _, _ = vault_factory()
    s = login(vault)
    case_id = _new_case(s, CHILD)
    s.close()
    here = Path(__file__).parents[2]
    proc = subprocess.run([sys.executable, "-c", _REFER, str(vault.path), PASSWORD, str(case_id)],
                          env={**os.environ, "PYTHONPATH": str(here), "VICTIMCARE_CRASH_AT": point},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr[-2000:]
    s = login(vault)

    def look():
        core, audit = s.session.conn("core"), s.session.conn("audit")
        step = core.execute("SELECT status FROM steps WHERE case_id = ? AND step = 'school'", (case_id,)).fetchone()[0]
        events = core.execute("SELECT count(*) FROM events WHERE case_id = ? AND kind = 'referred'", (case_id,)).fetchone()[0]
        entries = audit.execute("SELECT detail FROM audit_log WHERE action = 'create' AND object_type = 'school_child' "
                                "AND object_id = ?", (case_ref(s, case_id),)).fetchall()
        left = s.session.conn("school").execute("SELECT count(*) FROM outbox").fetchone()[0]
        return step, events, entries, left

    step, events, entries, left = s.session.owner.call(look)
    assert (step, events, left) == ("in_progress", 1, 0)
    assert len(entries) == 1  # appended exactly once
    assert (entries[0][0] == "recovered") == (point != "after_audit_commit")
    assert s.integrity.verify().ok
