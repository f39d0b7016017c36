"""Crash harness for the password change (issue 8 item 8): a process changing its password is killed
(SIGKILL) at random moments, 25 times. Afterwards the keyring reads, exactly one of the old and the new
password opens the vault (the new one whenever the change was acknowledged), and the vault opens clean."""

import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from support import PASSWORD, SUPERVISOR
from victimcare.core.errors import WrongPassword
from victimcare.security.keyring import Keyring
from victimcare.security.vault import Vault

NEW = "一句全新的口令 for the harbour crane 4711"
RUNS = 25
_CHANGER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    vault_dir, old, new = sys.stdin.readline().rstrip("\\n").split("\\t")
    services = sign_in(Vault(Path(vault_dir)), sys.argv[1], old)
    print("signed-in", flush=True)
    services.accounts.change_own_password(old, new)
    print("acknowledged", flush=True)
    services.close()
""")


def opens(vault_dir, password) -> bool:
    try:
        Vault(vault_dir).login(SUPERVISOR, password).close()
        return True
    except WrongPassword:
        return False


@pytest.mark.timeout(240)
def test_a_killed_password_change_leaves_exactly_one_password(vault_factory, tmp_path):
    rng = random.Random(7)
    outcomes = {"acknowledged": 0, "killed before": 0}
    for run in range(RUNS):
        vault, _, _ = vault_factory(f"vault{run}")
        proc = subprocess.Popen([sys.executable, "-c", _CHANGER, SUPERVISOR], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        proc.stdin.write(f"{vault.path}\t{PASSWORD}\t{NEW}\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "signed-in", proc.stderr.read()
        time.sleep(rng.uniform(0.0, 0.25))  # somewhere inside the key derivation, the wraps or the write
        proc.send_signal(signal.SIGKILL)
        rest = proc.communicate(timeout=30)[0]
        acknowledged = "acknowledged" in rest
        outcomes["acknowledged" if acknowledged else "killed before"] += 1
        Keyring.load(vault.path)  # never torn
        old_ok, new_ok = opens(vault.path, PASSWORD), opens(vault.path, NEW)
        assert old_ok != new_ok, f"run {run}: exactly one password works (old {old_ok}, new {new_ok})"
        if acknowledged:
            assert new_ok, f"run {run}: an acknowledged change is kept"
    print(f"password change: {RUNS} kills, {outcomes}")
    assert outcomes["killed before"] > 0, "some kills landed inside the change"
