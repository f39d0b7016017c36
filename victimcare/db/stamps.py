"""Last-write stamps: each compartment counts its own write transactions and remembers the others'.

``meta.write_stamp`` is bumped in every write transaction of a compartment (``transaction`` and
the audit log's own). The audit compartment, written after every operation, records the stamps of
the other compartments it saw (``seen:<name>``); the core compartment records those of sensitive and
school when it commits a case, and the audit log's when it clears the outbox after the audit commit. At open, a compartment whose own stamp is below
what another one saw of it is older than the vault around it: a file copied back from an older copy,
or one whose -wal file (its latest commits) was deleted after a crash.
"""

import sqlcipher3

STAMP_KEY = "write_stamp"
SEEN_PREFIX = "seen:"


def bump(conn) -> None:
    """Inside the caller's write transaction (a database without a meta table, not a compartment,
    has no stamp)."""
    try:
        conn.execute("INSERT INTO meta(key, value) VALUES (?, '1') "
                     "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)", (STAMP_KEY,))
    except sqlcipher3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise


def read(conn) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (STAMP_KEY,)).fetchone()
    return int(row[0]) if row else 0


def record_seen(conn, stamps: dict[str, int]) -> None:
    """Inside the caller's write transaction: remember the other compartments' stamps."""
    conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     [(SEEN_PREFIX + name, str(stamp)) for name, stamp in stamps.items()])


def read_seen(conn) -> dict[str, int]:
    rows = conn.execute("SELECT key, value FROM meta WHERE key LIKE 'seen:%'").fetchall()
    return {key[len(SEEN_PREFIX):]: int(value) for key, value in rows}


def regressions(own: dict[str, int], seen: dict[str, dict[str, int]]) -> dict[str, tuple[str, int, int]]:
    """compartment → (who saw more, what it saw, what the file has) for every file older than another
    compartment remembers it. ``own``: each open compartment's stamp; ``seen``: each one's records."""
    found = {}
    for witness, records in seen.items():
        for name, saw in records.items():
            if name in own and name != witness and own[name] < saw:
                if name not in found or found[name][1] < saw:
                    found[name] = (witness, saw, own[name])
    return found
