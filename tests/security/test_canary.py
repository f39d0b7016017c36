"""R1/R8: no plaintext personal data in any file the app writes — databases, WAL, backups, temp files,
the keyring and the audit anchor — even after the process is killed mid-session."""

import base64
import json
import os
import subprocess
import sys
import tempfile
import textwrap

import pytest

from support import SignedIn

from victimcare.db.connection import integrity_problems, open_compartment
from victimcare.db.schema import COMPARTMENTS

SQLITE_MAGIC = b"SQLite format 3\x00"


def assert_no_plaintext_database(directory):
    for path in directory.rglob("*"):
        if path.is_file():
            with open(path, "rb") as f:
                assert f.read(16) != SQLITE_MAGIC, f"{path} is a plaintext SQLite file"


def canary_rows(canaries, tag="c"):
    # the canaries go into both columns, and once inside a longer value
    rows = [(f"{tag}-{i}-{c}", c) for i, c in enumerate(canaries)]
    rows.append((f"{tag}-all", "；".join(canaries) * 20))
    return rows


def test_scan_finds_each_canary_in_each_encoding(tmp_path, scan, canaries):
    assert scan(tmp_path) == []
    for enc in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
        (tmp_path / f"{enc}.bin").write_bytes(b"\x00junk" + "，".join(canaries).encode(enc) + b"junk")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "x.db-wal").write_bytes(canaries[2].encode("utf-16-be"))
    found = {(p.name, c, e) for p, c, e in scan(tmp_path)}
    for enc in ("utf-8", "utf-16-le", "utf-16-be", "gb18030"):
        for c in canaries:
            assert (f"{enc}.bin", c, enc) in found
    assert ("x.db-wal", canaries[2], "utf-16-be") in found


def test_canaries_in_every_compartment_never_reach_disk_in_plaintext(vault_factory, login, scan, canaries,
                                                                      insert_meta, read_meta):
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    assert session.compartments() == frozenset(COMPARTMENTS)
    for name in COMPARTMENTS:  # the audit compartment too: its meta table, never the log itself
        insert_meta(session, name, canary_rows(canaries))

    # while the session is open the new pages sit in the WAL files
    wal = [p for p in vault.path.glob("*.db-wal") if p.stat().st_size > 0]
    assert len(wal) == 4
    assert scan(vault.path) == []

    backups = [session.owner.call(vault.backup_compartment, session.conn(n), n, session.key_for(n), "manual")
               for n in COMPARTMENTS]
    keys = {n: bytes(session.key_for(n)) for n in COMPARTMENTS}
    session.owner.call(lambda: [session.conn(n).execute("PRAGMA wal_checkpoint(TRUNCATE)") for n in COMPARTMENTS])
    assert scan(vault.path) == []
    session.close()

    assert scan(vault.path) == []
    assert scan(tempfile.gettempdir()) == []
    assert_no_plaintext_database(vault.path)

    # the canaries really are in there: the scan is not passing because nothing was written
    session = login(vault, "zhanzhang", password)
    for name in COMPARTMENTS:
        assert set(canaries) <= set(read_meta(session, name).values())
    session.close()
    for name, backup in zip(COMPARTMENTS, backups):
        conn = open_compartment(backup, keys[name])
        try:
            values = {v for (v,) in conn.execute("SELECT value FROM meta")}
        finally:
            conn.close()
        assert set(canaries) <= values
    assert scan(vault.path) == []


_KILLED_WRITER = textwrap.dedent("""
    import json, os, sys
    from pathlib import Path
    from victimcare.security.vault import Vault

    job = json.loads(sys.stdin.readline())
    vault = Vault(Path(job["vault"]))
    session = vault.login("zhanzhang", job["password"])

    def write():
        for name in sorted(session.compartments()):
            conn = session.conn(name)
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", job["rows"])
            conn.execute("COMMIT")

    session.owner.call(write)
    print("committed", flush=True)
    os.kill(os.getpid(), 9)  # no close(), no checkpoint, no atexit
""")


def test_killed_process_leaves_encrypted_files_that_still_open(vault_factory, login, scan, canaries, read_meta):
    vault, _, password = vault_factory()
    rows = canary_rows(canaries, tag="killed")
    job = json.dumps({"vault": str(vault.path), "password": password, "rows": rows})
    proc = subprocess.run([sys.executable, "-c", _KILLED_WRITER], input=job + "\n", capture_output=True,
                          text=True, timeout=120)
    assert proc.stdout.strip() == "committed", proc.stderr
    if os.name == "posix":
        assert proc.returncode == -9
    assert [p for p in vault.path.glob("*.db-wal") if p.stat().st_size > 0], "the kill left WAL files behind"

    assert scan(vault.path) == []
    assert scan(tempfile.gettempdir()) == []
    assert_no_plaintext_database(vault.path)

    session = login(vault, "zhanzhang", password)  # recovers from the WAL
    for name in COMPARTMENTS:
        assert dict(rows).items() <= read_meta(session, name).items(), f"committed rows lost in {name}"
        assert session.owner.call(integrity_problems, session.conn(name)) == []
    assert session.integrity.verify().ok
    session.close()
    assert scan(vault.path) == []
    assert_no_plaintext_database(vault.path)


def test_keyring_and_anchor_hold_no_personal_data_and_no_key_material(vault_factory, login, add_account, scan,
                                                                       canaries, insert_meta, compartment_keys):
    vault, code, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    other_password = add_account(session, "jiaoyu01", "education_officer")
    for name in COMPARTMENTS:
        insert_meta(session, name, canary_rows(canaries))
    keys = compartment_keys(session)
    session.close()

    keyring, anchor = vault.path / "keyring.json", vault.path / "audit-anchor.json"
    assert keyring.is_file() and anchor.is_file()
    assert scan(vault.path) == []

    secrets = {}
    for name, key in keys.items():
        secrets[f"{name} key (raw)"] = key
        secrets[f"{name} key (hex)"] = key.hex().encode()
        secrets[f"{name} key (HEX)"] = key.hex().upper().encode()
        secrets[f"{name} key (base64)"] = base64.b64encode(key)
        secrets[f"{name} key (base64url)"] = base64.urlsafe_b64encode(key).rstrip(b"=")
    for label, value in (("password", password), ("officer password", other_password), ("recovery code", code),
                         ("recovery code, bare", code.replace("-", ""))):
        for enc in ("utf-8", "utf-16-le", "utf-16-be"):
            secrets[f"{label} ({enc})"] = value.encode(enc)
    for path in [p for p in vault.path.rglob("*") if p.is_file()]:
        data = path.read_bytes()
        leaked = [label for label, value in secrets.items() if value in data]
        assert leaked == [], f"{path.name} contains {leaked}"

    text = keyring.read_text("utf-8")
    assert "jiaoyu01" in text  # staff account names are expected; nothing about victims
    assert set(json.loads(anchor.read_text("utf-8"))) == {"seq", "hash"}


@pytest.mark.parametrize("compartment", COMPARTMENTS)
def test_compartment_files_never_start_with_the_sqlite_header(vault_factory, compartment):
    vault, _, _ = vault_factory()
    header = vault.compartment_path(compartment).read_bytes()[:16]
    assert header != SQLITE_MAGIC
    assert len(set(header)) > 4, "the first 16 bytes are SQLCipher's random salt"
