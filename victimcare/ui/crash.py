"""Crash dialog and local crash log. The log holds exception types and code locations only:
messages and local values may contain personal data, so they are never written."""

import sys
import traceback
from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from victimcare.core.fsutil import ensure_private_dir, write_private_file
from victimcare.core.paths import log_dir


def crash_report(exc_type, exc, tb) -> str:
    frames = traceback.extract_tb(tb)
    lines = [f"VictimCare crash {datetime.now().isoformat(timespec='seconds')}",
             f"{exc_type.__module__}.{exc_type.__qualname__}"]
    lines += [f"  {f.filename.rsplit('victimcare', 1)[-1]}:{f.lineno} in {f.name}" for f in frames]
    return "\n".join(lines) + "\n"


def write_crash_log(exc_type, exc, tb) -> str:
    folder = ensure_private_dir(log_dir())
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}.log"
    write_private_file(path, crash_report(exc_type, exc, tb).encode("utf-8"))
    return str(path)


def install_excepthook(parent_getter=lambda: None) -> None:
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            path = write_crash_log(exc_type, exc, tb)
        except OSError:
            path = "-"
        box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Crash", "Unexpected error"),
                          QCoreApplication.translate(
                              "Crash", "VictimCare hit an unexpected error. Your saved records are safe. "
                                       "A report without any personal data was written to:\n{path}\n"
                                       "Please give this file to IT support.").format(path=path),
                          parent=parent_getter())
        box.exec()

    sys.excepthook = hook
