"""Interactive latency while long work runs, through the services (issue item 3, PRODUCT.md §6 P3).

    python bench/bench_cases.py --cases 100000 --reuse /tmp/vc-bench      (makes the vault once)
    python bench/bench_concurrency.py --reuse /tmp/vc-bench

Not part of the test suite. Works on a copy of DIR/vault (the import adds cases, and the bench
vault must keep its size for bench_cases.py). What is measured, each as p50/p95/max over many tries:
- idle: ``services.cases.list_page(CaseQuery(), None, 200)`` (the case list's first page), a case
  open (``get_case`` + ``deadlines.for_case`` + ``timeline``, what the case page reads) and
  ``services.deadlines.due_items()`` (工作台);
- the same list page and case open while ``services.deadlines.recompute_due()`` runs in a
  background thread, and while ``services.imports.import_file`` imports a generated 10,000-row CSV
  (docs/import-format.md), with how long the background job took.
Target: each interactive call ≤ 100 ms. Ratios are against the idle figures. Everything is synthetic.
"""

import argparse
import csv
import io
import json
import os
import random
import shutil
import sys
import tempfile
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cases import PASSWORD, USER, stats  # noqa: E402  (same vault, same figures)

TARGET_MS = 100
PAUSE_S = 0.02  # between interactive calls: someone clicking quickly, not a tight loop
IMPORT_ROWS = 10_000
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
_GIVEN = "芳娟敏静丽艳娜秀英华慧巧美娇玲桂兰凤洁琳伟强磊军勇杰涛明超刚平辉鹏飞鑫波斌宇浩凯健俊帆"
_MODES = ("police_transfer", "police_escort", "street_relief", "urban_escort", "self", "hospital", "other")


def import_csv(path: Path, rows: int, now: datetime, seed: int) -> None:
    """A valid import file (English field codes as headers): ``rows`` synthetic cases."""
    rng = random.Random(seed)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["admitted_at", "arrival_mode", "name", "sex", "birth_date", "dialect", "appearance",
                     "request", "health_check", "circumstances"])
    for i in range(rows):
        admitted = now - timedelta(days=rng.randint(1, 700), minutes=rng.randint(0, 1439))
        born = admitted.date() - timedelta(days=rng.randint(3 * 365, 70 * 365))
        name = rng.choice(_SURNAMES) + "".join(rng.choice(_GIVEN) for _ in range(rng.randint(1, 2)))
        writer.writerow([admitted.strftime("%Y-%m-%d %H:%M"), rng.choice(_MODES), name, rng.choice("MF"),
                         born.isoformat(), "普通话", f"（导入基准）身高约{rng.randint(100, 185)}厘米",
                         "请求帮助寻找家人", "（导入基准）未见明显异常", f"（导入基准数据）第 {i + 2} 行"])
    path.write_bytes(buf.getvalue().encode("utf-8"))


def ms_since(t: float) -> float:
    return (time.perf_counter() - t) * 1000


class Interactive:
    """The two calls a user makes while waiting, timed."""

    def __init__(self, services, case_ids: list[int], seed: int):
        from victimcare.casework.case_list import CaseQuery
        self.services, self.case_ids, self.rng, self.query = services, case_ids, random.Random(seed), CaseQuery()

    def list_page(self) -> float:
        t = time.perf_counter()
        rows, _cursor = self.services.cases.list_page(self.query, None, 200)
        assert len(rows) == 200
        return ms_since(t)

    def open_case(self) -> float:
        case_id = self.rng.choice(self.case_ids)
        t = time.perf_counter()
        self.services.cases.get_case(case_id)
        self.services.deadlines.for_case(case_id)
        self.services.cases.timeline(case_id)
        return ms_since(t)

    def run(self, tries: int | None = None, until: threading.Event | None = None) -> dict:
        """Alternate the two calls ``tries`` times each, or until ``until`` is set."""
        pages, opens = [], []
        while (tries is not None and len(opens) < tries) or (until is not None and not until.is_set()):
            pages.append(self.list_page())
            time.sleep(PAUSE_S)
            opens.append(self.open_case())
            time.sleep(PAUSE_S)
        return {"list_page_ms": stats(pages), "open_case_ms": stats(opens)}


def in_background(job) -> tuple[threading.Thread, threading.Event, dict]:
    done, result = threading.Event(), {}

    def run():
        t = time.perf_counter()
        try:
            result["value"] = job()
        except BaseException as exc:  # reported by the main thread
            result["error"] = repr(exc)
        finally:
            result["seconds"] = round(time.perf_counter() - t, 2)
            done.set()

    thread = threading.Thread(target=run, name="bench-background")
    thread.start()
    return thread, done, result


def measure(vault_path: Path, tries: int, seed: int, work: Path) -> dict:
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    services = sign_in(Vault(vault_path), USER, PASSWORD)
    try:
        total = services.cases.count(__import__("victimcare.casework.case_list", fromlist=["CaseQuery"]).CaseQuery(
            status="all"))
        rng = random.Random(seed)
        case_ids = [services.cases.statuses_after(rng.randint(0, total - 1), 1)[0]["id"] for _ in range(200)]
        user = Interactive(services, case_ids, seed)
        user.run(tries=5)  # warm the cache as a user who has been working would have it
        out: dict = {"cases": total, "idle": user.run(tries=tries)}

        due = []
        for _ in range(tries):
            t = time.perf_counter()
            services.deadlines.due_items()
            due.append(ms_since(t))
        out["due_items_ms"] = stats(due)

        t = time.perf_counter()
        services.deadlines.recompute_due()
        out["recompute_alone_s"] = round(time.perf_counter() - t, 2)
        thread, done, result = in_background(services.deadlines.recompute_due)
        out["during_recompute"] = user.run(until=done)
        thread.join()
        out["during_recompute"].update(background_s=result["seconds"], recomputed=result.get("value"),
                                       error=result.get("error"))

        csv_path = work / "import.csv"
        import_csv(csv_path, IMPORT_ROWS, datetime.now(), seed)
        thread, done, result = in_background(lambda: services.imports.import_file(csv_path))
        out["during_import"] = user.run(until=done)
        thread.join()
        report = result.get("value")
        out["during_import"].update(background_s=result["seconds"], error=result.get("error"),
                                    imported=len(report.imported) if report else 0,
                                    rejected=len(report.rejected) if report else None)
    finally:
        services.close()
    return out


def report(r: dict) -> None:
    idle = r["idle"]

    def row(label: str, s: dict, base: dict | None = None) -> None:
        ratio = f"  {s['p95'] / base['p95']:5.1f}× idle p95" if base else ""
        mark = "ok" if s["p95"] <= TARGET_MS and s["max"] <= TARGET_MS else (
            "p95 ok, max over" if s["p95"] <= TARGET_MS else f"MISSED (≤ {TARGET_MS} ms)")
        print(f"  {label:<40} {s['p50']:>8.1f} {s['p95']:>8.1f} {s['max']:>8.1f} {s['n']:>5}  {mark}{ratio}")

    cpus, load = r["machine"]["cpus"], r["machine"]["load"][0]
    print(f"\nInteractive latency with {r['cases']} cases ({cpus} CPUs, load {load:.2f}), ms")
    print(f"  {'':<40} {'p50':>8} {'p95':>8} {'max':>8} {'n':>5}")
    row("idle: list page (200 rows)", idle["list_page_ms"])
    row("idle: open a case", idle["open_case_ms"])
    row("due_items (工作台)", r["due_items_ms"])
    rec, imp = r["during_recompute"], r["during_import"]
    row("during recompute_due: list page", rec["list_page_ms"], idle["list_page_ms"])
    row("during recompute_due: open a case", rec["open_case_ms"], idle["open_case_ms"])
    row("during 10k import: list page", imp["list_page_ms"], idle["list_page_ms"])
    row("during 10k import: open a case", imp["open_case_ms"], idle["open_case_ms"])
    print(f"  recompute_due of {rec['recomputed']} open cases: {r['recompute_alone_s']} s alone, "
          f"{rec['background_s']} s with the interactive calls ({rec['background_s'] / r['recompute_alone_s']:.2f}×)")
    print(f"  import of {IMPORT_ROWS} rows: {imp['background_s']} s, {imp['imported']} imported, "
          f"{imp['rejected']} rejected")
    for name, part in (("recompute", rec), ("import", imp)):
        if part.get("error"):
            print(f"  {name} FAILED: {part['error']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reuse", default="/tmp/vc-bench", help="the folder bench_cases.py --reuse filled")
    parser.add_argument("--tries", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    source = Path(args.reuse) / "vault"
    if not (source / "keyring.json").is_file():
        raise SystemExit(f"no bench vault in {args.reuse}: run bench/bench_cases.py --reuse {args.reuse} first")
    work = Path(tempfile.mkdtemp(prefix="vc-conc-"))
    try:
        copy = work / "vault"
        shutil.copytree(source, copy, copy_function=shutil.copy2)  # keeps the 0600/0700 modes
        result = measure(copy, args.tries, args.seed, work)
        result["machine"] = {"cpus": os.cpu_count(), "load": os.getloadavg()}
        report(result)
        out = ROOT / "bench" / "results" / f"concurrency-{result['cases']}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"\nJSON: {out}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
