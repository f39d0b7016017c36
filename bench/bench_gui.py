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
sys.path.insert(0, str(Path(__file__).resolve().parent))


def build_vault(n: int) -> tuple[Path, str, str]:
    from bench_cases import PASSWORD, USER, create_and_fill
    path = Path(tempfile.mkdtemp(prefix="vc-bench-")) / "vault"
    create_and_fill(path, n, seed=0)
    return path, USER, PASSWORD


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
    from victimcare.casework.case_list import CaseQuery
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in

    app = QApplication([])
    install_app_fonts(app)
    install_translators(app, "zh_CN")
    services = sign_in(Vault(path), user, password)
    total = services.cases.count(CaseQuery(status="all"))
    timings = []
    for _ in range(args.runs):
        start = time.perf_counter()
        page = CasesPage(services)
        page.resize(1366, 700)
        page.refresh()
        page.show()
        page.grab()  # forces layout and a paint of the visible rows
        timings.append((time.perf_counter() - start) * 1000)
        rows = page.model.rowCount()
        page.close()
        page.deleteLater()
        app.processEvents()
    services.close()
    result = {"cases": total, "rows_loaded": rows, "first_paint_ms_median": round(statistics.median(timings), 1),
              "first_paint_ms_runs": [round(t, 1) for t in timings], "target_ms": 150}
    print(f"case list first paint with {total} cases: median {result['first_paint_ms_median']} ms "
          f"(target ≤ 150 ms; {rows} rows loaded)")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / f"gui-{total}.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
