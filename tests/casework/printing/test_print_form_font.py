"""The station's form font reaches the printed forms: chosen 仿宋/黑体 and installed (a stand-in Windows
fonts folder), a form prints with them; back on the bundled fonts, it prints without."""

import io
import os

import pytest
from pypdf import PdfReader

import form_bundles as fb
from victimcare.core.resources import resource_path
from victimcare.forms import official_fonts
from victimcare.forms.fonts import use_official_fonts


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.fixture
def windows_fonts(tmp_path, monkeypatch):
    for name in ("simfang.ttf", "simhei.ttf"):  # stand-ins: the bundled HanaMinA under the official names
        os.symlink(resource_path("fonts", "HanaMinA.ttf"), tmp_path / name)
    monkeypatch.setattr(official_fonts, "system_fonts_folder", lambda: tmp_path)
    yield tmp_path
    use_official_fonts(False)


def test_the_chosen_official_fonts_print_and_the_bundled_ones_come_back(windows_fonts, vault_factory, login):
    vault, _code, password = vault_factory()
    s = login(vault, password=password)
    case_id = fb.make_case(s)
    s.settings.set_form_font("official")
    official = font_names(s.printing.render_form(case_id, "F1", "archive").pdf)
    s.settings.set_form_font("bundled")
    bundled = font_names(s.printing.render_form(case_id, "F1", "archive").pdf)
    # the stand-in 仿宋 is HanaMinA, which the bundled chain does not need for this case (its rare name
    # is Ext-B, drawn by HanaMinB): so HanaMinA in the PDF means the official font was used
    assert "HanaMinA" in official and "HanaMinA" not in bundled, (official, bundled)
