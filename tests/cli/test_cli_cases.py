"""``victimcare admin import | demo-data | cases`` as real subprocesses, passwords on stdin."""

import json
import os
import subprocess
import sys

import pytest

from victimcare.casework.steps import CODES
from victimcare.security.permissions import Role

HEADER = "入站时间,来站方式,姓名,性别,出生日期,估计年龄,年龄依据\n"
GOOD = HEADER + "2025-03-01 10:00,自行来站,王测试甲,女,2012-05-01,,\n2025-03-02 11:00,街面救助,李测试乙,男,,30,目测\n"
BAD = HEADER + "2025-03-01 10:00,自行来站,王测试甲,女,2012-05-01,,\n2025-03-02 11:00,坐飞机,李测试乙,男,2024-02-30,,\n"


def admin(*args, password: str):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "victimcare", "admin", *map(str, args), "--password-stdin"],
                          input=password + "\n", capture_output=True, text=True, encoding="utf-8", env=env,
                          timeout=300)


@pytest.fixture
def vault(vault_factory):
    vault, _code, password = vault_factory()
    return vault, password


def test_import_rejected_then_accepted(vault, tmp_path):
    v, password = vault
    bad, good = tmp_path / "bad.csv", tmp_path / "good.csv"
    bad.write_text(BAD, encoding="utf-8-sig")
    good.write_text(GOOD, encoding="utf-8")
    proc = admin("import", bad, "--vault", v.path, "--user", "zhanzhang", password=password)
    assert proc.returncode == 1
    assert "未导入任何个案" in proc.stderr and "第 3 行【来站方式】" in proc.stderr and "第 3 行【出生日期】" in proc.stderr
    assert "李测试乙" not in proc.stderr + proc.stdout
    proc = admin("import", good, "--vault", v.path, "--user", "zhanzhang", password=password)
    assert proc.returncode == 0, proc.stderr
    assert "已导入 2 个个案（TS-2025-00001 至 TS-2025-00002）" in proc.stdout
    proc = admin("import", good.with_name("missing.csv"), "--vault", v.path, "--user", "zhanzhang", password=password)
    assert proc.returncode == 1 and "找不到要导入的文件" in proc.stderr


def test_import_of_an_undeclared_gb18030_file_names_the_line(vault, tmp_path):
    v, password = vault
    path = tmp_path / "gbk.csv"
    path.write_bytes(GOOD.encode("gb18030"))
    proc = admin("import", path, "--vault", v.path, "--user", "zhanzhang", password=password)
    assert proc.returncode == 1 and "第 1 行" in proc.stderr and "gb18030" in proc.stderr.lower()
    proc = admin("import", path, "--encoding", "gb18030", "--vault", v.path, "--user", "zhanzhang", password=password)
    assert proc.returncode == 0, proc.stderr


def test_cases_json_lists_steps_and_dates_without_names(vault, tmp_path):
    v, password = vault
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    assert admin("import", good, "--vault", v.path, "--user", "zhanzhang", password=password).returncode == 0
    proc = admin("cases", "--json", "--vault", v.path, "--user", "zhanzhang", password=password)
    assert proc.returncode == 0, proc.stderr
    cases = json.loads(proc.stdout)
    assert [c["case_no"] for c in cases] == ["TS-2025-00001", "TS-2025-00002"]
    for case in cases:
        assert set(case) == {"case_no", "status", "admitted_on", "next_due", "steps"}
        assert case["status"] == "open" and case["steps"]["intake"] == "done" and set(case["steps"]) == set(CODES)
    assert cases[0]["admitted_on"] == "2025-03-01"
    for value in ("王测试甲", "李测试乙", "2012-05-01"):
        assert value not in proc.stdout


def test_demo_data_needs_a_supervisor_and_a_demo_vault(vault, login, add_account):
    v, password = vault
    session = login(v, password=password)
    worker_password = add_account(session, "shegong", Role.SOCIAL_WORKER)
    session.close()
    proc = admin("demo-data", "--cases", 5, "--vault", v.path, "--user", "shegong", password=worker_password)
    assert proc.returncode == 1 and "只有站长" in proc.stderr
    proc = admin("demo-data", "--cases", 5, "--vault", v.path, "--user", "zhanzhang", password=password)
    assert proc.returncode == 1 and "不是演示保险库" in proc.stderr
    proc = admin("demo-data", "--cases", 30, "--allow-real-vault", "--vault", v.path, "--user", "zhanzhang",
                 password=password)
    assert proc.returncode == 0, proc.stderr
    assert "已生成 30 个演示个案" in proc.stdout
    proc = admin("cases", "--json", "--vault", v.path, "--user", "zhanzhang", password=password)
    assert len(json.loads(proc.stdout)) == 30


def test_demo_data_fills_a_demo_vault(tmp_path, fast_kdf):
    from victimcare.security.vault import Vault
    password = "演示-demo password for tests-1"
    Vault.create(tmp_path / "demo", station_name="演示站", station_code="DEMO", supervisor="demo_zhanzhang",
                 password=password, kdf=fast_kdf, demo=True)
    proc = admin("demo-data", "--cases", 20, "--seed", 3, "--vault", tmp_path / "demo", "--user", "demo_zhanzhang",
                 password=password)
    assert proc.returncode == 0, proc.stderr
