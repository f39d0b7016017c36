"""F12 就业服务登记表 from real employment records of an adult (steps/employment/form.py)."""

import pytest

from form_bundles import assert_prints, printed, shared_bundles


@pytest.fixture
def adult(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)["adult"]


def test_f12_prints_the_employment_services(adult):
    assert_prints("F12", adult, ["测试乙", "估计30岁（目测）", "有劳动能力", "仓库管理员", "叉车操作", "测试职业学校",
                                 "叉车证", "2026年7月1日", "单位就业", "测试物流公司", "仓管"])


def test_blank_f12():
    text, _ = printed("F12", None)
    assert "参加培训" in text and "推荐岗位" in text and "就业创业证号" in text
