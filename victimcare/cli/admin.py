"""``victimcare admin …``: the command line for IT staff and scripted checks.

Passwords come from a prompt or ``--password-stdin`` (never arguments or environment). Errors are
printed in plain words with a non-zero exit; every action is audited like the GUI.
"""

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from victimcare.core.errors import UserError
from victimcare.core.paths import default_vault_dir
from victimcare.security.permissions import Role

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class _Secrets:
    """Reads secrets from the terminal, or line by line from stdin with --password-stdin."""

    def __init__(self, from_stdin: bool):
        self.from_stdin = from_stdin

    def ask(self, prompt: str, *, confirm: bool = False) -> str:
        if self.from_stdin:
            line = sys.stdin.readline()
            if not line:
                raise UserError("标准输入中没有更多的密码行。")
            return line.rstrip("\r\n")
        value = getpass.getpass(prompt)
        if confirm and getpass.getpass("再次输入以确认：") != value:
            raise UserError("两次输入的密码不一致。")
        return value


def _vault(args):
    from victimcare.security.vault import Vault
    return Vault(Path(args.vault))


def _login(args, secrets: _Secrets):
    if not args.user:
        raise UserError("请用 --user 指定账户名。")
    return _vault(args).login(args.user, secrets.ask(f"账户 {args.user} 的密码："))


def cmd_init(args, secrets: _Secrets) -> int:
    from victimcare.forms.recovery_sheet import render_recovery_sheet
    from victimcare.core.fsutil import write_private_file
    from victimcare.security.vault import Vault
    if not args.user:
        raise UserError("请用 --user 指定第一个站长账户的名称。")
    password = secrets.ask(f"为站长账户 {args.user} 设置密码（至少 15 个字符）：", confirm=True)
    vault, code = Vault.create(Path(args.vault), station_name=args.station, station_code=args.station_code,
                               supervisor=args.user, password=password)
    print(f"已创建保险库：{vault.path}")
    if args.recovery_sheet:
        from datetime import datetime
        pdf = render_recovery_sheet(station_name=vault.station_name, vault_id=vault.keyring.vault_id,
                                    created_at=datetime.now(), supervisor_account=args.user, recovery_code=code)
        write_private_file(Path(args.recovery_sheet), pdf)
        print(f"恢复凭证已保存为 PDF：{args.recovery_sheet}。请立即打印两份、分别密封保管，然后删除该文件。")
    else:
        print("恢复码（请抄写在恢复凭证上并密封保管，此后不会再显示）：")
        print(f"    {code}")
    return EXIT_OK


def cmd_verify(args, secrets: _Secrets) -> int:
    session = _login(args, secrets)
    try:
        report = session.audit.verify()
    finally:
        session.close()
    for line in report.lines():
        print(line)
    return EXIT_OK if report.ok else EXIT_ERROR


def cmd_recover(args, secrets: _Secrets) -> int:
    vault = _vault(args)
    code = secrets.ask("恢复码：")
    password = secrets.ask(f"为站长账户 {args.user} 设置新密码：", confirm=True)
    vault.recover(code, args.user, password)
    print(f"已为站长账户 {args.user} 设置新密码，所有数据密钥已重新封装。")
    return EXIT_OK


def cmd_accounts(args, secrets: _Secrets) -> int:
    session = _login(args, secrets)
    try:
        svc = session.accounts
        if args.action == "list":
            for a in svc.list():
                state = "停用" if a["disabled"] else ("锁定" if a["locked"] else "正常")
                print(f"{a['name']}\t{a['role']}\t{a['role_label']}\t{state}")
        elif args.action == "add":
            svc.create(args.name, args.role, secrets.ask(f"新账户 {args.name} 的初始密码：", confirm=True))
            print(f"已创建账户 {args.name}；首次登录时须修改密码。")
        elif args.action == "reset":
            svc.reset_password(args.name, secrets.ask(f"账户 {args.name} 的新密码：", confirm=True))
            print(f"已重置账户 {args.name} 的密码；下次登录时须修改密码。")
        elif args.action == "disable":
            svc.set_disabled(args.name, True)
            print(f"已停用账户 {args.name}。")
        elif args.action == "unlock":
            svc.unlock(args.name)
            print(f"已解锁账户 {args.name}。")
    finally:
        session.close()
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="victimcare admin", description="VictimCare 管理命令")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--vault", default=str(default_vault_dir()), help="保险库文件夹（默认：本机应用数据目录）")
    common.add_argument("--user", help="账户名")
    common.add_argument("--password-stdin", action="store_true", help="从标准输入逐行读取密码")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("init", parents=[common], help="创建新的保险库和第一个站长账户")
    p.add_argument("--station", required=True, help="机构名称")
    p.add_argument("--station-code", required=True, help="机构代码（用于个案编号，如 YX）")
    p.add_argument("--recovery-sheet", help="把恢复凭证保存为 PDF 文件")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("verify", parents=[common], help="检查保险库完整性和审计链")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("recover", parents=[common], help="用恢复码为站长账户设置新密码")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("accounts", parents=[common], help="账户管理（站长）")
    p.add_argument("action", choices=["list", "add", "reset", "disable", "unlock"])
    p.add_argument("--name", help="要管理的账户名")
    p.add_argument("--role", choices=[r.value for r in Role])
    p.set_defaults(func=cmd_accounts)

    from victimcare.cli.cases import register as register_case_commands
    register_case_commands(sub, common)  # import, demo-data, cases
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code else EXIT_OK
    try:
        return args.func(args, _Secrets(args.password_stdin))
    except UserError as exc:
        print(f"错误：{exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # output piped into head or a closed pager: not an error of ours
        sys.stdout = open(os.devnull, "w")
        return EXIT_OK


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    print()
