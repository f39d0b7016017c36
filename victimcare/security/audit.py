"""Append-only, hash-chained, signed audit log in the audit compartment.

entry_hash = SHA-256(prev_hash ‖ canonical JSON of the entry); each entry is signed (Ed25519) by the
account whose session appended it (``signed_by``, ``key_id``, ``sig``), with the key its certificate
binds to it (``holders``). Every role holds the audit compartment's key, so anyone could rewrite the
rows and recompute the hashes; nobody can sign as another account. A write that touches a case
compartment records the chain head there too (``HEAD_META``), and the anchor file outside the
databases keeps it as well: cutting entries off the tail is caught by whichever saw further.
Triggers refuse UPDATE and DELETE; the verifier names the first entry that is forged, edited,
reordered, missing or cut off. Entries hold IDs, categories and codes — never names, ID numbers or
other personal values, nor the computer's user or host names: accounts are named by their
pseudonymous staff IDs (``holders.staff_id``), which only the roles that may read the log resolve.
"""

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from victimcare.core.fsutil import write_private_file
from victimcare.db import stamps
from victimcare.security import holders, identity

GENESIS = "0" * 64
ANCHOR_FILE = "audit-anchor.json"
FIELDS = ("seq", "ts_utc", "tz_offset", "actor", "role", "os_user", "host", "session_id", "action",
          "object_type", "object_id", "categories", "purpose", "result", "record_count", "detail",
          "file_hash", "signed_by", "key_id")
HEAD_META = "audit_head"  # "seq:entry_hash" of the newest entry a compartment's write saw
SIGNATURE_CONTEXT = b"victimcare/audit|"
# Entries a session appends for someone else: queued failed sign-ins, and what a crash left in an
# outbox (replayed by the next sign-in, detail marked "recovered").
FOR_OTHERS = ("login_fail",)
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
                 "step_record": ("环节记录", "Step record"), "approval": ("审批", "Approval"),
                 "workbench": ("工作台", "Workbench"), "case_list": ("个案列表", "Case list")}
RESULT_LABELS = {"ok": ("成功", "OK"), "denied": ("拒绝", "Refused"), "error": ("出错", "Error")}


def entry_hash(prev_hash: str, entry: dict) -> str:
    canonical = json.dumps({k: entry[k] for k in FIELDS}, ensure_ascii=False, sort_keys=True,
                           separators=(",", ":"))
    return hashlib.sha256(bytes.fromhex(prev_hash) + canonical.encode("utf-8")).hexdigest()


def signed_data(digest: str) -> bytes:
    return SIGNATURE_CONTEXT + bytes.fromhex(digest)


def head_text(seq: int, digest: str) -> str:
    return f"{seq}:{digest}"


def parse_head(text: str | None) -> tuple[int, str] | None:
    """(seq, hash or its start — a printed copy carries 12 hex digits) or None when malformed."""
    seq, _, digest = (text or "").strip().partition(":")
    digest = digest.lower()
    ok = seq.isdigit() and 12 <= len(digest) <= 64 and all(c in "0123456789abcdef" for c in digest)
    return (int(seq), digest) if ok else None


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    problem: str = ""


class AuditLog:
    """Writes and verifies the chain. Runs on the vault's owner thread (the caller ensures it)."""

    def __init__(self, conn, vault_dir: Path, clock, stamp_source=None, signer=None, signer_name: str = ""):
        self.conn = conn
        self.anchor_path = Path(vault_dir) / ANCHOR_FILE
        self.clock = clock
        self.signer, self.signer_name = signer, signer_name  # an Identity and its holder; None only to verify
        self.last_head = (0, GENESIS)
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
            self.last_head = (seqs[-1], digest)
            self._write_anchor(seqs[-1], digest)
        return seqs

    def _insert(self, *, actor: str, role: str, session_id: str, action: str, object_type: str = "",
                object_id: str | int = "", categories: str = "", purpose: str = "", result: str = "ok",
                record_count: int = 0, detail: str = "", file_hash: str = "", at: float | None = None) -> tuple[int, str]:
        assert action in ACTIONS, action
        if self.signer is None:
            raise RuntimeError("an audit log opened to verify does not append")
        when = self.clock.now() if at is None else at
        from datetime import datetime, timezone
        utc = datetime.fromtimestamp(when, timezone.utc)
        offset = datetime.fromtimestamp(when).astimezone().strftime("%z")
        row = self.conn.execute("SELECT seq, entry_hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        seq, prev = (row[0] + 1, row[1]) if row else (1, GENESIS)
        entry = {"seq": seq, "ts_utc": utc.isoformat(timespec="milliseconds"), "tz_offset": offset,
                 "actor": actor, "role": role, "os_user": "", "host": "",
                 "session_id": session_id, "action": action, "object_type": object_type,
                 "object_id": str(object_id), "categories": categories, "purpose": purpose,
                 "result": result, "record_count": int(record_count), "detail": detail,
                 "file_hash": file_hash, "signed_by": self.signer_name, "key_id": self.signer.key_id}
        digest = entry_hash(prev, entry)
        self.conn.execute(
            f"INSERT INTO audit_log({','.join(FIELDS)}, prev_hash, entry_hash, sig) "
            f"VALUES ({','.join('?' * len(FIELDS))}, ?, ?, ?)",
            [entry[k] for k in FIELDS] + [prev, digest, self.signer.sign(signed_data(digest))])
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

    def verify(self, keyring_data: dict, root: str, heads: dict[str, str | None] | None = None) -> ChainReport:
        """Recompute the whole chain and check every signature against the keyring's certified keys
        (``root``: the pinned root key); then the heads others saw (``heads``: where → "seq:hash", the
        anchor file's added here). The first entry that does not fit is the one reported."""
        cols = ",".join(FIELDS)
        prev, expected_seq, count = GENESIS, 1, 0
        signers: dict[tuple[str, str], str | None] = {}
        directory = holders.staff_ids(keyring_data)
        # rowid order is the physical insertion order: a reordering by raw SQL shows up as a seq
        # or hash mismatch at the first moved entry.
        for row in self.conn.execute(f"SELECT {cols}, prev_hash, entry_hash, sig FROM audit_log ORDER BY rowid"):
            entry = dict(zip(FIELDS, row[: len(FIELDS)]))
            stored_prev, stored_hash, sig = row[len(FIELDS):]
            seq = entry["seq"]
            if seq != expected_seq:
                bad = min(seq, expected_seq)
                return ChainReport(False, count, bad, f"第 {bad} 条记录缺失或顺序被改动")
            if stored_prev != prev:
                return ChainReport(False, count, seq, f"第 {seq} 条记录与前一条的链接不符（其前有记录被删除、插入或改动）")
            if entry_hash(prev, entry) != stored_hash:
                return ChainReport(False, count, seq, f"第 {seq} 条记录的内容被改动")
            problem = _signature_problem(entry, stored_hash, sig, keyring_data, root, signers, directory)
            if problem:
                return ChainReport(False, count, seq, f"第 {seq} 条记录{problem}")
            prev, expected_seq, count = stored_hash, seq + 1, count + 1
        anchor = self.anchor()
        seen = dict(heads or {})
        if isinstance(anchor, dict) and isinstance(anchor.get("seq"), int):
            seen["外部锚点文件"] = head_text(anchor["seq"], str(anchor.get("hash")))
        for where, text in sorted(seen.items(), key=lambda item: -(parse_head(item[1]) or (0, ""))[0]):
            head = parse_head(text)
            if head is None or head[0] == 0:
                continue
            if head[0] > count:
                return ChainReport(False, count, count + 1,
                                   f"第 {count + 1} 条及之后的记录被删除（{where}记录到第 {head[0]} 条）")
            at = self.conn.execute("SELECT entry_hash FROM audit_log WHERE seq = ?", (head[0],)).fetchone()
            if at is None or not at[0].startswith(head[1]):
                return ChainReport(False, count, head[0], f"第 {head[0]} 条记录与{where}记录的不符（被替换）")
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


def _signature_problem(entry: dict, digest: str, sig: str, keyring_data: dict, root: str, signers: dict,
                       directory: dict[str, str]) -> str:
    """'' when the entry is signed by a certified key of the holder ``signed_by`` names (``directory``: staff
    ID → holder) who may write it; else what is wrong."""
    who = (entry["signed_by"], entry["key_id"])
    if who not in signers:
        holder = holders.holder_named(directory, keyring_data, who[0]) if all(who) else None
        found = holders.public_key(keyring_data, holder, who[1], root) if holder else None
        signers[who] = identity.verifier(found[1]) if found else None
    if signers[who] is None:
        return "的签名者不是本保险库认证的账户（伪造）"
    if not signers[who](sig, signed_data(digest)):
        return "的签名不符（伪造或被改动）"
    for_others = entry["action"] in FOR_OTHERS or "recovered" in entry["detail"].split(";")
    if entry["signed_by"] != entry["actor"] and not for_others:
        return "以另一个账户的名义写入（伪造）"
    return ""
