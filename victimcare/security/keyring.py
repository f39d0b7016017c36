"""The vault's keyring file: accounts, their wrapped compartment keys, and login throttling.

It is readable before anyone signs in (the login screen needs the station name and the throttle
state), so it holds nothing personal about victims: staff account names, roles, KDF parameters,
AES-GCM-wrapped keys and failure counters. Writes are atomic and owner-only. Its shape is checked at
every load and what grants access is under a MAC with a generation (``keyring_check``): a write that
changes any of it must be signed (``update(signer=audit key)``).
"""

import hashlib
import json
import threading
from functools import lru_cache
from contextlib import contextmanager
from pathlib import Path

from victimcare.core.errors import VaultError, os_error_message
from victimcare.core.fsutil import write_private_file
from victimcare.core.locks import exclusive
from victimcare.security import keyring_check

FORMAT = 2  # 2: key pairs per holder, compartment keys sealed to them, certificates (``holders``)
KEYRING_FILE = "keyring.json"
KEYRING_LOCK = "keyring.lock"

# Throttling after NIST 800-63B: a few free attempts, then waits that double from 30 s to an hour;
# at 100 consecutive failures only a supervisor can unlock the account.
FREE_ATTEMPTS = 5
FIRST_DELAY = 30.0
MAX_DELAY = 3600.0
LOCK_AT = 100
MAX_GHOSTS = 500
LOCK_WAIT = 90.0  # a sign-in waits out a rotation (18 s at 100,000 cases) rather than being refused


_threads = threading.Lock()  # threads of this process queue here before taking the OS lock


def throttle_delay(failures: int) -> float:
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(FIRST_DELAY * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY)


@lru_cache(maxsize=4)  # a sign-in tags the same name up to twice (the look, then the count)
def name_tag(vault_id: str, name: str) -> str:
    """The keyring's tag of a name that is no account (or a disabled one). Anyone with the folder reads
    the tags; a name someone typed by mistake (a person's, even) should not be cheap to test against them,
    so the tag is memory-hard (scrypt, 16 MiB, about 40 ms) rather than a plain hash."""
    return hashlib.scrypt(name.encode("utf-8"), salt=f"victimcare/ghost|{vault_id}".encode(), n=2 ** 14, r=8, p=1,
                          dklen=16, maxmem=64 * 1024 * 1024).hex()


class Keyring:
    def __init__(self, path: Path, data: dict):
        self.path = path
        self.data = data
        self._signed_at_load = keyring_check.snapshot(data)
        self._signer: bytes | bytearray | None = None

    @classmethod
    def load(cls, vault_dir: Path) -> "Keyring":
        path = Path(vault_dir) / KEYRING_FILE
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise VaultError("找不到保险库。请先完成初始设置，或用 --vault 指定保险库文件夹。") from None
        except (OSError, ValueError, RecursionError):
            raise VaultError(keyring_check.DAMAGED) from None
        if isinstance(data, dict) and isinstance(data.get("format"), int) and data["format"] > FORMAT:
            raise VaultError("此保险库由较新版本的 VictimCare 创建，当前版本无法打开。请安装最新版本。")
        if isinstance(data, dict) and data.get("format") == 1:
            raise VaultError("此保险库由 VictimCare 的开发测试版本创建，其密钥格式已不再使用，无法打开。"
                             "请新建保险库（测试数据不会迁移）。")
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise VaultError(keyring_check.DAMAGED)
        keyring_check.check_shape(data)
        return cls(path, data)

    @classmethod
    def new(cls, vault_dir: Path, **fields) -> "Keyring":
        data = {"format": FORMAT, "accounts": {}, "pending_audit": [], **fields}
        return cls(Path(vault_dir) / KEYRING_FILE, data)

    @classmethod
    @contextmanager
    def update(cls, vault_dir: Path, signer: bytes | bytearray | None = None):
        """Read, change and write the keyring as one step: no other process or thread writes it
        meanwhile (a sign-in's failure count cannot undo an account's disabling, nor two failures
        count as one). Saved when the block ends without an error; ``signer`` (the audit key) signs
        it with a new generation, and is needed when the signed part changes."""
        def busy():
            raise VaultError("保险库的账户信息正被另一处使用，请稍候片刻再试。")

        try:
            lock = exclusive(Path(vault_dir) / KEYRING_LOCK, timeout=LOCK_WAIT, on_timeout=busy)
            with _threads, lock:
                ring = cls.load(vault_dir)
                ring._signer = signer
                yield ring
                ring.save()
        except OSError as exc:  # a read-only folder, a full disk: said plainly, never a traceback
            raise VaultError(f"无法保存保险库的账户信息（{os_error_message(exc)}）。") from None

    @classmethod
    @contextmanager
    def held(cls, vault_dir: Path, timeout: float = 15.0):
        """The keyring read under its lock, which stays held for the block, and nothing written: for a
        rotation, whose commit moves a new keyring file (``render``) into place with the new files."""
        def busy():
            raise VaultError("保险库的账户信息正被另一处使用，请稍候片刻再试。")

        lock = exclusive(Path(vault_dir) / KEYRING_LOCK, timeout=timeout, on_timeout=busy)
        with _threads, lock:
            yield cls.load(vault_dir)

    def render(self, audit_key: bytes | bytearray) -> bytes:
        """The keyring signed under ``audit_key`` (a new generation), as the bytes of its file."""
        keyring_check.sign(self.data, audit_key)
        self._signed_at_load = keyring_check.snapshot(self.data)
        return json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")

    def sign_with(self, audit_key: bytes | bytearray) -> None:
        self._signer = audit_key

    def save(self) -> None:
        if self._signer is not None:
            write_private_file(self.path, self.render(self._signer))
            return
        if not keyring_check.signed_part_unchanged(self._signed_at_load, self.data):
            # a programming error, never user input: nothing that grants access is written unsigned
            raise VaultError("内部错误：账户信息的改动没有签名，已拒绝保存。")
        text = json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True)
        write_private_file(self.path, text.encode("utf-8"))

    # -- accounts -------------------------------------------------------------------------------

    @property
    def vault_id(self) -> str:
        return self.data["vault_id"]

    @property
    def station_name(self) -> str:
        return self.data["station_name"]

    @property
    def station_code(self) -> str:
        """The code in every case number; written at setup, so a keyring without one is damaged."""
        code = self.data.get("station_code")
        if not isinstance(code, str) or not code:
            raise VaultError("保险库的密钥文件缺少机构代码，已损坏。请从备份恢复。")
        return code

    @property
    def generation(self) -> int:
        return int(self.data.get("generation", 0))

    @property
    def root(self) -> str:
        """The recovery code's Ed25519 public key, where every certificate leads (``holders``)."""
        return self.data["root"]

    @property
    def is_demo(self) -> bool:
        return bool(self.data.get("demo"))

    def account(self, name: str) -> dict | None:
        return self.data["accounts"].get(name)

    def accounts(self) -> dict[str, dict]:
        return self.data["accounts"]

    def put_account(self, name: str, record: dict) -> None:
        self.data["accounts"][name] = record

    # -- throttling of names that are not an active account ----------------------------------------

    def ghost(self, name: str, *, create: bool = False) -> dict:
        """The failure count of an unknown or disabled name, kept under a tag (no plaintext name) so that it
        waits and locks exactly as an account would. At most ``MAX_GHOSTS`` are kept (the stalest go)."""
        tag = name_tag(self.vault_id, name)
        ghosts = self.data.setdefault("ghosts", {}) if create else self.data.get("ghosts", {})
        if create and tag not in ghosts:
            while len(ghosts) >= MAX_GHOSTS:
                del ghosts[min(ghosts, key=lambda t: ghosts[t].get("next_try_at", 0))]
            ghosts[tag] = {"failures": 0, "next_try_at": 0, "locked": False}
        return ghosts.get(tag, {})

    # -- audit events recorded before anyone holding the audit key signs in ----------------------

    def queue_audit(self, event: dict) -> None:
        self.data.setdefault("pending_audit", []).append(event)

    def take_pending_audit(self) -> tuple[list[dict], int]:
        """The well-formed queued events, and how many malformed or forged ones were dropped."""
        events = self.data.get("pending_audit", [])
        self.data["pending_audit"] = []
        return keyring_check.valid_events(events, self.accounts())
