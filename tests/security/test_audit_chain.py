"""R25–R27: the audit log is an append-only, signed hash chain; the verifier names the first broken
entry; the anchor file catches a cut-off tail; entries hold IDs and codes, never personal values.
(What an insider holding the audit key can and cannot forge: test_audit_forgery.py.)"""

import json
import re
from datetime import datetime

import pytest
import sqlcipher3

from victimcare.security.audit import ACTIONS, FIELDS, GENESIS, AuditLog, entry_hash
from victimcare.core.clock import FakeClock
from victimcare.db.connection import open_compartment
from victimcare.db.schema import COMPARTMENTS
from victimcare.core.errors import WrongPassword
from victimcare.security.keyring import Keyring

from support import staff_id

ALL_COLUMNS = FIELDS + ("prev_hash", "entry_hash", "sig")


class Verifier:
    """The log checked against the vault's keyring, as ``admin verify`` does."""

    def __init__(self, conn, vault):
        self.log, self.vault = AuditLog(conn, vault.path, FakeClock()), vault

    def verify(self):
        ring = Keyring.load(self.vault.path)
        return self.log.verify(ring.data, ring.root)


@pytest.fixture
def chain(vault_factory, login, compartment_keys):
    """A closed vault whose audit log has a few more entries; yields (vault, audit key, password, n)."""
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    for i in range(6):
        session.record("view", object_type="case", object_id=f"TS-2026-{i:04d}", categories="medical")
    key = compartment_keys(session)["audit"]
    session.close()
    conn = open_compartment(vault.compartment_path("audit"), key)
    n = conn.execute("SELECT max(seq) FROM audit_log").fetchone()[0]
    conn.close()
    assert n >= 10
    return vault, key, password, n


@pytest.fixture
def raw(chain):
    """The audit database opened directly with its key, triggers dropped: the attacker's view."""
    vault, key, _, n = chain
    conn = open_compartment(vault.compartment_path("audit"), key)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    yield conn, Verifier(conn, vault), n
    conn.close()


_COLS = ",".join(ALL_COLUMNS)
_MARKS = ",".join("?" * len(ALL_COLUMNS))


def rows(conn) -> list[dict]:
    return [dict(zip(ALL_COLUMNS, r)) for r in conn.execute(f"SELECT {_COLS} FROM audit_log ORDER BY seq")]


def write_row(conn, row: dict) -> None:
    conn.execute(f"INSERT OR REPLACE INTO audit_log({_COLS}) VALUES ({_MARKS})", [row[c] for c in ALL_COLUMNS])


def rehash(conn, start_seq: int, end_seq: int | None = None) -> None:
    """What a careful forger does: recompute prev_hash/entry_hash from ``start_seq`` on."""
    all_rows = rows(conn)
    prev = GENESIS
    for row in all_rows:
        if row["seq"] >= start_seq and (end_seq is None or row["seq"] <= end_seq):
            row["prev_hash"] = prev
            row["entry_hash"] = entry_hash(prev, row)
            write_row(conn, row)
        prev = row["entry_hash"]


def forged(conn, seq: int, prev: str, *, correct_hash: bool) -> dict:
    row = dict(rows(conn)[0], seq=seq, actor="mallory", action="view", object_id="TS-2026-9999", prev_hash=prev)
    row["entry_hash"] = entry_hash(prev, row) if correct_hash else "ab" * 32
    return row


def test_an_untouched_chain_verifies_and_matches_the_anchor(raw, chain):
    conn, log, n = raw
    vault = chain[0]
    report = log.verify()
    assert report.ok and report.entries == n and report.first_bad_seq is None
    anchor = json.loads((vault.path / "audit-anchor.json").read_text("utf-8"))
    assert anchor == {"seq": n, "hash": rows(conn)[-1]["entry_hash"]}


def test_every_entry_links_to_the_previous_one(raw):
    conn, _, _ = raw
    prev = GENESIS
    for row in rows(conn):
        assert row["prev_hash"] == prev
        assert row["entry_hash"] == entry_hash(prev, row)
        prev = row["entry_hash"]


def _edit(conn, n):
    conn.execute("UPDATE audit_log SET object_id = 'TS-2026-0666' WHERE seq = 5")


def _edit_result(conn, n):
    conn.execute("UPDATE audit_log SET result = 'denied' WHERE seq = 5")
    conn.execute("UPDATE audit_log SET detail = 'x' WHERE seq = 5")


def _edit_and_rehash_one(conn, n):
    _edit(conn, n)
    rehash(conn, 5, 5)


def _delete_middle(conn, n):
    conn.execute("DELETE FROM audit_log WHERE seq = 4")


def _swap(conn, n):  # reorder: entries 3 and 6 trade places (seq is the rowid, so contents move)
    r = {row["seq"]: row for row in rows(conn)}
    write_row(conn, dict(r[6], seq=3))
    write_row(conn, dict(r[3], seq=6))


def _forge_at_end_naively(conn, n):
    write_row(conn, forged(conn, n + 1, rows(conn)[-1]["entry_hash"], correct_hash=False))


def _insert_in_middle(conn, n, correct_hash):
    for row in reversed(rows(conn)):  # renumber 5.. to make room
        if row["seq"] >= 5:
            conn.execute("DELETE FROM audit_log WHERE seq = ?", (row["seq"],))
            write_row(conn, dict(row, seq=row["seq"] + 1))
    hash_4 = conn.execute("SELECT entry_hash FROM audit_log WHERE seq = 4").fetchone()[0]
    write_row(conn, forged(conn, 5, hash_4, correct_hash=correct_hash))


def _truncate(conn, n):
    conn.execute("DELETE FROM audit_log WHERE seq > 7")


@pytest.mark.parametrize("tamper, first_bad", [
    (_edit, 5),
    (_edit_result, 5),
    (_edit_and_rehash_one, 5),  # entry 5 now hashes fine, but its signature is over the old hash
    (_delete_middle, 4),
    (_swap, 3),
    (_forge_at_end_naively, "n+1"),
    (lambda c, n: _insert_in_middle(c, n, correct_hash=False), 5),
    (lambda c, n: _insert_in_middle(c, n, correct_hash=True), 5),  # the forgery links, but is signed by no one
    (_truncate, 8),  # caught by the anchor: entry 8 onwards is missing
], ids=["edit-field", "edit-two-fields", "edit-and-rehash", "delete-middle", "swap-reorder", "append-forged",
        "insert-forged", "insert-forged-rehashed", "truncate-tail"])
def test_tampering_is_found_at_the_right_entry(raw, tamper, first_bad):
    conn, log, n = raw
    assert log.verify().ok
    tamper(conn, n)
    report = log.verify()
    assert not report.ok
    assert report.first_bad_seq == (n + 1 if first_bad == "n+1" else first_bad)
    assert f"第 {report.first_bad_seq} 条" in report.problem


def test_rewriting_the_whole_tail_consistently_is_caught_by_the_signatures(raw):
    conn, log, n = raw
    _edit(conn, n)
    rehash(conn, 5)  # a self-consistent chain again …
    report = log.verify()
    assert not report.ok and report.first_bad_seq == 5  # … whose signatures are over other hashes
    assert "签名" in report.problem


@pytest.mark.parametrize("reappend", [2, 4, 6])
def test_truncating_and_reappending_fails_against_the_last_anchor(raw, reappend):
    """R26: cut the tail and append well-formed entries again, with or without reaching the old length."""
    conn, log, n = raw
    _truncate(conn, n)
    for _ in range(reappend):
        last = rows(conn)[-1]
        write_row(conn, forged(conn, last["seq"] + 1, last["entry_hash"], correct_hash=True))
    report = log.verify()
    assert not report.ok
    assert 8 <= report.first_bad_seq <= n


def test_triggers_refuse_update_and_delete(chain):
    vault, key, _, n = chain
    conn = open_compartment(vault.compartment_path("audit"), key)
    try:
        for sql in ("UPDATE audit_log SET actor = 'x' WHERE seq = 2", "DELETE FROM audit_log WHERE seq = 2",
                    "DELETE FROM audit_log", f"UPDATE audit_log SET seq = seq + 100 WHERE seq = {n}"):
            with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
                conn.execute(sql)
        assert Verifier(conn, vault).verify().ok
    finally:
        conn.close()


def test_even_a_supervisor_session_cannot_alter_the_log(vault_factory, login):
    """R24: admins cannot delete or alter audit rows through their own connection."""
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    for sql in ("DELETE FROM audit_log", "UPDATE audit_log SET actor = 'x'"):
        with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
            session.owner.call(lambda q=sql: session.conn("audit").execute(q))
    assert session.integrity.verify().ok


def test_the_verify_service_reports_the_broken_entry(chain, login):
    vault, key, password, n = chain
    conn = open_compartment(vault.compartment_path("audit"), key)
    conn.execute("DROP TRIGGER audit_log_no_update")
    _edit(conn, n)
    conn.close()

    session = login(vault, "zhanzhang", password)  # appending after the damage does not hide it
    report = session.integrity.verify()
    assert not report.ok and report.chain.first_bad_seq == 5
    assert any(line.startswith("审计链：已被破坏") and "第 5 条" in line for line in report.lines())
    last = session.owner.call(session.audit_log.entries, limit=1)[0]
    assert last["action"] == "verify" and last["result"] == "error"


# -- R27: the fields of an entry, one complete row per step, never a personal value -------------------

def test_the_schema_has_every_required_field(raw):
    conn, _, _ = raw
    columns = [r[1] for r in conn.execute("PRAGMA table_info(audit_log)")]
    assert sorted(columns) == sorted(ALL_COLUMNS)
    required = {"seq", "ts_utc", "tz_offset", "actor", "role", "os_user", "host", "session_id", "action",
                "object_type", "object_id", "categories", "purpose", "result", "record_count", "file_hash",
                "prev_hash", "entry_hash", "signed_by", "key_id", "sig"}
    assert required <= set(columns)
    assert {"view", "create", "update", "delete", "export", "print", "import", "login", "login_fail", "lock",
            "unlock", "key_change", "backup", "restore", "perm_change"} <= ACTIONS


def test_each_step_writes_exactly_one_complete_row(vault_factory, login):
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)

    def last_rows(k):
        return session.owner.call(session.audit_log.entries, limit=k)

    steps = [
        (lambda: session.accounts.create("shegong01", "social_worker", "绿色山谷里 有一条 river-31415"),
         ("perm_change", "account", "@shegong01")),
        (lambda: session.accounts.reset_password("shegong01", "另一句 reset 的话语 for the worker"),
         ("key_change", "account", "@shegong01")),
        (lambda: session.accounts.unlock("shegong01"), ("perm_change", "account", "@shegong01")),
        (lambda: session.accounts.list(), None),  # reading the account list is not audited yet
        (lambda: session.audit.entries(limit=5), ("view", "audit_log", "")),
        (lambda: session.integrity.verify(), ("verify", "vault", "")),
        (lambda: session.record("print", object_type="case", object_id="TS-2026-0001", categories="minor"),
         ("print", "case", "TS-2026-0001")),
    ]
    for step, expected in steps:
        before = session.audit.head()[0]
        step()
        after = session.audit.head()[0]
        if expected is None:
            assert after == before
            continue
        assert after == before + 1, expected
        entry = last_rows(1)[0]
        expected = tuple(staff_id(vault, x[1:]) if x.startswith("@") else x for x in expected)  # "@name": its ID
        assert (entry["action"], entry["object_type"], entry["object_id"]) == expected
        assert entry["actor"] == staff_id(vault, "zhanzhang") and entry["role"] == "supervisor"
        assert entry["session_id"] == session.session_id and re.fullmatch(r"[0-9a-f]{16}", entry["session_id"])
        assert entry["os_user"] == entry["host"] == "", "nothing about the computer or its user"
        assert entry["signed_by"] == entry["actor"] and re.fullmatch(r"[0-9a-f]{16}", entry["key_id"])
        assert datetime.fromisoformat(entry["ts_utc"]).utcoffset().total_seconds() == 0
        assert re.fullmatch(r"[+-]\d{4}", entry["tz_offset"])
        assert entry["result"] == "ok"


def test_the_audit_log_holds_no_personal_values_after_a_workflow(vault_factory, login, add_account, canaries,
                                                                  insert_meta, scan, tmp_path):
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    for name in COMPARTMENTS:
        insert_meta(session, name, [(f"k{i}", c) for i, c in enumerate(canaries)])
    worker_password = add_account(session, "shegong01", "social_worker")
    session.record("view", object_type="case", object_id="TS-2026-0001", categories="medical,dna_reference")
    session.record("update", object_type="case", object_id="TS-2026-0001", record_count=1)
    session.audit.entries()
    session.integrity.verify()
    session.owner.call(vault.backup_compartment, session.conn("core"), "core", session.key_for("core"), "manual")
    session.close()
    for wrong in canaries:  # someone types a victim's name into the password field
        with pytest.raises(WrongPassword):
            vault.login("shegong01", f"{wrong} typed in the wrong field")
    session = login(vault, "shegong01", worker_password)
    session.record("view", object_type="case", object_id="TS-2026-0001", categories="medical")
    session.close()

    session = login(vault, "zhanzhang", password)
    cols = ",".join(ALL_COLUMNS)
    dump = session.owner.call(lambda: session.conn("audit").execute(f"SELECT {cols} FROM audit_log").fetchall())
    session.close()
    assert len(dump) > 15
    assert {r[ALL_COLUMNS.index("action")] for r in dump} >= {"login", "login_fail", "perm_change", "view",
                                                             "update", "verify", "logout"}
    out = tmp_path / "audit-dump"
    out.mkdir()
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in dump)
    for enc in ("utf-8", "utf-16-le"):
        (out / f"dump.{enc}.txt").write_text(text, encoding=enc)
    assert scan(out) == []
    assert "typed in the wrong field" not in text
    assert "zhanzhang" not in text and "shegong01" not in text, "accounts are named by their staff IDs only"
    assert scan(vault.path) == []
