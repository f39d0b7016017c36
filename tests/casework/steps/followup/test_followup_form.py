"""F15 回访记录表 (steps/followup/form.py): one sheet per visit from real records, blank for rural rounds."""

import pytest

from form_bundles import assert_prints, printed, pypdf_pages, shared_bundles
from victimcare.casework.printing import catalog
from victimcare.forms.kit import FormContext


@pytest.fixture
def child(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)["child"]


def test_f15_prints_the_visit(child):
    assert_prints("F15", child, ["2026年8月25日", "入户", "测试社工", "与母亲同住。", "较好", "2026年9月25日", "否"])


def test_every_visit_gets_its_own_sheet(child):
    first = child["records"]["followup"]["visit"][0]
    child["records"]["followup"]["visit"].append(dict(first, id=99, on="2026-09-25", living="第二次回访标记"))
    pages = pypdf_pages(catalog.render_form("F15", child, FormContext()))
    assert len(pages) == 2
    assert "2026年8月25日" in pages[0] and "第二次回访标记" in pages[1]


def test_blank_f15_for_rural_rounds():
    text, _ = printed("F15", None)
    for label in ("回访日期", "方式", "居住情况", "监护/照料情况", "下次回访日期", "受访人（可不签）"):
        assert label in text
