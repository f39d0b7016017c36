"""The one operation gate: every public operation of every service passes it; it enforces the
matrix for each role, refuses work after a lock or the 12-hour expiry (wiping the keys), and turns
storage failures into plain Chinese messages that change nothing."""

import inspect
import re
import shutil
import threading

import pytest
import sqlcipher3

from support import OTHER_PASSWORD, PASSWORD, SUPERVISOR, skip_first_password_change
from victimcare.core.errors import PermissionDenied, StorageError, VaultLocked
from victimcare.db.storage_errors import storage_error
from victimcare.security.permissions import Role, allowed
from victimcare.security.session import SESSION_MAX_SECONDS
from victimcare.services import Services

ACCOUNTS = {Role.SUPERVISOR: SUPERVISOR, Role.SOCIAL_WORKER: "shegong01", Role.EDUCATION_OFFICER: "jiaoyu01",
            Role.AUDITOR: "shenji01"}
INTAKE = {"admitted_at": "2026-02-01 10:00", "arrival_mode": "self", "name": "测试甲", "sex": "F",
          "birth_date": "2015-03-04"}


def all_operations(services: Services):
    """(service name, method name, operation) of every public method of every service, found by looking."""
    for name, service in sorted(services.all().items()):
        for method_name, method in inspect.getmembers(type(service), callable):
            if not method_name.startswith("_"):
                yield name, method_name, getattr(method, "operation", "UNGATED")


@pytest.fixture(scope="module")
def staffed(tmp_path_factory, vault_copier):
    vault, _, _ = vault_copier(tmp_path_factory.mktemp("gate") / "vault")
    services = Services(vault.login(SUPERVISOR, PASSWORD))
    try:
        for role, account in ACCOUNTS.items():
            if role is not Role.SUPERVISOR:
                services.accounts.create(account, role, OTHER_PASSWORD)
    finally:
        services.close()
    skip_first_password_change(vault, *(a for r, a in ACCOUNTS.items() if r is not Role.SUPERVISOR))
    return vault.path


def sign_in_as(path, role, tmp_path):
    from victimcare.security.vault import Vault
    copy = shutil.copytree(path, tmp_path / "vault")
    password = PASSWORD if role is Role.SUPERVISOR else OTHER_PASSWORD
    return Services(Vault(copy).login(ACCOUNTS[role], password))


def test_every_public_service_method_passes_the_gate(staffed, tmp_path):
    services = sign_in_as(staffed, Role.SUPERVISOR, tmp_path)
    try:
        found = list(all_operations(services))
        assert len(found) > 30, "the walk must find the services' methods"
        ungated = [f"{s}.{m}" for s, m, op in found if op == "UNGATED"]
        assert ungated == [], f"public methods that bypass the gate: {ungated}"
        assert {"intake", "school", "cases", "deadlines", "accounts"} <= {s for s, _m, _op in found}
    finally:
        services.close()


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_each_role_gets_exactly_what_the_matrix_allows(staffed, tmp_path, role):
    """Every operation is called with placeholder arguments: a refused one must raise PermissionDenied
    before it looks at them (and audit the refusal); an allowed one must never raise PermissionDenied."""
    services = sign_in_as(staffed, role, tmp_path)
    session = services.session
    head = lambda: session.run(session.audit_log.head)[0]
    try:
        for service_name, method_name, op in all_operations(services):
            method = getattr(services.all()[service_name], method_name)
            params = [p for p in inspect.signature(method).parameters.values()
                      if p.default is inspect.Parameter.empty and p.kind is p.POSITIONAL_OR_KEYWORD]
            label = f"{service_name}.{method_name}"
            before = head()
            if op is None or allowed(role, op):
                if service_name in ("accounts",) and method_name not in ("list", "must_change_password"):
                    continue  # would change this very vault's accounts; covered by the account tests
                try:
                    method(*[None] * len(params))
                except PermissionDenied:
                    pytest.fail(f"{role}: {label} was refused although the matrix allows {op}")
                except Exception:  # placeholder arguments: anything but a refusal is fine here
                    pass
            else:
                with pytest.raises(PermissionDenied, match="无权"):
                    method(*[None] * len(params))
                assert head() == before + 1, f"{label}: the refusal is audited once"
                entry = session.run(session.audit_log.entries, limit=1)[0]
                assert (entry["object_id"], entry["result"], entry["actor"]) == (str(op), "denied", session.staff_id)
    finally:
        services.close()


def test_a_call_after_lock_raises_vault_locked_from_any_thread(vault_factory, login):
    vault, _, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    s.close(action="lock")
    with pytest.raises(VaultLocked, match="已锁定"):
        s.cases.count(None)
    errors = []

    def background():  # a task still holding a service after the lock
        try:
            s.deadlines.due_items()
        except Exception as exc:
            errors.append(exc)

    t = threading.Thread(target=background)
    t.start()
    t.join()
    assert [type(e) for e in errors] == [VaultLocked]
    with pytest.raises(VaultLocked):
        s.session.run(lambda: None)


def test_expiry_closes_the_session_and_wipes_every_key(vault_factory, login, fake_clock):
    vault, _, password = vault_factory(clock=fake_clock)
    s = login(vault, SUPERVISOR, password)
    keys = [s.session.key_for(name) for name in sorted(s.session.compartments())]
    assert all(any(k) for k in keys)
    fake_clock.advance(SESSION_MAX_SECONDS + 1)
    with pytest.raises(VaultLocked, match="12 小时"):
        s.cases.count(None)
    assert s.session.locked
    assert all(not any(k) for k in keys), "every compartment key is zeroed"
    with pytest.raises(VaultLocked, match="已锁定"):
        s.intake.create(INTAKE)


def test_expiry_found_on_the_owner_thread_still_wipes_the_keys(vault_factory, login, fake_clock):
    """The owner thread cannot join itself: closing from there must still finish and wipe."""
    vault, _, password = vault_factory(clock=fake_clock)
    s = login(vault, SUPERVISOR, password)
    keys = [s.session.key_for(name) for name in sorted(s.session.compartments())]
    fake_clock.advance(SESSION_MAX_SECONDS + 1)
    with pytest.raises(VaultLocked):
        s.session.run(s.session.check_open)
    assert s.session.locked and all(not any(k) for k in keys)
    again = login(vault, SUPERVISOR, password)  # the vault still opens, and the expiry was audited
    last = [e for e in again.session.run(again.session.audit_log.entries, limit=5) if e["action"] == "lock"][0]
    assert (last["detail"], last["actor"]) == ("session_expired", again.session.staff_id)


def test_closing_twice_and_from_two_threads_is_harmless(vault_factory, login):
    vault, _, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    threads = [threading.Thread(target=s.close) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    s.close()
    assert s.session.locked


# -- storage errors ------------------------------------------------------------------------------------

def _counts(s):
    return s.session.run(lambda: [s.session.conn(n).execute(sql).fetchone()[0] for n, sql in (
        ("core", "SELECT count(*) FROM cases"), ("sensitive", "SELECT count(*) FROM intake_sensitive"))])


def test_a_full_disk_during_intake_is_a_plain_message_and_saves_nothing(vault_factory, login):
    vault, _, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    before = _counts(s)
    pages = s.session.run(lambda: s.session.conn("core").execute("PRAGMA page_count").fetchone()[0])
    s.session.run(lambda: s.session.conn("core").execute(f"PRAGMA max_page_count = {pages}"))  # no room to grow
    with pytest.raises(StorageError) as err:
        s.intake.create({**INTAKE, "appearance": "很长的描述" * 399, "request": "需要帮助" * 499})
    assert err.value.kind == "disk_full" and "磁盘空间已满" in err.value.message
    assert "sqlite" not in err.value.message.lower() and err.value.__cause__ is None
    assert _counts(s) == before


def test_a_read_only_vault_is_a_plain_message(vault_factory, login):
    vault, _, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    s.session.run(lambda: s.session.conn("core").execute("PRAGMA query_only = ON"))
    with pytest.raises(StorageError) as err:
        s.intake.create(INTAKE)
    assert err.value.kind == "readonly" and "只读" in err.value.message


def test_a_busy_vault_is_a_plain_message(vault_factory, login):
    from victimcare.db.connection import open_compartment
    vault, _, password = vault_factory()
    s = login(vault, SUPERVISOR, password)
    other = open_compartment(vault.compartment_path("core"), bytes(s.session.key_for("core")))
    other.execute("BEGIN IMMEDIATE")  # a second writer, e.g. an import in another process
    try:
        s.session.run(lambda: s.session.conn("core").execute("PRAGMA busy_timeout = 50"))
        with pytest.raises(StorageError) as err:
            s.intake.create(INTAKE)
        assert err.value.kind == "busy" and "稍候" in err.value.message
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert s.intake.create(INTAKE) > 0, "once the other writer is done the same save works"


class _Driver(sqlcipher3.OperationalError):
    def __init__(self, code, text="boom"):
        super().__init__(text)
        self.sqlite_errorcode = code


@pytest.mark.parametrize("code, kind, words", [
    (13, "disk_full", "磁盘空间已满"), (5, "busy", "稍候"), (517, "busy", "稍候"), (10, "io", "读写"),
    (3850, "io", "读写"), (11, "corrupt", "已损坏"), (26, "corrupt", "已损坏"), (8, "readonly", "只读"),
    (1, "internal", "没有改动")])
def test_every_storage_failure_has_a_chinese_message(code, kind, words):
    error = storage_error(_Driver(code))
    assert (error.kind, words in error.message) == (kind, True)
    assert re.search(r"[\u4e00-\u9fff]{6}", error.message) and "boom" not in error.message
