"""Crash harness for the rotation (issue 11 item 1): a process re-keying all four compartments (and
disabling a social worker in the new keyring) is killed (SIGKILL) at every named point of the engine —
before and after each staged file, the backups and the keyring, at the commit point, between each move,
before and after the cleanup — and at random moments. Afterwards there is exactly one openable,
consistent vault, checked by signing in again: the old keys and the old keyring before the commit point
(the worker still signs in, the old keys open every file), the new ones after it (the old keys open no
file, backups included, and the worker is out); every row is there either way, no staging folder is left."""

import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rotation_support import ALL, WORKER, backup_files, contents, fill, keys_of, opens
from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR
from victimcare.core.errors import WrongPassword
from victimcare.security import rotation_journal
from victimcare.security.keyring import Keyring
from victimcare.security.vault import Vault

TESTS = Path(__file__).resolve().parents[1]
RANDOM_RUNS = 12
_ROTATOR = textwrap.dedent("""
    import sys
    from pathlib import Path
    from rotation_support import ALL, WORKER, disabling
    from victimcare.security.rotation import rotate_compartments
    from victimcare.security.vault import Vault
    vault_dir, password = sys.stdin.readline().rstrip("\\n").split("\\t")
    session = Vault(Path(vault_dir)).login(sys.argv[1], password)
    print("signed-in", flush=True)
    rotate_compartments(session, set(ALL), disabling(WORKER))
    print("acknowledged", flush=True)
    session.close()
""")
BEFORE_COMMIT = [f"rotation_{when}_{n}" for n in sorted(ALL) for when in ("stage", "staged")] + [
    "rotation_staged_backup", "rotation_staged_backups", "rotation_staged_keyring", "rotation_before_commit",
    "rotation_released"]
AFTER_COMMIT = ["rotation_committed"] + [f"rotation_moved_{n}" for n in sorted(ALL)] + [
    "rotation_moved_backup", "rotation_moved_backup@3", "rotation_removed_backup", "rotation_moved_keyring",
    "rotation_before_cleanup", "rotation_cleaned"]


@pytest.fixture(scope="module")
def template(tmp_path_factory, vault_copier):
    """A filled vault, its keys and every row (without meta, which a sign-in writes), made once."""
    path = tmp_path_factory.mktemp("rotation") / "vault"
    vault, _, _ = vault_copier(path)
    fill(vault)
    session = vault.login(SUPERVISOR, PASSWORD)
    keys = keys_of(session)
    session.close()
    return path, keys, {n: contents(vault.compartment_path(n), keys[n], skip=("meta", "audit_log"))
                        for n in ALL}


def run_rotator(vault_dir: Path, crash_at: str | None = None, delay: float | None = None) -> str:
    env = {k: v for k, v in __import__("os").environ.items() if k != "VICTIMCARE_CRASH_AT"}
    env["PYTHONPATH"] = f"{TESTS.parent}:{TESTS}"
    if crash_at:
        env["VICTIMCARE_CRASH_AT"] = crash_at
    proc = subprocess.Popen([sys.executable, "-c", _ROTATOR, SUPERVISOR], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    proc.stdin.write(f"{vault_dir}\t{PASSWORD}\n")
    proc.stdin.flush()
    first = proc.stdout.readline()
    assert first.strip() == "signed-in", proc.stderr.read()
    if delay is not None:
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=120)
    finished = delay is not None and proc.returncode == 0 and "acknowledged" in out  # done before the kill
    assert proc.returncode == -signal.SIGKILL or finished, (crash_at, proc.returncode, out, err[-2000:])
    return out


def outcome(vault_dir: Path, old: dict, rows: dict) -> str:
    """'old' or 'new' — and fails unless the vault is exactly one of them, whole."""
    interrupted = any((vault_dir / f).exists() for f in (rotation_journal.STAGING, rotation_journal.FINISHED))
    vault = Vault(vault_dir)
    session = vault.login(SUPERVISOR, PASSWORD)  # the repair at open runs here
    try:
        now = keys_of(session)
        audited = [e["detail"] for e in session.run(session.audit_log.entries, limit=100)
                   if e["detail"].startswith("rotation_")]
    finally:
        session.close()
    assert not (vault_dir / rotation_journal.STAGING).exists(), "the staging folder is gone"
    assert not (vault_dir / rotation_journal.FINISHED).exists(), "what the open did is audited, once"
    Keyring.load(vault_dir)  # never torn
    rotated = {n for n in ALL if now[n] != old[n]}
    assert rotated in (set(), set(ALL)), f"some files rotated, some not: {sorted(rotated)}"
    state = "new" if rotated else "old"
    assert audited == ([f"rotation_{'rolled_forward' if rotated else 'rolled_back'}"] if interrupted else [])
    for name in ALL:
        path = vault.compartment_path(name)
        assert opens(path, old[name]) == (state == "old"), f"{name}: the old key opens it only before the commit"
        assert contents(path, now[name], skip=("meta", "audit_log")) == rows[name], f"{name}: every row intact"
        assert not Path(f"{path}-wal").exists() or opens(path, now[name])
    for path in backup_files(vault_dir):
        name = path.name.split("-v")[0]
        if state == "new":
            assert path.suffix == ".db" and not opens(path, old[name]), f"{path.name} still under the old key"
            assert opens(path, now[name])
    worker_in = True
    try:
        Vault(vault_dir).login(WORKER, OTHER_PASSWORD).close()
    except WrongPassword:
        worker_in = False
    assert worker_in == (state == "old"), "the worker is disabled exactly when the rotation is in place"
    return state


@pytest.mark.timeout(600)
@pytest.mark.parametrize("point", BEFORE_COMMIT + AFTER_COMMIT)
def test_a_kill_at_each_point_leaves_one_vault(template, tmp_path, point):
    source, old, rows = template
    vault_dir = tmp_path / "vault"
    shutil.copytree(source, vault_dir, copy_function=shutil.copy2)
    out = run_rotator(vault_dir, crash_at=point)
    assert "acknowledged" not in out
    expected = "old" if point in BEFORE_COMMIT else "new"
    assert outcome(vault_dir, old, rows) == expected, point


@pytest.mark.timeout(600)
def test_kills_at_random_moments_leave_one_vault(template, tmp_path):
    source, old, rows = template
    rng = random.Random(11)
    seen = {"old": 0, "new": 0}
    for run in range(RANDOM_RUNS):
        vault_dir = tmp_path / f"vault{run}"
        shutil.copytree(source, vault_dir, copy_function=shutil.copy2)
        out = run_rotator(vault_dir, delay=rng.uniform(0.0, 0.2))
        state = outcome(vault_dir, old, rows)
        if "acknowledged" in out:
            assert state == "new", f"run {run}: an acknowledged rotation is kept"
        seen[state] += 1
    print(f"rotation: {RANDOM_RUNS} random kills, {seen}")
    assert seen["old"] + seen["new"] == RANDOM_RUNS


@pytest.mark.timeout(600)
def test_the_disabled_worker_signing_in_first_after_the_commit_finishes_the_rotation(template, tmp_path):
    source, old, rows = template
    vault_dir = tmp_path / "vault"
    shutil.copytree(source, vault_dir, copy_function=shutil.copy2)
    run_rotator(vault_dir, crash_at="rotation_moved_core")  # the old keyring is still in place
    with pytest.raises(WrongPassword):
        Vault(vault_dir).login(WORKER, OTHER_PASSWORD)  # its own sign-in rolled the rotation forward
    assert not (vault_dir / rotation_journal.STAGING).exists()
    assert outcome(vault_dir, old, rows) == "new"
