"""Opening a compartment file: raw key, hardened pragmas, key checked by a read.

Only SQLCipher is ever used; if the driver is not SQLCipher 4 we refuse to open anything rather
than fall back to plain SQLite.
"""

import os
import re
from contextlib import contextmanager
from pathlib import Path

import sqlcipher3

from victimcare.core.errors import VaultError
from victimcare.db import stamps

_HEX_KEY = re.compile(r"[0-9a-f]{64}")
PAGE_SIZE = 4096  # SQLCipher 4's default, never changed by the app
CACHE_KIB = 131072  # 128 MiB: keeps the working set decrypted, see bench/ for the measured effect

# SQLCipher's cipher_memory_security stays at its default, OFF: nothing in the app turns it on (a test
# checks the setting in force and the source).
# When ON it mlocks every allocation SQLite makes and overwrites it on free: two system calls per
# malloc. At 100,000 cases that made the demo fill and warm queries several times slower (figures in
# the README performance section, from bench/bench_cases.py). It is process-wide and cannot be turned off
# once on, so it cannot be confined to a sensitive section. What it protected without being needed:
# SQLCipher keeps its key material in a private heap that is locked and wiped whatever this setting,
# and a session wipes its own key copies and closes its connections on lock. What is given up: SQLite's
# page cache (decrypted rows) may be paged out and is not overwritten when freed; the same values live
# in Python strings and Qt models, which were never locked or wiped either. Instead, core dumps are
# switched off while the app has a vault open (``_no_core_dumps``).
MEMORY_SECURITY = "0"  # as PRAGMA cipher_memory_security reads it

# Pragmas set on every connection, and the value each must read back as.
_PRAGMAS = (
    ("secure_delete", "ON", 1),
    ("temp_store", "MEMORY", 2),
    ("foreign_keys", "ON", 1),
    ("trusted_schema", "OFF", 0),
    ("synchronous", "FULL", 2),
    ("busy_timeout", "5000", 5000),
    ("cache_size", str(-CACHE_KIB), -CACHE_KIB),
)


class WrongKey(Exception):
    """The key does not open this file (or the file is not a SQLCipher database)."""


def check_driver() -> str:
    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
    finally:
        conn.close()
    version = row[0] if row else ""
    if not version.startswith("4."):
        raise VaultError("加密组件不可用（需要 SQLCipher 4）。请重新安装 VictimCare。")
    return version


def _key_sql(key: bytes | bytearray) -> str:
    hexkey = bytes(key).hex()
    if not _HEX_KEY.fullmatch(hexkey):
        raise ValueError("a compartment key is 32 bytes")
    return "PRAGMA key = \"x'%s'\"" % hexkey  # PRAGMA takes no parameters; only validated hex gets here


def _owner_only(path: Path) -> None:
    """SQLite creates files with the process umask (often 0644). Create a new database file 0600
    first (SQLite gives its -wal and -shm files the database file's mode) and tighten old ones."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        try:
            if os.stat(name).st_mode & 0o077:
                os.chmod(name, 0o600)
        except FileNotFoundError:
            pass


def _no_core_dumps() -> None:
    """A crash must not write the process memory (freed pages with decrypted rows among it) to a core
    file. POSIX only: Windows writes no dump unless an administrator configured one."""
    try:
        import resource
    except ImportError:
        return
    _soft, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (0, hard))


def open_compartment(path: Path, key: bytes | bytearray) -> sqlcipher3.Connection:
    """Open (or create) an encrypted compartment file and verify the key with a read."""
    _owner_only(Path(path))
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=True)
    try:
        _no_core_dumps()
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(_key_sql(key))
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise WrongKey() from exc
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise VaultError("无法为保险库启用预写日志。请确认保险库位于本机磁盘而非网络共享文件夹。")
        for name, value, expected in _PRAGMAS:
            conn.execute(f"PRAGMA {name} = {value}")  # names and values are constants above
            actual = conn.execute(f"PRAGMA {name}").fetchone()[0]
            if actual != expected:
                raise VaultError("保险库安全设置未能生效。请重新安装 VictimCare。")
    except BaseException:
        conn.close()
        raise
    return conn


def size_problem(path: Path) -> str:
    """What is wrong with a compartment file's size, in Chinese ('' when it looks whole): missing, empty,
    or not a whole number of pages (cut off). Cheap: one stat, no key needed."""
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        return "不见了"
    if size == 0:
        return "是空的（0 字节）"
    if size % PAGE_SIZE:
        return "不完整（文件被截断）"
    return ""


def quick_problems(conn: sqlcipher3.Connection) -> list[str]:
    """Every page's HMAC (cipher_integrity_check, all rows) and SQLite's quick_check: the check run in
    the background after sign-in (about 1.5 s for the core file at 100,000 cases)."""
    problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlcipher3.DatabaseError as exc:
        rows = [str(exc)]
    if rows != ["ok"]:
        problems.extend(rows)
    return problems


def integrity_problems(conn: sqlcipher3.Connection) -> list[str]:
    """Every row of cipher_integrity_check plus SQLite's integrity_check, empty when clean."""
    problems = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    try:
        rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlcipher3.DatabaseError as exc:  # a page that fails its HMAC cannot even be walked
        rows = [str(exc)]
    if rows != ["ok"]:
        problems.extend(rows)
    return problems


@contextmanager
def transaction(conn: sqlcipher3.Connection):
    """BEGIN IMMEDIATE … COMMIT, rolled back on any exception; bumps the compartment's last-write
    stamp (``stamps``) in the same transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        stamps.bump(conn)
    except BaseException:
        if conn.in_transaction:  # SQLite rolls back by itself on some errors (a full disk, for one)
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
