"""Redaction profiles as pure rules (casework/printing/profiles.py): the role caps them, an addition only
where a profile offers it, and applying one leaves the bundle it was given untouched."""

import copy

import pytest

from victimcare.casework.printing import profiles
from victimcare.core.errors import PermissionDenied, UserError
from victimcare.security.permissions import Role

BUNDLE = {
    "station": {"name": "测试救助站", "code": "TS"},
    "case": {"id": 1, "case_no": "TS-2026-00001", "name": "测试甲", "police_case_no": "GA-1", "handover": {"unit": "x"},
             "sex": "F", "birth_date": "2015-03-04", "birth_estimated": 0},
    "sensitive": {"case_id": 1, "circumstances": "经过", "health_check": "体检", "found_circumstances": "发现"},
    "records": {"medical": {"visit": [{"diagnosis": "诊断"}]},
                "return": {"blocked": [{"name": "嫌疑人"}], "handover": [{"collector": "母亲", "escort": "护送"}]},
                "tracing": {"dna": [{"sample_ref": "DNA-1"}], "outcome": [{"outcome": "identified"}]},
                "legal_aid": {"application": [{"cause": "案由"}]},
                "followup": {"visit": [{"on": "2026-09-01", "risk_note": "风险", "living": "同住"}]}},
    "school": {"case_no": "TS-2026-00001", "display_name": "小花", "school": "测试小学", "counselling": "每周"},
    "approvals": [{"id": 3}], "closure": {"status": "open"},
    "events": [{"step": "medical", "summary": "新增就诊记录"}, {"step": "intake", "summary": "接收登记"},
               {"step": "return", "summary": "禁止交接名单新增一人"}],
}


@pytest.mark.parametrize("role, codes", [
    (Role.SUPERVISOR, ["archive", "school", "court", "family"]),
    (Role.SOCIAL_WORKER, ["archive", "school", "court", "family"]),
    (Role.EDUCATION_OFFICER, ["school"]),
    (Role.AUDITOR, []),
])
def test_the_role_caps_the_profile(role, codes):
    assert [p.code for p in profiles.for_role(role)] == codes
    for code in profiles.PROFILES:
        if code in codes:
            assert profiles.resolve(code, role).code == code
        else:
            with pytest.raises(PermissionDenied, match="不能按"):
                profiles.resolve(code, role)


def test_unknown_profiles_and_additions_are_refused_in_chinese():
    with pytest.raises(UserError, match="不认识的打印用途"):
        profiles.resolve("press", Role.SUPERVISOR)
    with pytest.raises(UserError, match="可加入：medical、school"):
        profiles.resolve("court", Role.SUPERVISOR, ("dna",))
    with pytest.raises(UserError, match="可加入：无"):
        profiles.resolve("family", Role.SUPERVISOR, ("medical",))


def test_applying_a_profile_copies_what_it_allows_and_leaves_the_input_alone():
    before = copy.deepcopy(BUNDLE)
    family = profiles.apply(profiles.FAMILY, BUNDLE)
    assert BUNDLE == before
    assert set(family) == {"station", "case", "records", "school", "events"}
    assert "police_case_no" not in family["case"] and "handover" not in family["case"]
    assert set(family["records"]) == {"tracing", "return", "followup"}
    assert family["records"]["tracing"] == {"outcome": [{"outcome": "identified"}]}
    assert family["records"]["return"] == {"handover": [{"collector": "母亲"}]}
    assert family["records"]["followup"]["visit"] == [{"on": "2026-09-01", "living": "同住"}]
    assert "counselling" not in family["school"]
    assert [e["step"] for e in family["events"]] == ["intake"]
    court = profiles.apply(profiles.resolve("court", Role.SUPERVISOR), BUNDLE)
    assert court["sensitive"] == {"case_id": 1, "circumstances": "经过", "found_circumstances": "发现"}
    assert set(court["records"]) == {"legal_aid", "return"} and set(court["records"]["return"]) == {"blocked"}
    medical = profiles.apply(profiles.resolve("court", Role.SUPERVISOR, ("medical",)), BUNDLE)
    assert medical["sensitive"]["health_check"] == "体检" and "medical" in medical["records"]
    assert [e["step"] for e in medical["events"]] == ["medical", "intake"]
    assert profiles.apply(profiles.ARCHIVE, BUNDLE) == BUNDLE


def test_the_categories_name_what_a_bundle_carries():
    assert profiles.categories(profiles.apply(profiles.ARCHIVE, BUNDLE)) == \
        "identity,trafficking,medical,minor,family,school,legal_aid,tracing,dna_reference"
    school = profiles.apply(profiles.SCHOOL, {"station": {}, "case": {"case_no": "x"}, "school": {"school": "y"}})
    assert profiles.categories(school) == "identity,minor,school"
