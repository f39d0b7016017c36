"""Append-only, hash-chained audit log in the audit compartment.

entry_hash = SHA-256(prev_hash ‖ canonical JSON of the entry). Triggers refuse UPDATE and DELETE;
the verifier recomputes the chain and names the first broken entry. The chain head is also kept
outside the database (the anchor file) so that cutting off the tail is detected too.
Entries hold IDs, categories and codes — never names, ID numbers or other personal values.
"""

import getpass
import hashlib
import json
import socket
from dataclasses import dataclass
from pathlib import Path

from victimcare.core.fsutil import write_private_file
from victimcare.db import stamps

GENESIS = "0" * 64
ANCHOR_FILE = "audit-anchor.json"
FIELDS = ("seq", "ts_utc", "tz_offset", "actor", "role", "os_user", "host", "session_id", "action",
          "object_type", "object_id", "categories", "purpose", "result", "record_count", "detail",
          "file_hash")
# The one vocabulary of the log: code → (Chinese label, English label).
ACTION_LABELS = {
    "view": ("查看", "View"), "create": ("新建", "Create"), "update": ("修改", "Update"), "delete": ("删除", "Delete"),
    "export": ("导出", "Export"), "print": ("打印", "Print"), "import": ("导入", "Import"), "login": ("登录", "Sign in"),
    "login_fail": ("登录失败", "Failed sign-in"), "logout": ("退出登录", "Sign out"), "lock": ("锁定", "Lock"),
    "unlock": ("解锁", "Unlock"), "key_change": ("密码变更", "Password change"), "backup": ("备份", "Backup"),
    "restore": ("恢复", "Restore"), "perm_change": ("账户变更", "Account change"), "verify": ("校验", "Verification"),
    "recover": ("恢复码重置", "Recovery"), "setup": ("初始设置", "Setup"), "decision": ("决定", "Decision"),
}
ACTIONS = frozenset(ACTION_LABELS)
CATEGORY_LABELS = {"identity": ("身份", "identity"), "medical": ("医疗", "medical"),
                   "trafficking": ("被拐经过", "trafficking circumstances"), "minor": ("未成年人", "minor"),
                   "placement": ("安置", "placement"), "service": ("服务", "services"),
                   "family": ("家庭与交接", "family and handover"), "school": ("入学安置", "school placement"),
                   "legal_aid": ("法律援助", "legal aid"), "employment": ("就业", "employment"),
                   "tracing": ("寻亲", "family tracing"), "dna_reference": ("DNA样本信息", "DNA sample reference")}
OBJECT_LABELS = {"case": ("个案", "Case"), "school_child": ("转介入学", "School referral"),
                 "school_ledger": ("入学安置台账", "School ledger"),
                 "school_placement": ("入学安置", "School placement"), "audit_log": ("审计日志", "Audit log"),
                 "account": ("账户", "Account"), "vault": ("保险库", "Vault"), "operation": ("操作", "Operation"),
                 "case_import": ("个案导入", "Case import"), "demo_cases": ("演示个案", "Demo cases"),
                 "settings": ("设置", "Settings"), "draft": ("登记草稿", "Form draft"),
                 "step_record": ("环节记录", "Step record"), "approval": ("审批", "Approval")}
RESULT_LABELS = {"ok": ("成功", "OK"), "denied": ("拒绝", "Refused"), "error": ("出错", "Error")}


def entry_hash(prev_hash: str, entry: dict) -> str:
    canonical = json.dumps({k: entry[k] for k in FIELDS}, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":"))
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical.encode("utf-8")).hexdigest()


def _machine() -> tuple[str, str]:
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "?"
    return user, socket.gethostname()


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    problem: str = ""


class AuditLog:
    """Writes and verifies the chain. Runs on the vault's owner thread (the caller ensures it)."""

    def __init__(self, conn, vault_dir: Path, clock, stamp_source=None):
        self.conn = conn
        self.anchor_path = Path(vault_dir) / ANCHOR_FILE
        self.clock = clock
        self.os_user, self.host = _machine()
        # () → {compartment: last-write stamp} of the other open compartments, recorded with every
        # append (victimcare.db.stamps); None records nothing (a verifier's own connection).
        self.stamp_source = stamp_source
        self.last_stamp = 0

    def append(self, *, in_transaction: bool = False, **fields) -> int:
        """Append one entry (keyword arguments as ``_insert``). ``in_transaction``: inside the caller's
        transaction, which also bumps the stamp and writes the anchor after its commit."""
        if in_transaction:
            return self._insert(**fields)[0]
        return self.append_many([fields])[-1]

    def append_many(self, entries: list[dict], meta: dict[str, str] | None = None) -> list[int]:
        """Append ``entries`` in one transaction, with ``meta`` rows (the outbox watermark) and this
        compartment's last-write stamp; the anchor is written once the transaction is committed."""
        seqs, digest = [], ""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            for fields in entries:
                seq, digest = self._insert(**fields)
                seqs.append(seq)
            if meta:
                self.conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?) "
                                      "ON CONFLICT(key) DO UPDATE SET value = excluded.value", list(meta.items()))
            stamps.bump(self.conn)
            self.last_stamp = stamps.read(self.conn)  # for the outbox to record in core (stamps)
            if self.stamp_source is not None:
                stamps.record_seen(self.conn, self.stamp_source())
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if seqs:
            self._write_anchor(seqs[-1], digest)
        return seqs

    def _insert(self, *, actor: str, role: str, session_id: str, action: str, object_type: str = "",
                object_id: str | int = "", categories: str = "", purpose: str = "", result: str = "ok",
                record_count: int = 0, detail: str = "", file_hash: str = "", at: float | None = None) -> tuple[int, str]:
        assert action in ACTIONS, action
        when = self.clock.now() if at is None else at
        from datetime import datetime, timezone
        utc = datetime.fromtimestamp(when, timezone.utc)
        offset = datetime.fromtimestamp(when).astimezone().strftime("%z")
        row = self.conn.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
        entry = {"seq": seq, "ts_utc": utc.isoformat(timespec="milliseconds"), "tz_offset": offset,
                 "actor": actor, "role": role, "os_user": self.os_user, "host": self.host,
                 "session_id": session_id, "action": action, "object_type": object_type,
                 "object_id": str(object_id), "categories": categories, "purpose": purpose,
                 "result": result, "record_count": int(record_count), "detail": detail,
                 "file_hash": file_hash}
        digest = entry_hash(prev, entry)
        self.conn.execute(
            f"INSERT INTO audit_log({','.join(FIELDS)}, prev_hash, entry_hash) "
            f"VALUES ({','.join('?' * len(FIELDS))}, ?, ?)",
            [entry[k] for k in FIELDS] + [prev, digest])
        return seq, digest

    def _write_anchor(self, seq: int, digest: str) -> None:
        write_private_file(self.anchor_path, json.dumps({"seq": seq, "hash": digest}).encode())

    def anchor(self) -> dict | None:
        try:
            return json.loads(self.anchor_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def head(self) -> tuple[int, str]:
        row = self.conn.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, GENESIS)

    def verify(self) -> ChainReport:
        """Recompute the whole chain; the first entry that does not fit is the one reported."""
        cols = ",".join(FIELDS)
        prev, expected_seq, count = GENESIS, 1, 0
        # rowid order is the physical insertion order: a reordering by raw SQL shows up as a seq
        # or hash mismatch at the first moved entry.
        for row in self.conn.execute(f"SELECT {cols}, prev_hash, entry_hash FROM audit_log ORDER BY rowid"):
            entry = dict(zip(FIELDS, row[: len(FIELDS)]))
            stored_prev, stored_hash = row[len(FIELDS)], row[len(FIELDS) + 1]
            seq = entry["seq"]
            if seq != expected_seq:
                bad = min(seq, expected_seq)
                return ChainReport(False, count, bad, f"第 {bad} 条记录缺失或顺序被改动")
            if stored_prev != prev:
                return ChainReport(False, count, seq, f"第 {seq} 条记录与前一条的链接不符")
            if entry_hash(prev, entry) != stored_hash:
                return ChainReport(False, count, seq, f"第 {seq} 条记录的内容被改动")
            prev, expected_seq, count = stored_hash, seq + 1, count + 1
        anchor = self.anchor()
        if anchor is not None:
            if anchor["seq"] > count:
                return ChainReport(False, count, count + 1, f"第 {count + 1} 条及之后的记录被删除")
            hash_at = self.conn.execute("SELECT entry_hash FROM audit_log WHERE seq = ?", (anchor["seq"],)).fetchone()
            if anchor["seq"] > 0 and (hash_at is None or hash_at[0] != anchor["hash"]):
                return ChainReport(False, count, anchor["seq"], f"第 {anchor['seq']} 条记录与外部锚点不符")
        return ChainReport(True, count)

    def entries(self, *, after_seq: int | None = None, limit: int = 200, newest_first: bool = True) -> list[dict]:
        order = "DESC" if newest_first else "ASC"
        where, params = "", []
        if after_seq is not None:
            where = "WHERE seq < ?" if newest_first else "WHERE seq > ?"
            params.append(after_seq)
        rows = self.conn.execute(f"SELECT {','.join(FIELDS)} FROM audit_log {where} ORDER BY seq {order} LIMIT ?",
                                 params + [limit]).fetchall()
        return [dict(zip(FIELDS, r)) for r in rows]
