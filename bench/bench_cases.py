"""Case list, search and unlock with N demo cases, encrypted vs plain SQLite (PRODUCT.md §6).

    python bench/bench_cases.py --cases 100000                 (builds a throw-away vault)
    python bench/bench_cases.py --cases 100000 --reuse DIR     (builds DIR/vault once, reuses it after)

Not part of the test suite. Prints a table and writes bench/results/cases-<N>.json (gitignored).
DIR also gets password.txt (the synthetic bench password) for ``bench/bench_gui.py``.

What is measured, all on the same vault:
- unlock: ``Vault.login`` with a calibrated KDF (as ``admin init`` makes it), median of 5, and the
  Argon2id derivation alone;
- the case list through ``CaseService.list_page`` (200 rows): first page right after unlock (cold) and
  warm, keyset next pages, search with 3+ characters (FTS5 trigram) and 1–2 characters (LIKE scan),
  20 queries each drawn from demo names;
- the same SQL (``cases._list_sql``) on the encrypted file and on a plain SQLite copy with the identical
  schema and rows (same SQLite build: sqlcipher3 without a key), warm, in worker processes. SQLCipher's
  ``cipher_memory_security`` is process-wide and sticky, so the plain copy is measured in a process
  that never turned it on, and the encrypted file is measured twice: in the app's own process
  (memory security ON, as shipped) and in a worker with it OFF, to separate encryption from mlock.
The plain copy is made by iterating rows into a new file (never ATTACH … KEY ''); the compartment key
goes to the worker on stdin, never in argv or the environment. Everything here is synthetic.
"""

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

USER = "bench"
PASSWORD = "bench password that is long enough"
TARGETS_MS = {"first_page": 150, "search": 300, "next_page": 5, "unlock": 500}
TARGET_RATIO = 1.3
CORE_TABLES = ("meta", "cases", "aliases", "belongings", "relatives", "police_handover", "photos", "steps",
               "milestones", "events", "search_docs")


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def stats(values: list[float]) -> dict:
    values = sorted(values)
    if not values:
        return {}
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))]
    return {"p50": round(statistics.median(values), 3), "p95": round(p95, 3), "min": round(values[0], 3),
            "max": round(values[-1], 3), "n": len(values)}


# -- worker processes (no memory security unless the parent's app process) ------------------------------

def _open_plain_or_keyed(path: str, key_hex: str | None):
    import sqlcipher3
    conn = sqlcipher3.connect(path, isolation_level=None)
    if key_hex:
        if len(key_hex) != 64 or any(c not in "0123456789abcdef" for c in key_hex):
            raise SystemExit("bad key")
        conn.execute("PRAGMA key = \"x'%s'\"" % key_hex)  # validated hex only
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    for pragma in ("temp_store = MEMORY", "cache_size = -131072", "trusted_schema = OFF", "foreign_keys = ON"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def worker_export(src: str, dest: str, key_hex: str) -> None:
    """Copy every core row into a plain file with the identical schema (same DDL, no ANALYZE)."""
    from victimcare.db.schema import MIGRATIONS
    enc = _open_plain_or_keyed(src, key_hex)
    plain = _open_plain_or_keyed(dest, None)
    plain.execute("PRAGMA journal_mode = WAL")
    for script in MIGRATIONS["core"]:
        plain.executescript(f"BEGIN;\n{script}\nCOMMIT;")
    plain.execute(f"PRAGMA user_version = {len(MIGRATIONS['core'])}")
    plain.execute("BEGIN")
    for table in CORE_TABLES:
        cur = enc.execute(f"SELECT * FROM {table}")  # table names from the constant above
        cols = [d[0] for d in cur.description]
        sql = f"INSERT INTO {table}({','.join(cols)}) VALUES ({','.join('?' * len(cols))})"
        while rows := cur.fetchmany(5000):
            plain.executemany(sql, rows)
    plain.execute("COMMIT")
    if enc.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone():
        plain.execute("ANALYZE")  # the vault has planner statistics (PRAGMA optimize at close): so must the copy
    plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    plain.close()
    enc.close()


def worker_measure(path: str, key_hex: str | None, queries: list, reps: int) -> dict:
    conn = _open_plain_or_keyed(path, key_hex)
    result = {name: time_sql(conn, sql, params, reps) for name, sql, params in queries}
    result["_cases"] = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    result["_plans"] = {name: [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]
                        for name, sql, params in queries}
    return result


def time_sql(conn, sql: str, params, reps: int) -> dict:
    conn.execute(sql, params).fetchall()  # warm: pages in SQLite's cache
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        conn.execute(sql, params).fetchall()
        times.append(ms(time.perf_counter() - t))
    return stats(times)


def run_worker(mode: str, db: Path, key_hex: str | None, payload: dict | None = None, extra=()) -> dict:
    stdin = (key_hex or "") + "\n" + json.dumps(payload or {}, ensure_ascii=False)
    proc = subprocess.run([sys.executable, __file__, "--worker", mode, "--db", str(db), *extra], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=3600)
    if proc.returncode != 0:
        raise SystemExit(f"worker {mode} failed:\n{proc.stderr}")
    return json.loads(proc.stdout or "{}")


def worker_main(args) -> None:
    key_hex = sys.stdin.readline().strip() or None
    payload = json.loads(sys.stdin.read() or "{}")
    if args.worker == "export":
        worker_export(args.db, args.dest, key_hex)
        print("{}")
    else:
        queries = [(q["name"], q["sql"], q["params"]) for q in payload["queries"]]
        print(json.dumps(worker_measure(args.db, key_hex, queries, payload["reps"])))


# -- the vault ------------------------------------------------------------------------------------------

def build_or_reuse(folder: Path, n: int, seed: int) -> dict:
    from victimcare.security import crypto
    from victimcare.casework.demodata import fill_demo_cases
    from victimcare.core.fsutil import ensure_private_dir, write_private_file
    from victimcare.security.vault import Vault
    path = folder / "vault"
    info = {"vault": str(path), "built": False}
    if Vault.exists(path):
        session = Vault(path).login(USER, PASSWORD)
        have = session.owner.call(lambda: session.conn("core").execute("SELECT count(*) FROM cases").fetchone()[0])
        session.close()
        if have == n:
            return info
        raise SystemExit(f"{path} holds {have} cases, not {n}; use another --reuse folder")
    ensure_private_dir(folder)
    t = time.perf_counter()
    Vault.create(path, station_name="基准测试站", station_code="BM", supervisor=USER, password=PASSWORD,
                 kdf=crypto.calibrate(), demo=True)
    info["create_s"] = round(time.perf_counter() - t, 2)
    session = Vault(path).login(USER, PASSWORD)
    t = time.perf_counter()
    step = max(1000, n // 10)
    fill_demo_cases(session, n, progress=lambda d, total: d % step == 0 and print(
        f"  demo cases {d}/{total} ({time.perf_counter() - t:.0f} s)", file=sys.stderr, flush=True))
    info["fill_s"] = round(time.perf_counter() - t, 1)
    session.close()
    write_private_file(folder / "password.txt", PASSWORD.encode())
    info["built"] = True
    return info


def pick_queries(session, rng: random.Random) -> tuple[list[str], list[str]]:
    """20 queries of 3+ characters and 20 of 1–2 characters, from the demo names."""
    names = session.owner.call(lambda: [r[0] for r in session.conn("core").execute(
        "SELECT name FROM cases WHERE name != '' ORDER BY id")])
    long_names = sorted({n for n in names if len(n) >= 3})
    short = sorted({n for n in names if len(n) >= 2})
    three = rng.sample(long_names, 14) + [n[:4] for n in rng.sample([n for n in long_names if len(n) >= 5], 3)]
    three += [n for n in long_names if any(0x20000 <= ord(c) for c in n)][:3]
    three = (three + rng.sample(long_names, 20))[:20]
    one_two = [n[0] for n in rng.sample(short, 6)] + [n[-1] for n in rng.sample(short, 4)]
    one_two += [n[:2] for n in rng.sample(short, 6)] + [n[1:3] for n in rng.sample(long_names, 4)]
    return three, one_two


def timed(fn, *args, **kwargs):
    t = time.perf_counter()
    result = fn(*args, **kwargs)
    return ms(time.perf_counter() - t), result


def measure_app(vault_path: Path, seed: int) -> dict:
    from victimcare.security import crypto
    from victimcare.casework.cases import CaseQuery, _list_sql
    from victimcare.security.vault import Vault
    out: dict = {}
    vault = Vault(vault_path)

    unlock = []
    for _ in range(5):
        t, session = timed(vault.login, USER, PASSWORD)
        unlock.append(t)
        session.close()
    params = crypto.KdfParams.from_dict(vault.keyring.account(USER)["kdf"])
    kdf = [timed(crypto.derive_kek, PASSWORD, params)[0] for _ in range(3)]
    out["unlock_ms"] = stats(unlock)
    out["kdf_ms"] = stats(kdf)
    out["kdf_params"] = {"time_cost": params.time_cost, "memory_kib": params.memory_kib}

    session = vault.login(USER, PASSWORD)
    try:
        cases = session.cases
        first_cold, (rows, cursor) = timed(cases.list_page, CaseQuery(), None, 200)
        out["first_page_cold_ms"] = first_cold
        out["first_page_rows"] = len(rows)
        out["first_page_warm_ms"] = stats([timed(cases.list_page, CaseQuery(), None, 200)[0] for _ in range(20)])
        nxt, cur = [], cursor
        for _ in range(20):
            t, (page, cur) = timed(cases.list_page, CaseQuery(), cur, 200)
            nxt.append(t)
        out["next_page_first_read_ms"] = stats(nxt)
        cur, nxt_warm = cursor, []
        for _ in range(20):
            t, (page, cur) = timed(cases.list_page, CaseQuery(), cur, 200)
            nxt_warm.append(t)
        out["next_page_warm_ms"] = stats(nxt_warm)
        three, one_two = pick_queries(session, random.Random(seed))
        for label, queries in (("search_3plus", three), ("search_1to2", one_two)):
            first, warm, hits = [], [], []
            for q in queries:
                t, (found, _c) = timed(cases.list_page, CaseQuery(text=q), None, 200)
                first.append(t)
                hits.append(len(found))
                warm.append(timed(cases.list_page, CaseQuery(text=q), None, 200)[0])
            out[f"{label}_first_ms"] = stats(first)
            out[f"{label}_warm_ms"] = stats(warm)
            out[f"{label}_hits"] = stats(hits)
            worst = max(range(len(queries)), key=lambda i: first[i])
            out[f"{label}_slowest"] = {"length": len(queries[worst]), "ms": first[worst], "hits": hits[worst]}
        out["count_all_ms"] = timed(cases.count, CaseQuery(status="all"))[0]
        out["due_items_ms"] = timed(cases.due_items)[0]

        now_iso = time.strftime("%Y-%m-%dT%H:%M")
        page_sql = _list_sql(CaseQuery(), None, 200, now_iso)
        next_sql = _list_sql(CaseQuery(), cursor, 200, now_iso)
        sql_set = [("first_page", *page_sql), ("next_page", *next_sql)]
        for i, q in enumerate(three[:3] + one_two[:3] + one_two[-3:]):
            sql_set.append((f"search_{len(q)}ch_{i}", *_list_sql(CaseQuery(text=q), None, 200, now_iso)))
        out["queries"] = [{"name": n, "sql": s, "params": p} for n, s, p in sql_set]

        def in_owner():
            conn = session.conn("core")
            plans = {n: [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + s, p)] for n, s, p in sql_set}
            return {n: time_sql(conn, s, p, 10) for n, s, p in sql_set}, plans
        out["sql_app_ms"], out["plans"] = session.owner.call(in_owner)
        key_hex = bytes(session.key_for("core")).hex()
    finally:
        session.close()
    out["_key"] = key_hex
    return out


EXPERIMENTS = {
    # The first page sorted a temp B-tree of every open case (and ran the "active steps" subquery for
    # each of them) because the planner took cases_status_due for "status = ?". A unary plus keeps the
    # status filter off the index, so the ORDER BY index (or the FTS rowid list) drives the query and
    # LIMIT stops after 200 rows. Not for sort=next_due, whose index starts with status.
    "plus-status": lambda sql, query: sql if query.sort == "next_due" else sql.replace(
        "WHERE c.status = ?", "WHERE +c.status = ?", 1),
}


def apply_experiment(name: str) -> None:
    """Monkeypatch ``cases._list_sql`` with a proposed change, for measuring it before it is made."""
    import victimcare.casework.cases as cases
    original, rewrite = cases._list_sql, EXPERIMENTS[name]

    def patched(query, cursor, limit, now_iso):
        sql, params = original(query, cursor, limit, now_iso)
        return rewrite(sql, query), params

    cases._list_sql = patched


def compare(app: dict, plain: dict, nomem: dict) -> list[dict]:
    rows = []
    for q in app["queries"]:
        name = q["name"]
        a, p, e = app["sql_app_ms"][name]["p50"], plain[name]["p50"], nomem[name]["p50"]
        rows.append({"query": name, "plain_ms": p, "encrypted_ms": e, "encrypted_app_ms": a,
                     "ratio_encrypted": round(e / p, 2) if p else None,
                     "ratio_app": round(a / p, 2) if p else None})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--reuse", help="folder holding (or to hold) the bench vault")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--experiment", choices=sorted(EXPERIMENTS), help="measure a proposed _list_sql change")
    parser.add_argument("--worker", choices=["export", "measure"], help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    parser.add_argument("--dest", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker_main(args)
        return

    folder = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="vc-bench-"))
    try:
        print(f"vault with {args.cases} demo cases in {folder} …", file=sys.stderr)
        info = build_or_reuse(folder, args.cases, args.seed)
        if args.experiment:
            apply_experiment(args.experiment)
        app = measure_app(folder / "vault", args.seed)
        key_hex = app.pop("_key")
        plain_db = folder / "plain-core.db"
        if not plain_db.exists():
            t = time.perf_counter()
            run_worker("export", folder / "vault" / "core.db", key_hex, extra=["--dest", str(plain_db)])
            info["export_s"] = round(time.perf_counter() - t, 1)
        payload = {"queries": app["queries"], "reps": 10}
        plain = run_worker("measure", plain_db, None, payload)
        nomem = run_worker("measure", folder / "vault" / "core.db", key_hex, payload)
        key_hex = None
        for label, measured in (("plain copy", plain), ("encrypted worker", nomem)):
            if measured.pop("_cases") != args.cases:
                raise SystemExit(f"the {label} does not hold {args.cases} cases; delete {plain_db} and rerun")
        plans_differ = {n: {"plain": plain["_plans"][n], "app": app["plans"][n]}
                        for n in app["plans"] if plain["_plans"][n] != app["plans"][n]}
        plain.pop("_plans"), nomem.pop("_plans")
        table = compare(app, plain, nomem)
        machine = {"cpus": os.cpu_count(), "load": os.getloadavg()}
        result = {"cases": args.cases, "experiment": args.experiment, "machine": machine,
                  "build": info, **{k: v for k, v in app.items() if k != "queries"},
                  "sql_compare": table, "sql_plain_ms": plain, "sql_encrypted_no_memsec_ms": nomem,
                  "plans_differ": plans_differ}
        report(result)
        suffix = f"-{args.experiment}" if args.experiment else ""
        out = ROOT / "bench" / "results" / f"cases-{args.cases}{suffix}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"\nJSON: {out}")
        if args.reuse:
            print(f"GUI:  python bench/bench_gui.py --vault {folder / 'vault'} --user {USER} "
                  f"--password-file {folder / 'password.txt'}")
    finally:
        if not args.reuse:
            shutil.rmtree(folder, ignore_errors=True)


def report(r: dict) -> None:
    def line(label, value, target=None, unit="ms"):
        mark = "" if target is None else ("  ok" if value <= target else f"  MISSED (target ≤ {target} {unit})")
        print(f"  {label:<44} {value:>10.2f} {unit}{mark}")

    if r.get("experiment"):
        print(f"\nEXPERIMENT {r['experiment']}: cases._list_sql monkeypatched (see EXPERIMENTS)")
    cpus, load = r["machine"]["cpus"], r["machine"]["load"][0]
    print(f"\nVictimCare case list, {r['cases']} cases ({cpus} CPUs, load {load:.2f})")
    if r["build"].get("built"):
        print(f"  built: create {r['build'].get('create_s')} s, demo fill {r['build'].get('fill_s')} s")
    line("unlock: Vault.login, median of 5", r["unlock_ms"]["p50"], TARGETS_MS["unlock"])
    line("  of which Argon2id (calibrated), median", r["kdf_ms"]["p50"])
    line("first page, 200 rows, cold (after unlock)", r["first_page_cold_ms"], TARGETS_MS["first_page"])
    line("first page, 200 rows, warm p50", r["first_page_warm_ms"]["p50"], TARGETS_MS["first_page"])
    line("next page (keyset), first read p50", r["next_page_first_read_ms"]["p50"], TARGETS_MS["next_page"])
    line("next page (keyset), first read p95", r["next_page_first_read_ms"]["p95"], TARGETS_MS["next_page"])
    line("next page (keyset), warm p50", r["next_page_warm_ms"]["p50"], TARGETS_MS["next_page"])
    for label in ("search_3plus", "search_1to2"):
        text = "search ≥3 chars" if label == "search_3plus" else "search 1–2 chars"
        line(f"{text}, first p50", r[f"{label}_first_ms"]["p50"], TARGETS_MS["search"])
        line(f"{text}, first p95", r[f"{label}_first_ms"]["p95"], TARGETS_MS["search"])
        line(f"{text}, warm p50", r[f"{label}_warm_ms"]["p50"], TARGETS_MS["search"])
    line("count(all)", r["count_all_ms"])
    line("due_items (工作台)", r["due_items_ms"])
    if r.get("plans_differ"):
        print(f"  (query plans differ between the plain copy and the vault for: {', '.join(r['plans_differ'])})")
    print("\n  same SQL, warm p50 (ms)                plain   encrypted  ratio   app(memsec)  ratio")
    for row in r["sql_compare"]:
        flag = "" if (row["ratio_encrypted"] or 0) <= TARGET_RATIO else "  >1.3×"
        print(f"  {row['query']:<34} {row['plain_ms']:>9.2f} {row['encrypted_ms']:>10.2f} {row['ratio_encrypted']:>6}×"
              f" {row['encrypted_app_ms']:>11.2f} {row['ratio_app']:>6}×{flag}")


if __name__ == "__main__":
    main()
