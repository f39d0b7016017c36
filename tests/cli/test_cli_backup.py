"""``victimcare admin backup | backups | restore`` as IT staff run them: real subprocesses, passwords
on stdin, plain Chinese messages, exit 1 on errors and never a traceback."""

import os
import subprocess
import sys

import pytest

from support import PASSWORD, SUPERVISOR


def run(args, stdin_lines=(), *, home):
    env = {**os.environ, "VICTIMCARE_HOME": str(home), "TMPDIR": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "victimcare", "admin", *args],
                          input="".join(f"{line}\n" for line in stdin_lines), capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=300)


@pytest.fixture
def setup(tmp_path, vault_factory):
    vault, _code, _password = vault_factory()
    usb = tmp_path / "usb"
    usb.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    return vault.path, usb, home


def common(vault):
    return ["--vault", str(vault), "--user", SUPERVISOR, "--password-stdin"]


def no_traceback(proc):
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout, proc.stderr


def test_backup_list_and_restore_round_trip(setup):
    vault, usb, home = setup
    proc = run(["backup", *common(vault), "--to", str(usb)], [PASSWORD], home=home)
    assert proc.returncode == 0, proc.stderr
    assert "已备份并校验" in proc.stdout
    (generation,) = [p for p in usb.iterdir()]

    proc = run(["backups", "--from", str(usb)], home=home)
    assert proc.returncode == 0, proc.stderr
    assert generation.name in proc.stdout and "个案 0 个" in proc.stdout and "文件完整" in proc.stdout

    proc = run(["restore", *common(vault), "--from", str(generation)], [PASSWORD, "否"], home=home)
    assert proc.returncode == 1 and "已取消，没有任何改动" in proc.stderr
    assert "账户和密码也回到备份时" in proc.stderr, "what restoring means is part of the question (stderr)"
    assert proc.stdout == "", "a cancelled restore prints no result"
    assert not list(vault.parent.glob("vault-replaced-*"))

    proc = run(["restore", *common(vault), "--from", str(generation)], [PASSWORD, "是"], home=home)
    assert proc.returncode == 0, proc.stderr
    assert "已从备份恢复" in proc.stdout and "原来的保险库已改名保存为" in proc.stdout
    assert len(list(vault.parent.glob("vault-replaced-*"))) == 1

    proc = run(["verify", *common(vault)], [PASSWORD], home=home)
    assert proc.returncode == 0 and "审计链：完整" in proc.stdout, proc.stderr


def test_restore_of_a_vault_that_cannot_be_opened_uses_the_backups_keyring(setup):
    vault, usb, home = setup
    assert run(["backup", *common(vault), "--to", str(usb)], [PASSWORD], home=home).returncode == 0
    (generation,) = [p for p in usb.iterdir()]
    (vault / "keyring.json").write_text("{broken", "utf-8")
    proc = run(["restore", *common(vault), "--from", str(generation), "--yes"], [PASSWORD], home=home)
    assert proc.returncode == 0, proc.stderr
    assert "当前保险库无法打开" in proc.stderr and "已从备份恢复" in proc.stdout
    assert run(["verify", *common(vault)], [PASSWORD], home=home).returncode == 0


@pytest.mark.parametrize("case", ["missing_to", "missing_from", "not_a_generation", "wrong_password"])
def test_errors_are_plain_chinese_with_exit_1(setup, case):
    vault, usb, home = setup
    if case == "missing_to":
        proc = run(["backup", *common(vault), "--to", str(usb / "nope")], [PASSWORD], home=home)
        expected = "找不到文件夹"
    elif case == "missing_from":
        proc = run(["backups", "--from", str(usb / "nope")], home=home)
        expected = "找不到文件夹"
    elif case == "not_a_generation":
        proc = run(["restore", *common(vault), "--from", str(usb), "--yes"], [PASSWORD], home=home)
        expected = "不是 VictimCare 备份文件夹"
    else:
        proc = run(["backup", *common(vault), "--to", str(usb)], ["not the password at all"], home=home)
        expected = "密码不正确"
    assert proc.returncode == 1
    assert proc.stderr.startswith("错误：") and expected in proc.stderr, proc.stderr
    no_traceback(proc)
