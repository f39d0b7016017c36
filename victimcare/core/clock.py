"""Wall-clock time, injectable so tests can move it."""

import time
from datetime import datetime, timezone


class Clock:
    def now(self) -> float:
        """Seconds since the epoch (wall clock, so time in suspend counts)."""
        return time.time()

    def utcnow(self) -> datetime:
        return datetime.fromtimestamp(self.now(), timezone.utc)

    def local_now(self) -> datetime:
        return datetime.fromtimestamp(self.now()).astimezone()


class FakeClock(Clock):
    def __init__(self, start: float = 1_790_000_000.0):
        self.t = start

    def now(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


SYSTEM_CLOCK = Clock()
