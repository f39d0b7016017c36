"""Importing cases from a spreadsheet or a .json file: every row, or none.

Every row goes through ``validate_intake`` (the intake form's rules), then the duplicate rule
against every case and the file's own earlier rows (warnings, not refusals). If any row is
rejected nothing is written and the report lists every problem; otherwise all rows are written by
the one case writer in one batch. The batch runs on the import's own connections (WAL lets the
window's reads go on meanwhile); a save made in the window during the import waits for it or is
told to try again.
"""

import gc
import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from victimcare.casework.audit_refs import with_number
from victimcare.casework.duplicates import DuplicateIndex, existing_cases_index
from victimcare.casework.importer.reading import (UNKNOWN_NAME_WORDS, ImportFileError, column_label, parse,
                                                  read_limited, row_to_raw)
from victimcare.casework.record import NewCase, write_audited
from victimcare.casework.steps.intake.rules import IntakeRecord, validate_intake
from victimcare.casework.steps.intake.service import INTAKE_CATEGORIES, case_writer
from victimcare.core.errors import ValidationErrors
from victimcare.security import outbox
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.permissions import Op

MAX_DUPLICATES_LISTED = 5


@dataclass
class ImportReport:
    """What an import did.

    ``rejected`` and ``warnings`` hold (row, field, message). ``row`` is the row number the user sees
    in the spreadsheet (the header is row 1, so the first case is row 2); in a .json file it is the
    position of the case in the list, from 1. ``field`` is an intake field code (``column_label``
    gives its Chinese header) or "duplicate" for a possible duplicate. When anything is rejected,
    ``imported`` is empty and the vault is unchanged.
    """

    imported: list[str] = field(default_factory=list)
    rejected: list[tuple[int, str, str]] = field(default_factory=list)
    warnings: list[tuple[int, str, str]] = field(default_factory=list)
    rows: int = 0
    file_hash: str = ""

    @property
    def ok(self) -> bool:
        return not self.rejected

    def lines(self) -> list[str]:
        """The report in plain Chinese, one line per item."""
        if self.rejected:
            bad_rows = len({r for r, _f, _m in self.rejected})
            out = [f"未导入任何个案：{self.rows} 行中有 {bad_rows} 行不符合要求。请修改下列各行后重新导入整个文件。"]
            out += [f"第 {row} 行" + (f"【{column_label(f)}】" if f else "：") + msg for row, f, msg in self.rejected]
        else:
            span = f"（{self.imported[0]} 至 {self.imported[-1]}）" if self.imported else ""
            out = [f"已导入 {len(self.imported)} 个个案{span}。"]
        if self.warnings:
            out.append(f"请核对以下 {len(self.warnings)} 条提示（不影响导入）：")
            out += [f"第 {row} 行：{msg}" for row, _f, msg in self.warnings]
        return out


def duplicate_warnings(existing: DuplicateIndex, records: list[tuple[int, IntakeRecord]],
                       progress=None) -> list[tuple[int, str, str]]:
    warnings = []
    for done, (row, record) in enumerate(records, start=1):
        found = existing.find(record)
        if found:
            labels = sorted(found)
            shown = "、".join(labels[:MAX_DUPLICATES_LISTED])
            more = f"等 {len(labels)} 处" if len(labels) > MAX_DUPLICATES_LISTED else ""
            reasons = "；".join(sorted({r for rs in found.values() for r in rs}))
            warnings.append((row, "duplicate", f"可能与{shown}{more}是同一人（{reasons}）。导入后请在个案中核对。"))
        existing.add_record(f"本文件第 {row} 行", record)
        if progress is not None and done % 200 == 0:
            progress(done, len(records))
    return warnings


class ImportService(Service):
    @operation(Op.CASE_IMPORT, thread=CALLER)
    def import_file(self, path: Path, *, encoding: str | None = None, progress=None) -> ImportReport:
        """Import every case in ``path`` or none. Raises ImportFileError when the file as a whole is
        unusable; returns a report whose ``rejected`` lists every bad row otherwise.

        ``encoding`` is None (UTF-8) or "gb18030", and only for .csv and .json. ``progress(done, total)``
        is called from the worker now and then. Audited as one 'import' entry with the file's SHA-256,
        the number of rows and 'ok' or 'rejected'; a successful import's entry names its case ids
        ('first-last') and is committed with the cases (``record.write_audited``).
        """
        session = self.session
        path = Path(path)
        digest = ""

        def audit(ok: bool, count: int, detail: str = "") -> None:
            session.record("import", object_type="case", record_count=count,
                           detail=detail or ("ok" if ok else "rejected"), result="ok" if ok else "error",
                           file_hash=digest, categories=INTAKE_CATEGORIES if ok else "")

        try:
            data = read_limited(path)
            digest = hashlib.sha256(data).hexdigest()
            if encoding is not None and path.suffix.lower() == ".xlsx":
                raise ImportFileError("Excel 文件不需要声明编码。请去掉编码参数后重试。")
            table = parse(path, data, encoding)
            del data
        except ImportFileError:
            audit(False, 0)
            raise
        rows = len(table.rows)
        if rows == 0:
            audit(False, 0)
            raise ImportFileError("文件中没有个案数据（只有表头或全是空行）。")

        now = datetime.fromtimestamp(session.vault.clock.now())
        total = rows * 3
        report = ImportReport(rows=rows, file_hash=digest)
        records = self._validate_rows(table, now, report, progress, total)
        if report.rejected:
            report.rejected.sort(key=lambda r: r[0])
            report.warnings = []
            audit(False, rows)
            return report

        try:
            report.imported = self._write(records, report, now, progress, rows, total, digest)
        except BaseException:
            try:
                audit(False, rows, "failed")  # a full disk, a busy file: nothing was written, and it is on record
            except Exception:  # the audit file may be the full one: the original failure is what the user sees
                pass
            raise
        if progress is not None:
            progress(total, total)
        return report

    def _write(self, records, report: ImportReport, now: datetime, progress, rows: int, total: int,
               digest: str) -> list[str]:
        """Duplicate warnings, then every record in one batch, on this thread's own connections; the
        'import' audit entry is committed with the cases (``record.write_audited``)."""
        session = self.session
        with session.side_connections() as conns:
            existing = existing_cases_index(conns["core"])
            # Millions of long-lived objects now (every case's names, the file's records): keep them out of
            # the collector's full passes, which would otherwise pause every thread, the window's included.
            # Not unfrozen afterwards: that would also thaw what record.py froze; these go by refcount.
            gc.freeze()
            step = (lambda d, _n: progress(rows + d, total)) if progress is not None else None
            report.warnings += duplicate_warnings(existing, records, step)
            report.warnings.sort(key=lambda w: w[0])
            writer = case_writer(session, now, conns)

            def staged(numbers):
                return [outbox.entry(session, "import", object_type="case", record_count=len(numbers),
                                     object_id=f"{numbers[0][0]}-{numbers[-1][0]}", detail=with_number("ok", numbers),
                                     result="ok",
                                     file_hash=digest, categories=INTAKE_CATEGORIES)]

            imported = [number for _id, number in
                        write_audited(session, writer, [NewCase(r) for _row, r in records], staged)]
            conns["core"].execute("ANALYZE")  # a bulk load changes the best plans
            return imported

    def _validate_rows(self, table, now: datetime, report: ImportReport, progress, total: int):
        records: list[tuple[int, IntakeRecord]] = []
        for done, (row, cells) in enumerate(table.rows, start=1):
            if cells is None:
                report.rejected.append((row, "", "这一条不是 JSON 对象（应为 {\"列名\": \"内容\"}）。"))
                continue
            raw, problems = row_to_raw(table, cells)
            for key, message in problems:
                report.rejected.append((row, key, message))
            bad_keys = {k for k, _m in problems}
            try:
                record = validate_intake({k: v for k, v in raw.items() if k not in bad_keys}, now=now,
                                         registrar=self.session.account)
            except ValidationErrors as exc:
                report.rejected += [(row, e.field, e.message) for e in exc.errors if e.field not in bad_keys]
                continue
            if problems:
                continue
            if str(raw.get("name", "")).strip() in UNKNOWN_NAME_WORDS:
                report.warnings.append((row, "name", "姓名写作“不详”一类的词，已按姓名保存。"
                                                     "如确实不知道姓名，请在“姓名不详”列填“是”并清空姓名。"))
            report.warnings += [(row, "id_number", w) for w in record.warnings]
            records.append((row, record))
            if progress is not None and done % 200 == 0:
                progress(done, total)
        return records
