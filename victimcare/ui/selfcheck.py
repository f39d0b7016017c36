"""``victimcare --self-check``, the window half: Qt's platform plugin, the bundled fonts, the Chinese
translation and the sign-in window all load (in a frozen bundle each of them is a file that the
build may have left out), and signing in through the window reaches the workspace.

Run after ``victimcare.cli.selfcheck.check_vault`` on its throw-away vault; raises ``UserError``.
"""

import time
from pathlib import Path

from victimcare.core.errors import UserError

SIGN_IN_SECONDS = 120  # a generous ceiling for a slow office PC; the check normally takes a second or two


def check_window(vault_path: Path, password: str) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from victimcare.security.vault import Vault
    from victimcare.ui.fonts import install_app_fonts
    from victimcare.ui.i18n import install_translators
    from victimcare.ui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication(["victimcare"])
    if not install_app_fonts(app):
        raise UserError("界面字体无法加载，请重新安装。")
    try:
        install_translators(app, "zh_CN")
    except RuntimeError:
        raise UserError("缺少界面的中文翻译文件，请重新安装。") from None
    if QCoreApplication.translate("LoginPage", "Sign in") == "Sign in":
        raise UserError("界面的中文翻译没有生效，请重新安装。")
    _check_pdf_viewer_modules()
    window = MainWindow(app, vault=Vault(vault_path))
    try:
        window.show()
        app.processEvents()
        page = getattr(window, "login_page", None)
        if page is None or not page.isVisible():
            raise UserError("登录窗口没有显示出来。")
        page.account.setText("zijian")
        page.password.setText(password)
        page.button.click()
        deadline = time.monotonic() + SIGN_IN_SECONDS
        while window.services is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        if window.services is None:
            raise UserError("通过登录窗口登录没有成功。")
    finally:
        window.close()
        app.processEvents()


def _check_pdf_viewer_modules() -> None:
    """The print preview's Qt PDF modules, where this build ships them (PySide6-Addons installed)."""
    from importlib.util import find_spec

    if find_spec("PySide6.QtPdf") is None:
        return
    try:
        import PySide6.QtPdf  # noqa: F401
        import PySide6.QtPdfWidgets  # noqa: F401
    except ImportError:
        raise UserError("缺少打印预览所需的 Qt PDF 组件，请重新安装。") from None
