"""Auto-lock after idle time, measured on the wall clock.

Qt timers stop while the machine sleeps, so the timer only prompts a check; the decision compares
``clock.now()`` with the last user input, and every input event checks too — after a resume the
first key press locks before it reaches any widget.
"""

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

from victimcare.core.clock import SYSTEM_CLOCK, Clock

DEFAULT_IDLE_SECONDS = 5 * 60

_INPUT_EVENTS = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                           QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.Shortcut})


class IdleLock(QObject):
    expired = Signal()
    remaining_changed = Signal(int)  # seconds left, for the status bar countdown

    def __init__(self, app, parent, timeout: float = DEFAULT_IDLE_SECONDS, clock: Clock = SYSTEM_CLOCK):
        super().__init__(parent)  # owned by the window: the app-wide filter goes away with it
        self.timeout = timeout
        self.clock = clock
        self.active = False
        self.last_input = clock.now()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check)
        app.installEventFilter(self)

    def start(self) -> None:
        self.active = True
        self.last_input = self.clock.now()
        self._timer.start()

    def stop(self) -> None:
        self.active = False
        self._timer.stop()

    def remaining(self) -> float:
        return self.timeout - (self.clock.now() - self.last_input)

    def check(self) -> bool:
        """Lock if the idle time has passed; True when it did."""
        if not self.active:
            return False
        left = self.remaining()
        if left <= 0:
            self.stop()
            self.expired.emit()
            return True
        self.remaining_changed.emit(int(left))
        return False

    def eventFilter(self, watched, event) -> bool:
        if self.active and event.type() in _INPUT_EVENTS:
            if self.check():
                return True  # swallow the input that arrived after the deadline
            self.last_input = self.clock.now()
        return False
