"""``victimcare admin …`` as IT staff run it: real subprocesses, calibrated KDF, passwords on stdin."""

import io
import json
import os
import re
import subprocess
import sys

import pytest

PASSWORD = "蓝色小船-over the quiet harbour-2718"
WORKER_PASSWORD = "绿色山谷里 有一条 river-31415"
NEW_PASSWORD = "另一句只有站长知道的话 and more words 99"
SHEET_PASSWORD = "封条上的另一句话 sealed 2026"  # opens the saved recovery sheet only


def run(args, stdin_lines=(), *, home):
    env = {**os.environ, "VICTIMCARE_HOME": str(home), "TMPDIR": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "victimcare", "admin", *args],
                          input="".join(f"{line}\n" for line in stdin_lines), capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=300)


@pytest.fixture(scope="module")
def cli_vault(tmp_path_factory):
    try:
        import victimcare.forms.recovery_sheet  # noqa: F401
    except Exception as exc:  # being written in parallel; init needs it
        pytest.skip(f"victimcare.forms.recovery_sheet does not import ({exc!r}); admin init cannot run")
    root = tmp_path_factory.mktemp("cli")
    home, vault, sheets = root / "home", root / "vault", root / "sheets"
    home.mkdir()
    sheets.mkdir()
    proc = run(["init", "--vault", str(vault), "--user", "zhanzhang", "--station", "测试站", "--station-code", "TS",
                "--password-stdin", "--recovery-sheet", str(sheets / "sheet.pdf")], [PASSWORD, SHEET_PASSWORD], home=home)
    return proc, vault, sheets / "sheet.pdf", home


def test_init_creates_the_vault_and_the_recovery_sheet(cli_vault):
    proc, vault, sheet, _ = cli_vault
    assert proc.returncode == 0, proc.stderr
    assert "已创建保险库" in proc.stdout and "恢复凭证已保存" in proc.stdout
    assert not re.search(r"[0-9A-Z]{5}-[0-9A-Z]{5}-", proc.stdout), "the code goes on the sheet, not the screen"
    assert sheet.read_bytes().startswith(b"%PDF")
    assert "AES-256" in proc.stdout and "删除" in proc.stdout, "the warning comes with the file"
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(sheet.read_bytes()))
    assert reader.is_encrypted, "the master recovery code is never written in plaintext"
    assert reader.decrypt("wrong password here") == 0
    if os.name == "posix":
        assert sheet.stat().st_mode & 0o077 == 0
        assert all(p.stat().st_mode & 0o077 == 0 for p in vault.iterdir())
    ring = json.loads((vault / "keyring.json").read_text("utf-8"))
    assert ring["station_name"] == "测试站" and ring["station_code"] == "TS"
    template = ring["kdf_template"]  # calibrated on this machine, never below the floors
    assert template["algorithm"] == "argon2id" and template["memory_kib"] >= 65536 and template["time_cost"] >= 3


def test_verify_reports_an_intact_chain(cli_vault):
    _, vault, _, home = cli_vault
    proc = run(["verify", "--vault", str(vault), "--user", "zhanzhang", "--password-stdin"], [PASSWORD], home=home)
    assert proc.returncode == 0, proc.stderr
    assert "审计链：完整" in proc.stdout
    assert "个案与身份：完好" in proc.stdout


def test_wrong_password_exits_1_with_a_chinese_message(cli_vault):
    _, vault, _, home = cli_vault
    proc = run(["verify", "--vault", str(vault), "--user", "zhanzhang", "--password-stdin"],
               ["definitely not the password"], home=home)
    assert proc.returncode == 1
    assert "账户名或密码不正确" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout


def test_accounts_add_and_list(cli_vault):
    _, vault, _, home = cli_vault
    proc = run(["accounts", "add", "--vault", str(vault), "--user", "zhanzhang", "--password-stdin",
                "--name", "shegong01", "--role", "social_worker"], [PASSWORD, WORKER_PASSWORD], home=home)
    assert proc.returncode == 0, proc.stderr
    assert "已创建账户 shegong01" in proc.stdout
    proc = run(["accounts", "list", "--vault", str(vault), "--user", "zhanzhang", "--password-stdin"],
               [PASSWORD], home=home)
    assert proc.returncode == 0, proc.stderr
    lines = {line.split("\t")[0]: line.split("\t") for line in proc.stdout.splitlines()}
    assert lines["shegong01"][1] == "social_worker" and lines["shegong01"][3] == "正常"
    assert lines["zhanzhang"][1] == "supervisor"

    # the new account's first password: every command refuses until it is changed (admin passwd)
    proc = run(["verify", "--vault", str(vault), "--user", "shegong01", "--password-stdin"], [WORKER_PASSWORD],
               home=home)
    assert proc.returncode == 1 and "初始密码" in proc.stderr and "admin passwd" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    chosen = "我自己选的一句话 for the worker 2026"
    proc = run(["passwd", "--vault", str(vault), "--user", "shegong01", "--password-stdin"],
               [WORKER_PASSWORD, chosen], home=home)
    assert proc.returncode == 0, proc.stderr
    proc = run(["verify", "--vault", str(vault), "--user", "shegong01", "--password-stdin"], [chosen], home=home)
    assert "初始密码" not in proc.stderr and "Traceback" not in proc.stderr


def test_missing_vault_exits_1(tmp_path):
    proc = run(["verify", "--vault", str(tmp_path / "nowhere"), "--user", "zhanzhang", "--password-stdin"],
               [PASSWORD], home=tmp_path)
    assert proc.returncode == 1
    assert "找不到保险库" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "nowhere").exists()


def test_recover_with_the_code_printed_on_the_sheet(cli_vault):
    """The sheet carries the right code: reading it back and using it sets a new supervisor password."""
    from pypdf import PdfReader
    _, vault, sheet, home = cli_vault
    reader = PdfReader(io.BytesIO(sheet.read_bytes()))
    assert reader.decrypt(SHEET_PASSWORD) != 0
    text = reader.pages[0].extract_text()
    lines = [line.strip() for line in text.splitlines()]
    start = lines.index("恢复码") + 1
    groups = []
    for line in lines[start:]:
        if not re.fullmatch(r"[0-9A-Z]{4,5}", line):
            break
        groups.append(line)
    assert len(groups) == 5
    proc = run(["recover", "--vault", str(vault), "--user", "zhanzhang", "--password-stdin"],
               [" ".join(groups).lower(), NEW_PASSWORD], home=home)
    assert proc.returncode == 0, proc.stderr
    proc = run(["verify", "--vault", str(vault), "--user", "zhanzhang", "--password-stdin"], [NEW_PASSWORD],
               home=home)
    assert proc.returncode == 0 and "审计链：完整" in proc.stdout, proc.stderr


@pytest.mark.parametrize("case", ["missing folder", "short sheet password", "existing file"])
def test_init_checks_the_sheet_before_creating_anything(tmp_path, case):
    home, vault = tmp_path / "home", tmp_path / "vault"
    home.mkdir()
    sheet = tmp_path / ("nowhere" if case == "missing folder" else "") / "sheet.pdf"
    if case == "existing file":
        sheet.write_bytes(b"keep me")
    lines = [PASSWORD, "too short" if case == "short sheet password" else SHEET_PASSWORD]
    proc = run(["init", "--vault", str(vault), "--user", "zhanzhang", "--station", "测试站", "--station-code", "TS",
                "--password-stdin", "--recovery-sheet", str(sheet)], lines, home=home)
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "保险库没有创建" in proc.stderr or "至少需要" in proc.stderr, proc.stderr
    assert not vault.exists() or not any(vault.iterdir()), "nothing created"
    if case == "existing file":
        assert sheet.read_bytes() == b"keep me"


def test_init_shows_the_code_when_the_sheet_cannot_be_written(tmp_path, monkeypatch, capsys):
    """The vault exists once the sheet is written; if writing fails the code is shown, never lost."""
    import argparse
    from victimcare.cli import admin
    from victimcare.cli.common import Secrets
    from victimcare.core import fsutil

    real = fsutil.write_private_file

    def full_disk(path, data):
        if str(path).endswith(".pdf"):
            raise OSError(28, "No space left on device")
        return real(path, data)

    monkeypatch.setattr(fsutil, "write_private_file", full_disk)
    lines = io.StringIO(f"{PASSWORD}\n{SHEET_PASSWORD}\n")
    monkeypatch.setattr(sys, "stdin", lines)
    args = argparse.Namespace(user="zhanzhang", vault=str(tmp_path / "vault"), station="测试站", station_code="TS",
                              recovery_sheet=str(tmp_path / "sheet.pdf"))
    assert admin.cmd_init(args, Secrets(from_stdin=True)) == 0
    out = capsys.readouterr().out
    assert "无法生成或保存" in out
    assert re.search(r"[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}", out)
    assert not (tmp_path / "sheet.pdf").exists()


def test_accounts_role_disable_and_rotate_re_encrypt_from_the_command_line(vault_factory, login, add_account,
                                                                          tmp_path):
    vault, _code, password = vault_factory()
    s = login(vault, "zhanzhang", password)
    add_account(s, "shegong01", "social_worker")
    add_account(s, "shegong02", "social_worker")
    s.close()
    base = ["--vault", str(vault.path), "--user", "zhanzhang", "--password-stdin"]
    proc = run(["accounts", "role", *base, "--name", "shegong01", "--role", "education_officer"], [password],
               home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "角色已改为 教育局工作人员" in proc.stdout
    proc = run(["accounts", "disable", *base, "--name", "shegong02"], [password], home=tmp_path)
    assert proc.returncode == 0 and "重新加密" in proc.stdout, proc.stderr
    proc = run(["accounts", "rotate", *base], [password], home=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"4 个数据分区，\d+ 行，用时 [\d.]+ 秒", proc.stdout)
    proc = run(["accounts", "role", *base, "--name", "shegong01"], [password], home=tmp_path)
    assert proc.returncode == 1 and "请用 --role" in proc.stderr and "Traceback" not in proc.stderr
    proc = run(["verify", *base], [password], home=tmp_path)
    assert proc.returncode == 0 and "审计链：完整" in proc.stdout, proc.stdout + proc.stderr
