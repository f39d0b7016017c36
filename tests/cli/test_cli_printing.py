"""``victimcare admin export-dossier | print-form``: the file saved (case-number name, owner-only, optionally
encrypted), audited, the role's limits (an education officer prints the school copy only, an auditor
nothing), a bad case number said plainly, never a traceback and never a name on the terminal.

In-process (``cli.main.main``) with the stand-in catalog of tests/print_support.py, passwords on stdin."""

import io
import os
import stat
import sys

import pytest
from pypdf import PdfReader

from print_support import PSEUDONYM, REAL_NAME, SENSITIVE, EverythingCatalog, case_no, leaks, make_case, page_texts
from support import OTHER_PASSWORD, PASSWORD
from victimcare.casework.printing import service as print_service
from victimcare.cli.main import main
from victimcare.security.permissions import Role


@pytest.fixture
def vault(vault_factory, login, add_account, fake_clock, monkeypatch):
    monkeypatch.setattr(print_service, "_catalog", EverythingCatalog)
    vault, _code, password = vault_factory(clock=fake_clock)
    boss = login(vault, password=password)
    add_account(boss, "jiaoyu", Role.EDUCATION_OFFICER)
    add_account(boss, "shenji", Role.AUDITOR)
    case_id = make_case(boss)
    number = case_no(boss, case_id)
    boss.close()
    return vault.path, number


def run(monkeypatch, capsys, *args, stdin: str):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main([*map(str, args), "--password-stdin"])
    out = capsys.readouterr()
    assert "Traceback" not in out.err
    return code, out.out, out.err


def audit_tail(path, n=5):
    from victimcare.security.vault import Vault
    from victimcare.services import Services
    services = Services(Vault(path).login("zhanzhang", PASSWORD))
    try:
        return services.audit.entries(limit=n)
    finally:
        services.close()


def test_export_dossier_saves_the_file_and_audits_its_hash(vault, tmp_path, monkeypatch, capsys):
    path, number = vault
    out = tmp_path / "out"
    out.mkdir()
    code, stdout, stderr = run(monkeypatch, capsys, "export-dossier", "--vault", path, "--user", "zhanzhang",
                               "--case", number, "--profile", "archive", "--out", out, stdin=PASSWORD + "\n")
    assert code == 0, stderr
    saved = out / f"专门档案_{number}_存档.pdf"
    assert os.listdir(out) == [saved.name] and stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert f"已保存：{saved.name}" in stdout and REAL_NAME not in stdout + stderr
    assert SENSITIVE["circumstances"] in "".join(page_texts(saved.read_bytes()))
    export = next(e for e in audit_tail(path) if e["action"] == "export")
    assert export["file_hash"] in stdout and export["purpose"] == "archive"
    assert f"审计序号：{export['detail'].split('of=')[1]}" in stdout


def test_an_encrypted_export_asks_for_the_file_password(vault, tmp_path, monkeypatch, capsys):
    path, number = vault
    target = tmp_path / "court.pdf"
    code, stdout, stderr = run(monkeypatch, capsys, "export-dossier", "--vault", path, "--user", "zhanzhang",
                               "--case", number, "--profile", "court", "--encrypt", "--out", target,
                               stdin=f"{PASSWORD}\n文件密码-123456\n")
    assert code == 0, stderr
    assert "AES-256" in stdout
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert reader.is_encrypted and reader.decrypt("文件密码-123456")
    assert SENSITIVE["diagnosis"] not in "".join(p.extract_text() for p in reader.pages)


def test_the_education_officer_exports_the_school_copy_only(vault, tmp_path, monkeypatch, capsys):
    path, number = vault
    target = tmp_path / "school.pdf"
    code, _out, stderr = run(monkeypatch, capsys, "export-dossier", "--vault", path, "--user", "jiaoyu",
                             "--case", number, "--profile", "archive", "--out", target, stdin=OTHER_PASSWORD + "\n")
    assert code == 1 and "不能按“存档”用途打印" in stderr and not target.exists()
    code, _out, stderr = run(monkeypatch, capsys, "export-dossier", "--vault", path, "--user", "jiaoyu",
                             "--case", number, "--out", target, stdin=OTHER_PASSWORD + "\n")
    assert code == 0, stderr
    pdf = target.read_bytes()
    assert PSEUDONYM in "".join(page_texts(pdf)) and leaks(pdf, [*SENSITIVE.values(), REAL_NAME]) == []


def test_the_auditor_is_refused_and_a_bad_case_number_is_said(vault, tmp_path, monkeypatch, capsys):
    path, number = vault
    target = tmp_path / "x.pdf"
    code, stdout, stderr = run(monkeypatch, capsys, "export-dossier", "--vault", path, "--user", "shenji",
                               "--case", number, "--out", target, stdin=OTHER_PASSWORD + "\n")
    assert code == 1 and "无权" in stderr and stdout == "" and not target.exists()
    code, stdout, stderr = run(monkeypatch, capsys, "print-form", "--vault", path, "--user", "zhanzhang",
                               "--case", "TS-1900-00000", "--form", "F8", "--out", target, stdin=PASSWORD + "\n")
    assert code == 1 and "找不到编号为 TS-1900-00000 的个案" in stderr and stdout == "" and not target.exists()
    code, _out, stderr = run(monkeypatch, capsys, "print-form", "--vault", path, "--user", "zhanzhang",
                             "--form", "F8", "--out", target, stdin=PASSWORD + "\n")
    assert code == 1 and "--case" in stderr


def test_print_form_filled_and_blank(vault, tmp_path, monkeypatch, capsys):
    path, number = vault
    code, stdout, stderr = run(monkeypatch, capsys, "print-form", "--vault", path, "--user", "zhanzhang",
                               "--case", number, "--form", "f8", "--out", tmp_path, stdin=PASSWORD + "\n")
    assert code == 0, stderr
    filled = tmp_path / f"F8_{number}_存档.pdf"
    assert SENSITIVE["legal_cause"] in "".join(page_texts(filled.read_bytes()))
    code, stdout, stderr = run(monkeypatch, capsys, "print-form", "--vault", path, "--user", "zhanzhang",
                               "--form", "F15", "--blank", "--out", tmp_path, stdin=PASSWORD + "\n")
    assert code == 0, stderr
    blank = tmp_path / "F15_空白表.pdf"
    text = "".join(page_texts(blank.read_bytes()))
    assert "（空白）" in text and REAL_NAME not in text
    printed = [e for e in audit_tail(path, 12) if e["action"] == "print" and e["detail"] == "form:F15:blank"]
    assert printed, "the blank print is audited"


def test_the_real_commands_as_subprocesses_print_the_real_forms(vault_factory, login, fake_clock, tmp_path):
    """No stand-in here: ``python -m victimcare admin …`` with the real catalog; the watermark's audit
    sequence number is on the page and matches the command's output."""
    import subprocess
    import form_bundles as fb
    vault, _code, password = vault_factory(clock=fake_clock)
    boss = login(vault, password=password)
    number = case_no(boss, fb.make_case(boss))
    boss.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def admin(*args):
        return subprocess.run([sys.executable, "-m", "victimcare", "admin", *map(str, args), "--vault", vault.path,
                               "--user", "zhanzhang", "--password-stdin"], input=password + "\n",
                              capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)

    proc = admin("print-form", "--form", "F1", "--blank", "--out", tmp_path)
    assert proc.returncode == 0, proc.stderr
    seq = proc.stdout.split("审计序号：")[1].split()[0]
    pages = page_texts((tmp_path / "F1_空白表.pdf").read_bytes())
    assert all(f"序号{seq}" in t.replace("\n", "") for t in pages) and fb.NAME not in "".join(pages)
    proc = admin("export-dossier", "--case", number, "--profile", "school", "--out", tmp_path)
    assert proc.returncode == 0, proc.stderr
    pdf = (tmp_path / f"专门档案_{number}_学校.pdf").read_bytes()
    assert "小花" in "".join(page_texts(pdf)) and leaks(pdf, [fb.NAME, "左臂擦伤", "DNA-0001"]) == []
    assert "Traceback" not in proc.stderr and fb.NAME not in proc.stdout
