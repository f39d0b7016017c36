"""``victimcare admin init | verify | recover | passwd | accounts``: the vault and its accounts."""

from pathlib import Path

from victimcare.core.errors import UserError
from victimcare.security.permissions import ROLE_LABELS, Role
from victimcare.cli.common import EXIT_ERROR, EXIT_OK, Secrets, open_vault, sign_in


def cmd_init(args, secrets: Secrets) -> int:
    """Create the vault. The recovery code exists only now: the sheet's folder is checked before the vault
    is made, and if the sheet still cannot be written the code is shown on the terminal instead of lost.
    Everything is printed at the end, in one piece."""
    import os
    from victimcare.forms.recovery_sheet import (SAVE_WARNING, SHEET_PASSWORD_MIN, check_sheet_password,
                                                 encrypted_recovery_sheet)
    from victimcare.core.fsutil import write_private_file
    from victimcare.security.vault import Vault
    if not args.user:
        raise UserError("请用 --user 指定第一个站长账户的名称。")
    sheet = Path(args.recovery_sheet) if args.recovery_sheet else None
    if sheet is not None and not (sheet.parent.is_dir() and os.access(sheet.parent, os.W_OK)):
        raise UserError(f"恢复凭证要保存到的文件夹“{sheet.parent.name or sheet.parent}”不存在或不可写，"
                        "保险库没有创建。请换一个文件夹。")
    if sheet is not None and sheet.exists():
        raise UserError(f"文件“{sheet.name}”已存在，保险库没有创建。请换一个文件名。")
    password = secrets.ask(f"为站长账户 {args.user} 设置密码（至少 15 个字符）：", confirm=True)
    sheet_password = ""
    if sheet is not None:  # asked before the vault exists: a bad one leaves nothing behind
        sheet_password = check_sheet_password(secrets.ask(
            f"为恢复凭证 PDF 设置打开密码（至少 {SHEET_PASSWORD_MIN} 个字符，不要与站长密码相同）：", confirm=True))
        if sheet_password == password:
            raise UserError("恢复凭证 PDF 的打开密码不能与站长密码相同，保险库没有创建。")
    vault, code = Vault.create(Path(args.vault), station_name=args.station, station_code=args.station_code,
                               supervisor=args.user, password=password)
    lines = [f"已创建保险库：{vault.path}"]
    if sheet is not None:
        from datetime import datetime
        try:
            pdf = encrypted_recovery_sheet(sheet_password, station_name=vault.station_name,
                                           vault_id=vault.keyring.vault_id, created_at=datetime.now(),
                                           supervisor_account=args.user, recovery_code=code)
            write_private_file(sheet, pdf)
        except Exception:  # the vault exists now: whatever failed, the code must still reach the user
            lines.append("恢复凭证 PDF 无法生成或保存（磁盘已满、没有权限或字体缺失）。")
        else:
            lines += [f"恢复凭证已保存为加密 PDF：{args.recovery_sheet}。", SAVE_WARNING]
            code = ""
    if code:
        lines += ["恢复码（请抄写在恢复凭证上并密封保管，此后不会再显示）：", f"    {code}"]
    print("\n".join(lines))
    return EXIT_OK


def cmd_verify(args, secrets: Secrets) -> int:
    """The audit chain is judged as found, before this command's own sign-in appends to it."""
    from victimcare.security.audit_check import check_before_sign_in, check_printed_marks
    from victimcare.services import sign_in as services_sign_in
    if not args.user:
        raise UserError("请用 --user 指定账户名。")
    printed = tuple(args.printed or ())
    check_printed_marks(printed)
    vault = open_vault(args)
    password = secrets.ask(f"账户 {args.user} 的密码：")
    chain = check_before_sign_in(vault, args.user, password, printed)
    services = services_sign_in(vault, args.user, password)
    try:
        report = services.integrity.verify(chain)
    finally:
        services.close()
    print("\n".join(report.lines()))
    return EXIT_OK if report.ok else EXIT_ERROR


def cmd_recover(args, secrets: Secrets) -> int:
    vault = open_vault(args)
    code = secrets.ask("恢复码：")
    password = secrets.ask(f"为站长账户 {args.user} 设置新密码：", confirm=True)
    vault.recover(code, args.user, password)
    print(f"已为站长账户 {args.user} 设置新密码，所有数据密钥已重新封装。")
    return EXIT_OK


def cmd_passwd(args, secrets: Secrets) -> int:
    """Change one's own password: the only command an account with a first password may run."""
    from victimcare.services import sign_in as services_sign_in
    if not args.user:
        raise UserError("请用 --user 指定账户名。")
    old = secrets.ask(f"账户 {args.user} 的当前密码：")
    services = services_sign_in(open_vault(args), args.user, old)
    try:
        services.accounts.change_own_password(old, secrets.ask("新密码（至少 15 个字符）：", confirm=True))
    finally:
        services.close()
    print(f"账户 {args.user} 的密码已修改。")
    return EXIT_OK


def cmd_accounts(args, secrets: Secrets) -> int:
    services = sign_in(args, secrets)
    try:
        svc = services.accounts
        if args.action == "list":
            lines = []
            for a in svc.list():
                state = "停用" if a["disabled"] else ("锁定" if a["locked"] else "正常")
                lines.append(f"{a['name']}\t{a['role']}\t{a['role_label']}\t{state}")
            print("\n".join(lines))
        elif args.action == "add":
            svc.create(args.name, args.role, secrets.ask(f"新账户 {args.name} 的初始密码：", confirm=True))
            print(f"已创建账户 {args.name}；首次登录时须修改密码。")
        elif args.action == "reset":
            svc.reset_password(args.name, secrets.ask(f"账户 {args.name} 的新密码：", confirm=True))
            print(f"已重置账户 {args.name} 的密码；下次登录时须修改密码。")
        elif args.action == "disable":
            svc.set_disabled(args.name, True)
            print(f"已停用账户 {args.name}；它能读取的数据已用新密钥重新加密，旧密钥的任何副本都无法再打开。")
        elif args.action == "role":
            if not args.role:
                raise UserError("请用 --role 指定新角色。")
            svc.set_role(args.name, args.role)
            print(f"账户 {args.name} 的角色已改为 {ROLE_LABELS[Role(args.role)]}。")
        elif args.action == "rotate":
            report = svc.rotate_keys()
            print(f"保险库已用新密钥重新加密（{len(report.compartments)} 个数据分区，"
                  f"{sum(report.rows.values())} 行，用时 {report.seconds:.1f} 秒）。账户和恢复凭证不变。")
        elif args.action == "unlock":
            svc.unlock(args.name)
            print(f"已解锁账户 {args.name}。")
    finally:
        services.close()
    return EXIT_OK


def register(sub, common) -> None:
    p = sub.add_parser("init", parents=[common], help="创建新的保险库和第一个站长账户")
    p.add_argument("--station", required=True, help="机构名称")
    p.add_argument("--station-code", required=True, help="机构代码（用于个案编号，如 YX）")
    p.add_argument("--recovery-sheet", help="把恢复凭证保存为 PDF 文件")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("verify", parents=[common], help="检查保险库完整性和审计链")
    p.add_argument("--printed", action="append", metavar="序号:校验码",
                   help="打印件页眉上的“审计序号 N 校验 X”，写作 N:X；可重复，逐一核对审计日志中仍有这条记录")
    p.set_defaults(func=cmd_verify)

    p = sub.add_parser("recover", parents=[common], help="用恢复码为站长账户设置新密码")
    p.set_defaults(func=cmd_recover)

    p = sub.add_parser("passwd", parents=[common], help="修改自己的密码（新账户首次使用前必须先修改）")
    p.set_defaults(func=cmd_passwd)

    p = sub.add_parser("accounts", parents=[common], help="账户管理（站长）")
    p.add_argument("action", choices=["list", "add", "reset", "disable", "role", "unlock", "rotate"],
                   help="rotate：用新密钥重新加密整个保险库；disable 和降低权限的 role 会自动重新加密相应部分")
    p.add_argument("--name", help="要管理的账户名")
    p.add_argument("--role", choices=[r.value for r in Role])
    p.set_defaults(func=cmd_accounts)
