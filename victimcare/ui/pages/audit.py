"""审计: the audit log, newest first, and the integrity verification (auditor, supervisor)."""

from datetime import datetime

from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from victimcare.casework import audit_words
from victimcare.security.audit import ACTION_LABELS, CATEGORY_LABELS, RESULT_LABELS
from victimcare.ui.i18n import english
from victimcare.security.permissions import Role
from victimcare.ui.kit.display import joined, role_text, vocab_text
from victimcare.ui.kit.models import PagedTableModel
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ERROR, plain_label

ROLES = {r.value for r in Role}


class AuditPage(QWidget):
    def __init__(self, services, workspace=None):
        super().__init__(workspace)
        self.services = services
        columns = [
            ("seq", self.tr("No."), lambda r: str(r["seq"])),
            ("ts", self.tr("Time"), lambda r: _local(r["ts_utc"])),
            ("actor", self.tr("Account"), _who),
            ("role", self.tr("Role"), lambda r: role_text(r["role"]) if r["role"] in ROLES else r["role"]),
            ("action", self.tr("Action"), lambda r: vocab_text(ACTION_LABELS, r["action"])),
            ("object", self.tr("Object"), _object),
            ("result", self.tr("Result"), lambda r: vocab_text(RESULT_LABELS, r["result"])),
            ("detail", self.tr("Detail"), lambda r: " ".join(x for x in (_categories(r["categories"]),
                                                                       audit_words.row_detail(r, english())) if x)),
        ]
        self.model = PagedTableModel(columns, self._fetch, self)
        self.table = QTableView()
        self.table.setAccessibleName(self.tr("Audit log"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.head_label = plain_label("")
        self.head_label.setAccessibleName(self.tr("Chain head"))
        self.result_label = plain_label("")
        self.result_label.setAccessibleName(self.tr("Verification result"))
        self.result_label.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("Verify vault and audit chain"))
        self.verify_button.setAccessibleName(self.tr("Verify"))
        self.verify_button.clicked.connect(self.verify)
        top = QHBoxLayout()
        title = QLabel(self.tr("Audit log"))
        title.setStyleSheet("font-weight: bold;")
        top.addWidget(title)
        top.addStretch()
        top.addWidget(self.verify_button)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.head_label)
        lay.addWidget(self.result_label)
        lay.addWidget(self.table, 1)

    def _fetch(self, cursor, limit):
        rows = self.services.audit.entries(before_seq=cursor, limit=limit)
        return rows, (rows[-1]["seq"] if rows else None)

    def refresh(self) -> None:
        run(self, self.services.audit.head, done=self._show_head, failed=lambda exc: self.head_label.setText(exc.message))
        self.model.reset()

    def _show_head(self, head) -> None:
        seq, digest = head
        self.head_label.setText(self.tr("Chain head: entry {seq}, hash {hash}").format(seq=seq, hash=digest[:16]))

    def verify(self) -> None:
        self.result_label.setStyleSheet("")
        self.result_label.setText(self.tr("Checking every page of every compartment…"))
        run(self, self.services.integrity.verify, busy=self.verify_button, background=True, done=self._verified,
            failed=self._failed)

    def _verified(self, report) -> None:
        self.result_label.setStyleSheet("" if report.ok else f"color: {ERROR};")
        self.result_label.setText("\n".join(report.lines()))
        self.refresh()

    def _failed(self, exc) -> None:
        self.result_label.setStyleSheet(f"color: {ERROR};")
        self.result_label.setText(exc.message)


def _who(row: dict) -> str:
    """The staff ID and, for the roles that read the log, the account name it stands for."""
    name = row.get("actor_name", "")
    return row["actor"] if not name or name == row["actor"] else _aside(name, row["actor"])


def _object(row: dict) -> str:
    text, name = audit_words.object_text(row, english()), row.get("object_name", "")
    return _aside(text, name) if name and name != row["object_id"] else text


def _aside(text: str, note: str) -> str:
    return f"{text} ({note})" if english() else f"{text}（{note}）"


def _categories(codes: str) -> str:
    return joined(vocab_text(CATEGORY_LABELS, c) for c in codes.split(",") if c)


def _local(ts_utc: str) -> str:
    try:
        return datetime.fromisoformat(ts_utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return ts_utc
