"""设置 → 账户 (supervisor): create, reset a password, change a role, disable, unlock, and re-key the vault.

Disabling an account, lowering its role and 重新加密 re-encrypt the compartments concerned (seconds to a
few minutes): asked first, run off the GUI thread with the progress in the message line."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLineEdit,
                               QMessageBox, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from victimcare.security.permissions import Role
from victimcare.ui.kit.display import role_text
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, add_field, plain_label, save_buttons, show_field_error

OK_COLOUR = "color: #2e7d32;"


class AccountDialog(QDialog):
    """New account (name, role, first password) or a password reset (password only)."""

    def __init__(self, parent=None, *, name: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New account") if name is None else self.tr("Reset password"))
        form = QFormLayout(self)
        self.name = QLineEdit(name or "")
        self.name.setReadOnly(name is not None)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_text(role), str(role))
        self.role.setCurrentIndex(self.role.findData(str(Role.SOCIAL_WORKER)))  # the most common new account
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {"account": add_field(form, self.tr("Account name"), self.name, required=True)}
        if name is None:
            self.errors["role"] = add_field(form, self.tr("Role"), self.role, required=True)
        self.errors["password"] = add_field(form, self.tr("First password"), self.password, required=True)
        form.addRow(plain_label(self.tr("The person must change this password at first sign-in.")))
        self.general = ErrorLabel(self.tr("Account error"))
        form.addRow(self.general)
        self.buttons = save_buttons(self)
        form.addRow(self.buttons)
        self.action = None  # callable(name, role, password) set by the page; derives a key (about 0.5 s)

    def accept(self) -> None:
        for err in (*self.errors.values(), self.general):
            err.show_error("")
        run(self, self.action, self.name.text(), self.role.currentData(), self.password.text(), busy=self.buttons,
            done=self._saved, failed=lambda exc: show_field_error(exc, self.errors, self.general))

    def _saved(self, _result) -> None:
        self.password.clear()
        super().accept()


class RoleDialog(QDialog):
    """Another role for an account (saved by the page's ``action``)."""

    def __init__(self, parent, name: str, current: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change role"))
        form = QFormLayout(self)
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(role_text(role), str(role))
        self.role.setCurrentIndex(self.role.findData(current))
        form.addRow(plain_label(self.tr("Account: {name}").format(name=name)))
        self.errors = {"role": add_field(form, self.tr("Role"), self.role, required=True)}
        note = plain_label(self.tr("A role that may read less loses its keys: the data it could read is "
                                   "re-encrypted with new keys, which can take a few minutes."))
        note.setWordWrap(True)
        form.addRow(note)
        self.general = ErrorLabel(self.tr("Role error"))
        form.addRow(self.general)
        self.buttons = save_buttons(self)
        form.addRow(self.buttons)
        self.name = name
        self.action = None  # callable(name, role) set by the page

    def accept(self) -> None:
        for err in (*self.errors.values(), self.general):
            err.show_error("")
        self.general.setStyleSheet(OK_COLOUR)
        self.general.show_error(self.tr("Saving… (re-encrypting, if the role reads less)"))
        run(self, self.action, self.name, self.role.currentData(), busy=self.buttons, done=self._saved,
            failed=self._failed)

    def _saved(self, _result) -> None:
        super().accept()

    def _failed(self, exc) -> None:
        self.general.setStyleSheet("")
        self.general.show_error("")
        show_field_error(exc, self.errors, self.general)


class AccountsBox(QGroupBox):
    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Accounts"))
        self.services = services
        alay = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Staff ID"), self.tr("Role"),
                                              self.tr("State")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        alay.addWidget(self.table)
        row = QHBoxLayout()
        self.buttons = []
        for text, slot in ((self.tr("New account…"), self.new_account), (self.tr("Reset password…"), self.reset),
                           (self.tr("Change role…"), self.change_role), (self.tr("Disable…"), self.disable),
                           (self.tr("Unlock"), self.unlock), (self.tr("Re-encrypt vault…"), self.rotate)):
            button = QPushButton(text)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons.append(button)
        row.addStretch()
        alay.addLayout(row)
        self.message = ErrorLabel(self.tr("Accounts message"))
        alay.addWidget(self.message)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Re-encryption progress"))
        self.progress.hide()
        alay.addWidget(self.progress)
        self.roles: dict[str, str] = {}

    def show_accounts(self, accounts) -> None:
        self.roles = {a["name"]: a["role"] for a in accounts}
        self.table.setRowCount(len(accounts))
        for i, a in enumerate(accounts):
            state = self.tr("Disabled") if a["disabled"] else self.tr("Locked") if a["locked"] else self.tr("Active")
            for j, text in enumerate((a["name"], a["staff_id"], role_text(a["role"]), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a["name"])
                self.table.setItem(i, j, item)

    def refresh(self) -> None:
        run(self, self.services.accounts.list, done=self.show_accounts,
            failed=lambda exc: self.message.show_error(exc.message))

    def selected_account(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def new_account(self) -> None:
        dialog = AccountDialog(self)
        dialog.action = lambda name, role, pw: self.services.accounts.create(name, role, pw)
        if dialog.exec():
            self.refresh()

    def reset(self) -> None:
        name = self._need_selection()
        if name:
            dialog = AccountDialog(self, name=name)
            dialog.action = lambda n, _r, pw: self.services.accounts.reset_password(n, pw)
            if dialog.exec():
                self.refresh()

    def change_role(self) -> None:
        name = self._need_selection()
        if name:
            dialog = RoleDialog(self, name, self.roles.get(name, ""))
            dialog.action = self.services.accounts.set_role
            if dialog.exec():
                self._say(self.tr("Role changed."))
                self.refresh()

    def disable(self) -> None:
        name = self._need_selection()
        if name and self._confirm(self.tr("Disable account"), self.tr(
                "Disable {name}? The data this account could read is re-encrypted with new keys, so that no "
                "copy of its old keys opens it. With many cases this takes a few minutes; keep VictimCare "
                "open until it is done.").format(name=name)):
            self._long(self.tr("Account disabled; its data was re-encrypted with new keys."),
                       self.services.accounts.set_disabled, name, True)

    def rotate(self) -> None:
        if self._confirm(self.tr("Re-encrypt vault"), self.tr(
                "Re-encrypt every part of the vault with new keys? Do this when a computer or a copy of the "
                "vault folder may have been lost. The accounts and the recovery sheet stay as they are. With "
                "many cases this takes a few minutes; keep VictimCare open until it is done.")):
            self._long(self.tr("The vault was re-encrypted with new keys."), self.services.accounts.rotate_keys)

    def unlock(self) -> None:
        name = self._need_selection()
        if name:
            self.message.show_error("")
            run(self, self.services.accounts.unlock, name, done=lambda _r: self.refresh(),
                failed=lambda exc: self.message.show_error(exc.message))

    def _long(self, finished: str, action, *args) -> None:
        """A re-encryption: every account button waits, the line says what is going on."""
        self._say(self.tr("Re-encrypting the vault with new keys… Keep VictimCare open."))
        for button in self.buttons:
            button.setEnabled(False)
        self._finished_text = finished
        self.progress.setRange(0, 0)  # busy until the first pages are copied
        self.progress.show()
        run(self, action, *args, done=self._done, failed=self._failed, progress=self._progressed)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _done(self, _result) -> None:
        self._finished(self._finished_text)

    def _finished(self, text: str) -> None:
        self._enable()
        self._say(text)
        self.refresh()

    def _failed(self, exc) -> None:
        self._enable()
        self.message.setStyleSheet("")
        self.message.show_error(exc.message)

    def _enable(self) -> None:
        self.progress.hide()
        for button in self.buttons:
            button.setEnabled(True)

    def _say(self, text: str) -> None:
        self.message.setStyleSheet(OK_COLOUR)
        self.message.show_error(text)

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self)
        go = box.addButton(title, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(cancel)  # a destructive action is never the default
        box.exec()
        return box.clickedButton() is go

    def _need_selection(self) -> str | None:
        self.message.setStyleSheet("")
        name = self.selected_account()
        if not name:
            self.message.show_error(self.tr("Select an account in the table first."))
        return name
