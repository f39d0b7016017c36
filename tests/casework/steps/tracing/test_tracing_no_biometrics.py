"""No DNA profiles or face templates are stored (PRODUCT.md §2, domain §3): no record field and no column of any
compartment can hold one, nothing outside the fields is kept, and a profile typed into the DNA record's free
text is refused. What is kept is a reference and an outcome."""

import importlib
import re

import pytest

from support import SUPERVISOR
from victimcare.casework.steps import STEPS
from victimcare.core.errors import ValidationErrors
from victimcare.db.schema import COMPARTMENTS

# Words that would name biometric data (not a flag that fingerprints were taken, nor a photo of the person).
FORBIDDEN_EN = {"profile", "profiles", "genotype", "genotypes", "str", "strs", "loci", "locus", "allele", "alleles",
                "haplotype", "template", "templates", "biometric", "biometrics", "embedding", "embeddings",
                "minutiae", "faceprint", "geno", "markers"}
FORBIDDEN_ZH = ("分型", "基因型", "基因座", "等位基因", "STR", "特征模板", "特征值", "特征向量", "生物特征", "人脸特征",
                "指纹特征", "图谱")


def words(name: str) -> set[str]:
    return {w.lower() for w in re.split(r"[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])", name) if w}


def every_field():
    for step in STEPS:
        try:
            step_rules = importlib.import_module(f"{step.package}.rules")
        except ModuleNotFoundError:
            continue
        for kind in getattr(step_rules, "KINDS", ()):
            for f in kind.fields:
                yield step.code, kind, f


def test_the_checker_sees_what_it_is_meant_to_see():
    assert words("str_profile") & FORBIDDEN_EN and words("faceTemplate") & FORBIDDEN_EN
    assert not words("fingerprints_taken") & FORBIDDEN_EN and not words("street") & FORBIDDEN_EN
    assert any(code == "tracing" and kind.code == "dna" for code, kind, _f in every_field())


def test_no_record_field_describes_biometric_data():
    bad = []
    for code, kind, f in every_field():
        texts = [f.label, f.label_en, *(zh for _c, zh, _en in f.choices), *(en for _c, _zh, en in f.choices)]
        if words(f.name) & FORBIDDEN_EN or any(words(t) & FORBIDDEN_EN for t in texts) \
                or any(z in t for z in FORBIDDEN_ZH for t in texts):
            bad.append(f"{code}.{kind.code}.{f.name}")
    assert bad == []


@pytest.fixture
def s(vault_factory, login):
    vault, _code, password = vault_factory()
    return login(vault, SUPERVISOR, password)


def schema(s) -> dict[str, list[tuple[str, str]]]:
    """compartment → (table, column) of every table in it."""
    def read():
        out = {}
        for name in COMPARTMENTS:
            conn = s.session.conn(name)
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")]
            out[name] = [(t, c[1]) for t in tables for c in conn.execute(f"PRAGMA table_info('{t}')")]
        return out
    return s.session.owner.call(read)


def test_no_column_of_any_compartment_holds_biometric_data(s):
    found = schema(s)
    assert set(found) == set(COMPARTMENTS) and all(found.values())
    assert ("step_records", "data") in found["core"], "the tracing records' table is in the schema looked at"
    bad = [(comp, t, c) for comp, cols in found.items() for t, c in cols
           if words(t) & FORBIDDEN_EN or words(c) & FORBIDDEN_EN]
    assert bad == []


CASE = {"admitted_at": "2026-03-02 09:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
        "birth_date": "1995-06-07"}
NOTICE = {"channel": "xunqin_net", "published_at": "2026-03-02 15:00", "basis": "duty"}
DNA = {"requested_on": "2026-03-05", "request_unit": "测试救助站", "legal_basis": "duty",
       "collecting_unit": "测试派出所", "collected_on": "2026-03-20", "sample_ref": "DNA-SAMPLE-ZZ-0001"}


def test_a_profile_is_refused_and_only_the_described_fields_are_kept(s):
    case_id = s.intake.create(CASE, reviewed_duplicates=list(range(1, 100)))
    for extra in ({"str_profile": "D3S1358 15,16"}, {"face_template": "QUJD" * 30}):
        with pytest.raises(ValidationErrors, match="不认识的栏目"):
            s.tracing.save(case_id, "dna", {**DNA, **extra})
    for field in ("review", "collecting_unit", "sample_ref"):
        with pytest.raises(ValidationErrors) as err:
            s.tracing.save(case_id, "dna", {**DNA, "in_database": True, "result": "no_match",
                                            "result_on": "2026-04-10", field: "D3S1358 15,16 vWA 17,18 FGA 22,24"})
        assert "DNA分型" in err.value.by_field()[field]
    with pytest.raises(ValidationErrors, match="人脸特征模板"):
        s.tracing.save(case_id, "comparison", {"on": "2026-03-03", "method": "face", "result": "no_match",
                                               "detail": "QUJD" * 30, "handler": "测试社工"})
    assert s.tracing.records(case_id)["records"]["dna"] == []
    s.tracing.save(case_id, "dna", DNA)  # the reference itself is what is kept, in the sensitive compartment
    stored = s.session.owner.call(lambda: s.session.conn("sensitive").execute(
        "SELECT data FROM step_records WHERE case_id = ? AND kind = 'dna'", (case_id,)).fetchone()[0])
    assert "DNA-SAMPLE-ZZ-0001" in stored and "D3S1358" not in stored
    assert s.session.owner.call(lambda: s.session.conn("core").execute(
        "SELECT count(*) FROM step_records WHERE kind = 'dna'").fetchone()[0]) == 0


class Killed(BaseException):
    pass


def test_a_dna_record_killed_before_its_core_part_is_completed_at_sign_in(s, monkeypatch, login):
    from support import PASSWORD, SUPERVISOR
    from victimcare.casework.steps import records as step_records
    case_id = s.intake.create(CASE)
    s.tracing.save(case_id, "notice", NOTICE)  # the notice met: the DNA dates decide the next deadline

    def die(name):
        if name == "after_record_commit":
            raise Killed()
    monkeypatch.setattr(step_records, "crash_point", die)
    with pytest.raises(Killed):
        s.tracing.save(case_id, "dna", DNA)
    monkeypatch.undo()
    vault = s.session.vault
    s.close()
    again = login(vault, SUPERVISOR, PASSWORD)
    assert again.session.repaired.get("step_record") == 1
    milestones = dict(again.session.owner.call(lambda: again.session.conn("core").execute(
        "SELECT key, value FROM milestones WHERE case_id = ?", (case_id,)).fetchall()))
    assert milestones.get("dna_requested_on") == "2026-03-05" and milestones.get("dna_collected_on") == "2026-03-20"
    assert again.tracing.records(case_id)["status"][0] == "in_progress"
    twin = again.intake.create({**CASE, "name": "测试乙", "birth_date": "1980-01-02"})  # the same record saved without a kill: the same next deadline
    again.tracing.save(twin, "notice", NOTICE)
    again.tracing.save(twin, "dna", DNA)
    due = dict(again.session.owner.call(lambda: again.session.conn("core").execute(
        "SELECT id, next_due FROM cases WHERE id IN (?, ?)", (case_id, twin)).fetchall()))
    assert due[case_id] == due[twin]
    assert again.integrity.verify().ok
