"""Printing (``services.printing``): a form filled or blank, and the case dossier, for a case and a
redaction profile; then its preview, print and save, each audited with the file's SHA-256.

A render first writes its audit entry ("print", the profile as purpose, the categories of what the
profile lets through, never values) and puts that entry's sequence number into the watermark of every
page; once rendered, a second entry records the file's SHA-256 against it (``rendered:of=<seq>``). A
cancelled render records that instead. Rendering runs on the caller's thread (a worker thread in the
GUI): the owner thread is visited only for the reads and the audit entries.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass

from victimcare.casework.audit_refs import case_number
from victimcare.casework.deadlines import local_now
from victimcare.casework.printing import bundle as bundles
from victimcare.casework.printing import dossier_plan, output, profiles
from victimcare.casework.settings import apply_form_font
from victimcare.core.errors import PermissionDenied, UserError
from victimcare.forms import dossier
from victimcare.forms.fonts import use_official_fonts
from victimcare.forms.kit import FormContext
from victimcare.security.audit_service import staff_names
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.permissions import ROLE_LABELS, Op, allowed

AUDIT_EXCERPT_LIMIT = 500
_CASE_OBJECTS = ("case", "step_record", "school_placement", "school_child")


@dataclass(frozen=True)
class PrintJob:
    """One rendered PDF (in memory) and what its audit entries say of it."""
    pdf: bytes
    sha256: str
    seq: int                 # the print's audit entry; printed in every page's watermark
    what: str                # "dossier" or a form code
    profile: str             # '' for a blank form
    case_id: int | None
    case_no: str
    pages: int
    categories: str
    file_name: str

    @property
    def blank(self) -> bool:
        return self.case_id is None


def _pages(pdf: bytes) -> int:
    from pypdf import PdfReader
    return len(PdfReader(io.BytesIO(pdf)).pages)


def _catalog():
    """The forms (``printing/catalog.py``); a function so that a test may hand in a stand-in."""
    from victimcare.casework.printing import catalog
    return catalog


PRINTED_HASH_CHARS = 12  # 48 bits of the print entry's hash on paper: enough to tell a rewritten log


class PrintService(Service):
    # -- helpers ------------------------------------------------------------------------------------

    def _start(self, case_id: int, chosen, detail: str, cancelled):
        """A case print's bundle (the profile applied) and its audit entry, written before any rendering:
        (bundle, categories, case number, the entry's sequence number)."""
        data = bundles.load(self.session, case_id, chosen)
        if cancelled is not None and cancelled():
            raise dossier.RenderCancelled()
        categories = profiles.categories(data)
        case_no = (data.get("case") or {}).get("case_no", "")
        seq = self.session.record("print", object_type="case", object_id=case_no, categories=categories,
                                  purpose=chosen.code, detail=detail)
        return data, categories, case_no, seq

    def _mark(self, seq: int) -> dossier.Mark:
        now = local_now(self.session)
        digest = self.session.run(lambda: self.session.conn("audit").execute(
            "SELECT entry_hash FROM audit_log WHERE seq = ?", (seq,)).fetchone())
        return dossier.Mark(self.session.account, ROLE_LABELS[self.session.role],
                            f"{now.year}年{now.month}月{now.day}日 {now:%H:%M}", seq,
                            digest[0][:PRINTED_HASH_CHARS] if digest else "")

    def _ctx(self, station: str, mark: dossier.Mark, *, watermark: bool):
        # the station's form font (bundled, or the official 仿宋/黑体 where installed), before each print;
        # the setting lives in core, so a role without it prints with the bundled fonts
        if "core" in self.session.compartments():
            self.session.run(lambda: apply_form_font(self.session.conn("core")))
        else:
            use_official_fonts(False)
        return FormContext(station=station, user=self.session.account, printed_at=local_now(self.session),
                           watermark=mark.watermark() if watermark else "")

    def _profile(self, case_id, code: str | None, include) -> profiles.Profile:
        """The profile asked for (None: the widest this role may print), capped by the role."""
        if code is None:
            allowed_here = profiles.for_role(self.session.role)
            code = allowed_here[0].code if allowed_here else "archive"
        try:
            return profiles.resolve(code, self.session.role, tuple(include or ()))
        except PermissionDenied:
            number = self.session.run(case_number, self.session, case_id) if case_id not in (None, "") else ""
            self.session.record("print", object_type="case", object_id=number, purpose=str(code), result="denied")
            raise

    def _finish(self, seq: int, pdf: bytes, *, what, profile, case_id, case_no, categories) -> PrintJob:
        digest = hashlib.sha256(pdf).hexdigest()
        pages = _pages(pdf)
        self.session.record("print", object_type="case", object_id=case_no,
                            categories=categories, purpose=profile, detail=f"rendered:of={seq}",
                            file_hash=digest, record_count=pages)
        name = output.blank_file_name(what) if case_id is None else \
            output.file_name(case_no, profile, output.DOSSIER if what == "dossier" else what)
        return PrintJob(pdf, digest, seq, what, profile, case_id, case_no, pages, categories, name)

    def _cancelled(self, seq: int, case_no: str, profile: str) -> None:
        self.session.record("print", object_type="case", object_id=case_no,
                            purpose=profile, result="error", detail=f"cancelled:of={seq}")

    def _audit_excerpt(self, case_id: int, case_no: str, approval_ids: list[int]) -> list[dict]:
        """The case's audit entries (oldest first, the last AUDIT_EXCERPT_LIMIT), owner thread. Entries name a
        case by its number; its creation and entries of older versions by its id (``audit_refs``)."""
        conn = self.session.conn("audit")
        objects = [(t, ref) for t in _CASE_OBJECTS for ref in dict.fromkeys((case_no, str(case_id))) if ref]
        objects += [("approval", str(a)) for a in approval_ids]
        where = " OR ".join("(object_type = ? AND object_id = ?)" for _ in objects)
        cur = conn.execute(f"SELECT seq, ts_utc, tz_offset, actor, role, action, object_type, object_id, categories, purpose, "
                           f"result, detail FROM audit_log WHERE {where} ORDER BY seq DESC LIMIT ?",
                           [x for pair in objects for x in pair] + [AUDIT_EXCERPT_LIMIT])
        columns = [d[0] for d in cur.description]
        staff = staff_names(self.session.vault.keyring.data)  # the printing role may read the log
        return [{**row, "actor_name": staff.get(row["actor"], "")}
                for row in (dict(zip(columns, r)) for r in reversed(cur.fetchall()))]

    # -- what may be printed ----------------------------------------------------------------------------

    @operation(Op.PRINT_BLANK)
    def purposes(self) -> list[dict]:
        """The profiles this role may print a case with: code, label and the one line of what it leaves out."""
        return [{"code": p.code, "label": p.label, "label_en": p.label_en, "explanation": p.explanation}
                for p in profiles.for_role(self.session.role)]

    @operation(Op.PRINT_BLANK)
    def forms(self, profile: str | None = None) -> list[dict]:
        """The forms a profile prints (code, title), in the dossier's order."""
        chosen = self._profile("", profile, ())
        return [{"code": s.code, "title": s.title} for s in _catalog().FORMS if profiles.form_allowed(chosen, s.code)]

    @operation(Op.PRINT_CASE)
    def find_case(self, case_no: str) -> int:
        """The id of the case numbered ``case_no`` among the cases this role may print."""
        text = case_no.strip() if isinstance(case_no, str) else ""
        if not text or len(text) > 60:
            raise UserError("请填写个案编号，例如 TS-2026-00001。")
        where = "core" if allowed(self.session.role, Op.CASE_VIEW) else "school"
        table = "cases" if where == "core" else "school_children"
        column = "id" if where == "core" else "case_id"
        row = self.session.conn(where).execute(f"SELECT {column} FROM {table} WHERE case_no = ?", (text,)).fetchone()
        if row is None:
            raise UserError(f"找不到编号为 {text} 的个案" + ("。" if where == "core" else "（教育部门只能打印已转介入学的孩子）。")
                            + "请核对编号。")
        return row[0]

    # -- rendering ------------------------------------------------------------------------------------

    @operation(Op.PRINT_CASE, thread=CALLER)
    def render_dossier(self, case_id: int, profile: str | None = None, *, include=(),
                       cancelled: Callable[[], bool] | None = None,
                       progress: Callable[[int, int], None] | None = None) -> PrintJob:
        """The 专门档案 of ``case_id`` for ``profile`` (archive, school, court, family)."""
        chosen = self._profile(case_id, profile, include)
        catalog = _catalog()
        data, categories, case_no, seq = self._start(case_id, chosen, "dossier", cancelled)
        audit = None  # the case's audit excerpt, ending with this very print (a role that may read the log)
        if chosen.code == "archive" and allowed(self.session.role, Op.AUDIT_VIEW):
            ids = [a["id"] for a in data.get("approvals") or []]
            audit = self.session.run(self._audit_excerpt, case_id, case_no, ids)
        mark = self._mark(seq)
        station = data["station"]["name"]
        today = local_now(self.session).date()
        try:
            pdf = dossier.render_dossier(
                dossier_plan.cover(data, chosen, today),
                dossier_plan.sections(catalog, data, chosen, self._ctx(station, mark, watermark=False), audit),
                dossier_plan.back_note(chosen, self.session.account, today, seq), mark,
                cancelled=cancelled, progress=progress)
        except dossier.RenderCancelled:
            self._cancelled(seq, case_no, chosen.code)
            raise
        return self._finish(seq, pdf, what="dossier", profile=chosen.code, case_id=case_id, case_no=case_no,
                            categories=categories)

    @operation(Op.PRINT_CASE, thread=CALLER)
    def render_form(self, case_id: int, code: str, profile: str | None = None, *, include=(),
                    cancelled: Callable[[], bool] | None = None,
                    progress: Callable[[int, int], None] | None = None) -> PrintJob:
        """One form of ``case_id``, filled from the case as ``profile`` lets it through."""
        chosen = self._profile(case_id, profile, include)
        catalog = _catalog()
        spec = catalog.form(code)
        if not profiles.form_allowed(chosen, spec.code):
            raise UserError(f"按“{chosen.label}”用途不能打印{spec.code}（{spec.title}）。")
        data, categories, case_no, seq = self._start(case_id, chosen, f"form:{spec.code}", cancelled)
        if progress is not None:
            progress(0, 1)
        mark = self._mark(seq)
        pdf = catalog.render_form(spec.code, data, self._ctx(data["station"]["name"], mark, watermark=True))
        if progress is not None:
            progress(1, 1)
        return self._finish(seq, pdf, what=spec.code, profile=chosen.code, case_id=case_id,
                            case_no=case_no, categories=categories)

    @operation(Op.PRINT_BLANK, thread=CALLER)
    def render_blank(self, code: str, *, cancelled: Callable[[], bool] | None = None,
                     progress: Callable[[int, int], None] | None = None) -> PrintJob:
        """A form without any case, for filling in by hand (the F1 intake and F15 follow-up sheets)."""
        catalog = _catalog()
        spec = catalog.form(code)
        if not any(profiles.form_allowed(p, spec.code) for p in profiles.for_role(self.session.role)):
            self.session.record("print", object_type="case", detail=f"form:{spec.code}:blank", result="denied")
            raise PermissionDenied(f"当前角色（{ROLE_LABELS[self.session.role]}）不能打印{spec.code}空白表。")
        seq = self.session.record("print", object_type="case", detail=f"form:{spec.code}:blank")
        mark = self._mark(seq)
        station = bundles.station(self.session)["name"]
        if progress is not None:
            progress(0, 1)
        pdf = catalog.render_form(spec.code, None, self._ctx(station, mark, watermark=True))
        if progress is not None:
            progress(1, 1)
        return self._finish(seq, pdf, what=spec.code, profile="", case_id=None, case_no="", categories="")

    # -- what happens to a rendered file ------------------------------------------------------------------

    def _own(self, job) -> PrintJob:
        if not isinstance(job, PrintJob) or hashlib.sha256(job.pdf).hexdigest() != job.sha256:
            raise UserError("这份文件不是由本程序生成的，或已被改动。请重新生成。")
        if not job.blank:
            self.session.authorize(Op.PRINT_CASE)
        return job

    def _record_use(self, job: PrintJob, action: str, detail: str, digest: str) -> int:
        return self.session.record(action, object_type="case", object_id="" if job.blank else job.case_no,
                                   categories=job.categories, purpose=job.profile, file_hash=digest,
                                   record_count=job.pages, detail=f"{detail}:of={job.seq}")

    @operation(Op.PRINT_BLANK)
    def record_preview(self, job: PrintJob) -> int:
        """Audit that ``job`` is shown in the preview."""
        job = self._own(job)
        return self._record_use(job, "view", "preview", job.sha256)

    @operation(Op.PRINT_BLANK)
    def record_printed(self, job: PrintJob) -> int:
        """Audit that ``job`` was sent to a printer."""
        job = self._own(job)
        return self._record_use(job, "print", "printed", job.sha256)

    @operation(Op.PRINT_BLANK, thread=CALLER)
    def save(self, job: PrintJob, path, password: str | None = None) -> dict:
        """Save ``job`` to ``path`` (atomic, owner-only; AES-256 with ``password``); audited with the SHA-256
        of the file written. Returns {"path", "sha256", "encrypted"}."""
        job = self._own(job)
        written, digest = output.save(job.pdf, path, password)
        encrypted = bool(output.check_password(password))
        self._record_use(job, "export", "save" + (";encrypted" if encrypted else ""), digest)
        return {"path": str(written), "sha256": digest, "encrypted": encrypted}

