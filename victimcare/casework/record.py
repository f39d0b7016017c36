"""The one write path for case files: every row of a new case, from the form, an import or the demo, and
every edit of a saved intake
(``steps.intake.editor``, which keeps the same order).

``CaseWriter.write`` takes validated intakes (``NewCase``) and writes them in batches with
``executemany``: the intake service writes a batch of one, the importer the whole file, the demo
generator batches of a thousand. Case numbers, step statuses, the search document, the first
timeline events and ``cases.next_due`` are all made here, so the three ways in cannot drift apart.

Cross-compartment write order (written down, and checked by ``orphans``): the sensitive rows, then
the school rows, then the core rows, each its own commit. A case exists (is acknowledged) once its
core row is committed. The core transaction also stages the operation's audit entries in the core
outbox (``victimcare.security.outbox``) and records the other compartments' last-write stamps;
``write_audited`` then appends the entries to the audit log and clears the outbox. If the core rows
fail, the other rows are deleted again. A kill at any instant is repaired at the next sign-in
(``victimcare.casework.repair``): rows of a case never acknowledged are deleted, staged audit entries
are appended. New ids are taken above every id any compartment has used or deleted, so an id is never
reused. ``crash_point`` marks the instants the crash harness kills the process at.
"""

import gc
import json
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from pypinyin import lazy_pinyin

import victimcare.casework.deadlines as deadlines
from victimcare.casework.settings import StationSettings, format_case_no
from victimcare.casework.steps import history, initial_statuses
from victimcare.casework.steps.school.rules import step_status as school_step_status
from victimcare.casework.steps.intake.rules import IntakeRecord, age_years
from victimcare.core.crash import crash_point
from victimcare.core.errors import UserError
from victimcare.db import stamps
from victimcare.db.connection import transaction
from victimcare.security import outbox
from victimcare.domain.names import search_fold
from victimcare.domain.vocabulary import ARRIVAL_MODES, label

SENSITIVE_COLUMNS = ("health_check", "mental_state", "mental_note", "injuries", "injuries_note", "circumstances",
                     "found_circumstances")
SCHOOL_COLUMNS = ("case_id", "case_no", "display_name", "sex", "birth_date", "birth_estimated", "referred_at",
                  "referred_by", "status", "school", "grade", "enrolled_on", "transfer_started_on",
                  "transfer_done_on", "updated_at", "class_name", "attendance", "student_no", "pairing_teacher",
                  "counselling", "privacy_measures", "case_status")


# pypinyin's tables are ~190,000 container objects that live as long as the process. A full garbage
# collection pauses every thread while it walks them (~25 ms, and >100 ms during an import that adds
# its own); frozen, the collector skips them and everything else loaded so far.
gc.freeze()


@lru_cache(maxsize=1 << 16)  # names repeat (surnames, nicknames) and pypinyin costs ~0.1 ms a name
def pinyin_key(name: str) -> str:
    """Toneless pinyin of a name, for the sound-alike duplicate check and search."""
    return "".join(lazy_pinyin(name)).lower() if name else ""


def search_doc(core: dict, aliases: list[tuple[str, str]]) -> str:
    """The searchable text of a case; ``aliases`` are (alias, pinyin) pairs. Each name and pinyin is
    also there folded (``search_fold``: no separators, spaces or variation selectors) where that differs,
    and the case list folds the query alike, so a name is found whatever separator is typed. Core
    migration 0005 added the folded names to the documents written before."""
    names = [core.get("name", ""), *(a for a, _ in aliases), core.get("name_pinyin", ""), *(p for _, p in aliases)]
    parts = [core["case_no"], core.get("name", ""), *(a for a, _ in aliases), core.get("id_number", ""),
             core.get("police_case_no", ""), core.get("name_pinyin", ""), *(p for _, p in aliases)]
    parts += [f for f in dict.fromkeys(search_fold(n) for n in names if n) if f and f not in names]
    return " | ".join(p for p in parts if p)


def refresh_search_doc(core, case_id: int) -> None:
    """Inside the caller's transaction: the case's search text again, after a step changed what it holds
    (落户 gives an ID number)."""
    cur = core.execute("SELECT * FROM cases WHERE id = ?", (case_id,))
    case = dict(zip([d[0] for d in cur.description], cur.fetchone()))
    aliases = core.execute("SELECT alias, pinyin FROM aliases WHERE case_id = ? ORDER BY id", (case_id,)).fetchall()
    core.execute("UPDATE search_docs SET doc = ? WHERE case_id = ?", (search_doc(case, aliases), case_id))


def add_event(core, case_id: int, at: str, step: str, kind: str, summary: str, actor: str) -> None:
    """One timeline entry (inside the caller's transaction)."""
    core.execute("INSERT INTO events(case_id, at, step, kind, summary, actor) VALUES (?,?,?,?,?,?)",
                 (case_id, at, step, kind, summary, actor))


def require_open(core, case_id: int) -> dict:
    """The case's id, number and status, or a refusal: unknown, or closed (a closed case is read-only
    in every service until it is reopened). Every write to a case's records calls this first."""
    row = core.execute("SELECT id, case_no, status FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        raise UserError("找不到这个个案。")
    if row[2] == "closed":
        raise UserError("个案已结案，只能查看。如需补充记录，请先申请重新开案。")
    return {"id": row[0], "case_no": row[1], "status": row[2]}


def insert_school_children(school, rows: list[tuple]) -> None:
    """School-compartment rows, each a tuple in ``SCHOOL_COLUMNS`` order (inside the caller's transaction)."""
    school.executemany(f"INSERT INTO school_children({', '.join(SCHOOL_COLUMNS)}) "
                       f"VALUES ({','.join('?' * len(SCHOOL_COLUMNS))})", rows)


def set_step_status(core, case_id: int, step: str, status: str, stamp: str) -> None:
    core.execute("UPDATE steps SET status = ?, updated_at = ? WHERE case_id = ? AND step = ?",
                 (status, stamp, case_id, step))


@dataclass
class NewCase:
    """A validated intake and what else a new case starts with (the demo gives a whole history)."""

    record: IntakeRecord
    worker: str = ""                                      # '' → the form's value, else the actor
    milestones: dict[str, str] = field(default_factory=dict)
    steps: dict[str, tuple[str, str]] = field(default_factory=dict)  # overrides of the initial statuses
    events: list[tuple[str, str, str, str]] = field(default_factory=list)  # (at, step, kind, summary)
    school: dict | None = None                            # a school_children row (without ids); its
    #                                                       "changes": (kind, date, school, grade) history rows
    closed_at: str = ""
    created_at: str = ""                                  # '' → now
    history: list = field(default_factory=list)          # steps.history Entry/Approval items: what happened


@dataclass
class _Batch:
    cases: list = field(default_factory=list)
    aliases: list = field(default_factory=list)
    relatives: list = field(default_factory=list)
    belongings: list = field(default_factory=list)
    handovers: list = field(default_factory=list)
    photos: list = field(default_factory=list)
    steps: list = field(default_factory=list)
    milestones: list = field(default_factory=list)
    docs: list = field(default_factory=list)
    events: list = field(default_factory=list)
    sensitive: list = field(default_factory=list)
    school: list = field(default_factory=list)
    school_changes: list = field(default_factory=list)
    records: dict = field(default_factory=dict)           # compartment → step_records rows
    approvals: list = field(default_factory=list)
    closures: list = field(default_factory=list)
    numbers: list = field(default_factory=list)


class CaseWriter:
    """Writes new cases on the owner thread: ``conns`` maps compartment → connection."""

    def __init__(self, conns: dict, *, actor: str, station_code: str, now: datetime, calendar, rules):
        self.core, self.sensitive = conns["core"], conns["sensitive"]
        self.school = conns.get("school")
        self.actor, self.station_code, self.now = actor, station_code, now
        self.calendar, self.rules = calendar, rules
        self.columns: list[str] | None = None

    def next_id(self) -> int:
        """Above every case id used in any compartment, or deleted by the repair (module docstring)."""
        ids = [self.core.execute("SELECT coalesce(max(id), 0) FROM cases").fetchone()[0],
               self.sensitive.execute("SELECT coalesce(max(case_id), 0) FROM intake_sensitive").fetchone()[0],
               _high_water(self.sensitive)]
        if self.school is not None:
            ids.append(self.school.execute("SELECT coalesce(max(case_id), 0) FROM school_children").fetchone()[0])
            ids.append(_high_water(self.school))
        return max(ids) + 1

    def write(self, cases: list[NewCase], *, check_foreign_keys: bool = True,
              audit=None) -> list[tuple[int, str]]:
        """Write every case; returns (id, case number) of each. Nothing is written if any insert fails.

        ``audit(numbers)`` → the audit entries (``outbox.entry``) of the operation, staged in the core
        outbox in the core transaction; ``self.staged`` holds (outbox ids, entries) for
        ``write_audited`` to deliver after the commit.
        ``check_foreign_keys=False`` is for generated bulk data only: every id is made here, so none can
        dangle, and a batch is about a third faster without the checks (always switched back on)."""
        self.staged: tuple[list[int], list[dict]] = ([], [])
        if not check_foreign_keys:
            self.core.execute("PRAGMA foreign_keys = OFF")
        try:
            with transaction(self.core):
                batch = self._lay_out(cases)
                with transaction(self.sensitive):
                    self.sensitive.executemany(
                        f"INSERT INTO intake_sensitive(case_id, {', '.join(SENSITIVE_COLUMNS)}, updated_at) "
                        f"VALUES ({','.join('?' * (len(SENSITIVE_COLUMNS) + 2))})", batch.sensitive)
                    insert_step_records(self.sensitive, batch.records.get("sensitive", []))
                crash_point("after_sensitive_commit")
                if batch.school:
                    with transaction(self.school):
                        insert_school_children(self.school, batch.school)
                        self.school.executemany(
                            "INSERT INTO school_changes(case_id, kind, changed_on, school, grade, recorded_at, "
                            "recorded_by) VALUES (?,?,?,?,?,?,?)", batch.school_changes)
                    crash_point("after_school_commit")
                try:
                    self._insert_core(batch)
                    entries = audit(batch.numbers) if audit is not None else []
                    self.staged = (outbox.stage(self.core, entries), entries)
                    seen = {"sensitive": stamps.read(self.sensitive)}
                    if self.school is not None:
                        seen["school"] = stamps.read(self.school)
                    stamps.record_seen(self.core, seen)
                except BaseException:
                    self._undo_other_compartments(batch)
                    raise
            crash_point("after_core_commit")
        finally:
            if not check_foreign_keys:
                self.core.execute("PRAGMA foreign_keys = ON")
        return batch.numbers

    # -- laying out rows ---------------------------------------------------------------------------

    def _lay_out(self, cases: list[NewCase]) -> _Batch:
        settings = StationSettings(self.core)
        pattern = settings.case_no_pattern()
        seqs: dict[int, int] = {}
        stamp = self.now.isoformat(timespec="seconds")
        today = self.now.date()
        batch = _Batch()
        self._ids: dict[tuple[str, str], int] = {}
        case_id = self.next_id()
        for new in cases:
            record = new.record
            core = dict(record.core)
            admitted = datetime.fromisoformat(core["admitted_at"])
            year = admitted.year
            if year not in seqs:
                seqs[year] = settings.case_seq(year)
            seqs[year] += 1
            case_no = format_case_no(pattern, self.station_code, year, seqs[year])
            created = new.created_at or stamp
            statuses = {**initial_statuses(age_years(core["birth_date"], admitted.date())), **new.steps}
            worker = new.worker or core.get("assigned_worker") or self.actor
            milestones, closed_at = dict(new.milestones), new.closed_at
            extra_events: list[tuple] = []
            if new.history:
                played = history.play({**core, "id": case_id, "case_no": case_no, "status": "open"}, statuses,
                                      new.history, worker=worker, decider=self.actor, now=self.now)
                self._take_history(batch, case_id, played)
                statuses, closed_at = played.statuses, played.case.get("closed_at", closed_at)
                milestones.update(played.milestones)
                core.update({k: v for k, v in played.case.items() if k not in ("status", "closed_at")})
                extra_events = played.events
            if new.school is not None and "school" not in new.steps:
                statuses["school"] = (school_step_status(new.school, statuses["school"][0]), "")
            not_applicable = {s for s, (st, _r) in statuses.items() if st == "not_applicable"}
            status = "closed" if closed_at else "open"
            facts = deadlines.facts_from_rows(
                {**core, "id": case_id, "case_no": case_no, "status": status}, milestones,
                new.school, not_applicable, today)
            core.update(id=case_id, case_no=case_no, name_pinyin=pinyin_key(core["name"]),
                        assigned_worker=worker, created_at=created, updated_at=closed_at or created, status=status,
                        closed_at=closed_at,
                        next_due="" if closed_at else deadlines.next_due(
                            deadlines.compute(facts, self.now, self.calendar, self.rules)))
            if self.columns is None:
                self.columns = list(core)
            batch.cases.append([core[c] for c in self.columns])
            aliases = [(a, pinyin_key(a)) for a in record.aliases]
            batch.aliases += [(case_id, a, p) for a, p in aliases]
            batch.relatives += [(case_id, r["relation"], r["name"], r["contact"]) for r in record.relatives]
            batch.belongings += [(case_id, b["item"], b["quantity"], b["storage_no"]) for b in record.belongings]
            h = record.handover
            if any(h.values()):
                batch.handovers.append((case_id, h["unit"], h["officers"], h["found_at"], h["found_place"],
                                        h["checks"], h["handover_at"]))
            if record.photo:
                batch.photos.append((case_id, record.photo[0], record.photo[1], stamp))
            batch.steps += [(case_id, step, st, reason, created) for step, (st, reason) in statuses.items()]
            batch.milestones += [(case_id, k, v) for k, v in milestones.items()]
            batch.docs.append((case_id, search_doc(core, aliases)))
            batch.events.append((case_id, core["admitted_at"], "intake", "created",
                                 f"接收登记（{label(ARRIVAL_MODES, core['arrival_mode'])}）", self.actor))
            if core.get("suspected_trafficking") and core.get("police_report_at"):
                batch.events.append((case_id, core["police_report_at"], "intake", "police_report",
                                     f"疑似被拐卖，已报警（{core['police_report_unit']}）", self.actor))
            batch.events += [(case_id, at, step, kind, summary, core["assigned_worker"])
                             for at, step, kind, summary in new.events]
            batch.events += [(case_id, *event) for event in extra_events]
            s = record.sensitive
            batch.sensitive.append((case_id, *(s[k] for k in SENSITIVE_COLUMNS), created))
            if new.school is not None:
                row = {**new.school, "case_id": case_id, "case_no": case_no, "sex": core["sex"],
                       "birth_date": core["birth_date"], "birth_estimated": core["birth_estimated"],
                       "referred_by": new.school.get("referred_by") or core["assigned_worker"], "updated_at": stamp,
                       "case_status": status}  # the school copy of open/closed (steps/school/records.py)
                batch.school.append(tuple(row.get(c, "") for c in SCHOOL_COLUMNS))
                # its history (the demo's): synced into core's step and timeline by the caller
                batch.school_changes += [
                    (case_id, kind, on.isoformat(), school_name, grade, f"{on.isoformat()}T10:00:00", row["referred_by"])
                    for kind, on, school_name, grade in new.school.get("changes", ())]
            batch.numbers.append((case_id, case_no))
            case_id += 1
        for year, seq in seqs.items():
            settings.set_case_seq(year, seq)
        return batch

    def _take_history(self, batch: _Batch, case_id: int, played) -> None:
        """The rows of a case's played history (``steps.history``)."""
        for where, step, kind, values, at, actor in played.records:
            batch.records.setdefault(where, []).append((
                self._new_id(where, "step_records"), case_id, step, kind,
                json.dumps(values, ensure_ascii=False, sort_keys=True), at, actor, at, actor))
        for row in played.approvals:
            approval_id = self._new_id("core", "approvals")
            batch.approvals.append((approval_id, case_id, row["kind"], row["state"], row["reason"], row["payload"],
                                    row["requested_by"], row["requested_at"], row["decided_by"], row["decided_at"],
                                    row["comment"]))
            if row["kind"] == "closure" and row["state"] == "approved" and played.closure is not None:
                c = played.closure
                batch.closures.append((case_id, approval_id, c["closure_type"], c["summary"], c["open_items"],
                                       c["follow_up_plan"], c["retention"], c["archive_on"], c["requested_by"],
                                       c["approved_by"], c["closed_at"]))

    def _new_id(self, compartment: str, table: str) -> int:
        """An id of an AUTOINCREMENT table for a row laid out now: above every id the table ever gave
        (a step record's or an approval's id is never reused: audit entries name them)."""
        key = (compartment, table)
        if key not in self._ids:
            conn = self.core if compartment == "core" else self.sensitive
            row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = ?", (table,)).fetchone()
            top = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
            self._ids[key] = max(row[0] if row else 0, top)
        self._ids[key] += 1
        return self._ids[key]

    def _undo_other_compartments(self, batch: _Batch) -> None:
        """The core rows failed after the sensitive and school rows were committed: take those back, so
        that a failed save (a full disk, a busy file) leaves nothing behind. If even that fails, the rows
        stay as orphans, which ``admin verify`` reports and which never block a later intake."""
        ids = [case_id for case_id, _number in batch.numbers]
        for conn, name in ((self.sensitive, "sensitive"), (self.school, "school")):
            if conn is None or (name == "school" and not batch.school):
                continue
            try:
                with transaction(conn):
                    delete_case_rows(conn, name, ids)
            except Exception:
                pass

    def _insert_core(self, b: _Batch) -> None:
        c = self.core
        cols = self.columns or []
        c.executemany(f"INSERT INTO cases({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", b.cases)
        c.executemany("INSERT INTO aliases(case_id, alias, pinyin) VALUES (?,?,?)", b.aliases)
        c.executemany("INSERT INTO relatives(case_id, relation, name, contact) VALUES (?,?,?,?)", b.relatives)
        c.executemany("INSERT INTO belongings(case_id, item, quantity, storage_no) VALUES (?,?,?,?)", b.belongings)
        c.executemany("INSERT INTO police_handover(case_id, unit, officers, found_at, found_place, checks, "
                      "handover_at) VALUES (?,?,?,?,?,?,?)", b.handovers)
        c.executemany("INSERT INTO photos(case_id, mime, data, added_at) VALUES (?,?,?,?)", b.photos)
        c.executemany("INSERT INTO steps(case_id, step, status, reason, updated_at) VALUES (?,?,?,?,?)", b.steps)
        c.executemany("INSERT INTO milestones(case_id, key, value) VALUES (?,?,?)", b.milestones)
        c.executemany("INSERT INTO search_docs(case_id, doc) VALUES (?,?)", b.docs)
        c.executemany("INSERT INTO events(case_id, at, step, kind, summary, actor) VALUES (?,?,?,?,?,?)", b.events)
        insert_step_records(c, b.records.get("core", []))
        c.executemany("INSERT INTO approvals(id, case_id, kind, state, reason, payload, requested_by, requested_at, "
                      "decided_by, decided_at, comment) VALUES (?,?,?,?,?,?,?,?,?,?,?)", b.approvals)
        c.executemany("INSERT INTO closures(case_id, approval_id, closure_type, summary, open_items, follow_up_plan, "
                      "retention, archive_on, requested_by, approved_by, closed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                      b.closures)


def insert_step_records(conn, rows: list[tuple]) -> None:
    """Step records (id, case_id, step, kind, data, created_at/by, updated_at/by), inside the caller's
    transaction: the bulk form of ``steps.records.StepRecords._save``'s insert."""
    conn.executemany("INSERT INTO step_records(id, case_id, step, kind, data, created_at, created_by, updated_at, "
                     "updated_by) VALUES (?,?,?,?,?,?,?,?,?)", rows)


HIGH_KEY = "case_id_high"  # meta: the highest case id whose rows this compartment ever deleted
CASE_TABLES = {"sensitive": "intake_sensitive", "school": "school_children"}  # table names are constants


def _high_water(conn) -> int:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (HIGH_KEY,)).fetchone()
    return int(row[0]) if row else 0


def delete_case_rows(conn, compartment: str, ids: list[int]) -> None:
    """Inside the caller's transaction: delete the rows of cases that were never acknowledged and
    remember the highest id, so that ``next_id`` never hands it out again."""
    if not ids:
        return
    # every table of the compartment with rows of a case: the case's own row and, from the demo's bulk
    # histories, its step records (``case_tables`` names only tables of the schema, never input)
    for table in [CASE_TABLES[compartment], *(t for t in case_tables(conn) if t != CASE_TABLES[compartment])]:
        conn.executemany(f'DELETE FROM "{table}" WHERE case_id = ?', [(i,) for i in ids])
    conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                 "value = CAST(max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER)) AS TEXT)",
                 (HIGH_KEY, str(max(ids))))


def write_audited(session, writer: CaseWriter, cases: list[NewCase], audit, **kwargs) -> list[tuple[int, str]]:
    """``writer.write`` with its audit entries staged in the core transaction, then delivered: appended
    to the audit log and removed from the outbox. A kill in between is repaired at the next sign-in."""
    numbers = writer.write(cases, audit=audit, **kwargs)
    outbox.deliver(session, writer.core, "core", *writer.staged)
    crash_point("after_outbox_delete")
    return numbers


def case_tables(conn) -> list[str]:
    """The tables of a compartment that hold rows of a case (a ``case_id`` column)."""
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return [t for t in tables if any(col[1] == "case_id" for col in conn.execute(f'PRAGMA table_info("{t}")'))]


def orphans(conns: dict) -> dict[str, int]:
    """compartment → how many of its rows name a case that the core compartment does not have
    (every table with a ``case_id`` in the compartments beside core)."""
    core_ids = {r[0] for r in conns["core"].execute("SELECT id FROM cases")}
    found = {}
    for name, conn in conns.items():
        if name in ("core", "audit"):
            continue
        found[name] = sum(1 for t in case_tables(conn)
                          for (case_id,) in conn.execute(f'SELECT case_id FROM "{t}"') if case_id not in core_ids)
    return found
