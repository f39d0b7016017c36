"""An audit log no role can rewrite (issue 11, item 3), tried as the insider the issue describes: the
education officer, who holds the audit compartment's key and its own signing key, edits the audit
database directly (triggers dropped), re-computes hashes, re-signs with its own key, rewrites the
anchor file and even adds a made-up account to the keyring with the MAC re-computed. ``admin verify``
— checking before its own sign-in writes anything — names the first entry that is forged, edited,
reordered, missing or cut off, every time."""

import json
import shutil
import subprocess
import sys
import os

import pytest

from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR, SignedIn, settle_first_password, staff_id
from victimcare.db.connection import open_compartment
from victimcare.security import holders, keyring_check
from victimcare.security.audit import ANCHOR_FILE, FIELDS, GENESIS, entry_hash, signed_data
from victimcare.security.audit_check import check_before_sign_in
from victimcare.security.identity import Identity
from victimcare.security.keyring import KEYRING_FILE
from victimcare.security.vault import Vault

INSIDER = "jiaoyu01"
WORKER = "shegong01"
COLUMNS = FIELDS + ("prev_hash", "entry_hash", "sig")
CASE = {"admitted_at": "2026-03-02 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
        "estimated_age": "30", "age_basis": "目测", "id_status": "none"}


@pytest.fixture(scope="module")
def template(tmp_path_factory, vault_copier):
    """Supervisor, a social worker who records a case (its write records the chain head in the case
    file), the insider, and some views after."""
    vault, _, _ = vault_copier(tmp_path_factory.mktemp("forgery") / "vault")
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    for name, role in ((WORKER, "social_worker"), (INSIDER, "education_officer")):
        s.accounts.create(name, role, OTHER_PASSWORD)
    settle_first_password(s, WORKER, INSIDER)
    s.close()
    w = SignedIn(vault.login(WORKER, OTHER_PASSWORD))
    w.intake.create(CASE)
    w.close()
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    for i in range(4):
        s.record("view", object_type="case", object_id=f"TS-2026-{i:04d}")
    s.close()
    return vault.path


@pytest.fixture
def vault(template, tmp_path):
    return Vault(shutil.copytree(template, tmp_path / "vault"))


class Insider:
    """The education officer with the vault folder: its own keys, the audit database opened raw."""

    def __init__(self, vault):
        self.vault = vault
        record = vault.keyring.account(INSIDER)
        self.held = vault.unwrap(INSIDER, record, OTHER_PASSWORD)
        self.me, self.victim = staff_id(vault, INSIDER), staff_id(vault, SUPERVISOR)  # what entries name them by
        self.conn = open_compartment(vault.compartment_path("audit"), self.held.keys["audit"])
        self.conn.execute("DROP TRIGGER audit_log_no_update")
        self.conn.execute("DROP TRIGGER audit_log_no_delete")

    def rows(self) -> list[dict]:
        return [dict(zip(COLUMNS, r)) for r in self.conn.execute(f"SELECT {','.join(COLUMNS)} FROM audit_log ORDER BY seq")]

    def last_seq(self) -> int:
        return self.rows()[-1]["seq"]

    def write(self, row: dict) -> None:
        self.conn.execute(f"INSERT OR REPLACE INTO audit_log({','.join(COLUMNS)}) VALUES ({','.join('?' * len(COLUMNS))})",
                          [row[c] for c in COLUMNS])

    def rechain(self, start: int, *, resign: bool, as_self: bool = False) -> None:
        """Recompute hashes from ``start`` on; ``resign``: sign them again with the insider's own key
        (``as_self``: also naming itself as the signer, which is all its key can sign as)."""
        prev = GENESIS
        for row in self.rows():
            if row["seq"] >= start:
                if as_self:
                    row.update(signed_by=self.me, key_id=self.held.identity.key_id)
                row["prev_hash"] = prev
                row["entry_hash"] = entry_hash(prev, row)
                if resign:
                    row["sig"] = self.held.identity.sign(signed_data(row["entry_hash"]))
                self.write(row)
            prev = row["entry_hash"]
        self.rewrite_anchor()

    def rewrite_anchor(self) -> None:
        last = self.rows()[-1]
        (self.vault.path / ANCHOR_FILE).write_text(json.dumps({"seq": last["seq"], "hash": last["entry_hash"]}))

    def forged(self, seq: int, **changes) -> dict:
        """A well-formed entry: the supervisor 'viewing' a case, chained and signed by the insider."""
        prev = self.conn.execute("SELECT entry_hash FROM audit_log WHERE seq = ?", (seq - 1,)).fetchone()[0]
        row = {**self.rows()[-1], "seq": seq, "actor": self.victim, "role": "supervisor", "action": "view",
               "object_type": "case", "object_id": "TS-2026-0666", "signed_by": self.me,
               "key_id": self.held.identity.key_id, "prev_hash": prev, **changes}
        row["entry_hash"] = entry_hash(prev, row)
        row["sig"] = self.held.identity.sign(signed_data(row["entry_hash"]))
        return row

    def close(self):
        self.conn.close()
        self.held.wipe()


def core_head(vault) -> int:
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    try:
        return int(s.owner.call(lambda: s.conn("core").execute(
            "SELECT value FROM meta WHERE key = 'audit_head'").fetchone()[0]).split(":")[0])
    finally:
        s.close()


def verdict(vault):
    return check_before_sign_in(Vault(vault.path), SUPERVISOR, PASSWORD)


def _edit(i, n):
    i.conn.execute("UPDATE audit_log SET object_id = 'TS-2026-0999' WHERE seq = 5")
    i.rewrite_anchor()
    return 5, "内容被改动"


def _edit_rehash(i, n):
    i.conn.execute("UPDATE audit_log SET object_id = 'TS-2026-0999' WHERE seq = 5")
    i.rechain(5, resign=False)
    return 5, "签名不符"


def _edit_resign(i, n):  # re-signed with its own key, still naming the supervisor as signer
    i.conn.execute("UPDATE audit_log SET object_id = 'TS-2026-0999' WHERE seq = 5")
    i.rechain(5, resign=True)
    return 5, "签名不符"


def _edit_resign_as_self(i, n):  # its key signs only as itself: the entry's actor is someone else
    i.conn.execute("UPDATE audit_log SET object_id = 'TS-2026-0999' WHERE seq = 5")
    i.rechain(5, resign=True, as_self=True)
    return 5, "另一个账户的名义"


def _append_forged(i, n):
    i.write(i.forged(n + 1))
    i.rewrite_anchor()
    return n + 1, "另一个账户的名义"


def _append_with_a_made_up_key(i, n):
    stranger = Identity.new()
    row = i.forged(n + 1, key_id=stranger.key_id, signed_by=i.victim)
    row["sig"] = stranger.sign(signed_data(row["entry_hash"]))
    i.write(row)
    i.rewrite_anchor()
    return n + 1, "不是本保险库认证的账户"


def _made_up_account(i, n):
    """A new 'supervisor' in the keyring, certified by the insider, the MAC re-computed with the audit key."""
    fake = Identity.new()
    ring = json.loads((i.vault.path / KEYRING_FILE).read_text("utf-8"))
    record = {**ring["accounts"][INSIDER], **fake.public(), "role": "supervisor"}
    record.pop("staff_id")  # a staff ID of its own (derived from the new key when certified)
    holders.issue(record, vault_id=ring["vault_id"], holder="zhanzhang2", role="supervisor",
                  issuer=i.held.identity, issuer_name=INSIDER)
    ring["accounts"]["zhanzhang2"] = record
    keyring_check.sign(ring, i.held.keys["audit"])
    (i.vault.path / KEYRING_FILE).write_text(json.dumps(ring), encoding="utf-8")
    made_up = record["staff_id"]
    row = i.forged(n + 1, actor=made_up, signed_by=made_up, key_id=fake.key_id)
    row["sig"] = fake.sign(signed_data(row["entry_hash"]))
    i.write(row)
    i.rewrite_anchor()
    return n + 1, "不是本保险库认证的账户"


def _delete_middle(i, n):
    i.conn.execute("DELETE FROM audit_log WHERE seq = 4")
    return 4, "缺失"


def _delete_middle_renumbered(i, n):
    """Deleted, the rest renumbered and re-chained (re-signed with the only key it has)."""
    for row in i.rows():
        if row["seq"] >= 4:
            i.conn.execute("DELETE FROM audit_log WHERE seq = ?", (row["seq"],))
            if row["seq"] > 4:
                i.write(dict(row, seq=row["seq"] - 1))
    i.rechain(4, resign=True)
    return 4, "签名不符"


def _swap(i, n):
    rows = {r["seq"]: r for r in i.rows()}
    i.write(dict(rows[6], seq=3))
    i.write(dict(rows[3], seq=6))
    return 3, ""


def _cut_tail_seen_by_the_case_file(i, n):
    head = i.head_in_core
    i.conn.execute("DELETE FROM audit_log WHERE seq >= ?", (head,))
    i.rewrite_anchor()
    return head, "被删除"


def _cut_and_refill(i, n):
    """The tail cut off and refilled with well-formed entries of its own, to the old length."""
    head = i.head_in_core
    i.conn.execute("DELETE FROM audit_log WHERE seq >= ?", (head,))
    for seq in range(head, n + 1):
        i.write(i.forged(seq, actor=i.me, role="education_officer"))
    i.rewrite_anchor()
    return head, "被替换"


ATTACKS = [_edit, _edit_rehash, _edit_resign, _edit_resign_as_self, _append_forged, _append_with_a_made_up_key,
           _made_up_account, _delete_middle, _delete_middle_renumbered, _swap, _cut_tail_seen_by_the_case_file,
           _cut_and_refill]


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.__name__.strip("_") for a in ATTACKS])
def test_every_forgery_is_named_at_its_first_entry(vault, attack):
    assert verdict(vault).ok
    head = core_head(vault)
    insider = Insider(vault)
    insider.head_in_core = head
    try:
        n = insider.last_seq()
        first_bad, words = attack(insider, n)
    finally:
        insider.close()
    report = verdict(vault)
    assert not report.ok, attack.__name__
    assert report.first_bad_seq == first_bad, report.problem
    assert f"第 {first_bad} 条" in report.problem and words in report.problem


def test_the_insider_own_honest_entries_verify(vault):
    """Control: what the insider's own key signs as itself, for itself, is an entry it could have made."""
    insider = Insider(vault)
    try:
        n = insider.last_seq()
        insider.write(insider.forged(n + 1, actor=insider.me, role="education_officer"))
        insider.rewrite_anchor()
    finally:
        insider.close()
    assert verdict(vault).ok


def test_admin_verify_judges_the_log_before_its_own_sign_in_writes(vault, tmp_path):
    """The cut tail is reported although verify's own sign-in appends and rewrites the anchor."""
    head = core_head(vault)
    insider = Insider(vault)
    insider.head_in_core = head
    try:
        first_bad, _ = _cut_tail_seen_by_the_case_file(insider, insider.last_seq())
    finally:
        insider.close()
    env = {**os.environ, "VICTIMCARE_HOME": str(tmp_path), "TMPDIR": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, "-m", "victimcare", "admin", "verify", "--vault", str(vault.path),
                          "--user", SUPERVISOR, "--password-stdin"], input=PASSWORD + "\n", capture_output=True,
                         text=True, encoding="utf-8", env=env, timeout=120)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert f"审计链：已被破坏——第 {first_bad} 条及之后的记录被删除" in out.stdout
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    try:  # the verify itself was audited afterwards, with its result
        last = s.audit.entries(limit=6)
    finally:
        s.close()
    assert ("verify", "error") in [(e["action"], e["result"]) for e in last]


def test_a_printed_copy_witnesses_its_entry(vault, tmp_path):
    """Entries after the last case write live only in the audit file; a printed dossier's 审计序号 and 校验
    (every page's header) catch a log cut back behind it, through ``admin verify --printed``."""
    import re
    from pypdf import PdfReader
    import io
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    try:
        job = s.printing.render_dossier(s.intake.create({**CASE, "name": "测试乙", "sex": "M"}), "archive")
    finally:
        s.close()
    header = PdfReader(io.BytesIO(job.pdf)).pages[0].extract_text()
    found = re.search(r"审计序号 (\d+) 校验 ([0-9a-f]{12})", header)
    assert found, header[:300]
    seq, check = found.groups()
    assert int(seq) == job.seq
    assert check_before_sign_in(Vault(vault.path), SUPERVISOR, PASSWORD, (f"{seq}:{check}",)).ok

    insider = Insider(vault)
    try:
        insider.conn.execute("DELETE FROM audit_log WHERE seq >= ?", (job.seq,))
        insider.rewrite_anchor()
    finally:
        insider.close()
    report = check_before_sign_in(Vault(vault.path), SUPERVISOR, PASSWORD, (f"{seq}:{check}",))
    assert not report.ok and report.first_bad_seq == job.seq
    assert f"第 {job.seq} 条及之后的记录被删除（打印件（审计序号 {seq}）记录到第 {seq} 条）" == report.problem
