"""备份与恢复 in 设置 and the 工作台 reminder, as the supervisor uses them (the folder dialog answered
with a test folder)."""

import pytest
from PySide6.QtWidgets import QFileDialog

from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR, skip_first_password_change
from ui_helpers import all_text, click, find, settle, sign_in_window, when_modal
from victimcare.security.permissions import Role
from victimcare.services import sign_in
from victimcare.ui.mainwindow import MainWindow
from victimcare.ui.pages.backup_box import RestoreDialog


@pytest.fixture
def window(qtbot, qapp, vault_factory):
    vault, _code, _password = vault_factory()
    w = MainWindow(qapp, vault=vault)
    qtbot.addWidget(w)
    w.show()
    return w


def answer_folder(monkeypatch, folder):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder)))


def test_supervisor_backs_up_and_the_workbench_reminder_goes(qtbot, window, monkeypatch, tmp_path, scan):
    usb = tmp_path / "usb"
    usb.mkdir()
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    home = window.workspace.show_section("home")
    settle()
    assert "从未备份" in find(home, "备份提醒").text()

    page = window.workspace.show_section("settings")
    assert "还没有做过备份" in find(page, "上次备份").text()
    answer_folder(monkeypatch, usb)
    click(qtbot, page, "备份到")
    message = find(page, "备份提示")
    qtbot.waitUntil(lambda: "已备份并校验" in message.text(), timeout=20000)
    (generation,) = list(usb.iterdir())
    assert generation.name in message.text() and "个案 0 个" in message.text()
    settle()
    assert "上次备份：" in find(page, "上次备份").text()
    assert scan(usb) == []

    window.workspace.show_section("home")
    settle()
    assert not home.backup_note.isVisible()


def test_backup_settings_are_saved(qtbot, window):
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    page = window.workspace.show_section("settings")
    find(page, "保留备份份数").setValue(3)
    find(page, "超过几天提醒备份").setValue(14)
    click(qtbot, page, "保存备份设置")
    assert "已保存" in find(page, "备份提示").text()
    assert window.services.backup.policy()["keep"] == 3
    assert window.services.backup.policy()["remind_days"] == 14


def test_other_roles_see_no_backup_reminder(qtbot, window):
    s = sign_in(window.vault, SUPERVISOR, PASSWORD)
    s.accounts.create("shegong01", Role.SOCIAL_WORKER, OTHER_PASSWORD)
    s.close()
    skip_first_password_change(window.vault, "shegong01")
    sign_in_window(qtbot, window, "shegong01", OTHER_PASSWORD)
    window.workspace.show_section("home")
    settle()
    assert "备份" not in all_text(window.workspace)
    assert "settings" not in window.workspace.sections()


def test_supervisor_restores_a_backup_and_returns_to_sign_in(qtbot, window, monkeypatch, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    s = sign_in(window.vault, SUPERVISOR, PASSWORD)
    generation = s.backup.backup(usb).folder
    s.intake.create({"admitted_at": "2026-01-05 09:00", "arrival_mode": "self", "name": "孙测试", "sex": "F",
                     "estimated_age": "9", "age_basis": "目测", "id_status": "none"})  # after the backup
    s.close()
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    page = window.workspace.show_section("settings")
    answer_folder(monkeypatch, generation)
    seen = {}

    def answer(dialog):
        seen["contents"] = find(dialog, "备份内容").text()
        seen["means"] = find(dialog, "恢复的后果").text()
        click(qtbot, dialog, "恢复")

    when_modal(RestoreDialog, answer)
    click(qtbot, page, "从备份恢复")
    qtbot.waitUntil(lambda: window.workspace is None, timeout=20000)
    assert "个案：0 个" in seen["contents"] and SUPERVISOR in seen["contents"]
    assert "账户和密码也回到备份时" in seen["means"] and "vault-replaced-" in seen["means"]
    assert "已从" in window.login_page.error.text() and window.login_page.error.isVisible()
    assert len(list(window.vault.path.parent.glob("vault-replaced-*"))) == 1

    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    from victimcare.casework.case_list import CaseQuery
    assert window.services.cases.count(CaseQuery(status="all")) == 0, "the case entered after the backup is gone"


def test_cancelling_a_restore_changes_nothing(qtbot, window, monkeypatch, tmp_path, sha256_files):
    usb = tmp_path / "usb"
    usb.mkdir()
    s = sign_in(window.vault, SUPERVISOR, PASSWORD)
    generation = s.backup.backup(usb).folder
    s.close()
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    before = sha256_files(window.vault.path, "*.db")
    page = window.workspace.show_section("settings")
    answer_folder(monkeypatch, generation)
    when_modal(RestoreDialog, lambda dialog: click(qtbot, dialog, "取消"))
    click(qtbot, page, "从备份恢复")
    message = find(page, "备份提示")
    qtbot.waitUntil(lambda: "已取消恢复" in message.text(), timeout=20000)
    assert window.workspace is not None and sha256_files(window.vault.path, "*.db") == before


def test_a_damaged_backup_is_refused_in_chinese(qtbot, window, monkeypatch, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    s = sign_in(window.vault, SUPERVISOR, PASSWORD)
    generation = s.backup.backup(usb).folder
    s.close()
    with open(generation / "core.db", "r+b") as f:
        f.seek(5120)
        f.write(b"\x00\x01\x02")
    sign_in_window(qtbot, window, SUPERVISOR, PASSWORD)
    page = window.workspace.show_section("settings")
    answer_folder(monkeypatch, generation)
    click(qtbot, page, "从备份恢复")
    message = find(page, "备份提示")
    qtbot.waitUntil(lambda: "已损坏或被改动" in message.text(), timeout=20000)
    assert "当前保险库没有任何改动" in message.text()
