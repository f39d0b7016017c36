"""跟踪回访 follow-up visits after the return home or to the community (F15): the schedule, its
deadlines (code "follow_up", ``DEADLINE_ONLY`` in the registry) reckoned from the return date the
return step records, and the visits that meet them.

Visits at 1, 3, 6, 12 months after return, then every 6 months while a minor. A visit counts for a
scheduled visit if it falls inside its window (nominal date ± ``follow_up_tolerance_days``, default 15)
→ ``met``; a visit after the window but before the next visit's window opens → ``met_late``. Each
recorded visit counts once. ``due`` is the window's last day; it is due soon once the window opens.

A missed visit is history, and the next due visit is what is open — as a supervisor reads a visiting
plan: nobody goes back to do "the one-month visit" in month four. A scheduled visit with no visit of its
own becomes ``missed`` (never overdue again, never on the 工作台) as soon as

- a later visit is recorded (one in a later visit's window, or after it): that visit takes its place
  (``replaced_on``), or
- the next scheduled visit's window opens: the next visit is then the one due.

So at most one visit is open at a time. Until then the missed visit stays overdue (from the day after its
window closes), and the open visit says how many visits in a row before it were missed. The last visit of a plan
(an adult's 12-month visit) stays overdue until a visit is recorded.

A visit can be recorded only after the return; the step is in progress from the first visit and done
once a visit at least 12 months after the return is recorded for someone then an adult (a minor's
visits go on every 6 months until 18).
"""

from datetime import date, timedelta

from victimcare.core.errors import UserError, ValidationError, ValidationErrors
from victimcare.domain.dates import age_on
from victimcare.domain.deadlines import Builder, CaseFacts, DeadlineRules, add_months, format_date
from victimcare.domain.fields import CHOICE, DATE, FLAG, NAME, NOTE, Derived, Field, RecordKind, choice_label

def follow_up_schedule(f: CaseFacts, r: DeadlineRules, today: date) -> list[tuple[int, date]]:
    """(months after return, nominal visit date): the fixed visits, then every N months while a minor.

    The open-ended part stops at the first visit whose window opens after ``today`` (or at adulthood), so a
    minor with an unknown birth date still gets a finite list.
    """
    if f.returned_on is None:
        return []
    plan = [(m, add_months(f.returned_on, m)) for m in r.follow_up_months]
    m = r.follow_up_months[-1]
    while plan[-1][1] - timedelta(days=r.follow_up_tolerance_days) <= today:
        m += r.minor_follow_up_every_months
        nominal = add_months(f.returned_on, m)
        if not f.is_minor_on(nominal, r.adult_age):
            break
        plan.append((m, nominal))
    return plan


def follow_up_deadlines(b: Builder) -> None:
    f, r = b.facts, b.rules
    tol = timedelta(days=r.follow_up_tolerance_days)
    plan = follow_up_schedule(f, r, b.today)
    visits = sorted(set(f.follow_up_dates))
    unused = list(visits)
    missed = 0
    for i, (months, nominal) in enumerate(plan):
        opens = nominal - tol
        next_opens = plan[i + 1][1] - tol if i + 1 < len(plan) else None
        visit = next((v for v in unused if v >= opens and (next_opens is None or v < next_opens)), None)
        window = f"{format_date(nominal)}前后{r.follow_up_tolerance_days}天内" if tol else format_date(nominal)
        rule, requirement = f"follow_up.{months}m", f"回归后满{months}个月应回访（{window}）"
        en = f"Follow-up visit {months} month(s) after return (around {nominal.isoformat()})"
        if visit is not None:
            unused.remove(visit)
            b.add(rule, requirement, nominal + tol, visit, soon_from=opens, done_verb="回访", en=en)
            missed = 0
            continue
        if next_opens is not None:
            later = next((v for v in visits if v >= next_opens), None)
            if later is not None or b.today >= next_opens:
                b.missed(rule, requirement, nominal + tol, later, done_verb="回访", en=en)
                missed += 1
                continue
        if missed:
            requirement += f"，此前有 {missed} 次回访未做"
            en += f"; {missed} earlier visit(s) missed"
        b.add(rule, requirement, nominal + tol, None, soon_from=opens, done_verb="回访", en=en)
        missed = 0


# -- the records ---------------------------------------------------------------------------------------

MODES = (("home", "入户", "Home visit"), ("phone", "电话", "Phone"), ("school", "学校", "At school"),
         ("video", "视频", "Video"))
GUARDIANSHIP = (("good", "较好", "Good"), ("fair", "一般", "Fair"), ("poor", "差", "Poor"))

KINDS = (
    RecordKind("visit", "回访记录", "Visit", (
        Field("on", "回访日期", "Date", DATE, required=True),
        Field("mode", "方式", "How", CHOICE, required=True, choices=MODES),
        Field("visitor", "回访人", "Visited by", NAME, required=True),
        Field("living", "居住情况", "Living situation", NOTE, max_len=500, listed=False),
        Field("guardianship", "监护/照料情况", "Guardianship and care", CHOICE, required=True, choices=GUARDIANSHIP),
        Field("school_work", "就学/就业情况", "School or work", NOTE, max_len=500, listed=False),
        Field("wellbeing", "身心状况", "Health and wellbeing", NOTE, max_len=500, listed=False),
        Field("risk", "存在再次被拐或流浪风险", "Risk of re-trafficking or vagrancy", FLAG),
        Field("risk_note", "风险说明", "About the risk", NOTE, max_len=500, listed=False),
        Field("needs", "需求与转介", "Needs and referrals", NOTE, max_len=500, listed=False),
        Field("next_on", "下次回访日期", "Next visit", DATE, future=True),
        Field("privacy", "隐私措施", "Privacy measures", max_len=100, listed=False),
    ), order_by="on"),
)
MILESTONES = ("follow_up_dates",)


def returned_on(case: dict) -> str:
    return case.get("milestones", {}).get("returned_on", "")


def check(kind: str, values: dict, records: dict, case: dict) -> None:
    back = returned_on(case)
    if not back:
        raise UserError("还没有记录回归家庭或社区（交接记录），不能记录回访。请先在“回归家庭/社区”中记录交接。")
    if values["on"] < back:
        raise ValidationErrors([ValidationError("on", f"回访日期不能早于回归日期（{back}）。")])
    if values["next_on"] and values["next_on"] <= values["on"]:
        raise ValidationErrors([ValidationError("next_on", "下次回访日期应晚于本次回访日期。")])
    if values["risk"] and not values["risk_note"]:
        raise ValidationErrors([ValidationError("risk_note", "存在风险时请说明风险情况和采取的措施。")])


def derive(records: dict, case: dict) -> Derived:
    visits = sorted(v["on"] for v in records.get("visit", []))
    milestones = {"follow_up_dates": ",".join(visits)}
    if not visits:
        return Derived("not_started", "", milestones)
    back = returned_on(case)
    if back:
        year_on = add_months(date.fromisoformat(back), 12).isoformat()
        last = visits[-1]
        adult = not case.get("birth_date") or age_on(date.fromisoformat(case["birth_date"]),
                                                      date.fromisoformat(last)) >= 18
        if last >= year_on and adult:
            return Derived("done", "", milestones)
    return Derived("in_progress", "", milestones)


def summary(kind: str, values: dict) -> str:
    return f"回访：{choice_label(MODES, values['mode'])}（{values['on']}）"
