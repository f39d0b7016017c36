"""The audit vocabulary: every detail written as a plain literal in the code base has words, and the
words read as a person would say them. (Every entry any test writes is checked too, at the end of the
run: ``tests/audit_vocabulary.py``.)"""

import re
from pathlib import Path

import victimcare
from victimcare.casework import audit_words
from victimcare.security.audit import OBJECT_LABELS

SOURCE = Path(victimcare.__file__).parent
_LITERAL_DETAIL = re.compile(r"""detail=(f?)"([^"]*)\"""")


def test_every_literal_detail_in_the_code_base_has_words():
    missing = []
    for path in sorted(SOURCE.rglob("*.py")):
        for is_f, text in _LITERAL_DETAIL.findall(path.read_text(encoding="utf-8")):
            parts = text.split(";")
            if is_f:  # the parts before the first placeholder's part: that one is completed at run time
                parts = parts[:next(i for i, p in enumerate(parts) if "{" in p)] if "{" in text else parts
            parts = [p for p in parts if p and "=" not in p and not p.endswith(":")]  # a key whose value follows
            for part in parts:
                if all(audit_words.unknown(part, kind) for kind in ("", *OBJECT_LABELS)):
                    missing.append(f"{path.relative_to(SOURCE)}: {part!r}")
    assert missing == []


def test_details_read_as_words_in_both_languages():
    cases = {
        ("role:social_worker>education_officer", "account"): ("角色变更：救助站社工 → 教育局工作人员",
                                                            "role changed: Social worker → Education officer"),
        ("rotate:core,sensitive", "vault"): ("用新密钥重新加密：个案与身份、敏感信息",
                                             "re-encrypted with new keys: core, sensitive"),
        ("rotation_rolled_back", "vault"): ("登录时撤销了中断的密钥轮换（保持原密钥）",
                                            "an interrupted key rotation was undone at sign-in (old keys kept)"),
        ("create:auditor", "account"): ("新建账户（审计/督导）", "new account (Auditor)"),
        ("failures=3", ""): ("连续第 3 次失败", "failure 3 in a row"),
    }
    for (detail, kind), (zh, en) in cases.items():
        assert audit_words.detail_text(detail, kind) == zh
        assert audit_words.detail_text(detail, kind, english=True) == en
        assert audit_words.unknown(detail, kind) == []


def test_an_unknown_code_is_reported_not_hidden():
    assert audit_words.unknown("role:manager>boss", "account") == ["role:manager>boss"]
    assert audit_words.unknown("rotate:everything", "vault") == ["rotate:everything"]
    assert audit_words.detail_text("no_such_code") == "no_such_code"
