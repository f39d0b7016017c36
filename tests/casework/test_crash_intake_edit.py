"""Issue 9, item 13: an edit of a saved intake writes three compartments (the sensitive part staged first,
then the core rows with the audit entry, then the staged part applied and the school copy updated). Kill -9
the editing process at each of those instants (4 times each) and at random ones (10), then open the vault:
the edit is there whole or not at all — the name (core) and the narrative (sensitive) always come from the
same edit, never older than the last acknowledged one; the case's sensitive row is never taken for an
orphan; one audit entry per edit on the timeline; a referred child's copy in the school compartment has the
birth date the case has; nothing left staged or in an outbox. ``-s`` prints the figures."""

import json
import random
import re
from collections import Counter

from crash_support import kill_once
from support import PASSWORD, SignedIn

from victimcare.casework.record import orphans

POINTS = ("after_sensitive_commit", "after_core_commit", "after_sensitive_apply", "after_school_commit",
          "after_audit_commit", "after_outbox_delete")
AIMED_PER_POINT = 4
RANDOM_KILLS = 10


def state(vault) -> dict:
    from crash_writer import CHARS
    s = SignedIn(vault.login("zhanzhang", PASSWORD))
    try:
        assert s.session.read_only == ""

        def look():
            conns = {n: s.session.conn(n) for n in ("core", "sensitive", "school")}
            core, sens, audit = conns["core"], conns["sensitive"], s.session.conn("audit")
            return {
                "name": core.execute("SELECT name FROM cases WHERE id = 1").fetchone()[0],
                "born": core.execute("SELECT birth_date FROM cases WHERE id = 1").fetchone()[0],
                "school_born": conns["school"].execute(
                    "SELECT birth_date FROM school_children WHERE case_id = 1").fetchone()[0],
                "narrative": sens.execute("SELECT circumstances FROM intake_sensitive WHERE case_id = 1").fetchone(),
                "staged": sens.execute("SELECT count(*) FROM intake_sensitive_pending").fetchone()[0],
                "waiting": sum(conns[n].execute("SELECT count(*) FROM outbox").fetchone()[0] for n in ("core", "school")),
                "orphans": orphans(conns),
                "edited": core.execute("SELECT count(*) FROM events WHERE case_id = 1 AND kind = 'edited'").fetchone()[0],
                "updates": Counter(r[0] for r in audit.execute(
                    "SELECT detail FROM audit_log WHERE action = 'update' AND object_id = ?",
                    core.execute("SELECT case_no FROM cases WHERE id = 1").fetchone())),
            }

        found = s.session.owner.call(look)
        found["repaired"] = dict(s.session.repaired)
        report = s.integrity.verify()
        assert report.ok, report.lines()
    finally:
        s.close()
    found["name_index"] = _index_of(found["name"], CHARS)
    found["narrative_index"] = int(re.match(r"经过 (\d+) ", found["narrative"][0]).group(1)) \
        if found["narrative"] and found["narrative"][0].startswith("经过") else None
    return found


def _index_of(text: str, chars: str) -> int | None:
    """The i of crash_writer.name(i) (the base-len(chars) digits after the surname 崔), None for the intake's name."""
    if not text.startswith("崔"):
        return None
    i = 0
    for ch in reversed(text[1:]):
        i = i * len(chars) + chars.index(ch)
    return i


def test_kill9_during_an_intake_edit_leaves_it_whole_or_not_at_all(vault_factory, tmp_path):
    vault, _code, _pw = vault_factory("crash-edit")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    s = SignedIn(vault.login("zhanzhang", PASSWORD))
    child = s.intake.create({"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
                             "birth_date": "2016-03-04", "circumstances": "最初的经过"})
    s.school.refer(child)
    s.close()
    rng = random.Random(20261202)
    plan = [f"{p}@{n}" for p in POINTS for n in range(1, AIMED_PER_POINT + 1)] + [None] * RANDOM_KILLS
    figures = {"runs": len(plan), "kills": Counter(), "repairs": Counter(), "acknowledged": 0}
    last_acknowledged, first = None, 1
    for crash_at in plan:
        out = kill_once((vault.path, "edit", first, scratch), crash_at, lambda: rng.uniform(0.0, 0.35))
        done = [int(line.split()[1]) for line in out.splitlines() if line.startswith("edit ")]
        if done:
            last_acknowledged = done[-1]
        figures["acknowledged"] += len(done)
        figures["kills"][crash_at.partition("@")[0] if crash_at else "random"] += 1
        found = state(vault)
        figures["repairs"].update(found["repaired"])
        assert found["name_index"] == found["narrative_index"], found        # never half an edit
        assert found["school_born"] == found["born"], found                   # the school copy follows
        if last_acknowledged is not None:
            assert found["name_index"] is not None and found["name_index"] >= last_acknowledged, found
            assert found["name_index"] <= first + len(done), found           # at most the one in flight
        assert found["staged"] == 0 and found["waiting"] == 0, found
        assert not any(found["orphans"].values()), found
        assert found["edited"] == sum(found["updates"].values()), found     # one audit entry per edit
        assert all("测试" not in d and "经过" not in d for d in found["updates"]), found  # no values
        if found["name_index"] is not None:
            first = max(first + len(done), found["name_index"]) + 1
        else:
            first += len(done) + 1
    print("\ncrash harness (intake edit)", json.dumps(figures, ensure_ascii=False, default=dict))
    assert sum(figures["kills"].values()) >= 25
    assert figures["repairs"].get("intake_edit", 0) >= 1 and figures["repairs"].get("intake_edit_dropped", 0) >= 1
