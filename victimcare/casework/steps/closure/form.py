"""F16 结案审批表, from the latest closure (``closure``) or the pending closure request (``approvals``).
Pure rendering: no Qt, no database."""

from __future__ import annotations

from victimcare.casework.steps.closure import rules
from victimcare.forms import kit, person
from victimcare.forms.kit import FormContext, cn_date, pairs, pick, section, text, wide

F16_TITLE = "结案审批表"


def _fields(bundle) -> tuple[dict, dict | None]:
    """(the closure's F16 fields, the approval that decided or awaits them)."""
    closure = pick(bundle, "closure", "closure")
    approvals = [a for a in (pick(bundle, "approvals", default=[]) or []) if a.get("kind") == "closure"]
    if isinstance(closure, dict):
        decided = next((a for a in approvals if a.get("id") == closure.get("approval_id")), None)
        return closure, decided
    pending = next((a for a in approvals if a.get("state") == "pending"), None)
    return (pending.get("payload") or {}, pending) if pending else ({}, None)


def f16_story(bundle: dict | None, ctx: FormContext) -> list:
    case = person.case_of(bundle)
    blank = bundle is None
    fields, approval = _fields(bundle)
    approval = approval or {}
    decided = {"approved": "同意结案", "rejected": "不同意"}.get(approval.get("state"), "")
    comment = text(approval.get("comment"))
    opinion = "；".join(t for t in (decided, comment if comment != decided else "") if t)
    rows = [pairs(("案件编号", text(case.get("case_no"))), ("受助人", person.name(case))),
            pairs(("入站日期", cn_date(case.get("admitted_at"))),
                  ("结案日期", cn_date(pick(bundle, "closure", "closed_at") or case.get("closed_at")))),
            pairs(("结案类型", kit.choice(rules.CLOSURE_TYPES, fields.get("closure_type"))),
                  ("保管期限", kit.choice(rules.RETENTION, fields.get("retention")))),
            wide("服务摘要", fields.get("summary"), lines=5 if blank else 2),
            wide("未完成事项", fields.get("open_items"), lines=3 if blank else 1),
            pairs(("回访计划", text(fields.get("follow_up_plan"))), ("归档日期", cn_date(fields.get("archive_on")))),
            section("审批"),
            pairs(("经办社工", text(approval.get("requested_by"))), ("提请日期", cn_date(approval.get("requested_at")))),
            wide("科室审核意见", "", lines=2),
            pairs(("站长/分管领导审批", opinion), ("审批人", text(approval.get("decided_by")))),
            pairs(("审批日期", cn_date(approval.get("decided_at"))), ("", ""))]
    return [*kit.form_head(F16_TITLE, bundle, ctx), *kit.grid(rows), kit.gap(4),
            kit.signature_block(("经办社工", "科室审核", "站长/分管领导"))]


def has_f16(bundle: dict) -> bool:
    return bool(_fields(bundle)[0])
