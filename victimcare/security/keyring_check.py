"""What makes a keyring trustworthy: its shape, its MAC and the queued events it carries.

The keyring is readable and writable by anyone with the vault folder. Three defences:

- ``check_shape``: every field the sign-in reads has the right type and range (a hand-edited or
  truncated file is refused with one clear message, never an exception from deep inside the login);
- the MAC (``sign``/``verify``): HMAC-SHA256 over everything that grants or limits access (accounts,
  roles, wraps, KDF parameters, disabled and must-change flags, the recovery wrap, the generation),
  under a key derived from the audit compartment key — which every account and the recovery code
  can unwrap. A failed sign-in holds no key, so what it writes (failure counts, the lock it earns,
  queued failed-login events) stays outside the MAC; ``UNSIGNED_ACCOUNT_FIELDS`` names them;
- the generation, bumped on every signed write and recorded in the compartments (``Session``), so an
  older keyring copied back is refused even though its MAC is valid.
"""

import copy
import hashlib
import hmac
import json
import re

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from victimcare.core.errors import VaultError
from victimcare.security import crypto
from victimcare.security.holders import STAFF_ID, staff_ids

DAMAGED = "保险库的密钥文件（keyring.json）已损坏或被改动，无法读取。请联系站长从备份恢复。"
TAMPERED = ("保险库的账户信息（keyring.json）被改动过，与保险库不符，已拒绝登录。"
            "请不要继续使用，请联系站长从备份恢复。")
ROLLED_BACK = ("保险库的账户信息（keyring.json）比保险库记录的旧：可能被换成了旧副本。已拒绝登录。"
               "请联系站长从备份恢复。")

class KeyringOutdated(VaultError):
    """The keyring read is older than the compartments remember (a copied-back file, or a signed write
    by another session between this sign-in's read and its open: the sign-in then reads again)."""

    def __init__(self):
        super().__init__(ROLLED_BACK)


UNSIGNED_TOP_FIELDS = ("mac", "pending_audit", "demo_password_ascii", "ghosts")
UNSIGNED_ACCOUNT_FIELDS = ("failures", "next_try_at", "locked")

_HEX = re.compile(r"[0-9a-f]+")
_EVENT_DETAIL = re.compile(r"failures=\d{1,6}|locked")


def _hex(value, length: int | None = None) -> bool:
    return isinstance(value, str) and bool(_HEX.fullmatch(value)) and (length is None or len(value) == length)


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value  # not NaN


def _wrap_ok(w, sealed: bool) -> bool:
    return (isinstance(w, dict) and _hex(w.get("nonce"), 24) and _hex(w.get("ct"))
            and (not sealed or _hex(w.get("epk"), 64)))


def _cert_ok(cert) -> bool:
    return (isinstance(cert, dict) and isinstance(cert.get("issuer"), str) and _hex(cert.get("issuer_key"), 16)
            and _hex(cert.get("sig"), 128))


def _public_ok(record) -> bool:
    staff_id = record.get("staff_id", "S-000000")  # absent in a record certified by 0.1.0
    return (_hex(record.get("x_pub"), 64) and _hex(record.get("ed_pub"), 64) and _cert_ok(record.get("cert"))
            and isinstance(staff_id, str) and bool(STAFF_ID.fullmatch(staff_id)))


def _wraps_ok(record) -> bool:
    """A holder record (``holders``): its KDF settings, its public keys and certificate, the sealed keys,
    the identity wrap (absent only once an account is disabled) and the keys it had before."""
    if not isinstance(record, dict) or not isinstance(record.get("keys"), dict) or not _public_ok(record):
        return False
    try:
        crypto.KdfParams.from_dict(record.get("kdf"))
    except ValueError:
        return False
    former = record.get("former", [])
    return (("identity" not in record or _wrap_ok(record["identity"], sealed=False))
            and isinstance(former, list) and all(isinstance(f, dict) and _public_ok(f)
                                                 and isinstance(f.get("role"), str) for f in former)
            and all(isinstance(n, str) and _wrap_ok(w, sealed=True) for n, w in record["keys"].items()))


def _throttle_ok(record) -> bool:
    failures = record.get("failures", 0)
    return (isinstance(failures, int) and not isinstance(failures, bool) and failures >= 0
            and _number(record.get("next_try_at", 0)) and isinstance(record.get("locked", False), bool))


def _ghosts_ok(ghosts) -> bool:
    return isinstance(ghosts, dict) and all(_hex(t, 32) and isinstance(g, dict) and _throttle_ok(g)
                                            for t, g in ghosts.items())


def check_shape(data) -> None:
    """VaultError(DAMAGED) unless the keyring has every field the sign-in reads, of the right type."""
    from victimcare.security.permissions import Role  # the role names the app knows
    roles = {str(r) for r in Role}
    ok = (isinstance(data, dict) and _hex(data.get("vault_id")) and isinstance(data.get("station_name"), str)
          and isinstance(data.get("accounts"), dict) and isinstance(data.get("pending_audit", []), list)
          and isinstance(data.get("generation", 0), int) and not isinstance(data.get("generation", 0), bool)
          and data.get("generation", 0) >= 0 and _hex(data.get("mac"), 64) and _hex(data.get("root"), 64))
    if ok:
        try:
            crypto.KdfParams.from_dict(data.get("kdf_template"))
        except ValueError:
            ok = False
    if ok:
        ok = _wraps_ok(data.get("recovery")) and _ghosts_ok(data.get("ghosts", {}))
    for name, record in (data.get("accounts") or {}).items() if ok else ():
        ok = (isinstance(name, str) and _wraps_ok(record) and isinstance(record.get("role"), str)
              and record["role"] in roles
              and all(isinstance(record.get(f, False), bool) for f in ("disabled", "must_change"))
              and _throttle_ok(record) and isinstance(record.get("created_at", ""), str))
        if not ok:
            break
    if ok:  # one staff ID per account: the audit log names accounts by it
        ok = len(staff_ids(data)) == len(data["accounts"]) + 1
    if not ok:
        raise VaultError(DAMAGED)


def _signed_view(data: dict) -> bytes:
    view = {k: copy.deepcopy(v) for k, v in data.items() if k not in UNSIGNED_TOP_FIELDS}
    for record in view.get("accounts", {}).values():
        for field in UNSIGNED_ACCOUNT_FIELDS:
            record.pop(field, None)
    return json.dumps(view, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _mac_key(audit_key: bytes | bytearray, vault_id: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=f"victimcare/keyring-mac|{vault_id}".encode()).derive(bytes(audit_key))


def mac(data: dict, audit_key: bytes | bytearray) -> str:
    return hmac.new(_mac_key(audit_key, data["vault_id"]), _signed_view(data), hashlib.sha256).hexdigest()


def sign(data: dict, audit_key: bytes | bytearray) -> None:
    """A new generation and the MAC over it (before the keyring is written)."""
    data["generation"] = int(data.get("generation", 0)) + 1
    data["mac"] = mac(data, audit_key)


def verify(data: dict, audit_key: bytes | bytearray) -> bool:
    """True when the MAC is there and right."""
    found = data.get("mac")
    return isinstance(found, str) and hmac.compare_digest(found, mac(data, audit_key))


def signed_part_unchanged(before: bytes, data: dict) -> bool:
    return before == _signed_view(data)


def snapshot(data: dict) -> bytes:
    return _signed_view(data)


def valid_events(events, accounts: dict) -> tuple[list[dict], int]:
    """The queued failed-login events that are well formed (an existing account, its role, a time and
    a detail a failed sign-in writes), and how many others were dropped."""
    good = []
    for e in events if isinstance(events, list) else []:
        if (isinstance(e, dict) and e.get("action") == "login_fail" and isinstance(e.get("actor"), str)
                and isinstance(accounts.get(e["actor"]), dict) and e.get("role") == accounts[e["actor"]].get("role")
                and _number(e.get("at")) and 0 < e["at"] < 1e11
                and isinstance(e.get("detail", ""), str) and _EVENT_DETAIL.fullmatch(e.get("detail", ""))):
            good.append({k: e[k] for k in ("at", "actor", "role", "action", "detail")})
    total = len(events) if isinstance(events, list) else 1
    return good, total - len(good)
