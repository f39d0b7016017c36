"""Backup and restore times at 100k cases, through the services (issue 8, items 4 and 5).

    python bench/bench_cases.py --cases 100000 --reuse /tmp/vc-bench      (makes the vault once)
    python bench/bench_backup.py --reuse /tmp/vc-bench

Not part of the test suite. Works on a copy of DIR/vault (the bench vault is never changed), with a
backup folder on the same disk. Measures: ``backup.backup`` (copy + reopen + both integrity checks
of the four compartments, the keyring, manifest), a second backup (generations), ``backup.inspect``,
``backup.restore`` from a live session and ``restore_without_session`` after core.db was damaged;
and the longest a case-list page waits while the backup runs in another thread.
"""

import argparse
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

USER = "bench"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reuse", default="/tmp/vc-bench", help="folder holding vault/ and password.txt")
    args = parser.parse_args()
    from victimcare.casework.backup import restore_without_session
    from victimcare.casework.case_list import CaseQuery
    from victimcare.security.vault import Vault
    from victimcare.services import sign_in
    source = Path(args.reuse)
    password = (source / "password.txt").read_text(encoding="utf-8").strip()
    work = Path(tempfile.mkdtemp(prefix="vc-bench-backup-"))
    try:
        vault_dir = work / "vault"
        shutil.copytree(source / "vault", vault_dir, copy_function=shutil.copy2)
        size = sum(p.stat().st_size for p in vault_dir.rglob("*") if p.is_file()) / 2 ** 20
        usb = work / "usb"
        usb.mkdir()
        s = sign_in(Vault(vault_dir), USER, password)
        print(f"vault: {size:.0f} MiB on disk")

        waits, done = [], threading.Event()

        def reader():
            while not done.is_set():
                t = time.perf_counter()
                s.cases.list_page(CaseQuery(), None, 200)
                waits.append(time.perf_counter() - t)
                time.sleep(0.02)

        t = threading.Thread(target=reader)
        t.start()
        first = s.backup.backup(usb)
        done.set()
        t.join()
        print(f"backup:            {first.seconds:6.1f} s  ({first.cases} cases)")
        print(f"  case-list page during backup: max {max(waits) * 1000:.0f} ms over {len(waits)} reads")
        second = s.backup.backup(usb)
        print(f"second backup:     {second.seconds:6.1f} s")
        t0 = time.perf_counter()
        s.backup.inspect(first.folder)
        print(f"inspect:           {time.perf_counter() - t0:6.1f} s")
        result = s.backup.restore(second.folder)
        print(f"restore (session): {result.seconds:6.1f} s")

        core = vault_dir / "core.db"
        with open(core, "r+b") as f:  # damage a middle page
            f.seek(core.stat().st_size // 2)
            f.write(b"\xff\x00\xff")
        result = restore_without_session(vault_dir, first.folder, USER, password)
        print(f"restore (damaged vault, backup's keyring): {result.seconds:6.1f} s")
        s = sign_in(Vault(vault_dir), USER, password)
        t0 = time.perf_counter()
        report = s.integrity.verify()
        print(f"verify after restore: {'ok' if report.ok else 'NOT OK'} ({time.perf_counter() - t0:.1f} s), "
              f"{result.info.cases} cases")
        s.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
