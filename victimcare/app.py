"""Entry point: ``victimcare`` starts the GUI, ``victimcare admin …`` the command line."""

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
    if argv[:1] in (["--version"], ["-V"]):
        from victimcare import __version__
        print(f"VictimCare {__version__}")
        return 0
    if argv[:1] == ["admin"]:
        from victimcare.cli.main import main as admin_main
        return admin_main(argv[1:])
    from victimcare.ui.main import run_gui
    return run_gui(argv)


if __name__ == "__main__":
    sys.exit(main())
