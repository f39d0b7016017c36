"""The window never waits on the database or the key derivation: every service call a screen makes
runs on a worker thread while a busy indicator shows. Checked at the gate every call passes."""

import threading

import pytest

from ui_helpers import click, fill, find, open_window, settle, sign_in_window
from victimcare.security import session as session_module
from victimcare.security import vault as vault_module
from victimcare.services import sign_in
from victimcare.ui.kit.tasks import activity

SUPERVISOR = "zhanzhang"


@pytest.fixture
def gui_thread_calls(monkeypatch):
    """Names of gated calls (and sign-ins) that ran on the GUI thread."""
    calls = []
    check_open = session_module.Session.check_open
    login = vault_module.Vault.login

    def watched_check_open(self):
        if threading.current_thread() is threading.main_thread():
            import traceback
            calls.append(traceback.extract_stack(limit=4)[0].name)
        return check_open(self)

    def watched_login(self, *args, **kwargs):
        if threading.current_thread() is threading.main_thread():
            calls.append("login")
        return login(self, *args, **kwargs)

    monkeypatch.setattr(session_module.Session, "check_open", watched_check_open)
    monkeypatch.setattr(vault_module.Vault, "login", watched_login)
    return calls


def test_every_screen_reads_and_writes_off_the_gui_thread(qtbot, qapp, vault_factory, gui_thread_calls):
    vault, _code, password = vault_factory()
    s = sign_in(vault, SUPERVISOR, password)  # test set-up on purpose on this thread: not counted below
    case_id = s.intake.create({"admitted_at": "2026-01-05 09:00", "arrival_mode": "self", "name": "孙测试",
                               "sex": "F", "estimated_age": "9", "age_basis": "目测", "id_status": "none"})
    s.close()
    gui_thread_calls.clear()

    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    busy_seen = []
    watch = lambda n: busy_seen.append(n > 0 and window.busy.isVisibleTo(window))
    activity.changed.connect(watch)
    for section in window.workspace.sections():
        window.workspace.show_section(section)
        settle()
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id)
    settle()
    cases.case_page.show_tab("intake")
    settle()
    assert "敏感" in find(cases.case_page, "敏感信息提示").text()
    assert gui_thread_calls == [], f"service calls made on the GUI thread: {gui_thread_calls}"
    activity.changed.disconnect(watch)
    assert any(busy_seen), "the busy indicator showed while calls ran"
    window.close()
