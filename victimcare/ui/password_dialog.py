"""Change one's own password (required after a reset or for a new account)."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit

from victimcare.core.errors import WrongPassword
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, add_field, plain_label, save_buttons, show_field_error


class ChangePasswordDialog(QDialog):
    def __init__(self, services, parent=None, *, required: bool = False):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(self.tr("Change password"))
        form = QFormLayout(self)
        if required:
            form.addRow(plain_label(self.tr("Your password was set by a supervisor. Choose your own now.")))
        self.old = QLineEdit()
        self.new = QLineEdit()
        self.repeat = QLineEdit()
        for edit in (self.old, self.new, self.repeat):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.errors = {"old": add_field(form, self.tr("Current password"), self.old, required=True),
                       "password": add_field(form, self.tr("New password"), self.new, required=True),
                       "repeat": add_field(form, self.tr("Repeat new password"), self.repeat, required=True)}
        form.addRow(plain_label(self.tr("At least 15 characters. A sentence you can remember works well.")))
        self.general = ErrorLabel(self.tr("Password error"))
        form.addRow(self.general)
        self.buttons = save_buttons(self)
        form.addRow(self.buttons)

    def accept(self) -> None:
        for err in (*self.errors.values(), self.general):
            err.show_error("")
        if self.new.text() != self.repeat.text():
            self.errors["repeat"].show_error(self.tr("The two passwords differ. Type the same password twice."))
            return
        run(self, self.services.accounts.change_own_password, self.old.text(), self.new.text(), busy=self.buttons,
            done=self._changed, failed=self._failed)

    def _failed(self, exc) -> None:
        if isinstance(exc, WrongPassword):
            self.errors["old"].show_error(exc.message)
        else:
            show_field_error(exc, self.errors, self.general)

    def _changed(self, _result) -> None:
        for edit in (self.old, self.new, self.repeat):
            edit.clear()
        super().accept()
