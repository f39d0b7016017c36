"""``victimcare admin import | demo-data | cases``: case commands of the admin command line.

Registered by ``victimcare.cli.main.build_parser``. Like the rest of the command line,
passwords come from a prompt or ``--password-stdin`` and every action is audited. Nothing printed here
contains a name or another personal value: case numbers, codes, counts and dates only.
"""

import sys
from pathlib import Path

from victimcare.cli.common import EXIT_ERROR, EXIT_OK, sign_in
from victimcare.core.errors import UserError
from victimcare.security.permissions import Op, Role, allowed

CASES_CHUNK = 1000


def cmd_import(args, secrets) -> int:
    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"找不到要导入的文件：{path.name}。请检查文件名和位置。")
    services = sign_in(args, secrets)
    try:
        report = services.imports.import_file(path, encoding=args.encoding)
    finally:
        services.close()
    lines = report.lines()
    if report.ok:
        print("\n".join(lines))
        return EXIT_OK
    print("\n".join(lines), file=sys.stderr)
    return EXIT_ERROR


def cmd_demo_data(args, secrets) -> int:
    from victimcare.casework.demodata import fill_demo_cases
    if args.cases < 1 or args.cases > 1_000_000:
        raise UserError("--cases 须在 1 到 1000000 之间。")
    services = sign_in(args, secrets)
    try:
        if services.role != Role.SUPERVISOR:
            raise UserError("只有站长账户可以生成演示数据。")
        if not services.session.vault.is_demo and not args.allow_real_vault:
            raise UserError("这不是演示保险库，生成的虚构个案会混入真实个案。请改用演示保险库；"
                            "仅在测试用的保险库中才可加 --allow-real-vault。")
        step = max(1000, args.cases // 20)

        def progress(done, total):
            if done % step < 1000 or done == total:
                print(f"已生成 {done}/{total} 个演示个案……", file=sys.stderr, flush=True)

        written = fill_demo_cases(services, args.cases, seed=args.seed, progress=progress)
    finally:
        services.close()
    print(f"已生成 {written} 个演示个案（随机种子 {args.seed}）。")
    return EXIT_OK


def iter_case_statuses(services):
    """Every case as {"case_no", "status", "admitted_on", "next_due", "steps": {step: status}}, read in
    chunks (one short trip to the owner thread each)."""
    after = 0
    while True:
        chunk = services.cases.statuses_after(after, CASES_CHUNK)
        if not chunk:
            return
        after = chunk[-1]["id"]
        for row in chunk:
            del row["id"]
            yield row


def json_lines(rows) -> list[str]:
    """Each row as one line of JSON (at 100,000 cases the lines take a fraction of the rows' memory)."""
    import json
    return [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows]


def json_list(lines: list[str]) -> str:
    """A JSON array with one object a line (readable, and easy to grep), as one string."""
    return "[\n" + ",\n".join(lines) + "\n]\n" if lines else "[]\n"


def cmd_cases(args, secrets) -> int:
    """The case statuses as JSON; for the education officer, the referred children with school fields only.
    The whole answer is built (and its export audited) before anything is printed: a failure prints an
    error on stderr and nothing on stdout, never half a JSON array."""
    if not args.json:
        raise UserError("目前只支持 --json 输出。")
    services = sign_in(args, secrets)
    try:
        if not allowed(services.role, Op.CASE_VIEW) and allowed(services.role, Op.SCHOOL_EXPORT):
            lines = json_lines(services.school.export_rows())
        else:  # the gate refuses a role with neither (audited) in plain Chinese
            lines = json_lines(iter_case_statuses(services))
            services.cases.record_status_export(len(lines))
        text = json_list(lines)
    finally:
        services.close()
    sys.stdout.write(text)
    sys.stdout.flush()
    return EXIT_OK


def register(sub, common) -> None:
    p = sub.add_parser("import", parents=[common], help="从 CSV、XLSX 或 JSON 文件导入个案（站长；全部导入或全部不导入）")
    p.add_argument("file", help="要导入的文件（.csv、.xlsx 或 .json），格式见 docs/import-format.md")
    p.add_argument("--encoding", choices=["utf-8", "gb18030"], default=None,
                   help="CSV/JSON 文件的编码（默认 UTF-8；Excel 另存的普通 CSV 为 gb18030）")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("demo-data", parents=[common], help="在演示保险库中生成虚构个案（站长）")
    p.add_argument("--cases", type=int, required=True, help="生成多少个演示个案")
    p.add_argument("--seed", type=int, default=0, help="随机种子（相同种子生成相同数据）")
    p.add_argument("--allow-real-vault", action="store_true", help="允许在非演示保险库中生成（仅限测试用保险库）")
    p.set_defaults(func=cmd_demo_data)

    p = sub.add_parser("cases", parents=[common], help="列出个案编号、状态、各步骤状态和下一期限（不含姓名）；"
                                                       "教育局账户列出已转介入学的孩子")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（教育局账户：已转介入学的孩子，只含入学安置字段）")
    p.set_defaults(func=cmd_cases)
