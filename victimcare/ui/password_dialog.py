"""Change one's own password (required after a reset or for a new account)."""

from PySide6.QtWidgets import QDialog, QFormLayout, QLineEdit

from victimcare.core.errors import UserError, ValidationError, WrongPassword
from victimcare.ui.widgets import ErrorLabel, add_field, plain_label, save_buttons


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
        form.addRow(save_buttons(self))

    def accept(self) -> None:
        for err in (*self.errors.values(), self.general):
            err.show_error("")
        if self.new.text() != self.repeat.text():
            self.errors["repeat"].show_error(self.tr("The two passwords differ. Type the same password twice."))
            return
        try:
            self.services.accounts.change_own_password(self.old.text(), self.new.text())
        except WrongPassword as exc:
            self.errors["old"].show_error(exc.message)
            return
        except ValidationError as exc:
            self.errors.get(exc.field, self.general).show_error(exc.message)
            return
        except UserError as exc:
            self.general.show_error(exc.message)
            return
        for edit in (self.old, self.new, self.repeat):
            edit.clear()
        super().accept()
