"""Issue 8, item 8, for backups and restores: kill -9 the process at random instants and at each crash
point of the path (``VICTIMCARE_CRASH_AT``), at least 25 times per path, then check.

After a killed backup the vault opens clean, every acknowledged generation is there, complete and with
its audit entry, a generation cut off half-written is never listed as one, nothing on the backup
medium is plaintext, and the next backup works (and clears the leftovers).

After a killed restore (signed in, or ``restore_without_session`` as the command line does it) there
is exactly one vault in place, holding either the old contents or the backup's, never a mixture: the
backup's whenever the restore was acknowledged, and then the replaced vault is kept aside, whole. The
vault opens clean and the next write works. ``-s`` prints the figures.
"""

import json
import random
import shutil
from collections import Counter
from pathlib import Path

import pytest

from crash_support import kill_once
from crash_writer import create_case
from support import PASSWORD, SUPERVISOR, SignedIn

from victimcare.security import backup_files as bf
from victimcare.security.vault import Vault

BACKUP_POINTS = ("backup_files_written", "backup_before_rename", "backup_after_rename", "backup_before_prune")
RESTORE_POINTS = ("restore_staged", "restore_audited", "restore_set_aside", "restore_installed")
OFFLINE_POINTS = ("restore_staged", "restore_set_aside", "restore_installed")
BACKED_UP, LIVE = 12, 17  # cases in the backup, cases in the live vault when it is restored over


def signed_in(path: Path) -> SignedIn:
    """Signed in to the vault at ``path``, checked: no damage found at open or by the page check."""
    s = SignedIn(Vault(path).login(SUPERVISOR, PASSWORD))
    s.session.deep_check.done.wait(30)
    assert all(not p for p in s.session.deep_check.results.values()), s.session.deep_check.results
    assert s.session.read_only == ""
    report = s.integrity.verify()
    assert report.ok, report.lines()
    return s


def case_count(s: SignedIn) -> int:
    return s.session.owner.call(lambda: s.session.conn("core").execute("SELECT count(*) FROM cases").fetchone()[0])


def audited_details(s: SignedIn, action: str) -> list[str]:
    return s.session.owner.call(lambda: [r[0] for r in s.session.conn("audit").execute(
        "SELECT detail FROM audit_log WHERE action = ? AND result = 'ok'", (action,))])


def plaintext_files(folder: Path) -> list[str]:
    out = []
    for f in folder.rglob("*"):
        if f.is_file():
            with open(f, "rb") as fh:
                if fh.read(len(bf.SQLITE_MAGIC)) == bf.SQLITE_MAGIC:
                    out.append(f.name)
    return out


def plan(points, aimed_each: int, random_kills: int, repeat_point: bool) -> list[str | None]:
    """Aimed kills (the n-th time a point is reached, or its first time in n separate runs), then random."""
    aimed = [f"{p}@{1 if repeat_point else n}" for p in points for n in range(1, aimed_each + 1)]
    return aimed + [None] * random_kills


def test_a_killed_backup_leaves_the_vault_and_every_acknowledged_generation_whole(vault_factory, tmp_path):
    vault, _code, _pw = vault_factory("crash-backup")
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    for i in range(BACKED_UP):
        create_case(s, i)
    s.backup.set_policy(100, 7)  # keep every generation a run makes: a pruned one would look lost
    s.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    rng = random.Random(20261202)
    figures = {"path": "backup", "kills": Counter(), "acknowledged": 0, "lost": 0, "leftovers_seen": 0}
    runs = plan(BACKUP_POINTS, 4, 10, repeat_point=False)
    for crash_at in runs:
        out = kill_once((vault.path, "backup", 0, usb), crash_at, lambda: rng.uniform(0.0, 0.4))
        acknowledged = {line.split()[1] for line in out.splitlines() if line.startswith("backup ")}
        figures["kills"][crash_at.partition("@")[0] if crash_at else "random"] += 1
        figures["leftovers_seen"] += len(list(usb.glob(f"*{bf.PARTIAL}")))
        assert plaintext_files(usb) == []
        s = signed_in(vault.path)
        try:
            listed = {g.folder.name: g for g in s.backup.generations(usb)}
            assert all(g.files_ok and not g.problem for g in listed.values()), listed
            lost = acknowledged - set(listed)
            figures["lost"] += len(lost)
            assert not lost, (crash_at, lost)
            assert acknowledged <= set(audited_details(s, "backup"))
            newest = s.backup.backup(usb).folder  # the next backup works and clears what a kill left
            assert not list(usb.glob(f"*{bf.PARTIAL}"))
            info = s.backup.inspect(newest)
            assert info.cases == BACKED_UP
        finally:
            s.close()
        figures["acknowledged"] += len(acknowledged)
        shutil.rmtree(usb)  # a fresh medium for the next run
        usb.mkdir()
    figures["runs"] = len(runs)
    print("\ncrash harness", json.dumps(figures, ensure_ascii=False, default=dict))
    assert len(runs) >= 25 and figures["lost"] == 0


@pytest.fixture
def restorable(vault_factory, tmp_path):
    """A vault folder to copy for each run, with LIVE cases, and a generation holding its first BACKED_UP."""
    vault, _code, _pw = vault_factory("template-vault")
    usb = tmp_path / "usb"
    usb.mkdir()
    s = SignedIn(vault.login(SUPERVISOR, PASSWORD))
    for i in range(LIVE):
        if i == BACKED_UP:
            generation = s.backup.backup(usb).folder
        create_case(s, i)
    s.close()
    return vault.path, generation


@pytest.mark.parametrize("kind", ["restore", "offline"])
def test_a_killed_restore_leaves_exactly_one_whole_vault(kind, restorable, tmp_path):
    template, generation = restorable
    rng = random.Random(20261203)
    points = RESTORE_POINTS if kind == "restore" else OFFLINE_POINTS
    runs = plan(points, 4, 25 - 4 * len(points) if kind == "offline" else 10, repeat_point=True)
    figures = {"path": kind, "runs": len(runs), "kills": Counter(), "acknowledged": 0, "old_kept": 0,
               "restored": 0, "lost": 0}
    window = 0.0
    for run, crash_at in enumerate(["calibrate", *runs]):
        path = tmp_path / f"run{run}" / "vault"
        shutil.copytree(template, path.parent / "vault", copy_function=shutil.copy2)
        if crash_at == "calibrate":  # one restore let through (killed after it is acknowledged) times the window
            out = kill_once((path, kind, 0, generation), None, lambda: 0.0, until="restored")
            window = 1.3 * float(out.split("restored")[1].split()[0])  # the restore's own time, this machine
            crash_at = None
        else:
            out = kill_once((path, kind, 0, generation), crash_at, lambda: rng.uniform(0.0, window))
        acknowledged = "restored" in out
        figures["kills"][crash_at.partition("@")[0] if crash_at else "random"] += 1
        figures["acknowledged"] += acknowledged
        s = signed_in(path)  # the vault is in place: the one a kill between the renames left is finished
        try:
            count = case_count(s)
            assert count in (BACKED_UP, LIVE), count
            assert not (path / bf.RESTORE_READY).exists()
            if acknowledged:
                assert count == BACKED_UP
            if count == BACKED_UP:
                figures["restored"] += 1
                assert audited_details(s, "restore"), "the restored log holds the restore's own entry"
            else:
                figures["old_kept"] += 1
            create_case(s, 500 + run)  # the next write works
        finally:
            s.close()
        if count == BACKED_UP:  # the replaced vault is kept aside, whole
            aside = [p for p in path.parent.iterdir() if p.name.startswith("vault-replaced-")]
            assert len(aside) == 1, aside
            kept = signed_in(aside[0])
            try:
                figures["lost"] += LIVE - case_count(kept)
                assert case_count(kept) == LIVE
            finally:
                kept.close()
        assert plaintext_files(path.parent) == []
    figures["runs"] = len(runs) + 1
    print("\ncrash harness", json.dumps(figures, ensure_ascii=False, default=dict))
    assert len(runs) >= 25 and figures["acknowledged"] and figures["old_kept"]
