"""Versioned schema of each compartment. Entry i migrates a file from version i to i+1.

Never edit a released entry: add a new one. Each entry runs in its own transaction after a backup.
"""

COMPARTMENTS = ("core", "sensitive", "school", "audit")

_META = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
"""

MIGRATIONS: dict[str, list[str]] = {
    "core": [_META],
    "sensitive": [_META],
    "school": [_META],
    "audit": [
        _META + """
        CREATE TABLE audit_log(
            seq INTEGER PRIMARY KEY,
            ts_utc TEXT NOT NULL,
            tz_offset TEXT NOT NULL,
            actor TEXT NOT NULL,
            role TEXT NOT NULL,
            os_user TEXT NOT NULL,
            host TEXT NOT NULL,
            session_id TEXT NOT NULL,
            action TEXT NOT NULL,
            object_type TEXT NOT NULL,
            object_id TEXT NOT NULL,
            categories TEXT NOT NULL,
            purpose TEXT NOT NULL,
            result TEXT NOT NULL,
            record_count INTEGER NOT NULL,
            detail TEXT NOT NULL,
            file_hash TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            entry_hash TEXT NOT NULL
        ) STRICT;
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        """
    ],
}


def latest_version(compartment: str) -> int:
    return len(MIGRATIONS[compartment])
