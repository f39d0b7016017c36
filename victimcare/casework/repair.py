"""The casework repair at sign-in (registered with ``victimcare.security.opening``; runs on the
owner thread before anything else is written, and only when the open checks found nothing).

- **Unacknowledged intakes.** ``CaseWriter`` commits the sensitive rows, the school rows, then the
  core rows; a case exists (is acknowledged) once its core row is committed. A kill before that
  leaves sensitive or school rows with no case: they are deleted here. Each compartment keeps the
  highest id it ever deleted (``meta.case_id_high``) so that ``CaseWriter.next_id`` never hands out an
  id again. Cheap at 100,000 cases: the sensitive rows are one per case, so when their count and
  highest id match the core's nothing is scanned (~10 ms); school rows above the highest case id
  are deleted by range. A full scan runs only when the counts differ.
- **Interrupted sensitive records.** A record of a sensitive step (医疗康复) commits with its audit
  entry in the sensitive outbox, then its core part (step status, timeline entry). A kill in between:
  the core part is derived again from the step's records and its timeline entry added.
- **The school mirrors** (``steps/school/records.py``): what the education officer recorded since the
  last sign-in with the core key reaches core's 入学安置 step, timeline and next deadline
  (``school_sync``), and the school copy of each referred case's open/closed state, sex and birth date is
  put right where core differs (``school_mirror``).
- **Interrupted referrals.** A referral commits its school row with its audit entry (the school
  outbox), then the core step and timeline event. A kill in between: the core part is completed
  here, then the outbox entry is appended like any other.
- **Interrupted intake edits.** An edit stages its sensitive part (``intake_sensitive_pending``), commits
  the core rows with its audit entry in the core outbox (naming the staged part's token), then applies
  the staged part. A staged part whose entry waits in the outbox is applied here (the core part is
  there); one no entry names is dropped (its core part never committed: the edit did not happen).
  Runs before the outbox is replayed (``opening.repair``), which appends the entry. An edit of a
  referred child's sex or birth date whose entry waits there has its school copy brought up to date.
"""

from datetime import datetime
from importlib import import_module

from victimcare.casework.audit_refs import case_id_of
from victimcare.casework.record import CASE_TABLES, add_event, delete_case_rows, set_step_status
from victimcare.casework.steps.intake.editor import (PENDING_TABLE, SCHOOL_COPY_FIELDS, apply_staged, edit_token,
                                                     edited_fields, sync_school_copy)
from victimcare.casework.deadlines import next_due_of
from victimcare.casework.steps import BY_CODE
from victimcare.casework.steps import records as step_records
from victimcare.casework.steps.school import records as school_records
from victimcare.db.connection import transaction
from victimcare.security import outbox
from victimcare.security.opening import register_repair

TABLES = CASE_TABLES


def orphan_ids(conns: dict, compartment: str, *, full: bool) -> list[int]:
    core = conns["core"]
    top = core.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0]
    table = TABLES[compartment]
    if not full:
        return [r[0] for r in conns[compartment].execute(f"SELECT case_id FROM {table} WHERE case_id > ?", (top,))]
    core_ids = {r[0] for r in core.execute("SELECT id FROM cases")}
    return [r[0] for r in conns[compartment].execute(f"SELECT case_id FROM {table}") if r[0] not in core_ids]


@register_repair
def repair_case_rows(conns: dict) -> dict[str, int]:
    if "core" not in conns:
        return {}
    done = {}
    if "school" in conns:
        done["referral"] = _complete_referrals(conns["core"], conns["school"])
    if "sensitive" in conns:
        done["step_record"] = _complete_sensitive_records(conns["core"], conns["sensitive"], conns.get("school"))
        done["intake_edit"], done["intake_edit_dropped"] = _settle_intake_edits(conns["core"], conns["sensitive"])
    if "school" in conns:
        done["school_copy"] = _sync_school_copies(conns["core"], conns["school"])
    full = False
    if "sensitive" in conns:
        core_n = conns["core"].execute("SELECT count(*), coalesce(max(id), 0) FROM cases").fetchone()
        sens_n = conns["sensitive"].execute(
            "SELECT count(*), coalesce(max(case_id), 0) FROM intake_sensitive").fetchone()
        full = tuple(core_n) != tuple(sens_n)
    for name in ("sensitive", "school"):
        if name in conns:
            ids = orphan_ids(conns, name, full=full)
            if ids:
                with transaction(conns[name]):
                    delete_case_rows(conns[name], name, ids)
            done[name] = len(ids)
    return done


def _complete_referrals(core, school) -> int:
    count = 0
    for _id, entry in outbox.pending(school):
        if entry.get("object_type") != "school_child" or entry.get("action") != "create":
            continue
        case_id = case_id_of(core, entry["object_id"])  # its number (an older entry: its id)
        if case_id is None or core.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
            continue
        if core.execute("SELECT 1 FROM events WHERE case_id = ? AND step = 'school' AND kind = 'referred'",
                        (case_id,)).fetchone():
            continue
        stamp = datetime.fromtimestamp(entry["at"]).isoformat(timespec="seconds")
        with transaction(core):
            set_step_status(core, case_id, "school", "in_progress", stamp)
            add_event(core, case_id, stamp, "school", "referred", "转介教育部门安排入学", entry["actor"])
        count += 1
    return count


def _complete_sensitive_records(core, sensitive, school=None) -> int:
    count = 0
    for _id, entry in outbox.pending(sensitive):
        if entry.get("object_type") != step_records.OBJECT_TYPE:
            continue
        case_id = case_id_of(core, entry["object_id"])
        step, _, rest = str(entry.get("detail", "")).partition(".")
        if case_id is None or step not in BY_CODE or core.execute("SELECT 1 FROM cases WHERE id = ?", (case_id,)).fetchone() is None:
            continue
        rules = import_module(f"{BY_CODE[step].package}.rules")
        kind = {k.code: k for k in rules.KINDS}.get(rest.split(":")[0])
        stamp = step_records.stamp_of(entry)
        event_kind = f"record_{entry['action']}"
        if kind is None:
            continue
        changed = [f for f in rest.partition(":")[2].split(",") if f]  # "step.kind:field,field" of an edit
        summary = step_records.plain_summary(kind, entry["action"] == "update", changed)
        # the timeline entry the core part writes, found by its instant and words (another record of the
        # step saved in the same second has other words)
        if core.execute("SELECT 1 FROM events WHERE case_id = ? AND at = ? AND step = ? AND kind = ? AND summary = ?",
                        (case_id, stamp, step, event_kind, summary)).fetchone():
            continue
        records = step_records.load_all({"core": core, "sensitive": sensitive}, case_id, step, rules.KINDS,
                                        BY_CODE[step].service_class().COMPARTMENT)
        derived = rules.derive(records, {**step_records.rule_facts(core, case_id), "today": stamp[:10]})
        with transaction(core):
            step_records.apply_derived(core, case_id, step, rules.MILESTONES, derived, stamp)
            add_event(core, case_id, stamp, step, event_kind, summary, entry["actor"])
            # a sensitive record may move a deadline (寻亲's DNA dates): the next due date as the save would
            core.execute("UPDATE cases SET next_due = ? WHERE id = ?",
                         (next_due_of(core, school, case_id, datetime.now()), case_id))
        count += 1
    return count


def _settle_intake_edits(core, sensitive) -> tuple[int, int]:
    """(applied, dropped) staged sensitive parts of intake edits a kill interrupted."""
    tokens = [r[0] for r in sensitive.execute(f"SELECT token FROM {PENDING_TABLE} ORDER BY rowid")]
    if not tokens:
        return 0, 0
    acknowledged = {edit_token(entry) for _id, entry in outbox.pending(core)}
    applied = [t for t in tokens if t in acknowledged]
    with transaction(sensitive):
        apply_staged(sensitive, applied)
        sensitive.executemany(f"DELETE FROM {PENDING_TABLE} WHERE token = ?",
                              [(t,) for t in tokens if t not in acknowledged])
    return len(applied), len(tokens) - len(applied)


def _sync_school_copies(core, school) -> int:
    """School copies of the children whose sex or birth date an interrupted edit changed."""
    edits = {case_id_of(core, entry["object_id"]): entry["at"] for _id, entry in outbox.pending(core)
             if entry.get("object_type") == "case" and SCHOOL_COPY_FIELDS & edited_fields(entry)}
    edits.pop(None, None)
    if not edits:
        return 0
    with transaction(school):
        return sum(sync_school_copy(core, school, case_id, datetime.fromtimestamp(at).isoformat(timespec="seconds"))
                   for case_id, at in sorted(edits.items()))


@register_repair
def sync_school(conns: dict) -> dict[str, int]:
    """Runs after ``repair_case_rows`` (registration order): both school mirrors, when both keys are held."""
    if "core" not in conns or "school" not in conns:
        return {}
    now = datetime.now()
    return {"school_sync": school_records.sync_core(conns["core"], conns["school"], now),
            "school_mirror": school_records.reconcile(conns["core"], conns["school"], now.isoformat(timespec="seconds"))}
