"""Lock when the operating system locks the screen or goes to sleep.

Qt timers do not run during suspend, so the idle lock alone could leave a session open after a
laptop lid is closed; the OS tells us instead. Linux: the freedesktop/GNOME screensaver
``ActiveChanged`` and logind ``PrepareForSleep`` D-Bus signals. Windows: WTS session-lock and
power-suspend window messages.
"""

import sys

from PySide6.QtCore import SLOT, QAbstractNativeEventFilter, QCoreApplication, QObject, Signal, Slot

_SCREENSAVERS = (("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
                 ("/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
                 ("/ScreenSaver", "org.freedesktop.ScreenSaver"))

WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK = 0x02B1, 0x7
WM_POWERBROADCAST, PBT_APMSUSPEND = 0x0218, 0x4


class OsLockWatcher(QObject):
    """Emits ``os_locked`` when the screen locks or the machine is about to sleep."""

    os_locked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._filter = None
        if sys.platform.startswith("win"):
            self._filter = _WindowsFilter(self.os_locked.emit)
            QCoreApplication.instance().installNativeEventFilter(self._filter)
        else:
            self._connect_dbus()

    def _connect_dbus(self) -> None:
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        session = QDBusConnection.sessionBus()
        if session.isConnected():
            for path, interface in _SCREENSAVERS:
                session.connect("", path, interface, "ActiveChanged", self, SLOT("screensaver_changed(bool)"))
        system = QDBusConnection.systemBus()
        if system.isConnected():
            system.connect("org.freedesktop.login1", "/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                           "PrepareForSleep", self, SLOT("sleeping(bool)"))

    @Slot(bool)
    def screensaver_changed(self, active: bool) -> None:
        if active:
            self.os_locked.emit()

    @Slot(bool)
    def sleeping(self, starting: bool) -> None:
        if starting:
            self.os_locked.emit()

    def watch_window(self, win_id: int) -> None:
        """Windows only: ask for session notifications for this top-level window."""
        if self._filter is not None:
            try:
                import ctypes
                ctypes.windll.wtsapi32.WTSRegisterSessionNotification(int(win_id), 0)
            except (OSError, AttributeError):
                pass


class _WindowsFilter(QAbstractNativeEventFilter):
    def __init__(self, callback):
        super().__init__()
        self._callback = callback

    def nativeEventFilter(self, event_type, message):
        if bytes(event_type) == b"windows_generic_MSG":
            import ctypes.wintypes
            msg = ctypes.wintypes.MSG.from_address(int(message))
            if (msg.message == WM_WTSSESSION_CHANGE and msg.wParam == WTS_SESSION_LOCK) or \
                    (msg.message == WM_POWERBROADCAST and msg.wParam == PBT_APMSUSPEND):
                self._callback()
        return False, 0
