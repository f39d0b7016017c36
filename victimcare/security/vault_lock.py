"""One writer per vault: the process that has it open holds ``writer.lock``; another is refused and
told who holds it. Also refuses vault folders on network drives and in cloud-synced folders, where
SQLite's locking and WAL are not safe (security requirement 13).

Within one process the lock is shared: a window that locks and signs in again, or the tests' several
sessions, are one writer. An OS lock dies with its process, so a crash never leaves a stale lock.
"""

import getpass
import json
import os
import socket
import sys
import threading
from datetime import datetime
from pathlib import Path

from victimcare.core.errors import VaultError, os_error_message
from victimcare.core.locks import FileLock

LOCK_FILE = "writer.lock"
NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ceph",
                                 "glusterfs", "fuse.rclone", "davfs", "fuse.davfs2", "ncpfs", "coda", "lustre"})
# Folders that a sync client uploads and rewrites behind our back (by the names their clients give them).
SYNCED_FOLDER_NAMES = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "icloud drive", "nutstore",
                       "坚果云", "百度网盘", "baidunetdisk", "wps云盘", "wpsdrive", "腾讯微云", "weiyun", "seafile",
                       "nextcloud", "owncloud", "box sync", "mega")

_held: dict[Path, list] = {}   # vault folder → [FileLock, holders in this process]
_guard = threading.Lock()


def check_location(folder: Path) -> None:
    """Refuse a vault folder on a network drive or inside a cloud-synced folder, saying why."""
    folder = Path(folder).resolve()
    if any(part.lower() in SYNCED_FOLDER_NAMES for part in folder.parts):
        raise VaultError("保险库位于云同步文件夹中，同步软件会在后台改写文件，可能损坏数据或泄露到云端。"
                         "请把保险库移到本机磁盘上的普通文件夹。")
    if _on_network_drive(folder):
        raise VaultError("保险库位于网络共享文件夹中，多台电脑同时写入会损坏数据。请把保险库移到本机磁盘。")


def _on_network_drive(folder: Path) -> bool:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows
        import ctypes
        text = str(folder)
        if text.startswith("\\\\"):
            return True
        drive = text[:3]
        DRIVE_REMOTE = 4
        return ctypes.windll.kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE
    mounts = _mounts()
    best, kind = "", ""
    text = str(folder)
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3:
            point = parts[1].replace("\\040", " ")
            if (text == point or text.startswith(point.rstrip("/") + "/")) and len(point) > len(best):
                best, kind = point, parts[2]
    return kind in NETWORK_FILESYSTEMS


def _mounts() -> list[str]:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []


def holder_info(account: str) -> dict:
    try:
        os_user = getpass.getuser()
    except (OSError, KeyError):
        os_user = "?"
    return {"account": account, "host": socket.gethostname(), "pid": os.getpid(), "os_user": os_user,
            "since": datetime.now().astimezone().isoformat(timespec="seconds")}


def acquire(folder: Path, account: str) -> None:
    """Become (or join, within this process) the vault's one writer; refuse if another process is."""
    folder = Path(folder).resolve()
    with _guard:
        entry = _held.get(folder)
        if entry is not None:
            entry[1] += 1
            return
        lock = FileLock(folder / LOCK_FILE)
        try:
            if not lock.acquire(timeout=0.5):
                raise VaultError(_in_use_message(folder / LOCK_FILE))
            lock.write(json.dumps(holder_info(account), ensure_ascii=False).encode("utf-8"))
        except OSError as exc:
            lock.release()
            raise VaultError(f"无法在保险库文件夹中写入（{os_error_message(exc)}）。"
                             "请确认文件夹可以写入、磁盘没有写保护。") from None
        _held[folder] = [lock, 1]


def holders(folder: Path) -> int:
    """How many sessions of this process hold the vault (0 when none)."""
    with _guard:
        entry = _held.get(Path(folder).resolve())
        return entry[1] if entry else 0


def release(folder: Path) -> None:
    folder = Path(folder).resolve()
    with _guard:
        entry = _held.get(folder)
        if entry is None:
            return
        entry[1] -= 1
        if entry[1] <= 0:
            entry[0].release()
            del _held[folder]


def _in_use_message(path: Path) -> str:
    try:
        who = json.loads(path.read_text(encoding="utf-8"))
        since = datetime.fromisoformat(who["since"]).strftime("%Y-%m-%d %H:%M")
        holder = f"账户 {who['account']}（电脑 {who['host']}，进程 {who['pid']}，自 {since} 起）"
    except (OSError, ValueError, KeyError, TypeError):
        holder = "另一个 VictimCare 窗口或命令"
    return (f"保险库正由{holder}使用，同一时间只能有一处写入。请先在那里退出或锁定后关闭程序，然后再试。")
