"""The 打印 menu: 打印本个案专门档案… and 打印表格… for the open case (the case page, or the child selected in
the 入学安置台账), 空白表格 (F1, F15) without a case. Enabled only where it applies: signed in with a role
that may print, and for the first two a case open. The state is worked out again each time the menu
opens and when an action is triggered by its shortcut, so it never lags behind the page shown."""

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from victimcare.security.permissions import Op, allowed
from victimcare.ui.kit.tasks import run
from victimcare.ui.printing import forms_index
from victimcare.ui.printing.dialog import BLANK, DOSSIER, FORM, PrintDialog, PrintTarget


def open_print_dialog(services, target: PrintTarget, parent) -> PrintDialog:
    dialog = PrintDialog(services, target, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


class PrintMenu(QObject):
    def __init__(self, window, menu: QMenu):
        super().__init__(window)
        self.window, self.menu = window, menu
        self._watched = None
        self.dossier_action = QAction(self.tr("Print this case's dossier…"), window)
        self.dossier_action.setShortcut(QKeySequence("Ctrl+P"))
        self.dossier_action.triggered.connect(self.print_dossier)
        self.form_action = QAction(self.tr("Print a form…"), window)
        self.form_action.triggered.connect(self.print_form)
        for action in (self.dossier_action, self.form_action):
            menu.addAction(action)
            window.addAction(action)  # the shortcut works with the menu closed
        self.blank_menu = menu.addMenu(self.tr("Blank forms"))
        self.blank_menu.triggered.connect(self.print_blank)
        menu.aboutToShow.connect(self.update_state)
        self.update_state()

    @property
    def services(self):
        return self.window.services

    def current_case(self) -> tuple[int, str] | None:
        workspace = self.window.workspace
        return workspace.current_case() if workspace is not None else None

    def update_state(self) -> None:
        services = self.services
        may_print = services is not None and not services.locked and allowed(services.role, Op.PRINT_BLANK)
        self.menu.setEnabled(may_print)
        workspace = self.window.workspace
        if workspace is not None and workspace is not self._watched:
            self._watched = workspace  # gone with the workspace at a lock, and its connection with it
            workspace.current_case_changed.connect(self.update_state)
        with_case = may_print and allowed(services.role, Op.PRINT_CASE) and self.current_case() is not None
        self.dossier_action.setEnabled(with_case)
        self.form_action.setEnabled(with_case)
        index = forms_index.loaded()
        self.blank_menu.setEnabled(may_print and index is not None)
        if may_print and index is None:
            run(self.window.workspace or self.window, forms_index.load, done=self._index_loaded)
        elif index is not None and not self.blank_menu.actions():
            self._index_loaded(index)

    def _index_loaded(self, index) -> None:
        if not self.blank_menu.actions():
            for code, title in index.blank:
                action = self.blank_menu.addAction(self.tr("{code} {title} (blank)").format(code=code, title=title))
                action.setData(code)
        self.blank_menu.setEnabled(self.services is not None)

    def _target_case(self):
        self.update_state()
        return self.current_case() if self.dossier_action.isEnabled() else None

    def print_dossier(self) -> None:
        case = self._target_case()
        if case is not None:
            open_print_dialog(self.services, PrintTarget(DOSSIER, case[0], case[1]), self.window)

    def print_form(self) -> None:
        case = self._target_case()
        if case is not None:
            open_print_dialog(self.services, PrintTarget(FORM, case[0], case[1]), self.window)

    def print_blank(self, action: QAction) -> None:
        index = forms_index.loaded()
        code = action.data()
        if self.services is None or index is None or not code:
            return
        titles = tuple((c, t) for c, t in index.blank if c == code)
        open_print_dialog(self.services, PrintTarget(BLANK, codes=(code,), titles=titles), self.window)
