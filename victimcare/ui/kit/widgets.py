"""Small widgets used across screens: plain-text labels, inline field errors, form rows."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

ACCENT = "#1d5fa8"
ERROR = "#c62828"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never interprets markup: user text must show literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def isolate(text: str, limit: int = 200) -> str:
    """Wrap user text in FSI…PDI so bidi tricks cannot reorder what surrounds it; cap its length."""
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"\u2068{text}\u2069"


class ErrorLabel(QLabel):
    """The inline error under a field: red, plain text, hidden while empty."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {ERROR};")
        self.setAccessibleName(accessible_name)
        self.hide()

    def show_error(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


def add_field(form: QFormLayout, label: str, widget: QWidget, *, required: bool = False,
              error_name: str = "") -> ErrorLabel:
    """Add a labelled field with an error line under it; the label text is the accessible name."""
    text = f"{label} *" if required else label
    widget.setAccessibleName(label)
    error = ErrorLabel(error_name or QCoreApplication.translate("Form", "{label} error").format(label=label))
    box = QWidget()
    lay = QVBoxLayout(box)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(2)
    lay.addWidget(widget)
    lay.addWidget(error)
    row_label = QLabel(text)
    row_label.setBuddy(widget)
    form.addRow(row_label, box)
    return error


def show_field_error(exc, errors: dict[str, ErrorLabel], general: ErrorLabel) -> None:
    """Show a service's error under its field (``exc.field``), else in the form's general line."""
    target = errors.get(getattr(exc, "field", ""), general)
    target.show_error(exc.message)


def enlarge(widget: QWidget, factor: float, bold: bool = False) -> QWidget:
    """Scale a widget's font relative to the user's size (titles), never to a fixed point size."""
    font = widget.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    widget.setFont(font)
    return widget


def save_buttons(dialog: QDialog) -> QDialogButtonBox:
    """Save / Cancel for a dialog, wired to accept and reject."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(QCoreApplication.translate("Form", "Save"))
    ok.setAccessibleName(QCoreApplication.translate("Form", "Save"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
