"""The case page: header card, then one tab per step in the order of the work (only the tabs this
role may read), each marked with its status and a red dot when something is overdue.

Everything the page shows is read off the GUI thread first (``load_case``), then the page is built
from that bundle. A step's tab lives in ``victimcare/ui/case/tabs/<home>.py`` (``<home>`` as in the
step registry) and is found there: the module defines ``make_tab(services, bundle) -> QWidget`` and may
define ``visible(services, bundle) -> bool``. A tab widget with a ``changed`` signal makes the page
show the case afresh (one with ``refreshes_itself`` keeps itself and the page updates around it); one
with ``shown()`` hears when it is brought to the front.
"""

TABS_PACKAGE = "victimcare.ui.case.tabs"


def step_tabs() -> list[tuple[str, object]]:
    """(step code, tab module) for every step that has a tab, in the registry's order."""
    found = []
    for step in STEPS:
        name = f"{TABS_PACKAGE}.{step.home or step.code}"
        if find_spec(name) is not None:
            found.append((step.code, import_module(name)))
    return found

from dataclasses import dataclass
from importlib import import_module
from importlib.util import find_spec

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QTabWidget, QVBoxLayout, QWidget

from victimcare.casework.steps import CODES, DEADLINE_ONLY, STEPS
from victimcare.domain.deadlines import OVERDUE
from victimcare.ui.case.header import CaseHeader
from victimcare.ui.case.tabs.overview import OverviewTab
from victimcare.ui.kit.display import status_text, step_text
from victimcare.ui.kit.tasks import run
from victimcare.ui.printing.step_button import StepPrintBar


@dataclass
class CaseBundle:
    case: dict
    deadlines: list
    timeline: list[dict]
    photo: tuple[str, bytes] | None


def load_case(services, case_id: int) -> CaseBundle:
    """Everything the page shows (worker thread): each read is its own audited operation."""
    case = services.cases.get_case(case_id)
    return CaseBundle(case=case, deadlines=services.deadlines.for_case(case_id),
                      timeline=services.cases.timeline(case_id),
                      photo=services.cases.photo(case_id) if case["has_photo"] else None)


def recorded_under(deadline_step: str) -> str:
    """The step whose tab shows a deadline (follow-up visit deadlines are the followup step's)."""
    only = DEADLINE_ONLY.get(deadline_step)
    return only.under if only is not None else deadline_step


class CasePage(QWidget):
    back = Signal()
    changed = Signal(int, str)  # case id, tab: something was recorded, show the case afresh

    def __init__(self, services, bundle: CaseBundle, parent=None):
        super().__init__(parent)
        self.services = services
        self.case = bundle.case
        self.case_id = bundle.case["id"]
        self.deadlines = bundle.deadlines
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        back = QPushButton(self.tr("← Back to list"))
        back.setAccessibleName(self.tr("Back to list"))
        back.clicked.connect(self.back)
        top.addWidget(back)
        top.addStretch()
        lay.addLayout(top)
        self.header = CaseHeader(bundle.case, bundle.photo)
        lay.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Case steps"))
        self.tab_codes: list[str] = []
        self._bundle = bundle
        self._made: dict[int, QWidget] = {}
        self._add_tab("overview", self.tr("Overview"), self._overview)
        for code, module in step_tabs():
            if getattr(module, "visible", lambda _s, _b: True)(services, bundle):
                self._add_tab(code, step_text(code), lambda m=module: self._step_tab(m))
        lay.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(0)

    def _overview(self) -> QWidget:
        overview = OverviewTab(self.services, self._bundle)
        overview.changed.connect(self.changed)
        return overview

    def _step_tab(self, module) -> QWidget:
        tab = module.make_tab(self.services, self._bundle)
        changed = getattr(tab, "changed", None)
        if changed is not None:  # a tab that shows its own new records keeps them; others are rebuilt
            changed.connect(self._tab_recorded if getattr(tab, "refreshes_itself", False) else self._rebuild)
        return tab

    def _rebuild(self, *_args) -> None:
        self.changed.emit(self.case_id, self.tab_codes[self.tabs.currentIndex()])

    def _tab_recorded(self, *_args) -> None:
        """A step tab saved a record and shows it already: read the case again and bring the rest of
        the page up to date (header, tab titles; other tabs are built afresh when next shown) while
        the tab itself stays as the user left it."""
        run(self, load_case, self.services, self.case_id, done=self._refreshed)

    def _refreshed(self, bundle: CaseBundle) -> None:
        self._bundle, self.case, self.deadlines = bundle, bundle.case, bundle.deadlines
        header = CaseHeader(bundle.case, bundle.photo)
        self.layout().replaceWidget(self.header, header)
        self.header.deleteLater()
        self.header = header
        current = self.tabs.currentIndex()
        for index, code in enumerate(self.tab_codes):
            self.tabs.setTabText(index, self._title(code, self.tabs.tabText(index) if code == "overview"
                                                    else step_text(code)))
            if index != current and index in self._made:
                stale = self._made.pop(index)
                self.tabs.widget(index).layout().removeWidget(stale)
                stale.deleteLater()

    def _add_tab(self, code: str, title: str, make) -> None:
        """A tab whose content is built the first time it is shown: opening a case lays out one tab,
        not twelve (that is most of the window's work in opening a case)."""
        title = self._title(code, title)
        holder = QWidget()
        holder.make = make
        QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
        if code != "overview":  # each step's tab prints that step's forms (hidden where it has none)
            holder.layout().addWidget(StepPrintBar(self.services, code, self.case))
        self.tabs.addTab(holder, title)
        self.tab_codes.append(code)

    def _title(self, code: str, title: str) -> str:
        """A step's tab title: its name, its status, a red dot when something is overdue."""
        if code == "overview":
            return title
        step = self.case["steps"].get(code, {})
        overdue = any(d.status == OVERDUE and recorded_under(d.step) == code for d in self.deadlines)
        return f"{'● ' if overdue else ''}{title} · {status_text(step.get('status', 'not_started'))}"

    def tab(self, code: str) -> QWidget:
        """The content of a step's tab, built now if it has not been shown yet."""
        index = self.tab_codes.index(code)
        if index not in self._made:
            holder = self.tabs.widget(index)
            self._made[index] = holder.make()
            holder.layout().addWidget(self._made[index])
        return self._made[index]

    def show_tab(self, code: str) -> None:
        if code in self.tab_codes:
            self.tabs.setCurrentIndex(self.tab_codes.index(code))
        elif code in CODES:  # a step whose tab does not exist yet: show the overview
            self.tabs.setCurrentIndex(0)

    def _tab_changed(self, index: int) -> None:
        if index < 0:
            return
        shown = getattr(self.tab(self.tab_codes[index]), "shown", None)
        if shown is not None:
            shown()
