"""Printing in the app, continued: the education officer is offered the school purpose only; a blank F15
from the 打印 menu without a case; a step tab's print button offers that step's forms; printing to a
QPrinter set to PDF output produces the pages and the print is audited."""

import io
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton
from pypdf import PdfReader

from print_gui_support import audit_entries, open_case, station, top_level  # noqa: F401 (fixtures)
from print_support import PSEUDONYM, REAL_NAME, SENSITIVE, make_case
from support import SUPERVISOR
from test_gui_cases import signed_in  # noqa: F401 (the fixture)
from ui_helpers import click, find, settle
from victimcare.security.permissions import Role
from victimcare.services import sign_in
from victimcare.ui.printing.dialog import PrintDialog
from victimcare.ui.printing.preview import PreviewWindow


def preview_of(qtbot, dialog) -> PreviewWindow:
    qtbot.waitUntil(lambda: find(dialog, "预览").isEnabled(), timeout=10000)
    click(qtbot, dialog, "预览")
    preview = top_level(PreviewWindow, qtbot, timeout=60000)
    qtbot.waitUntil(lambda: find(preview, "打印…").isEnabled(), timeout=10000)
    return preview


def test_the_education_officer_is_offered_the_school_purpose_only(qtbot, signed_in, vault_factory):
    vault, _code, password = vault_factory()
    s = sign_in(vault, SUPERVISOR, password)
    case_id = make_case(s)
    s.close()
    signed_in.password = password
    window = signed_in("jiaoyu", Role.EDUCATION_OFFICER, vault=vault)
    ledger = window.workspace.show_section("school")
    table = find(ledger, "入学安置台账")
    qtbot.waitUntil(lambda: table.model().rowCount() == 1)
    assert not window.printing.dossier_action.isEnabled(), "no child selected yet"
    table.selectRow(0)
    qtbot.waitUntil(window.printing.dossier_action.isEnabled)
    window.printing.dossier_action.trigger()
    dialog = top_level(PrintDialog, qtbot)
    purpose = find(dialog, "用途")
    qtbot.waitUntil(lambda: purpose.count() > 0)
    assert [purpose.itemData(i) for i in range(purpose.count())] == ["school"]
    preview = preview_of(qtbot, dialog)
    assert preview.job.case_id == case_id and preview.job.profile == "school"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.job.pdf)).pages)
    assert PSEUDONYM in text and REAL_NAME not in text


def test_a_blank_f15_from_the_menu_needs_no_case(qtbot, station):
    window, _case_id, _case_no = station
    blank_menu = window.printing.blank_menu
    qtbot.waitUntil(lambda: len(blank_menu.actions()) == 2, timeout=10000)
    action = next(a for a in blank_menu.actions() if a.data() == "F15")
    assert action.text().startswith("F15") and "空白表" in action.text()
    assert window.workspace.current_case() is None
    action.trigger()
    dialog = top_level(PrintDialog, qtbot)
    assert not find(dialog, "用途", visible_only=False).isVisible(), "a blank form has no purpose to choose"
    preview = preview_of(qtbot, dialog)
    job = preview.job
    assert job.blank and job.what == "F15" and "空白表" in preview.windowTitle()
    assert any(e["detail"] == f"preview:of={job.seq}" for e in audit_entries(window, "view"))
    assert not [p for p in Path(tempfile.gettempdir()).rglob("*") if p.is_file()]


def test_a_step_tab_prints_its_own_forms(qtbot, station):
    window, case_id, case_no = station
    page = open_case(qtbot, window, case_id, "legal_aid")
    tab_holder = page.tabs.currentWidget()
    click(qtbot, tab_holder, "打印本步骤表格")
    dialog = top_level(PrintDialog, qtbot)
    forms = find(dialog, "表格")
    qtbot.waitUntil(lambda: forms.count() > 0, timeout=10000)
    assert [forms.item(i).text().split()[0] for i in range(forms.count())] == ["F8"]
    preview = preview_of(qtbot, dialog)
    assert preview.job.what == "F8" and preview.job.case_id == case_id
    assert case_no in preview.windowTitle()
    preview.close()
    # The overview has no print button; a step without forms (社会服务) shows none.
    page.show_tab("social")
    settle()
    assert not [b for b in page.tabs.currentWidget().findChildren(QPushButton)
                if b.accessibleName() == "打印本步骤表格" and b.isVisible()]


def test_printing_to_a_pdf_printer_sends_every_page_and_is_audited(qtbot, station, tmp_path):
    window, case_id, _case_no = station
    open_case(qtbot, window, case_id)
    window.printing.dossier_action.trigger()
    preview = preview_of(qtbot, top_level(PrintDialog, qtbot))
    job = preview.job
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(100)  # enough to see the pages; keeps the test quick
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    preview.print_to(printer)  # what 打印… does once the system print dialog is accepted
    status = find(preview, "预览状态", timeout=60)
    qtbot.waitUntil(lambda: "送往打印机" in status.text() and "正在" not in status.text(), timeout=60000)
    settle()
    assert f"已把 {job.pages} 页" in status.text()
    assert len(PdfReader(out).pages) == job.pages
    printed = [e for e in audit_entries(window, "print") if e["detail"] == f"printed:of={job.seq}"]
    assert len(printed) == 1 and printed[0]["file_hash"] == job.sha256 and printed[0]["record_count"] == job.pages


def test_locking_closes_the_preview_and_its_file_goes_with_it(qtbot, station):
    window, case_id, _case_no = station
    open_case(qtbot, window, case_id)
    window.printing.dossier_action.trigger()
    preview_of(qtbot, top_level(PrintDialog, qtbot))
    window.lock()
    qtbot.waitUntil(lambda: not window.findChildren(PreviewWindow) and not window.findChildren(PrintDialog))
    assert not window.print_menu.isEnabled(), "nothing to print while locked"


def test_the_court_copy_adds_the_health_records_only_when_ticked(qtbot, station):
    window, case_id, _case_no = station
    open_case(qtbot, window, case_id)
    texts = {}
    for ticked in (False, True):
        window.printing.dossier_action.trigger()
        dialog = top_level(PrintDialog, qtbot)
        purpose = find(dialog, "用途")
        qtbot.waitUntil(lambda: purpose.count() == 4)
        purpose.setCurrentIndex(purpose.findData("court"))
        health = find(dialog, "附入首次健康检查、伤情及医疗、心理记录")
        assert not health.isChecked(), "left out unless asked for"
        if ticked:
            qtbot.mouseClick(health, Qt.MouseButton.LeftButton, pos=health.rect().topLeft() + QPoint(8, 8))
            assert health.isChecked()
        preview = preview_of(qtbot, dialog)
        texts[ticked] = "".join(p.extract_text() for p in PdfReader(io.BytesIO(preview.job.pdf)).pages)
        preview.close()
        settle()
    assert SENSITIVE["diagnosis"] not in texts[False] and SENSITIVE["diagnosis"] in texts[True]
