"""What the rotation tests share: a vault with data in every compartment, migration backups (one the old
key cannot open, one cut off, a stray -wal) and three accounts; a ``write_keyring`` that disables an account and seals
the new keys to the others (``holders.reseal_all``, as the lead's caller does); and looking at the files
with raw keys."""

import hashlib
from pathlib import Path

from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR, SignedIn, settle_first_password
from victimcare.db.connection import WrongKey, open_compartment
from victimcare.security import holders
from victimcare.security.permissions import COMPARTMENTS_BY_ROLE
from victimcare.security.vault import Vault

ALL = frozenset({"core", "sensitive", "school", "audit"})
WORKER, OFFICER = "shegong", "jiaoyu"
DAMAGED_BACKUP = "core-v1-20260101-000000-000000.db"  # the old key does not open it
CUT_BACKUP = "sensitive-v2-20260101-000000-000001.partial"
STRAY_WAL = "audit-v1-20260101-000000-000002.db-wal"  # a crash while a backup was open left it


def fill(vault: Vault, cases: int = 12) -> None:
    """Accounts, demo cases (rows in core, sensitive and school) and a migration backup of each file."""
    signed = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    try:
        signed.accounts.create(WORKER, "social_worker", OTHER_PASSWORD)
        signed.accounts.create(OFFICER, "education_officer", OTHER_PASSWORD)
        settle_first_password(signed, WORKER, OFFICER)
        signed.demo.fill(cases, seed=5)
        session = signed.session
        for name in sorted(ALL):
            session.run(vault.backup_compartment, session.conn(name), name, session.key_for(name), 1)
    finally:
        signed.close()
    backups = vault.path / "backups"
    (backups / DAMAGED_BACKUP).write_bytes(bytes(4096 * 3))
    (backups / CUT_BACKUP).write_bytes(b"\x01" * 5000)
    (backups / STRAY_WAL).write_bytes(b"\x02" * 5000)


def disabling(account: str | None, session=None):
    """A ``write_keyring``: disable ``account`` (if any), seal the new keys to every other holder, sign
    (under the new audit key, or the session's when the audit file is not rotated)."""
    def write_keyring(ring, keys):
        if account:
            ring.account(account)["disabled"] = True
        holders.reseal_all(ring.data, keys, COMPARTMENTS_BY_ROLE)
        return ring.render(keys["audit"] if "audit" in keys else session.key_for("audit"))
    return write_keyring


def keys_of(session) -> dict[str, bytes]:
    return {name: bytes(session.key_for(name)) for name in sorted(session.compartments())}


def opens(path: Path, key: bytes) -> bool:
    try:
        open_compartment(path, key).close()
        return True
    except WrongKey:
        return False


def contents(path: Path, key: bytes, skip=("meta",)) -> dict[str, str]:
    """table → digest of all its rows (sorted), read with the raw key."""
    conn = open_compartment(path, key)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out = {}
        for table in tables:
            if table in skip:
                continue
            rows = sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{table}"'))
            out[table] = hashlib.sha256("\n".join(rows).encode()).hexdigest() + f":{len(rows)}"
        return out
    finally:
        conn.close()


def backup_files(vault_dir: Path) -> list[Path]:
    folder = Path(vault_dir) / "backups"
    return sorted(folder.iterdir()) if folder.is_dir() else []
