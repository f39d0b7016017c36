"""Driving the GUI as a user: widgets found by accessible name, text typed with key clicks.

Service calls run off the GUI thread, so like a user the helpers wait until the window has finished
what it was doing (``settle``: no call running, the busy indicator gone) before they look.
"""

import re
import time

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget,
                               QPlainTextEdit, QWidget)


def settle(timeout: float = 15.0) -> None:
    """Let the window finish: deliver every result of the service calls it started."""
    from victimcare.ui.kit.tasks import activity
    deadline = time.monotonic() + timeout
    while True:
        QApplication.processEvents()
        if activity.idle:
            QApplication.processEvents()
            if activity.idle:
                return
        if time.monotonic() > deadline:
            raise TimeoutError(f"the window is still busy after {timeout} s")
        time.sleep(0.005)


def find(root: QWidget, name: str, cls=QWidget, *, visible_only: bool = True, timeout: float = 5.0):
    """The widget under ``root`` whose accessible name is ``name`` (what a screen reader says), waiting
    up to ``timeout`` seconds for it to appear."""
    settle()
    deadline = time.monotonic() + timeout
    while True:
        candidates = [root, *root.findChildren(cls)] if isinstance(root, cls) else root.findChildren(cls)
        for w in candidates:
            if w.accessibleName() == name and (w.isVisible() or not visible_only):
                return w
        if time.monotonic() > deadline:
            break
        QApplication.processEvents()
        time.sleep(0.01)
    names = sorted({w.accessibleName() for w in root.findChildren(QWidget) if w.accessibleName()})
    raise LookupError(f"no widget named {name!r}; named widgets: {names}")


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type as a user does: ASCII as key presses, Chinese as an input method commits it."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def fill(qtbot, root: QWidget, name: str, value) -> QWidget:
    """Type into a field the way a user would: text fields by key clicks, lists by choosing an entry."""
    w = find(root, name)
    if isinstance(w, QComboBox):
        index = w.findText(value)
        assert index >= 0, f"{name!r} has no entry {value!r}"
        w.setCurrentIndex(index)
    elif isinstance(w, QCheckBox):
        if w.isChecked() != bool(value):
            w.setFocus()
            qtbot.keyClick(w, Qt.Key.Key_Space)  # a wide check box's centre may lie outside its hit area
            assert w.isChecked() == bool(value)
    elif isinstance(w, (QLineEdit, QPlainTextEdit)):
        w.setFocus()
        w.clear()
        type_text(qtbot, w, value)
    else:  # a composite field (date, name) forwards focus to its line edit
        edit = w.findChild(QLineEdit)
        edit.clear()
        type_text(qtbot, edit, value)
    return w


def all_text(root: QWidget) -> str:
    """Every piece of text the window shows: labels, fields, window titles and item-view cells."""
    settle()
    parts = [root.windowTitle()]
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel):
            parts.append(w.text())
        elif isinstance(w, QLineEdit):
            parts.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            parts.append(w.toPlainText())
        elif isinstance(w, QListWidget):
            parts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for r in range(m.rowCount(QModelIndex())):
                for c in range(max(m.columnCount(QModelIndex()), 1)):
                    parts.append(str(m.index(r, c).data() or ""))
    return "\n".join(parts)


def click(qtbot, root: QWidget, name: str) -> None:
    w = find(root, name)
    assert w.isEnabled(), f"{name!r} is disabled"
    qtbot.mouseClick(w, Qt.MouseButton.LeftButton)


def modal(qtbot, timeout: int = 5000) -> QWidget:
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=timeout)
    return QApplication.activeModalWidget()


def when_modal(cls, handler, interval_ms: int = 30) -> QTimer:
    """Run ``handler(dialog)`` as soon as a modal dialog of ``cls`` is shown (dialogs block in exec())."""
    timer = QTimer()
    timer.setInterval(interval_ms)

    def poll():
        w = QApplication.activeModalWidget()
        if isinstance(w, cls) and w.isVisible():
            timer.stop()
            try:
                handler(w)
            except BaseException:
                w.reject()  # a failing step must not leave a modal dialog blocking the test forever
                raise

    timer.timeout.connect(poll)
    timer.start()
    return timer


def sign_in_window(qtbot, window, account: str, password: str, *, english: bool = False) -> None:
    """Type the account and password on the window's sign-in page and wait for the workspace."""
    fill(qtbot, window, "Account" if english else "账户", account)
    fill(qtbot, window, "Password" if english else "密码", password)
    click(qtbot, window, "Sign in" if english else "登录")
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=10000)


def open_window(qtbot, qapp, vault, **kwargs):
    """The application window on ``vault``, shown and closed at the end of the test."""
    from victimcare.ui.mainwindow import MainWindow
    window = MainWindow(qapp, vault=vault, **kwargs)
    qtbot.addWidget(window)
    window.show()
    return window


# -- the step tabs' record forms ------------------------------------------------------------------------

def record_dialog(qtbot):
    """The step-record form (``RecordDialog``) that a 新增/修改 button opened, once it is shown."""
    from victimcare.ui.case.tabs.records import RecordDialog

    def shown():
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible()]
    qtbot.waitUntil(lambda: bool(shown()), timeout=3000)
    return shown()[0]


def save_record(qtbot, form) -> None:
    """Click 保存 and wait until the form has closed (or gone with a page shown afresh)."""
    import shiboken6
    click(qtbot, form, "保存")
    qtbot.waitUntil(lambda: not shiboken6.isValid(form) or not form.isVisible(), timeout=3000)
    settle()


def open_case_tab(qtbot, qapp, vault_factory, intake: dict, tab: str, account: str = "zhanzhang"):
    """Signed in to a new vault with one case from ``intake``, its page shown at ``tab``:
    (window, cases page, case id)."""
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, account, password)
    case_id = window.services.intake.create(intake)
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, tab)
    settle()
    return window, cases, case_id
