"""Reading an import file (.csv, .xlsx, .json) into rows of raw intake values; nothing is written here.

The layout is documented for users in ``docs/import-format.md``: one row per case, columns named by
the intake field codes or by their Chinese headers (``COLUMNS``). Every row goes through
``validate_intake``, the same rules as the intake form. All rows are checked before anything is
written; if any row is rejected nothing is written and the report lists every problem. Otherwise
every row is written in one core transaction and one sensitive transaction.

Files are untrusted input (security requirement 29): strict UTF-8 (a BOM is dropped) or GB 18030
only when the caller declares it; limits on file size, rows and field length; cell values are
always text, so ``=HYPERLINK(…)`` or ``'); DROP TABLE cases;--`` are stored as typed. Messages give
row, column and the kind of problem, never the value itself: they may be printed or logged.
"""

import csv
import hashlib
import io
import json
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from victimcare.core.errors import UserError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ROWS = 100_000
MAX_FIELD_CHARS = 5_000
MAX_COLUMNS = 200
MAX_XLSX_UNPACKED_BYTES = 500 * 1024 * 1024  # a 50 MB workbook that unpacks beyond this is a zip bomb
ENCODINGS = ("utf-8", "gb18030")

# The one column table: intake field code, the Chinese header shown in templates and messages,
# and other headers people use for the same column (F1/F2 form wording).
COLUMNS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("admitted_at", "入站时间", ("求助时间", "入站日期")),
    ("arrival_mode", "来站方式", ()),
    ("name", "姓名", ()),
    ("name_unknown", "姓名不详", ()),
    ("aliases", "曾用名/自述名", ("曾用名", "自述名")),
    ("sex", "性别", ()),
    ("birth_date", "出生日期", ()),
    ("estimated_age", "估计年龄", ("目测年龄",)),
    ("age_basis", "年龄依据", ("估计年龄依据",)),
    ("ethnicity", "民族", ()),
    ("id_status", "证件情况", ("身份证件情况",)),
    ("id_type", "证件类型", ("身份证件类型",)),
    ("id_number", "证件号码", ("身份证件号码", "身份证号码", "身份证号")),
    ("hukou_code", "户籍地代码", ()),
    ("hukou_detail", "户籍地详址", ("户籍地址",)),
    ("residence", "住所地", ()),
    ("dialect", "方言/口音", ("方言", "口音")),
    ("appearance", "体貌特征", ("人员体貌特征",)),
    ("escort_unit", "护送单位", ()),
    ("escort_officers", "护送人员", ("护送民警",)),
    ("police_case_no", "公安案件编号", ("警情编号",)),
    ("flag_trafficking", "打拐解救", ()),
    ("flag_disabled", "残疾", ()),
    ("flag_foreign", "外籍", ()),
    ("suspected_trafficking", "疑似被拐卖", ("疑似被拐",)),
    ("police_report_at", "报警时间", ()),
    ("police_report_unit", "接警单位", ()),
    ("request", "求助需求", ()),
    ("decision", "是否予以救助", ("救助决定",)),
    ("decision_reason", "决定理由", ("不予救助理由",)),
    ("health_check", "身体状况初检", ()),
    ("mental_state", "精神/智力状况初检", ("精神状况",)),
    ("mental_note", "精神/智力状况说明", ()),
    ("injuries", "明显外伤", ()),
    ("injuries_note", "外伤情况", ("外伤说明",)),
    ("circumstances", "求助原因及经过", ("流浪乞讨原因、时间、经过",)),
    ("found_circumstances", "发现经过", ()),
)
KEYS = tuple(key for key, _zh, _other in COLUMNS)
HEADER_LABELS = {key: zh for key, zh, _other in COLUMNS}
REQUIRED_COLUMNS = ("admitted_at", "arrival_mode", "sex")

_FLAGS = frozenset({"name_unknown", "flag_trafficking", "flag_disabled", "flag_foreign", "suspected_trafficking",
                    "injuries"})
_FLAG_VALUES = {"": 0, "0": 0, "1": 1, "是": 1, "否": 0, "有": 1, "无": 0, "√": 1, "×": 0,
                "true": 1, "false": 0, "yes": 1, "no": 0, "y": 1, "n": 0}
_ID_LIKE = frozenset({"id_number", "hukou_code", "police_case_no"})  # numbers that must stay exact text
_DATETIMES = frozenset({"admitted_at", "police_report_at"})
UNKNOWN_NAME_WORDS = frozenset({"不详", "未知", "无名氏", "姓名不详", "不知道"})
_FORMULA_START = tuple("=+-@\t\r")
_LINE_BREAK = re.compile(rb"\r\n|\r|\n")


def _normalize_header(text: str) -> str:
    return unicodedata.normalize("NFKC", str(text)).strip().lstrip("\ufeff").strip().lower()


HEADER_TO_KEY: dict[str, str] = {}
for _key, _zh, _other in COLUMNS:
    for _header in (_key, _zh, *_other):
        HEADER_TO_KEY[_normalize_header(_header)] = _key


def _printable(text: str) -> str:
    """A header as it may be quoted in a message: visible characters only, at most 40."""
    return "".join(c for c in text if unicodedata.category(c)[0] in "LNPS" or c == " ")[:40]


def column_label(key: str) -> str:
    """The Chinese header of a field code (for messages); the code itself if it is not a column."""
    return HEADER_LABELS.get(key, key)


class ImportFileError(UserError):
    """The file as a whole cannot be imported (size, encoding, format, columns); nothing was written."""

    def __init__(self, message: str, *, line: int | None = None, column: str | None = None):
        super().__init__(message)
        self.line = line
        self.column = column


# -- reading the file ----------------------------------------------------------------------------------


@dataclass
class _Table:
    keys: list[str | None]                # column position → field code (None: empty header, ignored)
    rows: list[tuple[int, list]]          # (row number as the user sees it, cell values)
    kind: str                             # csv, xlsx, json


def read_limited(path: Path) -> bytes:
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise ImportFileError("找不到要导入的文件。请检查文件名和位置。") from None
    except IsADirectoryError:
        raise ImportFileError("请选择一个文件，而不是文件夹。") from None
    except OSError:
        raise ImportFileError("无法读取要导入的文件。请确认文件没有被其他程序占用。") from None
    if len(data) > MAX_FILE_BYTES:
        raise ImportFileError(f"文件超过 {MAX_FILE_BYTES // (1024 * 1024)} MB，不能导入。请分成几个较小的文件。")
    return data


def _line_of(data: bytes, offset: int) -> int:
    return len(_LINE_BREAK.findall(data, 0, offset)) + 1


def _decode(data: bytes, encoding: str | None) -> str:
    enc = (encoding or "utf-8").strip().lower().replace("_", "-")
    if enc in ("utf8", "utf-8-sig"):
        enc = "utf-8"
    if enc not in ENCODINGS:
        raise ImportFileError("只支持 UTF-8 编码，或声明为 GB18030 编码（--encoding gb18030）的文件。")
    if enc == "utf-8" and data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ImportFileError("文件是 UTF-16 编码。请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后再导入。", line=1)
    try:
        text = data.decode(enc, errors="strict")
    except UnicodeDecodeError as exc:
        line = _line_of(data, exc.start)
        hint = ("如果文件是 Excel 另存的普通“CSV（逗号分隔）”格式（GBK/GB18030 编码），请另存为“CSV UTF-8”，"
                "或导入时声明 GB18030 编码。") if enc == "utf-8" else "请核对文件的编码。"
        raise ImportFileError(f"第 {line} 行有无法识别的字节，不是有效的 {enc.upper()} 编码，整个文件未导入。{hint}",
                              line=line) from None
    return text[1:] if text.startswith("\ufeff") else text


def _header_keys(headers: list, nonempty_columns: set[int]) -> list[str | None]:
    if len(headers) > MAX_COLUMNS:
        raise ImportFileError(f"表头有 {len(headers)} 列，超过 {MAX_COLUMNS} 列。请只保留导入格式中的列。", line=1)
    keys: list[str | None] = []
    seen: dict[str, int] = {}
    for i, header in enumerate(headers):
        text = "" if header is None else str(header)
        if len(text) > 100:
            raise ImportFileError(f"第 {i + 1} 列的表头太长，不是导入格式中的列名。", line=1, column=str(i + 1))
        norm = _normalize_header(text)
        if not norm:
            if i in nonempty_columns:
                raise ImportFileError(f"第 {i + 1} 列有内容但没有表头。请补上列名或删除这一列。", line=1,
                                      column=str(i + 1))
            keys.append(None)
            continue
        key = HEADER_TO_KEY.get(norm)
        if key is None:
            shown = _printable(norm)
            raise ImportFileError(f"第 {i + 1} 列“{shown}”不是导入格式中的列名，整个文件未导入。"
                                  "请对照导入格式说明修改表头，或删除这一列。", line=1, column=shown)
        if key in seen:
            raise ImportFileError(f"第 {seen[key] + 1} 列和第 {i + 1} 列都是“{column_label(key)}”。请删除重复的一列。",
                                  line=1, column=column_label(key))
        seen[key] = i
        keys.append(key)
    missing = [column_label(k) for k in REQUIRED_COLUMNS if k not in seen]
    if missing:
        raise ImportFileError(f"缺少必需的列：{'、'.join(missing)}。请对照导入格式说明补上。", line=1)
    return keys


def _count_rows(n: int) -> None:
    if n > MAX_ROWS:
        raise ImportFileError(f"文件超过 {MAX_ROWS} 行，不能导入。请分成几个较小的文件。", line=n + 1)


def _parse_csv(data: bytes, encoding: str | None) -> _Table:
    text = _decode(data, encoding)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        line = reader.line_num
        if "field larger than field limit" in str(exc):
            raise ImportFileError(f"第 {line} 行附近有一个单元格超过 {MAX_FIELD_CHARS} 个字，整个文件未导入。",
                                  line=line) from None
        raise ImportFileError(f"第 {line} 行的引号不配对或格式不正确，整个文件未导入。请检查这一行。",
                              line=line) from None
    if not records or not any(c.strip() for c in records[0]):
        raise ImportFileError("第 1 行应为表头（列名）。请对照导入格式说明。", line=1)
    nonempty = {i for r in records[1:] for i, c in enumerate(r) if c.strip()}
    keys = _header_keys(records[0], nonempty)
    rows = [(n + 2, r) for n, r in enumerate(records[1:]) if any(c.strip() for c in r)]
    _count_rows(len(rows))
    return _Table(keys, rows, "csv")


def _parse_xlsx(data: bytes) -> _Table:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            unpacked = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise ImportFileError("不是有效的 .xlsx 文件（文件损坏，或是旧版 .xls 格式）。"
                              "请在 Excel 中另存为“Excel 工作簿（.xlsx）”。") from None
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ImportFileError("这个 Excel 文件解压后过大，可能已损坏。请另存为新文件，或分成几个较小的文件。")
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, SyntaxError):
        raise ImportFileError("无法读取这个 Excel 文件（文件损坏或格式不受支持）。"
                              "请在 Excel 中另存为“Excel 工作簿（.xlsx）”后再试。") from None
    try:
        ws = wb.worksheets[0] if wb.worksheets else None
        if ws is None:
            raise ImportFileError("Excel 文件中没有工作表。")
        ws.reset_dimensions()  # never trust the sheet's own <dimension>: it may claim fewer rows than it holds
        rows_iter = ws.iter_rows()
        header_cells = next(rows_iter, None)
        if not header_cells:
            raise ImportFileError("第 1 行应为表头（列名）。请对照导入格式说明。", line=1)
        first = header_cells[0]
        if getattr(first, "row", 1) != 1:
            raise ImportFileError("第 1 行应为表头（列名）。请对照导入格式说明。", line=1)
        headers = [_xlsx_header(c) for c in header_cells]
        while headers and not headers[-1]:
            headers.pop()
        if not headers:
            raise ImportFileError("第 1 行应为表头（列名）。请对照导入格式说明。", line=1)
        keys = _header_keys(headers, set())
        rows: list[tuple[int, list]] = []
        for cells in rows_iter:  # converted at once: a row of ReadOnlyCells is ten times the size of its text
            filled = [(i, c) for i, c in enumerate(cells) if getattr(c, "value", None) not in (None, "")]
            if not filled:
                continue
            for i, _cell in filled:
                if i >= len(keys) or keys[i] is None:
                    raise ImportFileError(f"第 {i + 1} 列有内容但没有表头。请补上列名或删除这一列。",
                                          column=str(i + 1))
            values: list = [""] * len(keys)
            for i, cell in filled:
                try:
                    values[i] = _xlsx_cell_text(cell, keys[i])
                except _CellError as exc:
                    values[i] = exc
            rows.append((filled[0][1].row, values))
            _count_rows(len(rows))
        return _Table(keys, rows, "xlsx")
    except ImportFileError:
        raise
    except Exception:  # openpyxl raises many kinds of errors on damaged files; none may leak
        raise ImportFileError("无法读取这个 Excel 文件（文件损坏或格式不受支持）。"
                              "请在 Excel 中另存为“Excel 工作簿（.xlsx）”后再试。") from None
    finally:
        wb.close()


def _xlsx_header(cell) -> str:
    value = getattr(cell, "value", None)
    return "" if value is None else str(value)


class _JsonNumber(str):
    """A JSON number kept as its source text (no float rounding, no huge-int conversion)."""

    is_float = False


class _JsonFloat(_JsonNumber):
    is_float = True


def _json_pairs(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ImportFileError(f"JSON 中同一条记录里“{str(key)[:40]}”出现了两次。")
        seen[key] = value
    return seen


def _parse_json(data: bytes, encoding: str | None) -> _Table:
    text = _decode(data, encoding)

    def bad_constant(name):
        raise ImportFileError(f"JSON 中不能使用 {name}。")

    try:
        doc = json.loads(text, object_pairs_hook=_json_pairs, parse_float=_JsonFloat, parse_int=_JsonNumber,
                         parse_constant=bad_constant)
    except json.JSONDecodeError as exc:
        raise ImportFileError(f"第 {exc.lineno} 行不是有效的 JSON（{exc.msg}），整个文件未导入。",
                              line=exc.lineno) from None
    except RecursionError:
        raise ImportFileError("JSON 嵌套层数过多，不是导入格式。") from None
    if isinstance(doc, dict):
        if set(doc) != {"cases"}:
            raise ImportFileError("JSON 文件应是个案列表，或只含“cases”一项的对象：{\"cases\": [...]}。")
        doc = doc["cases"]
    if not isinstance(doc, list):
        raise ImportFileError("JSON 文件应是个案列表，或只含“cases”一项的对象：{\"cases\": [...]}。")
    _count_rows(len(doc))
    keys: list[str] = []
    positions: dict[str, int] = {}
    for item in doc:
        if not isinstance(item, dict):
            continue
        for name in item:
            if name not in positions:
                key = HEADER_TO_KEY.get(_normalize_header(name))
                if key is None:
                    shown = _printable(str(name))
                    raise ImportFileError(f"字段“{shown}”不是导入格式中的列名，整个文件未导入。"
                                          "请对照导入格式说明修改。", column=shown)
                if key not in keys:
                    keys.append(key)
                positions[name] = keys.index(key)
    missing = [column_label(k) for k in REQUIRED_COLUMNS if k not in keys]
    if doc and missing:
        raise ImportFileError(f"缺少必需的字段：{'、'.join(missing)}。请对照导入格式说明补上。")
    rows = []
    for n, item in enumerate(doc, start=1):
        if not isinstance(item, dict):
            rows.append((n, None))
            continue
        cells: list = [None] * len(keys)
        given = set()
        for name, value in item.items():
            if positions[name] in given:
                value = _Twice()
            given.add(positions[name])
            cells[positions[name]] = value
        rows.append((n, cells))
    return _Table(list(keys), rows, "json")


# -- cell values → raw intake dict -------------------------------------------------------------------


class _CellError(Exception):
    def __init__(self, message: str):
        self.message = message


def _text_of_number(text: str, key: str, is_float: bool) -> str:
    if is_float:
        if key in _ID_LIKE:
            raise _CellError("号码写成了数字格式，长号码会丢失位数。请把这一列设为“文本”格式（JSON 中加引号）后重新填写。")
        try:
            value = float(text)
        except ValueError:
            raise _CellError("数字格式不正确。") from None
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return text
    return text


def _xlsx_cell_text(cell, key: str) -> str:
    value = getattr(cell, "value", None)
    kind = getattr(cell, "data_type", None)
    if value is None:
        return ""
    if kind == "e":
        raise _CellError("单元格是 Excel 错误值（如 #N/A）。请改为实际内容。")
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)  # exact, also for long numbers
    if isinstance(value, float):
        return _text_of_number(repr(value), key, True)
    if isinstance(value, datetime):
        if key == "birth_date" or (key not in _DATETIMES and value.time() == time(0, 0)):
            return value.date().isoformat()
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        raise _CellError("只有时间没有日期。请填写完整的日期和时间，例如 2026-03-01 14:30。")
    return str(value)


class _Twice:
    """Marks a field given twice in one JSON object (e.g. as "name" and as "姓名")."""


def _json_cell_text(value, key: str):
    if isinstance(value, _Twice):
        raise _CellError("同一条记录中这一项写了两次（英文列名和中文列名各一次）。请只保留一个。")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, _JsonNumber):
        return _text_of_number(str(value), key, value.is_float)
    if isinstance(value, str):
        return value
    if isinstance(value, list) and key == "aliases":
        if not all(isinstance(v, str) for v in value):
            raise _CellError("曾用名/自述名应是文字列表。")
        return value
    raise _CellError("应填写文字，不能是列表或对象。")


def _unprotect(text: str) -> str:
    """Undo the export's formula protection: ``'=…`` (security requirement 34) becomes ``=…`` again."""
    if len(text) > 1 and text[0] == "'" and text[1] in _FORMULA_START:
        return text[1:]
    return text


def row_to_raw(table: _Table, cells: list) -> tuple[dict, list[tuple[str, str]]]:
    raw: dict = {}
    problems: list[tuple[str, str]] = []
    for i, key in enumerate(table.keys):
        if key is None or i >= len(cells):
            continue
        cell = cells[i]
        try:
            if isinstance(cell, _CellError):  # found while reading the workbook
                raise cell
            if table.kind == "json":
                value = _json_cell_text(cell, key)
            else:
                value = cell
        except _CellError as exc:
            problems.append((key, exc.message))
            continue
        values = value if isinstance(value, list) else [value]
        if any(len(v) > MAX_FIELD_CHARS for v in values):
            problems.append((key, f"内容超过 {MAX_FIELD_CHARS} 个字，不能导入。请删减。"))
            continue
        if isinstance(value, str):
            value = _unprotect(value)
        if key in _FLAGS:
            flag = _FLAG_VALUES.get(value.strip().lower())
            if flag is None:
                problems.append((key, "请填写“是”或“否”（也可填 1 或 0）。"))
                continue
            value = flag
        raw[key] = value
    if table.kind == "csv" and len(cells) > len(table.keys):
        if any(str(c).strip() for c in cells[len(table.keys):]):
            problems.append(("", f"这一行比表头多出 {len(cells) - len(table.keys)} 列。请检查是否有多余的逗号。"))
    return raw, problems


def parse(path: Path, data: bytes, encoding: str | None) -> _Table:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _parse_csv(data, encoding)
    if suffix == ".xlsx":
        return _parse_xlsx(data)
    if suffix == ".json":
        return _parse_json(data, encoding)
    raise ImportFileError("只能导入 .csv、.xlsx 或 .json 文件。旧版 .xls 请先在 Excel 中另存为 .xlsx。")

