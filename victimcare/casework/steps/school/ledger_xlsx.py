"""The 入学安置台账 (F10) as an XLSX file, with xlsxwriter.

Every cell is written as text (``write_string`` and the text number format), never as a number or a
formula: a 学籍号 or case number keeps every character, and a name typed as ``=1+2`` or ``@SUM(…)`` stays
those characters when the file is opened (text starting with = + - @ also gets Excel's quote prefix, so
editing the cell does not turn it into a formula either). A merged title row; print setup: landscape A4,
the header row repeated on every page, fitted to one page wide, "内部资料 注意保密" and page numbers in
the footer. Built in memory, then written atomically with owner-only permissions
(``core.fsutil.write_private_file``); returns the file's SHA-256 for the audit entry.
"""

import hashlib
import io
from datetime import date, datetime
from pathlib import Path

import xlsxwriter

from victimcare.casework.steps.school import rules
from victimcare.core.fsutil import write_private_file
from victimcare.domain.dates import age_on
from victimcare.domain.vocabulary import SEXES, label

FORMULA_START = ("=", "+", "-", "@")


def _age(row: dict, today: date) -> str:
    born = date.fromisoformat(row["birth_date"]) if row["birth_date"] else None
    if born is None or born > today:
        return ""
    years = age_on(born, today)
    return f"约{years}岁" if row["birth_estimated"] else f"{years}岁"


# (header, width, value of a ledger row on a day)
COLUMNS = (
    ("序号", 6, None),
    ("个案编号", 16, lambda r, _today: r["case_no"]),
    ("姓名或化名", 12, lambda r, _today: r["display_name"]),
    ("性别", 6, lambda r, _today: label(SEXES, r["sex"]) if r["sex"] else ""),
    ("年龄", 7, _age),
    ("安置学校", 22, lambda r, _today: r["school"]),
    ("年级", 8, lambda r, _today: r["grade"]),
    ("班级", 8, lambda r, _today: r["class_name"]),
    ("入学日期", 12, lambda r, _today: r["enrolled_on"]),
    ("就读性质", 10, lambda r, _today: rules.ATTENDANCE.get(r["attendance"], ("", ""))[0]),
    ("学籍号", 23, lambda r, _today: r["student_no"]),
    ("学籍状态", 9, lambda r, _today: rules.RECORD_STATES[r["record_state"]][0]),
    ("学籍转接截止", 12, lambda r, _today: r["transfer_due"]),
    ("结对帮扶教师", 12, lambda r, _today: r["pairing_teacher"]),
    ("安置状态", 12, lambda r, _today: "已结案" if r["case_status"] == "closed"
                                 else rules.PLACEMENT_STATUSES.get(r["status"], (r["status"], ""))[0]),
    ("变动情况", 10, lambda r, _today: rules.CHANGES.get(r.get("last_change", ""), ("", ""))[0]),
)


def ledger_bytes(rows: list[dict], *, station: str, exported_by: str, at: datetime) -> bytes:
    """The workbook as bytes."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
                                        "strings_to_urls": False})
    book.set_properties({"title": "入学安置台账", "author": "", "company": "", "comments": "内部资料 注意保密"})
    sheet = book.add_worksheet("入学安置台账")
    title = book.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter",
                             "font_name": "宋体"})
    note = book.add_format({"font_size": 9, "font_name": "宋体"})
    header = book.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True,
                              "bg_color": "#E8EEF6", "font_name": "宋体", "num_format": "@"})
    text = book.add_format({"border": 1, "valign": "top", "text_wrap": True, "font_name": "宋体", "num_format": "@"})
    quoted = book.add_format({"border": 1, "valign": "top", "text_wrap": True, "font_name": "宋体", "num_format": "@",
                              "quote_prefix": True})
    last = len(COLUMNS) - 1
    sheet.merge_range(0, 0, 0, last, f"{station}入学安置台账", title)
    sheet.set_row(0, 30)
    sheet.merge_range(1, 0, 1, last, f"导出：{at:%Y年%m月%d日 %H:%M}　共 {len(rows)} 人　内部资料 注意保密", note)
    for col, (name, width, _fn) in enumerate(COLUMNS):
        sheet.set_column(col, col, width)
        sheet.write_string(2, col, name, header)
    for i, row in enumerate(rows, start=1):
        for col, (_name, _width, fn) in enumerate(COLUMNS):
            value = str(i) if fn is None else str(fn(row, at.date()) or "")
            sheet.write_string(2 + i, col, value, quoted if value.startswith(FORMULA_START) else text)
    sheet.freeze_panes(3, 0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    sheet.repeat_rows(2)  # the header row on every printed page
    sheet.fit_to_pages(1, 0)  # one page wide, as many pages tall as needed
    sheet.set_footer(f"&L内部资料 注意保密&C第 &P 页 / 共 &N 页&R{_footer_safe(exported_by)} 导出于 {at:%Y-%m-%d %H:%M}")
    sheet.hide_gridlines(0)
    book.close()
    return buffer.getvalue()


def _footer_safe(text: str) -> str:
    return text.replace("&", "&&")  # '&' starts a control code in Excel headers and footers


def write_ledger(path: Path, rows: list[dict], *, station: str, exported_by: str, at: datetime) -> str:
    """Write the ledger to ``path`` (atomic, owner-only); returns its SHA-256 (hex)."""
    data = ledger_bytes(rows, station=station, exported_by=exported_by, at=at)
    write_private_file(Path(path), data)
    return hashlib.sha256(data).hexdigest()
