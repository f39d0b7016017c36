"""The demo vault: synthetic cases, fixed accounts and a password shown on the login screen.

The password is plain ASCII, so that a trainee can type it on any keyboard without a Chinese input
method. Demo vaults made by older versions had a Chinese password; such a vault (its keyring has no
``DEMO_PASSWORD_MARK``) is set aside as ``<folder>-old`` and a new one is made, so the password shown is
always the one that opens the vault.
"""

import shutil
from pathlib import Path

from victimcare.core.paths import demo_vault_dir
from victimcare.security.keyring import Keyring
from victimcare.security.permissions import Role
from victimcare.security.vault import Vault
from victimcare.services import sign_in

DEMO_PASSWORD = "demo-training-only"
DEMO_PASSWORD_MARK = "demo_password_ascii"  # keyring field: the vault was made with DEMO_PASSWORD
DEMO_ACCOUNTS = {
    "demo_zhanzhang": Role.SUPERVISOR,
    "demo_shegong": Role.SOCIAL_WORKER,
    "demo_jiaoyu": Role.EDUCATION_OFFICER,
    "demo_shenji": Role.AUDITOR,
}
DEMO_CASES = 300


def _made_with_old_password(path: Path) -> bool:
    ring = Keyring.load(path)
    return ring.is_demo and not ring.data.get(DEMO_PASSWORD_MARK)


def open_demo_vault(path: Path | None = None, cases: int = DEMO_CASES, kdf=None) -> Vault:
    """Open the demo vault, creating and filling it on first use (``kdf``: the key derivation's cost,
    calibrated to this machine when None)."""
    path = Path(path or demo_vault_dir())
    if Vault.exists(path):
        if not _made_with_old_password(path):
            return Vault(path)
        old = path.with_name(path.name + "-old")
        shutil.rmtree(old, ignore_errors=True)  # an earlier set-aside demo vault: synthetic data only
        path.rename(old)
    vault, _code = Vault.create(path, station_name="演示救助管理站", station_code="DEMO",
                                supervisor="demo_zhanzhang", password=DEMO_PASSWORD, demo=True, kdf=kdf)
    with Keyring.update(path) as ring:
        ring.data[DEMO_PASSWORD_MARK] = True
    vault.keyring = ring  # the vault's copy is the saved one (see AccountService._changing)
    services = sign_in(vault, "demo_zhanzhang", DEMO_PASSWORD)
    try:
        for name, role in DEMO_ACCOUNTS.items():
            if role is not Role.SUPERVISOR:
                services.accounts.create_demo(name, role, DEMO_PASSWORD)
        if cases:
            services.demo.fill(cases)
    finally:
        services.close()
    return vault
