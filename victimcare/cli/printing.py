"""``victimcare admin export-dossier | print-form``: a case's 专门档案 or one form as a PDF file.

The same service as the GUI's 打印 (``services.printing``): the role caps the redaction profile (an
education officer prints the school profile only, an auditor nothing), every print and save is audited
with the file's SHA-256, and the file is written atomically, owner-only, optionally with an AES-256
password (asked like every password: a prompt, or the next line of ``--password-stdin``). Nothing is
printed until the file is saved; the output names the case number, never a name.
"""

from pathlib import Path

from victimcare.cli.common import EXIT_OK, sign_in
from victimcare.core.errors import UserError

PROFILES = ("archive", "school", "court", "family")


def _target(out: str, suggested: str) -> Path:
    """``--out`` as given, or the suggested name inside it when it is a folder."""
    path = Path(out)
    return path / suggested if path.is_dir() else path


def _file_password(args, secrets) -> str | None:
    if not args.encrypt:
        return None
    return secrets.ask("为导出的 PDF 文件设置密码（6 个字符以上）：", confirm=True)


def _saved(job, result) -> str:
    lock = "，已加密（AES-256）" if result["encrypted"] else ""
    return (f"已保存：{Path(result['path']).name}（{job.pages} 页{lock}）\n"
            f"审计序号：{job.seq}\nSHA-256：{result['sha256']}")


def _render_and_save(args, secrets, render) -> int:
    """Sign in, ``render(printing)`` the job, save it, then print what was saved (nothing before that)."""
    services = sign_in(args, secrets)
    try:
        printing = services.printing
        job = render(printing)
        result = printing.save(job, _target(args.out, job.file_name), _file_password(args, secrets))
    finally:
        services.close()
    print(_saved(job, result))
    return EXIT_OK


def cmd_export_dossier(args, secrets) -> int:
    if not args.case:
        raise UserError("请用 --case 指定个案编号。")
    return _render_and_save(args, secrets, lambda printing: printing.render_dossier(
        printing.find_case(args.case), args.profile, include=tuple(args.include or ())))


def cmd_print_form(args, secrets) -> int:
    form = (args.form or "").strip().upper()
    if not args.blank and not args.case:
        raise UserError("请用 --case 指定个案编号；打印空白表（如 F1、F15）请加 --blank。")

    def render(printing):
        if args.blank:
            if args.case:
                printing.find_case(args.case)  # a wrong number is still said, although a blank form needs none
            return printing.render_blank(form)
        return printing.render_form(printing.find_case(args.case), form, args.profile,
                                    include=tuple(args.include or ()))

    return _render_and_save(args, secrets, render)


def register(sub, common) -> None:
    p = sub.add_parser("export-dossier", parents=[common],
                       help="把个案的专门档案导出为 PDF（按用途删减：存档、学校、法院、家属）")
    p.add_argument("--case", help="个案编号")
    p.add_argument("--profile", choices=PROFILES, default=None,
                   help="用途：archive 存档、school 学校、court 法院、family 家属（默认：本角色可用的最完整用途）")
    p.add_argument("--include", action="append", choices=["medical", "school"],
                   help="法院用途可另行加入：medical 健康与医疗、school 入学安置（可重复）")
    p.add_argument("--out", required=True, help="要保存的 PDF 文件（或文件夹：自动以个案编号命名）")
    p.add_argument("--encrypt", action="store_true", help="为文件设置打开密码（AES-256）")
    p.set_defaults(func=cmd_export_dossier)

    p = sub.add_parser("print-form", parents=[common], help="把一张表格打印为 PDF（按个案填好，或空白表）")
    p.add_argument("--case", help="个案编号（空白表不需要）")
    p.add_argument("--form", required=True, help="表格编号，如 F1、F8、F15")
    p.add_argument("--blank", action="store_true", help="空白表，供手工填写")
    p.add_argument("--profile", choices=PROFILES, default=None, help="用途（同 export-dossier）")
    p.add_argument("--include", action="append", choices=["medical", "school"], help="法院用途可另行加入的内容")
    p.add_argument("--out", required=True, help="要保存的 PDF 文件（或文件夹）")
    p.add_argument("--encrypt", action="store_true", help="为文件设置打开密码（AES-256）")
    p.set_defaults(func=cmd_print_form)
