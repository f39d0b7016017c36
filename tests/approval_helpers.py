"""A station with one account of each role and an open case, for the approvals and closure tests."""

from dataclasses import dataclass

from support import OTHER_PASSWORD, SUPERVISOR
from victimcare.security.permissions import Role

WORKER, WORKER2, OFFICER, AUDITOR = "shegong01", "shegong02", "jiaoyu01", "shenji01"
INTAKE = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
          "birth_date": "2012-03-04"}  # school age: a referral to school is possible
CLOSURE = {"closure_type": "family", "summary": "已护送返回家庭，接领人身份已核对。", "open_items": "",
           "follow_up_plan": "回归后1、3、6、12个月回访", "retention": "30y", "archive_on": "2026-10-01"}
SECRET_REASON = "申请理由里的私密内容ABC123"  # must never reach the audit log
SECRET_COMMENT = "审批意见里的私密内容XYZ789"


@dataclass
class Station:
    vault: object
    sup: object
    worker: object
    worker2: object
    officer: object
    auditor: object
    case_id: int

    def audit(self) -> list[dict]:
        s = self.sup.session
        return s.run(s.audit_log.entries, limit=10000, newest_first=False)

    def head(self, who) -> int:
        return who.session.run(who.session.audit_log.head)[0]


def station(vault_factory, login, add_account, clock=None) -> Station:
    vault, _code, password = vault_factory(clock=clock)
    sup = login(vault, SUPERVISOR, password)
    for name, role in ((WORKER, Role.SOCIAL_WORKER), (WORKER2, Role.SOCIAL_WORKER),
                       (OFFICER, Role.EDUCATION_OFFICER), (AUDITOR, Role.AUDITOR)):
        add_account(sup, name, role)
    case_id = sup.intake.create(dict(INTAKE))
    return Station(vault, sup, *(login(vault, n, OTHER_PASSWORD) for n in (WORKER, WORKER2, OFFICER, AUDITOR)),
                   case_id=case_id)
