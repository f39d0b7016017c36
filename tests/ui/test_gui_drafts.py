"""Work is not lost on lock: a half-filled intake form is kept as an encrypted draft when the idle lock
clears the screen and offered back after sign-in; cancelling a changed form asks first."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from support import SUPERVISOR
from ui_helpers import all_text, click, fill, find, open_window, settle, sign_in_window, when_modal
from victimcare.ui.case.intake_dialog import IntakeDialog

NARRATIVE = "CANARY_7f3a 草稿里的叙述"


def press(box_text: str):
    """Answer the next message box by the text of one of its buttons."""
    def answer(box):
        [button] = [b for b in box.buttons() if b.text() == box_text]
        button.click()
    return when_modal(QMessageBox, answer)


def test_the_idle_lock_keeps_the_form_as_a_draft_that_comes_back(qtbot, qapp, vault_factory, fake_clock, scan):
    vault, _code, password = vault_factory(clock=fake_clock)
    window = open_window(qtbot, qapp, vault, idle_seconds=300, clock=fake_clock)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    cases = window.workspace.show_section("cases")
    typed = {}

    def type_then_walk_away(dialog):
        fill(qtbot, dialog, "姓名", "草稿测试")
        fill(qtbot, dialog, "起因、时间及经过", NARRATIVE)
        typed["dialog"] = dialog
        fake_clock.advance(301)  # the worker walked away; the next event locks
        qtbot.keyClick(find(dialog, "姓名").findChild(type(find(dialog, "曾用名/自述名"))), Qt.Key.Key_A)

    when_modal(IntakeDialog, type_then_walk_away)
    click(qtbot, cases, "新建接收登记")
    qtbot.waitUntil(lambda: window.services is None, timeout=10000)
    settle()
    assert typed and not [d for d in window.findChildren(IntakeDialog) if d.isVisible()], "closed with the lock"
    assert scan(vault.path) == [], "the draft is inside the encrypted vault, not on disk in plaintext"

    restored = {}

    def look(dialog):
        restored["name"] = find(dialog, "姓名").text()
        restored["text"] = all_text(dialog)
        dialog.close_quietly()

    when_modal(IntakeDialog, look)
    press("继续填写")
    sign_in_window(qtbot, window, SUPERVISOR, password)
    qtbot.waitUntil(lambda: "name" in restored, timeout=10000)
    assert restored["name"] == "草稿测试" and NARRATIVE in restored["text"]
    kinds = [(e["action"], e["object_type"]) for e in window.services.audit.entries(limit=20)]
    assert ("create", "draft") in kinds and ("view", "draft") in kinds
    window.close()


def test_a_discarded_draft_is_gone(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    from victimcare.services import sign_in
    s = sign_in(vault, SUPERVISOR, password)
    s.intake.save_draft({"name": "旧草稿", "sex": "F"})
    s.close()
    window = open_window(qtbot, qapp, vault)
    press("放弃")
    sign_in_window(qtbot, window, SUPERVISOR, password)
    settle()
    assert window.services.intake.draft() is None
    window.close()


def test_cancelling_a_changed_form_asks_first(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    dialog = IntakeDialog(window.services, window)
    dialog.show()
    dialog.reject()
    assert not dialog.isVisible(), "an untouched form closes without a question"
    dialog = IntakeDialog(window.services, window)
    dialog.show()
    fill(qtbot, dialog, "姓名", "还没保存")
    press("继续填写")
    dialog.reject()
    assert dialog.isVisible() and find(dialog, "姓名").text() == "还没保存"
    press("放弃")
    dialog.reject()
    assert not dialog.isVisible()
    window.close()
