"""Start the GUI: fonts, translations, crash handler, then the vault's window."""

import argparse
import sys
from pathlib import Path


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="victimcare", description="VictimCare 被拐卖受害人救助个案管理系统")
    parser.add_argument("--demo", action="store_true", help="打开演示保险库（合成数据）")
    parser.add_argument("--vault", help="保险库文件夹（默认：本机应用数据目录）")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="界面语言")
    parser.add_argument("--screenshot", help=argparse.SUPPRESS)  # dev aid: save a PNG of the window and quit
    return parser.parse_args(argv)


def run_gui(argv: list[str]) -> int:
    args = parse_args(argv)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from victimcare.core.paths import app_data_dir, default_vault_dir
    from victimcare.ui.crash import install_excepthook
    from victimcare.ui.fonts import install_app_fonts
    from victimcare.ui.i18n import install_translators, saved_language
    from victimcare.ui.mainwindow import MainWindow
    from victimcare.security.vault import Vault

    from PySide6.QtCore import QSettings
    # Qt's own settings (file-dialog history) go to our app-data folder, not ~/.config/QtProject.conf
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(app_data_dir() / "qt"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(app_data_dir() / "qt"))
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("VictimCare")
    install_app_fonts(app)
    install_translators(app, args.lang or saved_language())
    window = None
    install_excepthook(lambda: window)

    demo_password = None
    if args.demo:
        from victimcare.demo import DEMO_PASSWORD, open_demo_vault
        vault, demo_password = open_demo_vault(Path(args.vault) if args.vault else None), DEMO_PASSWORD
        window = MainWindow(app, vault=vault, demo_password=demo_password)
    else:
        vault_dir = Path(args.vault) if args.vault else default_vault_dir()
        vault = Vault(vault_dir) if Vault.exists(vault_dir) else None
        window = MainWindow(app, vault=vault, vault_dir=vault_dir, create_vault=Vault.create)
    window.show()
    if args.screenshot:
        QTimer.singleShot(800, lambda: (window.grab().save(args.screenshot), app.quit()))
    return app.exec()
