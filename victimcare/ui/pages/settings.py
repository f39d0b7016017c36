"""设置: accounts (``accounts_box``), backups (``backup_box``), case numbers, holidays, the form font and the
interface language (supervisor)."""

from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)

from victimcare.ui.pages.accounts_box import AccountsBox
from victimcare.ui.pages.backup_box import BackupBox
from victimcare.ui.i18n import LANGUAGES, save_language, saved_language
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, plain_label


class SettingsPage(QWidget):
    def __init__(self, services, workspace=None):
        super().__init__(workspace)
        self.services = services
        lay = QVBoxLayout(self)
        self.accounts = AccountsBox(services, self)
        lay.addWidget(self.accounts)

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
        run(self, self._read, done=self._show, failed=lambda exc: self.accounts.message.show_error(exc.message))
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
        self.accounts.show_accounts(accounts)

    def _language_changed(self) -> None:
        save_language(self.language.currentData())
        self.language_note.setText(self.tr("The new language applies the next time VictimCare starts."))
