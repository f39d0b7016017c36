"""The transactional outbox: an operation's audit entries committed with its rows, appended after.

An operation that writes a case (or an import batch, or a referral) cannot commit its rows and its
audit entry atomically: they live in different files. So it ``stage``\\ s the entries in an ``outbox``
table in the same transaction as its last rows, and after that commit ``deliver``\\ s them: one audit
transaction appends them and raises the audit compartment's watermark for that outbox
(``outbox:<compartment>`` in the audit meta, the highest outbox id appended), then the outbox rows are
deleted. A kill anywhere in between leaves outbox rows; ``replay`` at the next sign-in appends those
above the watermark (with their original time, marked ``recovered``) and deletes them all. Outbox ids
are AUTOINCREMENT, never reused, so the watermark is exact: an entry is appended exactly once.
"""

import json

from victimcare.core.crash import crash_point
from victimcare.db import stamps
from victimcare.db.connection import transaction
from victimcare.security.audit import HEAD_META, head_text

OUTBOX_COMPARTMENTS = ("core", "school", "sensitive")
RECOVERED = "recovered"


def watermark_key(compartment: str) -> str:
    return f"outbox:{compartment}"


def entry(session, action: str, **fields) -> dict:
    """The keyword arguments of ``AuditLog.append`` for this session, stamped with the time now."""
    return {"actor": session.staff_id, "role": str(session.role), "session_id": session.session_id,
            "action": action, "at": session.vault.clock.now(), **fields}


def stage(conn, entries: list[dict]) -> list[int]:
    """Inside the caller's transaction: the outbox ids of ``entries``."""
    ids = []
    for e in entries:
        ids.append(conn.execute("INSERT INTO outbox(entry) VALUES (?)",
                                (json.dumps(e, ensure_ascii=False, sort_keys=True),)).lastrowid)
    return ids


def pending(conn) -> list[tuple[int, dict]]:
    return [(i, json.loads(text)) for i, text in conn.execute("SELECT id, entry FROM outbox ORDER BY id")]


def deliver(session, conn, compartment: str, ids: list[int], entries: list[dict]) -> list[int]:
    """After the commit that staged ``entries`` (outbox ``ids`` in ``conn``): append them to the audit
    log on the owner thread, then delete the outbox rows on ``conn`` (the caller's thread)."""
    if not ids:
        return []
    audit_log = session.audit_log
    seqs, audit_stamp, head = session.run(lambda: (
        audit_log.append_many(entries, meta={watermark_key(compartment): str(max(ids))}), audit_log.last_stamp,
        audit_log.last_head))
    crash_point("after_audit_commit")
    with transaction(conn):
        conn.executemany("DELETE FROM outbox WHERE id = ?", [(i,) for i in ids])
        stamps.record_seen(conn, {"audit": audit_stamp})  # an older audit log is then caught at open
        record_head(conn, head)  # and entries cut off its tail by verify
    return seqs


def replay(audit_log, conn, compartment: str) -> int:
    """At sign-in (owner thread): append what a crash left in ``conn``'s outbox, delete it all.
    Returns how many entries were appended."""
    rows = pending(conn)
    if not rows:
        return 0
    meta = audit_log.conn.execute("SELECT value FROM meta WHERE key = ?", (watermark_key(compartment),)).fetchone()
    done = int(meta[0]) if meta else 0
    late = [(i, e) for i, e in rows if i > done]
    if late:
        entries = [{**e, "detail": f"{e['detail']};{RECOVERED}" if e.get("detail") else RECOVERED} for _i, e in late]
        audit_log.append_many(entries, meta={watermark_key(compartment): str(max(i for i, _e in late))})
    with transaction(conn):
        conn.execute("DELETE FROM outbox WHERE id <= ?", (max(i for i, _e in rows),))
        if late:
            stamps.record_seen(conn, {"audit": audit_log.last_stamp})
            record_head(conn, audit_log.last_head)
    return len(late)


def record_head(conn, head: tuple[int, str]) -> None:
    """Inside the caller's transaction: the audit chain's head as this compartment's write saw it."""
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                 (HEAD_META, head_text(*head)))

