"""F3 寻亲登记表 and F4 DNA采血/比对登记表 from real family-search records (steps/tracing/form.py)."""

import pytest

from form_bundles import assert_prints, printed, shared_bundles


@pytest.fixture
def child(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)["child"]


def test_f3_prints_the_notice_and_the_comparisons(child):
    assert_prints("F3", child, ["全国救助寻亲网", "XQ-2026-0001", "2026年8月1日 15:00", "指纹", "未比中", "测试社工",
                                "身高约140厘米，短发。", "测试县汽车站", "闽南话"])


def test_f4_prints_the_dna_request_metadata_only(child):
    assert_prints("F4", child, ["2026年8月3日", "测试救助站", "城关派出所", "2026年8月5日", "DNA-0001",
                                "不记录任何DNA分型数据"])


def test_blank_tracing_forms():
    f3, _ = printed("F3", None)
    assert "公告发布记录" in f3 and "比对记录" in f3 and "线索记录" in f3
    f4, _ = printed("F4", None)
    assert "样本编号" in f4 and "比中后本人选择" in f4
