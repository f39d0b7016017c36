"""R2, R4, R5, R7, R8, R10: how every compartment connection is opened, and what the code never does."""

import ast
import hashlib
import os
import random
import re
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlcipher3

import victimcare
from victimcare.db import connection
from victimcare.db.connection import WrongKey, check_driver, integrity_problems, open_compartment, transaction
from victimcare.core.errors import VaultError
from victimcare.security.vault import Vault

PACKAGE = Path(victimcare.__file__).parent
SQLITE_MAGIC = b"SQLite format 3\x00"


@pytest.fixture
def key():
    return bytearray(os.urandom(32))


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "db").mkdir()
    return tmp_path / "db"


def sources():
    return sorted(PACKAGE.rglob("*.py"))


def test_pragmas_read_back_on_every_connection(folder, key):
    conn = open_compartment(folder / "c.db", key)
    try:
        def pragma(name):
            return conn.execute(f"PRAGMA {name}").fetchone()[0]

        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2  # FULL
        assert pragma("busy_timeout") >= 5000
        assert pragma("secure_delete") == 1
        assert pragma("temp_store") == 2  # MEMORY
        assert pragma("foreign_keys") == 1
        assert pragma("trusted_schema") == 0
        # the designed setting (see MEMORY_SECURITY in db/connection.py): SQLCipher's default, off
        assert str(pragma("cipher_memory_security")) == connection.MEMORY_SECURITY == "0"
        # R2: the pinned SQLCipher 4 settings
        assert pragma("cipher_version").startswith("4.")
        assert pragma("cipher_page_size") == "4096"
        assert pragma("cipher_plaintext_header_size") == "0"
        assert pragma("cipher_hmac_algorithm") == "HMAC_SHA512"
        assert pragma("cipher_kdf_algorithm") == "PBKDF2_HMAC_SHA512"
        assert int(pragma("kdf_iter")) >= 256000
        assert conn.isolation_level is None  # explicit transactions only
    finally:
        conn.close()


def test_nothing_turns_memory_security_on():
    """It is process-wide and sticky: one PRAGMA anywhere would slow every query of the session."""
    pattern = re.compile(r"cipher_memory_security\s*=", re.IGNORECASE)
    assert [str(p.relative_to(PACKAGE)) for p in sources() if pattern.search(p.read_text("utf-8"))] == []


@pytest.mark.skipif(sys.platform == "win32", reason="core files are a POSIX matter")
def test_an_open_vault_writes_no_core_dump(folder, key):
    import resource
    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    if hard == 0:
        pytest.skip("core dumps are already impossible here")
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))
    open_compartment(folder / "c.db", key).close()
    assert resource.getrlimit(resource.RLIMIT_CORE) == (0, hard)


def test_check_driver_reports_sqlcipher_4():
    assert check_driver().startswith("4.")


def test_wrong_key_is_detected_by_a_read_and_changes_nothing(folder, key):
    path = folder / "c.db"
    conn = open_compartment(path, key)
    conn.execute("CREATE TABLE t(x TEXT)")
    conn.execute("INSERT INTO t VALUES ('x')")
    conn.close()
    before = (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
    for _ in range(3):
        with pytest.raises(WrongKey):
            open_compartment(path, os.urandom(32))
    assert (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in folder.iterdir()) == ["c.db"], "no -wal or -shm appeared"


def test_a_plaintext_sqlite_file_is_not_opened(folder, key):
    path = folder / "plain.db"
    plain = sqlite3.connect(path)
    plain.execute("CREATE TABLE t(x)")
    plain.commit()
    plain.close()
    with pytest.raises(WrongKey):
        open_compartment(path, key)


@pytest.mark.parametrize("bad", [b"", b"\x00" * 31, b"\x00" * 33, b"\x00" * 64])
def test_key_sql_only_accepts_32_byte_keys(bad):
    with pytest.raises(ValueError):
        connection._key_sql(bad)


def test_key_sql_is_validated_hex():
    sql = connection._key_sql(bytes(range(32)))
    assert re.fullmatch(r"PRAGMA key = \"x'[0-9a-f]{64}'\"", sql)


def test_integrity_problems_is_empty_for_a_clean_file(folder, key):
    conn = open_compartment(folder / "c.db", key)
    try:
        with transaction(conn):
            conn.execute("CREATE TABLE t(x TEXT)")
            conn.executemany("INSERT INTO t VALUES (?)", [("y" * 300,)] * 50)
        assert integrity_problems(conn) == []
    finally:
        conn.close()


def test_transaction_rolls_back_on_error(folder, key):
    conn = open_compartment(folder / "c.db", key)
    try:
        conn.execute("CREATE TABLE t(x TEXT)")
        with pytest.raises(RuntimeError):
            with transaction(conn):
                conn.execute("INSERT INTO t VALUES ('a')")
                raise RuntimeError
        assert conn.execute("SELECT count(*) FROM t").fetchone() == (0,)
        assert not conn.in_transaction
    finally:
        conn.close()


# -- R2: never plain SQLite ----------------------------------------------------------------------------

def test_without_sqlcipher_nothing_is_created(tmp_path, monkeypatch, vault_factory):
    existing, _, _ = vault_factory()
    monkeypatch.setattr(sqlcipher3, "connect", sqlite3.connect)
    with pytest.raises(VaultError, match="SQLCipher") as err:
        check_driver()
    assert re.search(r"[\u4e00-\u9fff]", err.value.message)

    target = tmp_path / "new-vault"
    with pytest.raises(VaultError):
        Vault.create(target, station_name="测试救助站", station_code="TS", supervisor="zhanzhang",
                     password="蓝色小船-over the quiet harbour-2718")
    assert not target.exists()
    with pytest.raises(VaultError):  # and an existing vault is not opened either
        Vault(existing.path)


# -- grep tests over the package source -----------------------------------------------------------------

def test_enable_load_extension_never_appears():
    offenders = [str(p.relative_to(PACKAGE)) for p in sources() if "enable_load_extension" in p.read_text("utf-8")]
    assert offenders == []


def test_no_empty_key_anywhere():
    """R8: ``KEY ''`` makes sqlcipher_export/ATTACH write plaintext."""
    pattern = re.compile(r"""KEY\s*(''|""|\\'\\')""", re.IGNORECASE)
    offenders = [str(p.relative_to(PACKAGE)) for p in sources() if pattern.search(p.read_text("utf-8"))]
    assert offenders == []


def _string_parts(node) -> list[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)]
    return []


def test_key_sql_is_built_in_one_validated_place():
    """R5: no f-string, % or .format builds PRAGMA key/rekey, except ``_key_sql`` in db/connection.py."""
    found = []
    for path in sources():
        tree = ast.parse(path.read_text("utf-8"), filename=str(path))
        funcs = {}
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for child in ast.walk(fn):
                    funcs.setdefault(id(child), fn.name)
        for node in ast.walk(tree):
            for text in _string_parts(node):
                if re.search(r"\b(re)?key\s*=|\brekey\b|PRAGMA\s+(re)?key|ATTACH\b.*\bKEY\b", text, re.I) \
                        and re.search(r"PRAGMA|ATTACH", text, re.I):
                    found.append((str(path.relative_to(PACKAGE)), funcs.get(id(node)), text))
    assert [(f, fn) for f, fn, _ in found] == [("db/connection.py", "_key_sql")], found
    assert [p.relative_to(PACKAGE) for p in sources() if "sqlcipher_export" in p.read_text("utf-8")] == []


def test_no_connection_is_opened_outside_db_connection():
    """Every sqlcipher3.connect goes through open_compartment (keyed, pragmas checked) or check_driver."""
    offenders = []
    for path in sources():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "connect" and \
                    isinstance(node.value, ast.Name) and node.value.id in ("sqlcipher3", "sqlite3"):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert set(offenders) <= {"db/connection.py"}
    stdlib_sqlite = re.compile(r"^\s*(import|from) sqlite3\b", re.M)
    assert [p for p in sources() if stdlib_sqlite.search(p.read_text("utf-8"))] == []


# -- R10: durability under kill -9 -------------------------------------------------------------------------

_WRITER = textwrap.dedent("""
    import sys
    from victimcare.db.connection import open_compartment, transaction
    path, key = sys.argv[1], bytes.fromhex(sys.stdin.readline().strip())
    conn = open_compartment(path, key)
    conn.execute("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v TEXT NOT NULL)")
    while True:
        with transaction(conn):
            cur = conn.execute("INSERT INTO t(v) VALUES (?)", ("x" * 500,))
        print(cur.lastrowid, flush=True)
""")


def test_kill9_loses_no_acknowledged_row(folder, key):
    """A small version of the A4 harness (R10 asks ≥25 runs; VICTIMCARE_KILL_RUNS sets more)."""
    runs = int(os.environ.get("VICTIMCARE_KILL_RUNS", "10"))
    path = folder / "kill.db"
    rng = random.Random(20261128)
    acknowledged: set[int] = set()
    for _ in range(runs):
        proc = subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        proc.stdin.write(bytes(key).hex() + "\n")
        proc.stdin.close()
        wanted = rng.randint(5, 60)
        seen = 0
        for line in proc.stdout:
            acknowledged.add(int(line))
            seen += 1
            if seen >= wanted:
                proc.kill()
                break
        proc.wait(timeout=60)
        acknowledged.update(int(line) for line in proc.stdout.read().split())
        proc.stdout.close()
        proc.stderr.close()
        assert seen >= wanted, "the writer stopped early"

        conn = open_compartment(path, key)
        try:
            assert integrity_problems(conn) == []
            ids = {r[0] for r in conn.execute("SELECT id FROM t")}
        finally:
            conn.close()
        assert acknowledged <= ids
    assert path.read_bytes()[:16] != SQLITE_MAGIC


def test_the_schema_module_lists_the_four_compartments():
    from victimcare.db.schema import COMPARTMENTS
    assert COMPARTMENTS == ("core", "sensitive", "school", "audit")
