"""A key holder's record in the keyring (an account, or the recovery code) and its certificate.

A record holds: the Argon2id settings with their salt (``kdf``), the private keys wrapped under the
password's key (``identity``), the public keys (``x_pub``, ``ed_pub``), each compartment key of the
role sealed to ``x_pub`` (``keys``) and a certificate (``cert``): a supervisor's — or, for the first
supervisor and for accounts the recovery code restores, the recovery code's — signature over the
vault, the holder, its role and its public keys. Keys a holder had before a password reset stay in
``former`` (public half and certificate only): old audit entries are verified with them.

Each account also has a pseudonymous staff ID (``staff_id``, e.g. ``S-7K3QM2``), certified with its keys:
the audit log names accounts by it, never by their names (``staff_ids`` resolves it for the roles that
may read the log). An ID survives password resets and role changes; an account made by 0.1.0, whose
certificate carries none, goes by an ID derived from its first key until it is certified again.

The recovery code's certificate is its own (its ``issuer`` is itself); its public key is the root,
pinned in the compartments when the vault is created (``ROOT_META``).
"""

import hashlib
import re
import secrets
from dataclasses import dataclass

from victimcare.security import crypto
from victimcare.security.identity import (Identity, certificate_body, certify, key_id, seal, unwrap_identity,
                                          verify, wrap_identity)

RECOVERY = "__recovery__"  # the recovery code's holder name (never an account's: see validate_account_name)
RECOVERY_ROLE = "recovery"
ROOT_META = "root_key"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
STAFF_ID = re.compile(r"S-[0-9A-HJKMNP-TV-Z]{6}")


@dataclass
class Held:
    """What a right password opens: the holder's identity and its compartment keys."""
    identity: Identity
    keys: dict[str, bytearray]

    def wipe(self) -> None:
        self.identity.wipe()
        for key in self.keys.values():
            crypto.wipe(key)


def seal_keys(vault_id: str, holder: str, role: str, x_pub: str, keys: dict[str, bytearray]) -> dict:
    return {name: seal(x_pub, key, vault_id=vault_id, holder=holder, role=role, compartment=name)
            for name, key in sorted(keys.items())}


def new_record(vault_id: str, holder: str, role: str, secret: str, keys: dict[str, bytearray],
               template: crypto.KdfParams, identity: Identity | None = None) -> tuple[dict, Identity]:
    """A record whose password is ``secret``; a new identity unless the holder's own is given (a
    password change keeps it, a reset by someone else cannot: they never held its private half)."""
    identity = identity or Identity.new()
    params = template.with_new_salt()
    kek = crypto.derive_kek(secret, params)
    try:
        wrapped = wrap_identity(kek, identity, vault_id=vault_id, holder=holder)
    finally:
        crypto.wipe(kek)
    record = {"kdf": params.to_dict(), "identity": wrapped, **identity.public(),
              "keys": seal_keys(vault_id, holder, role, identity.x_pub, keys)}
    return record, identity


def open_record(vault_id: str, holder: str, role: str, record: dict, secret: str) -> Held | None:
    """The identity and every sealed key, or None (a wrong password, or any part not the holder's).
    The key derivation runs whatever the record holds, so a refusal always costs the same."""
    kek = crypto.derive_kek(secret, crypto.KdfParams.from_dict(record["kdf"]))
    try:
        if not record.get("keys") or not isinstance(record.get("identity"), dict):
            return None  # nothing to check the password against (a disabled account): never a success
        identity = unwrap_identity(kek, record["identity"], vault_id=vault_id, holder=holder, public=record)
    finally:
        crypto.wipe(kek)
    if identity is None:
        return None
    keys = open_keys(vault_id, holder, role, record, identity)
    if keys is None:
        identity.wipe()
        return None
    return Held(identity, keys)


def open_keys(vault_id: str, holder: str, role: str, record: dict, identity: Identity) -> dict[str, bytearray] | None:
    keys = {}
    for name, sealed in record["keys"].items():
        key = identity.open_sealed(sealed, vault_id=vault_id, holder=holder, role=role, compartment=name)
        if key is None:
            for k in keys.values():
                crypto.wipe(k)
            return None
        keys[name] = key
    return keys


# -- staff IDs ----------------------------------------------------------------------------------------

def _crockford_id(value: int) -> str:
    return "S-" + "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in reversed(range(6)))


def staff_id(record: dict) -> str:
    """The pseudonymous ID of an account's record (the certified one, else derived from its first key)."""
    found = record.get("staff_id")
    if isinstance(found, str):
        return found
    versions = [*record.get("former", []), record]  # former keys oldest first
    first = next((v["ed_pub"] for v in versions if isinstance(v, dict) and isinstance(v.get("ed_pub"), str)), "")
    return _crockford_id(int(hashlib.sha256(first.encode()).hexdigest()[:8], 16)) if first else ""


def new_staff_id(data: dict) -> str:
    taken = set(staff_ids(data))
    while True:
        candidate = _crockford_id(secrets.randbits(30))
        if candidate not in taken:
            return candidate


def staff_ids(data: dict) -> dict[str, str]:
    """staff ID → holder name, for every account (and the recovery code, which is its own ID)."""
    found = {RECOVERY: RECOVERY}
    for name, record in data["accounts"].items():
        found[staff_id(record)] = name
    return found


def holder_named(directory: dict[str, str], data: dict, who: str) -> str | None:
    """The holder an audit entry's ``signed_by`` names: a staff ID, or (entries of 0.1.0) an account name."""
    if who in directory:
        return directory[who]
    return who if who in data["accounts"] and not STAFF_ID.fullmatch(who) else None


# -- certificates --------------------------------------------------------------------------------

def issue(record: dict, *, vault_id: str, holder: str, role: str, issuer: Identity, issuer_name: str) -> None:
    """Certify the record's keys, role and staff ID (an account of 0.1.0 gets its derived ID written in)."""
    public = {"x_pub": record["x_pub"], "ed_pub": record["ed_pub"]}
    if holder != RECOVERY:
        public["staff_id"] = record["staff_id"] = staff_id(record)
    cert = certify(issuer, issuer_name, vault_id=vault_id, holder=holder, role=role, public=public)
    record["cert"] = {**cert, "issuer_key": issuer.key_id}


def retire_keys(record: dict) -> None:
    """Keep the public half and certificate of keys being replaced (old audit entries name them)."""
    if record.get("ed_pub") and record.get("cert"):
        old = {"role": record.get("role"), "x_pub": record["x_pub"], "ed_pub": record["ed_pub"], "cert": record["cert"]}
        if "staff_id" in record:  # part of what its certificate signed
            old["staff_id"] = record["staff_id"]
        record["former"] = [*record.get("former", []), old]


def _records(data: dict):
    """holder → list of (role, public keys, certificate), current first."""
    found = {}
    for name, record in [(RECOVERY, {**data.get("recovery", {}), "role": RECOVERY_ROLE})] + list(data["accounts"].items()):
        versions = [record] + list(reversed(record.get("former", [])))
        found[name] = [v for v in versions if isinstance(v, dict) and v.get("ed_pub") and v.get("cert")]
    return found


def public_key(data: dict, holder: str, wanted_key_id: str, root: str) -> tuple[str, str] | None:
    """(role, Ed25519 public key) of ``holder``'s key ``wanted_key_id`` — current or former — when its
    certificate leads to the pinned ``root`` through supervisors; else None."""
    return _certified(_records(data), data["vault_id"], holder, wanted_key_id, root, depth=0)


def _certified(records: dict, vault_id: str, holder: str, wanted: str | None, root: str, depth: int):
    for version in records.get(holder, []):
        if wanted is None or key_id(version["ed_pub"]) == wanted:
            found = _version_certified(records, vault_id, holder, version, root, depth)
            if found is not None:
                return found
    return None


def _version_certified(records: dict, vault_id: str, holder: str, version: dict, root: str, depth: int):
    """(role, public key) of this one version of ``holder`` when its own certificate leads to the root;
    every version of every other holder may serve as an issuer on the way."""
    if depth > len(records) + 1:
        return None  # a loop of certificates: nothing leads to the root
    cert, role = version["cert"], version.get("role")
    body = certificate_body(vault_id, holder, role, version)
    if holder == RECOVERY:
        ok = version["ed_pub"] == root and cert.get("issuer") == RECOVERY and verify(root, cert.get("sig"), body)
        return (role, version["ed_pub"]) if ok else None
    if any(verify(issuer_key, cert.get("sig"), body)
           for issuer_key in _issuer_keys(records, vault_id, cert.get("issuer"), cert.get("issuer_key"), root, depth)):
        return role, version["ed_pub"]
    return None


def _issuer_keys(records: dict, vault_id: str, issuer: str, wanted: str, root: str, depth: int) -> list[str]:
    """The issuer's key ``wanted`` if some certified version of it is a supervisor's (or the root): a
    supervisor later given another role keeps the certificates it issued valid."""
    found = []
    for version in records.get(issuer, []):
        if key_id(version["ed_pub"]) == wanted and version.get("role") in ("supervisor", RECOVERY_ROLE):
            if _version_certified(records, vault_id, issuer, version, root, depth + 1) is not None:
                found.append(version["ed_pub"])
    return found


def certified(data: dict, holder: str, root: str) -> bool:
    """The holder's current keys and role are certified back to the root."""
    record = data.get("recovery") if holder == RECOVERY else data["accounts"].get(holder)
    if not isinstance(record, dict) or not record.get("ed_pub") or not record.get("cert"):
        return False
    current = {**record, "role": RECOVERY_ROLE} if holder == RECOVERY else record
    # the current record's own certificate, role included — not an older one of the same key; the
    # holder's former keys may still be the issuers of those who certified it since
    return _version_certified(_records(data), data["vault_id"], holder, current, root, 0) is not None


def reseal_all(data: dict, new_keys: dict[str, bytearray], roles: dict[str, frozenset[str]]) -> None:
    """After a rotation: every holder that may read a rotated compartment gets the new key sealed to
    its public key (no password needed); a disabled account gets nothing. ``roles``: role → the
    compartments it holds."""
    vault_id = data["vault_id"]
    targets = [(RECOVERY, RECOVERY_ROLE, data["recovery"], frozenset(new_keys))]
    targets += [(name, record["role"], record, roles[record["role"]])
                for name, record in data["accounts"].items() if not record.get("disabled")]
    for holder, role, record, allowed in targets:
        for name, key in new_keys.items():
            if name in allowed:
                record["keys"][name] = seal(record["x_pub"], key, vault_id=vault_id, holder=holder, role=role,
                                            compartment=name)
