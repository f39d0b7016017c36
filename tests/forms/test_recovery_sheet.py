"""The printed recovery sheet (victimcare.forms.recovery_sheet)."""

import io
import shutil
import subprocess
import tempfile
from datetime import datetime

import pytest
from pypdf import PdfReader
from reportlab import rl_config

from victimcare.forms.recovery_sheet import TITLE, render_recovery_sheet

STATION = "云南省\U00020BB7县反拐救助站"  # 𠮷: Ext-B, outside the BMP
CODE = "K7QX-9M2P-WB4T-R8NZ-3HJC-F6VD-YL5G-A2ES"

needs_poppler = pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils missing")


def render(**overrides) -> bytes:
    args = dict(station_name=STATION, vault_id="3f2a9c1e-7b44-4d0e-9a61-0c5e2b8f7d10",
                created_at=datetime(2026, 11, 28, 20, 15), supervisor_account="zhang.wei",
                recovery_code=CODE)
    args.update(overrides)
    return render_recovery_sheet(**args)


def squeezed(text: str) -> str:
    return "".join(text.split())


@pytest.fixture(scope="module")
def sheet() -> bytes:
    return render()


def page_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_one_page_with_title_station_code_and_fields(sheet):
    reader = PdfReader(io.BytesIO(sheet))
    assert len(reader.pages) == 1
    assert not reader.is_encrypted  # printed and sealed, not saved
    text = page_text(sheet)
    assert "数据库恢复凭证" in text and squeezed(TITLE) in squeezed(text)
    assert STATION in text  # including 𠮷: the ToUnicode fix makes non-BMP text extract
    for label in ("机构名称", "保险库标识", "创建时间", "主管账户", "保管人"):
        assert label in text
    assert "2026年11月28日 20:15" in text
    assert "victimcare admin recover --user 账户名" in text
    groups = CODE.split("-")
    assert squeezed(CODE.replace("-", "")) in squeezed(text)
    assert all(g in text for g in groups)


def test_metadata_is_neutral(sheet):
    meta = PdfReader(io.BytesIO(sheet)).metadata
    for key in ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer"):
        assert meta.get(key, "") == ""
    assert not any("救助站" in str(v) or "\U00020BB7" in str(v) for v in meta.values())


def test_fonts_are_embedded_and_no_helvetica_pypdf(sheet):
    for font in PdfReader(io.BytesIO(sheet)).pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        assert "Helvetica" not in str(font["/BaseFont"])
        assert "/FontFile2" in font["/FontDescriptor"].get_object()


@needs_poppler
def test_pdffonts_all_embedded_no_helvetica(sheet, tmp_path):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(sheet)
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows, out
    assert "Helvetica" not in out
    for row in rows:
        # columns: name type encoding emb sub uni object-id gen; read from the right end
        emb, sub, uni = row.split()[-5:-2]
        assert (emb, sub, uni) == ("yes", "yes", "yes"), row
    assert any("HanaMinB" in row for row in rows)  # the 𠮷 really came from the fallback font


@needs_poppler
def test_renders_to_png(sheet, tmp_path):
    path = tmp_path / "sheet.pdf"
    path.write_bytes(sheet)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(path), str(tmp_path / "page")],
                   check=True, capture_output=True)
    pngs = list(tmp_path.glob("page*.png"))
    assert len(pngs) == 1
    assert pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_code_without_separators_is_grouped_by_four_and_long_input_stays_one_page():
    code = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789ABCDEFGHJKLMNPQRSTUV"  # 13 groups
    long_station = "某某省某某市某某县人民政府民政局反拐卖妇女儿童受害人临时救助与心理康复服务中心" + STATION
    pdf = render(recovery_code=code, station_name=long_station)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1
    text = page_text(pdf)
    assert "ABCD" in text and "STUV" in text
    assert code in squeezed(text)
    assert "共 13 组" in text


def test_unmapped_character_prints_a_placeholder():
    text = page_text(render(station_name="测试站\U0010FFFD"))
    assert "测试站□" in text


def test_user_text_is_not_markup():
    text = page_text(render(station_name="<b>站</b> & <font name='Helvetica'>x</font>"))
    assert "<b>站</b> & <font name='Helvetica'>x</font>" in text


def test_empty_code_is_refused():
    with pytest.raises(ValueError):
        render(recovery_code=" - ")


def test_nothing_touches_the_temp_dir_and_invariant_stays_off(tmp_path, monkeypatch):
    watched = tmp_path / "tmp"
    watched.mkdir()
    monkeypatch.setenv("TMPDIR", str(watched))
    monkeypatch.setattr(tempfile, "tempdir", str(watched))
    render()
    assert list(watched.iterdir()) == []
    assert rl_config.invariant == 0
