"""Entry point: ``victimcare`` starts the GUI, ``victimcare admin …`` the command line,
``victimcare --self-check`` checks an installed copy (the build runs it on the frozen bundle)."""

import sys


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
    if sys.stdout is None or sys.stderr is None:  # the windowed Windows .exe has no console
        import os
        sys.stdout = sys.stdout or open(os.devnull, "w", encoding="utf-8")
        sys.stderr = sys.stderr or open(os.devnull, "w", encoding="utf-8")
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
    try:
        from victimcare.cli import selfcheck
    except Exception as exc:  # the bundle itself is broken
        print(f"自检未通过：程序组件无法加载（{type(exc).__name__}），请重新安装 VictimCare。", file=sys.stderr)
        return 1
    with selfcheck.throwaway_folder() as folder:
        try:
            vault_path, password = selfcheck.storage_checks(folder)
            from victimcare.ui.selfcheck import check_window
            check_window(vault_path, password)
        except Exception as exc:
            print(f"自检未通过：{selfcheck.message_of(exc)}", file=sys.stderr)
            return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
