"""Pseudonymous staff IDs: the audit log names accounts by a certified ID that survives password and role
changes; only the roles that read the log see the names behind it; a swapped or duplicated ID is refused;
a keyring of 0.1.0 (certificates without IDs, entries naming accounts) still signs in and verifies."""

import json

import pytest

from victimcare.core.errors import VaultError
from victimcare.security import holders, keyring_check
from victimcare.db.connection import open_compartment
from victimcare.security.audit import ANCHOR_FILE, FIELDS, GENESIS, HEAD_META, entry_hash, head_text, signed_data
from victimcare.security.audit_check import check_before_sign_in
from victimcare.security.identity import certify
from victimcare.security.keyring import KEYRING_FILE, Keyring
from victimcare.security.vault import Vault, normalize_recovery_code

from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR, staff_id

WORKER = "shegong01"
NEW_PASSWORD = "重置之后的 一句新口令 for the worker-77"


def _ring(vault) -> dict:
    return json.loads((vault.path / KEYRING_FILE).read_text("utf-8"))


def _entries(vault) -> list[dict]:
    s = vault.login(SUPERVISOR, PASSWORD)
    try:
        return s.run(s.audit_log.entries, limit=500, newest_first=False)
    finally:
        s.close()


def _verified(vault) -> bool:
    report = check_before_sign_in(Vault(vault.path), SUPERVISOR, PASSWORD)
    assert report.ok, report.problem
    return report.ok


@pytest.fixture
def staffed(vault_factory, login, add_account):
    vault, code, _ = vault_factory()
    s = login(vault)
    add_account(s, WORKER, "social_worker")
    s.close()
    return vault, code


def test_every_account_has_its_own_certified_staff_id(staffed):
    vault, _ = staffed
    ring = _ring(vault)
    ids = {name: record["staff_id"] for name, record in ring["accounts"].items()}
    assert len(set(ids.values())) == len(ids) == 2
    assert all(holders.STAFF_ID.fullmatch(i) for i in ids.values())
    assert holders.certified(ring, WORKER, ring["root"])


def test_the_id_survives_reset_own_change_and_role_change_and_entries_never_name_the_account(staffed, login):
    vault, _ = staffed
    before = staff_id(vault, WORKER)
    s = login(vault)
    s.accounts.reset_password(WORKER, NEW_PASSWORD)  # a new identity, the same ID
    s.close()
    assert staff_id(vault, WORKER) == before
    w = login(vault, WORKER, NEW_PASSWORD)
    w.accounts.change_own_password(NEW_PASSWORD, OTHER_PASSWORD)
    w.close()
    s = login(vault)
    s.accounts.set_role(WORKER, "education_officer")
    s.close()
    assert staff_id(vault, WORKER) == before
    entries = _entries(vault)
    text = json.dumps(entries, ensure_ascii=False)
    assert WORKER not in text and SUPERVISOR not in text
    mine = [e for e in entries if e["actor"] == before]
    assert {e["action"] for e in mine} >= {"login", "key_change", "logout"}
    assert {e["object_id"] for e in entries if e["object_type"] == "account"} == {before}
    assert _verified(vault)


def test_only_the_roles_that_read_the_log_see_the_names(staffed, login):
    vault, _ = staffed
    s = login(vault)
    rows = s.audit.entries(limit=50)
    s.close()
    created = [r for r in rows if r["object_type"] == "account" and r["detail"].startswith("create:")]
    assert created and created[0]["object_name"] == WORKER and created[0]["object_id"] == staff_id(vault, WORKER)
    assert {r["actor_name"] for r in rows if r["actor"] == staff_id(vault, SUPERVISOR)} == {SUPERVISOR}
    w = login(vault, WORKER, OTHER_PASSWORD)
    with pytest.raises(Exception, match="无权"):
        w.audit.entries(limit=5)  # a social worker reads neither the log nor the names behind it


def _resign(vault, data: dict) -> None:
    """The insider recomputes the keyring's MAC with the audit key (every role holds it)."""
    s = vault.login(SUPERVISOR, PASSWORD)
    try:
        keyring_check.sign(data, s.key_for("audit"))
    finally:
        s.close()
    (vault.path / KEYRING_FILE).write_text(json.dumps(data), encoding="utf-8")


def test_a_swapped_staff_id_is_refused_at_sign_in(staffed):
    vault, _ = staffed
    data = _ring(vault)
    a, b = data["accounts"][SUPERVISOR], data["accounts"][WORKER]
    a["staff_id"], b["staff_id"] = b["staff_id"], a["staff_id"]  # to write entries under the other's ID
    _resign(vault, data)
    for name, password in ((WORKER, OTHER_PASSWORD), (SUPERVISOR, PASSWORD)):
        with pytest.raises(VaultError, match="被改动"):
            Vault(vault.path).login(name, password)


def test_a_duplicated_or_malformed_staff_id_is_refused_as_damaged(staffed):
    vault, _ = staffed
    for bad in (lambda d: d["accounts"][WORKER].update(staff_id=d["accounts"][SUPERVISOR]["staff_id"]),
                lambda d: d["accounts"][WORKER].update(staff_id="zhanzhang"),
                lambda d: d["accounts"][WORKER].update(staff_id=7)):
        data = _ring(vault)
        bad(data)
        (vault.path / KEYRING_FILE).write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(VaultError, match="已损坏"):
            Vault(vault.path).login(SUPERVISOR, PASSWORD)


def test_a_name_shaped_like_a_staff_id_is_not_an_account_name(staffed, login):
    vault, _ = staffed
    s = login(vault)
    with pytest.raises(Exception, match="账户名"):
        s.accounts.create("S-7K3QM2", "auditor", OTHER_PASSWORD)


def _as_released_by_0_1_0(vault, code: str) -> None:
    """The vault as 0.1.0 left it: entries naming (and signed as) account names, certificates over keys
    and role only, no staff IDs. The log is re-chained and re-signed by each account's own key, the heads
    the compartments and the anchor saw follow it; the certificates are re-issued by the recovery code's
    root key (which 0.1.0 certified the first supervisor with)."""
    v = Vault(vault.path)
    data = _ring(vault)
    names = {holders.staff_id(r): n for n, r in data["accounts"].items()}
    held = {n: v.unwrap(n, data["accounts"][n], p) for n, p in ((SUPERVISOR, PASSWORD), (WORKER, OTHER_PASSWORD))}
    keys = held[SUPERVISOR].keys
    root = v.unwrap(holders.RECOVERY, {**data["recovery"], "role": holders.RECOVERY_ROLE}, normalize_recovery_code(code))
    try:
        audit = open_compartment(vault.compartment_path("audit"), keys["audit"])
        triggers = [r[0] for r in audit.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")]
        for (name,) in audit.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            audit.execute(f"DROP TRIGGER {name}")
        rows = [dict(zip(FIELDS, r)) for r in audit.execute(f"SELECT {','.join(FIELDS)} FROM audit_log ORDER BY seq")]
        audit.execute("DELETE FROM audit_log")
        prev, hashes = GENESIS, {}
        for row in rows:
            row["actor"], row["signed_by"] = names.get(row["actor"], row["actor"]), names[row["signed_by"]]
            if row["object_type"] == "account":
                row["object_id"] = names.get(row["object_id"], row["object_id"])
            digest = entry_hash(prev, row)
            sig = held[row["signed_by"]].identity.sign(signed_data(digest))
            audit.execute(f"INSERT INTO audit_log({','.join(FIELDS)}, prev_hash, entry_hash, sig) "
                          f"VALUES ({','.join('?' * len(FIELDS))}, ?, ?, ?)", [row[k] for k in FIELDS] + [prev, digest, sig])
            prev = hashes[row["seq"]] = digest
        for sql in triggers:
            audit.execute(sql)
        audit.commit()
        audit.close()
        (vault.path / ANCHOR_FILE).write_text(json.dumps({"seq": rows[-1]["seq"], "hash": prev}))
        for name in ("core", "sensitive", "school"):
            conn = open_compartment(vault.compartment_path(name), keys[name])
            head = conn.execute("SELECT value FROM meta WHERE key = ?", (HEAD_META,)).fetchone()
            if head:
                seq = int(head[0].split(":")[0])
                conn.execute("UPDATE meta SET value = ? WHERE key = ?", (head_text(seq, hashes[seq]), HEAD_META))
                conn.commit()
            conn.close()
        for name, record in data["accounts"].items():
            record.pop("staff_id")
            public = {"x_pub": record["x_pub"], "ed_pub": record["ed_pub"]}
            cert = certify(root.identity, holders.RECOVERY, vault_id=data["vault_id"], holder=name,
                           role=record["role"], public=public)
            record["cert"] = {**cert, "issuer_key": root.identity.key_id}
        keyring_check.sign(data, keys["audit"])
    finally:
        root.wipe()
        for h in held.values():
            h.wipe()
    (vault.path / KEYRING_FILE).write_text(json.dumps(data), encoding="utf-8")


def test_a_keyring_of_0_1_0_signs_in_verifies_and_keeps_the_derived_id(staffed, login):
    vault, code = staffed
    _as_released_by_0_1_0(vault, code)
    derived = holders.staff_id(Keyring.load(vault.path).account(WORKER))
    assert holders.STAFF_ID.fullmatch(derived) and "staff_id" not in _ring(vault)["accounts"][WORKER]

    assert _verified(vault)
    w = vault.login(WORKER, OTHER_PASSWORD)
    assert w.staff_id == derived  # this release names it by the derived ID
    w.close()
    assert _verified(vault)
    assert {e["actor"] for e in _entries(vault)} >= {SUPERVISOR, derived}  # 0.1.0's by name

    s = login(vault)
    s.accounts.reset_password(WORKER, NEW_PASSWORD)  # certified again: the derived ID written in
    rows = s.audit.entries(limit=20)
    s.close()
    assert _ring(vault)["accounts"][WORKER]["staff_id"] == derived
    assert any(r["actor"] == SUPERVISOR and r["actor_name"] == SUPERVISOR for r in rows)
    assert any(r["actor"] == derived and r["actor_name"] == WORKER for r in rows)
    assert _verified(vault)
