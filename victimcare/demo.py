"""The demo vault: synthetic cases, fixed accounts and a password shown on the login screen."""

from pathlib import Path

from victimcare.core.paths import demo_vault_dir
from victimcare.security.permissions import Role
from victimcare.security.vault import Vault
from victimcare.services import sign_in

DEMO_PASSWORD = "demo-演示数据-仅供培训"
DEMO_ACCOUNTS = {
    "demo_zhanzhang": Role.SUPERVISOR,
    "demo_shegong": Role.SOCIAL_WORKER,
    "demo_jiaoyu": Role.EDUCATION_OFFICER,
    "demo_shenji": Role.AUDITOR,
}
DEMO_CASES = 300


def open_demo_vault(path: Path | None = None, cases: int = DEMO_CASES) -> Vault:
    """Open the demo vault, creating and filling it on first use."""
    path = Path(path or demo_vault_dir())
    if Vault.exists(path):
        return Vault(path)
    vault, _code = Vault.create(path, station_name="演示救助管理站", station_code="DEMO",
                                supervisor="demo_zhanzhang", password=DEMO_PASSWORD, demo=True)
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
