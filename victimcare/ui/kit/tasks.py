"""Run service calls off the GUI thread: the window never waits on the database or the KDF.

A plain Python thread does the work and reports back through Qt signals, which Qt queues to the
GUI thread. (A QRunnable owned by Python can be freed by the GUI thread while the pool thread
still touches it after run(); a thread object has no such shared lifetime.)

``run(owner, fn, …, done=…, failed=…)`` is what pages use: the callbacks run on the GUI thread and
only while ``owner`` still exists (a page destroyed by a lock never hears back); a ``busy`` widget
is disabled meanwhile; ``activity`` counts running calls for the status bar's busy indicator.
A ``VaultLocked`` arriving after a lock is dropped; a refusal without a ``failed`` goes to the window's
status bar; an unexpected error goes to the crash handler.
"""

import sys
import threading

import shiboken6
from PySide6.QtCore import QObject, Signal

from victimcare.core.errors import UserError, VaultLocked


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task:
    """``Task(fn, *args).start(on_done, on_failed)``; with ``with_progress`` ``fn`` gets ``progress(i, n)``."""

    def __init__(self, fn, *args, with_progress: bool = False, background: bool = False, **kwargs):
        self.signals = _Signals()  # created on the GUI thread, so its slots run there
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._background = background
        if with_progress:
            self._kwargs["progress"] = self.signals.progress.emit

    def _run(self) -> None:
        if self._background:
            lower_thread_priority()
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # delivered to the GUI thread and shown there
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)

    def start(self, on_done, on_failed) -> "Task":
        _running.add(self)  # keep the signals object alive until the result is delivered
        activity.started()
        self.signals.done.connect(on_done)
        self.signals.failed.connect(on_failed)
        self.signals.done.connect(self._finished)
        self.signals.failed.connect(self._finished)
        threading.Thread(target=self._run, name="victimcare-task", daemon=True).start()
        return self

    def _finished(self, _result) -> None:
        _running.discard(self)
        activity.finished()


class _Activity(QObject):
    """How many calls are running, for the busy indicator."""

    changed = Signal(int)
    busy = Signal(bool)  # connect a widget's C++ slot (setVisible): Qt drops it when the widget goes

    def __init__(self):
        super().__init__()
        self.count = 0

    def started(self) -> None:
        self.count += 1
        self.changed.emit(self.count)
        if self.count == 1:
            self.busy.emit(True)

    def finished(self) -> None:
        self.count = max(0, self.count - 1)
        self.changed.emit(self.count)
        if self.count == 0:
            self.busy.emit(False)

    @property
    def idle(self) -> bool:
        return self.count == 0


activity = _Activity()
_running: set[Task] = set()


def unexpected(exc: BaseException) -> None:
    """An error that is not the user's to fix: the crash handler logs it (no personal data) and says so."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def tell(owner: QObject, exc: UserError) -> None:
    """A refusal no page asked to hear (a call made in passing): the window's status bar says it."""
    window = owner.window() if hasattr(owner, "window") else None
    bar = getattr(window, "statusBar", None)
    if bar is not None:
        bar().showMessage(exc.message, 15000)


def lower_thread_priority() -> None:
    """Let the window's thread have the CPU first: a long job (an import, a verification) on two cores
    otherwise slows painting and every answer the window gives. Best effort, this thread only."""
    try:
        if sys.platform == "win32":
            import ctypes
            kernel32 = ctypes.windll.kernel32
            kernel32.SetThreadPriority(kernel32.GetCurrentThread(), -1)  # THREAD_PRIORITY_BELOW_NORMAL
        else:
            import os
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)  # Linux: a thread is a task
    except (OSError, AttributeError, ValueError):
        pass


def run(owner: QObject, fn, *args, done=None, failed=None, busy=None, progress=None, background: bool = False,
        **kwargs) -> Task:
    """Call ``fn(*args, **kwargs)`` on a worker thread. ``done(result)`` and ``failed(user_error)`` run
    on the GUI thread while ``owner`` lives; ``progress(i, n)`` too, and makes ``fn`` get ``progress``.
    ``background`` marks a long job whose thread yields the CPU to the window."""
    if busy is not None:
        busy.setEnabled(False)

    def alive() -> bool:
        return shiboken6.isValid(owner)

    def release() -> None:
        if busy is not None and shiboken6.isValid(busy):
            busy.setEnabled(True)

    def on_done(result) -> None:
        if alive():
            release()
            if done is not None:
                done(result)

    def on_failed(exc) -> None:
        if not alive():
            return
        release()
        if isinstance(exc, VaultLocked):
            return  # the window has locked (or is about to): nothing to show on this page any more
        if isinstance(exc, UserError):
            (failed or (lambda e: tell(owner, e)))(exc)
        else:
            unexpected(exc)

    task = Task(fn, *args, with_progress=progress is not None, background=background, **kwargs)
    if progress is not None:
        task.signals.progress.connect(lambda i, n: alive() and progress(i, n))
    return task.start(on_done, on_failed)
