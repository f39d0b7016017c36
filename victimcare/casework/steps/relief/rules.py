"""救助安置 relief and placement: adults normally stay ≤ 10 days (domain §1 row 9).

A reminder to arrange leaving or long-term care, for people aged 16 and over at admission (by birth date,
else ``not is_minor``) without a disability; leaving or a long-term placement decision completes it.
"""

from datetime import timedelta

from victimcare.domain.deadlines import Builder


def deadlines(b: Builder) -> None:
    f, r = b.facts, b.rules
    day = b.admitted.date()
    if f.is_minor_on(day, r.adult_stay_min_age) or f.has_disability:
        return
    ends = [d for d in (f.left_on, f.long_term_placement_on) if d is not None]
    b.add("relief.adult_stay", f"成年受助人在站一般不超过{r.adult_stay_days}天",
          day + timedelta(days=r.adult_stay_days), min(ends) if ends else None, done_verb="离站或转入安置",
          en=f"Adults normally stay at most {r.adult_stay_days} days")
