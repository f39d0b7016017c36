"""Editing a saved intake: the other half of the one case writer (``casework.record``).

Edits of a saved intake (``IntakeEditor``) keep the order: a changed sensitive part is first staged in
its own commit (``intake_sensitive_pending``, under a random token), then the core rows commit with
the timeline entry and the audit entry (naming the token) in the core outbox, then the staged part
replaces the live sensitive row (and a referred child's copy in the school compartment takes a changed
sex or birth date), then the entry is delivered. A kill before the core commit leaves a
staged part with no entry naming it: the repair drops it (the edit never happened, the live row is as
it was). A kill after it leaves the entry in the outbox: the repair applies the staged part before the
entry is appended. Either way the case's sensitive row is never deleted or taken for an orphan, and no
edit is half there.
"""

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from victimcare.casework.record import SENSITIVE_COLUMNS, add_event, pinyin_key, require_open, search_doc
from victimcare.casework.steps import STEPS
from victimcare.casework.steps.intake.rules import (SENSITIVE_EDIT_FIELDS, IntakeRecord, age_years, changed_fields,
                                                    edit_summary, reevaluated_steps)
from victimcare.core.crash import crash_point
from victimcare.core.errors import UserError
from victimcare.db import stamps
from victimcare.db.connection import transaction
from victimcare.security import outbox

PENDING_TABLE = "intake_sensitive_pending"
_TOKEN = re.compile(r"(?:^|;)edit=([0-9a-f]{16})(?=;|$)")
_INTAKE_COLUMNS_KEPT = ("registrar",)  # who registered the case stays; the editor is on the timeline


def edit_token(entry: dict) -> str | None:
    """The token of a staged sensitive edit that an (outbox) audit entry names, or None."""
    match = _TOKEN.search(entry.get("detail") or "")
    return match.group(1) if match else None


@dataclass
class IntakeEdit:
    """An edit of a saved intake, validated: the new record beside the stored one."""

    case_id: int
    before: IntakeRecord
    after: IntakeRecord

    def __post_init__(self):
        self.changed = changed_fields(self.before, self.after)
        self.sensitive_changed = any(k in SENSITIVE_EDIT_FIELDS for k in self.changed)


# What a referral copied to the school compartment from the intake (the display name may be a pseudonym
# chosen at referral, so it is left as it is).
SCHOOL_COPY_FIELDS = frozenset({"sex", "birth_date"})


def edited_fields(entry: dict) -> set[str]:
    """The EDIT_FIELDS keys an intake edit's (outbox) audit entry names ("intake:name,sex;edit=…")."""
    detail = entry.get("detail") or ""
    if entry.get("action") != "update" or not detail.startswith("intake:"):
        return set()
    return set(detail[len("intake:"):].split(";")[0].split(","))


def sync_school_copy(core, school, case_id: int, stamp: str) -> int:
    """Inside the caller's school transaction: a referred child's sex and birth date as the case now has them."""
    row = core.execute("SELECT sex, birth_date, birth_estimated FROM cases WHERE id = ?", (case_id,)).fetchone()
    if row is None:
        return 0
    return school.execute("UPDATE school_children SET sex = ?, birth_date = ?, birth_estimated = ?, updated_at = ? "
                          "WHERE case_id = ? AND (sex, coalesce(birth_date, ''), birth_estimated) IS NOT (?, ?, ?)",
                          (*row, stamp, case_id, row[0], row[1] or "", row[2])).rowcount


def apply_staged(sensitive, tokens: list[str]) -> int:
    """Inside the caller's transaction: the staged sensitive parts replace their cases' live rows."""
    cols = ", ".join(SENSITIVE_COLUMNS)
    done = 0
    for token in tokens:
        done += sensitive.execute(
            f"UPDATE intake_sensitive SET ({cols}, updated_at) = (SELECT {cols}, staged_at FROM {PENDING_TABLE} p "
            f"WHERE p.token = ?) WHERE case_id = (SELECT case_id FROM {PENDING_TABLE} WHERE token = ?)",
            (token, token)).rowcount
        sensitive.execute(f"DELETE FROM {PENDING_TABLE} WHERE token = ?", (token,))
    return done


class IntakeEditor:
    """Writes an edit of a saved intake on the owner thread (``conns``: compartment → connection).
    ``next_due(case_id)`` reads the case's next deadline from its rows inside the core transaction."""

    def __init__(self, conns: dict, *, actor: str, now: datetime, next_due):
        self.core, self.sensitive, self.school = conns["core"], conns["sensitive"], conns.get("school")
        self.actor, self.now, self.next_due = actor, now, next_due
        self.stamp = now.isoformat(timespec="seconds")

    def write(self, session, edit: IntakeEdit, audit) -> dict[str, tuple[str, str]]:
        """Write ``edit`` (module docstring: sensitive staged, core, sensitive applied, audit delivered);
        ``audit(token)`` → the audit entries, staged in the core outbox. Returns the re-evaluated steps."""
        token = None
        if edit.sensitive_changed:
            token = secrets.token_hex(8)
            with transaction(self.sensitive):
                if self.sensitive.execute(f"SELECT 1 FROM {PENDING_TABLE} WHERE case_id = ?",
                                          (edit.case_id,)).fetchone():
                    raise UserError("这个个案上次的修改尚未完成。请退出后重新登录，再修改。")
                s = edit.after.sensitive
                self.sensitive.execute(
                    f"INSERT INTO {PENDING_TABLE}(token, case_id, {', '.join(SENSITIVE_COLUMNS)}, staged_at) "
                    f"VALUES ({','.join('?' * (len(SENSITIVE_COLUMNS) + 3))})",
                    (token, edit.case_id, *(s[k] for k in SENSITIVE_COLUMNS), self.stamp))
            crash_point("after_sensitive_commit")
        entries = audit(token)
        try:
            with transaction(self.core):
                require_open(self.core, edit.case_id)
                steps = self._core_rows(edit)
                ids = outbox.stage(self.core, entries)
                if token is not None:
                    stamps.record_seen(self.core, {"sensitive": stamps.read(self.sensitive)})
        except BaseException:
            if token is not None:
                try:  # the edit did not happen: take the staged part back (else the repair drops it)
                    with transaction(self.sensitive):
                        self.sensitive.execute(f"DELETE FROM {PENDING_TABLE} WHERE token = ?", (token,))
                except Exception:
                    pass
            raise
        crash_point("after_core_commit")
        if token is not None:  # (should this fail, the repair applies it: the entry waits in the outbox)
            with transaction(self.sensitive):
                apply_staged(self.sensitive, [token])
            crash_point("after_sensitive_apply")
        if self.school is not None and SCHOOL_COPY_FIELDS & set(edit.changed):
            with transaction(self.school):
                sync_school_copy(self.core, self.school, edit.case_id, self.stamp)
            crash_point("after_school_commit")
        outbox.deliver(session, self.core, "core", ids, entries)
        crash_point("after_outbox_delete")
        return steps

    def _core_rows(self, edit: IntakeEdit) -> dict[str, tuple[str, str]]:
        c, case_id, record = self.core, edit.case_id, edit.after
        changed = set(edit.changed)
        core = {k: v for k, v in record.core.items() if k not in _INTAKE_COLUMNS_KEPT}
        if not core.get("assigned_worker"):
            core.pop("assigned_worker", None)
        core.update(name_pinyin=pinyin_key(core["name"]), updated_at=self.stamp)
        c.execute(f"UPDATE cases SET {', '.join(f'{k} = ?' for k in core)} WHERE id = ?", (*core.values(), case_id))
        aliases = [(a, pinyin_key(a)) for a in record.aliases]
        if "aliases" in changed:
            c.execute("DELETE FROM aliases WHERE case_id = ?", (case_id,))
            c.executemany("INSERT INTO aliases(case_id, alias, pinyin) VALUES (?,?,?)",
                          [(case_id, a, p) for a, p in aliases])
        if "relatives" in changed:
            c.execute("DELETE FROM relatives WHERE case_id = ?", (case_id,))
            c.executemany("INSERT INTO relatives(case_id, relation, name, contact) VALUES (?,?,?,?)",
                          [(case_id, r["relation"], r["name"], r["contact"]) for r in record.relatives])
        if "belongings" in changed:
            c.execute("DELETE FROM belongings WHERE case_id = ?", (case_id,))
            c.executemany("INSERT INTO belongings(case_id, item, quantity, storage_no) VALUES (?,?,?,?)",
                          [(case_id, b["item"], b["quantity"], b["storage_no"]) for b in record.belongings])
        if "handover" in changed:
            h = record.handover
            c.execute("DELETE FROM police_handover WHERE case_id = ?", (case_id,))
            if any(h.values()):
                c.execute("INSERT INTO police_handover(case_id, unit, officers, found_at, found_place, checks, "
                          "handover_at) VALUES (?,?,?,?,?,?,?)", (case_id, h["unit"], h["officers"], h["found_at"],
                                                                  h["found_place"], h["checks"], h["handover_at"]))
        if "photo" in changed:
            c.execute("DELETE FROM photos WHERE case_id = ?", (case_id,))
            if record.photo:
                c.execute("INSERT INTO photos(case_id, mime, data, added_at) VALUES (?,?,?,?)",
                          (case_id, record.photo[0], record.photo[1], self.stamp))
        case_no = c.execute("SELECT case_no FROM cases WHERE id = ?", (case_id,)).fetchone()[0]
        c.execute("UPDATE search_docs SET doc = ? WHERE case_id = ?",
                  (search_doc({**core, "case_no": case_no}, aliases), case_id))
        add_event(c, case_id, self.stamp, "intake", "edited", edit_summary(edit.changed), self.actor)
        if "police_report" in changed and core["suspected_trafficking"] and core["police_report_at"] \
                and not edit.before.core.get("police_report_at"):
            add_event(c, case_id, core["police_report_at"], "intake", "police_report",
                      f"疑似被拐卖，已报警（{core['police_report_unit']}）", self.actor)
        steps = self._reevaluate(edit)
        c.execute("UPDATE cases SET next_due = ? WHERE id = ?", (self.next_due(case_id), case_id))
        return steps

    def _reevaluate(self, edit: IntakeEdit) -> dict[str, tuple[str, str]]:
        """Steps offered by age follow a changed birth date or admission (ages at admission, as at intake)."""
        def age(record):
            return age_years(record.core["birth_date"], datetime.fromisoformat(record.core["admitted_at"]).date())

        old, new = age(edit.before), age(edit.after)
        if old == new:
            return {}
        current = dict(self.core.execute("SELECT step, status FROM steps WHERE case_id = ?", (edit.case_id,)))
        steps = reevaluated_steps(current, old, new, STEPS)
        for step, (status, reason) in steps.items():
            self.core.execute("UPDATE steps SET status = ?, reason = ?, updated_at = ? WHERE case_id = ? AND step = ?",
                              (status, reason, self.stamp, edit.case_id, step))
            words = _STATUS_WORDS.get(status, status) + (f"（{reason}）" if reason else "")
            add_event(self.core, edit.case_id, self.stamp, step, "reevaluated", f"按修改后的年龄重新判断：{words}",
                      self.actor)
        return steps


_STATUS_WORDS = {"not_started": "需要办理（未开始）", "not_applicable": "不适用"}
