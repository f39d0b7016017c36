"""The recovery wrap travels with every backup (issue 11, item 4): a vault restored from a backup on a
new machine opens with the recovery code even when every supervisor password is lost."""

import json

import pytest

from support import PASSWORD, SUPERVISOR, SignedIn
from victimcare.casework.backup import restore_without_session
from victimcare.core.errors import WrongPassword
from victimcare.security.vault import Vault

NEW_PASSWORD = "另一句只有站长知道的话 and more words 99"


def test_the_recovery_code_opens_a_vault_restored_from_a_backup(vault_factory, tmp_path):
    vault, code, _ = vault_factory()
    usb = tmp_path / "usb"
    usb.mkdir()
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    result = s.backup.backup(usb)
    s.close()
    backed_up = json.loads((result.folder / "keyring.json").read_text(encoding="utf-8"))
    assert backed_up["recovery"]["keys"].keys() == {"core", "sensitive", "school", "audit"}

    target = tmp_path / "new-machine" / "vault"
    restore_without_session(target, result.folder, SUPERVISOR, PASSWORD)
    restored = Vault(target)
    with pytest.raises(WrongPassword):
        restored.recover("00000-00000-00000-00000-00000", SUPERVISOR, NEW_PASSWORD)
    restored.recover(code, SUPERVISOR, NEW_PASSWORD)  # the password is forgotten: the sealed code
    session = Vault(target).login(SUPERVISOR, NEW_PASSWORD)
    assert session.compartments() == {"core", "sensitive", "school", "audit"}
    session.close()
    with pytest.raises(WrongPassword):
        Vault(target).login(SUPERVISOR, PASSWORD)
