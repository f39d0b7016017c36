"""The application window: setup → login → workspace, menus, status bar and the idle lock."""

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox, QProgressBar, QStackedWidget

from victimcare.core.clock import SYSTEM_CLOCK
from victimcare.ui.idle import DEFAULT_IDLE_SECONDS, IdleLock
from victimcare.ui.login import LoginPage
from victimcare.ui.oslock import OsLockWatcher
from victimcare.ui.password_dialog import ChangePasswordDialog
from victimcare.ui.printing.menu import PrintMenu
from victimcare.core.errors import UserError
from victimcare.ui.kit.display import datetime_label, role_text
from victimcare.ui.kit.tasks import activity, run
from victimcare.ui.kit.widgets import WINDOW_DECORATION, fit_to_screen, plain_label, screen_budget, scrolling

MINIMUM_SIZE = (640, 400)  # below a 1366×768 screen at 125 % (1093×582 logical, less the taskbar)


class MainWindow(QMainWindow):
    def __init__(self, app, *, vault=None, vault_dir: Path | None = None, create_vault=None,
                 demo_password: str | None = None, idle_seconds: float = DEFAULT_IDLE_SECONDS,
                 clock=SYSTEM_CLOCK):
        super().__init__()
        self.app = app
        self.vault = vault
        self.services = None
        self.workspace = None
        self.demo_password = demo_password
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.idle = IdleLock(app, self, idle_seconds, clock)
        self.idle.expired.connect(self.lock)
        self.idle.remaining_changed.connect(self._show_remaining)
        self.os_lock = OsLockWatcher(self)
        self.os_lock.os_locked.connect(self.lock)
        self.os_lock.watch_window(self.winId())
        self._build_status_bar()
        self._build_menus()
        self._fit_screen()
        if vault is None:
            from victimcare.ui.setup import SetupPage
            self.setup_page = SetupPage(vault_dir, create_vault, self)
            self.setup_page.finished.connect(self._setup_finished)
            self.setup_area = scrolling(self.setup_page)  # the form scrolls on a small screen
            self.stack.addWidget(self.setup_area)
        else:
            self._show_login()
        self._update_chrome()

    # -- chrome -----------------------------------------------------------------------------------

    def _fit_screen(self) -> None:
        """1280×720 where the screen allows, else the screen's free area; centred. The minimum size is
        set here, once, so that no page can push the window past the screen: long pages scroll."""
        size = fit_to_screen(self, 1280, 720)
        self.setMinimumSize(QSize(*MINIMUM_SIZE).boundedTo(screen_budget(self)))
        free = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        frame = WINDOW_DECORATION
        self.move(free.x() + max((free.width() - size.width() - frame.width()) // 2, 0),
                  free.y() + max((free.height() - size.height() - frame.height()) // 2, 0))

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = plain_label("")
        self.user_label.setAccessibleName(self.tr("Signed-in user"))
        self.vault_label = plain_label("")
        self.vault_label.setAccessibleName(self.tr("Vault"))
        self.lock_label = QLabel("")
        self.lock_label.setAccessibleName(self.tr("Lock status"))
        for w in (self.user_label, self.vault_label):
            bar.addWidget(w)
        self.busy = QProgressBar()  # shown while any service call runs: the window never just waits
        self.busy.setAccessibleName(self.tr("Working"))
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setFormat(self.tr("Working…"))
        self.busy.hide()
        bar.addPermanentWidget(self.busy)
        bar.addPermanentWidget(self.lock_label)
        activity.busy.connect(self.busy.setVisible)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        self.lock_action = self._action(file_menu, self.tr("Lock"), self.lock, QKeySequence("Ctrl+L"))
        self.password_action = self._action(file_menu, self.tr("Change password…"), self.change_password)
        self.logout_action = self._action(file_menu, self.tr("Sign out"), self.logout)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.case_menu = menu.addMenu(self.tr("&Case"))
        self.new_case_action = self._action(self.case_menu, self.tr("New intake…"), self._new_intake,
                                            QKeySequence("Ctrl+N"))
        self.find_action = self._action(self.case_menu, self.tr("Find case"), self._find, QKeySequence("Ctrl+F"))
        self.print_menu = menu.addMenu(self.tr("&Print"))
        self.printing = PrintMenu(self, self.print_menu)
        tools = menu.addMenu(self.tr("&Tools"))
        self.refresh_action = self._action(tools, self.tr("Refresh"), self._refresh, QKeySequence("F5"))
        help_menu = menu.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("About VictimCare"), self._about)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _update_chrome(self) -> None:
        signed_in = self.services is not None
        station = self.vault.station_name if self.vault else ""
        title = "VictimCare"
        if station:
            title = f"{station} — VictimCare"
        if self.vault is not None and self.vault.is_demo:
            title = self.tr("[DEMO DATA] ") + title
        self.setWindowTitle(title)
        for action in (self.lock_action, self.password_action, self.logout_action, self.refresh_action):
            action.setEnabled(signed_in)
        can_cases = signed_in and "cases" in (self.workspace.pages if self.workspace else {})
        self.new_case_action.setEnabled(can_cases and not self.services.read_only)
        self.find_action.setEnabled(can_cases)
        self.printing.update_state()
        if signed_in:
            self.user_label.setText(self.tr("User: {name} ({role})").format(
                name=self.services.account, role=role_text(self.services.role)))
            self.vault_label.setText(self.tr("Vault: {path}").format(path=self.vault.path.name))
        else:
            self.user_label.setText(self.tr("Not signed in"))
            self.vault_label.setText("")
            self.lock_label.setText(self.tr("Locked") if self.vault else "")

    def _read_only_changed(self, _message: str) -> None:
        self._update_chrome()

    def _show_remaining(self, seconds: int) -> None:
        self.lock_label.setText(self.tr("Auto-lock in {m}:{s:02d}").format(m=seconds // 60, s=seconds % 60))

    # -- flow ---------------------------------------------------------------------------------------

    def _setup_finished(self, vault) -> None:
        self.vault = vault
        self.stack.removeWidget(self.setup_area)
        self.setup_area.deleteLater()  # and the setup page in it
        self._show_login()
        self._update_chrome()

    def _show_login(self, account: str = "") -> None:
        self.login_page = LoginPage(self.vault, self.demo_password, self)
        self.login_page.logged_in.connect(self._logged_in)
        self.stack.addWidget(self.login_page)
        self.stack.setCurrentWidget(self.login_page)
        if account:
            self.login_page.prefill(account)
        elif self.login_page.account.text():  # demo vaults pre-fill an account
            self.login_page.password.setFocus()
        else:
            self.login_page.account.setFocus()

    def _logged_in(self, services, must_change: bool) -> None:
        from victimcare.ui.workspace import Workspace
        self.services = services
        self.stack.removeWidget(self.login_page)
        self.login_page.deleteLater()
        if must_change:  # the operation gate refuses everything else until it is changed
            dialog = ChangePasswordDialog(services, self, required=True)
            if not dialog.exec():
                self.logout()
                return
        self.workspace = Workspace(services, self)
        self.workspace.banner.changed.connect(self._read_only_changed)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.idle.start()
        self._update_chrome()
        self._show_remaining(int(self.idle.remaining()))
        self._offer_draft()

    def _keep_drafts(self) -> None:
        """Before the lock clears the screen: an intake form with entries is kept as an encrypted draft in
        the vault (offered back at the next sign-in), then every open dialog closes. This one write waits
        on the database: the keys are wiped right after it, so it cannot wait for later."""
        from victimcare.ui.case.intake_dialog import IntakeDialog
        for dialog in self.findChildren(IntakeDialog):
            if dialog.isVisible() and dialog.changed:
                try:
                    self.services.intake.save_draft(dialog.raw())
                except UserError:
                    pass  # locking goes ahead: a form that cannot be kept must not keep the screen open
            dialog.close_quietly()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()

    def _offer_draft(self) -> None:
        """After sign-in: a form kept at the last lock is offered back."""
        if self.workspace is None or "cases" not in self.workspace.pages or self.services.read_only:
            return  # a read-only session could not save the form: the draft waits for a sound vault
        run(self.workspace, self.services.intake.draft, done=self._draft_found)

    def _draft_found(self, draft) -> None:
        if draft is None or self.workspace is None:
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved intake"),
                          self.tr("An intake form was kept when the screen locked ({when}). Continue it now?")
                          .format(when=datetime_label(draft["saved_at"][:16])), parent=self)
        resume = box.addButton(self.tr("Continue the form"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Discard it"), QMessageBox.ButtonRole.DestructiveRole)
        box.exec()
        if box.clickedButton() is resume:
            self.workspace.show_section("cases").new_intake(draft["values"])
        else:
            run(self.workspace, self.services.intake.discard_draft)

    def _end_session(self, action: str) -> str:
        account = ""
        self.idle.stop()
        if self.workspace is not None:
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()  # every widget that showed case data goes with it
            self.workspace = None
        if self.services is not None:
            account = self.services.account
            self.services.close(action=action)
            self.services = None
        return account

    def lock(self) -> None:
        if self.services is None:
            return
        self._keep_drafts()
        account = self._end_session("lock")
        self._show_login(account)
        self._update_chrome()

    def logout(self) -> None:
        self._end_session("logout")
        self._show_login()
        self._update_chrome()

    def after_restore(self, message: str) -> None:
        """The vault was replaced by a backup and the session that did it closed: back to sign-in."""
        self._end_session("logout")
        self._show_login()
        self.login_page.error.setStyleSheet("color: #2e7d32;")
        self.login_page.error.show_error(message)
        self._update_chrome()

    def change_password(self) -> None:
        if self.services is not None:
            ChangePasswordDialog(self.services, self).exec()

    def _new_intake(self) -> None:
        if self.workspace is not None and "cases" in self.workspace.pages:
            self.workspace.show_section("cases").new_intake()

    def _find(self) -> None:
        if self.workspace is not None and "cases" in self.workspace.pages:
            self.workspace.show_section("cases").focus_search()

    def _refresh(self) -> None:
        if self.workspace is not None:
            self.workspace.refresh_current()

    def _about(self) -> None:
        from victimcare import __version__
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About VictimCare"),
                          self.tr("VictimCare {v}\nOffline, encrypted casework for rescued victims of "
                                  "human trafficking.").format(v=__version__), parent=self)
        box.exec()

    def closeEvent(self, event) -> None:
        if self.services is not None:
            self._keep_drafts()  # closing the window keeps a half-filled form, as locking does
        self._end_session("logout")
        super().closeEvent(event)
