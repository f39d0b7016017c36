"""可能重复的个案: the existing cases an intake may duplicate, each with every reason in full — which of
the form's names matched which name or alias of the case — wrapped, in a table that scrolls."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from victimcare.domain.vocabulary import SEXES
from victimcare.ui.kit.display import option_text, shown
from victimcare.ui.kit.widgets import fit_to_screen, isolate, plain_label


class DuplicateDialog(QDialog):
    """Lists possible duplicates; the user opens one, creates a new case anyway, or goes back."""

    def __init__(self, candidates: list[dict], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicates"))
        self.candidates = candidates
        self.choice = "cancel"
        lay = QVBoxLayout(self)
        note = plain_label(self.tr("These existing cases may be the same person. Check them before creating a new case."))
        note.setWordWrap(True)
        lay.addWidget(note)
        self.table = QTableWidget(len(candidates), 5)
        self.table.setAccessibleName(self.tr("Duplicate candidates"))
        self.table.setHorizontalHeaderLabels([self.tr("Case number"), self.tr("Name"), self.tr("Sex"),
                                              self.tr("Date of birth"), self.tr("Why")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)                        # every reason in full, on as many lines as it takes
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setVerticalScrollMode(QTableWidget.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        for i, c in enumerate(candidates):
            for j, text in enumerate((c["case_no"], self._names(c), option_text(SEXES, c["sex"]),
                                      c["birth_date"] or "", self.reasons_text(c))):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                self.table.setItem(i, j, item)
        if candidates:
            self.table.selectRow(0)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        same = QPushButton(self.tr("Same person — open that case"))
        same.setAccessibleName(self.tr("Open existing case"))
        same.clicked.connect(self._same)
        new = QPushButton(self.tr("Different person — create new case"))
        new.setAccessibleName(self.tr("Create new case"))
        new.clicked.connect(self._new)
        back = QPushButton(self.tr("Back to the form"))
        back.clicked.connect(self.reject)
        row.addWidget(same)
        row.addWidget(new)
        row.addStretch()
        row.addWidget(back)
        lay.addLayout(row)
        fit_to_screen(self, 900, 420)

    def _names(self, c: dict) -> str:
        aliases = c.get("aliases") or []
        if not aliases:
            return isolate(c["name"] or self.tr("(unknown)"))
        return self.tr("{name}\n(aliases: {aliases})").format(name=isolate(c["name"] or self.tr("(unknown)")),
                                                              aliases="、".join(isolate(a) for a in aliases))

    def reasons_text(self, c: dict) -> str:
        """Every reason, one a line, with the names that matched (the form's and the case's, name or alias)."""
        lines = []
        for m in c.get("matches") or [{"reason": r, "ours": ""} for r in c["reasons"]]:
            reason = shown(m["reason"])
            if not m.get("ours"):
                lines.append(reason)
                continue
            ours_kind = self.tr("alias") if m["ours_alias"] else self.tr("name")
            if m.get("theirs"):
                theirs_kind = self.tr("alias") if m["theirs_alias"] else self.tr("name")
                lines.append(self.tr("{reason}: the form's {ours_kind} “{ours}” — this case's {theirs_kind} "
                                     "“{theirs}”").format(reason=reason, ours_kind=ours_kind, ours=isolate(m["ours"]),
                                                          theirs_kind=theirs_kind, theirs=isolate(m["theirs"])))
            else:
                lines.append(self.tr("{reason}: the form's {ours_kind} “{ours}”").format(
                    reason=reason, ours_kind=ours_kind, ours=isolate(m["ours"])))
        return "\n".join(lines)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.table.resizeRowsToContents()

    def _same(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.choice = self.candidates[rows[0].row() if rows else 0]["id"]
        self.accept()

    def _new(self) -> None:
        self.choice = "new"
        self.accept()

    def exec_choice(self):
        return self.choice if self.exec() else "cancel"
