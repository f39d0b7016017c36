"""Duplicate check at intake and import: same ID number, or a similar name / alias (by characters or
by sound) together with a similar age and the same sex. The user sees the candidates and decides."""

from datetime import date

from pypinyin import lazy_pinyin
from rapidfuzz import fuzz

AGE_WINDOW_YEARS = 3
NAME_SIMILARITY = 75  # rapidfuzz ratio, 0-100


def _pinyin(name: str) -> str:
    return "".join(lazy_pinyin(name)).lower() if name else ""


def find_candidates(conn, record, today: date) -> list[dict]:
    """Existing cases that may be the same person, each with the reason in words."""
    core = record.core
    found: dict[int, dict] = {}

    def add(row, reason):
        case_id = row[0]
        entry = found.setdefault(case_id, {"id": case_id, "case_no": row[1], "name": row[2], "sex": row[3],
                                           "birth_date": row[4], "admitted_at": row[5], "reasons": []})
        if reason not in entry["reasons"]:
            entry["reasons"].append(reason)

    cols = "c.id, c.case_no, c.name, c.sex, c.birth_date, c.admitted_at"
    if core.get("id_number"):
        for row in conn.execute(f"SELECT {cols} FROM cases c WHERE c.id_number = ?", (core["id_number"],)):
            add(row, "身份证号相同")

    names = [n for n in [core.get("name", ""), *record.aliases] if n]
    if names and core.get("birth_date"):
        born = date.fromisoformat(core["birth_date"])
        low = date(max(born.year - AGE_WINDOW_YEARS, 1), 1, 1).isoformat()
        high = date(born.year + AGE_WINDOW_YEARS, 12, 31).isoformat()
        sexes = ("M", "F", "U") if core["sex"] == "U" else (core["sex"], "U")
        sounds = {_pinyin(n) for n in names}
        rows = conn.execute(
            f"SELECT {cols}, c.name_pinyin, group_concat(a.alias, char(31)), group_concat(a.pinyin, char(31)) "
            "FROM cases c LEFT JOIN aliases a ON a.case_id = c.id "
            f"WHERE c.sex IN ({','.join('?' * len(sexes))}) AND c.birth_date BETWEEN ? AND ? GROUP BY c.id",
            (*sexes, low, high))
        for row in rows:
            their_names = [n for n in [row[2], *((row[7] or "").split("\x1f"))] if n]
            their_sounds = {s for s in [row[6], *((row[8] or "").split("\x1f"))] if s}
            if sounds & their_sounds:
                add(row, "姓名读音相同且年龄、性别相近")
            elif any(fuzz.ratio(a, b) >= NAME_SIMILARITY for a in names for b in their_names):
                add(row, "姓名相近且年龄、性别相近")
    return sorted(found.values(), key=lambda c: c["case_no"])
