"""F16 结案审批表 (steps/closure/form.py) from a closure requested and approved through the services."""

import pytest

from form_bundles import CLOSURE, assert_prints, printed, shared_bundles


@pytest.fixture
def child(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)["child"]


def test_f16_prints_the_approved_closure(child):
    assert_prints("F16", child, [child["case"]["case_no"], "返回家庭", "30年", CLOSURE["summary"],
                                 CLOSURE["follow_up_plan"], "2026年10月1日", "2026年8月1日", "同意结案", "zhanzhang"])


def test_f16_prints_a_pending_request(child):
    approval = next(a for a in child["approvals"] if a["kind"] == "closure")
    child.pop("closure")
    child["approvals"] = [dict(approval, state="pending", decided_by=None, decided_at=None, comment="")]
    assert_prints("F16", child, ["返回家庭", CLOSURE["summary"]], absent=("同意结案",))


def test_blank_f16():
    text, _ = printed("F16", None)
    assert "服务摘要" in text and "站长/分管领导（签字）" in text
