"""入学安置台账: the children referred to the education bureau, with the paper ledger's columns."""

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from victimcare.ui.kit.display import age_label, date_label, sex_label
from victimcare.ui.kit.models import PagedTableModel
from victimcare.ui.kit.widgets import isolate, plain_label


class SchoolPage(QWidget):
    def __init__(self, services, workspace=None):
        super().__init__(workspace)
        self.services = services
        status = {"referred": self.tr("Referred"), "placed": self.tr("Placed"), "closed": self.tr("Closed")}
        columns = [
            ("case_no", self.tr("Case number"), lambda r: r["case_no"]),
            ("name", self.tr("Name or pseudonym"), lambda r: isolate(r["display_name"])),
            ("sex", self.tr("Sex"), lambda r: sex_label(r["sex"])),
            ("age", self.tr("Age"), lambda r: age_label(r["birth_date"], r["birth_estimated"])),
            ("school", self.tr("School"), lambda r: r["school"]),
            ("grade", self.tr("Grade"), lambda r: r["grade"]),
            ("enrolled", self.tr("Enrolled on"), lambda r: date_label(r["enrolled_on"])),
            ("status", self.tr("Status"), lambda r: status.get(r["status"], r["status"])),
            ("referred", self.tr("Referred on"), lambda r: date_label(r["referred_at"])),
        ]
        self.model = PagedTableModel(columns, lambda cursor, limit: services.school.children(cursor, limit), self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("School ledger"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lay = QVBoxLayout(self)
        title = QLabel(self.tr("School placement ledger"))
        title.setStyleSheet("font-weight: bold;")
        lay.addWidget(title)
        lay.addWidget(plain_label(self.tr("Children referred to the education bureau. Only the fields school "
                                          "placement needs are shown here.")))
        lay.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.model.reset()
