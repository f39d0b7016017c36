"""Neutral metadata, AES-256 encryption and private writes (victimcare.forms.pdfout)."""

import io
import os
import shutil
import stat
import subprocess

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.errors import FileNotDecryptedError
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

from victimcare.forms import pdfout
from victimcare.forms.fonts import BODY, draw_string, register_fonts
from victimcare.forms.pdfout import (NEUTRAL_INFO_KEYS, encrypt_pdf, neutral_canvas_metadata,
                                     neutral_metadata, write_private_file)

PASSWORD = "春眠不觉晓-2026"
CANARY = "CANARY王小明"


def plain_pdf() -> bytes:
    register_fonts()  # before the Canvas: its initial font must already exist
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=BODY)
    canvas.setTitle(CANARY)  # a careless caller: encrypt_pdf must still blank it
    canvas.setAuthor(CANARY)
    draw_string(canvas, 72, 720, "个案 2026-0001 内容", 12)
    canvas.save()
    return buf.getvalue()


def test_encrypt_pdf_uses_aes_256_r6():
    enc = encrypt_pdf(plain_pdf(), PASSWORD)
    assert b"/V 5" in enc and b"/R 6" in enc and b"/AESV3" in enc
    assert CANARY.encode() not in enc and "个案".encode("utf-16-be") not in enc


def test_encrypted_pdf_opens_only_with_the_password():
    enc = encrypt_pdf(plain_pdf(), PASSWORD)
    locked = PdfReader(io.BytesIO(enc))
    assert locked.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        locked.pages[0].extract_text()
    assert not PdfReader(io.BytesIO(enc)).decrypt("wrong password")

    reader = PdfReader(io.BytesIO(enc))
    assert reader.decrypt(PASSWORD)
    assert "个案2026-0001内容" in "".join(reader.pages[0].extract_text().split())
    meta = reader.metadata
    assert all(meta[key] == "" for key in NEUTRAL_INFO_KEYS)  # not even pypdf's "pypdf"
    assert set(meta) <= {*NEUTRAL_INFO_KEYS, "/CreationDate", "/ModDate"}


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_poppler_agrees(tmp_path):
    path = tmp_path / "enc.pdf"
    path.write_bytes(encrypt_pdf(plain_pdf(), PASSWORD))
    ok = subprocess.run(["pdftotext", "-upw", PASSWORD, str(path), "-"], capture_output=True)
    assert ok.returncode == 0 and "个案" in ok.stdout.decode()
    assert subprocess.run(["pdftotext", str(path), "-"], capture_output=True).returncode != 0


def test_owner_password_is_random_each_time():
    def owner_hash(pdf: bytes) -> object:
        return PdfReader(io.BytesIO(pdf)).trailer["/Encrypt"].get_object()["/O"]

    pdf = plain_pdf()
    assert owner_hash(encrypt_pdf(pdf, PASSWORD)) != owner_hash(encrypt_pdf(pdf, PASSWORD))


def test_empty_password_and_invariant_mode_are_refused(monkeypatch):
    with pytest.raises(ValueError):
        encrypt_pdf(plain_pdf(), "")
    monkeypatch.setattr(rl_config, "invariant", 1)
    with pytest.raises(RuntimeError):
        encrypt_pdf(plain_pdf(), PASSWORD)


def test_neutral_metadata_on_writer_and_canvas():
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(plain_pdf())))
    writer.add_metadata({"/Custom": CANARY})
    neutral_metadata(writer)
    out = io.BytesIO()
    writer.write(out)
    meta = PdfReader(io.BytesIO(out.getvalue())).metadata
    assert all(meta[key] == "" for key in NEUTRAL_INFO_KEYS)
    assert "/Custom" not in meta

    register_fonts()
    buf = io.BytesIO()
    canvas = Canvas(buf, initialFontName=BODY)
    neutral_canvas_metadata(canvas)
    canvas.save()
    meta = PdfReader(io.BytesIO(buf.getvalue())).metadata
    assert all(meta[key] == "" for key in NEUTRAL_INFO_KEYS)


def test_rl_invariant_is_off():
    assert rl_config.invariant == 0


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_write_private_file_is_0600(tmp_path):
    target = tmp_path / "case-2026-0001.pdf"
    write_private_file(target, b"%PDF-1.4 data")
    assert target.read_bytes() == b"%PDF-1.4 data"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_write_private_file_replaces_atomically(tmp_path, monkeypatch):
    tmp_path = tmp_path / "out"  # a folder of its own: other fixtures put their folders in tmp_path
    tmp_path.mkdir()
    target = tmp_path / "case.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["case.pdf"]  # no temp file left behind

    # A failure before the rename leaves the old file whole and no temp file behind.
    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_private_file(target, b"newer")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["case.pdf"]


def test_write_private_file_is_exported():
    assert "write_private_file" in pdfout.__all__
