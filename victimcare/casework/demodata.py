"""Synthetic cases for the demo vault, training and benchmarks. No real person is described.

``fill_demo_cases(session, n, seed=…)`` makes ``n`` plausible cases: Chinese names (some with rare
characters from CJK Ext-A/B, some minority names with "·", some unknown with only self-reported
aliases), ages 0–80 weighted towards children, admissions spread over the last three years, police
transfers and suspected trafficking with a police report, and step dates (search notice, DNA request
and collection, legal aid, return home, follow-up visits, school referral, closure: ``demo_story``) that give the
工作台 a realistic mix of met, late, overdue and due-soon deadlines.

The parts of a case agree with each other, as a trainee would check them: every later step follows the
age the case file records (an estimated age is the age at arrival, as the form takes it); a school-age
child is placed in a grade for that age (never ahead of it, sometimes a grade or two behind) at a school
of that level, moving up each September until 高三; the arrival story matches the arrival mode, and every
police arrival has its police handover (F2) filled in.

Every case is built as a raw intake and checked by ``validate_intake``, like the form and the
importer; what happened after intake is the records a worker would have saved in each step tab, run
through the steps' own validation and rules (``steps.history``), which decide every status and deadline
milestone as a user's records do — nothing here sets a status or a milestone. To write 100,000 cases in
minutes the rows are written in batches of ``BATCH`` with ``executemany`` by the one case writer
(``record.CaseWriter``, as the intake form and the importer); the duplicate check is skipped.
``cases.next_due`` is computed by the deadline engine from those milestones, so the list, the case page
and the 工作台 agree. The same seed and clock give the same cases.
"""

import random
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from victimcare.casework.audit_refs import with_number
from victimcare.casework.demo_story import AGE_BASIS, DEMO_REGION, POLICE_UNITS, SURNAMES, Story
from victimcare.casework.record import NewCase, write_audited
from victimcare.casework.steps.intake.rules import validate_intake
from victimcare.casework.steps.intake.service import case_writer
from victimcare.casework.steps.school import records as school_records
from victimcare.domain.dates import age_on
from victimcare.domain.identity import check_digit
from victimcare.domain.vocabulary import ARRIVAL_MODES
from victimcare.security import outbox
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.permissions import Op

BATCH = 1000
RARE_CHARS = ("𠮷", "䶮", "𪚥", "㛃", "𬱖")  # U+20BB7 (Ext-B), U+4DAE (Ext-A), U+2A6A5 (Ext-B), U+36C3, U+2CC56

_COMPOUNDSURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫")
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


class _Maker(Story):
    """Draws one case at a time from a seeded generator, in admission order."""

    def __init__(self, rng: random.Random, now: datetime):
        self.rng, self.now, self.today = rng, now, now.date()

    # -- identity ----------------------------------------------------------------------------------

    def name(self, index: int, sex: str) -> str:
        r = self.rng
        if index % 50 == 11 or r.random() < 0.03:  # minority or foreign name with the middle dot
            return f"{r.choice(_MINORITY_FIRST)}·{r.choice(_MINORITY_LAST)}"
        surname = r.choice(_COMPOUNDSURNAMES) if r.random() < 0.02 else r.choice(SURNAMES)
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
            raw["age_basis"] = r.choice(AGE_BASIS)
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
            unit = r.choice(POLICE_UNITS)
            officers = f"民警{r.choice(SURNAMES)}某（警号{r.randint(100000, 999999)}）"
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
                       police_report_unit=r.choice(POLICE_UNITS))
        if r.random() < 0.02:
            raw.update(decision="refuse", decision_reason="（演示）不符合救助条件，已告知其他求助途径")
        hidden = {"has_id": has_id, "trafficking": bool(raw["flag_trafficking"])}
        return raw, hidden


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
        batch.append(NewCase(record, worker=worker, history=story["history"], events=story["events"],
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
                                 object_id=f"{numbers[0][0]}-{numbers[-1][0]}",
                                 detail=with_number(f"demo seed={seed}", numbers))]

        def write(batch: list[NewCase]) -> int:
            def in_owner():
                write_audited(session, case_writer(session, now), batch, staged, check_foreign_keys=False)
                if any(new.school is not None for new in batch):  # as a social worker's school write does
                    school_records.sync_core(session.conn("core"), session.conn("school"), now)
            session.run(in_owner)
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
        session.run(lambda: session.conn("core").execute("ANALYZE"))  # plan with statistics from now on
        return n


def fill_demo_cases(services, n: int, *, seed: int = 0, progress=None) -> int:
    return services.demo.fill(n, seed=seed, progress=progress)
