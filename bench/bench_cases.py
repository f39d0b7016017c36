"""Case list, search and unlock with N demo cases, encrypted vs plain SQLite (PRODUCT.md §6).

    python bench/bench_cases.py --cases 100000                 (builds a throw-away vault)
    python bench/bench_cases.py --cases 100000 --reuse DIR     (builds DIR/vault once, reuses it after)

Not part of the test suite. Prints a table and writes bench/results/cases-<N>.json (gitignored).
DIR also gets password.txt (the synthetic bench password) for ``bench/bench_gui.py``.

What is measured, all on the same vault:
- unlock: ``Vault.login`` with a calibrated KDF (as ``admin init`` makes it), median of 5, and the
  Argon2id derivation alone;
- the demo fill itself (``services.demo.fill``, the one case writer) when the vault is built;
- the case list through ``services.cases.list_page`` (200 rows): first page right after unlock (cold)
  and warm, keyset next pages, search with 3+ characters (FTS5 trigram) and 1–2 characters (LIKE
  scan), 20 queries each drawn from demo names; ``services.deadlines.due_items`` (工作台);
- the same SQL (``case_list.page_sql``) on the encrypted file and on a plain SQLite copy with the
  identical schema and rows (same SQLite build: sqlcipher3 without a key), warm. The encrypted file is
  measured in the app's own process (as shipped: memory security off) and in a worker that turned
  SQLCipher's ``cipher_memory_security`` ON first (it is process-wide and sticky, hence a process of
  its own), to show what that protection costs; the plain copy in a worker that never turned it on;
- with ``--fill-compare N``: the demo fill of N cases into fresh vaults, as shipped and with memory
  security forced on, each in its own process.
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
TARGET_FILL_S = 60          # 100,000 demo cases through the one case writer (issue item 9)
TARGET_INTERACTIVE_MS = 100  # no UI-thread operation longer than this (P3)
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


# -- worker processes -----------------------------------------------------------------------------------

def force_memory_security() -> None:
    """Turn SQLCipher's memory security on for this whole process (it cannot be turned off again)."""
    import sqlcipher3
    probe = sqlcipher3.connect(":memory:")
    probe.execute("PRAGMA cipher_memory_security = ON")
    probe.execute("SELECT 1").fetchone()  # the pragma reads 1 once SQLCipher's allocator has run
    assert probe.execute("PRAGMA cipher_memory_security").fetchone()[0] == "1"
    probe.close()


def memory_security_in_force() -> str:
    import sqlcipher3
    probe = sqlcipher3.connect(":memory:")
    try:
        return str(probe.execute("PRAGMA cipher_memory_security").fetchone()[0])
    finally:
        probe.close()


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
    from victimcare.db.schema import migration_files
    enc = _open_plain_or_keyed(src, key_hex)
    plain = _open_plain_or_keyed(dest, None)
    plain.execute("PRAGMA journal_mode = WAL")
    scripts = migration_files()["core"]
    for script in scripts:
        plain.executescript(f"BEGIN;\n{script.read_text(encoding='utf-8')}\nCOMMIT;")
    plain.execute(f"PRAGMA user_version = {len(scripts)}")
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


def worker_measure(path: str, key_hex: str, plain_path: str, queries: list, reps: int) -> dict:
    enc, plain = _open_plain_or_keyed(path, key_hex), _open_plain_or_keyed(plain_path, None)
    result = compare_sql(enc, plain, queries, reps)
    result["_cases"] = [c.execute("SELECT count(*) FROM cases").fetchone()[0] for c in (enc, plain)]
    return result


def compare_sql(enc, plain, queries: list, reps: int) -> dict:
    """The same queries on the encrypted and the plain file in this process, runs alternated so that
    a busy moment of the machine falls on both; warm (each query run once first)."""
    out: dict = {"encrypted": {}, "plain": {}, "plans_differ": {}}
    for name, sql, params in queries:
        times: dict[str, list[float]] = {"encrypted": [], "plain": []}
        for label, conn in (("encrypted", enc), ("plain", plain)):
            conn.execute(sql, params).fetchall()  # warm: pages in SQLite's cache
        for _ in range(reps):
            for label, conn in (("encrypted", enc), ("plain", plain)):
                t = time.perf_counter()
                conn.execute(sql, params).fetchall()
                times[label].append(ms(time.perf_counter() - t))
        for label in times:
            out[label][name] = stats(times[label])
        plans = [[r[3] for r in c.execute("EXPLAIN QUERY PLAN " + sql, params)] for c in (enc, plain)]
        if plans[0] != plans[1]:
            out["plans_differ"][name] = {"encrypted": plans[0], "plain": plans[1]}
    return out


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
    if args.memsec:
        force_memory_security()
    if args.worker == "export":
        worker_export(args.db, args.dest, key_hex)
        print("{}")
    elif args.worker == "fill":
        print(json.dumps(worker_fill(Path(args.db), payload["n"], payload["seed"])))
    else:
        queries = [(q["name"], q["sql"], q["params"]) for q in payload["queries"]]
        print(json.dumps(worker_measure(args.db, key_hex, args.dest, queries, payload["reps"])))


# -- the vault ------------------------------------------------------------------------------------------

def create_and_fill(path: Path, n: int, seed: int, kdf=None) -> dict:
    """A new demo vault at ``path`` with ``n`` cases; the times of creating and of filling it."""
    from victimcare.casework.case_list import CaseQuery
    from victimcare.security import crypto
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    t = time.perf_counter()
    Vault.create(path, station_name="基准测试站", station_code="BM", supervisor=USER, password=PASSWORD,
                 kdf=kdf or crypto.calibrate(), demo=True)
    info = {"create_s": round(time.perf_counter() - t, 2)}
    services = sign_in(Vault(path), USER, PASSWORD)
    try:
        t = time.perf_counter()
        step = max(1000, n // 10)
        services.demo.fill(n, seed=seed, progress=lambda d, total: d % step == 0 and print(
            f"  demo cases {d}/{total} ({time.perf_counter() - t:.0f} s)", file=sys.stderr, flush=True))
        info["fill_s"] = round(time.perf_counter() - t, 1)
        info["cases"] = services.cases.count(CaseQuery(status="all"))
    finally:
        services.close()
    info["memory_security"] = memory_security_in_force()
    return info


def worker_fill(folder: Path, n: int, seed: int) -> dict:
    from victimcare.security import crypto
    fast = crypto.KdfParams(salt=crypto.new_salt())  # the floor cost: only the fill is measured here
    return create_and_fill(folder / "vault", n, seed, kdf=fast)


def build_or_reuse(folder: Path, n: int, seed: int) -> dict:
    from victimcare.casework.case_list import CaseQuery
    from victimcare.core.fsutil import ensure_private_dir, write_private_file
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    path = folder / "vault"
    info = {"vault": str(path), "built": False}
    if Vault.exists(path):
        services = sign_in(Vault(path), USER, PASSWORD)
        have = services.cases.count(CaseQuery(status="all"))
        services.close()
        if have == n:
            return info
        raise SystemExit(f"{path} holds {have} cases, not {n}; use another --reuse folder")
    ensure_private_dir(folder)
    info.update(create_and_fill(path, n, seed))
    write_private_file(folder / "password.txt", PASSWORD.encode())
    info["built"] = True
    return info


def fill_compare(n: int, seed: int) -> dict:
    """The demo fill of ``n`` cases as shipped and with memory security forced on, fresh vaults."""
    out = {}
    for label, extra in (("shipped", []), ("memsec_on", ["--memsec"])):
        folder = Path(tempfile.mkdtemp(prefix="vc-fill-"))
        try:
            out[label] = run_worker("fill", folder, None, {"n": n, "seed": seed}, extra)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    out["ratio"] = round(out["memsec_on"]["fill_s"] / out["shipped"]["fill_s"], 2)
    return out


def pick_queries(session, rng: random.Random) -> tuple[list[str], list[str]]:
    """20 queries of 3+ characters and 20 of 1–2 characters, from the demo names."""
    names = session.run(lambda: [r[0] for r in session.conn("core").execute(
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


def core_key_hex(vault_path: Path) -> str:
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    services = sign_in(Vault(vault_path), USER, PASSWORD)
    try:
        return bytes(services.session.key_for("core")).hex()
    finally:
        services.close()


def measure_app(vault_path: Path, plain_db: Path, seed: int, reps: int) -> dict:
    from victimcare.casework import case_list
    from victimcare.casework.case_list import CaseQuery
    from victimcare.security import crypto
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    out: dict = {}
    vault = Vault(vault_path)

    unlock = []
    for _ in range(5):
        t, services = timed(sign_in, vault, USER, PASSWORD)
        unlock.append(t)
        services.close()
    params = crypto.KdfParams.from_dict(vault.keyring.account(USER)["kdf"])
    kdf = [timed(crypto.derive_kek, PASSWORD, params)[0] for _ in range(3)]
    out["unlock_ms"] = stats(unlock)
    out["kdf_ms"] = stats(kdf)
    out["kdf_params"] = {"time_cost": params.time_cost, "memory_kib": params.memory_kib}

    services = sign_in(vault, USER, PASSWORD)
    session = services.session
    out["memory_security"] = memory_security_in_force()
    try:
        cases = services.cases
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
        out["due_items_ms"] = stats([timed(services.deadlines.due_items)[0] for _ in range(5)])

        now_iso = time.strftime("%Y-%m-%dT%H:%M")
        page_sql = case_list.page_sql  # looked up now: --experiment may have replaced it
        sql_set = [("first_page", *page_sql(CaseQuery(), None, 200, now_iso)),
                   ("next_page", *page_sql(CaseQuery(), cursor, 200, now_iso))]
        for i, q in enumerate(three[:3] + one_two[:3] + one_two[-3:]):
            sql_set.append((f"search_{len(q)}ch_{i}", *page_sql(CaseQuery(text=q), None, 200, now_iso)))
        out["queries"] = [{"name": n, "sql": s, "params": p} for n, s, p in sql_set]

        def in_owner():  # the app's own connection, and a plain one opened beside it on the same thread
            plain = _open_plain_or_keyed(str(plain_db), None)
            try:
                return compare_sql(session.conn("core"), plain, sql_set, reps)
            finally:
                plain.close()
        out["sql_app"] = session.run(in_owner)
    finally:
        services.close()
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
    """Monkeypatch ``page_sql`` with a proposed change, for measuring it before it is made."""
    import victimcare.casework.case_list as case_list
    import victimcare.casework.cases as cases
    original, rewrite = case_list.page_sql, EXPERIMENTS[name]

    def patched(query, cursor, limit, now_iso):
        sql, params = original(query, cursor, limit, now_iso)
        return rewrite(sql, query), params

    case_list.page_sql = cases.page_sql = patched


def compare(app: dict, memsec: dict) -> list[dict]:
    """Per query: plain and encrypted in the app's process (as shipped), and encrypted and plain in a
    process with memory security on; every ratio is against plain SQLite as shipped."""
    rows = []
    for q in app["queries"]:
        name = q["name"]
        p, a = app["sql_app"]["plain"][name]["p50"], app["sql_app"]["encrypted"][name]["p50"]
        m, mp = memsec["encrypted"][name]["p50"], memsec["plain"][name]["p50"]
        rows.append({"query": name, "plain_ms": p, "encrypted_app_ms": a, "encrypted_memsec_on_ms": m,
                     "plain_memsec_on_ms": mp, "ratio_app": round(a / p, 2) if p else None,
                     "ratio_memsec_on": round(m / p, 2) if p else None,
                     "ratio_plain_memsec_on": round(mp / p, 2) if p else None})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--reuse", help="folder holding (or to hold) the bench vault")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--reps", type=int, default=50, help="runs of each SQL per connection")
    parser.add_argument("--experiment", choices=sorted(EXPERIMENTS), help="measure a proposed page_sql change")
    parser.add_argument("--fill-compare", type=int, metavar="N",
                        help="also fill N cases into fresh vaults with memory security off (shipped) and on")
    parser.add_argument("--worker", choices=["export", "measure", "fill"], help=argparse.SUPPRESS)
    parser.add_argument("--memsec", action="store_true", help=argparse.SUPPRESS)
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
        key_hex = core_key_hex(folder / "vault")
        plain_db = folder / "plain-core.db"
        if not plain_db.exists():
            t = time.perf_counter()
            run_worker("export", folder / "vault" / "core.db", key_hex, extra=["--dest", str(plain_db)])
            info["export_s"] = round(time.perf_counter() - t, 1)
        app = measure_app(folder / "vault", plain_db, args.seed, args.reps)
        payload = {"queries": app["queries"], "reps": args.reps}
        memsec = run_worker("measure", folder / "vault" / "core.db", key_hex, payload,
                            ["--memsec", "--dest", str(plain_db)])
        key_hex = None
        if memsec.pop("_cases") != [args.cases, args.cases]:
            raise SystemExit(f"the plain copy does not hold {args.cases} cases; delete {plain_db} and rerun")
        plans_differ = {**app["sql_app"]["plans_differ"], **memsec["plans_differ"]}
        table = compare(app, memsec)
        fills = fill_compare(args.fill_compare, args.seed) if args.fill_compare else None
        machine = {"cpus": os.cpu_count(), "load": os.getloadavg()}
        result = {"cases": args.cases, "experiment": args.experiment, "machine": machine,
                  "build": info, **{k: v for k, v in app.items() if k != "queries"},
                  "sql_compare": table, "sql_memsec_on": memsec,
                  "plans_differ": plans_differ, "fill_compare": fills}
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
        print(f"\nEXPERIMENT {r['experiment']}: page_sql monkeypatched (see EXPERIMENTS)")
    cpus, load = r["machine"]["cpus"], r["machine"]["load"][0]
    print(f"\nVictimCare case list, {r['cases']} cases ({cpus} CPUs, load {load:.2f}), "
          f"memory security in the app process: {r['memory_security']}")
    if r["build"].get("built"):
        line("demo fill (services.demo.fill)", r["build"]["fill_s"], TARGET_FILL_S, unit="s")
        print(f"  (vault created in {r['build'].get('create_s')} s)")
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
    line("due_items (工作台) p50", r["due_items_ms"]["p50"], TARGET_INTERACTIVE_MS)
    if r.get("plans_differ"):
        print(f"  (query plans differ between the plain copy and the vault for: {', '.join(r['plans_differ'])})")
    print("\n  same SQL, warm p50 (ms); ratios against plain       as shipped (memsec off)       memory security ON")
    print("                                          plain  encrypted  ratio   encrypted  ratio   plain  ratio")
    for row in r["sql_compare"]:
        flag = "" if (row["ratio_app"] or 0) <= TARGET_RATIO else f"  >{TARGET_RATIO}×"
        print(f"  {row['query']:<34} {row['plain_ms']:>9.2f} {row['encrypted_app_ms']:>10.2f} {row['ratio_app']:>5}×"
              f" {row['encrypted_memsec_on_ms']:>11.2f} {row['ratio_memsec_on']:>5}×"
              f" {row['plain_memsec_on_ms']:>7.2f} {row['ratio_plain_memsec_on']:>5}×{flag}")
    f = r.get("fill_compare")
    if f:
        print(f"\n  demo fill of {f['shipped']['cases']} cases, fresh vault: shipped {f['shipped']['fill_s']} s "
              f"(memsec {f['shipped']['memory_security']}), memsec ON {f['memsec_on']['fill_s']} s "
              f"(memsec {f['memsec_on']['memory_security']}): {f['ratio']}×")


if __name__ == "__main__":
    main()
