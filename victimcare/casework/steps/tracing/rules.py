"""寻亲 family tracing: the deadlines of the search while the person's identity is unknown (PRODUCT.md §2).

Notice ≤ 24 h after intake; DNA request ≤ 7 working days; collection ≤ 1 month after the request; the
notice refreshed every 30 days after a month's stay. Work already done stays in the history after the
identity is found or the person has left; what is not yet done is then dropped.
"""

from datetime import timedelta

from victimcare.domain.deadlines import Builder, add_months, local_time


def deadlines(b: Builder) -> None:
    f, r, cal, admitted, searching = b.facts, b.rules, b.calendar, b.admitted, b.facts.searching
    if f.notice_published_at is not None or searching:
        b.add("tracing.notice", f"寻亲公告应在入站后{r.notice_hours}小时内发布",
              admitted + timedelta(hours=r.notice_hours), f.notice_published_at, done_verb="发布",
              en=f"Search notice within {r.notice_hours} hours of admission")
    if not f.dna_not_applicable:
        if f.dna_requested_on is not None or searching:
            n = r.dna_request_workdays
            b.add("tracing.dna_request", f"DNA采血申请应在入站后{n}个工作日内提出",
                  cal.add_workdays(admitted.date(), n), f.dna_requested_on, workdays=True, start=admitted.date(),
                  done_verb="提出", en=f"DNA sampling requested within {n} working days of admission")
        if f.dna_requested_on is not None and (f.dna_collected_on is not None or searching):
            n = r.dna_collection_months
            b.add("tracing.dna_collection", f"DNA采血应在申请后{n}个月内完成",
                  add_months(f.dna_requested_on, n), f.dna_collected_on,
                  en=f"DNA sample collected within {n} month(s) of the request")
    if searching and f.notice_published_at is not None:
        # A recurring duty: the item is always the next refresh, so it is never "done".
        last = f.notice_last_refreshed_on or local_time(f.notice_published_at).date()
        start = add_months(admitted.date(), r.notice_refresh_after_months)
        due = max(start, last + timedelta(days=r.notice_refresh_days))
        after = f"在站满{r.notice_refresh_after_months}个月后，" if r.notice_refresh_after_months else ""
        after_en = f"After {r.notice_refresh_after_months} month(s) in care, " if r.notice_refresh_after_months else ""
        b.add("tracing.notice_refresh", f"{after}寻亲公告应每{r.notice_refresh_days}天更新一次", due, None,
              en=f"{after_en}search notice refreshed every {r.notice_refresh_days} days")
