"""回归家庭/社区 return and reintegration: the follow-up visits after return (跟踪回访).

The step code is "return", a Python keyword, hence this package's name (the registry maps the code to
its home). The visits' deadlines carry the code "follow_up" (``DEADLINE_ONLY`` in the registry).

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
"""

from datetime import date, timedelta

from victimcare.domain.deadlines import Builder, CaseFacts, DeadlineRules, add_months, format_date


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
