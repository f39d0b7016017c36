"""Demo data for the step tabs: a few demo cases of each fitting kind get their step records written
through the step services, the same write path (validation, rules, derived status, timeline, audit)
a user's records take, so that the demo shows every tab filled and every step done in some case with
the status its records give. The rest of the demo keeps the cheaper story of ``demodata``.

Synthetic throughout: places, units and people are invented; ID numbers are made with a valid check
digit from the case's own birth date and an invented region code.
"""

from datetime import date, datetime, timedelta

from victimcare.casework.steps import STEPS
from victimcare.core.errors import UserError
from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import add_months
from victimcare.domain.identity import check_digit

PER_STEP = 2  # demo cases given the records of each step
DEMO_REGION = "350426"  # 福建省三明市尤溪县: ID numbers of demo cases use it with sequence 9xx


def synthetic_id(birth: date, serial: int, sex: str) -> str:
    """A well-formed 18-digit number (valid check digit) that names no real person: the demo's region
    and, as all demo numbers, a 9xx sequence (odd for a man, even for a woman, as the standard has it)."""
    seq = f"{900 + (serial * 2 + (1 if sex == 'M' else 0)) % 100:03d}"
    first17 = f"{DEMO_REGION}{birth:%Y%m%d}{seq}"
    return first17 + check_digit(first17)


class _Showcase:
    def __init__(self, session, now: datetime):
        self.session, self.now, self.today = session, now, now.date()
        self.svc = {s.code: s.service_class()(session) for s in STEPS if s.service}
        self.used: set[int] = set()
        self.done: dict[str, int] = {}

    def cases(self) -> list[dict]:
        core = self.session.conn("core")
        cur = core.execute("SELECT id, admitted_at, birth_date, sex, id_status FROM cases WHERE status = 'open' "
                           "AND decision != 'refuse' ORDER BY id")
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r)) for r in cur.fetchall()]

    def age(self, case: dict, on: date) -> int:
        return age_on(date.fromisoformat(case["birth_date"]), on)

    def pick(self, cases, fits, n: int = PER_STEP) -> list[dict]:
        chosen = [c for c in cases if c["id"] not in self.used and fits(c)][:n]
        self.used.update(c["id"] for c in chosen)
        return chosen

    def run(self, step: str, case: dict, script) -> None:
        try:
            script(case, datetime.fromisoformat(case["admitted_at"]).date())
        except UserError:  # a demo case the rules refuse (a clash the story made): it keeps its story
            return
        self.done[step] = self.done.get(step, 0) + 1

    # -- one script per step: what a social worker would record, in order --------------------------

    def relief(self, c, d):
        s = self.svc["relief"]
        room = f"{'女' if c['sex'] == 'F' else '男'}{100 + c['id'] % 20}"
        s.save(c["id"], "placement", {"start_on": d.isoformat(), "type": "station", "place": "演示救助站", "room": room,
                                      "end_on": (d + timedelta(days=7)).isoformat()})
        s.save(c["id"], "assessment", {"assessed_on": (d + timedelta(days=1)).isoformat(), "assessor": "演示社工",
                                       "care_level": "normal", "needs": "生活照料，协助联系家人"})
        s.save(c["id"], "service", {"on": (d + timedelta(days=2)).isoformat(), "type": "psych",
                                    "content": "心理疏导一次，情绪平稳"})
        s.save(c["id"], "departure", {"left_on": (d + timedelta(days=7)).isoformat(), "mode": "self_return",
                                      "fare": "15", "belongings_returned": True})

    def tracing(self, c, d):
        s = self.svc["tracing"]
        admitted = datetime.fromisoformat(c["admitted_at"])
        s.save(c["id"], "notice", {"channel": "xunqin_net", "basis": "duty",
                                   "published_at": (admitted + timedelta(hours=3)).isoformat(timespec="minutes")})
        s.save(c["id"], "comparison", {"on": (d + timedelta(days=1)).isoformat(), "method": "fingerprint",
                                       "result": "no_match", "handler": "演示社工"})
        s.save(c["id"], "dna", {"requested_on": (d + timedelta(days=3)).isoformat(), "request_unit": "演示救助站",
                                "legal_basis": "duty", "collecting_unit": "演示派出所",
                                "collected_on": (d + timedelta(days=10)).isoformat(),
                                "sample_ref": f"DEMO-DNA-{c['id']:06d}"})
        s.save(c["id"], "outcome", {"on": (d + timedelta(days=40)).isoformat(), "outcome": "identified",
                                    "basis": "户籍查询比对一致，亲属到站确认"})

    def medical(self, c, d):
        s = self.svc["medical"]
        s.save(c["id"], "visit", {"visited_on": (d + timedelta(days=1)).isoformat(), "type": "inpatient",
                                  "hospital": "演示县人民医院", "diagnosis": "营养不良", "cost_source": "medical_aid",
                                  "discharged_on": (d + timedelta(days=6)).isoformat(),
                                  "discharge_certificate": True})
        s.save(c["id"], "assessment", {"assessed_on": (d + timedelta(days=8)).isoformat(), "assessor": "演示心理咨询师",
                                       "tool": "interview", "risk": "low"})

    def social(self, c, d):
        self.svc["social"].save(c["id"], "service", {
            "type": "skills", "provider": "演示志愿服务队", "provider_kind": "volunteer",
            "start_on": (d + timedelta(days=3)).isoformat(), "end_on": (d + timedelta(days=20)).isoformat(),
            "hours": "24", "outcome": "完成基础技能培训"})

    def legal_aid(self, c, d):
        s = self.svc["legal_aid"]
        s.save(c["id"], "application", {"applied_on": (d + timedelta(days=2)).isoformat(), "office": "演示县法律援助中心",
                                        "applied_by": "self", "legal_status": "victim", "stage": "investigation"})
        s.save(c["id"], "decision", {"decided_on": (d + timedelta(days=6)).isoformat(), "result": "granted"})
        s.save(c["id"], "lawyer", {"assigned_on": (d + timedelta(days=8)).isoformat(), "firm": "演示律师事务所",
                                   "lawyer": "演示律师"})
        s.save(c["id"], "progress", {"on": (d + timedelta(days=60)).isoformat(), "stage": "first_instance",
                                     "event": "concluded"})

    def employment(self, c, d):
        s = self.svc["employment"]
        s.save(c["id"], "capacity", {"assessed_on": (d + timedelta(days=2)).isoformat(), "capacity": "full",
                                     "wants_work": True})
        s.save(c["id"], "job", {"start_on": (d + timedelta(days=30)).isoformat(), "type": "unit",
                                "employer": "演示制衣厂", "post": "缝纫工"})

    def hukou(self, c, d):
        s = self.svc["hukou"]
        applied = add_months(d, 3) + timedelta(days=5)
        s.save(c["id"], "application", {"applied_on": applied.isoformat(), "proposed_name": "党演示",
                                        "estimated_birth": c["birth_date"], "basis": "骨龄鉴定与目测",
                                        "collective_address": "演示县社会福利中心集体户"})
        self._approve(c["id"], "hukou")
        submitted = applied + timedelta(days=10)
        s.save(c["id"], "police", {"submitted_on": submitted.isoformat(), "unit": "演示县公安局户政科",
                                   "registered_on": (submitted + timedelta(days=14)).isoformat(),
                                   "id_number": synthetic_id(date.fromisoformat(c["birth_date"]), c["id"], c["sex"])})

    def return_and_follow_up(self, c, d):
        back = d + timedelta(days=10)
        self._return(c, back)
        for months in (1, 3, 6, 12):
            on = add_months(back, months)
            if on > self.today:
                break
            self.svc["followup"].save(c["id"], "visit", {"on": on.isoformat(), "mode": "home", "visitor": "演示社工",
                                                         "guardianship": "good"})
        if c["id"] % 2:  # one of the two is closed after its last visit, through the approval
            self.svc["closure"].request(c["id"], {
                "closure_type": "family", "summary": "已由亲属接领回归家庭，回访一年情况良好。", "open_items": "",
                "follow_up_plan": "回归后1、3、6、12个月回访（已完成）", "retention": "30y",
                "archive_on": self.today.isoformat()})
            self._approve(c["id"], "closure")

    def _return(self, c, back: date):
        relation = "parent" if self.age(c, back) < 30 else "spouse"
        self.svc["return"].save(c["id"], "handover", {
            "on": back.isoformat(), "mode": "relatives", "collector": "演示亲属", "collector_relation": relation,
            "collector_id": synthetic_id(date(1970, 1, 1), c["id"] + 500, "M"), "identity_checked": True})

    def _approve(self, case_id: int, kind: str) -> None:
        from victimcare.casework.approvals.service import ApprovalService
        approvals = ApprovalService(self.session)
        for a in approvals.pending():
            if a["case_id"] == case_id and a["kind"] == kind:
                approvals.decide(a["id"], True, "同意（演示）")


def showcase(session, now: datetime) -> dict[str, int]:
    """Write the records of every step for a few demo cases; returns step → cases filled."""
    show = _Showcase(session, now)
    cases = session.run(show.cases)
    def days_in(c) -> int:
        return (show.today - datetime.fromisoformat(c["admitted_at"]).date()).days

    def adult(c, on=None) -> bool:
        return show.age(c, on or show.today) >= 18

    def adult_at_admission(c) -> bool:
        return adult(c, datetime.fromisoformat(c["admitted_at"]).date())

    def unknown(c) -> bool:
        return c["id_status"] != "has"

    plan = (  # (step, which cases fit, days in care at least: the script's dates must have passed)
        ("relief", adult, 90, show.relief),
        ("tracing", unknown, 90, show.tracing),
        ("medical", lambda c: True, 90, show.medical),
        ("social", lambda c: True, 90, show.social),
        ("legal_aid", adult_at_admission, 420, show.legal_aid),
        ("employment", adult_at_admission, 90, show.employment),
        ("hukou", lambda c: unknown(c) and adult(c), 420, show.hukou),
        ("followup", lambda c: adult_at_admission(c) and not unknown(c), 420, show.return_and_follow_up),
    )
    for step, fits, min_days, script in plan:
        for case in show.pick([c for c in cases if days_in(c) > min_days], fits):
            show.run(step, case, script)
    return show.done
