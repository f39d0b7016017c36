"""The case page's header card: photo, name and aliases, sex and age, number, flags, days in care."""

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout

from victimcare.casework.steps.intake.rules import age_years
from victimcare.ui.kit.display import age_label, days_in_care, joined, sex_label
from victimcare.ui.kit.widgets import ACCENT, enlarge, isolate, plain_label


def _tag(text: str, colour: str) -> QLabel:
    tag = plain_label(text)
    tag.setStyleSheet(f"color: white; background: {colour}; border-radius: 3px; padding: 1px 6px;")
    return tag


class CaseHeader(QFrame):
    def __init__(self, case: dict, photo: tuple[str, bytes] | None, parent=None):
        super().__init__(parent)
        c = case
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Case header"))
        row = QHBoxLayout(self)
        picture = QLabel()
        picture.setFixedSize(90, 112)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setStyleSheet("border: 1px solid #ccc;")
        picture.setAccessibleName(self.tr("Photo"))
        if photo:
            pix = QPixmap()
            pix.loadFromData(photo[1])
            picture.setPixmap(pix.scaled(90, 112, Qt.AspectRatioMode.KeepAspectRatio,
                                         Qt.TransformationMode.SmoothTransformation))
        else:
            picture.setText(self.tr("No photo"))
        row.addWidget(picture)
        info = QVBoxLayout()
        title = plain_label(isolate(c["name"] or self.tr("Name unknown"), 64))
        title.setAccessibleName(self.tr("Case name"))
        enlarge(title, 1.4, bold=True)
        title.setWordWrap(True)  # a long name wraps rather than widening the window
        info.addWidget(title)
        if c["aliases"]:
            aliases = plain_label(self.tr("Also known as: {names}").format(
                names=joined(isolate(a, 30) for a in c["aliases"])))
            aliases.setAccessibleName(self.tr("Aliases"))
            aliases.setWordWrap(True)
            info.addWidget(aliases)
        facts = plain_label("  ·  ".join(x for x in (
            sex_label(c["sex"]), age_label(c["birth_date"], c["birth_estimated"]),
            self.tr("Case {no}").format(no=c["case_no"]),
            self.tr("{n} days in care").format(
                n=days_in_care(c["admitted_at"], left_iso=c.get("left_on") or c.get("closed_at") or "")),
            self.tr("Worker: {w}").format(w=c["assigned_worker"])) if x))
        facts.setAccessibleName(self.tr("Case facts"))
        facts.setWordWrap(True)
        info.addWidget(facts)
        tags = QHBoxLayout()
        for key, text, colour in (("flag_trafficking", self.tr("Rescued from trafficking"), ACCENT),
                                  ("suspected_trafficking", self.tr("Suspected trafficking"), ACCENT),
                                  ("flag_disabled", self.tr("Disability"), "#5b6b7a"),
                                  ("flag_foreign", self.tr("Foreign national"), "#5b6b7a")):
            if c.get(key):
                tags.addWidget(_tag(text, colour))
        age = age_years(c["birth_date"], date.today())
        if age is not None and age < 18:
            tags.addWidget(_tag(self.tr("Minor"), "#2e7d32"))
        if c["status"] == "closed":
            tags.addWidget(_tag(self.tr("Closed"), "#616161"))
        tags.addStretch()
        info.addLayout(tags)
        row.addLayout(info, 1)
