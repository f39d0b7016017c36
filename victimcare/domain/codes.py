"""Bundled code tables: administrative divisions (GB/T 2260) and ethnic groups (GB/T 3304).

``gbt2260.csv`` holds the current province, prefecture and county codes as published by the
Ministry of Civil Affairs; ``gbt2260.meta.json`` records source and date. Codes change (梅列区
350402 was merged into 三元区 in 2021) while old hukou records and ID numbers keep them, so
``gbt2260_retired.csv`` keeps retired codes with their last name, and lookups accept them.
"""

import csv
import json
import unicodedata
from datetime import date
from functools import cache

from victimcare.core.resources import resource_path


def _read_csv(name: str) -> list[dict[str, str]]:
    with resource_path("data", name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


TABLE_DATE: date = date.fromisoformat(
    json.loads(resource_path("data", "gbt2260.meta.json").read_text(encoding="utf-8"))["table_date"]
)


@cache
def _current() -> dict[str, str]:
    return {row["code"]: row["name"] for row in _read_csv("gbt2260.csv")}


@cache
def _retired() -> dict[str, str]:
    return {row["code"]: row["name"] for row in _read_csv("gbt2260_retired.csv")}


def _is_code(code: str) -> bool:
    return len(code) == 6 and code.isascii() and code.isdigit()


def region_name(code: str) -> str | None:
    """Name of a county-level-or-higher code, current or retired; None if unknown."""
    return _current().get(code) or _retired().get(code)


def is_known_region(code: str, *, include_retired: bool = True) -> bool:
    """True if the 6-digit code is in the current table (or, by default, the retired one)."""
    return code in _current() or (include_retired and code in _retired())


def is_retired_region(code: str) -> bool:
    """True for a code no longer in use, as found on old hukou records and ID numbers."""
    return code not in _current() and code in _retired()


def region_full_name(code: str) -> str | None:
    """Province + prefecture + county name, e.g. 350426 → 福建省三明市尤溪县; None if unknown.

    Levels missing from the table (municipal districts, county-level cities directly under a
    province) are skipped, so 110101 gives 北京市东城区.
    """
    if not _is_code(code) or region_name(code) is None:
        return None
    levels = dict.fromkeys([code[:2] + "0000", code[:4] + "00", code])
    return "".join(name for level in levels if (name := region_name(level)))


def _in_order(query: str, text: str) -> bool:
    rest = iter(text)
    return all(ch in rest for ch in query)


@cache
def _search_index(include_retired: bool) -> tuple[tuple[str, str, str], ...]:
    """(code, name, full name) for every code, sorted by code; built once because search runs per keystroke."""
    table = {**_retired(), **_current()} if include_retired else _current()
    return tuple((code, table[code], region_full_name(code) or table[code]) for code in sorted(table))


def search_regions(text: str, limit: int = 20, *, include_retired: bool = False) -> list[tuple[str, str]]:
    """(code, full name) pairs matching a code prefix or part of a name, best matches first.

    Exact names rank first, then names that start with the text, then full names containing
    it, then full names containing its characters in order.
    """
    query = "".join(unicodedata.normalize("NFKC", text).split())
    if not query or limit <= 0:
        return []
    index = _search_index(include_retired)
    if query.isascii() and query.isdigit():
        return [(code, full) for code, _, full in index if code.startswith(query)][:limit]
    ranked = []
    for code, name, full in index:
        if query == name:
            rank = 0
        elif name.startswith(query):
            rank = 1
        elif query in full:
            rank = 2
        elif len(query) > 1 and _in_order(query, full):
            rank = 3  # "福建尤溪" finds 福建省三明市尤溪县
        else:
            continue
        ranked.append((rank, code, full))
    return [(code, full) for _, code, full in sorted(ranked)[:limit]]


@cache
def _ethnicities() -> dict[str, str]:
    return {row["code"]: row["name"] for row in _read_csv("gbt3304.csv")}


def ethnicities() -> list[tuple[str, str]]:
    """GB/T 3304-1991 ethnic groups as (2-digit code, name): 01 汉族 … 56 基诺族, 97 其他, 98 外国血统中国籍人士."""
    return list(_ethnicities().items())


def ethnicity_name(code: str) -> str | None:
    """Name for a GB/T 3304 code, or None."""
    return _ethnicities().get(code)
