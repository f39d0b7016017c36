"""Entry point: ``victimcare`` starts the GUI, ``victimcare admin …`` the command line,
``victimcare --self-check`` checks an installed copy (the build runs it on the frozen bundle)."""

import os
import shutil
import sys
import tempfile
from pathlib import Path


def harden_process() -> None:
    """No core dumps: they would hold keys and decrypted case data in plaintext."""
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass
    try:
        import ctypes
        libc = ctypes.CDLL(None)
        PR_SET_DUMPABLE = 4
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    harden_process()
    if argv[:1] in (["--version"], ["-V"]):
        from victimcare import __version__
        print(f"VictimCare {__version__}")
        return 0
    if argv[:1] == ["--self-check"]:
        return self_check()
    if argv[:1] == ["admin"]:
        from victimcare.cli.main import main as admin_main
        return admin_main(argv[1:])
    from victimcare.ui.main import run_gui
    return run_gui(argv)


def self_check() -> int:
    """A throw-away vault in a private temporary folder (removed afterwards, the user's app-data folder
    untouched): write and read a case, print a PDF with the bundled fonts, sign in through the window.
    Prints OK and returns 0, or one Chinese sentence and 1; never a traceback."""
    folder = Path(tempfile.mkdtemp(prefix="victimcare-selfcheck-"))
    previous_home = os.environ.get("VICTIMCARE_HOME")
    os.environ["VICTIMCARE_HOME"] = str(folder / "home")  # Qt settings and logs of the check stay in it
    try:
        from victimcare.cli.selfcheck import CheckFailed, check_bundled_files, check_pdf, check_vault
        try:
            check_bundled_files()
            vault_path, password = check_vault(folder)
            check_pdf()
            from victimcare.ui.selfcheck import check_window
            check_window(vault_path, password)
        except CheckFailed as exc:
            print(f"自检未通过：{exc.message}", file=sys.stderr)
            return 1
        print("OK")
        return 0
    except Exception as exc:  # a broken install: one plain sentence, never a traceback
        print(f"自检未通过：程序组件无法加载或运行（{type(exc).__name__}），请重新安装 VictimCare。", file=sys.stderr)
        return 1
    finally:
        if previous_home is None:
            os.environ.pop("VICTIMCARE_HOME", None)
        else:
            os.environ["VICTIMCARE_HOME"] = previous_home
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
