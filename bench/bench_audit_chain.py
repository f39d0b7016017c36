"""The signed audit log (issue 11, item 3): what signing costs each append, and what ``admin verify``'s
chain check costs over N entries, beside a plain SHA-256 chain of the same entries (no signatures).

    python bench/bench_audit_chain.py --entries 100000

Appends N entries through the audit log as a session does (batches of 100 in one transaction, as the
outbox delivers them), then times: the appends; the full check (hashes, links, every signature against
the certified keys, the heads); the same rows re-hashed only (what the log did before signatures).
Prints a table and writes bench/results/audit-chain-<N>.json (gitignored). Everything here is synthetic.
"""

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

USER = "bench"
PASSWORD = "a long synthetic password for timing only 42"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=20000)
    n = parser.parse_args().entries

    from victimcare.security import crypto
    from victimcare.security.audit import FIELDS, GENESIS, entry_hash
    from victimcare.security.audit_check import check_before_sign_in
    from victimcare.security.vault import Vault

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "vault"
        Vault.create(path, station_name="基准测试站", station_code="BM", supervisor=USER, password=PASSWORD,
                     kdf=crypto.KdfParams(salt=crypto.new_salt()))
        session = Vault(path).login(USER, PASSWORD)
        log = session.audit_log
        batch = [{"actor": session.staff_id, "role": "supervisor", "session_id": session.session_id, "action": "view",
                  "object_type": "case", "object_id": f"BM-2026-{i % 9999:04d}", "categories": "identity"}
                 for i in range(100)]
        started = time.perf_counter()
        for _ in range(n // 100):
            session.run(log.append_many, batch)
        append_s = time.perf_counter() - started
        session.close()

        started = time.perf_counter()
        report = check_before_sign_in(Vault(path), USER, PASSWORD)
        verify_s = time.perf_counter() - started
        assert report.ok, report.problem

        # the same rows, hashed only (the chain without signatures), on the same connection kind
        from victimcare.db.connection import open_compartment
        held = Vault(path).unwrap(USER, Vault(path).keyring.account(USER), PASSWORD)
        conn = open_compartment(path / "audit.db", held.keys["audit"])
        started = time.perf_counter()
        prev = GENESIS
        for row in conn.execute(f"SELECT {','.join(FIELDS)}, entry_hash FROM audit_log ORDER BY rowid"):
            entry = dict(zip(FIELDS, row))
            assert entry_hash(prev, entry) == row[-1]
            prev = row[-1]
        hash_only_s = time.perf_counter() - started
        conn.close()
        held.wipe()

    figures = {"entries": report.entries, "append_per_entry_us": round(append_s / (n // 100 * 100) * 1e6, 1),
               "verify_s": round(verify_s, 2), "hash_only_s": round(hash_only_s, 2),
               "verify_vs_hash_only": round(verify_s / max(hash_only_s, 1e-9), 1)}
    for key, value in figures.items():
        print(f"{key:>24}: {value}")
    out = ROOT / "bench" / "results" / f"audit-chain-{n}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(figures, indent=1))


if __name__ == "__main__":
    main()
