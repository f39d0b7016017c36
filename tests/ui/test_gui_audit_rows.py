"""What the audit log says of signing in, locking and opening a case through the window: only what the
person did, each once, and the lock screen tells a return from a colleague signing in."""

import pytest
from PySide6.QtCore import Qt

from support import SUPERVISOR, staff_id
from ui_helpers import find, open_window, settle, sign_in_window
from victimcare.security.permissions import Role

COLLEAGUE = "colleague"
INTAKE = {"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer", "name": "王小明测试", "sex": "M",
          "estimated_age": "10", "age_basis": "目测", "id_status": "none"}


def rows_after(services, seq: int) -> list[dict]:
    """The entries after ``seq``, oldest first, read underneath the services (reading through the audit
    service would itself be an entry)."""
    s = services.session
    return [r for r in s.run(lambda: s.audit_log.entries(limit=500, newest_first=False)) if r["seq"] > seq]


def head(vault, login) -> int:
    signed = login(vault)
    seq = signed.session.run(signed.session.audit_log.head)[0]
    signed.close()
    return seq + 1  # the supervisor's own logout above


def what(rows) -> list[tuple]:
    return [(r["actor"], r["action"], r["object_type"], r["result"]) for r in rows]


@pytest.mark.parametrize("role", list(Role))
def test_signing_in_logs_the_sign_in_and_nothing_else(qtbot, qapp, vault_factory, login, add_account, role):
    vault, _code, password = vault_factory()
    account = SUPERVISOR
    if role != Role.SUPERVISOR:
        signed = login(vault)
        signed.intake.create(dict(INTAKE))  # a case in the vault, as on any working day
        password = add_account(signed, COLLEAGUE, role)
        signed.close()
        account = COLLEAGUE
    before = head(vault, login)
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, account, password)
    settle()
    assert what(rows_after(window.services, before)) == [(staff_id(vault, account), "login", "", "ok")]


def test_a_colleague_signing_in_at_the_lock_screen_is_a_sign_in(qtbot, qapp, vault_factory, login, add_account):
    vault, _code, password = vault_factory()
    signed = login(vault)
    other = add_account(signed, COLLEAGUE, Role.SOCIAL_WORKER)
    signed.close()
    before = head(vault, login)
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    window.lock()
    assert find(window, "账户").text() == SUPERVISOR  # the lock screen offers the one who locked it
    sign_in_window(qtbot, window, COLLEAGUE, other)
    settle()
    window.lock()  # and the colleague's own return is an unlock
    sign_in_window(qtbot, window, COLLEAGUE, other)
    settle()
    me, colleague = staff_id(vault, SUPERVISOR), staff_id(vault, COLLEAGUE)
    assert [(a, act) for a, act, _o, _r in what(rows_after(window.services, before))] == [
        (me, "login"), (me, "lock"), (colleague, "login"), (colleague, "lock"), (colleague, "unlock")]


def test_the_lock_screen_compares_names_as_sign_in_does():
    from victimcare.ui.login import sign_in_action
    assert sign_in_action("zhanzhang", " zhanzhang ") == "unlock"
    assert sign_in_action("zhanzhang", "shegong01") == "login"
    assert sign_in_action("", "zhanzhang") == "login"  # a fresh start is never an unlock


def test_a_double_click_opens_a_case_once(qtbot, qapp, vault_factory, login):
    vault, _code, password = vault_factory()
    signed = login(vault)
    case_id = signed.intake.create(dict(INTAKE))
    case_no = signed.cases.get_case(case_id)["case_no"]
    signed.close()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    settle()
    before = rows_after(window.services, 0)[-1]["seq"]
    page = window.workspace.show_section("cases")
    table = find(page, "个案列表")
    qtbot.waitUntil(lambda: settle() or table.model().rowCount() == 1)
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does:
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    qtbot.waitUntil(lambda: settle() or page.current_case() is not None)
    settle()
    opened = [r for r in rows_after(window.services, before) if r["action"] == "view" and r["object_type"] == "case"]
    assert len(opened) == 1
    assert page.current_case() == (case_id, case_no)
