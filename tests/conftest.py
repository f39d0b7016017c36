"""Shared fixtures for the whole suite.

Every test runs with its own VICTIMCARE_HOME and its own system temp folder, so nothing touches
the real app-data folder and ``scan(tempfile.gettempdir())`` sees only what the test produced.
Vaults use the minimum Argon2id cost (64 MiB, t=3) so that the suite stays fast; only the
calibration test and the command-line tests pay for a calibrated KDF.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import hashlib  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from victimcare.security import crypto  # noqa: E402
from victimcare.core.clock import FakeClock  # noqa: E402

# Synthetic values that must never be found in plaintext in any file the app writes: ASCII, a
# Chinese name, non-BMP CJK (Ext-B, 4 bytes in UTF-8 and GB 18030, a surrogate pair in UTF-16)
# and a DNA sample reference.
CANARIES = ["CANARY_7f3a", "王小明测试", "\U00020000\U00020BB7", "DNA-SAMPLE-ZZ-0001"]
ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be", "gb18030")

import audit_vocabulary  # noqa: E402
from support import OTHER_PASSWORD, PASSWORD, STATION, STATION_CODE, SUPERVISOR, SignedIn, settle_first_password  # noqa: E402


def scan(directory) -> list[tuple[Path, str, str]]:
    """Every (file, canary, encoding) where a canary's bytes occur in a file under ``directory``.

    Reads raw bytes of every regular file, including -wal, -shm, -journal, backups and partial files.
    """
    directory = Path(directory)
    needles = [(c, enc, c.encode(enc)) for c in CANARIES for enc in ENCODINGS]
    found = []
    if not directory.exists():
        return found
    for path in sorted(directory.rglob("*")):
        try:
            if path.is_symlink() or not path.is_file():
                continue
            data = path.read_bytes()
        except (FileNotFoundError, PermissionError):  # a -shm that went away while we walked
            continue
        for canary, enc, needle in needles:
            if needle in data:
                found.append((path, canary, enc))
    return found


def _sha256_files(directory, pattern: str = "*.db") -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(Path(directory).glob(pattern))}


@pytest.fixture(scope="session", autouse=True)
def _memoised_argon2():
    """Argon2id is a pure function of (password, salt, cost). Most tests log in to copies of one
    template vault, so the same derivation would be repeated hundreds of times; remember results
    instead. Every distinct password/salt pair is still derived for real, at the floor cost.
    Callers wipe the bytearray they get, so each call returns a fresh copy.
    Set VICTIMCARE_TEST_NO_KDF_CACHE=1 to derive every time."""
    if os.environ.get("VICTIMCARE_TEST_NO_KDF_CACHE"):
        yield
        return
    real = crypto.derive_kek
    cache: dict[tuple, bytes] = {}

    def derive_kek(password: str, params: crypto.KdfParams) -> bytearray:
        key = (crypto.normalize_password(password), params)
        if key not in cache:
            kek = real(password, params)
            cache[key] = bytes(kek)
            crypto.wipe(kek)
        return bytearray(cache[key])

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(crypto, "derive_kek", derive_kek)
        yield


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    """Own app-data folder and own temp folder for every test (and its subprocesses)."""
    home = tmp_path / "victimcare-home"
    home.mkdir()
    systmp = tmp_path / "systmp"
    systmp.mkdir()
    monkeypatch.setenv("VICTIMCARE_HOME", str(home))
    for var in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(var, str(systmp))
    monkeypatch.setattr(tempfile, "tempdir", str(systmp))
    yield


@pytest.fixture
def sha256_files():
    """``sha256_files(dir, pattern="*.db")`` → {file name: sha256} for files directly in dir."""
    return _sha256_files


@pytest.fixture(name="canaries")
def _canaries_fixture():
    return list(CANARIES)


@pytest.fixture(name="scan")
def _scan_fixture():
    return scan


@pytest.fixture
def fast_kdf() -> crypto.KdfParams:
    """The minimum Argon2id cost the app accepts: 64 MiB, t=3."""
    return crypto.KdfParams(salt=crypto.new_salt(), time_cost=crypto.MIN_TIME_COST,
                            memory_kib=crypto.MIN_MEMORY_KIB)


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="session")
def vault_template(tmp_path_factory):
    """One vault created for real (fast KDF) and copied for each test: (path, recovery code)."""
    from victimcare.security.vault import Vault
    path = tmp_path_factory.mktemp("template") / "vault"
    kdf = crypto.KdfParams(salt=crypto.new_salt(), time_cost=crypto.MIN_TIME_COST,
                           memory_kib=crypto.MIN_MEMORY_KIB)
    _vault, code = Vault.create(path, station_name=STATION, station_code=STATION_CODE,
                                supervisor=SUPERVISOR, password=PASSWORD, kdf=kdf)
    return path, code


@pytest.fixture(scope="session")
def vault_copier(vault_template):
    """``copy(dest, clock=None)`` → (vault, recovery_code, password), usable from any scope."""
    from victimcare.security.vault import Vault
    template, code = vault_template

    def copy(dest, clock=None):
        dest = Path(dest)
        shutil.copytree(template, dest, copy_function=shutil.copy2)  # keeps the 0600/0700 modes
        return (Vault(dest, clock) if clock is not None else Vault(dest)), code, PASSWORD

    return copy


@pytest.fixture
def vault_factory(tmp_path, vault_copier):
    """``make(name="vault", clock=None)`` → (vault, recovery_code, password).

    The vault has station 测试救助站 (code TS) and supervisor ``zhanzhang``. It is a byte-for-byte
    copy of one vault made by ``Vault.create`` with the fast KDF, which keeps the suite fast;
    tests about creation itself call ``Vault.create``.
    """

    def make(name: str = "vault", clock=None):
        return vault_copier(tmp_path / name, clock)

    return make


@pytest.fixture
def login():
    """``login(vault, account, password)`` → SignedIn (services and session), closed at teardown."""
    sessions = []

    def do_login(vault, account=SUPERVISOR, password=PASSWORD, **kwargs):
        session = SignedIn(vault.login(account, password, **kwargs))
        sessions.append(session)
        return session

    yield do_login
    for session in sessions:
        session.close()


@pytest.fixture
def add_account():
    """``add_account(session, name, role, password=OTHER_PASSWORD)``: created by a supervisor."""

    def add(session, name, role, password=OTHER_PASSWORD, *, first_password=False):
        """``first_password``: keep the forced change of a new account (else it is settled, signed, as if
        the person had chosen this password: the operation gate refuses everything until then)."""
        if not hasattr(session, "services"):
            session = SignedIn(session)
        session.accounts.create(name, role, password)
        if not first_password:
            settle_first_password(session, name)
        return password

    return add


def _compartment_keys(session) -> dict[str, bytes]:
    return {name: bytes(session.key_for(name)) for name in sorted(session.compartments())}


def _insert_meta(session, compartment: str, rows) -> None:
    def write():
        conn = session.conn(compartment)
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", list(rows))
        conn.execute("COMMIT")

    session.owner.call(write)


def _read_meta(session, compartment: str) -> dict[str, str]:
    return dict(session.owner.call(lambda: session.conn(compartment).execute(
        "SELECT key, value FROM meta").fetchall()))


@pytest.fixture
def compartment_keys():
    """``compartment_keys(session)`` → {name: bytes}: copies of every key the session holds
    (the session wipes its own bytearrays on close)."""
    return _compartment_keys


@pytest.fixture
def insert_meta():
    """``insert_meta(session, compartment, [(key, value), …])`` on the owner thread, committed."""
    return _insert_meta


@pytest.fixture
def read_meta():
    """``read_meta(session, compartment)`` → {key: value} of the compartment's meta table."""
    return _read_meta


audit_vocabulary.install()


def pytest_sessionfinish(session, exitstatus):
    """Every audit entry the run wrote has words (``audit_vocabulary``); a code without them fails the run."""
    missing = audit_vocabulary.problems()
    if missing:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        text = "audit entries without words (add them to victimcare/casework/audit_words.py):\n  " + "\n  ".join(missing)
        if reporter is not None:
            reporter.write_line(text, red=True)
        session.exitstatus = 1
