"""Bad input everywhere (issue 8 item 9): every entry point gets the same corpus (tests/bad_inputs.py);
each bad value gets a clear Chinese message and changes nothing, and the good-but-odd ones are kept
exactly as typed. Entry points: the intake service (every text field and date), the import, every admin
command, and the intake form as a user types."""

import contextlib
import io
import re
import sys
import unicodedata

import pytest

from bad_inputs import AGES, DATES, FILES, TEXT
from support import PASSWORD, SUPERVISOR
from victimcare.casework.case_list import CaseQuery
from victimcare.casework.importer import KEYS, ImportFileError
from victimcare.core.errors import UserError, ValidationErrors

CJK = re.compile(r"[\u4e00-\u9fff]{4}")
BASE = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
        "birth_date": "2015-03-04"}
TEXT_FIELDS = [k for k in KEYS if k not in ("admitted_at", "arrival_mode", "sex", "birth_date", "estimated_age",
                                            "police_report_at", "name_unknown", "flag_trafficking", "flag_disabled",
                                            "flag_foreign", "suspected_trafficking", "injuries", "decision",
                                            "id_status", "id_type", "mental_state", "ethnicity", "hukou_code")]


def vault_bytes(vault) -> dict:
    """The case data on disk: every compartment but the audit log (which records each attempt)."""
    return {p.name: p.read_bytes() for p in sorted(vault.path.glob("*.db*")) if not p.name.startswith("audit")}


def explained(exc: UserError, value: str) -> None:
    """A refusal is a Chinese sentence that never repeats the value (it may be logged or printed)."""
    assert CJK.search(exc.message), exc.message
    if len(value.strip()) >= 3:
        assert value not in exc.message


def test_every_text_field_and_date_of_the_intake_service(vault_factory, login):
    vault, _, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    kept = refused = 0
    for field in TEXT_FIELDS:
        for label, value in TEXT.items():
            before = s.cases.count(CaseQuery(status="all"))
            try:
                case_id = s.intake.create({**BASE, field: value}, reviewed_duplicates=list(range(5000)))
            except ValidationErrors as exc:
                refused += 1
                explained(exc, value)
                assert s.cases.count(CaseQuery(status="all")) == before, (field, label)
                continue
            kept += 1
            case = s.cases.get_case(case_id)
            stored = case.get(field, s.intake.sensitive(case_id).get(field))
            if isinstance(stored, str) and stored.strip():
                assert stored == unicodedata.normalize("NFC", value).strip(), (field, label)
    assert kept and refused, "the corpus holds both kinds"
    before = vault_bytes(vault)
    for key in ("birth_date", "admitted_at", "police_report_at"):
        for value in DATES:
            with pytest.raises(ValidationErrors) as err:
                s.intake.create({**BASE, key: value, "suspected_trafficking": key == "police_report_at",
                                 "police_report_unit": "PSB"})
            explained(err.value, value)
    for value in AGES:
        with pytest.raises(ValidationErrors):
            s.intake.create({**BASE, "birth_date": "", "estimated_age": value, "age_basis": "目测"})
    assert vault_bytes(vault) == before, "a refused intake touches no file"


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_damaged_file_through_the_import(vault_factory, login, tmp_path, name):
    vault, _, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    path = tmp_path / name
    path.write_bytes(FILES[name])
    before = s.cases.count(CaseQuery(status="all"))
    try:
        report = s.imports.import_file(path)
    except ImportFileError as exc:
        explained(exc, "")
    else:  # read as a table, then every row refused, each with its reason
        assert not report.ok and all(CJK.search(message) for _row, _field, message in report.rejected)
    assert s.cases.count(CaseQuery(status="all")) == before


def run_admin(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """``victimcare admin …`` in this process, as a script would run it."""
    from victimcare.cli.main import main
    out, err = io.StringIO(), io.StringIO()
    old_stdin = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        sys.stdin = old_stdin
    return code, out.getvalue(), err.getvalue()


# Values no command may accept where a name or a code is asked for (injection-looking text is fine there: it is
# kept as typed, which the intake test checks).
BAD_ARGS = ["王\x00红", "abc\u202egnp", "长" * 300, " ", "𠀀\u200b", "王\x1b[2J"]


@pytest.mark.parametrize("value", BAD_ARGS, ids=range(len(BAD_ARGS)))
def test_every_admin_command_answers_bad_values_in_chinese(vault_factory, tmp_path, value):
    vault, _, password = vault_factory()
    common = ["--vault", str(vault.path), "--password-stdin"]
    before = vault_bytes(vault)
    calls = [
        (["init", "--vault", str(tmp_path / "new"), "--station", value, "--station-code", "TS", "--user", SUPERVISOR,
          "--password-stdin"], f"{PASSWORD}\n"),
        (["init", "--vault", str(tmp_path / "new2"), "--station", "测试站", "--station-code", value, "--user",
          SUPERVISOR, "--password-stdin"], f"{PASSWORD}\n"),
        (["init", "--vault", str(tmp_path / "new3"), "--station", "测试站", "--station-code", "TS", "--user", value,
          "--password-stdin"], f"{PASSWORD}\n"),
        (["verify", *common, "--user", value], f"{password}\n"),
        (["accounts", "add", *common, "--user", SUPERVISOR, "--name", value, "--role", "auditor"],
         f"{password}\n绿色山谷里 有一条 river-31415\n"),
        (["accounts", "disable", *common, "--user", SUPERVISOR, "--name", value], f"{password}\n"),
        (["import", *common, "--user", SUPERVISOR, str(tmp_path / value.replace("\x00", "") / "x.csv")], f"{password}\n"),
        (["recover", *common, "--user", SUPERVISOR], f"{value}\n{PASSWORD}\n"),
    ]
    for argv, stdin in calls:
        code, out, err = run_admin(argv, stdin)
        assert code != 0, (argv[0], out)
        assert "Traceback" not in err + out and CJK.search(err), (argv[0], err)
    assert vault_bytes(vault) == before, "no refused command touched the vault's data"
    assert not (tmp_path / "new").exists() and not (tmp_path / "new2").exists() and not (tmp_path / "new3").exists()


def test_demo_data_counts_are_checked(vault_factory):
    vault, _, password = vault_factory()
    for cases in ("-1", "0", "1e9", "十"):
        code, _out, err = run_admin(["demo-data", "--vault", str(vault.path), "--user", SUPERVISOR,
                                     "--password-stdin", "--cases", cases, "--allow-real-vault"], f"{password}\n")
        assert code != 0 and "Traceback" not in err
