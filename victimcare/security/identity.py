"""Each key holder's key pairs: X25519 to receive compartment keys, Ed25519 to sign.

Why key pairs and not only password wraps: a supervisor who disables an account re-keys the
compartments it could open (``rotation``) and must hand the new keys to everyone else without
knowing their passwords. So an account's password unwraps only its own private keys
(``identity``, AES-GCM under the Argon2id key); each compartment key is *sealed* to the account's
X25519 public key (an ephemeral X25519 exchange, HKDF-SHA256, AES-256-GCM), which anyone holding the
key can do. The associated data binds a sealed key to the vault, the holder, its role and the
compartment, as the password wraps did.

The Ed25519 key signs the holder's audit entries and, for a supervisor or the recovery code, the
certificates that bind another account's public keys and role (``certify``). The recovery code's key
is the root: its public key is pinned in the compartments when the vault is created, so a keyring
whose certificates lead anywhere else is refused.
"""

import hashlib
import json
import os

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from victimcare.security import crypto

RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw
SECRET_BYTES = 64  # X25519 private ‖ Ed25519 seed


def _raw_private(key) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


class Identity:
    """The private half, kept as one wipeable buffer; key objects are made for each use."""

    def __init__(self, secret: bytearray):
        if len(secret) != SECRET_BYTES:
            raise ValueError("identity secret of the wrong length")
        self.secret = secret

    @classmethod
    def new(cls) -> "Identity":
        return cls(bytearray(_raw_private(X25519PrivateKey.generate()) + _raw_private(Ed25519PrivateKey.generate())))

    def _x(self) -> X25519PrivateKey:
        return X25519PrivateKey.from_private_bytes(bytes(self.secret[:32]))

    def _ed(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(bytes(self.secret[32:]))

    @property
    def x_pub(self) -> str:
        return self._x().public_key().public_bytes(*RAW).hex()

    @property
    def ed_pub(self) -> str:
        return self._ed().public_key().public_bytes(*RAW).hex()

    @property
    def key_id(self) -> str:
        return key_id(self.ed_pub)

    def public(self) -> dict:
        return {"x_pub": self.x_pub, "ed_pub": self.ed_pub}

    def sign(self, data: bytes) -> str:
        return self._ed().sign(data).hex()

    def open_sealed(self, sealed: dict, *, vault_id: str, holder: str, role: str,
                    compartment: str) -> bytearray | None:
        """The sealed key, or None when it was not sealed to this identity (or anything bound was edited)."""
        try:
            ephemeral = bytes.fromhex(sealed["epk"])
            shared = self._x().exchange(X25519PublicKey.from_public_bytes(ephemeral))
            kek = _seal_kek(shared, ephemeral, self.x_pub, vault_id, holder, role, compartment)
            key = AESGCM(kek).decrypt(bytes.fromhex(sealed["nonce"]), bytes.fromhex(sealed["ct"]),
                                      _aad(vault_id, holder, role, compartment))
        except (InvalidTag, ValueError, KeyError, TypeError):
            return None
        return bytearray(key)

    def wipe(self) -> None:
        crypto.wipe(self.secret)


def key_id(ed_pub: str) -> str:
    """A short, stable name of a public key (what each audit entry records beside its signature)."""
    return hashlib.sha256(bytes.fromhex(ed_pub)).hexdigest()[:16]


def _aad(vault_id: str, holder: str, role: str, compartment: str) -> bytes:
    return f"victimcare/2|{vault_id}|{holder}|{role}|{compartment}".encode()


def _seal_kek(shared: bytes, ephemeral: bytes, x_pub: str, vault_id: str, holder: str, role: str,
              compartment: str) -> bytes:
    info = b"victimcare/seal|" + ephemeral + bytes.fromhex(x_pub) + _aad(vault_id, holder, role, compartment)
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(shared)


def seal(x_pub: str, key: bytes | bytearray, *, vault_id: str, holder: str, role: str, compartment: str) -> dict:
    """``key`` sealed to the holder's X25519 public key: only its private key opens it."""
    ephemeral = X25519PrivateKey.generate()
    epk = ephemeral.public_key().public_bytes(*RAW)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(bytes.fromhex(x_pub)))
    kek = _seal_kek(shared, epk, x_pub, vault_id, holder, role, compartment)
    nonce = os.urandom(12)
    ct = AESGCM(kek).encrypt(nonce, bytes(key), _aad(vault_id, holder, role, compartment))
    return {"epk": epk.hex(), "nonce": nonce.hex(), "ct": ct.hex()}


def wrap_identity(kek: bytes | bytearray, identity: Identity, *, vault_id: str, holder: str) -> dict:
    """The private keys under the password's key. Not bound to the role: a supervisor changing a role
    cannot re-wrap what only the password opens (the role is bound in the certificate and the seals)."""
    return crypto.wrap_key(kek, identity.secret, vault_id=vault_id, holder=holder, role="-", compartment="identity")


def unwrap_identity(kek: bytes | bytearray, wrapped: dict, *, vault_id: str, holder: str,
                    public: dict) -> Identity | None:
    """The identity, or None for a wrong password — or a wrap whose keys are not the public keys on
    record (a wrap pasted in from another account or an older keyring)."""
    secret = crypto.unwrap_key(kek, wrapped, vault_id=vault_id, holder=holder, role="-", compartment="identity")
    if secret is None or len(secret) != SECRET_BYTES:
        return None
    identity = Identity(secret)
    if identity.public() != {"x_pub": public.get("x_pub"), "ed_pub": public.get("ed_pub")}:
        identity.wipe()
        return None
    return identity


# -- signatures --------------------------------------------------------------------------------

def verify(ed_pub: str, signature: str, data: bytes) -> bool:
    return verifier(ed_pub)(signature, data)


def verifier(ed_pub: str):
    """``check(signature, data) -> bool`` for one public key, parsed once (the audit check calls it for
    every entry)."""
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(ed_pub))
    except (ValueError, TypeError):
        return lambda _signature, _data: False

    def check(signature: str, data: bytes) -> bool:
        try:
            key.verify(bytes.fromhex(signature), data)
        except (InvalidSignature, ValueError, TypeError):
            return False
        return True
    return check


def certificate_body(vault_id: str, holder: str, role: str, public: dict) -> bytes:
    body = {"vault": vault_id, "holder": holder, "role": role, "x_pub": public["x_pub"], "ed_pub": public["ed_pub"]}
    if "staff_id" in public:  # certified with the keys (certificates of 0.1.0 carry none: see holders.staff_id)
        body["staff_id"] = public["staff_id"]
    return b"victimcare/cert|" + json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def certify(issuer: Identity, issuer_name: str, *, vault_id: str, holder: str, role: str, public: dict) -> dict:
    return {"issuer": issuer_name, "sig": issuer.sign(certificate_body(vault_id, holder, role, public))}
