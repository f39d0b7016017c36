"""A damaged vault in the window (issue 8, item 2): a red band says what is damaged and that nothing can be
saved, the buttons that write are off, and the supervisor is taken to the restore; damage found by the
background page check after sign-in shows the same band within a second."""

from support import PASSWORD, SUPERVISOR
from ui_helpers import click, find, open_window, settle, sign_in_window

INTAKE = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试乙", "sex": "F",
          "birth_date": "1990-03-04"}


def older_core_swapped_back(vault, login) -> None:
    s = login(vault)
    s.intake.create(INTAKE)
    s.close()
    old = vault.compartment_path("core").read_bytes()
    s = login(vault)
    s.intake.create({**INTAKE, "name": "测试丁"}, reviewed_duplicates=[1])
    s.close()
    vault.compartment_path("core").write_bytes(old)


def test_a_vault_damaged_at_open_shows_the_band_and_leads_to_the_restore(qtbot, qapp, vault_factory, login):
    vault, _code, _pw = vault_factory()
    older_core_swapped_back(vault, login)
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    settle()
    band = find(window, "保险库损坏提示")
    assert "只能查看" in band.text() and "旧副本" in band.text()
    assert not window.new_case_action.isEnabled()
    cases = window.workspace.show_section("cases")
    assert not find(cases, "新建接收登记").isEnabled()
    click(qtbot, window, "从备份恢复")
    settings = window.workspace.pages["settings"]
    qtbot.waitUntil(lambda: settings.backups.restore_button.hasFocus() or not window.isActiveWindow(), timeout=3000)
    assert window.workspace.sections()[window.workspace.nav.currentRow()] == "settings"


def test_damage_found_after_sign_in_brings_the_band(qtbot, qapp, vault_factory):
    vault, _code, _pw = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    settle()
    assert not window.workspace.banner.isVisible()
    assert window.new_case_action.isEnabled()
    # what the background page check does when it finds a damaged page
    window.services.session.mark_damaged("core", "保险库文件“个案与身份”有 3 处损坏")
    qtbot.waitUntil(lambda: window.workspace.banner.isVisible(), timeout=3000)
    assert "有 3 处损坏" in find(window, "保险库损坏提示").text()
    assert not window.new_case_action.isEnabled()
