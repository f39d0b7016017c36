"""Issue 8, item 8: kill -9 a writing process at random instants and at the worst ones, then check.

For each write path (an intake, an import of a file), a child process (``crash_writer.py``) signs in
to one copy of the template vault and writes until it is killed: 4 kills aimed at each crash point
(``VICTIMCARE_CRASH_AT=<point>@<n>``, the child kills itself the n-th time it gets there) and 10 at
a random instant (SIGKILL from here). After every kill the vault is opened again (the repair runs)
and must show: no damage, every acknowledged case present, no orphan, no audit entry waiting in an
outbox, every case with its audit entry, and a working next intake. ``-s`` prints the figures.
"""

import json
import random
from collections import Counter
from pathlib import Path

import pytest

from crash_support import kill_once
from support import PASSWORD, SignedIn

from victimcare.casework.integrity import audited_case_ids
from victimcare.casework.record import orphans

POINTS = ("after_sensitive_commit", "after_core_commit", "after_audit_commit", "after_outbox_delete")
AIMED_PER_POINT = 4
RANDOM_KILLS = 10


def acknowledged(lines: str) -> tuple[set[int], set[str]]:
    ids, numbers = set(), set()
    for line in lines.splitlines():
        word, *rest = line.split()
        if word == "case" and rest:
            ids.add(int(rest[0]))
        elif word == "import":
            numbers.update(rest)
    return ids, numbers


def check(vault_copy, vault_dir: Path, ids: set[int], numbers: set[str], next_i: int) -> dict:
    from crash_writer import create_case
    s = SignedIn(vault_copy.login("zhanzhang", PASSWORD))
    try:
        repaired = dict(s.session.repaired)
        s.session.deep_check.done.wait(30)
        assert all(not p for p in s.session.deep_check.results.values()), s.session.deep_check.results
        assert s.session.read_only == ""

        def look():
            core = s.session.conn("core")
            have_ids = {r[0] for r in core.execute("SELECT id FROM cases")}
            have_numbers = {r[0] for r in core.execute("SELECT case_no FROM cases")}
            conns = {n: s.session.conn(n) for n in ("core", "sensitive", "school")}
            waiting = {n: conns[n].execute("SELECT count(*) FROM outbox").fetchone()[0] for n in ("core", "school")}
            audited = audited_case_ids(s.session.conn("audit"))
            creates = Counter(r[0] for r in s.session.conn("audit").execute(
                "SELECT object_id FROM audit_log WHERE action = 'create' AND object_type = 'case'"))
            return have_ids, have_numbers, orphans(conns), waiting, len(have_ids - audited), creates

        have_ids, have_numbers, orphan_rows, waiting, missing, creates = s.session.owner.call(look)
        lost = len(ids - have_ids) + len(numbers - have_numbers)
        assert lost == 0, (ids - have_ids, numbers - have_numbers)
        assert not any(orphan_rows.values()), orphan_rows
        assert not any(waiting.values()), waiting
        assert missing == 0
        assert max(creates.values(), default=1) == 1, "an audit entry appended twice"
        report = s.integrity.verify()
        assert report.ok, report.lines()
        create_case(s, next_i)  # the next write works
        return {"lost": lost, "orphaned": sum(orphan_rows.values()), "missing_audit": missing, "repaired": repaired}
    finally:
        s.close()


@pytest.mark.parametrize("kind", ["intake", "import"])
def test_kill9_at_any_instant_loses_nothing_acknowledged(kind, vault_factory, tmp_path):
    vault, _code, _pw = vault_factory(f"crash-{kind}")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    rng = random.Random(20261201)
    plan = [f"{p}@{n}" for p in POINTS for n in range(1, AIMED_PER_POINT + 1)] + [None] * RANDOM_KILLS
    ids, numbers = set(), set()
    figures = {"path": kind, "runs": len(plan), "kills": Counter(), "lost": 0, "orphaned": 0, "missing_audit": 0,
               "repairs": Counter(), "acknowledged": 0}
    first = 0
    for run, crash_at in enumerate(plan):
        window = 0.35 if kind == "intake" else 0.6  # after one acknowledged write: any instant of the next ones
        out = kill_once((vault.path, kind, first, scratch), crash_at, lambda: rng.uniform(0.0, window))
        first += 1000
        got_ids, got_numbers = acknowledged(out)
        ids |= got_ids
        numbers |= got_numbers
        figures["kills"][crash_at.partition("@")[0] if crash_at else "random"] += 1
        result = check(vault, vault.path, ids, numbers, 900000 + run)
        for k in ("lost", "orphaned", "missing_audit"):
            figures[k] += result[k]
        figures["repairs"].update(result["repaired"])
    figures["acknowledged"] = len(ids) + len(numbers)
    print("\ncrash harness", json.dumps(figures, ensure_ascii=False, default=dict))
    assert sum(figures["kills"].values()) >= 25
