"""The duplicate check says which of the form's names matched which name or alias of an existing case
(issue 9, item 16: the dialog showed neither), while the reasons stay as before."""

import pytest

from victimcare.casework.steps.intake.service import DuplicateCandidates

BASE = {"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer", "sex": "F", "birth_date": "1990-03-04",
        "id_status": "none"}


@pytest.fixture
def boss(vault_factory, login):
    vault, _code, password = vault_factory()
    return login(vault, password=password)


def candidates(s, raw) -> list[dict]:
    with pytest.raises(DuplicateCandidates) as info:
        s.intake.create({**BASE, **raw})
    return info.value.candidates


def test_the_name_or_alias_that_matched_is_named(boss):
    existing = boss.intake.create({**BASE, "name": "张小红", "aliases": "红红；阿红"})
    [c] = candidates(boss, {"name": "章晓红", "aliases": "洪洪", "birth_date": "1991-06-01"})
    assert c["id"] == existing and c["aliases"] == ["红红", "阿红"]
    assert c["reasons"] == ["姓名读音相同且年龄、性别相近"]
    pairs = {(m["ours"], m["ours_alias"], m["theirs"], m["theirs_alias"]) for m in c["matches"]}
    assert pairs == {("章晓红", False, "张小红", False), ("洪洪", True, "红红", True)}


def test_a_similar_name_and_the_same_id_number(boss):
    existing = boss.intake.create({**BASE, "name": "欧阳丽华测", "id_status": "has", "id_number": "11010519491231002X",
                                   "birth_date": "1949-12-31"})
    [c] = candidates(boss, {"name": "欧阳丽萍测", "id_status": "has", "id_number": "11010519491231002X",
                            "birth_date": "1949-12-31"})
    assert c["id"] == existing
    by_reason = {m["reason"]: m for m in c["matches"]}
    assert by_reason["身份证号相同"]["ours"] == ""                          # no name behind this one
    assert (by_reason["姓名相近且年龄、性别相近"]["ours"], by_reason["姓名相近且年龄、性别相近"]["theirs"]) \
        == ("欧阳丽萍测", "欧阳丽华测")
