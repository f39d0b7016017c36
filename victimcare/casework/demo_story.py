"""What happened to a demo case after intake, as the steps record it (``casework.demodata`` draws the
intake; this module the rest). Each step's script adds the records a worker would have saved in its tab
and the approvals the supervisor decided (``steps.history`` Entry and Approval items), with dates that
give the 工作台 a realistic mix of met, late, overdue and due-soon deadlines; the steps' own rules then
decide every status and milestone. Synthetic throughout: places, units and people are invented, ID
numbers carry the demo's region and a 9xx sequence.
"""

from datetime import date, datetime, time, timedelta

from victimcare.casework.steps import initial_statuses
from victimcare.casework.steps.history import Approval, Entry
from victimcare.casework.steps.intake.rules import age_years
from victimcare.casework.steps.school.rules import validate_placement
from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import add_months
from victimcare.domain.identity import check_digit

DEMO_REGION = "350426"  # 福建省三明市尤溪县: ID numbers of demo cases use it with sequence 9xx
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
            "孔向汤罗")
POLICE_UNITS = ("尤溪县公安局城关派出所", "尤溪县公安局西城派出所", "三明市公安局刑侦支队", "尤溪县公安局洋中派出所")
AGE_BASIS = ("目测", "骨龄鉴定", "本人自述")
_NEEDS = ("生活照料，协助联系家人", "生活照料，心理疏导，协助寻亲", "送医复查，生活照料", "安排入学，心理疏导",
          "协助返乡，提供路费")
_CARE_LOG = ("（演示）安排三餐和住宿，情绪平稳", "（演示）陪同门诊复查", "（演示）心理疏导一次", "（演示）协助整理寻亲信息",
             "（演示）组织文体活动")
_SERVICE_OUTCOMES = ("（演示）完成全部课程，能独立完成基本操作", "（演示）情绪明显改善，愿意与人交流", "（演示）按计划完成陪伴服务")
_DIAGNOSES = ("营养不良", "上呼吸道感染", "皮肤外伤", "龋齿", "缺铁性贫血", "未见明显异常")

# School placement: a grade for the child's age on 1 September of the school year (6 → 一年级), sometimes one or
# two grades lower (children who missed school are often placed lower, never higher), a school of that level.
GRADES = ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三", "高一", "高二", "高三")
_SCHOOLS = (("尤溪县第一实验小学", "尤溪县西城中心小学"), ("尤溪县城关中学", "尤溪县西城中学"), ("尤溪县城关中学",))


class Story:
    """The after-intake scripts; the subclass (``demodata._Maker``) gives ``rng``, ``now``, ``today``
    and ``name(index, sex)``."""

    def _on_or_before_today(self, d: date | None) -> date | None:
        return d if d is not None and d <= self.today else None

    def _after(self, start: date, *, on_time: tuple[int, int], late: tuple[int, int], p_on_time: float,
               p_late: float) -> date | None:
        """A follow-up date: on time with ``p_on_time``, late up to ``p_late``, else not (yet) done."""
        r = self.rng
        roll = r.random()
        d = (start + timedelta(days=r.randint(*on_time)) if roll < p_on_time
             else start + timedelta(days=r.randint(*late)) if roll < p_late else None)
        return self._on_or_before_today(d)

    def at(self, d: date, hour: int = 10) -> datetime:
        """When a worker records what happened on ``d`` (never after now)."""
        return min(datetime.combine(d, time(hour, self.rng.randint(0, 59))), self.now)

    def story(self, record, hidden: dict) -> dict:
        """What happened to the case after intake, as the steps record it: ``history`` (``steps.history``
        Entry and Approval items, which decide every step's status and deadline milestones as a user's
        records do), the school row of a referred child and its timeline entries, and ``closed_at`` for an
        intake refused at the door."""
        r, today = self.rng, self.today
        core = record.core
        admitted = datetime.fromisoformat(core["admitted_at"])
        day = admitted.date()
        if core["decision"] == "refuse":
            return {"history": [], "school": None, "closed_at": core["admitted_at"], "events": []}
        h: list = []
        # the age the case file records (estimated ages included), so steps, grade and story follow the record
        born = date.fromisoformat(core["birth_date"])
        age = age_years(core["birth_date"], day)
        known_at_intake = hidden["has_id"]
        resolved = day if known_at_intake else None
        if not known_at_intake and r.random() < 0.7:  # identity found after a while
            resolved = self._on_or_before_today(day + timedelta(days=int(r.expovariate(1 / 25))))
        returned = None
        if resolved is not None and r.random() < 0.85:
            returned = self._on_or_before_today(resolved + timedelta(days=r.randint(1, 10)))
        self.relief(h, core, admitted, age, resolved, returned)
        if hidden["trafficking"] and r.random() < 0.7:
            self.blocked(h, admitted)
        hukou_pending = False
        if not known_at_intake:
            hukou_pending = self.tracing(h, core, admitted, born, resolved)
        legal_aid_open = hidden["trafficking"] and r.random() < 0.4 and self.legal_aid(h, day, born)
        self.medical(h, core, day)
        if r.random() < 0.25:
            self.social(h, day)
        if age >= 16 and not core["flag_disabled"] and r.random() < 0.4:
            self.employment(h, day)
        visits: list[date] = []
        if returned:
            visits = self.return_home(h, core, born, returned)
        if returned and not (hukou_pending or legal_aid_open) and (today - returned).days > 400 and r.random() < 0.6:
            closed_on = self._on_or_before_today(max(visits or [returned]) + timedelta(days=r.randint(1, 20)))
            if closed_on:
                self.closure(h, closed_on)
        school = None  # a school referral for some school-age children still in care
        closing = any(isinstance(i, Approval) and i.kind == "closure" for i in h)
        if initial_statuses(age)["school"][0] != "not_applicable" and not closing and r.random() < 0.4:
            school = self.school(born, admitted, returned)
        events = []
        if school is not None:  # the referral, as SchoolService.refer words it; the rest from the changes
            events.append((school["referred_at"][:16], "school", "referred", "转介教育部门安排入学"))
        return {"history": h, "school": school, "closed_at": "", "events": events}

    # -- one step each: what a worker records, with dates that give a mix of met, late and open deadlines

    def relief(self, h: list, core: dict, admitted: datetime, age: int, resolved, returned) -> None:
        r, day = self.rng, admitted.date()
        sex = core["sex"]
        room = f"{'女' if sex == 'F' else '男'}{r.randint(101, 120)}" if sex in ("M", "F") else f"单间{r.randint(1, 6)}"
        h.append(Entry(admitted + timedelta(minutes=r.randint(20, 90)), "relief", "placement",
                       {"start_on": day.isoformat(), "type": "station", "place": "演示救助站", "room": room}))
        assessed = self._on_or_before_today(day + timedelta(days=r.randint(0, 2)))
        if assessed and r.random() < 0.8:
            close = age < 14 or core["flag_disabled"]
            h.append(Entry(self.at(assessed, 15), "relief", "assessment", {
                "assessed_on": assessed.isoformat(), "assessor": "演示社工", "care_level": "close" if close else "normal",
                "needs": r.choice(_NEEDS)}))
        for _ in range(r.randint(0, 3)):
            on = self._on_or_before_today(day + timedelta(days=r.randint(0, 8)))
            if on and (returned is None or on <= returned):
                h.append(Entry(self.at(on, 16), "relief", "service", {
                    "on": on.isoformat(), "type": r.choice(("daily", "medical", "psych", "education", "tracing")),
                    "content": r.choice(_CARE_LOG)}))
        adult = age >= 16 and not core["flag_disabled"]
        settled = 0.95 if (self.today - day).days > 30 else 0.6  # a long stay is soon put right
        if adult and resolved is None and r.random() < settled:  # adults normally stay ≤ 10 days
            placed = self._on_or_before_today(day + timedelta(days=r.randint(3, 12)))
            if placed:
                h.append(Entry(self.at(placed), "relief", "placement", {
                    "start_on": placed.isoformat(), "type": "contracted", "place": "演示托养机构"}))
        if returned:
            h.append(Entry(self.at(returned, 9), "relief", "departure", {
                "left_on": returned.isoformat(), "mode": "collected", "belongings_returned": True}))

    def tracing(self, h: list, core: dict, admitted: datetime, born: date, resolved) -> bool:
        """The search for an unknown identity; True when a 落户 request is still pending."""
        r, today, day = self.rng, self.today, admitted.date()
        roll = r.random()
        notice = None
        if admitted > self.now - timedelta(hours=30) and roll < 0.5:
            notice = None  # not yet published: due soon, or just overdue
        elif roll < 0.92:
            notice = admitted + timedelta(hours=r.uniform(1, 22))
        elif roll < 0.97:
            notice = admitted + timedelta(hours=r.uniform(25, 72))  # published late
        if notice is not None and notice <= self.now:
            h.append(Entry(notice, "tracing", "notice", {"channel": "xunqin_net", "basis": "duty",
                                                         "published_at": notice.isoformat(timespec="minutes")}))
        if r.random() < 0.5 and day + timedelta(days=1) <= today:
            h.append(Entry(self.at(day + timedelta(days=1)), "tracing", "comparison", {
                "on": (day + timedelta(days=1)).isoformat(), "method": "fingerprint", "result": "no_match",
                "handler": "演示社工"}))
        roll = r.random()
        old = (today - day).days > 60  # an old case without any request is rare: somebody notices
        requested = (day + timedelta(days=r.randint(0, 9)) if roll < 0.85
                     else day + timedelta(days=r.randint(10, 20)) if roll < (0.99 if old else 0.93) else None)
        requested = self._on_or_before_today(requested)
        if requested and resolved and requested > resolved:
            requested = None
        if requested:
            dna = {"requested_on": requested.isoformat(), "request_unit": "演示救助站", "legal_basis": "duty"}
            collected = self._after(requested, on_time=(0, 25), late=(32, 50), p_on_time=0.8, p_late=0.9)
            if collected:
                dna.update(collecting_unit=r.choice(POLICE_UNITS), collected_on=collected.isoformat(),
                           sample_ref=f"DEMO-DNA-{r.randrange(10**6):06d}")
            h.append(Entry(self.at(collected or requested, 11), "tracing", "dna", dna))
        if resolved:
            age = age_on(born, resolved)
            h.append(Entry(self.at(resolved, 14), "tracing", "comparison", {
                "on": resolved.isoformat(), "method": "hukou", "result": "matched", "handler": "演示社工",
                "detail": "户籍信息比对一致"}))
            if age >= 16:  # the person's own choice after a match (16 and over)
                h.append(Entry(self.at(resolved, 15), "tracing", "match_choice",
                               {"on": resolved.isoformat(), "choice": "return"}))
            h.append(Entry(self.at(resolved, 16), "tracing", "outcome", {
                "on": resolved.isoformat(), "outcome": "identified", "basis": "户籍信息比对一致，亲属到站确认",
                "handler": "演示社工"}))
            return False
        if (today - day).days > 30 and notice is not None and notice <= self.now and r.random() < 0.9:
            refreshed = max(today - timedelta(days=r.randint(0, 36)), notice.date())
            h.append(Entry(max(self.at(refreshed, 9), notice + timedelta(minutes=5)), "tracing", "notice_refresh",
                           {"refreshed_on": refreshed.isoformat(), "channel": "xunqin_net"}))
        if (today - day).days > 95 and r.random() < 0.4:
            applied = self._on_or_before_today(add_months(day, 3) + timedelta(days=r.randint(0, 60)))
            if applied:
                return self.hukou(h, core, born, applied)
        return False

    def hukou(self, h: list, core: dict, born: date, applied: date) -> bool:
        """落户 for someone still unknown: application, approval, police registration. True if pending."""
        r = self.rng
        h.append(Entry(self.at(applied, 9), "tracing", "outcome", {
            "on": applied.isoformat(), "outcome": "to_hukou", "basis": "查找满三个月未果，转办落户", "handler": "演示社工"}))
        h.append(Entry(self.at(applied, 10), "hukou", "application", {
            "applied_on": applied.isoformat(), "proposed_name": f"党{r.choice('安乐新春晓明')}{r.choice('华平宁欣')}",
            "estimated_birth": born.isoformat(), "basis": r.choice(AGE_BASIS) + "，结合体貌特征估计",
            "collective_address": "演示县社会福利中心集体户"}))
        decided = self._on_or_before_today(applied + timedelta(days=r.randint(1, 6)))
        if decided is None or r.random() < 0.2:
            h.append(Approval(self.at(applied, 11), "hukou", "落户申请（一人一函）"))
            return True
        h.append(Approval(self.at(applied, 11), "hukou", "落户申请（一人一函）", decided_at=self.at(decided, 15),
                          comment="同意"))
        submitted = self._on_or_before_today(decided + timedelta(days=r.randint(1, 8)))
        if submitted:
            police = {"submitted_on": submitted.isoformat(), "unit": "尤溪县公安局户政科"}
            registered = self._on_or_before_today(submitted + timedelta(days=r.randint(5, 30)))
            if registered and core["sex"] in ("M", "F") and r.random() < 0.7:
                police.update(registered_on=registered.isoformat(),
                              id_number=synthetic_id(born, r.randrange(50), core["sex"]))
            h.append(Entry(self.at(registered if "registered_on" in police else submitted), "hukou", "police",
                           police))
        return False

    def legal_aid(self, h: list, day: date, born: date) -> bool:
        """The application (by a representative for a minor), decision, lawyer and conclusion; True while
        the matter is still open (nobody closes such a case)."""
        r = self.rng
        applied = self._on_or_before_today(day + timedelta(days=r.randint(2, 20)))
        if not applied:
            return False
        minor = age_on(born, applied) < 18
        h.append(Entry(self.at(applied), "legal_aid", "application", {
            "applied_on": applied.isoformat(), "office": "尤溪县法律援助中心", "applied_by": "legal_rep" if minor else "self",
            "representative": "尤溪县民政局（临时监护）" if minor else "", "relation": "civil_affairs" if minor else "",
            "legal_status": "victim", "matter": "criminal_victim", "stage": "investigation", "means_exempt": True,
            "exempt_ground": "minor_no_income" if minor else "social_assistance"}))
        decided = self._on_or_before_today(applied + timedelta(days=r.randint(0, 9))) if r.random() < 0.85 else None
        if not decided:
            return True
        h.append(Entry(self.at(decided, 14), "legal_aid", "decision",
                       {"decided_on": decided.isoformat(), "result": "granted"}))
        lawyer = self._on_or_before_today(decided + timedelta(days=r.randint(0, 4))) if r.random() < 0.85 else None
        if not lawyer:
            return True
        h.append(Entry(self.at(lawyer, 15), "legal_aid", "lawyer", {
            "assigned_on": lawyer.isoformat(), "firm": "演示律师事务所", "lawyer": f"{r.choice(SURNAMES)}律师"}))
        concluded = self._on_or_before_today(lawyer + timedelta(days=r.randint(90, 400)))
        if concluded and r.random() < 0.6:
            h.append(Entry(self.at(concluded), "legal_aid", "progress",
                           {"on": concluded.isoformat(), "stage": "first_instance", "event": "concluded"}))
            return False
        return True

    def medical(self, h: list, core: dict, day: date) -> None:
        r = self.rng
        visited = self._on_or_before_today(day + timedelta(days=r.randint(0, 5)))
        if visited and r.random() < 0.6:
            h.append(Entry(self.at(visited, 17), "medical", "visit", {
                "visited_on": visited.isoformat(), "type": "outpatient", "hospital": "演示县人民医院",
                "diagnosis": r.choice(_DIAGNOSES), "cost_source": "relief_fund"}))
        assessed = self._on_or_before_today(day + timedelta(days=r.randint(1, 10)))
        if assessed and r.random() < 0.3:
            h.append(Entry(self.at(assessed, 16), "medical", "assessment", {
                "assessed_on": assessed.isoformat(), "assessor": "演示心理咨询师", "tool": "interview",
                "risk": r.choices(("low", "medium", "high"), weights=(70, 25, 5))[0]}))
        if core["flag_disabled"] and assessed and r.random() < 0.5:
            h.append(Entry(self.at(assessed, 17), "medical", "disability", {
                "assessed_on": assessed.isoformat(), "category": r.choice("1234567"), "grade": r.choice("1234"),
                "body": "演示县残疾人联合会"}))

    def social(self, h: list, day: date) -> None:
        r = self.rng
        start = self._on_or_before_today(day + timedelta(days=r.randint(2, 10)))
        if start:
            end = self._on_or_before_today(start + timedelta(days=r.randint(5, 30)))
            h.append(Entry(self.at(end or start, 17), "social", "service", {
                "type": r.choice(("counselling", "skills", "companionship", "education")), "provider": "演示志愿服务队",
                "provider_kind": "volunteer", "start_on": start.isoformat(), "end_on": end.isoformat() if end else "",
                "hours": str(r.randint(2, 40)), "outcome": r.choice(_SERVICE_OUTCOMES) if end else ""}))

    def employment(self, h: list, day: date) -> None:
        r = self.rng
        assessed = self._on_or_before_today(day + timedelta(days=r.randint(1, 5)))
        if not assessed:
            return
        h.append(Entry(self.at(assessed, 11), "employment", "capacity", {
            "assessed_on": assessed.isoformat(), "capacity": "full", "wants_work": True,
            "job_wish": r.choice(("制衣", "餐饮服务", "物流分拣", "家政服务"))}))
        hired = self._on_or_before_today(assessed + timedelta(days=r.randint(20, 90)))
        if hired and r.random() < 0.3:
            h.append(Entry(self.at(hired), "employment", "job", {
                "start_on": hired.isoformat(), "type": "unit", "employer": "演示制衣厂", "post": "缝纫工"}))

    def blocked(self, h: list, admitted: datetime) -> None:
        """The buyer's household on the blocked-handover list, from the police file (names written with 某,
        which no collector's name has, so a demo handover never meets them)."""
        r = self.rng
        for relation in ("buyer", "buyer_family")[:r.randint(1, 2)]:
            h.append(Entry(min(admitted + timedelta(hours=r.randint(2, 30)), self.now), "return", "blocked", {
                "name": f"{r.choice(SURNAMES)}某{r.choice('强军华平林成')}", "relation": relation,
                "id_number": synthetic_id(date(1950 + r.randrange(10), 1 + r.randrange(12), 1 + r.randrange(28)),
                                          r.randrange(50), "M"),
                "address": f"演示省演示县{r.choice('东西南北')}山村"}))

    def return_home(self, h: list, core: dict, born: date, returned: date) -> list[date]:
        """The handover to relatives (a minor's approved by the supervisor) and the follow-up visits."""
        r, today = self.rng, self.today
        age = age_on(born, returned)
        h.append(Entry(self.at(returned, 8), "return", "handover", {
            "on": returned.isoformat(), "mode": "relatives", "collector": self.name(1, "M" if r.random() < 0.5 else "F"),
            "collector_relation": "parent" if age < 30 else r.choice(("spouse", "child", "relative")),
            "collector_id": synthetic_id(date(1960 + r.randrange(25), 1 + r.randrange(12), 1 + r.randrange(28)),
                                         r.randrange(50), "M"),
            "identity_checked": True}))
        if age < 18:  # every handover of a minor waits for the supervisor
            h.append(Approval(self.at(returned, 9), "handover_minor", "未成年人交接",
                              decided_at=self.at(returned, 11), comment="同意交由父母接领"))
        visits: list[date] = []
        for months in (1, 3, 6, 12, 18, 24, 30):
            nominal = add_months(returned, months)
            if nominal - timedelta(days=15) > today:
                break
            roll = r.random()
            visit = (nominal + timedelta(days=r.randint(-10, 10)) if roll < 0.8
                     else nominal + timedelta(days=r.randint(16, 40)) if roll < 0.88 else None)
            visit = self._on_or_before_today(visit)
            if visit and visit >= returned:
                visits.append(visit)
                h.append(Entry(self.at(visit, 15), "followup", "visit", {
                    "on": visit.isoformat(), "mode": r.choice(("home", "home", "phone")), "visitor": "演示社工",
                    "guardianship": r.choices(("good", "fair"), weights=(85, 15))[0]}))
        return visits

    def closure(self, h: list, closed_on: date) -> None:
        h.append(Approval(self.at(closed_on, 9), "closure", "结案申请", decided_at=self.at(closed_on, 15), payload={
            "closure_type": "family", "summary": "（演示数据）已由亲属接领回归家庭，回访情况良好。", "open_items": "",
            "follow_up_plan": "回归后1、3、6、12个月回访（已完成）", "retention": "30y",
            "archive_on": min(closed_on + timedelta(days=30), self.today + timedelta(days=300)).isoformat()}))

    def school(self, born: date, admitted: datetime, returned: date | None) -> dict | None:
        """The school row of a referred child: referral, the 学籍 transfer the education officer starts, the
        placement (which completes it, steps/school/rules.py) at a school and grade for the child's age, the
        grade moving up each 1 September (a child who went home goes on at a school there), 已毕业 after 高三.
        ``changes`` is the history the education officer's writes leave (``school_changes``), whose sync
        into core gives the step its status and the timeline its entries, as for a user's writes."""
        r = self.rng
        referred = min(admitted + timedelta(days=r.randint(3, 30), hours=r.randint(0, 8)), self.now)
        if returned is not None and referred.date() >= returned:
            return None  # went home before anyone referred the child
        row = {"referred_at": referred.isoformat(timespec="seconds"), "status": "referred", "school": "", "grade": "",
               "enrolled_on": "", "transfer_started_on": "", "transfer_done_on": "", "changes": []}
        started = self._on_or_before_today(referred.date() + timedelta(days=r.randint(1, 10)))
        if started is None:
            return row
        row["transfer_started_on"] = started.isoformat()
        row["changes"].append(("transfer_started", started, "", ""))
        roll = r.random()
        placed = (started + timedelta(days=r.randint(1, 13)) if roll < 0.75
                  else started + timedelta(days=r.randint(16, 40)) if roll < 0.9 or (self.today - started).days > 45
                  else None)  # not placed yet: only a recent transfer, still open
        placed = self._on_or_before_today(placed)
        if placed is None or (returned is not None and placed >= returned):
            return row
        start_year = _school_year(placed)
        behind = r.choices((0, 1, 2), weights=(65, 25, 10))[0]
        first = min(max(age_on(born, date(start_year, 9, 1)) - 5 - behind, 1), len(GRADES))
        grade = first + _school_year(self.today) - start_year  # moved up each school year since
        row.update(status="placed", transfer_done_on=placed.isoformat() if r.random() < 0.7 else "")
        graduated = None
        if grade > len(GRADES):
            row["status"], grade = "graduated", len(GRADES)  # graduated from 高三
            graduated = min(date(start_year + len(GRADES) - first + 1, 7, 1), self.today)
        level = 0 if grade <= 6 else 1 if grade <= 9 else 2
        # the education officer's placement form (F9), checked as the form checks it
        placement = validate_placement({
            "school": r.choice(_SCHOOLS[level]), "grade": GRADES[grade - 1], "class_name": f"{r.randint(1, 6)}班",
            "enrolled_on": placed.isoformat(), "attendance": "formal" if r.random() < 0.8 else "temporary",
            "student_no": f"J{synthetic_id(born, r.randrange(50), 'F')}" if r.random() < 0.8 else "",
            "pairing_teacher": f"{r.choice(SURNAMES)}老师" if r.random() < 0.5 else ""},
            today=self.today, birth_iso=born.isoformat())
        row.update(placement.values)
        row["changes"].append(("placed", placed, row["school"], row["grade"]))
        if row["transfer_done_on"]:
            row["changes"].append(("transfer_done", placed, "", ""))
        if graduated is not None:
            row["changes"].append(("graduated", max(graduated, placed), row["school"], row["grade"]))
        return row


def synthetic_id(birth: date, serial: int, sex: str) -> str:
    """A well-formed 18-digit number (valid check digit) that names no real person: the demo's region
    and, as all demo numbers, a 9xx sequence (odd for a man, even for a woman, as the standard has it)."""
    seq = f"{900 + (serial * 2 + (1 if sex == 'M' else 0)) % 100:03d}"
    first17 = f"{DEMO_REGION}{birth:%Y%m%d}{seq}"
    return first17 + check_digit(first17)


def _school_year(d: date) -> int:
    """The year the school year holding ``d`` began (on 1 September)."""
    return d.year if d.month >= 9 else d.year - 1
