"""``verify`` by compartment (issue 8, item 1): rows left without their case, cases without their
creation entry, and cases written by a version that audited imports by batch only."""

from victimcare.db.connection import open_compartment, transaction
from victimcare.db.schema import migration_script

from support import SUPERVISOR

NOW = "2026-03-01T10:00:00"


def intake(name: str) -> dict:
    return {"admitted_at": "2026-03-01 09:00", "arrival_mode": "self", "name": name, "sex": "F",
            "estimated_age": "30", "age_basis": "目测", "id_status": "none"}


def insert_bare_case(conn, case_id: int) -> None:
    """A case row written past the case writer (no audit entry): what a tampered or legacy file holds."""
    with transaction(conn):
        conn.execute("INSERT INTO cases(id, case_no, admitted_at, arrival_mode, sex, id_status, registrar, "
                     "created_at, updated_at) VALUES (?, ?, ?, 'self', 'F', 'none', ?, ?, ?)",
                     (case_id, f"TS-2026-9{case_id:04d}", NOW, SUPERVISOR, NOW, NOW))


def test_a_clean_vault_verifies_ok(vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    s.intake.create(intake("甲乙测试"))
    report = s.integrity.verify()
    assert report.ok and report.legacy_cases == 0
    assert report.orphans == {"sensitive": 0, "school": 0}
    assert report.missing_audit == {"core": 0}


def test_sensitive_rows_without_their_case_are_reported_by_compartment(vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    kept, gone = s.intake.create(intake("丙丁测试")), s.intake.create(intake("戊己测试"))

    def drop_core_row():
        core = s.session.conn("core")
        with transaction(core):
            core.execute("DELETE FROM cases WHERE id = ?", (gone,))
    s.session.owner.call(drop_core_row)
    report = s.integrity.verify()
    assert not report.ok
    assert report.orphans["sensitive"] == 1 and report.orphans["school"] == 0
    assert any(line.startswith("敏感信息") and "1 条记录找不到对应的个案" in line for line in report.lines()), report.lines()
    assert kept != gone


def test_a_case_without_its_creation_entry_is_reported(vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    s.intake.create(intake("庚辛测试"))
    s.session.owner.call(lambda: insert_bare_case(s.session.conn("core"), 50))
    report = s.integrity.verify()
    assert not report.ok and report.missing_audit == {"core": 1}
    assert any("1 个个案在审计日志中没有新建记录" in line for line in report.lines())


def test_cases_from_before_per_case_auditing_are_told_apart_not_counted_missing(vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, SUPERVISOR, password)

    def legacy_cases():  # what the outbox migration records on a file written by an older version
        core = s.session.conn("core")
        for case_id in (1, 2, 3):
            insert_bare_case(core, case_id)
        with transaction(core):
            core.execute("UPDATE meta SET value = '4' WHERE key = 'case_audit_from'")
    s.session.owner.call(legacy_cases)
    s.intake.create(intake("壬癸测试"))
    report = s.integrity.verify()
    assert report.ok, report.lines()
    assert report.legacy_cases == 3 and report.missing_audit == {"core": 0}
    assert any("另有 3 个个案由旧版本建立" in line for line in report.lines())


def test_the_outbox_migration_marks_where_per_case_auditing_starts(tmp_path):
    conn = open_compartment(tmp_path / "core.db", bytes(range(32)))
    try:
        for version in (0, 1, 2):  # to version 3, the one before the outbox
            conn.executescript(migration_script("core", version))
        for case_id in (1, 2, 7):
            insert_bare_case(conn, case_id)
        conn.executescript(migration_script("core", 3))
        assert conn.execute("SELECT value FROM meta WHERE key = 'case_audit_from'").fetchone() == ("8",)
    finally:
        conn.close()
