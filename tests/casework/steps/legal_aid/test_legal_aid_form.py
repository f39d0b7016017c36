"""F8 法律援助申请表 from a real application (steps/legal_aid/form.py)."""

import pytest

from form_bundles import CHILD_ID, assert_prints, printed, shared_bundles


@pytest.fixture
def child(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)["child"]


def test_f8_prints_the_application(child):
    assert_prints("F8", child, ["2026年8月10日", "测试县法律援助中心", "测试站长", "拐卖儿童案", "FY-2026-001",
                                "被害人", "侦查", CHILD_ID])


def test_blank_f8():
    text, _ = printed("F8", None)
    assert "案情及申请理由" in text and "指派律师" in text and "None" not in text
