"""The print button on a step's tab: the forms of that step (the catalog's ``FormSpec.step``) in the
print dialog, for the case shown. Hidden where the step has no form or the role may not print."""

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from victimcare.security.permissions import Op, allowed
from victimcare.ui.kit.tasks import run
from victimcare.ui.printing import forms_index
from victimcare.ui.printing.dialog import FORM, PrintTarget
from victimcare.ui.printing.menu import open_print_dialog


class StepPrintBar(QWidget):
    def __init__(self, services, step: str, case: dict, parent=None):
        super().__init__(parent)
        self.services, self.step = services, step
        self.case_id, self.case_no = case["id"], case.get("case_no", "")
        self.codes: tuple[str, ...] = ()
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addStretch()
        self.button = QPushButton(self.tr("Print this step's forms…"))
        self.button.setAccessibleName(self.tr("Print step forms"))
        self.button.clicked.connect(self.print_forms)
        lay.addWidget(self.button)
        self.hide()
        if allowed(services.role, Op.PRINT_CASE):
            index = forms_index.loaded()
            if index is not None:
                self._index(index)
            else:
                run(self, forms_index.load, done=self._index)

    def _index(self, index) -> None:
        self.codes = index.step_codes(self.step)
        if self.codes:
            self.button.setToolTip(self.tr("Print {codes} of this case").format(codes="、".join(self.codes)))
            self.show()

    def print_forms(self) -> None:
        open_print_dialog(self.services, PrintTarget(FORM, self.case_id, self.case_no, codes=self.codes),
                          self.window())
