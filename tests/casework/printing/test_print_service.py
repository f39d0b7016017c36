"""PrintService (casework/printing): redaction profiles applied before any renderer sees the case, the role
capping the profile, the print's audit entry in every page's watermark, the file's SHA-256 audited at
every use, cancel, and saving (AES-256, owner-only, no temp file anywhere).

The forms here are a stand-in catalog that prints *every value it is handed* (tests/print_support.py): a
value absent from its PDF was removed by the profile, not merely left off by a form."""

import re
import io
import os
import stat
import subprocess
import tempfile

import pytest
from pypdf import PdfReader

from print_support import (PSEUDONYM, REAL_NAME, SENSITIVE, EverythingCatalog, case_no, leaks, make_case,
                           needles, page_texts)
from support import OTHER_PASSWORD, staff_id
from victimcare.casework.printing import service as print_service
from victimcare.core.errors import PermissionDenied, UserError, ValidationError
from victimcare.forms.dossier import RenderCancelled
from victimcare.security.permissions import Role

FILE_PASSWORD = "档案密码-2026"


@pytest.fixture
def station(vault_factory, login, add_account, fake_clock, monkeypatch):
    monkeypatch.setattr(print_service, "_catalog", EverythingCatalog)
    vault, _code, password = vault_factory(clock=fake_clock)
    boss = login(vault, password=password)
    for account, role in (("jiaoyu", Role.EDUCATION_OFFICER), ("shegong", Role.SOCIAL_WORKER),
                          ("shenji", Role.AUDITOR)):
        add_account(boss, account, role)

    class Station:
        pass

    st = Station()
    st.boss, st.case_id = boss, make_case(boss)
    st.case_no = case_no(boss, st.case_id)
    st.as_account = lambda account: login(vault, account, OTHER_PASSWORD)
    return st


def entry(s, seq):
    return next(e for e in s.session.run(s.session.audit_log.entries, limit=500) if e["seq"] == seq)


def test_the_school_copy_carries_nothing_but_the_school_placement(station):
    job = station.boss.printing.render_dossier(station.case_id, "school")
    assert leaks(job.pdf, [*SENSITIVE.values(), REAL_NAME]) == []
    text = "".join(page_texts(job.pdf))
    assert PSEUDONYM in text and "尤溪县测试小学" in text and station.case_no in text
    form = station.boss.printing.render_form(station.case_id, "F9", "school")
    assert leaks(form.pdf, [*SENSITIVE.values(), REAL_NAME]) == []
    assert PSEUDONYM in "".join(page_texts(form.pdf))


def test_the_education_officer_gets_the_school_copy_and_nothing_more(station):
    officer = station.as_account("jiaoyu")
    case_id = officer.printing.find_case(station.case_no)
    assert [p["code"] for p in officer.printing.purposes()] == ["school"]
    job = officer.printing.render_dossier(case_id)  # the widest profile the role may use
    assert job.profile == "school" and leaks(job.pdf, [*SENSITIVE.values(), REAL_NAME]) == []
    for profile in ("archive", "court", "family"):
        with pytest.raises(PermissionDenied, match="学校"):
            officer.printing.render_dossier(case_id, profile)
        last = officer.session.run(officer.session.audit_log.entries, limit=1)[0]
        assert (last["action"], last["result"], last["purpose"]) == ("print", "denied", profile)
    with pytest.raises(UserError, match="不能打印F5"):
        officer.printing.render_form(case_id, "F5", "school")


def test_the_auditor_prints_no_case(station):
    auditor = station.as_account("shenji")
    with pytest.raises(PermissionDenied, match="无权"):
        auditor.printing.render_dossier(station.case_id, "archive")
    with pytest.raises(PermissionDenied, match="无权"):
        auditor.printing.find_case(station.case_no)


def test_the_family_copy_leaves_out_suspects_police_narrative_health_dna_and_legal_aid(station):
    job = station.boss.printing.render_dossier(station.case_id, "family")
    assert leaks(job.pdf, [v for k, v in SENSITIVE.items() if k != "id_number"]) == []
    text = "".join(page_texts(job.pdf))
    assert REAL_NAME in text and "书包" in text, "the family gets the person's identity and belongings"


def test_the_court_copy_has_the_narrative_and_suspects_and_health_only_when_asked(station):
    court = station.boss.printing.render_dossier(station.case_id, "court")
    text = "".join(page_texts(court.pdf))
    for key in ("circumstances", "found", "blocked", "legal_cause", "police_case_no"):
        assert SENSITIVE[key] in text, key
    assert leaks(court.pdf, [SENSITIVE["diagnosis"], SENSITIVE["health_check"], SENSITIVE["sample_ref"],
                             "尤溪县测试小学"]) == []
    with_medical = station.boss.printing.render_dossier(station.case_id, "court", include=("medical",))
    text = "".join(page_texts(with_medical.pdf))
    assert SENSITIVE["diagnosis"] in text and SENSITIVE["health_check"] in text
    assert leaks(with_medical.pdf, [SENSITIVE["sample_ref"]]) == []
    with pytest.raises(UserError, match="不能另行加入"):
        station.boss.printing.render_dossier(station.case_id, "family", include=("medical",))


def test_the_archive_copy_has_everything_and_the_watermark_names_its_audit_entry(station):
    boss = station.boss
    job = boss.printing.render_dossier(station.case_id, "archive")
    text = "".join(page_texts(job.pdf))
    for value in [*SENSITIVE.values(), REAL_NAME, PSEUDONYM]:
        assert value in text
    first = entry(boss, job.seq)
    assert (first["action"], first["object_id"], first["purpose"], first["detail"]) == \
        ("print", job.case_no, "archive", "dossier")
    assert {"identity", "trafficking", "medical", "dna_reference", "school", "legal_aid"} <= \
        set(first["categories"].split(","))
    assert REAL_NAME not in str(first) and SENSITIVE["diagnosis"] not in str(first)
    done = entry(boss, job.seq + 1)
    assert (done["detail"], done["file_hash"], done["record_count"]) == (f"rendered:of={job.seq}", job.sha256,
                                                                        job.pages)
    pages = page_texts(job.pdf)
    assert all(f"审计序号 {job.seq} " in t for t in pages) and len(pages) == job.pages
    assert "审计记录摘录" in text, "a supervisor's archive copy has the case's audit excerpt"
    start = next(i for i, t in enumerate(pages) if "审计记录摘录（本个案" in t)
    end = next(i for i, t in enumerate(pages) if i > start and "本卷情况说明" in t)
    excerpt = "".join(pages[start:end])  # it may run over pages
    assert f"\n{job.seq}\n" in excerpt, "the excerpt ends with this very print"
    assert "存档" in excerpt and job.case_no in excerpt and "打印" in excerpt, "in words, with the case number"
    assert not re.search(r"\barchive\b|intake_sensitive|create:|rendered:|of=", excerpt), "no stored codes"
    assert f"zhanzhang {staff_id(boss, 'zhanzhang')}" in excerpt.replace("\n", " "), "the name and its staff ID"
    timeline = next(t for t in pages if "个案时间线" in t and "经办人" in t)
    assert "接收登记" in timeline and "审计记录摘录" not in timeline, "the timeline shows the case's events"
    assert text.count("审计记录摘录（本个案") == 1


def test_a_social_worker_prints_the_archive_copy_without_the_audit_log(station):
    worker = station.as_account("shegong")
    job = worker.printing.render_dossier(station.case_id, "archive")
    text = "".join(page_texts(job.pdf))
    assert SENSITIVE["diagnosis"] in text and "审计记录摘录" not in text


def test_preview_print_and_save_are_audited_with_the_file_hash(station, tmp_path):
    boss = station.boss
    job = boss.printing.render_form(station.case_id, "F1", "archive")
    seq = boss.printing.record_preview(job)
    assert (entry(boss, seq)["action"], entry(boss, seq)["file_hash"]) == ("view", job.sha256)
    seq = boss.printing.record_printed(job)
    assert (entry(boss, seq)["detail"], entry(boss, seq)["file_hash"]) == (f"printed:of={job.seq}", job.sha256)
    out = tmp_path / "out"
    out.mkdir()
    result = boss.printing.save(job, out / job.file_name)
    saved = entry(boss, boss.session.run(boss.session.audit_log.head)[0])
    assert (saved["action"], saved["purpose"], saved["detail"]) == ("export", "archive", f"save:of={job.seq}")
    assert saved["file_hash"] == result["sha256"]
    assert job.file_name == f"F1_{station.case_no}_存档.pdf" and REAL_NAME not in job.file_name
    forged = print_service.PrintJob(job.pdf + b"%", job.sha256, *list(job.__dict__.values())[2:])
    with pytest.raises(UserError, match="不是由本程序生成"):
        boss.printing.save(forged, out / "x.pdf")


def test_an_encrypted_save_opens_only_with_its_password_and_nothing_touches_the_temp_folder(station, tmp_path):
    boss = station.boss
    out = tmp_path / "out"
    out.mkdir()
    seen = []

    def progress(_done, _total):  # looked at during the render
        seen.append((sorted(os.listdir(tempfile.gettempdir())), sorted(os.listdir(out))))

    job = boss.printing.render_dossier(station.case_id, "archive", progress=progress)
    assert seen and all(s == ([], []) for s in seen)
    result = boss.printing.save(job, out / job.file_name, FILE_PASSWORD)
    path = out / job.file_name
    assert job.file_name == f"专门档案_{station.case_no}_存档.pdf"
    assert os.listdir(tempfile.gettempdir()) == [] and os.listdir(out) == [job.file_name]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and result["encrypted"]
    data = path.read_bytes()
    assert b"/V 5" in data and b"/R 6" in data and b"/AESV3" in data
    assert not any(n in data for v in (REAL_NAME, SENSITIVE["circumstances"]) for n in needles(v))
    reader = PdfReader(io.BytesIO(data))
    assert reader.is_encrypted
    with pytest.raises(Exception):
        reader.pages[0].extract_text()
    assert subprocess.run(["pdftotext", str(path), "-"], capture_output=True).returncode != 0
    assert reader.decrypt(FILE_PASSWORD)
    assert REAL_NAME in "".join(p.extract_text() for p in reader.pages)
    shown = subprocess.run(["pdftotext", "-upw", FILE_PASSWORD, str(path), "-"], capture_output=True, text=True)
    assert shown.returncode == 0 and REAL_NAME in shown.stdout
    meta = reader.metadata or {}
    assert all(not str(meta.get(k, "")) for k in ("/Title", "/Author", "/Subject", "/Keywords", "/Creator",
                                                  "/Producer"))
    with pytest.raises(ValidationError, match="6 到"):
        boss.printing.save(job, out / "short.pdf", "12345")


def test_a_cancelled_render_is_audited_and_leaves_nothing(station):
    boss = station.boss
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(RenderCancelled):
        boss.printing.render_dossier(station.case_id, "archive", cancelled=cancelled)
    last = boss.session.run(boss.session.audit_log.entries, limit=1)[0]
    assert (last["result"], last["detail"]) == ("error", f"cancelled:of={last['seq'] - 1}")
    assert os.listdir(tempfile.gettempdir()) == []


def test_blank_forms_need_no_case_and_a_bad_case_number_is_said_plainly(station):
    boss = station.boss
    job = boss.printing.render_blank("F15")
    assert job.blank and job.file_name == "F15_空白表.pdf"
    assert f"序号{job.seq} 内部资料 注意保密" in "".join(page_texts(job.pdf))
    assert entry(boss, job.seq)["detail"] == "form:F15:blank"
    officer = station.as_account("jiaoyu")
    with pytest.raises(PermissionDenied, match="空白表"):
        officer.printing.render_blank("F1")
    with pytest.raises(UserError, match="找不到编号为 TS-1999-99999"):
        boss.printing.find_case("TS-1999-99999")
    with pytest.raises(UserError, match="没有这张表"):
        boss.printing.render_form(station.case_id, "F99")
