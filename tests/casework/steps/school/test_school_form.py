"""F9 入学安置登记表, F10 入学安置台账 and F11 转学/学籍接续联系函 from a real school placement
(steps/school/form.py); the ledger from many rows; F11 names no trafficking detail."""

import pytest

from form_bundles import CHILD_ID, assert_prints, printed, shared_bundles


@pytest.fixture
def child(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)["child"]


def test_f9_prints_the_placement(child):
    assert_prints("F9", child, ["小花", "尤溪县测试小学", "五年级 2班", "2026年9月1日", "临时就读", f"G{CHILD_ID}",
                                "测试老师", "每周一次", "不公开来历", "登记入学安置"])


def test_f10_prints_a_ledger_of_many_children(child):
    rows = [dict(child["school"], display_name=f"化名{n:02d}", case_no=f"TS-2026-{n:05d}") for n in range(1, 41)]
    bundle = {"station": child["station"], "ledger": rows}
    text, _ = printed("F10", bundle)
    for n in range(1, 41):
        assert f"化名{n:02d}" in text
    assert "11岁" in text and "已建" in text and "尤溪县测试小学" in text
    assert "2026年12月2日" in text  # 统计日期


def test_f11_letter_names_no_trafficking_detail(child):
    assert_prints("F11", child, ["小花", f"G{CHILD_ID}", "解救安置", "10个工作日内", "尤溪县测试小学 五年级"],
                  absent=("拐", "被拐"))


def test_blank_school_forms():
    f9, _ = printed("F9", None)
    assert "安置学校" in f9 and "隐私保护措施" in f9
    f10, _ = printed("F10", None)
    assert "化名或编号" in f10 and "学籍状态" in f10
