"""The case list in SQL: filters, sort and keyset paging (no row is ever filtered in Python)."""

import unicodedata
from dataclasses import dataclass

from victimcare.domain.names import search_fold


@dataclass(frozen=True)
class CaseQuery:
    text: str = ""
    status: str = "open"            # open, closed, all
    step: str = ""                  # a step code, with step_status
    step_status: str = ""
    worker: str = ""
    overdue_only: bool = False
    sort: str = "admitted"          # admitted (newest first), case_no, next_due


SORTS = {
    # sort key → (ORDER BY column, direction); keyset cursors compare the same tuple
    "admitted": ("c.admitted_at", "DESC"),
    "case_no": ("c.case_no", "ASC"),
    "next_due": ("c.next_due", "ASC"),
}


def search_texts(typed: str) -> list[str]:
    """What a search looks for: the text as typed (NFC), and folded as the search documents' names are
    (``search_fold``: without the separator typed for the middle dot, spaces or variation selectors)."""
    text = unicodedata.normalize("NFC", typed.strip())
    return [t for t in dict.fromkeys((text, search_fold(text))) if t]


def list_filters(query: CaseQuery, now_iso: str) -> tuple[list[str], list]:
    """WHERE clauses of the case list."""
    where, params = [], []
    if query.status in ("open", "closed"):
        where.append("c.status = ?")
        params.append(query.status)
    if query.worker:
        where.append("c.assigned_worker = ?")
        params.append(query.worker)
    if query.overdue_only:
        where.append("c.next_due != '' AND c.next_due < ?")
        params.append(now_iso)
    if query.step and query.step_status:
        where.append("EXISTS (SELECT 1 FROM steps s WHERE s.case_id = c.id AND s.step = ? AND s.status = ?)")
        params += [query.step, query.step_status]
    texts = search_texts(query.text)
    if texts:
        found = []
        long = [t for t in texts if len(t) >= 3]
        if long:
            found.append("c.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
            params.append(" OR ".join('"' + t.replace('"', '""') + '"' for t in long))
        for t in texts:  # trigrams need 3 characters; shorter queries scan the search documents
            if len(t) < 3:
                found.append("EXISTS (SELECT 1 FROM search_docs d WHERE d.case_id = c.id AND d.doc LIKE ? "
                             "ESCAPE '\\')")
                params.append("%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        where.append(found[0] if len(found) == 1 else "(" + " OR ".join(found) + ")")
    if query.sort == "next_due":
        where.append("c.next_due != ''")
    return where, params


def page_sql(query: CaseQuery, cursor, limit: int, now_iso: str) -> tuple[str, list]:
    """One keyset page: ORDER BY the sort column then id, continuing after ``cursor``."""
    where, params = list_filters(query, now_iso)
    column, direction = SORTS.get(query.sort, SORTS["admitted"])
    if cursor is not None:
        op = "<" if direction == "DESC" else ">"
        where.append(f"({column}, c.id) {op} (?, ?)")
        params += list(cursor)
    sql = ("SELECT c.id, c.case_no, c.name, c.name_unknown, c.sex, c.birth_date, c.birth_estimated, c.admitted_at, "
           "c.next_due, c.status, c.assigned_worker "
           f"FROM cases c {'WHERE ' + ' AND '.join(where) if where else ''} "
           f"ORDER BY {column} {direction}, c.id {direction} LIMIT ?")
    return sql, params + [limit]


def count_sql(query: CaseQuery, now_iso: str) -> tuple[str, list]:
    where, params = list_filters(query, now_iso)
    return f"SELECT count(*) FROM cases c {'WHERE ' + ' AND '.join(where) if where else ''}", params


def cursor_of(query: CaseQuery, row: dict) -> tuple:
    column = SORTS.get(query.sort, SORTS["admitted"])[0].split(".")[1]
    return row[column], row["id"]
