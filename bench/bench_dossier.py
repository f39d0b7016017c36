"""The case dossier at about 300 pages, through the print service, beside bare reportlab on the same content
(issue 10: target ≤ 20 s and ≤ 400 MB for a 300-page dossier with its table of contents).

    python bench/bench_dossier.py [--visits 110]

Not part of the test suite. Makes a fresh vault (fast KDF) in a temp folder, one case with records in every
step (the form tests' case) plus ``--visits`` follow-up visits and relief service entries with long notes, so
that the archive dossier runs to about 300 pages. Measures, each in a fresh process-wide state:

- ``printing.render_dossier``: reading the bundle through the services, the audit entries, both layout
  passes, the 目录, bookmarks, watermark and page numbers (wall time, pages per second);
- bare reportlab: the very same form stories (same flowables, same fonts and fallback) built once with a plain
  ``SimpleDocTemplate``: no second pass, no page furniture, no bundle;
- peak memory of each: Python's own allocations (tracemalloc, a separate run: it slows the render down), and
  the process's peak resident size.
"""

import argparse
import gc
import io
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

NOTE = "".join(f"第{i:03d}句回访情况记录，内容仅为测试而写。" for i in range(1, 25))[:500]


def make_case(s, visits: int) -> int:
    import form_bundles as fb
    case_id = fb.make_case(s)
    for n in range(visits):
        day = f"2026-09-{1 + n % 20:02d}"
        s.followup.save(case_id, "visit", {"on": day, "mode": "home", "visitor": "测试社工", "living": NOTE,
                                           "school_work": NOTE, "wellbeing": NOTE, "needs": NOTE,
                                           "guardianship": "good"})
        s.relief.save(case_id, "service", {"on": "2026-08-02", "type": "daily", "content": NOTE})
    return case_id


def bare_reportlab(stories) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import PageBreak, SimpleDocTemplate
    from victimcare.forms.fonts import BODY
    from victimcare.forms.kit import MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP
    buf = io.BytesIO()
    story = []
    for make in stories:
        if story:
            story.append(PageBreak())
        story.extend(make())
    SimpleDocTemplate(buf, pagesize=A4, initialFontName=BODY, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                      topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM).build(story)  # the same type area
    return buf.getvalue()


def peak(fn):
    gc.collect()
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 2 ** 20
    finally:
        tracemalloc.stop()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=80)
    args = parser.parse_args()
    from pypdf import PdfReader
    from support import PASSWORD, STATION, STATION_CODE, SUPERVISOR, SignedIn
    from victimcare.casework.printing import bundle as bundles, dossier_plan, profiles
    from victimcare.casework.printing import catalog
    from victimcare.core.clock import FakeClock
    from victimcare.forms.fonts import register_fonts
    from victimcare.forms.kit import FormContext
    from victimcare.security import crypto
    from victimcare.security.vault import Vault

    work = Path(tempfile.mkdtemp(prefix="vc-bench-dossier-"))
    try:
        kdf = crypto.KdfParams(salt=crypto.new_salt(), time_cost=crypto.MIN_TIME_COST, memory_kib=crypto.MIN_MEMORY_KIB)
        Vault.create(work / "vault", station_name=STATION, station_code=STATION_CODE, supervisor=SUPERVISOR,
                     password=PASSWORD, kdf=kdf)
        s = SignedIn(Vault(work / "vault", FakeClock()).login(SUPERVISOR, PASSWORD))
        register_fonts()
        t = time.perf_counter()
        case_id = make_case(s, args.visits)
        print(f"case with {args.visits} visits and service entries written in {time.perf_counter() - t:.1f} s")

        t = time.perf_counter()
        job = s.printing.render_dossier(case_id, "archive")
        ours = time.perf_counter() - t
        print(f"VictimCare dossier: {job.pages} pages, {len(job.pdf) / 2 ** 20:.1f} MiB, {ours:.2f} s, "
              f"{job.pages / ours:.1f} pages/s")

        data = bundles.load(s.session, case_id, profiles.ARCHIVE)
        ctx = FormContext(station=STATION, user=SUPERVISOR)
        stories = [sec.story for sec in dossier_plan.sections(catalog, data, profiles.ARCHIVE, ctx, None)]
        t = time.perf_counter()
        bare = bare_reportlab(stories)
        plain = time.perf_counter() - t
        bare_pages = len(PdfReader(io.BytesIO(bare)).pages)
        print(f"bare reportlab, same stories: {bare_pages} pages, {plain:.2f} s, {bare_pages / plain:.1f} pages/s")
        print(f"ratio (ours / bare, per page): {(ours / job.pages) / (plain / bare_pages):.2f}")

        ours_mb = peak(lambda: s.printing.render_dossier(case_id, "archive"))
        bare_mb = peak(lambda: bare_reportlab(stories))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak Python allocations: dossier {ours_mb:.0f} MiB, bare reportlab {bare_mb:.0f} MiB; "
              f"process peak RSS {rss:.0f} MiB")
        ok = ours <= 20 and rss <= 400
        print("target (≤ 20 s, ≤ 400 MB):", "met" if ok else "NOT met")
        s.close()
        return 0 if ok else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
