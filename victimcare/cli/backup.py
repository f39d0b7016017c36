"""``victimcare admin backup | restore | backups``: encrypted backups of the vault and restoring one.

Nothing printed names a person: folder names carry the vault id and a time, counts are numbers.
"""

import sys
from pathlib import Path

from victimcare.cli.common import EXIT_ERROR, EXIT_OK, Secrets
from victimcare.core.errors import AccountLocked, StorageError, UserError, VaultError, WrongPassword

CONSEQUENCES = ("恢复后，保险库将回到备份时的状态：备份之后录入或修改的内容（包括审计记录）不在恢复后的保险库中。",
                "账户和密码也回到备份时：之后新建的账户不存在，之后改过的密码恢复为旧密码，之后停用的账户重新可用。",
                "当前保险库不会删除，会原样改名保存在它旁边（…-replaced-时间），需要时可交技术人员查看。")


def _ask_yes(prompt: str) -> bool:
    print(prompt, end="", file=sys.stderr, flush=True)
    line = sys.stdin.readline()
    return line.strip().lower() in ("是", "y", "yes", "恢复")


def _os_error(exc: OSError) -> UserError:
    return UserError(f"读写文件时出错（{exc.strerror or exc}）。请检查文件夹是否存在、是否可写、磁盘是否已满，然后重试。")


def cmd_backup(args, secrets: Secrets) -> int:
    from victimcare.cli.common import sign_in
    if not Path(args.to).is_dir():
        raise UserError(f"找不到文件夹“{Path(args.to).name}”。请检查备份盘是否已插好、路径是否正确。")
    services = sign_in(args, secrets)
    try:
        print("正在备份……", file=sys.stderr, flush=True)
        result = services.backup.backup(Path(args.to))
    except OSError as exc:
        raise _os_error(exc) from None
    finally:
        services.close()
    lines = [f"已备份并校验：{result.folder}", f"个案 {result.cases} 个，用时 {result.seconds:.1f} 秒。"]
    if result.pruned:
        lines.append(f"已按保留份数删除较早的备份 {len(result.pruned)} 份：{'，'.join(result.pruned)}")
    print("\n".join(lines))
    return EXIT_OK


def _show(info) -> None:
    """What the backup holds and what restoring means: part of the question asked, so on stderr with the
    prompt; stdout carries only the result, printed once the restore is done."""
    lines = ["备份已校验，内容如下：", *(f"    {line}" for line in info.lines()), *CONSEQUENCES]
    print("\n".join(lines), file=sys.stderr, flush=True)


def cmd_restore(args, secrets: Secrets) -> int:
    from victimcare.casework.backup import restore_without_session
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    if not args.user:
        raise UserError("请用 --user 指定站长账户名。")
    folder, vault_path = Path(args.from_folder), Path(args.vault)
    password = secrets.ask(f"账户 {args.user} 的密码：")

    def confirm(info) -> bool:
        _show(info)
        return args.yes or _ask_yes("确认恢复？输入“是”继续：")

    try:
        try:
            services = sign_in(Vault(vault_path), args.user, password)
        except (WrongPassword, AccountLocked):
            raise
        except (VaultError, StorageError) as exc:
            print(f"当前保险库无法打开：{exc.message}\n将改用备份中的密钥文件核对账户和密码。", file=sys.stderr)
            result = restore_without_session(vault_path, folder, args.user, password, confirm=confirm)
        else:
            try:
                info = services.backup.inspect(folder)
                result = services.backup.restore(folder) if confirm(info) else None
            finally:
                services.close()
    except OSError as exc:
        raise _os_error(exc) from None
    if result is None:
        print("已取消，没有任何改动。", file=sys.stderr)
        return EXIT_ERROR
    lines = [f"已从备份恢复（备份时间 {result.info.created_at}，个案 {result.info.cases} 个，用时 {result.seconds:.1f} 秒）。"]
    if result.set_aside is not None:
        lines.append(f"原来的保险库已改名保存为：{result.set_aside}")
    lines.append("请用备份当时的账户和密码重新登录。")
    print("\n".join(lines))
    return EXIT_OK


def cmd_backups(args, _secrets: Secrets) -> int:
    from victimcare.security.backup_files import generations
    try:
        found = generations(Path(args.from_folder))
    except OSError as exc:
        raise _os_error(exc) from None
    if not found:
        print("此文件夹中没有 VictimCare 备份。")
        return EXIT_OK
    lines = []
    for g in found:
        state = "文件完整" if g.files_ok else f"不能使用：{g.problem}"
        cases = "?" if g.cases is None else str(g.cases)
        lines.append(f"{g.folder.name}\t{g.created_at or '?'}\t机构代码 {g.station_code or '?'}\t个案 {cases} 个\t{state}")
    print("\n".join(lines))
    return EXIT_OK if all(g.files_ok for g in found) else EXIT_ERROR


def register(sub, common) -> None:
    p = sub.add_parser("backup", parents=[common], help="把保险库加密备份到一个文件夹（站长；如 U 盘）")
    p.add_argument("--to", required=True, help="备份文件夹（每次备份在其中新建一个批次文件夹）")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", parents=[common], help="从一个备份批次恢复保险库（站长；原保险库改名保留）")
    p.add_argument("--from", dest="from_folder", required=True, help="备份批次文件夹（VictimCare-backup-…）")
    p.add_argument("--yes", action="store_true", help="不再询问确认")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("backups", parents=[common], help="列出一个文件夹中的备份批次（时间、个案数，不含姓名）")
    p.add_argument("--from", dest="from_folder", required=True, help="存放备份的文件夹")
    p.set_defaults(func=cmd_backups)
