"""``victimcare admin …``: the command line for IT staff and scripted checks.

Passwords come from a prompt or ``--password-stdin`` (never arguments or environment). Errors are
printed in plain words with a non-zero exit; every action is audited like the GUI.
"""

import argparse
import os
import sys

from victimcare.cli import admin, backup, cases, printing
from victimcare.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, Secrets
from victimcare.core.errors import UserError, os_error_message
from victimcare.core.paths import default_vault_dir


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="victimcare admin", description="VictimCare 管理命令")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--vault", default=str(default_vault_dir()), help="保险库文件夹（默认：本机应用数据目录）")
    common.add_argument("--user", help="账户名")
    common.add_argument("--password-stdin", action="store_true", help="从标准输入逐行读取密码")
    sub = parser.add_subparsers(dest="command", required=True)
    admin.register(sub, common)   # init, verify, recover, accounts
    cases.register(sub, common)   # import, demo-data, cases
    backup.register(sub, common)  # backup, restore, backups
    printing.register(sub, common)  # export-dossier, print-form
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        return args.func(args, Secrets(args.password_stdin))
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into head or a closed pager: not an error of ours
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK
    except OSError as exc:  # a path the user gave that cannot be used: never a traceback
        print(f"错误：{os_error_message(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a fault of ours: still a plain sentence and an exit code, never a traceback
        # (the commands print their result only once it is whole, so nothing half-done is on stdout)
        print(f"错误：命令没有完成，程序内部出错（{type(exc).__name__}）。请把这条信息告诉技术人员。", file=sys.stderr)
        return EXIT_ERROR
