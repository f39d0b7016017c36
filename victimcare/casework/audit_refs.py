"""How an audit entry names a case: by its case number (``TS-2026-0042``, what the case list shows), so a
printed or exported excerpt says which case without a lookup — never by the internal row id.

The entries that *create* cases (one intake, an import, a demo batch) keep the id (range) in
``object_id``: the vault check counts every case against them (``integrity.audited_case_ids``). They
carry the number(s) in the detail as ``no:<number>`` / ``no:<first>～<last>``, which is what is shown.
Owner thread for everything that reads a connection.
"""

NUMBER_KEY = "no"
RANGE_SEP = "～"  # case numbers contain "-" themselves


def case_number(session, case_id) -> str:
    """The case number of ``case_id`` from the compartment this session reads cases in (core, else the
    school copy an education officer holds). A case that does not exist (a refused request) keeps its id."""
    held = session.compartments()
    row = None
    if "core" in held:
        row = session.conn("core").execute("SELECT case_no FROM cases WHERE id = ?", (_int(case_id),)).fetchone()
    if row is None and "school" in held:
        row = session.conn("school").execute("SELECT case_no FROM school_children WHERE case_id = ?",
                                             (_int(case_id),)).fetchone()
    return row[0] if row else str(case_id)


def number_detail(numbers: list[tuple[int, str]]) -> str:
    """``no:`` of a creation entry: one number, or the first and last of a batch (``CaseWriter``'s numbers)."""
    first, last = numbers[0][1], numbers[-1][1]
    return f"{NUMBER_KEY}:{first}" if first == last else f"{NUMBER_KEY}:{first}{RANGE_SEP}{last}"


def with_number(detail: str, numbers: list[tuple[int, str]]) -> str:
    return ";".join(p for p in (detail, number_detail(numbers)) if p)


def case_id_of(core, object_id) -> int | None:
    """The case an entry names (a case number; an older entry's id) — for the repair at open."""
    text = str(object_id)
    if text.isdigit():
        return int(text)
    row = core.execute("SELECT id FROM cases WHERE case_no = ?", (text,)).fetchone()
    return row[0] if row else None


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1
