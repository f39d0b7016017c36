"""F6 在站服务及离站登记表 from real 救助安置 records (steps/relief/form.py)."""

import pytest

from form_bundles import assert_prints, printed, shared_bundles


@pytest.fixture
def child(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)["child"]


def test_f6_prints_placement_and_services(child):
    assert_prints("F6", child, ["2026年8月1日", "站内安置", "测试救助站", "女童区 3号", "2026年8月2日", "生活照料",
                                "发放生活用品。"])


def test_blank_f6_has_the_departure_boxes():
    text, _ = printed("F6", None)
    assert "离站方式" in text and "服务记录" in text and "受助人（签字）" in text
