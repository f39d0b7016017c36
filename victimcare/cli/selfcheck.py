"""``victimcare --self-check``, the storage and printing half: what an installed copy needs to work.

The build runs it on the frozen bundle before it calls itself done, and the package tests run it on
the installed .deb; support staff can run it on an office PC. Each check raises a ``UserError`` with
a Chinese sentence. The vault it opens is a throw-away one in a private temporary folder (the caller
removes it), holding one synthetic case: the user's own vault and app-data folder are never touched.
"""

import io
import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from victimcare.core.errors import UserError

SYNTHETIC_NAME = "自检测试"  # the one case the check writes (synthetic, in a throw-away vault)
STATION = "自检临时救助站"


@contextmanager
def throwaway_folder() -> Iterator[Path]:
    """A private temporary folder, removed afterwards; VICTIMCARE_HOME points into it meanwhile, so that
    Qt's settings and any log of the check stay out of the user's app-data folder."""
    folder = Path(tempfile.mkdtemp(prefix="victimcare-selfcheck-"))
    previous = os.environ.get("VICTIMCARE_HOME")
    os.environ["VICTIMCARE_HOME"] = str(folder / "home")
    try:
        yield folder
    finally:
        if previous is None:
            os.environ.pop("VICTIMCARE_HOME", None)
        else:
            os.environ["VICTIMCARE_HOME"] = previous
        shutil.rmtree(folder, ignore_errors=True)


def storage_checks(folder: Path) -> tuple[Path, str]:
    """Everything but the window: bundled files, the vault and a case, a PDF; the vault's path and password."""
    check_bundled_files()
    found = check_vault(folder)
    check_pdf()
    return found


def message_of(exc: BaseException) -> str:
    """The sentence printed for a failed check; a fault of the install itself is named, never traced."""
    if isinstance(exc, UserError):
        return exc.message
    return f"程序组件无法加载或运行（{type(exc).__name__}），请重新安装 VictimCare。"


def check_bundled_files() -> None:
    """Fonts, translations and code tables are found through the package (the migrations are checked by
    writing a case: without them the vault has no tables)."""
    from victimcare.core.resources import resource_path

    try:
        for parts in (("fonts", "wqy-microhei.ttc"), ("translations", "victimcare_zh_CN.qm"),
                      ("data", "gbt2260.csv"), ("data", "holidays_cn.json")):
            if not resource_path(*parts).is_file():
                raise UserError(f"缺少随软件附带的文件 {'/'.join(parts)}，请重新安装。")
    except FileNotFoundError:
        raise UserError("找不到随软件附带的资源文件夹，请重新安装。") from None


def check_vault(folder: Path) -> tuple[Path, str]:
    """Create a vault in ``folder``, write a case, sign in again and read it back; return the vault's path
    and its random password (held in memory only)."""
    from victimcare.security import crypto
    from victimcare.security.vault import Vault
    from victimcare.services import Services

    path, password = folder / "vault", f"自检-{secrets.token_urlsafe(18)}"
    kdf = crypto.KdfParams(crypto.new_salt())  # the floor cost: a throw-away vault needs no calibration
    try:
        vault, _code = Vault.create(path, station_name=STATION, station_code="ZJ", supervisor="zijian",
                                    password=password, kdf=kdf)
        services = Services(vault.login("zijian", password))
        try:
            case_id = services.intake.create({"admitted_at": "2026-01-05 09:00", "arrival_mode": "self",
                                              "name": SYNTHETIC_NAME, "sex": "F", "estimated_age": "30",
                                              "age_basis": "目测", "id_status": "none"})
        finally:
            services.close()
        services = Services(Vault(path).login("zijian", password))
        try:
            name = services.cases.get_case(case_id)["name"]
        finally:
            services.close()
    except UserError as exc:
        raise UserError(f"临时保险库无法使用：{exc.message}") from None
    if name != SYNTHETIC_NAME:
        raise UserError("临时保险库中写入的个案读出来不一致。")
    return path, password


def check_pdf() -> None:
    """Render the recovery sheet with the bundled fonts: every font embedded, the text layer reads back."""
    from pypdf import PdfReader

    from victimcare.forms.recovery_sheet import render_recovery_sheet

    try:
        pdf = render_recovery_sheet(station_name=STATION, vault_id="0" * 16, created_at=datetime(2026, 1, 5, 9),
                                    supervisor_account="zijian", recovery_code="ABCD-EFGH-JKLM-NPQR")
    except (OSError, ValueError) as exc:
        raise UserError(f"无法用随附字体生成 PDF（{type(exc).__name__}），请重新安装。") from None
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    fonts = page["/Resources"]["/Font"]
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)
        descriptor = descriptor.get("/FontDescriptor")
        if descriptor is None or "/FontFile2" not in descriptor.get_object():
            raise UserError("生成的 PDF 中有未嵌入的字体，请重新安装。")
    if STATION not in page.extract_text():
        raise UserError("生成的 PDF 中的中文无法正确读出，字体可能已损坏，请重新安装。")
