"""设置 → 备份与恢复 (supervisor): back up to a chosen folder, restore from a chosen generation, and how
many generations to keep and when the 工作台 reminds. Every call runs off the GUI thread."""

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (QDialog, QFileDialog, QGroupBox, QHBoxLayout, QPushButton, QSpinBox, QVBoxLayout)

from victimcare.ui.kit.display import datetime_label, role_text
from victimcare.ui.kit.tasks import run
from victimcare.ui.kit.widgets import ErrorLabel, enlarge, plain_label

OK_COLOUR = "color: #2e7d32;"


class RestoreDialog(QDialog):
    """What a verified generation holds and what restoring it means; 恢复 or 取消."""

    def __init__(self, info, vault_name: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        lay = QVBoxLayout(self)
        lay.addWidget(enlarge(plain_label(self.tr("This backup was checked and is complete.")), 1.15, bold=True))
        accounts = ", ".join(f"{name} ({role_text(role)})" for name, role in info.accounts)
        held = plain_label(self.tr("Made on: {date}\nStation code: {code}\nCases: {cases}\nAccounts in the backup: "
                                   "{accounts}").format(date=datetime_label(info.created_at), code=info.station_code,
                                                        cases=info.cases, accounts=accounts))
        held.setAccessibleName(self.tr("Backup contents"))
        lay.addWidget(held)
        warning = plain_label(self.tr(
            "Restoring puts the vault back as it was at that time: cases entered or changed since then, and the "
            "audit entries since then, will not be in the restored vault.\nAccounts and passwords go back to that "
            "time as well: accounts created since then will not exist, changed passwords become the old ones "
            "again, and accounts disabled since then can sign in again.\nThe current vault is not deleted: it is "
            "kept beside it as “{name}-replaced-…”.\nEveryone is signed out; sign in again with the account and "
            "password as they were then.").format(name=vault_name))
        warning.setWordWrap(True)
        warning.setAccessibleName(self.tr("What restoring means"))
        lay.addWidget(warning)
        row = QHBoxLayout()
        row.addStretch()
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setDefault(True)  # a destructive action is never the default
        cancel.clicked.connect(self.reject)
        restore = QPushButton(self.tr("Restore"))
        restore.setAccessibleName(self.tr("Restore"))
        restore.clicked.connect(self.accept)
        row.addWidget(cancel)
        row.addWidget(restore)
        lay.addLayout(row)


class BackupBox(QGroupBox):
    def __init__(self, services, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Backup and restore"))
        self.services = services
        lay = QVBoxLayout(self)
        row = QHBoxLayout()  # one row: the settings page must fit a 1366×768 screen at 125 % unscrolled
        self.last = plain_label("")
        self.last.setAccessibleName(self.tr("Last backup"))
        row.addWidget(self.last)
        self.backup_button = self._button(row, self.tr("Back up to…"), self.choose_backup_folder)
        self.backup_button.setToolTip(self.tr("Back up to a USB drive or external disk, and keep it locked away "
                                              "from this computer. Backups are encrypted with the vault's own keys."))
        self.restore_button = self._button(row, self.tr("Restore from backup…"), self.choose_generation)
        row.addStretch()
        self.keep = self._spin(row, self.tr("Backups to keep"), 1, 100)
        self.remind = self._spin(row, self.tr("Remind after days"), 1, 365)
        self.save_button = self._button(row, self.tr("Save backup settings"), self.save_policy)
        lay.addLayout(row)
        self.message = ErrorLabel(self.tr("Backup message"))
        lay.addWidget(self.message)

    def _button(self, row, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def _spin(self, row, label: str, low: int, high: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setAccessibleName(label)
        row.addWidget(plain_label(label))
        row.addWidget(spin)
        return spin

    def _say(self, message: str, *, ok: bool) -> None:
        self.message.setStyleSheet(OK_COLOUR if ok else "")
        self.message.show_error(message)

    def _failed(self, exc) -> None:
        self._say(exc.message, ok=False)

    # -- reading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        run(self, self.services.backup.policy, done=self._show_policy, failed=self._failed)

    def _show_policy(self, policy: dict) -> None:
        self.keep.setValue(policy["keep"])
        self.remind.setValue(policy["remind_days"])
        if policy["last_at"] is None:
            self.last.setText(self.tr("No backup of this vault has been made yet."))
        else:
            when = datetime.fromtimestamp(policy["last_at"]).isoformat(timespec="minutes")
            self.last.setText(self.tr("Last backup: {when}").format(when=datetime_label(when)))

    def save_policy(self) -> None:
        run(self, self.services.backup.set_policy, self.keep.value(), self.remind.value(), busy=self.save_button,
            done=lambda _r: self._say(self.tr("Backup settings saved."), ok=True), failed=self._failed)

    # -- backing up -------------------------------------------------------------------------------

    def choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder to back up to"))
        if folder:
            self._say(self.tr("Backing up and checking the copy… The window can be used meanwhile."), ok=True)
            run(self, self.services.backup.backup, Path(folder), busy=self.backup_button, background=True,
                done=self._backed_up, failed=self._failed)

    def _backed_up(self, result) -> None:
        text = self.tr("Backed up and checked: {folder} ({cases} cases, {seconds:.0f} s).").format(
            folder=result.folder, cases=result.cases, seconds=result.seconds)
        if result.pruned:
            text += " " + self.tr("{n} older backup(s) removed, as set below.").format(n=len(result.pruned))
        self._say(text, ok=True)
        self.refresh()

    # -- restoring --------------------------------------------------------------------------------

    def choose_generation(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose the backup to restore (a folder named VictimCare-backup-…)"))
        if folder:
            self._say(self.tr("Checking the backup…"), ok=True)
            run(self, self.services.backup.inspect, Path(folder), busy=self.restore_button, background=True,
                done=lambda info: self._confirm(Path(folder), info), failed=self._failed)

    def _confirm(self, folder: Path, info) -> None:
        dialog = RestoreDialog(info, self.services.session.vault.path.name, self)
        if not dialog.exec():
            self._say(self.tr("Restore cancelled. Nothing was changed."), ok=True)
            return
        self._say(self.tr("Restoring… Do not close the window."), ok=True)
        self.backup_button.setEnabled(False)
        run(self, self.services.backup.restore, folder, busy=self.restore_button, done=self._restored,
            failed=self._failed)

    def _restored(self, result) -> None:
        window = self.window()
        message = self.tr("The vault was restored from the backup of {date}. Sign in with the account and "
                          "password as they were then.").format(date=datetime_label(result.info.created_at))
        if hasattr(window, "after_restore"):
            window.after_restore(message)
