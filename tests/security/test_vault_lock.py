"""One writer per vault (security requirement 13): a second process is refused and told who holds the
vault; a crashed holder leaves no stale lock; network and cloud-synced folders are refused; keyring
updates are one step at a time, so no failure is lost and no sign-in undoes a disable."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading

import pytest

from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR
from victimcare.core.errors import VaultError, WrongPassword
from victimcare.security import vault_lock
from victimcare.security.keyring import Keyring
from victimcare.security.vault import Vault

_SIGN_IN = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from victimcare.security.vault import Vault
    from victimcare.core.errors import UserError
    try:
        session = Vault(Path(sys.argv[1])).login(sys.argv[2], sys.stdin.readline().rstrip("\\n"))
    except UserError as exc:
        print("REFUSED " + exc.message, flush=True)
        sys.exit(0)
    print("OPEN", flush=True)
    if sys.argv[3] == "hold":
        time.sleep(60)
    session.close()
""")


def sign_in_elsewhere(vault, account, password, mode="close"):
    proc = subprocess.Popen([sys.executable, "-c", _SIGN_IN, str(vault.path), account, mode], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdin.write(password + "\n")
    proc.stdin.flush()
    return proc


def test_a_second_process_is_refused_and_told_who_holds_the_vault(vault_factory, login):
    vault, _, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    out, err = sign_in_elsewhere(vault, SUPERVISOR, password).communicate(timeout=120)
    assert out.startswith("REFUSED"), err
    assert SUPERVISOR in out and str(os.getpid()) in out and "同一时间只能有一处写入" in out
    held = json.loads((vault.path / vault_lock.LOCK_FILE).read_text("utf-8"))
    assert held["pid"] == os.getpid() and held["account"] == SUPERVISOR
    assert (vault.path / vault_lock.LOCK_FILE).stat().st_mode & 0o077 == 0
    s.close()
    out, err = sign_in_elsewhere(vault, SUPERVISOR, password).communicate(timeout=120)
    assert out.strip() == "OPEN", err


def test_a_killed_holder_leaves_no_stale_lock(vault_factory):
    vault, _, password = vault_factory()
    holder = sign_in_elsewhere(vault, SUPERVISOR, password, mode="hold")
    assert holder.stdout.readline().strip() == "OPEN"
    with pytest.raises(VaultError, match="同一时间只能有一处写入"):
        Vault(vault.path).login(SUPERVISOR, password)
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    session = Vault(vault.path).login(SUPERVISOR, password)  # taken over: the OS lock died with its process
    session.close()


def test_sessions_of_one_process_share_the_lock(vault_factory, login):
    vault, _, password = vault_factory()
    first = login(vault, SUPERVISOR, password)
    second = login(Vault(vault.path), SUPERVISOR, password)  # the window's unlock, or a test's second role
    first.close()
    out, _err = sign_in_elsewhere(vault, SUPERVISOR, password).communicate(timeout=120)
    assert out.startswith("REFUSED"), "still held while one session is open"
    second.close()


@pytest.mark.parametrize("folder", ["OneDrive/工作/vault", "Dropbox/vault", "坚果云/vault", "Nutstore/v"])
def test_a_cloud_synced_folder_is_refused(tmp_path, folder, fast_kdf):
    with pytest.raises(VaultError, match="云同步"):
        Vault.create(tmp_path / folder, station_name="测试救助站", station_code="TS", supervisor=SUPERVISOR,
                     password=PASSWORD, kdf=fast_kdf)
    assert not (tmp_path / folder).exists()


def test_a_network_folder_is_refused(tmp_path, monkeypatch, fast_kdf):
    mounts = [f"//server/share {tmp_path} cifs rw 0 0", "/dev/sda1 / ext4 rw 0 0"]
    monkeypatch.setattr(vault_lock, "_mounts", lambda: mounts)
    with pytest.raises(VaultError, match="网络共享"):
        Vault.create(tmp_path / "vault", station_name="测试救助站", station_code="TS", supervisor=SUPERVISOR,
                     password=PASSWORD, kdf=fast_kdf)
    monkeypatch.setattr(vault_lock, "_mounts", lambda: ["/dev/sda1 / ext4 rw 0 0"])
    vault_lock.check_location(tmp_path / "vault")  # a local disk is fine


def test_simultaneous_wrong_passwords_each_count(vault_factory):
    vault, _, _ = vault_factory()
    procs = [sign_in_elsewhere(vault, SUPERVISOR, f"wrong password number {i} here") for i in range(6)]
    outs = [p.communicate(timeout=180)[0] for p in procs]
    assert all(o.startswith("REFUSED") for o in outs)
    record = Keyring.load(vault.path).account(SUPERVISOR)
    assert record["failures"] == 6, "every failure counted, none lost to another's write"
    assert len(Keyring.load(vault.path).data["pending_audit"]) == 6


def test_a_sign_in_during_a_disable_never_undoes_it(vault_factory, login, add_account):
    vault, _, password = vault_factory()
    supervisor = login(vault, SUPERVISOR, password)
    for trial in range(6):
        name = f"shegong{trial:02d}"
        add_account(supervisor, name, "social_worker")
        with Keyring.update(vault.path) as ring:  # a failure on record, so the sign-in writes the keyring
            ring.account(name)["failures"] = 2
        results = {}

        def sign_in():
            try:
                Vault(vault.path).login(name, OTHER_PASSWORD).close()
                results["signed_in"] = True
            except WrongPassword as exc:
                results["refused"] = exc.message

        worker = threading.Thread(target=sign_in)
        worker.start()
        try:
            supervisor.accounts.set_disabled(name, True)
        except VaultError as exc:  # the sign-in held the vault as the re-encryption began: nothing changed
            assert "没有任何改动" in exc.message
            worker.join()
            supervisor.accounts.set_disabled(name, True)  # as the supervisor does once it is told
        worker.join()
        assert results, f"trial {trial}: the sign-in ended with neither a session nor a refusal"
        record = Keyring.load(vault.path).account(name)
        assert record["disabled"] and record["keys"] == {}, f"trial {trial}: {results}"


def test_a_read_only_vault_folder_is_explained(vault_factory):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions")
    vault, _, password = vault_factory()
    os.chmod(vault.path, 0o500)
    try:
        with pytest.raises(VaultError, match="无法"):
            Vault(vault.path).login(SUPERVISOR, password)
    finally:
        os.chmod(vault.path, 0o700)


def test_a_lock_that_cannot_be_written_is_explained(vault_factory, monkeypatch):
    from victimcare.core import locks
    vault, _, password = vault_factory()

    def refuse(self, timeout=0.0):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(locks.FileLock, "acquire", refuse)
    with pytest.raises(VaultError, match="无法在保险库文件夹中写入.*没有访问权限"):
        Vault(vault.path).login(SUPERVISOR, password)
