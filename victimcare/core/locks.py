"""Operating-system file locks: the vault's one-writer lock and the keyring's update lock.

An OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) dies with its process, so a lock left
by a crash or a killed process is never stale: the next process simply gets it.
"""

import os
import time
from contextlib import contextmanager
from pathlib import Path

if os.name == "nt":  # pragma: no cover - exercised on Windows
    import msvcrt

    _FAR = 1 << 30  # lock a byte far past the end, so that the holder's note stays readable

    def _try(fd: int) -> bool:
        try:
            os.lseek(fd, _FAR, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _release(fd: int) -> None:
        os.lseek(fd, _FAR, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
else:
    import fcntl

    def _try(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """An exclusive lock on ``path`` (created 0600 if missing) held while the object is held."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self, timeout: float = 0.0) -> bool:
        """Try for ``timeout`` seconds (0: once); True when held."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + timeout
        while not _try(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                return False
            time.sleep(0.01)
        self._fd = fd
        return True

    @property
    def held(self) -> bool:
        return self._fd is not None

    def write(self, data: bytes) -> None:
        """Replace the lock file's contents (who holds it), through the held descriptor."""
        os.lseek(self._fd, 0, os.SEEK_SET)
        os.ftruncate(self._fd, 0)
        os.write(self._fd, data)
        os.fsync(self._fd)

    def release(self) -> None:
        if self._fd is None:
            return
        try:
            _release(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


@contextmanager
def exclusive(path: Path, timeout: float, on_timeout):
    """Hold the lock on ``path`` for the block; ``on_timeout()`` (which raises) if it stays taken."""
    lock = FileLock(path)
    if not lock.acquire(timeout):
        on_timeout()
    try:
        yield
    finally:
        lock.release()
