"""Input widgets for the paper-form screens: dates with a calendar popup, rare-character entry,
region picker. Each returns the typed text; the services layer validates it."""

from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtWidgets import (QCalendarWidget, QCompleter, QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit,
                               QMenu, QToolButton, QVBoxLayout, QWidget, QWidgetAction)

from victimcare.domain.codes import search_regions
from victimcare.domain.names import code_point_to_char
from victimcare.core.errors import ValidationError
from victimcare.ui.kit.widgets import ErrorLabel, plain_label


class _EditWithButton(QWidget):
    """A line edit with a helper button beside it; reads and names like the line edit itself."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit()
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.edit, 1)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text()

    def setText(self, text: str) -> None:
        self.edit.setText(text)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)


class DateField(_EditWithButton):
    """A date typed as 2024-05-13 or 2024年5月13日, or picked from a calendar; ``with_time`` adds HH:MM."""

    def __init__(self, parent=None, *, with_time: bool = False):
        super().__init__(parent)
        self.with_time = with_time
        self.edit.setPlaceholderText("2026-05-13 14:30" if with_time else "2026-05-13")
        button = QToolButton()
        button.setText(self.tr("Calendar"))
        button.setAccessibleName(self.tr("Pick a date"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        self.calendar = QCalendarWidget()
        self.calendar.setMaximumDate(QDate.currentDate())
        self.calendar.clicked.connect(lambda d: (self._picked(d), menu.close()))
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        button.setMenu(menu)
        self.row.addWidget(button)

    def _picked(self, d: QDate) -> None:
        text = d.toString("yyyy-MM-dd")
        if self.with_time:
            parts = self.edit.text().split()
            text += " " + (parts[1] if len(parts) > 1 else "00:00")
        self.edit.setText(text)



class RareCharDialog(QDialog):
    """Enter a character by its code point (U+20BB7, 20BB7 or &#x20BB7;) and see it before inserting."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rare character input"))
        lay = QVBoxLayout(self)
        lay.addWidget(plain_label(self.tr("Type the Unicode code point of the character, e.g. U+20BB7.")))
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Code point"))
        lay.addWidget(self.code)
        self.preview = plain_label("")
        self.preview.setAccessibleName(self.tr("Character preview"))
        font = self.preview.font()
        font.setPointSizeF(font.pointSizeF() * 3)
        self.preview.setFont(font)
        lay.addWidget(self.preview)
        self.error = ErrorLabel(self.tr("Code point error"))
        lay.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Insert"))
        ok.setAccessibleName(self.tr("Insert"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.code.textChanged.connect(self._update)
        self.char = ""

    def _update(self) -> None:
        try:
            self.char = code_point_to_char(self.code.text()) if self.code.text().strip() else ""
            self.error.show_error("")
        except ValidationError as exc:
            self.char = ""
            self.error.show_error(exc.message)
        self.preview.setText(self.char)

    def accept(self) -> None:
        if self.char:
            super().accept()


class NameField(_EditWithButton):
    """A name line edit with the rare-character input aid beside it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.edit.setMaxLength(64)
        button = QToolButton()
        button.setText(self.tr("Rare char…"))
        button.setAccessibleName(self.tr("Rare character input"))
        button.clicked.connect(self._rare)
        self.row.addWidget(button)

    def _rare(self) -> None:
        dialog = RareCharDialog(self)
        if dialog.exec():
            self.edit.insert(dialog.char)



class RegionField(QLineEdit):
    """Hukou place: type part of a name or code; the completer lists GB/T 2260 entries."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Type a county name or code, e.g. 尤溪"))
        self._model = QStringListModel(self)
        completer = QCompleter(self._model, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        self.textEdited.connect(self._suggest)

    def _suggest(self, text: str) -> None:
        if text.strip():
            self._model.setStringList([f"{code} {name}" for code, name in search_regions(text.strip(), 30)])

    def code(self) -> str:
        """The six-digit code at the start of the text ('' when empty; the text itself otherwise)."""
        text = self.text().strip()
        return text.split()[0] if text else ""
