"""F5 医疗救治记录 and F7 心理评估/疏导记录 from real 医疗康复 records (steps/medical/form.py)."""

import pytest

from form_bundles import assert_prints, printed, shared_bundles


@pytest.fixture
def child(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)["child"]


def test_f5_prints_the_hospital_visit(child):
    assert_prints("F5", child, ["2026年8月2日", "门诊", "县人民医院", "外科", "左臂擦伤", "救助经费"])


def test_f7_prints_the_assessment(child):
    assert_prints("F7", child, ["2026年8月4日", "测试心理师（二级）", "访谈", "每周疏导一次。", "低"])


def test_blank_medical_forms_have_the_disability_section():
    f5, _ = printed("F5", None)
    assert "残疾类别" in f5 and "残疾人证号" in f5 and "定点医院" in f5
    f7, _ = printed("F7", None)
    assert "会谈记录" in f7 and "风险等级" in f7
