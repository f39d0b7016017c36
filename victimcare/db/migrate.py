"""Bring a compartment file to the app's schema version: backup first, one transaction each."""

from collections.abc import Callable

import sqlcipher3

from victimcare.db.schema import latest_version, migration_script
from victimcare.core.errors import VaultError


def schema_version(conn: sqlcipher3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlcipher3.Connection, compartment: str, backup: Callable[[int], None]) -> int:
    """Migrate to the latest version; ``backup(version)`` is called before touching a used file."""
    current, target = schema_version(conn), latest_version(compartment)
    if current > target:
        raise VaultError("此保险库由较新版本的 VictimCare 创建，当前版本无法打开。请安装最新版本。")
    if current == target:
        return current
    if current > 0:
        backup(current)
    for version in range(current, target):
        script = migration_script(compartment, version)
        try:
            conn.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {version + 1};\nCOMMIT;")
        except BaseException as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            if isinstance(exc, sqlcipher3.Error):
                raise VaultError("保险库升级未能完成：未完成的这一步已撤销，数据没有改动（升级前已自动备份）。请联系技术人员。") from exc
            raise
    return target
