"""Synthetic cases for the demo vault, training and benchmarks. No real person is described.

``fill_demo_cases(session, n, seed=…)`` makes ``n`` plausible cases: Chinese names (some with rare
characters from CJK Ext-A/B, some minority names with "·", some unknown with only self-reported
aliases), ages 0–80 weighted towards children, admissions spread over the last three years, police
transfers and suspected trafficking with a police report, and step dates (search notice, DNA request
and collection, legal aid, return home, follow-up visits, school referral, closure) that give the
工作台 a realistic mix of met, late, overdue and due-soon deadlines.

The parts of a case agree with each other, as a trainee would check them: every later step follows the
age the case file records (an estimated age is the age at arrival, as the form takes it); a school-age
child is placed in a grade for that age (never ahead of it, sometimes a grade or two behind) at a school
of that level, moving up each September until 高三; the arrival story matches the arrival mode, and every
police arrival has its police handover (F2) filled in.

Every case is built as a raw intake and checked by ``validate_intake``, like the form and the
importer. To write 100,000 cases in minutes the rows are written in batches of ``BATCH`` with
``executemany`` by the one case writer (``record.CaseWriter``, as the intake form and the importer);
the duplicate check is skipped. ``cases.next_due`` is computed by the deadline engine from the same
milestones, so the list, the case page and the 工作台 agree. The same seed and clock give the same cases.
"""

import random
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timedelta

from victimcare.casework.demo_records import DEMO_REGION, showcase
from victimcare.casework.record import NewCase, write_audited
from victimcare.casework.steps import initial_statuses
from victimcare.casework.steps.intake.rules import age_years, validate_intake
from victimcare.casework.steps.intake.service import case_writer
from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import add_months
from victimcare.domain.identity import check_digit
from victimcare.domain.vocabulary import ARRIVAL_MODES
from victimcare.security import outbox
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.permissions import Op

BATCH = 1000
RARE_CHARS = ("𠮷", "䶮", "𪚥", "㛃", "𬱖")  # U+20BB7 (Ext-B), U+4DAE (Ext-A), U+2A6A5 (Ext-B), U+36C3, U+2CC56

_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
             "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫"
             "孔向汤罗")
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫")
_GIVEN_F = "芳娟敏静丽艳娜秀英华慧巧美娇玲桂兰凤洁琳素云莲真环雪荣爱妹霞香月莺媛瑶怡婷雯佳欣悦诗梦晨露"
_GIVEN_M = "伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林洋勋文博志坤峰建国民海亮成东"
_GIVEN_ANY = "小春秋冬晓子一思安乐天金玉红英金福德"
_MINORITY_FIRST = ("阿依古丽", "古丽娜", "热依拉", "扎西", "卓玛", "次仁", "阿不都", "买买提", "努尔", "艾克拜尔", "格桑",
                   "央金")
_MINORITY_LAST = ("买买提", "多吉", "艾力", "吐尔逊", "央金", "阿不都拉", "热合曼", "拉姆")
_NICKNAMES = ("小红", "小花", "阿妹", "阿弟", "妞妞", "小宝", "毛毛", "丫头", "阿强", "小胖", "囡囡", "阿芳", "小龙")
_ETHNICITIES = ("03", "04", "05", "06", "07", "08", "09", "10")  # besides 01 汉族
_HUKOU = ("350426", "530629", "522427", "511621", "450881", "431225", "532622", "350403")
_DIALECTS = ("普通话", "闽南话", "客家话", "西南官话", "彝语", "苗语", "云南口音", "四川口音", "听不懂，疑为方言", "")
_APPEARANCE = ("身高约{h}厘米，偏瘦，短发", "身高约{h}厘米，中等身材，长发，左耳有痣", "身高约{h}厘米，肤色较黑，右手有旧疤",
               "身高约{h}厘米，戴眼镜，衣着单薄", "身高约{h}厘米，体型偏胖，口齿不清")
_REQUESTS = ("请求帮助寻找家人", "请求提供食宿", "请求返回家乡", "无法表达需求", "请求送医治疗")
_HEALTH = ("（演示）体温正常，营养不良", "（演示）未见明显异常", "（演示）轻度脱水，已补液", "（演示）有旧伤，建议门诊复查")
_PLACES = ("汽车站候车厅", "农贸市场门口", "高速公路服务区", "城关镇街头", "河边桥洞", "西城镇路口")
# How each arrival mode's story goes (F1 circumstances), so a story never contradicts the arrival mode:
# only police modes have a police handover (F2), only the hospital mode comes from a hospital.
_STORIES = {
    "police_transfer": ("（演示数据）公安机关在打拐行动中于{place}解救，移交本站。",
                        "（演示数据）自述被人以打工为名带离家乡，辗转多地，后被公安机关解救。"),
    "police_escort": ("（演示数据）民警在{place}巡查时发现，无法说清来历，护送来站。",
                      "（演示数据）群众报警称{place}有人滞留，民警核查后护送来站。"),
    "street_relief": ("（演示数据）救助站工作人员街面巡查时在{place}发现，劝导来站。",),
    "urban_escort": ("（演示数据）城管队员在{place}发现，护送来站。",),
    "self": ("（演示数据）自行来站求助，称与家人失散。", "（演示数据）自行来站求助，自述被人带离家乡后逃出。"),
    "hospital": ("（演示数据）由医院转来，入院时无人陪同。",),
    "other": ("（演示数据）由村（居）委会工作人员陪同来站。",),
}
_FOUND = "（演示数据）于{place}发现，当时独自一人，衣着单薄。"
_POLICE_MODES = ("police_transfer", "police_escort")
_POLICE_UNITS = ("尤溪县公安局城关派出所", "尤溪县公安局西城派出所", "三明市公安局刑侦支队", "尤溪县公安局洋中派出所")
_AGE_BASIS = ("目测", "骨龄鉴定", "本人自述")

# School placement: a grade for the child's age on 1 September of the school year (6 → 一年级), sometimes one or
# two grades lower (children who missed school are often placed lower, never higher), a school of that level.
GRADES = ("一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "初一", "初二", "初三", "高一", "高二", "高三")
_SCHOOLS = (("尤溪县第一实验小学", "尤溪县西城中心小学"), ("尤溪县城关中学", "尤溪县西城中学"), ("尤溪县城关中学",))


class _Maker:
    """Draws one case at a time from a seeded generator, in admission order."""

    def __init__(self, rng: random.Random, now: datetime):
        self.rng, self.now, self.today = rng, now, now.date()

    # -- identity ----------------------------------------------------------------------------------

    def name(self, index: int, sex: str) -> str:
        r = self.rng
        if index % 50 == 11 or r.random() < 0.03:  # minority or foreign name with the middle dot
            return f"{r.choice(_MINORITY_FIRST)}·{r.choice(_MINORITY_LAST)}"
        surname = r.choice(_COMPOUND_SURNAMES) if r.random() < 0.02 else r.choice(_SURNAMES)
        pool = _GIVEN_F if sex == "F" else _GIVEN_M if sex == "M" else _GIVEN_F + _GIVEN_M
        if index % 50 == 7:  # a rare character in the middle of a three-character name
            return surname[:1] + r.choice(RARE_CHARS) + r.choice(pool)
        given = r.choice(pool) if r.random() < 0.35 else r.choice(_GIVEN_ANY + pool) + r.choice(pool)
        if r.random() < 0.01:
            given = r.choice(RARE_CHARS) + given[-1:]
        return surname + given

    def raw(self, index: int, admitted: datetime) -> tuple[dict, dict]:
        """The raw intake (as a form or import would give it) and the hidden facts for the later steps."""
        r = self.rng
        sex = "F" if r.random() < 0.55 else "M"
        if r.random() < 0.01:
            sex = "U"
        band = r.random()
        age = (r.randint(0, 13) if band < 0.40 else r.randint(14, 17) if band < 0.60
               else r.randint(18, 45) if band < 0.90 else r.randint(46, 80))
        born = admitted.date() - timedelta(days=int((age + r.random()) * 365.2425))
        mode = r.choices([m for m, _ in ARRIVAL_MODES], weights=(35, 15, 20, 7, 10, 8, 5))[0]
        raw: dict = {"admitted_at": admitted.strftime("%Y-%m-%d %H:%M"), "arrival_mode": mode, "sex": sex}
        unknown = r.random() < 0.12 or (age < 3 and r.random() < 0.5)
        if unknown:
            raw["name_unknown"] = True
            raw["aliases"] = "；".join(r.sample(_NICKNAMES, r.randint(1, 2)))
        else:
            raw["name"] = self.name(index, sex)
            if r.random() < 0.2:
                raw["aliases"] = r.choice(_NICKNAMES)
        estimated = unknown or r.random() < 0.3
        has_id = not estimated and sex in ("M", "F") and age >= 16 and r.random() < 0.35
        if estimated:  # estimated when the person arrived, as the intake form records it
            raw["estimated_age"] = str(age_on(born, admitted.date()))
            raw["age_basis"] = r.choice(_AGE_BASIS)
        else:
            raw["birth_date"] = born.isoformat()
        if has_id:
            sequence = f"9{r.randrange(10)}{r.randrange(5) * 2 + (1 if sex == 'M' else 0)}"  # odd: male
            first17 = f"{DEMO_REGION}{born:%Y%m%d}{sequence}"
            raw.update(id_status="has", id_type="resident_id", id_number=first17 + check_digit(first17),
                       hukou_code=DEMO_REGION)
        else:
            raw["id_status"] = "none" if r.random() < 0.3 else "pending"
            if r.random() < 0.3:
                raw["hukou_code"] = r.choice(_HUKOU)
        raw["ethnicity"] = "01" if r.random() < 0.85 else r.choice(_ETHNICITIES)
        raw["dialect"] = r.choice(_DIALECTS)
        raw["appearance"] = r.choice(_APPEARANCE).format(h=min(185, 55 + 7 * min(age, 17) + r.randint(-5, 10)))
        raw["request"] = r.choice(_REQUESTS)
        raw["health_check"] = r.choice(_HEALTH)
        place = r.choice(_PLACES)
        raw["circumstances"] = r.choice(_STORIES[mode]).format(place=place)
        raw["mental_state"] = r.choices(("normal", "suspected_mental", "suspected_intellectual", "unclear"),
                                        weights=(80, 7, 8, 5))[0]
        raw["flag_disabled"] = r.random() < 0.05
        raw["flag_foreign"] = r.random() < 0.01
        if mode in _POLICE_MODES:  # the police handover (F2) is filled in for every police arrival
            unit = r.choice(_POLICE_UNITS)
            officers = f"民警{r.choice(_SURNAMES)}某（警号{r.randint(100000, 999999)}）"
            found = admitted - timedelta(hours=r.randint(2, 48), minutes=r.randint(0, 59))
            handed = admitted - timedelta(minutes=r.randint(10, 60))
            raw.update(escort_unit=unit, escort_officers=officers,
                       police_case_no=f"J{DEMO_REGION}{admitted:%Y%m%d}{r.randint(1000, 9999)}",
                       handover_unit=unit, handover_officers=officers, handover_found_place=f"尤溪县{place}",
                       handover_found_at=found.strftime("%Y-%m-%d %H:%M"),
                       handover_at=handed.strftime("%Y-%m-%d %H:%M"),
                       handover_checks="、".join(r.sample(("cctv", "visits", "missing_db", "population_db",
                                                           "bulletin"), r.randint(1, 3))),
                       found_circumstances=_FOUND.format(place=place))
        raw["flag_trafficking"] = mode == "police_transfer" and r.random() < 0.8
        if mode != "police_transfer" and r.random() < 0.15:
            report = min(admitted + timedelta(minutes=r.randint(5, 180)), self.now)
            raw.update(suspected_trafficking=True, police_report_at=report.strftime("%Y-%m-%d %H:%M"),
                       police_report_unit=r.choice(_POLICE_UNITS))
        if r.random() < 0.02:
            raw.update(decision="refuse", decision_reason="（演示）不符合救助条件，已告知其他求助途径")
        hidden = {"has_id": has_id, "trafficking": bool(raw["flag_trafficking"])}
        return raw, hidden

    # -- what happened after intake -------------------------------------------------------------------

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

    def story(self, record, hidden: dict) -> dict:
        """Milestones (CaseFacts names → stored text), step statuses, school referral, closure, events."""
        r, today = self.rng, self.today
        admitted = datetime.fromisoformat(record.core["admitted_at"])
        day = admitted.date()
        m: dict[str, str] = {}
        events: list[tuple[str, str, str, str]] = []  # at, step, kind, summary
        # the age the case file records (estimated ages included), so steps, grade and story follow the record
        born = date.fromisoformat(record.core["birth_date"])
        age = age_years(record.core["birth_date"], day)
        known_at_intake = hidden["has_id"]
        resolved = day if known_at_intake else None
        if not known_at_intake and r.random() < 0.7:  # identity found after a while
            resolved = self._on_or_before_today(day + timedelta(days=int(r.expovariate(1 / 25))))
        # tracing
        if not known_at_intake:
            roll = r.random()
            notice = None
            if admitted > self.now - timedelta(hours=30) and roll < 0.5:
                notice = None  # not yet published: due soon, or just overdue
            elif roll < 0.92:
                notice = admitted + timedelta(hours=r.uniform(1, 22))
            elif roll < 0.97:
                notice = admitted + timedelta(hours=r.uniform(25, 72))  # published late
            if notice is not None and notice <= self.now:
                m["notice_published_at"] = notice.isoformat(timespec="minutes")
                events.append((m["notice_published_at"], "tracing", "notice", "发布寻亲公告"))
            roll = r.random()
            requested = (day + timedelta(days=r.randint(0, 9)) if roll < 0.85
                         else day + timedelta(days=r.randint(10, 20)) if roll < 0.93 else None)
            requested = self._on_or_before_today(requested)
            if requested and resolved and requested > resolved:
                requested = None
            if requested:
                m["dna_requested_on"] = requested.isoformat()
                collected = self._after(requested, on_time=(0, 25), late=(32, 50), p_on_time=0.8, p_late=0.9)
                if collected:
                    m["dna_collected_on"] = collected.isoformat()
            still_searching = resolved is None
            if still_searching and (today - day).days > 30 and "notice_published_at" in m and r.random() < 0.7:
                m["notice_last_refreshed_on"] = (today - timedelta(days=r.randint(0, 36))).isoformat()
            if still_searching and (today - day).days > 95 and r.random() < 0.4:
                applied = self._on_or_before_today(add_months(day, 3) + timedelta(days=r.randint(0, 60)))
                if applied:
                    m["hukou_applied_on"] = applied.isoformat()
        if resolved and not known_at_intake:
            m["identity_known"] = "1"
        # adults normally stay ≤ 10 days
        adult = age >= 16 and not record.core["flag_disabled"]
        if adult and resolved is None and r.random() < 0.6:
            placed = self._on_or_before_today(day + timedelta(days=r.randint(3, 12)))
            if placed:
                m["long_term_placement_on"] = placed.isoformat()
        # legal aid for trafficking victims
        if hidden["trafficking"] and r.random() < 0.4:
            applied = self._on_or_before_today(day + timedelta(days=r.randint(2, 20)))
            if applied:
                m["legal_aid_applied_on"] = applied.isoformat()
                decided = (self._on_or_before_today(applied + timedelta(days=r.randint(0, 9)))
                           if r.random() < 0.85 else None)
                if decided:
                    m["legal_aid_decided_on"] = decided.isoformat()
                    lawyer = (self._on_or_before_today(decided + timedelta(days=r.randint(0, 4)))
                              if r.random() < 0.85 else None)
                    if lawyer:
                        m["lawyer_assigned_on"] = lawyer.isoformat()
        # return home and follow-up visits
        returned = None
        if resolved is not None and r.random() < 0.85:
            returned = self._on_or_before_today(resolved + timedelta(days=r.randint(1, 10)))
        visits: list[date] = []
        if returned:
            m["returned_on"] = m["left_on"] = returned.isoformat()
            events.append((returned.isoformat(), "return", "returned", "护送返回家庭"))
            for months in (1, 3, 6, 12, 18, 24, 30):
                nominal = add_months(returned, months)
                if nominal - timedelta(days=15) > today:
                    break
                roll = r.random()
                visit = (nominal + timedelta(days=r.randint(-10, 10)) if roll < 0.8
                         else nominal + timedelta(days=r.randint(16, 40)) if roll < 0.88 else None)
                visit = self._on_or_before_today(visit)
                if visit:
                    visits.append(visit)
            if visits:
                m["follow_up_dates"] = ",".join(sorted(v.isoformat() for v in visits))
                events.append((max(visits).isoformat(), "return", "follow_up", f"回访（共 {len(visits)} 次）"))
        closed_at = ""
        if record.core["decision"] == "refuse":
            closed_at = record.core["admitted_at"]
        elif returned and (today - returned).days > 400 and r.random() < 0.6:
            closed_on = self._on_or_before_today(max(visits or [returned]) + timedelta(days=r.randint(1, 20)))
            if closed_on:
                closed_at = min(f"{closed_on.isoformat()}T10:00", self.now.isoformat(timespec="minutes"))
        if closed_at:
            events.append((closed_at, "closure", "closed", "结案"))
        # steps, as insert_record starts them, then moved on by what happened
        steps = {code: list(v) for code, v in initial_statuses(age).items()}
        steps["relief"][0] = "done" if returned or "long_term_placement_on" in m else "in_progress"
        if resolved:
            steps["tracing"][0] = "done"
        elif "notice_published_at" in m or "dna_requested_on" in m:
            steps["tracing"][0] = "in_progress"
        steps["medical"][0] = r.choice(("not_started", "in_progress", "done"))
        if "legal_aid_applied_on" in m:
            steps["legal_aid"][0] = "done" if "lawyer_assigned_on" in m else "in_progress"
        if "hukou_applied_on" in m:
            steps["hukou"][0] = "in_progress"
        if returned:
            steps["return"][0] = "done" if closed_at else "in_progress"
        if closed_at:
            steps["closure"][0] = "done"
        # school referral for some school-age children still in care
        school = None
        if steps["school"][0] != "not_applicable" and not closed_at and r.random() < 0.4:
            school = self.school(born, admitted, returned)
        if school is not None:
            steps["school"][0] = "done" if school["enrolled_on"] else "in_progress"
            events.append((school["referred_at"][:16], "school", "referred", "转介教育部门安排入学"))
            if school["enrolled_on"]:
                events.append((school["enrolled_on"], "school", "placed",
                               f"入学安置：{school['school']}（{school['grade']}）"))
        return {"milestones": m, "steps": steps, "school": school, "closed_at": closed_at, "events": events}


    def school(self, born: date, admitted: datetime, returned: date | None) -> dict | None:
        """The school row of a referred child: referral, the 学籍 transfer the education officer starts, the
        placement (which completes it, steps/school/rules.py) at a school and grade for the child's age, the
        grade moving up each 1 September, the record closed on graduation or when the child goes home."""
        r = self.rng
        referred = min(admitted + timedelta(days=r.randint(3, 30), hours=r.randint(0, 8)), self.now)
        if returned is not None and referred.date() >= returned:
            return None  # went home before anyone referred the child
        row = {"referred_at": referred.isoformat(timespec="seconds"), "status": "referred", "school": "", "grade": "",
               "enrolled_on": "", "transfer_started_on": "", "transfer_done_on": ""}
        started = self._on_or_before_today(referred.date() + timedelta(days=r.randint(1, 10)))
        if started is None:
            return row
        row["transfer_started_on"] = started.isoformat()
        roll = r.random()
        placed = (started + timedelta(days=r.randint(1, 13)) if roll < 0.75
                  else started + timedelta(days=r.randint(16, 40)) if roll < 0.9 or (self.today - started).days > 45
                  else None)  # not placed yet: only a recent transfer, still open
        placed = self._on_or_before_today(placed)
        if placed is None or (returned is not None and placed >= returned):
            return row
        start_year = _school_year(placed)
        behind = r.choices((0, 1, 2), weights=(65, 25, 10))[0]
        grade = min(max(age_on(born, date(start_year, 9, 1)) - 5 - behind, 1), len(GRADES))
        grade += _school_year(returned or self.today) - start_year  # moved up each school year since
        row.update(status="placed", enrolled_on=placed.isoformat(), transfer_done_on=placed.isoformat()
                   if r.random() < 0.7 else "")
        if grade > len(GRADES):
            row["status"], grade = "closed", len(GRADES)  # graduated from 高三
        elif returned is not None:
            row["status"] = "closed"  # went home: the school placement near the station ended
        row["grade"] = GRADES[grade - 1]
        level = 0 if grade <= 6 else 1 if grade <= 9 else 2
        row["school"] = r.choice(_SCHOOLS[level])
        return row


def _school_year(d: date) -> int:
    """The year the school year holding ``d`` began (on 1 September)."""
    return d.year if d.month >= 9 else d.year - 1


def _admission_times(rng: random.Random, n: int, now: datetime) -> list[datetime]:
    span = 3 * 365 * 24 * 60
    times = []
    for i in range(n):
        minutes = rng.randint(60, 14 * 24 * 60) if rng.random() < 0.05 else rng.randint(60, span)
        times.append((now - timedelta(minutes=minutes)).replace(second=0, microsecond=0))
    return sorted(times)


def _workers(session) -> list[str]:
    ring = session.vault.keyring
    return [a for a in ("demo_shegong",) if ring.account(a)] + [session.account]


def _new_cases(session, maker: "_Maker", workers: list[str], indexes: range, times: list[datetime],
               now: datetime) -> list[NewCase]:
    """Generate and validate one batch (caller thread: no database access)."""
    batch = []
    for i in indexes:
        raw, hidden = maker.raw(i, times[i])
        record = validate_intake(raw, now=now, registrar=session.account)
        story = maker.story(record, hidden)
        worker = maker.rng.choice(workers)
        school = story["school"]
        if school is not None:
            shown = record.core["name"] or (record.aliases[0] if record.aliases else "化名")
            school = {**school, "display_name": shown, "referred_by": worker}
        batch.append(NewCase(record, worker=worker, milestones=story["milestones"],
                             steps={s: tuple(v) for s, v in story["steps"].items()}, events=story["events"],
                             school=school, closed_at=story["closed_at"],
                             created_at=record.core["admitted_at"] + ":00"))
    return batch


class DemoService(Service):
    @operation(Op.CASE_CREATE, thread=CALLER)
    def fill(self, n: int, *, seed: int = 0, progress=None) -> int:
        """Add ``n`` synthetic cases to the vault; returns how many were written.

        Deterministic for a given ``seed``, vault clock and starting vault. ``progress(done, n)`` is called
        after each batch. Written by the one case writer, ``BATCH`` cases per owner-thread trip.
        """
        session = self.session
        if n <= 0:
            return 0
        now = datetime.fromtimestamp(session.vault.clock.now()).replace(second=0, microsecond=0)
        rng = random.Random(seed)
        workers = _workers(session)
        maker = _Maker(rng, now)
        times = _admission_times(rng, n, now)
        done = 0

        def staged(numbers):  # one entry per batch, committed with its cases (record.write_audited)
            return [outbox.entry(session, "create", object_type="demo_cases", record_count=len(numbers),
                                 object_id=f"{numbers[0][0]}-{numbers[-1][0]}", detail=f"demo seed={seed}")]

        def write(batch: list[NewCase]) -> int:
            session.run(lambda: write_audited(session, case_writer(session, now), batch, staged,
                                              check_foreign_keys=False))
            return len(batch)

        # Batch k+1 is generated while batch k is written: SQLite releases the GIL while it inserts,
        # so the two overlap on a second core. One write at a time, in order, so ids and case numbers
        # are the same as written one after another.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-write") as writer:
            pending = None
            for start in range(0, n, BATCH):
                batch = _new_cases(session, maker, workers, range(start, min(start + BATCH, n)), times, now)
                if pending is not None:
                    done += pending.result()
                    if progress is not None:
                        progress(done, n)
                pending = writer.submit(write, batch)
            done += pending.result()
        if progress is not None:
            progress(done, n)
        showcase(session, now)  # a few cases with every step's records, through the steps' own write path
        session.run(lambda: session.conn("core").execute("ANALYZE"))  # plan with statistics from now on
        return n


def fill_demo_cases(services, n: int, *, seed: int = 0, progress=None) -> int:
    return services.demo.fill(n, seed=seed, progress=progress)
