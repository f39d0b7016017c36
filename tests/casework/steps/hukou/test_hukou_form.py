"""F13 落户申请函及入户申请审批表 from a real application (steps/hukou/form.py)."""

import pytest

from form_bundles import STATION_NAME, assert_prints, printed, shared_bundles


@pytest.fixture
def adult(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)["adult"]


def test_f13_prints_the_application(adult):
    assert_prints("F13", adult, [STATION_NAME, "测试乙", "2026年6月1日", "2026年8月20日", "测试新名", "1996年1月1日",
                                 "目测年龄约30岁", "测试救助站集体户", "已发布寻亲公告。"])


def test_blank_f13():
    text, _ = printed("F13", None)
    assert "民政部门审核意见" in text and "公安机关受理/审批" in text
