"""The window never waits (issue item 3), measured in the GUI itself at 100k cases, offscreen.

    python bench/bench_cases.py --cases 100000 --reuse /tmp/vc-bench      (makes the vault once)
    python bench/bench_gui_stall.py --reuse /tmp/vc-bench

A 10 ms QTimer ticks on the GUI thread throughout; the longest gap between two ticks is how long
the window could not answer (target: never > 100 ms). Meanwhile, as a user would, the case list is
searched and a case is opened again and again; each is timed from the request until its rows or its
page are on screen (target ≤ 100 ms; a search ≤ 300 ms, PRODUCT.md §6). Three phases: idle, while the settings page's
``recompute_due`` runs (after saving holidays), and while a 10,000-row CSV import runs. Works on a
copy of the bench vault. Not part of the test suite; everything is synthetic.
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cases import PASSWORD, USER, stats  # noqa: E402
from bench_concurrency import IMPORT_ROWS, import_csv  # noqa: E402

TICK_MS = 10
TARGET_MS = 100
SEARCHES = ("王小明", "DEMO-2025", "张伟伟", "ouyang", "林芳芳")  # 3+ characters: the trigram index (1–2 scan)


class Probe:
    """Ticks, and the user's requests with their response times (GUI thread only)."""

    def __init__(self, app, cases_page, case_ids: list[int], seed: int):
        from PySide6.QtCore import QTimer
        self.app, self.page, self.case_ids, self.rng = app, cases_page, case_ids, random.Random(seed)
        self.gaps: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self.last) * 1000)
        self.last = now

    def wait(self, condition, timeout: float = 30.0) -> float:
        """Run the event loop until ``condition()``; the milliseconds it took."""
        start = time.perf_counter()
        while not condition():
            self.app.processEvents()
            if time.perf_counter() - start > timeout:
                raise TimeoutError("no answer in time")
            time.sleep(0.001)
        return (time.perf_counter() - start) * 1000

    def list_page(self, text: str = "") -> float:
        """Back to the list, then a new query (the open-cases list, or a search): until its rows show."""
        page = self.page
        page.show_list()
        page.search.setText(text)
        start = time.perf_counter()
        page.refresh()  # what the 300 ms debounce calls
        self.wait(lambda: not page.model.loading)
        return (time.perf_counter() - start) * 1000

    def open_case(self) -> float:
        page = self.page
        case_id = self.rng.choice(self.case_ids)
        start = time.perf_counter()
        page.open_case(case_id)
        self.wait(lambda: page.case_page is not None and page.case_page.case_id == case_id)
        return (time.perf_counter() - start) * 1000

    def phase(self, still_running) -> dict:
        self.gaps.clear()
        self.last = time.perf_counter()
        lists, searches, opens = [], [], []
        while still_running() or len(opens) < 5:
            lists.append(self.list_page())
            self._idle(0.03)  # a moment between two clicks
            searches.append(self.list_page(self.rng.choice(SEARCHES)))
            self._idle(0.03)  # a moment between two clicks
            opens.append(self.open_case())
            self._idle(0.03)
            if not still_running() and len(opens) >= 5:
                break
        return {"longest_tick_gap_ms": round(max(self.gaps), 1), "tick_gaps_ms": stats(self.gaps),
                "list_page_ms": stats(lists), "search_ms": stats(searches), "open_case_ms": stats(opens)}

    def _idle(self, seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            self.app.processEvents()
            time.sleep(0.001)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reuse", required=True, help="the folder bench_cases.py made (DIR/vault)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="vc-stall-"))
    vault_path = work / "vault"
    shutil.copytree(Path(args.reuse) / "vault", vault_path)
    csv_path = work / "import.csv"
    import_csv(csv_path, IMPORT_ROWS, datetime.now(), args.seed)

    from PySide6.QtWidgets import QApplication
    from victimcare.casework.case_list import CaseQuery
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    from victimcare.ui.fonts import install_app_fonts
    from victimcare.ui.i18n import install_translators
    from victimcare.ui.kit.tasks import run
    from victimcare.ui.mainwindow import MainWindow

    app = QApplication([])
    install_app_fonts(app)
    install_translators(app, "zh_CN")
    vault = Vault(vault_path)
    window = MainWindow(app, vault=vault)
    window.show()
    services = sign_in(vault, USER, PASSWORD)
    window._logged_in(services, False)  # the login page's own path after a successful sign-in
    cases_page = window.workspace.show_section("cases")
    case_ids = services.session.run(lambda: [r[0] for r in services.session.conn("core").execute(
        "SELECT id FROM cases ORDER BY random() LIMIT 500")])
    probe = Probe(app, cases_page, case_ids, args.seed)
    probe.wait(lambda: not cases_page.model.loading)

    results = {"cases": services.cases.count(CaseQuery(status="all")), "idle": probe.phase(lambda: False)}
    for name, job in (("recompute_due", services.deadlines.recompute_due),
                      ("import_10k", lambda: services.imports.import_file(csv_path))):
        state = {"done": False}
        start = time.perf_counter()
        run(window, job, background=True, done=lambda _r: state.update(done=True),
            failed=lambda exc: state.update(done=True, error=exc.message))
        results[name] = probe.phase(lambda: not state["done"])
        probe.wait(lambda: state["done"], timeout=600)
        results[name]["job_s"] = round(time.perf_counter() - start, 1)
        if "error" in state:
            results[name]["error"] = state["error"]
    window.close()
    shutil.rmtree(work, ignore_errors=True)

    print(f"GUI at {results['cases']} cases (target: no tick gap and no answer over {TARGET_MS} ms)")
    for name in ("idle", "recompute_due", "import_10k"):
        r = results[name]
        print(f"  {name:14s} longest tick gap {r['longest_tick_gap_ms']:7.1f} ms · "
              f"list page p50 {r['list_page_ms']['p50']} / p95 {r['list_page_ms']['p95']} / max {r['list_page_ms']['max']} ms · "
              f"search p50 {r['search_ms']['p50']} / p95 {r['search_ms']['p95']} / max {r['search_ms']['max']} ms · "
              f"case open p50 {r['open_case_ms']['p50']} / p95 {r['open_case_ms']['p95']} / max {r['open_case_ms']['max']} ms"
              + (f" · job {r['job_s']} s" if "job_s" in r else ""))
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "gui-stall.json").write_text(json.dumps(results, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
