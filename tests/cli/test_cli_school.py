"""``victimcare admin cases --json`` as the education officer: the referred children with school fields
only, parsed as JSON; and no command prints half a result (a refusal prints nothing on stdout)."""

import json

from test_cli_cases import admin

from support import OTHER_PASSWORD
from victimcare.domain.identity import check_digit
from victimcare.security.permissions import Role

CHILD_ID = "35042620150304002" + check_digit("35042620150304002")  # synthetic


def test_the_officer_lists_the_referred_children_with_school_fields_only(vault_factory, login, add_account):
    vault, _code, password = vault_factory()
    boss = login(vault, password=password)
    add_account(boss, "jiaoyu", Role.EDUCATION_OFFICER)
    add_account(boss, "shenji", Role.AUDITOR)
    base = {"admitted_at": "2026-08-01 09:00", "arrival_mode": "self", "sex": "F", "id_status": "none"}
    child = boss.intake.create({**base, "name": "测试甲", "birth_date": "2015-03-04"})
    boss.intake.create({**base, "name": "测试乙", "birth_date": "2014-03-04"}, reviewed_duplicates=[child])
    boss.school.refer(child, "小甲")
    boss.close()
    officer = login(vault, "jiaoyu", OTHER_PASSWORD)
    officer.school.record_placement(child, {"school": "尤溪县测试小学", "grade": "五年级", "enrolled_on": "2026-09-01",
                                            "attendance": "formal", "student_no": f"G{CHILD_ID}"})
    officer.close()

    proc = admin("cases", "--json", "--vault", vault.path, "--user", "jiaoyu", password=OTHER_PASSWORD)
    assert proc.returncode == 0, proc.stderr
    [row] = json.loads(proc.stdout)
    assert (row["case_no"], row["school"], row["grade"], row["attendance"], row["placement"]) == \
        ("TS-2026-00001", "尤溪县测试小学", "五年级", "formal", "placed")
    assert row["steps"] == {"school": "done"} and row["student_no"] == "G" and row["record_state"] == "set_up"
    for value in ("测试甲", "小甲", "2015-03-04", CHILD_ID, "测试乙"):
        assert value not in proc.stdout, "school fields only: no name, birth date or ID number"

    proc = admin("cases", "--json", "--vault", vault.path, "--user", "shenji", password=OTHER_PASSWORD)
    assert proc.returncode == 1 and proc.stdout == "", "a refusal prints no half result"
    assert proc.stderr.startswith("错误：") and "无权" in proc.stderr and "Traceback" not in proc.stderr

    proc = admin("cases", "--json", "--vault", vault.path, "--user", "zhanzhang", password=password)
    assert proc.returncode == 0, proc.stderr
    assert [c["steps"]["school"] for c in json.loads(proc.stdout)] == ["done", "not_started"]
