"""The 工作台 with N demo cases (PRODUCT.md §6: figures, not timed tests).

    python bench/bench_workbench.py --cases 100000                 (builds a throw-away vault)
    python bench/bench_workbench.py --cases 100000 --reuse DIR     (builds DIR/vault once, reuses it after)

The demo cases are shared between two workers (the supervisor ``bench`` and the social worker
``demo_shegong``), so 我的个案 is measured on about half of them. What is measured, each through the
services as the GUI calls them (owner thread, gate and all), median (p50) and p95 of the runs:

- ``deadlines.workbench()``: the first page (cold right after sign-in, then warm), the next pages by
  cursor, and ``workbench(mine=True)`` for the social worker;
- ``deadlines.due_items()``: the old 工作台 read (500 cases by ``next_due``, two flat lists), for comparison;
- ``deadlines.update_stale_due()``: after an update with other rules (every open case), on a new day (the
  returned cases whose stored next deadline has passed), and the check that finds them current (no-op);
- the first page while every stored ``next_due`` is stale (an older version's values, before the refresh);
- ``deadlines.for_case`` for 20 cases (the case page's list);
- the candidate query's plan (EXPLAIN QUERY PLAN), with and without the worker filter.

Prints a table and writes bench/results/workbench-<N>.json (gitignored). Everything here is synthetic.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

USER, WORKER = "bench", "demo_shegong"
PASSWORD = "bench password that is long enough"


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def stats(values: list[float]) -> dict:
    values = sorted(values)
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return {"p50": round(statistics.median(values), 2), "p95": round(p95, 2), "max": round(values[-1], 2),
            "n": len(values)}


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return ms(time.perf_counter() - t), result


def build(path: Path, n: int, seed: int) -> dict:
    from victimcare.security import crypto
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    Vault.create(path, station_name="基准测试站", station_code="BM", supervisor=USER, password=PASSWORD,
                 kdf=crypto.KdfParams(salt=crypto.new_salt()), demo=True)
    services = sign_in(Vault(path), USER, PASSWORD)
    try:
        services.accounts.create_demo(WORKER, "social_worker", PASSWORD)
        t = time.perf_counter()
        step = max(1000, n // 10)
        services.demo.fill(n, seed=seed, progress=lambda d, total: d % step == 0 and print(
            f"  demo cases {d}/{total} ({time.perf_counter() - t:.0f} s)", file=sys.stderr, flush=True))
        return {"fill_s": round(time.perf_counter() - t, 1)}
    finally:
        services.close()


def pages(services, mine: bool, count: int) -> tuple[list[float], int]:
    """Times of the first ``count`` pages, and how many cases they held."""
    times, cursor, cases = [], None, 0
    for _ in range(count):
        t, page = timed(services.deadlines.workbench, mine, cursor)
        times.append(t)
        cases += len(page["cases"])
        cursor = page["cursor"]
        if cursor is None:
            break
    return times, cases


def measure(path: Path) -> dict:
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    out: dict = {}
    boss = sign_in(Vault(path), USER, PASSWORD)
    try:
        core = lambda name: boss.session.conn(name)  # noqa: E731  (boss is signed in again below)
        count = lambda sql: boss.session.run(lambda: core("core").execute(sql).fetchone()[0])  # noqa: E731
        out["open_cases"] = count("SELECT count(*) FROM cases WHERE status = 'open'")
        meta = lambda sql: boss.session.run(lambda: core("core").execute(sql))  # noqa: E731
        meta("DELETE FROM meta WHERE key = 'next_due_revision'")  # as after an update with other rules
        out["update_stale_due_full_ms"], out["recomputed_full"] = timed(boss.deadlines.update_stale_due)
        meta("UPDATE meta SET value = '2000-01-01' WHERE key = 'next_due_on'")  # as on the next day
        out["update_stale_due_daily_ms"], out["recomputed_daily"] = timed(boss.deadlines.update_stale_due)
        out["update_stale_due_current_ms"] = stats([timed(boss.deadlines.update_stale_due)[0] for _ in range(5)])
        boss.close()
        boss = sign_in(Vault(path), USER, PASSWORD)
        out["first_page_cold_ms"], first = timed(boss.deadlines.workbench)
        out["first_page_cases"] = len(first["cases"])
        out["first_page_items"] = sum(len(c.items) for c in first["cases"])
        out["overdue_cases"] = first["overdue_cases"]
        out["first_page_warm_ms"] = stats([timed(boss.deadlines.workbench)[0] for _ in range(10)])
        times, cases = pages(boss, False, 6)
        out["next_pages_ms"] = stats(times[1:]) if len(times) > 1 else {}
        out["six_pages_cases"] = cases
        out["due_items_old_ms"] = stats([timed(boss.deadlines.due_items)[0] for _ in range(5)])
        ids = boss.session.run(lambda: [r[0] for r in core("core").execute(
            "SELECT id FROM cases WHERE status = 'open' ORDER BY id DESC LIMIT 20")])
        out["for_case_ms"] = stats([timed(boss.deadlines.for_case, i)[0] for i in ids])
        plans = {}
        for label, extra in (("all", ""), ("mine", "AND assigned_worker = 'demo_shegong' ")):
            sql = (f"EXPLAIN QUERY PLAN SELECT id, next_due FROM cases WHERE status = 'open' AND next_due != '' "
                   f"AND next_due < '2027-01-01' {extra}AND (next_due, id) > ('2020-01-01', 0) "
                   "ORDER BY next_due, id LIMIT 60")
            plans[label] = boss.session.run(lambda s=sql: [r[-1] for r in core("core").execute(s)])
        out["plans"] = plans
        # Every stored value stale (as after an update whose rules moved them): the first page before the
        # background refresh has caught up.
        boss.session.run(lambda: core("core").execute("UPDATE cases SET next_due = '2020-01-01T00:00' "
                                                      "WHERE status = 'open' AND id % 2 = 0"))
        out["first_page_half_stale_ms"], stale = timed(boss.deadlines.workbench)
        out["first_page_half_stale_cases"] = len(stale["cases"])
        meta("DELETE FROM meta WHERE key = 'next_due_revision'")
        out["update_stale_due_after_stale_ms"], _n = timed(boss.deadlines.update_stale_due)
    finally:
        boss.close()
    worker = sign_in(Vault(path), WORKER, PASSWORD)
    try:
        out["mine_first_page_ms"] = stats([timed(worker.deadlines.workbench, True)[0] for _ in range(10)])
        out["mine_first_page_cases"] = len(worker.deadlines.workbench(True)["cases"])
        times, _cases = pages(worker, True, 6)
        out["mine_next_pages_ms"] = stats(times[1:]) if len(times) > 1 else {}
    finally:
        worker.close()
    return out


def report(r: dict) -> None:
    print(f"工作台 with {r['cases']} demo cases ({r['open_cases']} open; filled in {r.get('fill_s', '-')} s)")
    for key in ("first_page_cold_ms", "first_page_warm_ms", "next_pages_ms", "mine_first_page_ms",
                "mine_next_pages_ms", "due_items_old_ms", "for_case_ms", "update_stale_due_full_ms",
                "update_stale_due_daily_ms", "update_stale_due_current_ms", "first_page_half_stale_ms", "update_stale_due_after_stale_ms"):
        value = r.get(key)
        shown = value if not isinstance(value, dict) else f"p50 {value.get('p50')}  p95 {value.get('p95')}"
        print(f"  {key:<32} {shown}")
    print(f"  first page: {r['first_page_cases']} cases, {r['first_page_items']} items; "
          f"{r['overdue_cases']} cases overdue in all; mine: {r['mine_first_page_cases']} cases")
    print(f"  half stale: first page still {r['first_page_half_stale_cases']} cases; refresh recomputed "
          f"{r['recomputed_full']} cases in full, {r['recomputed_daily']} on a new day")
    for label, plan in r["plans"].items():
        print(f"  plan ({label}): {' / '.join(plan)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--reuse", help="folder holding (or to hold) the bench vault")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    from victimcare.security.vault import Vault
    folder = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="vc-workbench-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "vault"
    result = {"cases": args.cases}
    if not Vault.exists(path):
        result.update(build(path, args.cases, args.seed))
    result.update(measure(path))
    out = ROOT / "bench" / "results" / f"workbench-{args.cases}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    report(result)


if __name__ == "__main__":
    main()
