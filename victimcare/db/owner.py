"""One owner thread for a vault's connections.

sqlcipher3 connections may not cross threads, and slow queries must never run on the GUI thread.
Every service call is executed here; callers on other threads block only for the call's duration.
Once shut down, a call raises ``VaultLocked`` (never ``RuntimeError``), from whichever thread.
"""

import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from victimcare.core.errors import VaultLocked

LOCKED_MESSAGE = "已锁定。请重新登录。"

# The owner thread hands the GIL back around every sqlite3_step, i.e. once per row. While another
# thread runs Python flat out (an import's checks), each hand-back waits the interpreter's switch
# interval before it gets the GIL again: at the default 5 ms a 200-row page took up to 0.9 s
# (bench/bench_concurrency.py). At 0.2 ms the same page stays under 100 ms; CPU-bound threads pay a
# few more switches. Process-wide, so it is only ever lowered.
SWITCH_INTERVAL_S = 0.0002


class OwnerThread:
    def __init__(self, name: str = "vault-db"):
        if sys.getswitchinterval() > SWITCH_INTERVAL_S:
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._ident = self._executor.submit(threading.get_ident).result()
        self._closed = False

    @property
    def is_current(self) -> bool:
        return threading.get_ident() == self._ident

    def call(self, fn, /, *args, **kwargs):
        if self.is_current:
            return fn(*args, **kwargs)
        if self._closed:
            raise VaultLocked(LOCKED_MESSAGE)
        try:
            future = self._executor.submit(fn, *args, **kwargs)
        except RuntimeError:  # shut down between the check and the submit
            raise VaultLocked(LOCKED_MESSAGE) from None
        return future.result()

    def shutdown(self) -> None:
        """Stop taking work. From the owner thread itself (a call that found the session expired)
        the thread cannot be joined; it finishes the current call and then exits."""
        self._closed = True
        self._executor.shutdown(wait=not self.is_current)
