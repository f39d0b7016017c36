"""设置: accounts (create, reset, disable, unlock), backups (``backup_box``), case numbers, holidays, the
form font and the interface language (supervisor)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLineEdit, QPlainTextEdit, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from victimcare.security.permissions import Role
from victimcare.ui.kit.display import role_text
from victimcare.ui.pages.backup_box import BackupBox
from victimcare.ui.i18n import LANGUAGES, save_language, saved_language
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, add_field, plain_label, save_buttons, show_field_error


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


class SettingsPage(QWidget):
    def __init__(self, services, workspace=None):
        super().__init__(workspace)
        self.services = services
        lay = QVBoxLayout(self)
        accounts = QGroupBox(self.tr("Accounts"))
        alay = QVBoxLayout(accounts)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(self.tr("Accounts"))
        self.table.setHorizontalHeaderLabels([self.tr("Account"), self.tr("Role"), self.tr("State")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        alay.addWidget(self.table)
        row = QHBoxLayout()
        for text, slot in ((self.tr("New account…"), self.new_account), (self.tr("Reset password…"), self.reset),
                           (self.tr("Disable"), self.disable), (self.tr("Unlock"), self.unlock)):
            button = QPushButton(text)
            button.setAccessibleName(text.rstrip("…"))
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch()
        alay.addLayout(row)
        self.message = ErrorLabel(self.tr("Accounts message"))
        alay.addWidget(self.message)
        lay.addWidget(accounts)

        self.backups = BackupBox(services, self)
        lay.addWidget(self.backups)
        lay.addWidget(self._holidays_box())
        short = QHBoxLayout()  # two one-line boxes side by side: the page fits 1366×768 at 125 % unscrolled
        short.addWidget(self._case_no_box(), 3)

        language = QGroupBox(self.tr("Interface language"))
        llay = QHBoxLayout(language)
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Interface language"))
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(list(LANGUAGES).index(saved_language()))
        self.language.currentIndexChanged.connect(self._language_changed)
        llay.addWidget(self.language)
        self.language_note = plain_label("")
        llay.addWidget(self.language_note, 1)
        short.addWidget(language, 2)
        short.addWidget(self._form_font_box(), 2)
        lay.addLayout(short)
        lay.addStretch()

    def _case_no_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Case numbers"))
        row = QHBoxLayout(box)
        self.case_no_pattern = QLineEdit()
        self.case_no_pattern.setAccessibleName(self.tr("Case number pattern"))
        self.case_no_pattern.setToolTip(self.tr("{station} = station code, {year} = year of intake, "
                                                "{seq:05d} = running number with 5 digits"))
        row.addWidget(self.case_no_pattern, 1)
        self.save_pattern_button = save = QPushButton(self.tr("Save pattern"))
        save.setAccessibleName(self.tr("Save pattern"))
        save.clicked.connect(self.save_case_no_pattern)
        row.addWidget(save)
        self.case_no_message = ErrorLabel(self.tr("Case number message"))
        row.addWidget(self.case_no_message, 1)
        return box

    def _form_font_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Form font"))
        col = QVBoxLayout(box)
        self.form_font = QComboBox()
        self.form_font.setAccessibleName(self.tr("Form font"))
        self.form_font.addItem(self.tr("Bundled fonts"), "bundled")
        self.form_font.addItem(self.tr("Official fonts (FangSong, SimSun, SimHei) if installed"), "official")
        self.form_font.currentIndexChanged.connect(self.save_form_font)
        col.addWidget(self.form_font)
        self.form_font_message = ErrorLabel(self.tr("Form font message"))
        col.addWidget(self.form_font_message)
        return box

    def save_form_font(self) -> None:
        self._form_font_choice = self.form_font.currentData()  # the message speaks of this one
        run(self, self.services.settings.set_form_font, self._form_font_choice, busy=self.form_font,
            done=self._form_font_saved, failed=self._form_font_failed)

    def _form_font_saved(self, official: bool) -> None:
        if official:
            text = self.tr("Saved. Forms print in the official fonts.")
        elif self._form_font_choice == "official":
            text = self.tr("Saved. The official fonts are not installed on this computer: forms print in "
                           "the bundled fonts.")
        else:
            text = self.tr("Saved. Forms print in the bundled fonts.")
        self._say(self.form_font_message, text, ok=True)

    def _form_font_failed(self, exc) -> None:
        self._say(self.form_font_message, exc.message, ok=False)

    def save_case_no_pattern(self) -> None:
        run(self, self.services.settings.set_case_no_pattern, self.case_no_pattern.text(),
            busy=self.save_pattern_button,
            done=self._pattern_saved, failed=lambda exc: self._say(self.case_no_message, exc.message, ok=False))

    def _say(self, label, message: str, *, ok: bool) -> None:
        label.setStyleSheet("color: #2e7d32;" if ok else "")
        label.show_error(message)

    def _pattern_saved(self, example: str) -> None:
        self.case_no_message.setStyleSheet("color: #2e7d32;")
        self.case_no_message.show_error(self.tr("Saved. The next new case gets a number like {example}.")
                                        .format(example=example))

    def _holidays_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Public holidays and make-up working days"))
        blay = QVBoxLayout(box)
        note = plain_label(self.tr("Working-day deadlines skip these days off and count these weekend "
                                   "working days. One date per line, e.g. 2026-10-01."))
        note.setWordWrap(True)
        blay.addWidget(note)
        row = QHBoxLayout()
        self.holidays = QPlainTextEdit()
        self.holidays.setAccessibleName(self.tr("Days off"))
        self.workdays = QPlainTextEdit()
        self.workdays.setAccessibleName(self.tr("Make-up working days"))
        for title, edit in ((self.tr("Days off"), self.holidays), (self.tr("Make-up working days"), self.workdays)):
            col = QVBoxLayout()
            col.addWidget(plain_label(title))
            edit.setMinimumHeight(66)  # 110 px when there is room; less on a small screen
            edit.setMaximumHeight(110)
            col.addWidget(edit)
            row.addLayout(col)
        blay.addLayout(row)
        buttons = QHBoxLayout()
        self.holiday_message = ErrorLabel(self.tr("Holiday table message"))
        buttons.addWidget(self.holiday_message, 1)
        buttons.addStretch()
        self.save_holidays_button = QPushButton(self.tr("Save holiday table"))
        self.save_holidays_button.setAccessibleName(self.tr("Save holiday table"))
        self.save_holidays_button.clicked.connect(self.save_holidays)
        buttons.addWidget(self.save_holidays_button)
        blay.addLayout(buttons)
        return box

    def save_holidays(self) -> None:
        run(self, self.services.settings.set_holidays, self.holidays.toPlainText(), self.workdays.toPlainText(),
            busy=self.save_holidays_button, done=self._holidays_saved,
            failed=lambda exc: self._say(self.holiday_message, exc.message, ok=False))

    def _holidays_saved(self, _years) -> None:
        self._say(self.holiday_message, self.tr("Saved. Recalculating deadlines…"), ok=True)
        run(self, self.services.deadlines.recompute_due, busy=self.save_holidays_button, background=True,
            done=self._recomputed,
            failed=lambda exc: self._say(self.holiday_message, exc.message, ok=False))

    def _recomputed(self, n: int) -> None:
        self.holiday_message.show_error(self.tr("Saved. Deadlines of {n} open case(s) recalculated.").format(n=n))

    def refresh(self) -> None:
        run(self, self._read, done=self._show, failed=lambda exc: self.message.show_error(exc.message))
        self.backups.refresh()

    def _read(self):
        """Everything the page shows (worker thread)."""
        s = self.services
        return s.settings.case_no_pattern(), s.settings.holidays(), s.accounts.list(), s.settings.form_font()

    def _show(self, read) -> None:
        pattern, (days_off, workdays, _source), accounts, form_font = read
        self.case_no_pattern.setText(pattern)
        self.form_font.blockSignals(True)  # showing the stored choice is not a new choice
        self.form_font.setCurrentIndex(max(0, self.form_font.findData(form_font)))
        self.form_font.blockSignals(False)
        self.holidays.setPlainText("\n".join(days_off))
        self.workdays.setPlainText("\n".join(workdays))
        self._show_accounts(accounts)

    def _show_accounts(self, accounts) -> None:
        self.table.setRowCount(len(accounts))
        for i, a in enumerate(accounts):
            state = self.tr("Disabled") if a["disabled"] else self.tr("Locked") if a["locked"] else self.tr("Active")
            for j, text in enumerate((a["name"], role_text(a["role"]), state)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, a["name"])
                self.table.setItem(i, j, item)

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

    def disable(self) -> None:
        name = self._need_selection()
        if name:
            self._run(lambda: self.services.accounts.set_disabled(name, True))

    def unlock(self) -> None:
        name = self._need_selection()
        if name:
            self._run(lambda: self.services.accounts.unlock(name))

    def _run(self, action) -> None:
        self.message.show_error("")
        run(self, action, done=lambda _r: self.refresh(), failed=lambda exc: self.message.show_error(exc.message))

    def _need_selection(self) -> str | None:
        name = self.selected_account()
        if not name:
            self.message.show_error(self.tr("Select an account in the table first."))
        return name

    def _language_changed(self) -> None:
        save_language(self.language.currentData())
        self.language_note.setText(self.tr("The new language applies the next time VictimCare starts."))
