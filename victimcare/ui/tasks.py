"""Run slow service calls (key derivation, imports, verification) off the GUI thread."""

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Task(QRunnable):
    """``Task(fn).start(on_done, on_failed)``; ``fn`` may take a ``progress(i, n)`` keyword."""

    def __init__(self, fn, *args, with_progress: bool = False, **kwargs):
        super().__init__()
        self.signals = _Signals()
        self._fn, self._args, self._kwargs = fn, args, kwargs
        if with_progress:
            self._kwargs["progress"] = self.signals.progress.emit
        self.setAutoDelete(False)  # we keep a reference until a result arrives

    def run(self) -> None:
        try:
            result = self._fn(*self._args, **self._kwargs)
        except BaseException as exc:  # delivered to the GUI thread, shown there
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)

    def start(self, on_done, on_failed) -> "Task":
        _running.add(self)
        self.signals.done.connect(on_done)
        self.signals.failed.connect(on_failed)
        self.signals.done.connect(lambda _r: _running.discard(self))
        self.signals.failed.connect(lambda _e: _running.discard(self))
        QThreadPool.globalInstance().start(self)
        return self


_running: set[Task] = set()
