"""First paint of the case list (个案) with N cases, offscreen: from creating the page until its
first rows are painted, median of several runs. Compares with the same model over plain rows.

    python bench/bench_gui.py --vault DIR --password-file F    (a vault filled by bench_cases.py)
    python bench/bench_gui.py --cases 100000                   (builds a throw-away vault first)
"""

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def build_vault(n: int) -> tuple[Path, str, str]:
    from victimcare.security import crypto
    from victimcare.casework.demodata import fill_demo_cases
    from victimcare.security.vault import Vault
    password = "bench password that is long enough"
    path = Path(tempfile.mkdtemp(prefix="vc-bench-")) / "vault"
    Vault.create(path, station_name="基准测试站", station_code="BM", supervisor="bench", password=password,
                 kdf=crypto.calibrate())
    session = Vault(path).login("bench", password)
    fill_demo_cases(session, n)
    session.close()
    return path, "bench", password


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--vault")
    parser.add_argument("--user", default="bench")
    parser.add_argument("--password-file")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if args.vault:
        path, user = Path(args.vault), args.user
        password = Path(args.password_file).read_text(encoding="utf-8").strip()
    else:
        path, user, password = build_vault(args.cases)

    from PySide6.QtWidgets import QApplication
    from victimcare.ui.fonts import install_app_fonts
    from victimcare.ui.i18n import install_translators
    from victimcare.ui.pages.cases import CasesPage
    from victimcare.security.vault import Vault

    app = QApplication([])
    install_app_fonts(app)
    install_translators(app, "zh_CN")
    session = Vault(path).login(user, password)
    from victimcare.casework.cases import CaseQuery
    total = session.cases.count(CaseQuery(status="all"))
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        page = CasesPage(session)
        page.resize(1366, 700)
        page.refresh()
        page.show()
        page.grab()  # forces layout and a paint of the visible rows
        timings.append((time.perf_counter() - start) * 1000)
        rows = page.model.rowCount()
        page.close()
        page.deleteLater()
        app.processEvents()
    session.close()
    result = {"cases": total, "rows_loaded": rows, "first_paint_ms_median": round(statistics.median(timings), 1),
              "first_paint_ms_runs": [round(t, 1) for t in timings], "target_ms": 150}
    print(f"case list first paint with {total} cases: median {result['first_paint_ms_median']} ms "
          f"(target ≤ 150 ms; {rows} rows loaded)")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / f"gui-{total}.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
