"""Run slow service calls (key derivation, imports, verification) off the GUI thread.

A plain Python thread does the work and reports back through Qt signals, which Qt queues to the
GUI thread. (A QRunnable owned by Python can be freed by the GUI thread while the pool thread
still touches it after run(); a thread object has no such shared lifetime.)
"""

import threading

from PySide6.QtCore import QObject, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task:
    """``Task(fn, *args).start(on_done, on_failed)``; with ``with_progress`` ``fn`` gets ``progress(i, n)``."""

    def __init__(self, fn, *args, with_progress: bool = False, **kwargs):
        self.signals = _Signals()  # created on the GUI thread, so its slots run there
        self._fn, self._args, self._kwargs = fn, args, kwargs
        if with_progress:
            self._kwargs["progress"] = self.signals.progress.emit

    def _run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # delivered to the GUI thread and shown there
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)

    def start(self, on_done, on_failed) -> "Task":
        _running.add(self)  # keep the signals object alive until the result is delivered
        self.signals.done.connect(on_done)
        self.signals.failed.connect(on_failed)
        self.signals.done.connect(lambda _r: _running.discard(self))
        self.signals.failed.connect(lambda _e: _running.discard(self))
        threading.Thread(target=self._run, name="victimcare-task", daemon=True).start()
        return self


_running: set[Task] = set()
