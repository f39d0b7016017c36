"""A malformed keyring never crashes the sign-in (issue 11, item 2): random byte edits, truncation,
wrong JSON types and deleted keys give a clear Chinese refusal — at the service level the GUI's sign-in
uses, and on the command line — never a traceback or an AssertionError."""

import json
import os
import random
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support import PASSWORD, SUPERVISOR
from victimcare.core.errors import UserError
from victimcare.security.keyring import KEYRING_FILE
from victimcare.security.vault import Vault
from victimcare.services import sign_in


@pytest.fixture(scope="module")
def fuzz_vault(tmp_path_factory, vault_copier):
    vault, _, _ = vault_copier(tmp_path_factory.mktemp("fuzz") / "vault")
    return vault.path, (vault.path / KEYRING_FILE).read_bytes()


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


def try_sign_in(path) -> str:
    """'' when the sign-in worked, else the refusal's message; any other exception fails the test."""
    try:
        services = sign_in(Vault(path), SUPERVISOR, PASSWORD)
    except UserError as exc:
        assert _has_chinese(str(exc)) and "Traceback" not in str(exc)
        return str(exc)
    services.close()
    return ""


def _paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _paths(value, prefix + (i,))


def _replace(data, path, value, delete):
    if not path:
        return value
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    if delete and isinstance(parent, dict):
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return data


WRONG_TYPES = st.one_of(st.none(), st.booleans(), st.integers(-2**70, 2**70), st.floats(allow_nan=True),
                        st.text(max_size=20), st.lists(st.integers(), max_size=3),
                        st.dictionaries(st.text(max_size=5), st.integers(), max_size=2))


def _restore(path, original):
    (path / KEYRING_FILE).write_bytes(original)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_byte_edits_and_truncation_are_refused_plainly(fuzz_vault, data):
    path, original = fuzz_vault
    raw = bytearray(original)
    if data.draw(st.booleans(), label="truncate"):
        raw = raw[:data.draw(st.integers(0, len(raw) - 1), label="length")]
    else:
        for _ in range(data.draw(st.integers(1, 8), label="edits")):
            raw[data.draw(st.integers(0, len(raw) - 1))] = data.draw(st.integers(0, 255))
    (path / KEYRING_FILE).write_bytes(bytes(raw))
    try:
        message = try_sign_in(path)
        if bytes(raw) != original and not message:
            # only an edit of what a failed sign-in writes (counters, queued events) or of JSON layout
            # (whitespace) leaves the MAC valid
            edited = json.loads(bytes(raw))
            assert edited.get("mac") == json.loads(original)["mac"]
    finally:
        _restore(path, original)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_wrong_types_and_deleted_keys_are_refused_plainly(fuzz_vault, data):
    path, original = fuzz_vault
    tree = json.loads(original)
    target = data.draw(st.sampled_from(list(_paths(tree))), label="path")
    delete = data.draw(st.booleans(), label="delete")
    edited = _replace(tree, target, data.draw(WRONG_TYPES, label="value"), delete)
    (path / KEYRING_FILE).write_text(json.dumps(edited), encoding="utf-8")
    try:
        try_sign_in(path)
    finally:
        _restore(path, original)


def test_a_keyring_that_nests_too_deep_is_refused(fuzz_vault):
    path, original = fuzz_vault
    (path / KEYRING_FILE).write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    try:
        assert "损坏" in try_sign_in(path)
    finally:
        _restore(path, original)


def _cli(vault, home):
    env = {**os.environ, "VICTIMCARE_HOME": str(home), "TMPDIR": str(home), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "victimcare", "admin", "accounts", "list", "--vault", str(vault),
                           "--user", SUPERVISOR, "--password-stdin"], input=PASSWORD + "\n", capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=120)


def test_the_command_line_refuses_malformed_keyrings_plainly(fuzz_vault, tmp_path):
    path, original = fuzz_vault
    rng = random.Random(11)
    tree = json.loads(original)
    variants = [original[: len(original) // 2], b"", b"\xff\xfe garbage", b"[]", b'{"format": 1}']
    for _ in range(4):
        raw = bytearray(original)
        raw[rng.randrange(len(raw))] = rng.randrange(256)
        variants.append(bytes(raw))
    for key in ("accounts", "kdf_template", "vault_id", "mac"):
        variants.append(json.dumps({k: v for k, v in tree.items() if k != key}).encode())
    variants.append(json.dumps({**tree, "accounts": {SUPERVISOR: "x"}}).encode())
    variants.append(json.dumps({**tree, "pending_audit": [{"action": "bogus"}]}).encode())
    try:
        for raw in variants:
            (path / KEYRING_FILE).write_bytes(raw)
            proc = _cli(path, tmp_path)
            assert "Traceback" not in proc.stderr + proc.stdout, raw[:80]
            if proc.returncode != 0:
                assert _has_chinese(proc.stderr), (raw[:80], proc.stderr)
    finally:
        _restore(path, original)


EVERY_WRONG_TYPE = (None, True, -1, 2**70, 1.5, float("nan"), "", "x", [], [1], {}, {"a": 1})


def test_every_field_with_every_wrong_type_is_refused_plainly(fuzz_vault):
    """Exhaustive beside the random one above: each field of the keyring, deleted or set to each kind of
    wrong value (a list as a role once crashed the shape check with an unhashable-type TypeError)."""
    path, original = fuzz_vault
    tree = json.loads(original)
    for target in list(_paths(tree)):
        for value, delete in [(v, False) for v in EVERY_WRONG_TYPE] + [(None, True)]:
            if not target and delete:
                continue
            edited = _replace(json.loads(original), target, value, delete)
            (path / KEYRING_FILE).write_text(json.dumps(edited), encoding="utf-8")
            try:
                try_sign_in(path)
            except Exception as exc:  # noqa: BLE001 — name the field that crashed it
                raise AssertionError(f"{target} = {value!r} (delete={delete}): {exc!r}") from exc
            finally:
                _restore(path, original)
