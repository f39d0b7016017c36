"""What the GUI printing tests share: the Chinese wording of a string (``zh``), a window signed in on a
vault with one filled case, and the print dialog / preview / save dialog found as a user finds them.

Synthetic data only (tests/print_support.py)."""

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from print_support import make_case
from support import SUPERVISOR
from ui_helpers import open_window, settle, sign_in_window
from victimcare.services import sign_in

def zh(context: str, source: str) -> str:
    return QCoreApplication.translate(context, source)


@pytest.fixture
def station(qtbot, qapp, vault_factory):
    """(window, case id, case number): signed in as the supervisor, one case with records in every section."""
    vault, _code, password = vault_factory()
    s = sign_in(vault, SUPERVISOR, password)
    case_id = make_case(s)
    case_no = s.cases.get_case(case_id)["case_no"]
    s.close()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    window.test_password = password
    return window, case_id, case_no


def top_level(cls, qtbot, timeout: int = 10000):
    """The visible top-level window of ``cls`` (the print dialog, the preview), once shown."""
    def shown():
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, cls) and shiboken6.isValid(w) and w.isVisible()]
    qtbot.waitUntil(lambda: bool(shown()), timeout=timeout)
    return shown()[0]


def open_case(qtbot, window, case_id: int, tab: str = "overview"):
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id, tab)
    qtbot.waitUntil(lambda: cases.case_page is not None, timeout=10000)
    settle()
    return cases.case_page


def audit_entries(window, action: str | None = None) -> list[dict]:
    s = window.services.session
    entries = s.run(s.audit_log.entries, limit=500)
    return [e for e in entries if action is None or e["action"] == action]
