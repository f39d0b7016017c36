"""Key rotation of all four compartments of a demo vault of N cases (issue 11 item 1: figures, not tests).

    python bench/bench_rotation.py --cases 10000                  (builds a throw-away vault)
    python bench/bench_rotation.py --cases 100000 --reuse DIR     (builds DIR/vault once, as bench_cases does)

Works on a copy of the vault (a reused one is never changed). The measuring runs in a fresh process so
that its peak memory is the rotation's own: signed in as the supervisor, the resident set is read, the
peak is reset (Linux: ``/proc/self/clear_refs``), then (without the background page check of the
sign-in, unless ``--right-after-sign-in``: the rotation then first waits for it to stop) ``rotate_compartments`` re-keys core, sensitive,
school and audit (stage, check, keyring, commit, moves, reopen) with a keyring that seals the new keys to
every holder (``holders.reseal_all``, signed). Then, for comparison, on the same files: a plain file copy
of the four files, and ``VACUUM INTO`` of each (a re-written copy under the same key, no check).

Prints a table with the ratios and writes bench/results/rotation-<N>.json (gitignored). Synthetic data only.
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench_cases import PASSWORD, USER, build_or_reuse  # noqa: E402

NAMES = ("audit", "core", "school", "sensitive")


def _status_kib(field: str) -> int:
    """VmRSS / VmHWM of this process in KiB (0 where /proc is not there)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def measure(vault_dir: Path, scratch: Path, wait: bool, with_progress: bool = False) -> dict:
    """In the fresh process: the rotation, then a file copy and VACUUM INTO of the same files."""
    from victimcare.security import holders, session as session_module
    from victimcare.security.permissions import COMPARTMENTS_BY_ROLE
    from victimcare.security.rotation import rotate_compartments
    from victimcare.security.vault import Vault

    def write_keyring(ring, keys):
        holders.reseal_all(ring.data, keys, COMPARTMENTS_BY_ROLE)
        return ring.render(keys["audit"])

    if not wait:
        session_module.DEEP_CHECK = False  # the rotation alone; else it first waits for the page check to stop
    session = Vault(vault_dir).login(USER, PASSWORD)
    try:
        sizes = {n: vault_dir.joinpath(f"{n}.db").stat().st_size for n in NAMES}
        rss = _status_kib("VmRSS")
        peak_reset = _reset_peak()
        t = time.perf_counter()
        told = []
        report = rotate_compartments(session, set(NAMES), write_keyring,
                                     progress=(lambda i, n: told.append(i)) if with_progress else None)
        rotate_s = time.perf_counter() - t
        peak = _status_kib("VmHWM")

        copies = scratch / "copy"
        copies.mkdir()
        t = time.perf_counter()
        for n in NAMES:
            shutil.copyfile(vault_dir / f"{n}.db", copies / f"{n}.db")
        copy_s = time.perf_counter() - t

        vacuumed = scratch / "vacuum"
        vacuumed.mkdir()

        def vacuum_into():
            for n in NAMES:
                session.conn(n).execute("VACUUM INTO ?", (str(vacuumed / f"{n}.db"),))

        t = time.perf_counter()
        session.run(vacuum_into)
        vacuum_s = time.perf_counter() - t
    finally:
        session.close()
    return {"sizes_mib": {n: round(s / 2 ** 20, 1) for n, s in sizes.items()},
            "total_mib": round(sum(sizes.values()) / 2 ** 20, 1),
            "rows": report.rows, "progress_reports": len(told), "backups_reencrypted": report.backups_reencrypted,
            "rotate_s": round(rotate_s, 3), "phases_s": {k: round(v, 3) for k, v in report.phases.items()}, "copy_s": round(copy_s, 3), "vacuum_into_s": round(vacuum_s, 3),
            "rss_before_mib": round(rss / 1024, 1), "peak_mib": round(peak / 1024, 1),
            "peak_above_start_mib": round((peak - rss) / 1024, 1) if peak_reset else None}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--reuse", help="folder holding (or to hold) the bench vault")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--right-after-sign-in", action="store_true",
                        help="rotate while the background page check of the sign-in still runs (it waits for it)")
    parser.add_argument("--with-progress", action="store_true",
                        help="as the GUI runs it: progress reported, the copies made in 16 MiB steps")
    parser.add_argument("--measure", nargs=2, metavar=("VAULT", "SCRATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), Path(args.measure[1]), args.right_after_sign_in,
                                 args.with_progress)))
        return
    folder = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="vc-rotation-"))
    work = Path(tempfile.mkdtemp(prefix="vc-rotation-work-"))
    try:
        print(f"vault with {args.cases} demo cases in {folder} …", file=sys.stderr)
        info = build_or_reuse(folder, args.cases, args.seed)
        deadline = time.monotonic() + 300  # the sign-in's background page check may still be closing its reads
        while list((folder / "vault").glob("*-wal")) and time.monotonic() < deadline:
            time.sleep(0.5)
        shutil.copytree(folder / "vault", work / "vault", copy_function=shutil.copy2)
        done = subprocess.run([sys.executable, __file__, "--measure", str(work / "vault"), str(work)]
                              + (["--right-after-sign-in"] if args.right_after_sign_in else [])
                              + (["--with-progress"] if args.with_progress else []),
                              capture_output=True, text=True)
        if done.returncode:
            raise SystemExit(done.stderr[-3000:])
        result = {"cases": args.cases, "right_after_sign_in": args.right_after_sign_in, **info,
                  **json.loads(done.stdout)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if not args.reuse:
            shutil.rmtree(folder, ignore_errors=True)
    r = result
    print(f"\nrotation of all four compartments, {args.cases} cases ({r['total_mib']} MiB: "
          + ", ".join(f"{n} {s}" for n, s in r["sizes_mib"].items()) + ")")
    print(f"  rotate_compartments   {r['rotate_s']:8.2f} s   ("
          + ", ".join(f"{k} {v:.2f}" for k, v in r["phases_s"].items()) + ")")
    print(f"  file copy             {r['copy_s']:8.2f} s   rotation ×{r['rotate_s'] / max(r['copy_s'], 1e-3):.1f}")
    print(f"  VACUUM INTO           {r['vacuum_into_s']:8.2f} s   rotation ×"
          f"{r['rotate_s'] / max(r['vacuum_into_s'], 1e-3):.1f}")
    print(f"  memory: {r['rss_before_mib']} MiB resident after sign-in, peak {r['peak_mib']} MiB "
          f"(+{r['peak_above_start_mib']} MiB during the rotation)")
    out = ROOT / "bench" / "results" / f"rotation-{args.cases}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(result, ensure_ascii=False, indent=1))
    print(f"written {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
