"""The station's form font: bundled, or the official Windows fonts where installed (supervisor)."""

import sqlite3

import pytest

from victimcare.casework.settings import apply_form_font
from victimcare.core.errors import PermissionDenied, ValidationError, VaultError
from victimcare.forms import fonts
from victimcare.security.permissions import Role


@pytest.fixture(autouse=True)
def bundled_afterwards():
    yield
    fonts.use_official_fonts(False)


def test_choice_is_stored_audited_and_applied(vault_factory, login, monkeypatch, tmp_path):
    vault, _code, password = vault_factory()
    s = login(vault, password=password)
    assert s.settings.form_font() == "bundled"
    # This machine has no Windows fonts: official is stored, the bundled fonts stay in use.
    assert s.settings.set_form_font("official") is False
    assert s.settings.form_font() == "official"
    assert fonts.body_font() == fonts.BODY
    entry = next(e for e in s.audit.entries() if e["object_id"] == "form_font")
    assert entry["action"] == "update" and entry["object_type"] == "settings"

    # With the fonts installed (a fake folder), applying the setting switches the forms to them.
    (tmp_path / "simsun.ttc").symlink_to(fonts.resource_path("fonts", "wqy-microhei.ttc"))
    real = fonts.find_official_fonts
    monkeypatch.setattr(fonts, "find_official_fonts", lambda folder=None: real(tmp_path))
    assert s.settings.set_form_font("official") is True
    assert fonts.body_font() == "VC-SimSun"
    assert s.settings.set_form_font("bundled") is False
    assert fonts.body_font() == fonts.BODY


def test_bad_choice_is_refused_and_changes_nothing(vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, password=password)
    with pytest.raises(ValidationError) as err:
        s.settings.set_form_font("comic sans")
    assert "表格字体" in err.value.message
    assert s.settings.form_font() == "bundled"


def test_damaged_value_is_an_error_not_a_silent_default():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('form_font', 'garbage')")
    with pytest.raises(VaultError) as err:
        apply_form_font(conn)
    assert "表格字体" in err.value.message
    assert fonts.body_font() == fonts.BODY


def test_only_the_supervisor_chooses_the_form_font(vault_factory, login, add_account):
    vault, _code, password = vault_factory()
    boss = login(vault, password=password)
    other = add_account(boss, "shegong", Role.SOCIAL_WORKER)
    worker = login(vault, "shegong", other)
    with pytest.raises(PermissionDenied):
        worker.settings.set_form_font("official")
