"""``victimcare admin import | demo-data | cases``: case commands of the admin command line.

Registered into ``victimcare.cli.admin`` by ``build_parser``. Like the rest of the command line,
passwords come from a prompt or ``--password-stdin`` and every action is audited. Nothing printed here
contains a name or another personal value: case numbers, codes, counts and dates only.
"""

import sys
from pathlib import Path

from victimcare.cli import admin as cli
from victimcare.core.errors import UserError
from victimcare.security.permissions import Op, Role

CASES_CHUNK = 1000


def cmd_import(args, secrets) -> int:
    from victimcare.casework.importer import import_cases
    path = Path(args.file)
    if not path.is_file():
        raise UserError(f"找不到要导入的文件：{path.name}。请检查文件名和位置。")
    session = cli._login(args, secrets)
    try:
        report = import_cases(session, path, encoding=args.encoding)
    finally:
        session.close()
    lines = report.lines()
    if report.ok:
        print("\n".join(lines))
        return cli.EXIT_OK
    print("\n".join(lines), file=sys.stderr)
    return cli.EXIT_ERROR


def cmd_demo_data(args, secrets) -> int:
    from victimcare.casework.demodata import fill_demo_cases
    if args.cases < 1 or args.cases > 1_000_000:
        raise UserError("--cases 须在 1 到 1000000 之间。")
    session = cli._login(args, secrets)
    try:
        if session.role != Role.SUPERVISOR:
            raise UserError("只有站长账户可以生成演示数据。")
        if not session.vault.is_demo and not args.allow_real_vault:
            raise UserError("这不是演示保险库，生成的虚构个案会混入真实个案。请改用演示保险库；"
                            "仅在测试用的保险库中才可加 --allow-real-vault。")
        step = max(1000, args.cases // 20)

        def progress(done, total):
            if done % step < 1000 or done == total:
                print(f"已生成 {done}/{total} 个演示个案……", file=sys.stderr, flush=True)

        written = fill_demo_cases(session, args.cases, seed=args.seed, progress=progress)
    finally:
        session.close()
    print(f"已生成 {written} 个演示个案（随机种子 {args.seed}）。")
    return cli.EXIT_OK


def _case_chunk(session, after_id: int, limit: int) -> list[dict]:
    """Case numbers, status, dates and step statuses of up to ``limit`` cases after ``after_id``
    (owner thread). No names or other personal values."""
    core = session.conn("core")
    rows = core.execute("SELECT id, case_no, status, admitted_at, next_due FROM cases WHERE id > ? "
                        "ORDER BY id LIMIT ?", (after_id, limit)).fetchall()
    if not rows:
        return []
    steps: dict[int, dict[str, str]] = {}
    for case_id, step, status in core.execute("SELECT case_id, step, status FROM steps WHERE case_id BETWEEN ? AND ?",
                                              (rows[0][0], rows[-1][0])):
        steps.setdefault(case_id, {})[step] = status
    return [{"id": case_id, "case_no": case_no, "status": status, "admitted_on": admitted[:10],
             "next_due": next_due or None, "steps": steps.get(case_id, {})}
            for case_id, case_no, status, admitted, next_due in rows]


def iter_case_statuses(session):
    """Every case as {"case_no", "status", "admitted_on", "next_due", "steps": {step: status}}, streamed
    in chunks so that 100,000 cases never sit in memory at once."""
    session.require(Op.CASE_VIEW)
    after = 0
    while True:
        chunk = session.owner.call(_case_chunk, session, after, CASES_CHUNK)
        if not chunk:
            return
        after = chunk[-1]["id"]
        for row in chunk:
            del row["id"]
            yield row


def cmd_cases(args, secrets) -> int:
    import json
    if not args.json:
        raise UserError("目前只支持 --json 输出。")
    session = cli._login(args, secrets)
    count = 0
    try:
        out = sys.stdout
        out.write("[")
        for row in iter_case_statuses(session):
            out.write(("\n" if count == 0 else ",\n") + json.dumps(row, ensure_ascii=False, sort_keys=True))
            count += 1
        out.write("\n]\n" if count else "]\n")
        out.flush()
        session.record("export", object_type="case_list", record_count=count, detail="cases_json")
    finally:
        session.close()
    return cli.EXIT_OK


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

    p = sub.add_parser("cases", parents=[common], help="列出个案编号、状态、各步骤状态和下一期限（不含姓名）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出（逐条输出，适合大量个案）")
    p.set_defaults(func=cmd_cases)
