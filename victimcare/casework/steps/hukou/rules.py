"""落户 household registration: eligible when the identity is still unknown after 3 months in care.

An eligibility notice, not a legal time limit (``Builder.inform``): it stays on the 工作台 as something
to act on until an application is recorded; never overdue.
"""

from victimcare.domain.deadlines import Builder, add_months


def deadlines(b: Builder) -> None:
    f, r = b.facts, b.rules
    if f.hukou_applied_on is not None or f.searching:
        n = r.hukou_eligible_months
        b.inform("hukou.eligible", f"身份不明在站满{n}个月可申请落户", add_months(b.admitted.date(), n),
                 f.hukou_applied_on, "提出申请",
                 en=f"Household registration can be applied for after {n} months in care with identity unknown")
