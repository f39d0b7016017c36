"""Opens every window and dialog, as a user meets them, and reports their sizes as JSON.

Run in a fresh process (QT_SCALE_FACTOR must be set before the QApplication exists) by
test_gui_screen_fit.py, or by hand under Xvfb to look at the screens::

    QT_SCALE_FACTOR=1.25 python tests/ui/screen_fit_probe.py VAULT PASSWORD SCRATCH OUT.json [--shots DIR]

VAULT is a vault with the supervisor ``zhanzhang`` and PASSWORD; SCRATCH an empty folder (the setup
page creates nothing there unless asked). With ``--shots`` a PNG of each window and of the whole
screen is saved in DIR.
"""

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget

SUPERVISOR = "zhanzhang"
LONG_NAME = "欧阳𠮷祥·阿卜杜热合曼·买买提明·努尔艾合麦提·司马司徒慕容长孙上官夏侯诸葛皇甫尉迟公羊"
ALIASES = "小明；明明；阿明；老三；欧阳小明；买买提；努尔；三娃子；𠮷祥；司马明"


def wait(condition, timeout: float = 20.0) -> None:
    from victimcare.ui.kit.tasks import activity
    deadline = time.monotonic() + timeout
    while not (condition() and activity.idle):
        QApplication.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish in time")
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def button(root: QWidget, name: str) -> QAbstractButton:
    for w in root.findChildren(QAbstractButton):
        if w.accessibleName() == name or w.text() == name:
            return w
    raise LookupError(f"{type(root).__name__} has no button {name!r}")


class Probe:
    def __init__(self, app, shots: Path | None):
        self.app = app
        self.shots = shots
        self.report = {"screen": rect(app.primaryScreen().availableGeometry()),
                       "scale": app.primaryScreen().devicePixelRatio(), "windows": {}}

    def measure(self, key: str, window: QWidget, buttons: list[str], before=None) -> dict:
        """Size hints, frame and the buttons that must stay visible, in the window's coordinates."""
        wait(lambda: True)
        entry = {"class": type(window).__name__, "frame": rect(window.frameGeometry()),
                 "geometry": rect(window.geometry()), "size_hint": [window.sizeHint().width(), window.sizeHint().height()],
                 "min_size_hint": [window.minimumSizeHint().width(), window.minimumSizeHint().height()],
                 "min_size": [window.minimumSize().width(), window.minimumSize().height()], "buttons": {}}
        if before is not None:
            entry["size_before"] = before
        page = getattr(getattr(window, "workspace", None), "stack", None)
        if page is not None:  # the scroll area around the page shown: does the page fit, or scroll?
            area = page.currentWidget()
            entry["page_scrolls"] = ([area.horizontalScrollBar().isVisible(), area.verticalScrollBar().isVisible()]
                                     if isinstance(area, QAbstractScrollArea) else [False, False])
        for name in buttons:
            b = button(window, name)
            top_left = b.mapTo(window, QPoint(0, 0))
            visible = b.visibleRegion().boundingRect()
            entry["buttons"][name] = {"rect": [top_left.x(), top_left.y(), b.width(), b.height()],
                                      "visible": b.isVisible() and visible == b.rect()}
        self.report["windows"][key] = entry
        if self.shots is not None:
            self.shots.mkdir(parents=True, exist_ok=True)
            window.grab().save(str(self.shots / f"{key}.png"))
            self.app.primaryScreen().grabWindow(0).save(str(self.shots / f"{key}-screen.png"))
        return entry

    def dialog(self, key: str, dialog: QWidget, buttons: list[str]) -> None:
        dialog.show()
        self.measure(key, dialog, buttons)
        dialog.close()
        dialog.deleteLater()


def make_case(vault, password: str) -> int:
    from victimcare.services import sign_in
    s = sign_in(vault, SUPERVISOR, password)
    try:
        return s.intake.create({
            "admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer", "name": LONG_NAME,
            "aliases": ALIASES, "sex": "M", "estimated_age": "9", "age_basis": "目测", "id_status": "none",
            "flag_trafficking": True, "flag_disabled": True, "flag_foreign": True, "suspected_trafficking": True,
            "police_report_at": "2026-01-05 11:00", "police_report_unit": "尤溪县公安局刑侦大队城关派出所",
            "request": "寻找亲人" * 20, "circumstances": "经过" * 200, "health_check": "体表无明显外伤" * 10})
    finally:
        s.close()


def main(argv: list[str]) -> int:
    vault_dir, password, scratch, out = Path(argv[0]), argv[1], Path(argv[2]), Path(argv[3])
    shots = Path(argv[argv.index("--shots") + 1]) if "--shots" in argv else None
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from victimcare.ui.fonts import install_app_fonts
    from victimcare.ui.i18n import install_translators
    install_app_fonts(app)
    install_translators(app, "zh_CN")
    from victimcare.security.vault import Vault
    from victimcare.ui.case.intake_dialog import DuplicateDialog, IntakeDialog
    from victimcare.ui.kit.inputs import RareCharDialog
    from victimcare.ui.mainwindow import MainWindow
    from victimcare.ui.pages.accounts_box import AccountDialog
    from victimcare.ui.password_dialog import ChangePasswordDialog
    probe = Probe(app, shots)

    # first run: the setup form, then the recovery sheet
    setup = MainWindow(app, vault=None, vault_dir=scratch / "new-vault", create_vault=Vault.create)
    setup.show()
    probe.measure("setup", setup, ["创建保险库"])
    setup.setup_page.code_label.setText("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567-ABCD-EFGH-IJKL")
    setup.setup_page.pages.setCurrentIndex(1)
    probe.measure("setup_recovery", setup, ["继续", "保存恢复凭证"])
    setup.close()

    vault = Vault(vault_dir)
    case_id = make_case(vault, password)
    window = MainWindow(app, vault=vault)
    window.show()
    probe.measure("login", window, ["登录"])
    window.login_page.account.setText(SUPERVISOR)
    window.login_page.password.setText(password)
    window.login_page.submit()
    wait(lambda: window.workspace is not None)
    size = [window.width(), window.height()]
    probe.measure("main", window, [])
    for section in window.workspace.sections():
        window.workspace.show_section(section)
        probe.measure(f"main_{section}", window, [], before=size)
    probe.measure("main_settings", window, ["保存格式", "保存节假日表"], before=size)
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id)
    wait(lambda: cases.case_page is not None)
    probe.measure("main_case", window, ["返回列表"], before=size)
    for code in cases.case_page.tab_codes:
        cases.case_page.show_tab(code)
        probe.measure(f"main_case_{code}", window, ["返回列表"], before=size)

    probe.dialog("intake", IntakeDialog(window.services, cases), ["保存", "取消"])
    candidates = [{"id": i, "case_no": f"TS-2026-{i:05d}", "name": LONG_NAME[: 4 + i], "sex": "M",
                   "birth_date": "2017-01-01", "reasons": ["姓名读音相同", "年龄相近", "户籍地相同", "同一派出所移交"]}
                  for i in range(1, 9)]
    probe.dialog("duplicates", DuplicateDialog(candidates, window), ["打开已有个案", "新建个案", "返回登记表"])
    probe.dialog("change_password", ChangePasswordDialog(window.services, window, required=True), ["保存", "取消"])
    settings = window.workspace.pages["settings"]
    probe.dialog("account_new", AccountDialog(settings), ["保存", "取消"])
    probe.dialog("account_reset", AccountDialog(settings, name=SUPERVISOR), ["保存", "取消"])
    probe.dialog("rare_char", RareCharDialog(window), ["插入"])
    window.close()
    out.write_text(json.dumps(probe.report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
