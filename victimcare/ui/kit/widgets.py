"""Small widgets used across screens: plain-text labels, inline field errors, form rows."""

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

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


# Room the window system takes around a window: the title bar (about 31 px at any scale on Windows 10/11)
# and the borders. The screens are 1366×768 with a taskbar, at 100 % or 125 % (1093×582 logical).
WINDOW_DECORATION = QSize(16, 40)


def screen_budget(widget: QWidget) -> QSize:
    """The largest client size a top-level window may have on the screen ``widget`` is on."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size()
    return QSize(max(available.width() - WINDOW_DECORATION.width(), 1),
                 max(available.height() - WINDOW_DECORATION.height(), 1))


def fit_to_screen(window: QWidget, width: int, height: int) -> QSize:
    """Resize a top-level window to ``width``×``height``, or less when the screen is smaller."""
    size = QSize(width, height).boundedTo(screen_budget(window))
    window.resize(size)
    return size


class _Holder(QWidget):
    """Holds one widget at the holder's own size. Having no layout, it lets the scroll area size the
    body by its minimum size rather than by the height a layout with word-wrapped labels would like
    (its height-for-width, worked out from preferred sizes), so the body scrolls only when it must."""

    def __init__(self, body: QWidget, area: QScrollArea):
        super().__init__()
        self.body = body
        self.area = area
        body.setParent(self)
        body.installEventFilter(self)

    def sizeHint(self) -> QSize:
        return self.body.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self.body.minimumSizeHint()

    def resizeEvent(self, event) -> None:
        self.body.setGeometry(self.rect())

    def eventFilter(self, watched, event) -> bool:
        if watched is self.body and event.type() == QEvent.Type.LayoutRequest:  # the body's sizes changed
            self.updateGeometry()
            QCoreApplication.postEvent(self.area, QEvent(QEvent.Type.LayoutRequest))
        return False


def scrolling(body: QWidget) -> QScrollArea:
    """``body`` in a frameless scroll area: when the window is smaller than the body's minimum size the
    body scrolls instead of pushing the window larger; when there is room it fills the area."""
    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no extra tab stop: Tab goes through the form, which scrolls along
    area.setWidget(_Holder(body, area))
    return area
