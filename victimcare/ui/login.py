"""Login / unlock screen: station, account, password, Caps Lock hint, throttling countdown."""

import time
import unicodedata

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
                               QWidget)

from victimcare.core.errors import UserError
from victimcare.ui.kit.tasks import Task
from victimcare.ui.kit.widgets import ERROR, ErrorLabel, enlarge, plain_label


class LoginPage(QWidget):
    """Emits ``logged_in(services, must_change_password)``. ``demo_password`` is shown for demo vaults only."""

    logged_in = Signal(object, bool)

    def __init__(self, vault, demo_password: str | None = None, parent=None):
        super().__init__(parent)
        self.vault = vault
        self._task = None
        self._wait_until = 0.0
        self.unlocking = False
        self._locked_account = ""  # who locked the screen: only that account's return is an unlock
        self._demo_account = ""
        outer = QVBoxLayout(self)
        outer.addStretch()
        box = QWidget()
        box.setMaximumWidth(520)
        lay = QVBoxLayout(box)
        station = plain_label(vault.station_name)
        station.setAccessibleName(self.tr("Station"))
        enlarge(station, 1.6, bold=True)
        lay.addWidget(station)
        lay.addWidget(QLabel(self.tr("Trafficking victim case management")))
        if vault.is_demo:
            from victimcare.demo import DEMO_ACCOUNTS
            from victimcare.ui.kit.display import role_text
            accounts = ", ".join(f"{name} ({role_text(role)})" for name, role in DEMO_ACCOUNTS.items())
            banner = plain_label(self.tr("DEMO DATA — synthetic cases for training. Password: {pw}\nAccounts: {accounts}")
                                 .format(pw=demo_password or "", accounts=accounts))
            banner.setAccessibleName(self.tr("Demo notice"))
            banner.setStyleSheet(f"color: {ERROR}; font-weight: bold;")
            banner.setWordWrap(True)
            lay.addWidget(banner)
            self._demo_account = next(iter(DEMO_ACCOUNTS))
        form = QFormLayout()
        self.account = QLineEdit()
        self.account.setAccessibleName(self.tr("Account"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.installEventFilter(self)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Password"), self.password)
        lay.addLayout(form)
        self.caps = plain_label(self.tr("Caps Lock is on."))
        self.caps.setAccessibleName(self.tr("Caps Lock warning"))
        self.caps.setStyleSheet("color: #8a6d00;")
        self.caps.hide()
        lay.addWidget(self.caps)
        self.error = ErrorLabel(self.tr("Login error"))
        lay.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch()
        self.button = QPushButton(self.tr("Sign in"))
        self.button.setAccessibleName(self.tr("Sign in"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        row.addWidget(self.button)
        lay.addLayout(row)
        centre = QHBoxLayout()
        centre.addStretch()
        centre.addWidget(box)
        centre.addStretch()
        outer.addLayout(centre)
        outer.addStretch()
        self.account.returnPressed.connect(self.password.setFocus)
        self.account.setText(self._demo_account)
        self.password.returnPressed.connect(self.submit)
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

    def prefill(self, account: str) -> None:
        """Show the screen as an unlock of ``account`` (another person may still sign in)."""
        self.unlocking = True
        self._locked_account = account
        self.account.setText(account)
        self.password.clear()
        self.password.setFocus()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.password and event.type() == QEvent.Type.KeyPress:
            text = event.text()
            if text.isalpha() and text.lower() != text.upper():
                shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.caps.setVisible(text.isupper() != shift)
        return False

    def submit(self) -> None:
        if self._task is not None or time.time() < self._wait_until:
            return
        account, password = self.account.text().strip(), self.password.text()
        if not account or not password:
            self.error.show_error(self.tr("Enter your account and password."))
            return
        self.error.show_error("")
        self.button.setEnabled(False)
        self.button.setText(self.tr("Checking…"))
        action = sign_in_action(self._locked_account if self.unlocking else "", account)
        self._task = Task(_sign_in, self.vault, account, password, action).start(self._done, self._failed)

    def _done(self, result) -> None:
        self._task = None
        self.password.clear()
        self._reset_button()
        self.logged_in.emit(*result)

    def _failed(self, exc) -> None:
        self._task = None
        self.password.clear()
        self._reset_button()
        if not isinstance(exc, UserError):
            raise exc
        self.error.show_error(exc.message)
        wait = getattr(exc, "wait_seconds", None)
        if wait:
            self._wait_until = time.time() + wait
        if self._wait_until > time.time():
            self.button.setEnabled(False)
            self._tick()
            self._countdown.start()

    def _tick(self) -> None:
        left = int(self._wait_until - time.time()) + 1
        if left <= 0 or self._wait_until <= time.time():
            self._countdown.stop()
            self._reset_button()
            return
        self.button.setEnabled(False)
        self.button.setText(self.tr("Wait {n} s").format(n=left))

    def _reset_button(self) -> None:
        self.button.setEnabled(True)
        self.button.setText(self.tr("Sign in"))


def sign_in_action(locked_account: str, account: str) -> str:
    """'unlock' when the account that locked the screen returns; anyone else signs in ('login'): the locked
    session's lock is already in the log, and the audit log must not say the newcomer unlocked it."""
    same = locked_account and _same_name(locked_account, account)
    return "unlock" if same else "login"


def _same_name(a: str, b: str) -> bool:
    return unicodedata.normalize("NFC", a.strip()) == unicodedata.normalize("NFC", b.strip())


def _sign_in(vault, account: str, password: str, action: str):
    """On the task thread: key derivation, opening the compartments, the forced-change flag."""
    from victimcare.services import sign_in
    services = sign_in(vault, account, password, action=action)
    return services, services.accounts.must_change_password()
