"""What every admin command shares: reading secrets, opening the vault, signing in, exit codes."""

import getpass
import json
import sys
from pathlib import Path

from victimcare.core.errors import UserError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class Secrets:
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


def open_vault(args):
    from victimcare.security.vault import Vault
    return Vault(Path(args.vault))


def sign_in(args, secrets: Secrets):
    """The services of ``--user``, after asking for the password."""
    from victimcare.services import sign_in as services_sign_in
    if not args.user:
        raise UserError("请用 --user 指定账户名。")
    return services_sign_in(open_vault(args), args.user, secrets.ask(f"账户 {args.user} 的密码："))


def print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1)
    print()
