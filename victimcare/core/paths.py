"""Where the embedded vaults live: the platform's per-user app-data folder."""

import os
from pathlib import Path

from platformdirs import user_data_path


def app_data_dir() -> Path:
    override = os.environ.get("VICTIMCARE_HOME")  # tests and portable installs
    return Path(override) if override else user_data_path("VictimCare", appauthor=False)


def default_vault_dir() -> Path:
    return app_data_dir() / "vault"


def demo_vault_dir() -> Path:
    return app_data_dir() / "demo-vault"


def log_dir() -> Path:
    return app_data_dir() / "logs"
