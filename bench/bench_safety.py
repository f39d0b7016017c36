"""What the data-safety design costs at 100,000 cases: the outbox, the repair and the open checks.

    python bench/bench_cases.py --cases 100000 --reuse DIR      (makes DIR/vault once, user "bench")
    python bench/bench_safety.py --reuse DIR [--password-file FILE]

Works on a copy of DIR/vault (the original is never opened for writing). Prints JSON figures:

- ``intake_ms``: one intake as shipped (``write_audited``: the audit entry staged in the core
  transaction, appended, then the outbox row deleted in one more core commit) against the former path
  (``CaseWriter.write`` then ``Session.record``), alternated on the same session;
- ``import_10k_s``: the writer part of a 10,000-case import, both ways, on side connections, and a whole
  ``imports.import_file`` of a 10,000-row file as shipped;
- ``unlock_ms``: ``Vault.login`` (KDF included) and the open checks alone: file sizes, stamps, the
  repair's count comparison, on the open connections;
- ``deep_check_s``: the background check (cipher_integrity_check + quick_check) per compartment.
"""

import argparse
import json
import shutil
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_cases import PASSWORD, USER, stats  # noqa: E402
from bench_concurrency import import_csv  # noqa: E402

INTAKES = 40


def ms(t: float) -> float:
    return (time.perf_counter() - t) * 1000


def raw(i: int) -> dict:
    return {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测" + "甲乙丙丁戊己庚辛壬癸"[i % 10]
            + "子丑寅卯辰巳午未申酉"[(i // 10) % 10], "sex": "F", "birth_date": f"19{50 + i % 40}-03-04"}


def bench_intake(services) -> dict:
    from victimcare.casework.deadlines import local_now
    from victimcare.casework.record import NewCase, write_audited
    from victimcare.casework.steps.intake.rules import validate_intake
    from victimcare.casework.steps.intake.service import case_writer
    from victimcare.security import outbox
    session = services.session
    new, old = [], []

    def one(i: int, shipped: bool) -> float:
        record = validate_intake(raw(i), now=local_now(session), registrar=session.account)
        t = time.perf_counter()
        if shipped:
            write_audited(session, case_writer(session, local_now(session)), [NewCase(record)],
                          lambda numbers: [outbox.entry(session, "create", object_type="case",
                                                        object_id=numbers[0][0])])
        else:
            [(case_id, _n)] = case_writer(session, local_now(session)).write([NewCase(record)])
            session._append("create", {"object_type": "case", "object_id": case_id})
        return ms(t)

    for i in range(INTAKES):
        new.append(session.run(one, 2 * i, True))
        old.append(session.run(one, 2 * i + 1, False))
    return {"shipped": stats(new), "former": stats(old),
            "extra_p50_ms": round(stats(new)["p50"] - stats(old)["p50"], 2)}


def bench_import(services, folder: Path) -> dict:
    from victimcare.casework.importer.reading import parse, read_limited, row_to_raw
    from victimcare.casework.record import NewCase, write_audited
    from victimcare.casework.steps.intake.rules import validate_intake
    from victimcare.casework.steps.intake.service import case_writer
    from victimcare.security import outbox
    session = services.session
    now = datetime.fromtimestamp(session.vault.clock.now())
    out = {}
    for label, shipped, seed in (("former", False, 1), ("shipped", True, 2)):
        path = folder / f"import-{label}.csv"
        import_csv(path, 10_000, now, seed)
        table = parse(path, read_limited(path), None)
        records = [validate_intake(row_to_raw(table, cells)[0], now=now, registrar=session.account)
                   for _row, cells in table.rows]
        with session.side_connections() as conns:
            writer = case_writer(session, now, conns)
            t = time.perf_counter()
            if shipped:
                write_audited(session, writer, [NewCase(r) for r in records],
                              lambda n: [outbox.entry(session, "import", object_type="case", record_count=len(n),
                                                      object_id=f"{n[0][0]}-{n[-1][0]}")])
            else:
                writer.write([NewCase(r) for r in records])
                session.record("import", object_type="case", record_count=len(records))
            out[f"writer_{label}_s"] = round(time.perf_counter() - t, 2)
    path = folder / "import-whole.csv"
    import_csv(path, 10_000, now, 3)
    t = time.perf_counter()
    report = services.imports.import_file(path)
    out["import_file_shipped_s"] = round(time.perf_counter() - t, 2)
    assert report.ok
    return out


def bench_unlock(vault, password: str) -> dict:
    from victimcare.casework.repair import repair_case_rows
    from victimcare.security import opening
    logins, checks = [], []
    for _ in range(5):
        t = time.perf_counter()
        services = vault.login(USER, password)
        logins.append(ms(t))
        session = services
        session.deep_check.stop()

        def cheap():
            t = time.perf_counter()
            paths = {n: vault.compartment_path(n) for n in session.compartments()}
            for name, path in paths.items():
                opening.check_file(name, path)
            conns = {n: session.conn(n) for n in session.compartments()}
            opening.check_schema(conns, paths, vault.path)
            assert not opening.stamp_damage(conns, paths)
            assert not any(repair_case_rows({n: c for n, c in conns.items() if n != "audit"}).values())
            return ms(t)

        checks.append(session.run(cheap))
        session.close()
    return {"login_ms": stats(logins), "open_checks_ms": stats(checks)}


def bench_deep(vault, password: str) -> dict:
    from victimcare.db.connection import quick_problems
    session = vault.login(USER, password)
    session.deep_check.stop()
    out = {}
    with session.side_connections(audit=True) as conns:
        for name, conn in conns.items():
            t = time.perf_counter()
            assert quick_problems(conn) == []
            out[name] = round(time.perf_counter() - t, 3)
    session.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reuse", type=Path, required=True, help="folder holding vault/ (bench_cases.py)")
    parser.add_argument("--password-file", type=Path, help="the bench user's password, if not the default")
    args = parser.parse_args()
    from victimcare.security.vault import Vault
    from victimcare.services import Services
    password = args.password_file.read_text().strip() if args.password_file else PASSWORD
    folder = Path(tempfile.mkdtemp(prefix="vc-safety-"))
    try:
        shutil.copytree(args.reuse / "vault", folder / "vault")
        vault = Vault(folder / "vault")
        t = time.perf_counter()
        vault.login(USER, password).close()  # migrations (with their backups) and a first repair
        figures = {"first_open_s": round(time.perf_counter() - t, 2)}
        figures["unlock"] = bench_unlock(vault, password)
        figures["deep_check_s"] = bench_deep(vault, password)
        services = Services(vault.login(USER, password))
        try:
            figures["intake_ms"] = bench_intake(services)
            figures["import_10k"] = bench_import(services, folder)
        finally:
            services.close()
        print(json.dumps(figures, ensure_ascii=False, indent=1))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
