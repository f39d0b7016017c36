"""The catalog of forms (casework/printing/catalog.py): every form F1–F16 renders filled from a bundle
built through the real services and blank; every font is embedded; no "None" anywhere; 编号 shows the
case number; neutral metadata; nothing written to the temp folder; the dossier order of §2."""

import io
import os
import shutil
import tempfile
from datetime import datetime

import pytest
from pypdf import PdfReader

from form_bundles import STATION_NAME, poppler_text, pypdf_pages, shared_bundles, unembedded_fonts
from victimcare.casework.printing import catalog
from victimcare.core.errors import UserError
from victimcare.forms.kit import FormContext

CODES = [spec.code for spec in catalog.FORMS]
CTX = FormContext(station="空白表机构", user="zhanzhang", printed_at=datetime(2026, 12, 2, 10, 0),
                  watermark="内部资料 注意保密 zhanzhang 2026年12月2日")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


@pytest.fixture
def bundles(vault_factory, login, fake_clock):
    return shared_bundles(vault_factory, login, fake_clock)


def bundle_for(code, bundles):
    return bundles["adult"] if code in ("F12", "F13") else bundles["child"]


def test_the_catalog_lists_f1_to_f16_once_in_dossier_order():
    assert sorted(CODES, key=lambda c: int(c[1:])) == [f"F{n}" for n in range(1, 17)]
    dossier = [spec.code for spec in catalog.FORMS if spec.in_dossier]
    assert dossier == ["F1", "F2", "F3", "F4", "F6", "F5", "F7", "F8", "F9", "F11", "F12", "F13", "F14", "F15",
                       "F16"]
    assert all(spec.title and spec.step for spec in catalog.FORMS)
    assert [s.code for s in catalog.forms_of_step("intake")] == ["F1", "F2", "F14"]


@pytest.mark.parametrize("code", CODES)
def test_each_form_renders_filled(code, bundles):
    bundle = bundle_for(code, bundles)
    pdf = catalog.render_form(code, bundle, CTX)
    pages = pypdf_pages(pdf)
    text = "".join(pages)
    assert pdf.startswith(b"%PDF") and pages
    assert catalog.form(code).title in text.replace("\n", "")
    assert "None" not in text
    assert STATION_NAME in text, "机构名称 comes from the bundle's station"
    if code != "F10":  # the county ledger is dated, not numbered by one case
        assert f"编号：{bundle['case']['case_no']}" in text
    assert unembedded_fonts(pdf) == []
    meta = PdfReader(io.BytesIO(pdf)).metadata
    assert all(meta.get(k, "") == "" for k in ("/Title", "/Author", "/Subject", "/Keywords", "/Creator",
                                                "/Producer"))


@pytest.mark.parametrize("code", CODES)
def test_each_form_renders_blank(code):
    pdf = catalog.render_form(code, None, CTX)
    text = "".join(pypdf_pages(pdf))
    assert catalog.form(code).title in text.replace("\n", "")
    assert "None" not in text
    assert "空白表机构" in text or code == "F11"  # 发函单位 too
    assert "TS-" not in text
    assert unembedded_fonts(pdf) == []


@needs_poppler
@pytest.mark.parametrize("code", CODES)
def test_poppler_finds_no_none_either(code, bundles):
    assert "None" not in poppler_text(catalog.render_form(code, bundle_for(code, bundles), CTX))
    assert "None" not in poppler_text(catalog.render_form(code, None, CTX))


@pytest.mark.parametrize("code", catalog.BLANK_FOR_ROUNDS)
def test_the_rural_round_sheets_print_without_a_case(code):
    pages = pypdf_pages(catalog.render_form(code, None, FormContext(station="测试县救助站")))
    assert "测试县救助站" in pages[0]
    assert "签字" in pages[-1]


def test_has_data_follows_the_records(bundles):
    child, adult = bundles["child"], bundles["adult"]
    for code in ("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F11", "F14", "F15", "F16"):
        assert catalog.has_data(code, child), code
    assert not catalog.has_data("F12", child) and not catalog.has_data("F13", child)
    assert catalog.has_data("F12", adult) and catalog.has_data("F13", adult)
    for code in ("F2", "F3", "F9", "F14", "F15", "F16"):
        assert not catalog.has_data(code, adult), code
    assert not catalog.has_data("F10", child), "the county ledger is not part of one case's dossier"
    assert not catalog.has_data("F1", None)


def test_a_profile_that_dropped_whole_keys_still_renders(bundles):
    bundle = bundles["child"]
    for key in ("sensitive", "records", "school", "closure", "approvals"):
        bundle.pop(key)
    for code in CODES:
        text = "".join(pypdf_pages(catalog.render_form(code, bundle, CTX)))
        assert "None" not in text
        assert "在汽车站候车室被发现" not in text  # the sensitive part is gone, so it cannot print


def test_an_unknown_form_is_a_clear_message():
    with pytest.raises(UserError) as err:
        catalog.render_form("F99", None, CTX)
    assert "F99" in str(err.value) and "F1" in str(err.value)


def test_rendering_writes_nothing_to_the_temp_folder(bundles, tmp_path, monkeypatch):
    spy = tmp_path / "tmp-spy"
    spy.mkdir()
    monkeypatch.setenv("TMPDIR", str(spy))
    monkeypatch.setattr(tempfile, "tempdir", str(spy))
    for code in CODES:
        catalog.render_form(code, bundle_for(code, bundles), CTX)
        catalog.render_form(code, None, CTX)
    assert os.listdir(spy) == []
