"""R4/R17: wrong passwords change no database file; throttling grows from 30 s to 1 h, survives a
restart, locks at 100 failures until a supervisor unlocks; every failure reaches the audit log."""

import json
import os

import pytest

from victimcare.core.errors import AccountLocked, WrongPassword
from victimcare.security.keyring import FIRST_DELAY, FREE_ATTEMPTS, LOCK_AT, MAX_DELAY, throttle_delay
from victimcare.security.vault import Vault

from support import staff_id

WRONG = "this is not the right password, sorry"


def keyring(vault) -> dict:
    return json.loads((vault.path / "keyring.json").read_text("utf-8"))


def set_account(vault, account, **fields):
    ring = keyring(vault)
    ring["accounts"][account].update(fields)
    (vault.path / "keyring.json").write_text(json.dumps(ring, ensure_ascii=False), "utf-8")


def file_state(directory):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(directory.glob("*.db*"))}


def test_three_wrong_passwords_give_a_clear_message_and_touch_no_database(vault_factory):
    vault, _, _ = vault_factory()
    before = file_state(vault.path)
    for attempt in range(3):
        with pytest.raises(WrongPassword) as err:
            vault.login("zhanzhang", WRONG + str(attempt))
        assert not isinstance(err.value, AccountLocked)
        assert "账户名或密码不正确" in err.value.message
        assert err.value.wait_seconds is None
        assert "Traceback" not in err.value.message and WRONG not in err.value.message
    assert file_state(vault.path) == before, "every *.db unchanged in content and mtime"
    assert not list(vault.path.glob("*-wal")) and not list(vault.path.glob("*-journal"))
    assert keyring(vault)["accounts"]["zhanzhang"]["failures"] == 3


def test_unknown_account_gets_the_same_message(vault_factory):
    vault, _, password = vault_factory()
    with pytest.raises(WrongPassword, match="账户名或密码不正确"):
        vault.login("nobody", password)
    assert "nobody" not in json.dumps(keyring(vault)), "unknown names are not recorded"


def test_throttle_schedule_doubles_from_30_seconds_to_an_hour():
    assert [throttle_delay(n) for n in range(1, FREE_ATTEMPTS)] == [0] * (FREE_ATTEMPTS - 1)
    assert (FREE_ATTEMPTS, FIRST_DELAY, MAX_DELAY, LOCK_AT) == (5, 30, 3600, 100)
    assert [throttle_delay(n) for n in range(5, 14)] == [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]
    assert throttle_delay(99) == 3600


def test_waits_are_enforced_and_grow(vault_factory, fake_clock, login):
    vault, _, password = vault_factory(clock=fake_clock)
    for n in range(1, 5):
        with pytest.raises(WrongPassword) as err:
            vault.login("zhanzhang", WRONG)
        assert err.value.wait_seconds is None, f"failure {n} is free"

    expected_waits = [30, 60, 120, 240, 480, 960, 1920, 3600, 3600]
    for n, wait in zip(range(5, 14), expected_waits):
        with pytest.raises(WrongPassword) as err:
            vault.login("zhanzhang", WRONG)
        assert err.value.wait_seconds == wait, f"failure {n}"
        assert f"{wait} 秒" in err.value.message

        # the next try — even with the right password — is refused until the wait is over
        with pytest.raises(AccountLocked) as err:
            vault.login("zhanzhang", password)
        assert err.value.wait_seconds == pytest.approx(wait)
        assert "等待" in err.value.message
        fake_clock.advance(wait - 1)
        with pytest.raises(AccountLocked) as err:
            vault.login("zhanzhang", password)
        assert err.value.wait_seconds == pytest.approx(1)
        assert keyring(vault)["accounts"]["zhanzhang"]["failures"] == n, "a refused try is not a failure"
        fake_clock.advance(1)

    # correct password after waiting: in, and the counter starts again from zero
    login(vault, "zhanzhang", password).close()
    assert keyring(vault)["accounts"]["zhanzhang"]["failures"] == 0
    with pytest.raises(WrongPassword) as err:
        vault.login("zhanzhang", WRONG)
    assert err.value.wait_seconds is None


def test_the_counter_survives_a_restart(vault_factory, fake_clock):
    vault, _, password = vault_factory(clock=fake_clock)
    for _ in range(5):
        with pytest.raises(WrongPassword):
            vault.login("zhanzhang", WRONG)

    restarted = Vault(vault.path, fake_clock)  # a new process reads the keyring afresh
    with pytest.raises(AccountLocked) as err:
        restarted.login("zhanzhang", password)
    assert err.value.wait_seconds == pytest.approx(30)
    fake_clock.advance(30)
    with pytest.raises(WrongPassword) as err:
        Vault(vault.path, fake_clock).login("zhanzhang", WRONG)
    assert err.value.wait_seconds == 60, "failure 6 after the restart"


def test_failure_100_locks_until_a_supervisor_unlocks(vault_factory, fake_clock, login, add_account):
    vault, _, password = vault_factory(clock=fake_clock)
    session = login(vault, "zhanzhang", password)
    worker_password = add_account(session, "shegong01", "social_worker")
    session.close()

    # 97 earlier failures (running all of them through Argon2 would take half a minute)
    set_account(vault, "shegong01", failures=97, next_try_at=0)
    for n in (98, 99):
        with pytest.raises(WrongPassword) as err:
            vault.login("shegong01", WRONG)
        assert not isinstance(err.value, AccountLocked) and err.value.wait_seconds == 3600, f"failure {n}"
        fake_clock.advance(3600)
    with pytest.raises(AccountLocked) as err:
        vault.login("shegong01", WRONG)
    assert err.value.wait_seconds is None and "站长" in err.value.message
    assert keyring(vault)["accounts"]["shegong01"]["locked"] is True

    fake_clock.advance(30 * 86400)  # waiting does not help
    with pytest.raises(AccountLocked):
        Vault(vault.path, fake_clock).login("shegong01", worker_password)

    session = login(vault, "zhanzhang", password)
    session.accounts.unlock("shegong01")
    entries = session.audit.entries(limit=20)
    session.close()
    assert any(e["action"] == "perm_change" and e["object_name"] == "shegong01" and e["detail"] == "unlock"
               for e in entries)
    fails = [e for e in entries if e["action"] == "login_fail" and e["actor_name"] == "shegong01"]
    assert [e["detail"] for e in reversed(fails)] == ["failures=98", "failures=99", "locked"]

    login(vault, "shegong01", worker_password).close()
    assert keyring(vault)["accounts"]["shegong01"]["failures"] == 0


def test_each_failure_is_audited_at_the_next_successful_login(vault_factory, fake_clock, login):
    vault, _, password = vault_factory(clock=fake_clock)
    for _ in range(3):
        with pytest.raises(WrongPassword):
            vault.login("zhanzhang", WRONG)
    ring = keyring(vault)
    assert [e["action"] for e in ring["pending_audit"]] == ["login_fail"] * 3
    assert WRONG not in json.dumps(ring, ensure_ascii=False), "the attempted password is never stored"

    session = login(vault, "zhanzhang", password)
    entries = session.audit.entries(limit=10)
    session.close()
    fails = [e for e in entries if e["action"] == "login_fail"]
    assert len(fails) == 3
    assert all((e["actor_name"], e["actor"], e["role"], e["result"]) == ("zhanzhang", staff_id(vault, "zhanzhang"),
                                                                     "supervisor", "denied") for e in fails)
    assert sorted(e["detail"] for e in fails) == ["failures=1", "failures=2", "failures=3"]
    assert not any(WRONG in json.dumps(e, ensure_ascii=False) for e in entries)
    # the queue is emptied once written, so nothing is audited twice
    assert keyring(vault)["pending_audit"] == []
    session = login(vault, "zhanzhang", password)
    assert len([e for e in session.audit.entries(limit=20) if e["action"] == "login_fail"]) == 3


def test_a_disabled_account_cannot_log_in(vault_factory, login, add_account):
    vault, _, password = vault_factory()
    session = login(vault, "zhanzhang", password)
    worker_password = add_account(session, "shegong01", "social_worker")
    session.accounts.set_disabled("shegong01", True)
    session.close()
    assert keyring(vault)["accounts"]["shegong01"]["keys"] == {}, "disabling deletes the key wraps"
    with pytest.raises(WrongPassword) as disabled:  # the message of a wrong password: tells an outsider nothing
        vault.login("shegong01", worker_password)
    assert str(disabled.value) == "账户名或密码不正确。请检查后重试（注意大写锁定）。"
    assert os.path.exists(vault.compartment_path("core"))


@pytest.mark.parametrize("name", ["nobody", "shegong01"], ids=["unknown", "disabled"])
def test_an_unknown_or_disabled_name_waits_and_locks_exactly_like_an_account(vault_factory, fake_clock, login,
                                                                           add_account, name):
    """The answers to a stream of wrong guesses tell an outsider nothing about which names exist:
    the same messages and waits for an account, a disabled one and a name that was never there."""
    vault, _, password = vault_factory(clock=fake_clock)
    s = login(vault, "zhanzhang", password)
    add_account(s, "shegong01", "social_worker")
    add_account(s, "shegong02", "social_worker")
    s.accounts.set_disabled("shegong01", True)
    s.close()

    def answers(account):
        out = []

        def attempt(password):
            try:
                vault.login(account, password)
            except WrongPassword as exc:
                out.append((type(exc).__name__, exc.message, exc.wait_seconds))

        for n in range(LOCK_AT + 1):
            attempt(f"{WRONG} {n}")
            if n in (6, 7):  # trying again during the wait is answered alike as well
                attempt(WRONG)
            fake_clock.advance(MAX_DELAY + 1)
        return out

    assert answers(name) == answers("shegong02")
    ring = json.dumps(keyring(vault), ensure_ascii=False)
    assert "nobody" not in ring, "an unknown name is kept only as a tag"


@pytest.mark.parametrize("name", ["zhanzhang", "nobody"])
def test_admin_verify_waits_and_locks_exactly_as_the_sign_in(vault_factory, fake_clock, name):
    """``admin verify`` asks for a password too: it is no way round the waits and the lock."""
    from victimcare.security.audit_check import check_before_sign_in
    vault, _, password = vault_factory(clock=fake_clock)
    for attempt in range(FREE_ATTEMPTS):
        with pytest.raises(WrongPassword):
            check_before_sign_in(vault, name, f"{WRONG} {attempt}")
    failures = keyring(vault)
    with pytest.raises(AccountLocked, match="请等待"):
        check_before_sign_in(vault, name, password)  # even the right password waits, and is not counted
    assert keyring(vault) == failures
    set_account(vault, "zhanzhang", locked=True)
    if name == "zhanzhang":
        fake_clock.advance(MAX_DELAY + 1)
        with pytest.raises(AccountLocked, match="已锁定"):
            check_before_sign_in(vault, name, password)


def test_a_mistyped_name_is_kept_only_under_a_costly_tag(vault_factory):
    """Someone types a person's name into the account field: the keyring keeps its failure count under a
    memory-hard tag of the name, not a hash that a list of names could be checked against quickly."""
    import hashlib
    from victimcare.security.keyring import name_tag
    vault, _, _ = vault_factory()
    name = "王小明测试"
    with pytest.raises(WrongPassword):
        vault.login(name, WRONG)
    ghosts = keyring(vault)["ghosts"]
    vault_id = keyring(vault)["vault_id"]
    assert list(ghosts) == [name_tag(vault_id, name)]
    assert hashlib.sha256(f"{vault_id}|{name}".encode()).hexdigest()[:32] not in ghosts
    assert name not in json.dumps(keyring(vault), ensure_ascii=False)
