"""入学安置 through the services (steps/school/service.py): the referral only for school-age children,
the education officer's placement, transfer and changes in the school compartment — validated, audited
with categories, refused on a closed case — the step's status in core following the records, and every
role against every school operation."""

import inspect
from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from support import OTHER_PASSWORD
from victimcare.casework.steps.school.service import LedgerQuery
from victimcare.core.errors import PermissionDenied, UserError, ValidationErrors
from victimcare.domain.identity import check_digit
from victimcare.security.permissions import Role

DAY = 24 * 3600
CHILD_ID = "35042620150304002" + check_digit("35042620150304002")  # synthetic
PLACEMENT = {"school": "尤溪县测试小学", "grade": "五年级", "class_name": "2班", "enrolled_on": "2026-09-01",
             "attendance": "temporary", "student_no": f"G{CHILD_ID}", "pairing_teacher": "测试老师",
             "counselling": "每周一次", "privacy_measures": "不公开来历"}


def intake(s, name, **extra):
    return s.intake.create({"admitted_at": "2026-08-01 09:00", "arrival_mode": "self", "name": name, "sex": "F",
                            "id_status": "none", **extra}, reviewed_duplicates=list(range(100)))


@pytest.fixture
def station(vault_factory, login, add_account, fake_clock):
    """A vault at 2026-09-21 with a supervisor session, a child (11), an adult, a child of unknown age and
    a referred child; ``officer()`` signs in the education officer."""
    vault, _code, password = vault_factory(clock=fake_clock)
    boss = login(vault, password=password)
    add_account(boss, "jiaoyu", Role.EDUCATION_OFFICER)
    add_account(boss, "shegong", Role.SOCIAL_WORKER)
    add_account(boss, "shenji", Role.AUDITOR)
    ids = {"child": intake(boss, "测试甲", birth_date="2015-03-04"),
           "adult": intake(boss, "测试乙", estimated_age="30", age_basis="目测"),
           "unknown": intake(boss, "测试丙", estimated_age="10", age_basis="目测"),
           "other": intake(boss, "测试丁", birth_date="2014-05-06")}
    boss.school.refer(ids["child"], "小甲")
    boss.owner.call(lambda: boss.conn("core").execute(  # an age nobody knows (older data, an import)
        "UPDATE cases SET birth_date = NULL WHERE id = ?", (ids["unknown"],)))

    class Station:
        pass

    st = Station()
    st.vault, st.boss, st.ids, st.clock = vault, boss, ids, fake_clock
    st.officer = lambda: login(vault, "jiaoyu", OTHER_PASSWORD)
    st.as_role = lambda account: login(vault, account, OTHER_PASSWORD)
    return st


def school_bytes(vault) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(vault.path.glob("school.db*")))


def last_audit(s, n=1):
    return s.session.run(s.session.audit_log.entries, limit=n)


def school_no(s, case_id) -> str:
    """A referred child's case number in the school copy: what its audit entries name it by."""
    return s.session.run(lambda: s.session.conn("school").execute(
        "SELECT case_no FROM school_children WHERE case_id = ?", (case_id,)).fetchone()[0])


def test_the_referral_is_refused_for_anyone_not_of_school_age(station):
    boss, ids = station.boss, station.ids
    with pytest.raises(UserError, match="不适用"):
        boss.school.refer(ids["adult"])
    with pytest.raises(UserError, match="都不详"):
        boss.school.refer(ids["unknown"])
    boss.owner.call(lambda: boss.conn("core").execute(  # a child whose step a worker found not to apply
        "UPDATE steps SET status = 'not_applicable' WHERE case_id = ? AND step = 'school'", (ids["other"],)))
    with pytest.raises(UserError, match="不适用"):
        boss.school.refer(ids["other"])
    boss.owner.call(lambda: boss.conn("core").execute(
        "UPDATE steps SET status = 'not_started' WHERE case_id = ? AND step = 'school'", (ids["adult"],)))
    with pytest.raises(UserError, match="已满18"):
        boss.school.refer(ids["adult"])
    boss.owner.call(lambda: boss.conn("core").execute("UPDATE cases SET status = 'closed' WHERE id = ?", (ids["other"],)))
    with pytest.raises(UserError, match="已结案"):
        boss.school.refer(ids["other"])
    assert [r["case_id"] for r in boss.school.children()[0]] == [ids["child"]]
    with pytest.raises(UserError, match="找不到"):
        boss.school.refer(99999)


def test_the_officer_records_the_placement_and_core_follows_at_the_next_sign_in(station):
    child = station.ids["child"]
    station.boss.close()
    officer = station.officer()
    row = officer.school.record_placement(child, PLACEMENT)
    assert (row["status"], row["step_status"], row["record_state"]) == ("placed", "done", "set_up")
    entry = last_audit(officer)[0]
    assert (entry["action"], entry["object_type"], entry["object_id"]) == ("create", "school_placement", school_no(officer, child))
    assert entry["categories"] == "minor,school,identity"
    assert all(v not in str(entry) for v in ("尤溪县测试小学", CHILD_ID, "测试老师")), "categories, never values"
    row = officer.school.record_transfer(child, "2026-09-01")
    assert row["step_status"] == "in_progress" and row["transfer_due"] == "2026-09-15" and row["transfer_overdue"]
    overdue, soon = officer.deadlines.due_items()
    assert [d.rule for d in overdue] == ["school.transfer"] and soon == []
    edited = officer.school.record_placement(child, {**PLACEMENT, "class_name": "3班"})
    assert [h["kind"] for h in edited["history"]] == ["placed", "transfer_started", "edited"]
    assert last_audit(officer)[0]["categories"] == "minor,school", "the 学籍号 did not change"
    officer.close()

    worker = station.as_role("shegong")  # core learns it at this sign-in
    assert worker.session.repaired.get("school_sync") == 3
    case = worker.cases.get_case(child)
    assert case["steps"]["school"]["status"] == "in_progress"
    assert [e["kind"] for e in worker.cases.timeline(child)][:3] == ["edited", "transfer_started", "placed"]
    due, soon = worker.deadlines.due_items()
    assert "school.transfer" in [d.rule for d in due + soon], "the transfer deadline reached the workbench"
    row = worker.school.record_transfer(child, "2026-09-01", "2026-09-18")  # recorded done: at once in core
    assert worker.cases.get_case(child)["steps"]["school"]["status"] == "done"
    due, soon = worker.deadlines.due_items()
    assert "school.transfer" not in [d.rule for d in due + soon], "a transfer recorded done leaves the workbench"
    [d] = [d for d in worker.deadlines.for_case(child) if d.rule == "school.transfer"]
    assert d.status == "met_late" and d.done_on == date(2026, 9, 18)
    worker.close()
    officer = station.officer()
    assert officer.deadlines.due_items() == ([], [])


def test_bad_input_is_refused_and_changes_nothing(station):
    child = station.ids["child"]
    officer = station.officer()
    officer.school.record_placement(child, PLACEMENT)
    before = officer.school.child(child)
    snapshot = school_bytes(station.vault)
    bad = [{**PLACEMENT, "student_no": "G" + CHILD_ID[:17] + ("1" if CHILD_ID[17] != "1" else "2")},
           {**PLACEMENT, "student_no": "X12345"}, {**PLACEMENT, "enrolled_on": "2026-02-30"},
           {**PLACEMENT, "enrolled_on": "2099-01-01"}, {**PLACEMENT, "attendance": "sometimes"},
           {**PLACEMENT, "school": ""}, {**PLACEMENT, "school": "学校\x00"}, {**PLACEMENT, "grade": "长" * 40},
           {**PLACEMENT, "privacy_measures": "长" * 6000}]
    for values in bad:
        with pytest.raises(ValidationErrors) as err:
            officer.school.record_placement(child, values)
        assert CHILD_ID not in err.value.message
    for args in (("2026-09-20", "2026-09-10"), ("", ""), ("2099-01-01", "")):
        with pytest.raises(ValidationErrors):
            officer.school.record_transfer(child, *args)
    for kind, on in (("graduated", ""), ("moved_to_mars", "2026-09-10"), ("returned", "2026-09-10")):
        with pytest.raises(UserError):
            officer.school.record_change(child, kind, on)
    assert school_bytes(station.vault) == snapshot, "a refused write touches nothing"
    assert officer.school.child(child)["history"] == before["history"]


def test_later_changes_are_a_history(station):
    child = station.ids["child"]
    officer = station.officer()
    officer.school.record_placement(child, PLACEMENT)
    row = officer.school.record_change(child, "transferred", "2026-09-10", {"school": "尤溪县测试中学", "grade": "六年级"})
    assert (row["school"], row["grade"], row["class_name"], row["status"]) == ("尤溪县测试中学", "六年级", "", "placed")
    assert officer.school.record_change(child, "dropped_out", "2026-09-15")["step_status"] == "in_progress"
    with pytest.raises(UserError, match="只有在读"):
        officer.school.record_change(child, "graduated", "2026-09-16")
    row = officer.school.record_change(child, "returned", "2026-09-18", {"note": "劝返"})
    assert row["status"] == "placed" and row["step_status"] == "done"
    assert [h["kind"] for h in row["history"]] == ["placed", "transferred", "dropped_out", "returned"]
    [listed] = officer.school.export_rows()
    assert listed["last_change"] == "returned"


def test_a_closed_case_is_read_only_for_the_officer_too(station):
    from victimcare.casework.steps.school import records
    boss, child = station.boss, station.ids["child"]

    def close_case():  # as closure must: the school copy first, then core
        with_school = boss.conn("school")
        with_school.execute("BEGIN IMMEDIATE")
        records.mirror_case_status(with_school, child, "closed", "2026-09-21T10:00:00")
        with_school.execute("COMMIT")
        boss.conn("core").execute("UPDATE cases SET status = 'closed' WHERE id = ?", (child,))

    boss.owner.call(close_case)
    for s in (boss, None):
        s = s or station.officer()
        with pytest.raises(UserError, match="已结案"):
            s.school.record_placement(child, PLACEMENT)
        with pytest.raises(UserError, match="已结案"):
            s.school.record_transfer(child, "2026-09-14")
        with pytest.raises(UserError, match="已结案"):
            s.school.record_change(child, "graduated", "2026-09-14")
        assert s.school.child(child)["case_status"] == "closed", "still readable"
        s.close()


def test_a_closing_that_missed_the_school_copy_is_put_right_at_sign_in(station):
    boss, child = station.boss, station.ids["child"]
    boss.owner.call(lambda: boss.conn("core").execute("UPDATE cases SET status = 'closed' WHERE id = ?", (child,)))
    boss.close()
    worker = station.as_role("shegong")
    assert worker.session.repaired.get("school_mirror") == 1
    worker.close()
    officer = station.officer()
    with pytest.raises(UserError, match="已结案"):
        officer.school.record_placement(child, PLACEMENT)
    assert [r["case_id"] for r in officer.school.children(None, 50, LedgerQuery(status="closed"))[0]] == [child]


def test_the_ledger_lists_school_age_children_only_and_filters(station):
    boss, ids, clock = station.boss, station.ids, station.clock
    teen = intake(boss, "测试戊", birth_date="2009-01-10")  # 17 now
    boss.school.refer(teen)
    boss.school.refer(ids["other"])
    officer = station.officer()
    officer.school.record_placement(ids["child"], PLACEMENT)
    officer.school.record_placement(ids["other"], {**PLACEMENT, "school": "尤溪县测试中学", "grade": "初一",
                                                   "student_no": ""})
    officer.school.record_transfer(ids["other"], "2026-09-01")
    listed = lambda q=None: [r["case_id"] for r in officer.school.children(None, 50, q)[0]]
    assert sorted(listed()) == sorted([ids["child"], ids["other"], teen])
    assert listed(LedgerQuery(status="referred")) == [teen]
    assert listed(LedgerQuery(school="尤溪县测试中学")) == [ids["other"]]
    assert listed(LedgerQuery(grade="五年级")) == [ids["child"]]
    assert listed(LedgerQuery(overdue_only=True)) == [ids["other"]]  # due 2026-09-15, today 09-21
    assert officer.school.choices() == {"school": ["尤溪县测试中学", "尤溪县测试小学"], "grade": ["五年级", "初一"]}
    officer.close()
    clock.advance(120 * DAY)  # 2027-01-19: the teenager is 18
    officer = station.officer()
    assert teen not in [r["case_id"] for r in officer.school.children(None, 50)[0]]
    assert teen not in [r["case_no"] for r in officer.school.export_rows()]
    with pytest.raises(UserError, match="找不到"):
        officer.school.child(teen)
    entry = last_audit(officer)[0]
    assert (entry["object_id"], entry["result"]) == (school_no(officer, teen), "denied")  # listed before: its number


def test_every_role_against_every_school_operation(station):
    """Enumerated from the service: the officer reads and writes referred children only (anything else
    refused and audited), the auditor is refused everything (audited), the social worker works."""
    from victimcare.casework.steps.school.service import SchoolService
    child, other = station.ids["child"], station.ids["other"]
    ops = {name: fn.operation for name, fn in inspect.getmembers(SchoolService, callable)
           if not name.startswith("_")}
    assert set(ops) == {"refer", "children", "choices", "child", "record_placement", "record_transfer",
                        "record_change", "export_rows", "export_xlsx"}
    calls = {"refer": lambda s, c: s.school.refer(c),
             "children": lambda s, c: s.school.children(),
             "choices": lambda s, c: s.school.choices(),
             "child": lambda s, c: s.school.child(c),
             "record_placement": lambda s, c: s.school.record_placement(c, PLACEMENT),
             "record_transfer": lambda s, c: s.school.record_transfer(c, "2026-09-14"),
             "record_change": lambda s, c: s.school.record_change(c, "dropped_out", "2026-09-15"),
             "export_rows": lambda s, c: s.school.export_rows(),
             "export_xlsx": lambda s, c: s.school.export_xlsx(station.vault.path.parent / f"{c}.xlsx")}
    assert set(calls) == set(ops)
    station.boss.close()
    officer = station.officer()
    for name in ("child", "record_placement", "record_transfer", "record_change"):
        calls[name](officer, child)  # a referred child: works
        head = officer.session.run(officer.session.audit_log.head)[0]
        with pytest.raises(UserError, match="找不到这个转介入学的孩子") as err:
            calls[name](officer, other)  # a case never referred
        assert not isinstance(err.value, PermissionDenied)
        assert officer.session.run(officer.session.audit_log.head)[0] == head + 1
        assert (last_audit(officer)[0]["result"], last_audit(officer)[0]["object_id"]) == ("denied", str(other))
    with pytest.raises(PermissionDenied):
        calls["refer"](officer, other)
    for name in ("children", "choices", "export_rows", "export_xlsx"):
        calls[name](officer, child)
    rows = officer.school.export_rows()
    assert [r["case_no"] for r in rows] == [officer.school.child(child)["case_no"]]
    officer.close()
    auditor = station.as_role("shenji")
    for name, call in calls.items():
        head = auditor.session.run(auditor.session.audit_log.head)[0]
        with pytest.raises(PermissionDenied, match="无权"):
            call(auditor, child)
        assert auditor.session.run(auditor.session.audit_log.head)[0] == head + 1, name
    auditor.close()
    worker = station.as_role("shegong")
    worker.school.refer(other)
    worker.school.record_placement(other, {**PLACEMENT, "student_no": ""})
    assert worker.cases.get_case(other)["steps"]["school"]["status"] == "in_progress"


def test_the_xlsx_ledger_keeps_ids_and_formula_like_names_as_text(station, tmp_path):
    import hashlib
    import os
    boss = station.boss
    tricky = intake(boss, "测试己", birth_date="2016-01-01")
    boss.school.refer(tricky, "=1+2")
    officer = station.officer()
    officer.school.record_placement(station.ids["child"], PLACEMENT)
    officer.school.record_placement(tricky, {**PLACEMENT, "pairing_teacher": "", "student_no": "",
                                             "school": "@SUM(A1)"})
    path = tmp_path / "台账.xlsx"
    result = officer.school.export_xlsx(path)
    assert result["count"] == 2 and result["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert os.stat(path).st_mode & 0o077 == 0, "owner-only"
    entry = last_audit(officer)[0]
    assert (entry["action"], entry["object_type"], entry["file_hash"], entry["record_count"]) == \
        ("export", "school_ledger", result["sha256"], 2)
    sheet = load_workbook(path).active
    assert "A1:P1" in [str(r) for r in sheet.merged_cells.ranges]
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows == "$3:$3" and sheet.sheet_properties.pageSetUpPr.fitToPage
    header = [c.value for c in sheet[3]]
    rows = {r[1].value: r for r in sheet.iter_rows(min_row=4)}
    child_row = next(r for r in rows.values() if r[2].value == "小甲")
    assert child_row[header.index("学籍号")].value == f"G{CHILD_ID}"
    eq = next(r for r in rows.values() if r[2].value == "=1+2")
    for cell in (eq[2], eq[header.index("安置学校")]):
        assert cell.data_type == "s" and cell.value in ("=1+2", "@SUM(A1)"), "text, not a formula"
    assert all(c.data_type == "s" for r in sheet.iter_rows(min_row=3) for c in r if c.value is not None)
