"""The case page with N demo cases, every step filled (PRODUCT.md §6: figures, not timed tests).

    python bench/bench_case_page.py --reuse DIR      (a vault built by bench_workbench.py --reuse DIR)
    python bench/bench_case_page.py --cases 20000    (builds a throw-away vault first)

Offscreen, as the GUI does it, for the 20 cases with the most step records (the heaviest pages):
- ``load_case``: the page's reads (case, deadlines, timeline, photo) through the services, owner thread
  and gate included — what runs before the page appears;
- each step's ``records(case_id)`` through its service (the tab's own read), and the same SQL on the
  compartment's connection without the service (gate, audit, JSON parsing) beside it, as a ratio;
- the page: from constructing ``CasePage`` with the loaded bundle until every record tab shows its
  status (every tab's read done and painted into its tables; the 医疗康复 tab opened with 查看 too).
Median (p50) and p95. Prints a table and writes bench/results/case-page-<N>.json (gitignored).
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_workbench import PASSWORD, USER, build, ms, stats  # noqa: E402


def heaviest(services, count: int) -> list[int]:
    core = services.session.conn
    return services.session.run(lambda: [r[0] for r in core("core").execute(
        "SELECT case_id FROM step_records GROUP BY case_id ORDER BY count(*) DESC, case_id LIMIT ?", (count,))])


def measure_services(services, cases: list[int]) -> dict:
    from victimcare.casework.steps import STEPS
    from victimcare.casework.steps.records import StepRecords
    from victimcare.ui.case.page import load_case
    out = {"load_case_ms": [], "records_ms": {}, "raw_sql_ms": {}, "records_per_case": []}
    steps = [s for s in STEPS if s.service and issubclass(s.service_class(), StepRecords)]
    for case_id in cases:
        t = time.perf_counter()
        load_case(services, case_id)
        out["load_case_ms"].append(ms(time.perf_counter() - t))
        total = 0
        for step in steps:
            service = getattr(services, step.code)
            t = time.perf_counter()
            data = service.records(case_id)
            out["records_ms"].setdefault(step.code, []).append(ms(time.perf_counter() - t))
            total += sum(map(len, data["records"].values()))
            conn = services.session.conn(service.COMPARTMENT)
            t = time.perf_counter()
            services.session.run(lambda: conn.execute(
                "SELECT id, kind, data FROM step_records WHERE case_id = ? AND step = ?",
                (case_id, step.code)).fetchall())
            out["raw_sql_ms"].setdefault(step.code, []).append(ms(time.perf_counter() - t))
        out["records_per_case"].append(total)
    return {"load_case_ms": stats(out["load_case_ms"]),
            "records_ms": {k: stats(v) for k, v in out["records_ms"].items()},
            "raw_sql_ms": {k: stats(v) for k, v in out["raw_sql_ms"].items()},
            "records_per_case": stats(out["records_per_case"])}


def measure_page(services, cases: list[int]) -> dict:
    from PySide6.QtWidgets import QApplication
    from victimcare.ui.case.page import CasePage, load_case
    from victimcare.ui.case.tabs.records import StepRecordsTab
    app = QApplication.instance() or QApplication([])
    times = []
    for case_id in cases:
        bundle = load_case(services, case_id)
        t = time.perf_counter()
        page = CasePage(services, bundle)
        page.resize(1366, 768)
        page.show()
        tabs = [page.tab(code) for code in page.tab_codes]
        record_tabs = [w for w in tabs if isinstance(w, StepRecordsTab)]
        for tab in record_tabs:
            if getattr(tab, "reveal", None) is not None:
                tab.reveal.click()  # 查看: the sensitive records too
        deadline = time.perf_counter() + 30
        while any(not tab.status.text() for tab in record_tabs) and time.perf_counter() < deadline:
            app.processEvents()
            time.sleep(0.0005)
        times.append(ms(time.perf_counter() - t))
        page.close()
        page.deleteLater()
        app.processEvents()
    return {"page_all_tabs_loaded_ms": stats(times)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--reuse", help="folder holding the vault built by bench_workbench.py --reuse")
    parser.add_argument("--sample", type=int, default=20)
    args = parser.parse_args()
    from victimcare.casework.case_list import CaseQuery
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    folder = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="vc-case-page-"))
    path = folder / "vault"
    if not Vault.exists(path):
        folder.mkdir(parents=True, exist_ok=True)
        print(f"building {args.cases} demo cases …", file=sys.stderr)
        build(path, args.cases, 0)
    services = sign_in(Vault(path), USER, PASSWORD)
    try:
        n = services.cases.count(CaseQuery(status="all"))
        cases = heaviest(services, args.sample)
        result = {"cases": n, "sample": len(cases), **measure_services(services, cases),
                  **measure_page(services, cases)}
    finally:
        services.close()
    out = ROOT / "bench" / "results" / f"case-page-{n}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(f"case page, {n} cases, {len(cases)} heaviest (records per case {result['records_per_case']})")
    print(f"  load_case (before the page appears) p50 {result['load_case_ms']['p50']} ms, "
          f"p95 {result['load_case_ms']['p95']} ms")
    print(f"  page until every tab is filled      p50 {result['page_all_tabs_loaded_ms']['p50']} ms, "
          f"p95 {result['page_all_tabs_loaded_ms']['p95']} ms")
    print("  step records(case)   service p50   raw SQL p50   ratio")
    for code, s in result["records_ms"].items():
        raw = result["raw_sql_ms"][code]["p50"] or 0.01
        print(f"  {code:<18} {s['p50']:>10} ms {raw:>10} ms   {s['p50'] / raw:>5.1f}×")


if __name__ == "__main__":
    main()
