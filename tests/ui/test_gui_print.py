"""Printing in the app (qtbot, the Chinese interface, widgets by accessible name): the 打印 menu's state,
a dossier rendered with a progress bar and previewed, then saved; a cancelled render that leaves no
file and says so in the audit log; an encrypted save; nothing in the temp folder throughout."""

import hashlib
import os
import tempfile
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError

from print_gui_support import audit_entries, open_case, station, top_level, zh  # noqa: F401 (fixtures)
from ui_helpers import click, fill, find, settle
from victimcare.casework.printing import dossier_plan
from victimcare.ui.printing.dialog import PrintDialog
from victimcare.ui.printing.preview import PreviewWindow
from victimcare.ui.printing.save_dialog import SaveDialog

FILE_PASSWORD = "档案密码-2026"


def temp_files() -> list[Path]:
    return [p for p in Path(tempfile.gettempdir()).rglob("*") if p.is_file()]


def menu_state(qtbot, window) -> dict[str, bool]:
    """Open the 打印 menu as a user does and read which entries are enabled."""
    menu = window.print_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    settle()
    state = {a.text(): a.isEnabled() for a in menu.actions()}
    menu.hide()
    return state


def dossier_dialog(qtbot, window) -> PrintDialog:
    window.printing.dossier_action.trigger()
    dialog = top_level(PrintDialog, qtbot)
    qtbot.waitUntil(lambda: find(dialog, zh("PrintDialog", "Preview")).isEnabled(), timeout=10000)
    return dialog


def test_the_print_menu_offers_the_case_entries_only_with_a_case_open(qtbot, station):
    window, case_id, case_no = station
    dossier, form, blank = (zh("PrintMenu", s) for s in ("Print this case's dossier…", "Print a form…", "Blank forms"))
    assert dossier == "打印本个案专门档案…" and blank == "空白表格"
    state = menu_state(qtbot, window)
    assert state[dossier] is False and state[form] is False
    qtbot.waitUntil(lambda: menu_state(qtbot, window)[blank])  # the blank forms once the catalog is read
    page = open_case(qtbot, window, case_id)
    state = menu_state(qtbot, window)
    assert state[dossier] and state[form] and state[blank]
    page.back.emit()  # ← 返回列表
    settle()
    state = menu_state(qtbot, window)
    assert state[dossier] is False and state[form] is False


def test_preview_a_dossier_with_progress_then_save_it(qtbot, station, tmp_path, scan):
    window, case_id, case_no = station
    open_case(qtbot, window, case_id)
    dialog = dossier_dialog(qtbot, window)
    purpose = find(dialog, "用途")
    assert [purpose.itemText(i) for i in range(purpose.count())][0].startswith("存档")
    assert find(dialog, "用途说明").text(), "each purpose says in one line what it leaves out"
    assert case_no in dialog.windowTitle() and "王" not in dialog.windowTitle()
    bar = find(dialog, "生成进度", visible_only=False)
    steps = []
    bar.valueChanged.connect(steps.append)
    click(qtbot, dialog, "预览")
    assert bar.isVisible(), "the progress bar shows while the file is prepared"
    preview = top_level(PreviewWindow, qtbot, timeout=60000)
    settle()
    assert len(set(steps)) > 3 and steps[-1] == max(steps), "the bar moved section by section to the end"
    assert not temp_files(), "rendering and previewing write nothing to the temp folder"
    job = preview.job
    assert job.what == "dossier" and job.case_id == case_id and job.pages > 3
    assert preview.document.pageCount() == job.pages, "the preview shows every page"
    assert case_no in preview.windowTitle() and "王小明" not in preview.windowTitle()
    assert f"审计编号 {job.seq}" in find(preview, "预览页数").text()
    views = [e for e in audit_entries(window, "view") if e["detail"] == f"preview:of={job.seq}"]
    assert len(views) == 1 and views[0]["file_hash"] == job.sha256

    click(qtbot, preview, "另存为…")
    save = top_level(SaveDialog, qtbot)
    assert find(save, "文件").text().endswith(job.file_name) and case_no in job.file_name
    target = tmp_path / "out" / "档案.pdf"
    target.parent.mkdir()
    fill(qtbot, save, "文件", str(target))
    click(qtbot, save, "保存")
    qtbot.waitUntil(lambda: target.exists() and not save.isVisible(), timeout=20000)
    settle()
    assert "已保存到" in find(preview, "预览状态").text()
    assert os.stat(target).st_mode & 0o077 == 0, "owner-only"
    assert len(PdfReader(target).pages) == job.pages
    export = [e for e in audit_entries(window, "export") if e["detail"] == f"save:of={job.seq}"]
    assert len(export) == 1 and export[0]["file_hash"] == hashlib.sha256(target.read_bytes()).hexdigest()
    assert not temp_files() and not scan(tempfile.gettempdir())


def test_cancel_stops_the_render_leaves_no_file_and_the_audit_says_cancelled(qtbot, station, monkeypatch):
    window, case_id, _case_no = station
    reached, clicked = threading.Event(), threading.Event()
    original = dossier_plan.sections

    def sections_after_the_click(*args, **kwargs):  # the render holds here until 取消 has been clicked
        reached.set()
        clicked.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(dossier_plan, "sections", sections_after_the_click)
    open_case(qtbot, window, case_id)
    dialog = dossier_dialog(qtbot, window)
    bar, note = find(dialog, "生成进度", visible_only=False), find(dialog, "打印状态", visible_only=False)
    cancel, error = find(dialog, "取消"), find(dialog, "打印错误", visible_only=False)
    click(qtbot, dialog, "预览")
    assert bar.isVisible()
    qtbot.waitUntil(reached.is_set, timeout=20000)  # the print's audit entry is written: rendering began
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # while the render is under way
    assert "正在取消" in note.text()
    clicked.set()
    qtbot.waitUntil(lambda: "已取消" in error.text(), timeout=20000)
    assert not find(dialog, "生成进度", visible_only=False).isVisible()
    assert dialog.isVisible() and dialog.job is None
    assert not [w for w in window.findChildren(PreviewWindow)], "no preview of a cancelled render"
    entries = audit_entries(window, "print")
    started = next(e for e in entries if e["detail"] == "dossier")
    cancelled = [e for e in entries if e["detail"] == f"cancelled:of={started['seq']}"]
    assert len(cancelled) == 1 and cancelled[0]["result"] == "error"
    assert not [e for e in entries if e["detail"] == f"rendered:of={started['seq']}"]
    assert not temp_files()
    click(qtbot, dialog, "取消")  # now it closes the dialog
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_an_encrypted_save_opens_only_with_its_password(qtbot, station, tmp_path):
    window, case_id, case_no = station
    open_case(qtbot, window, case_id)
    window.printing.form_action.trigger()
    dialog = top_level(PrintDialog, qtbot)
    qtbot.waitUntil(lambda: find(dialog, "表格").count() > 3, timeout=10000)
    dialog.choose_form("F1")
    click(qtbot, dialog, "预览")
    preview = top_level(PreviewWindow, qtbot, timeout=30000)
    qtbot.waitUntil(lambda: find(preview, "另存为…").isEnabled(), timeout=10000)
    click(qtbot, preview, "另存为…")
    save = top_level(SaveDialog, qtbot)
    assert not find(save, "密码提示", visible_only=False).isVisible()
    fill(qtbot, save, "加密（AES-256）", True)
    warning = find(save, "密码提示")
    assert "无法找回" in warning.text()
    target = tmp_path / "F1.pdf"
    fill(qtbot, save, "文件", str(target))
    fill(qtbot, save, "文件密码", FILE_PASSWORD)
    fill(qtbot, save, "再次输入密码", FILE_PASSWORD + "x")
    click(qtbot, save, "保存")
    assert "不一致" in find(save, "再次输入密码错误提示").text()
    assert not target.exists(), "nothing is written while the passwords differ"
    fill(qtbot, save, "再次输入密码", FILE_PASSWORD)
    click(qtbot, save, "保存")
    qtbot.waitUntil(lambda: target.exists() and not save.isVisible(), timeout=20000)
    settle()
    assert "加密" in find(preview, "预览状态").text()
    reader = PdfReader(target)
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert not PdfReader(target).decrypt("wrong-password")
    reader = PdfReader(target)
    assert reader.decrypt(FILE_PASSWORD)
    assert case_no in "".join(page.extract_text() for page in reader.pages)
    export = [e for e in audit_entries(window, "export") if e["detail"] == f"save;encrypted:of={preview.job.seq}"]
    assert len(export) == 1
    assert not temp_files()
