"""Key derivation and key wrapping.

Each compartment has a random 256-bit key. An account holds copies of the keys its role may read,
each wrapped (AES-256-GCM) under a key derived from the account's password with Argon2id. The
associated data binds a wrap to the vault, the account, its role and the compartment, so moving a
wrap to another account or editing the role in the keyring makes it fail to open.
"""

import os
import secrets
import time
import unicodedata
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
MIN_MEMORY_KIB = 64 * 1024
MIN_TIME_COST = 3
# Upper bounds: a keyring edited to ask for terabytes or days of hashing is refused, not obeyed.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_TIME_COST = 64
MAX_PARALLELISM = 16


@dataclass(frozen=True)
class KdfParams:
    salt: str  # hex
    time_cost: int = MIN_TIME_COST
    memory_kib: int = MIN_MEMORY_KIB
    parallelism: int = 2
    algorithm: str = "argon2id"

    def to_dict(self) -> dict:
        return asdict(self)

    def check(self) -> "KdfParams":
        """ValueError unless these are settings the app would choose: never below the floor (an edited
        keyring must not make future passwords cheap to guess), never absurdly costly."""
        ints = (self.time_cost, self.memory_kib, self.parallelism)
        if (self.algorithm != "argon2id" or any(type(v) is not int for v in ints)
                or not isinstance(self.salt, str) or len(self.salt) != 32
                or any(c not in "0123456789abcdef" for c in self.salt)
                or not MIN_TIME_COST <= self.time_cost <= MAX_TIME_COST
                or not MIN_MEMORY_KIB <= self.memory_kib <= MAX_MEMORY_KIB
                or not 1 <= self.parallelism <= MAX_PARALLELISM):
            raise ValueError("kdf parameters outside the allowed range")
        return self

    @classmethod
    def from_dict(cls, d: dict) -> "KdfParams":
        if not isinstance(d, dict) or d.get("algorithm") != "argon2id":
            raise ValueError("unsupported kdf")
        return cls(salt=d.get("salt"), time_cost=d.get("time_cost"), memory_kib=d.get("memory_kib"),
                   parallelism=d.get("parallelism")).check()

    def with_new_salt(self) -> "KdfParams":
        return KdfParams(new_salt(), self.time_cost, self.memory_kib, self.parallelism)


def new_salt() -> str:
    return secrets.token_hex(16)


def new_key() -> bytearray:
    return bytearray(secrets.token_bytes(KEY_BYTES))


def normalize_password(password: str) -> bytes:
    """NFKC as NIST 800-63B asks, so full-width and half-width typing unlock the same vault."""
    return unicodedata.normalize("NFKC", password).encode("utf-8", "surrogatepass")


def derive_kek(password: str, params: KdfParams) -> bytearray:
    raw = hash_secret_raw(normalize_password(password), bytes.fromhex(params.salt),
                          time_cost=params.time_cost, memory_cost=params.memory_kib,
                          parallelism=params.parallelism, hash_len=KEY_BYTES, type=Type.ID)
    return bytearray(raw)


def calibrate(target_seconds: float = 0.4, memory_kib: int = MIN_MEMORY_KIB) -> KdfParams:
    """Pick the time cost that makes one derivation take about ``target_seconds`` here.

    0.4 s rather than 0.5 s: opening the four compartments adds ~30 ms and unlock must stay ≤ 500 ms.
    """
    probe = KdfParams(new_salt(), MIN_TIME_COST, memory_kib)
    runs = []
    for _ in range(3):  # the fastest of three: a busy moment must not make every later unlock slow
        start = time.perf_counter()
        wipe(derive_kek("calibration", probe))
        runs.append(time.perf_counter() - start)
    per_pass = min(runs) / MIN_TIME_COST
    time_cost = max(MIN_TIME_COST, round(target_seconds / max(per_pass, 1e-4)))
    return KdfParams(new_salt(), min(time_cost, 64), memory_kib)


def _aad(vault_id: str, holder: str, role: str, compartment: str) -> bytes:
    return f"victimcare/1|{vault_id}|{holder}|{role}|{compartment}".encode()


def wrap_key(kek: bytes | bytearray, key: bytes | bytearray, *, vault_id: str, holder: str,
             role: str, compartment: str) -> dict:
    nonce = os.urandom(12)
    ct = AESGCM(bytes(kek)).encrypt(nonce, bytes(key), _aad(vault_id, holder, role, compartment))
    return {"nonce": nonce.hex(), "ct": ct.hex()}


def unwrap_key(kek: bytes | bytearray, wrapped: dict, *, vault_id: str, holder: str, role: str,
               compartment: str) -> bytearray | None:
    """The key, or None when the password (or anything bound into the wrap) is wrong."""
    try:
        key = AESGCM(bytes(kek)).decrypt(bytes.fromhex(wrapped["nonce"]), bytes.fromhex(wrapped["ct"]),
                                         _aad(vault_id, holder, role, compartment))
    except (InvalidTag, ValueError, KeyError):
        return None
    return bytearray(key)


def wipe(buf: bytearray | None) -> None:
    """Overwrite key material we own. Python str copies cannot be wiped; keys never become str."""
    if buf is not None:
        for i in range(len(buf)):
            buf[i] = 0
