"""法律援助 legal aid: decision ≤ 7 days after the application, lawyer ≤ 3 days after the decision.

No lawyer is due when the aid was refused.
"""

from datetime import timedelta

from victimcare.domain.deadlines import Builder


def deadlines(b: Builder) -> None:
    f, r = b.facts, b.rules
    if f.legal_aid_applied_on is not None:
        b.add("legal_aid.decision", f"法律援助应在申请后{r.legal_aid_decision_days}天内作出决定",
              f.legal_aid_applied_on + timedelta(days=r.legal_aid_decision_days), f.legal_aid_decided_on,
              done_verb="作出决定", en=f"Legal aid decided within {r.legal_aid_decision_days} days of the application")
    if f.legal_aid_decided_on is not None and not f.legal_aid_refused:
        b.add("legal_aid.lawyer", f"决定给予法律援助后{r.lawyer_assign_days}天内应指派律师",
              f.legal_aid_decided_on + timedelta(days=r.lawyer_assign_days), f.lawyer_assigned_on,
              done_verb="指派", en=f"Lawyer assigned within {r.lawyer_assign_days} days of the legal aid decision")
