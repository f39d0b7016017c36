"""A real screensaver ActiveChanged(true) signal on a private D-Bus session reaches the lock watcher."""

import os
import shutil
import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent("""
    import subprocess, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from victimcare.ui.oslock import OsLockWatcher
    app = QApplication([])
    watcher = OsLockWatcher()
    hits = []
    watcher.os_locked.connect(lambda: (hits.append(1), app.quit()))
    QTimer.singleShot(200, lambda: subprocess.run(["dbus-send", "--session", "--type=signal",
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "boolean:true"]))
    QTimer.singleShot(5000, app.quit)
    app.exec()
    sys.exit(0 if hits else 1)
""")


@pytest.mark.skipif(not (shutil.which("dbus-run-session") and shutil.which("dbus-send")),
                    reason="needs dbus-run-session and dbus-send (Debian dbus-daemon, dbus-bin)")
def test_screensaver_signal_locks():
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(["dbus-run-session", "--", sys.executable, "-c", SCRIPT], env=env,
                            capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-2000:]
