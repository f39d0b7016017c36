"""Schema migrations: a newer file is refused untouched; an older one is backed up (encrypted) first;
a failing step rolls back and leaves the version as it was."""

import pytest

from victimcare.db import schema
from victimcare.db.connection import open_compartment
from victimcare.db.migrate import migrate, schema_version
from victimcare.db.schema import COMPARTMENTS, latest_version, migration_files
from victimcare.core.errors import VaultError

SQLITE_MAGIC = b"SQLite format 3\x00"


@pytest.fixture
def vault_and_keys(vault_factory, login, compartment_keys, insert_meta, canaries):
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    keys = compartment_keys(session)
    insert_meta(session, "core", [(f"k{i}", c) for i, c in enumerate(canaries)])
    session.close()
    return vault, keys, password


def add_core_migration(monkeypatch, tmp_path, sql: str) -> None:
    """Pretend the app ships one more core migration (the next number) with ``sql``."""
    files = dict(migration_files())
    extra = tmp_path / f"{len(files['core']) + 1:04d}_extra.sql"
    extra.write_text(sql, encoding="utf-8")
    files["core"] = files["core"] + (extra,)
    monkeypatch.setattr(schema, "migration_files", lambda: files)


def tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_every_compartment_is_at_the_latest_version(vault_and_keys):
    vault, keys, _ = vault_and_keys
    for name in COMPARTMENTS:
        conn = open_compartment(vault.compartment_path(name), keys[name])
        try:
            assert schema_version(conn) == latest_version(name) == len(migration_files()[name])
        finally:
            conn.close()


def test_a_newer_file_is_refused_with_a_clear_message_and_left_unchanged(vault_and_keys, sha256_files):
    vault, keys, password = vault_and_keys
    conn = open_compartment(vault.compartment_path("core"), keys["core"])
    conn.execute(f"PRAGMA user_version = {latest_version('core') + 1}")
    conn.close()
    before = sha256_files(vault.path)

    with pytest.raises(VaultError, match="较新版本") as err:
        vault.login("zhanzhang", password)
    assert "请安装最新版本" in err.value.message
    assert sha256_files(vault.path) == before
    assert not (vault.path / "backups").exists()
    assert not list(vault.path.glob("*-wal"))


def test_an_older_file_is_backed_up_encrypted_then_migrated(vault_and_keys, monkeypatch, login, scan, canaries,
                                                             tmp_path):
    vault, keys, password = vault_and_keys
    old = latest_version("core")
    add_core_migration(monkeypatch, tmp_path, "CREATE TABLE extra(id INTEGER PRIMARY KEY, note TEXT NOT NULL) STRICT;")
    assert schema.latest_version("core") == old + 1

    session = login(vault, "zhanzhang", password)
    assert session.owner.call(lambda: schema_version(session.conn("core"))) == old + 1
    session.close()

    backups = sorted((vault.path / "backups").iterdir())
    assert [b.name.startswith(f"core-v{old}-") and b.suffix == ".db" for b in backups] == [True]
    backup = backups[0]
    assert backup.read_bytes()[:16] != SQLITE_MAGIC
    assert scan(vault.path / "backups") == []
    conn = open_compartment(backup, keys["core"])  # same key
    try:
        assert schema_version(conn) == old
        assert "extra" not in tables(conn)
        assert set(canaries) <= {v for (v,) in conn.execute("SELECT value FROM meta")}
    finally:
        conn.close()
    conn = open_compartment(vault.compartment_path("core"), keys["core"])
    try:
        assert "extra" in tables(conn)
    finally:
        conn.close()


def test_a_failing_migration_rolls_back_and_keeps_the_version(vault_and_keys, monkeypatch, canaries, tmp_path):
    vault, keys, password = vault_and_keys
    old = latest_version("core")
    add_core_migration(monkeypatch, tmp_path, "CREATE TABLE half(id INTEGER PRIMARY KEY) STRICT;\n"
                                              "INSERT INTO meta(key, value) VALUES ('half', 'done');\n"
                                              "INSERT INTO no_such_table VALUES (1);")

    with pytest.raises(VaultError, match="升级未能完成"):
        vault.login("zhanzhang", password)

    conn = open_compartment(vault.compartment_path("core"), keys["core"])
    try:
        assert schema_version(conn) == old
        assert "half" not in tables(conn)
        values = {v for (v,) in conn.execute("SELECT value FROM meta")}
        assert "done" not in values and set(canaries) <= values
    finally:
        conn.close()
    assert len(list((vault.path / "backups").glob("core-*.db"))) == 1, "the backup was taken first"


def test_migrate_calls_backup_only_for_used_files(folder_key):
    path, key = folder_key
    calls = []
    conn = open_compartment(path, key)
    try:
        assert migrate(conn, "core", backup=calls.append) == latest_version("core")
        assert calls == [], "a new empty file needs no backup"
        assert migrate(conn, "core", backup=calls.append) == latest_version("core")
        assert calls == []
    finally:
        conn.close()


@pytest.fixture
def folder_key(tmp_path):
    import os
    (tmp_path / "m").mkdir()
    return tmp_path / "m" / "x.db", bytearray(os.urandom(32))


def test_migration_files_are_numbered_per_compartment_and_live_with_their_owner():
    files = migration_files()
    assert set(files) == set(COMPARTMENTS)
    for name, paths in files.items():
        assert [int(p.name[:4]) for p in paths] == list(range(1, len(paths) + 1))
        assert all(p.parent.name == name and p.parent.parent.name == "migrations" for p in paths)
    homes = {p.name: p.parent.parent.parent.relative_to(schema.PACKAGE_DIR).as_posix()
             for paths in files.values() for p in paths}
    assert homes["0002_intake_sensitive.sql"] == "casework/steps/intake"
    assert homes["0002_school_children.sql"] == "casework/steps/school"
    assert homes["0001_meta_and_audit_log.sql"] == "security"


@pytest.mark.parametrize("names, problem", [
    (["0001_a.sql", "0001_b.sql"], "two core migrations numbered 1"),
    (["0001_a.sql", "0003_c.sql"], "not numbered"),
    (["1_a.sql"], "unexpected migration file"),
])
def test_inconsistent_migration_files_are_refused(tmp_path, monkeypatch, names, problem):
    for i, name in enumerate(names):
        folder = tmp_path / f"home{i}" / "migrations" / "core"
        folder.mkdir(parents=True)
        (folder / name).write_text("SELECT 1;")
    monkeypatch.setattr(schema, "PACKAGE_DIR", tmp_path)
    schema.migration_files.cache_clear()
    try:
        with pytest.raises(schema.SchemaError, match=problem):
            schema.migration_files()
    finally:
        monkeypatch.undo()
        schema.migration_files.cache_clear()
