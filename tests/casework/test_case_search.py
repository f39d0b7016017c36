"""Issue 9, item 15: a name is found whatever separator the user types for the middle dot, and whether or not
a variation selector follows a character — in the stored search document and in the query alike; search
documents written before (without the folded names) are given them by core migration 0005."""

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from victimcare.casework.cases import CaseQuery
from victimcare.casework.case_list import search_texts
from victimcare.casework.record import search_doc
from victimcare.db.schema import migration_files
from victimcare.domain.names import SEARCH_SEPARATORS, search_fold

# Every separator a user may type between the parts of a minority or foreign name.
TYPED = [*SEARCH_SEPARATORS, " ", "  ", " · ", "\u3000", " - "]
VS = ["\ufe00", "\ufe0f", "\U000e0100", "\U000e01ef"]
BASE = {"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer", "sex": "F", "birth_date": "1990-03-04",
        "id_status": "none"}


@pytest.fixture
def boss(vault_factory, login):
    vault, _code, password = vault_factory()
    return login(vault, password=password)


def found(s, text: str) -> list[int]:
    rows, _cursor = s.cases.list_page(CaseQuery(text=text, status="all"))
    return sorted(r["id"] for r in rows)


def test_every_separator_typed_finds_a_minority_name(boss):
    uyghur = boss.intake.create({**BASE, "name": "阿依古丽·买买提"})
    plain = boss.intake.create({**BASE, "name": "测试丙丁", "aliases": "约翰·史密斯"})
    boss.intake.create({**BASE, "name": "测试戊己"})
    for sep in TYPED:
        assert found(boss, f"阿依古丽{sep}买买提") == [uyghur], repr(sep)
        assert found(boss, f"古丽{sep}买") == [uyghur], repr(sep)       # a fragment across the separator
        assert found(boss, f"约翰{sep}史密斯") == [plain], repr(sep)      # an alias
        assert found(boss, f"ayiguli{sep}maimaiti") == [uyghur], repr(sep)  # its pinyin
    assert found(boss, "阿依古丽买买提") == [uyghur]                     # no separator at all
    assert found(boss, "测试丙丁") == [plain]


def test_latin_names_are_found_with_spaces_hyphens_or_dots(boss):
    case_id = boss.intake.create({**BASE, "name": "Anna-Maria Smith"})
    for typed in ("Anna Maria Smith", "anna.maria·smith", "AnnaMariaSmith", "Anna-Maria-Smith", "maria smi"):
        assert found(boss, typed) == [case_id], typed


def test_variation_selectors_do_not_matter_in_the_name_or_the_query(boss):
    with_vs = boss.intake.create({**BASE, "name": "葛\U000e0100优测"})
    without = boss.intake.create({**BASE, "name": "邢台测"})
    for vs in VS:
        assert found(boss, f"葛{vs}优测") == [with_vs], repr(vs)
        assert found(boss, f"邢{vs}台测") == [without], repr(vs)
        assert found(boss, f"葛{vs}优") == [with_vs], repr(vs)            # short: the scan finds it too
    assert found(boss, "葛优测") == [with_vs] and found(boss, "葛优") == [with_vs]


def test_case_numbers_and_id_numbers_are_still_found_as_typed(boss):
    case_id = boss.intake.create({**BASE, "name": "测试庚", "id_status": "has", "id_number": "11010519491231002X",
                                  "birth_date": "1949-12-31", "sex": "F"})
    number = boss.cases.get_case(case_id)["case_no"]
    assert found(boss, number) == [case_id] and found(boss, number.split("-", 1)[1]) == [case_id]
    assert found(boss, "19491231002x") == [case_id]
    assert found(boss, "110105 19491231 002X") == [case_id]             # typed in groups


HAN = st.sampled_from("阿依古丽买提约翰史密斯热娜扎尔努尔葛优邢台王李测试")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(st.text(HAN, min_size=1, max_size=3), min_size=2, max_size=3),
       stored_sep=st.sampled_from(["·", "・", ".", "•", "‧", " ", "-"]),
       typed_seps=st.lists(st.sampled_from(TYPED + [""]), min_size=2, max_size=2),
       stored_vs=st.lists(st.sampled_from(["", *VS]), min_size=8, max_size=8),
       typed_vs=st.lists(st.sampled_from(["", *VS]), min_size=8, max_size=8))
def test_any_separator_and_selector_on_either_side_matches(parts, stored_sep, typed_seps, stored_vs, typed_vs):
    """The fold the search document's names get and the query gets: equal whatever separators and
    selectors each side used (the SQL search is checked end to end above)."""
    def spell(seps, selectors):
        text = ""
        for i, part in enumerate(parts):
            if i:
                text += seps[(i - 1) % len(seps)]
            text += "".join(ch + selectors[(i * 3 + j) % len(selectors)] for j, ch in enumerate(part))
        return text

    stored = spell([stored_sep], stored_vs)
    typed = spell(typed_seps, typed_vs)
    doc = search_doc({"case_no": "TS-2026-00001", "name": stored, "name_pinyin": ""}, [])
    assert any(t in doc for t in search_texts(typed)), (stored, typed, doc)


def test_fold_drops_exactly_separators_whitespace_and_selectors():
    assert search_fold("阿依古丽 · 买买提") == "阿依古丽买买提"
    assert search_fold("葛\U000e0100优\ufe0f") == "葛优"
    assert search_fold("TS-2026_01") == "TS2026_01"
    assert search_fold("王小明") == "王小明"


def test_the_migration_folds_the_same_characters_as_the_search():
    """Core migration 0005 lists the code points in SQL; they must be the ones search_fold drops."""
    [path] = [p for p in migration_files()["core"] if p.name.startswith("0005_")]
    sql = path.read_text(encoding="utf-8")
    listed = re.search(r"unicode\(rest\) IN \(([^)]*)\)", sql).group(1)
    code_points = {int(x, 16) for x in re.findall(r"0x([0-9A-F]+)", listed)}
    assert {chr(c) for c in code_points} >= set(SEARCH_SEPARATORS)
    assert all(search_fold(f"甲{chr(c)}乙") == "甲乙" for c in code_points)
    assert "BETWEEN 0xFE00 AND 0xFE0F" in sql and "BETWEEN 0xE0100 AND 0xE01EF" in sql


def test_documents_written_before_get_their_folded_names_from_the_migration(boss):
    ids = {name: boss.intake.create({**BASE, "name": name, "aliases": alias})
           for name, alias in (("阿依古丽·买买提", ""), ("葛\U000e0100优测", ""), ("测试辛", "约翰·史密斯"),
                               ("测试壬", ""))}
    [path] = [p for p in migration_files()["core"] if p.name.startswith("0005_")]

    def as_before_and_migrate():
        core = boss.conn("core")
        core.execute("BEGIN IMMEDIATE")  # the documents as the previous version wrote them: names as typed
        for case_id, name_, pinyin, number in core.execute("SELECT id, name, name_pinyin, case_no FROM cases").fetchall():
            aliases = core.execute("SELECT alias, pinyin FROM aliases WHERE case_id = ?", (case_id,)).fetchall()
            parts = [number, name_, *(a for a, _ in aliases), pinyin, *(p for _, p in aliases)]
            core.execute("UPDATE search_docs SET doc = ? WHERE case_id = ?", (" | ".join(p for p in parts if p), case_id))
        core.execute("COMMIT")
        before = found(boss, "阿依古丽.买买提")
        core.executescript(f"BEGIN IMMEDIATE;\n{path.read_text(encoding='utf-8')}\nCOMMIT;")
        return before, dict(core.execute("SELECT case_id, doc FROM search_docs"))

    before, docs = boss.owner.call(as_before_and_migrate)
    assert before == []                                                 # the old documents miss it
    assert found(boss, "阿依古丽.买买提") == [ids["阿依古丽·买买提"]]
    assert found(boss, "ayiguli maimaiti") == [ids["阿依古丽·买买提"]]
    assert found(boss, "葛\ufe00优测") == [ids["葛\U000e0100优测"]] == found(boss, "葛优测")
    assert found(boss, "约翰 史密斯") == [ids["测试辛"]]
    assert docs[ids["测试壬"]].count("|") == 2                          # a plain name is left as it was
