"""One owner thread for a vault's connections.

sqlcipher3 connections may not cross threads, and slow queries must never run on the GUI thread.
Every service call is executed here; callers on other threads block only for the call's duration
(long work such as imports runs in a GUI worker thread that waits here, not the GUI thread).
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from functools import wraps


class OwnerThread:
    def __init__(self, name: str = "vault-db"):
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self._ident = self._executor.submit(threading.get_ident).result()

    def call(self, fn, /, *args, **kwargs):
        if threading.get_ident() == self._ident:
            return fn(*args, **kwargs)
        return self._executor.submit(fn, *args, **kwargs).result()

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)


def on_owner_thread(method):
    """Run a method of an object with an ``_owner`` (OwnerThread) attribute on that thread."""

    @wraps(method)
    def wrapper(self, *args, **kwargs):
        return self._owner.call(method, self, *args, **kwargs)

    return wrapper
