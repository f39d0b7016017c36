"""R22/R24: one deny-by-default permission matrix, enforced by the services, every denial audited."""

import json
import re
import shutil

import pytest

from support import SignedIn, skip_first_password_change

from victimcare.core.errors import PermissionDenied
from victimcare.security.permissions import MATRIX, NAVIGATION, Op, Role, allowed, navigation_for, require
from victimcare.security.vault import Vault

ALL_OPS = {
    "account.manage", "audit.view", "vault.verify", "vault.backup", "settings.edit", "case.create", "case.view",
    "case.edit", "case.view_sensitive", "case.edit_sensitive", "case.approve", "case.import", "case.export",
    "school.refer", "school.view", "school.edit", "school.export", "deadlines.view", "stats.view",
    "print.case", "print.blank",
}
# PRODUCT.md §1, written out by hand: a change to the matrix must change this table too.
EXPECTED = {
    "supervisor": ALL_OPS,
    "social_worker": ALL_OPS - {"account.manage", "audit.view", "vault.verify", "vault.backup", "settings.edit",
                                "case.approve", "case.import", "case.export", "stats.view"},
    "education_officer": {"school.view", "school.edit", "school.export", "deadlines.view", "print.case",
                          "print.blank"},
    "auditor": {"audit.view", "vault.verify", "stats.view"},
}
NAVIGATION_EXPECTED = {
    "supervisor": ["home", "cases", "school", "reports", "audit", "settings"],
    "social_worker": ["home", "cases", "school"],
    "education_officer": ["home", "school"],
    "auditor": ["reports", "audit"],
}
ACCOUNT_OF = {"supervisor": "zhanzhang", "social_worker": "shegong01", "education_officer": "jiaoyu01",
              "auditor": "shenji01"}
STAFF_PASSWORD = "绿色山谷里 有一条 river-31415"
NEW_PASSWORD = "另一句 reset 的话语 for the worker"


def test_the_matrix_covers_exactly_the_known_operations():
    assert {op.value for op in Op} == ALL_OPS
    assert set(MATRIX) == set(Op), "every operation has a row: nothing is allowed by default"
    assert {r.value for r in Role} == set(EXPECTED)


@pytest.mark.parametrize("op", sorted(Op, key=str), ids=str)
@pytest.mark.parametrize("role", list(Role), ids=str)
def test_allowed_matches_the_product_table(role, op):
    expected = op.value in EXPECTED[role.value]
    assert allowed(role, op) is expected
    assert allowed(role.value, op) is expected
    if expected:
        require(role, op)
    else:
        with pytest.raises(PermissionDenied) as err:
            require(role, op)
        assert "无权" in err.value.message and re.search(r"[\u4e00-\u9fff]{4}", err.value.message)


def test_separation_of_duties():
    """R24: the auditor reads the audit log but edits nothing; nobody but the supervisor manages accounts."""
    assert allowed(Role.AUDITOR, Op.AUDIT_VIEW)
    assert not any(allowed(Role.AUDITOR, op) for op in Op if op.value.startswith(("case.", "school.")))
    assert not allowed(Role.AUDITOR, Op.SETTINGS_EDIT) and not allowed(Role.AUDITOR, Op.ACCOUNT_MANAGE)
    assert [r for r in Role if allowed(r, Op.ACCOUNT_MANAGE)] == [Role.SUPERVISOR]
    assert not allowed(Role.EDUCATION_OFFICER, Op.CASE_VIEW_SENSITIVE)
    assert not allowed(Role.EDUCATION_OFFICER, Op.CASE_VIEW)


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_navigation_per_role(role):
    assert navigation_for(role) == NAVIGATION_EXPECTED[role.value]
    assert [section for section, _ in NAVIGATION] == NAVIGATION_EXPECTED["supervisor"]


# -- the services enforce it ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def staffed_template(tmp_path_factory, vault_copier):
    vault, _, password = vault_copier(tmp_path_factory.mktemp("perm") / "vault")
    session = SignedIn(vault.login("zhanzhang", password))
    try:
        for role, account in ACCOUNT_OF.items():
            if role != "supervisor":
                session.accounts.create(account, role, STAFF_PASSWORD)
    finally:
        session.close()
    skip_first_password_change(vault, *(a for r, a in ACCOUNT_OF.items() if r != "supervisor"), password=password)
    return vault.path, {"zhanzhang": password, **{a: STAFF_PASSWORD for a in ACCOUNT_OF.values() if a != "zhanzhang"}}


SERVICE_CALLS = [
    ("accounts.list", Op.ACCOUNT_MANAGE, lambda s: s.accounts.list()),
    ("accounts.create", Op.ACCOUNT_MANAGE, lambda s: s.accounts.create("xinren01", "auditor", STAFF_PASSWORD)),
    ("accounts.reset", Op.ACCOUNT_MANAGE, lambda s: s.accounts.reset_password("xinren01", NEW_PASSWORD)),
    ("accounts.unlock", Op.ACCOUNT_MANAGE, lambda s: s.accounts.unlock("xinren01")),
    ("accounts.disable", Op.ACCOUNT_MANAGE, lambda s: s.accounts.set_disabled("xinren01", True)),
    ("audit.entries", Op.AUDIT_VIEW, lambda s: s.audit.entries(limit=5)),
    ("audit.verify", Op.VAULT_VERIFY, lambda s: s.integrity.verify()),
]


@pytest.mark.parametrize("role", list(Role), ids=str)
def test_services_allow_or_deny_and_audit_each_denial(staffed_template, tmp_path, role):
    template, passwords = staffed_template
    path = shutil.copytree(template, tmp_path / "vault")
    if role is not Role.SUPERVISOR:  # the target account of the account calls, made by the supervisor
        s = SignedIn(Vault(path).login("zhanzhang", passwords["zhanzhang"]))
        s.accounts.create("xinren01", "auditor", STAFF_PASSWORD)
        s.close()
    account = ACCOUNT_OF[role.value]
    session = SignedIn(Vault(path).login(account, passwords[account]))
    try:
        def last_entry():
            return session.owner.call(session.audit_log.entries, limit=1)[0]

        for label, op, call in SERVICE_CALLS:
            keyring_before = (path / "keyring.json").read_bytes()
            head_before = session.owner.call(session.audit_log.head)[0]
            if op.value in EXPECTED[role.value]:
                call(session)
                continue
            with pytest.raises(PermissionDenied) as err:
                call(session)
            assert "无权" in err.value.message, label
            assert (path / "keyring.json").read_bytes() == keyring_before, f"{label} changed the keyring"
            assert session.owner.call(session.audit_log.head)[0] == head_before + 1, f"{label}: exactly one audit row"
            entry = last_entry()
            assert (entry["action"], entry["object_type"], entry["object_id"], entry["result"]) == \
                ("view", "operation", op.value, "denied"), label
            assert (entry["actor"], entry["role"]) == (session.staff_id, role.value)

        # and the gate every future service calls (a medical view as education staff, R22)
        for op in Op:
            head_before = session.owner.call(session.audit_log.head)[0]
            if op.value in EXPECTED[role.value]:
                session.require(op)
                assert session.owner.call(session.audit_log.head)[0] == head_before
            else:
                with pytest.raises(PermissionDenied):
                    session.require(op)
                entry = last_entry()
                assert (entry["object_id"], entry["result"], entry["actor"]) == (op.value, "denied", session.staff_id)
    finally:
        session.close()

    if role is Role.SUPERVISOR:  # the allowed calls did their work
        ring = json.loads((path / "keyring.json").read_text("utf-8"))
        assert ring["accounts"]["xinren01"]["role"] == "auditor"
        assert ring["accounts"]["xinren01"]["disabled"] is True and ring["accounts"]["xinren01"]["keys"] == {}
