"""The writing process of the crash harness (test_crash_harness.py): signs in and writes until killed.

argv: vault folder, path, first index, a folder: for "intake", "import" and "edit" a scratch folder, for
"backup" the backup folder, for "restore" (signed in) and "offline" (``restore_without_session``) the
generation to restore. The password comes on stdin. Prints one line per acknowledged write, after the
call returned: ``case <id>`` for an intake, ``import <case_no> <case_no> …`` for an import,
``backup <generation>`` for a backup, ``restored <seconds>`` for a restore, ``edit <i>`` for an edit of case 1
(its name becomes ``name(i)`` and its narrative ``经过 <i> …``: test_crash_intake_edit.py).
"""

import sys
import time
from pathlib import Path

from victimcare.casework.backup import restore_without_session
from victimcare.casework.steps.intake.service import DuplicateCandidates
from victimcare.security.vault import Vault
from victimcare.services import sign_in

ROWS = 120  # cases per imported file
CHARS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅兰竹菊"


def name(i: int) -> str:
    """A different valid two-or-three-character given name for every i."""
    out = ""
    while True:
        out += CHARS[i % len(CHARS)]
        i //= len(CHARS)
        if not i:
            return "崔" + out


def intake_raw(i: int) -> dict:
    return {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": name(i), "sex": "F",
            "birth_date": "1990-03-04", "circumstances": f"经过 {i} " + "记录" * 40}


def import_file(folder: Path, i: int) -> Path:
    lines = ["admitted_at,arrival_mode,name,sex,birth_date,estimated_age,age_basis,appearance"]
    lines += [f"2026-03-01 10:00,self,导入测试{i}号{n},M,1985-05-01,,," for n in range(ROWS)]
    path = folder / f"crash-import-{i}.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def create_case(services, i: int) -> int:
    """An intake of case i, accepting the near duplicates its sibling names produce."""
    try:
        return services.intake.create(intake_raw(i))
    except DuplicateCandidates as dup:
        return services.intake.create(intake_raw(i), reviewed_duplicates=[c["id"] for c in dup.candidates])


def edit_raw(values: dict, i: int) -> dict:
    """An edit of every compartment of a referred child's case: the name (core) and the narrative (sensitive)
    name ``i``; the birth date (core, and the school copy) follows whether ``i`` is odd."""
    return {**values, "name": name(i), "circumstances": f"经过 {i} " + "修改" * 40,
            "birth_date": "2015-03-04" if i % 2 else "2016-03-04"}


def write_cases(services, kind: str, first: int, scratch: Path) -> None:
    i = first
    values = services.intake.editable(1) if kind == "edit" else None
    while True:
        if kind == "edit":
            services.intake.update(1, edit_raw(values, i))
            print(f"edit {i}", flush=True)
        elif kind == "intake":
            print(f"case {create_case(services, i)}", flush=True)
        else:
            report = services.imports.import_file(import_file(scratch, i))
            assert report.ok, report.lines()
            print("import " + " ".join(report.imported), flush=True)
        i += 1


def main() -> None:
    vault_dir, kind, arg, folder = Path(sys.argv[1]), sys.argv[2], sys.argv[3], Path(sys.argv[4])
    password = sys.stdin.readline().rstrip("\n")
    if kind == "offline":  # the command-line restore of a vault that cannot be opened
        print("started", flush=True)
        began = time.monotonic()
        restore_without_session(vault_dir, folder, "zhanzhang", password)
        print(f"restored {time.monotonic() - began:.3f}", flush=True)
        time.sleep(600)  # acknowledged: wait for the harness's kill
    services = sign_in(Vault(vault_dir), "zhanzhang", password)
    if kind == "backup":
        print("signed-in", flush=True)
        while True:
            print(f"backup {services.backup.backup(folder).folder.name}", flush=True)
    elif kind == "restore":
        print("signed-in", flush=True)
        began = time.monotonic()
        services.backup.restore(folder)
        print(f"restored {time.monotonic() - began:.3f}", flush=True)
        time.sleep(600)
    else:
        write_cases(services, kind, int(arg), folder)


if __name__ == "__main__":
    main()
