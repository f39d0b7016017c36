"""Saving a rendered PDF: file names that carry the case number and never a name, an optional AES-256
password (pypdf, ``forms.pdfout.encrypt_pdf``), neutral metadata, an atomic owner-only write
(``core.fsutil.write_private_file``: a random ``.tmp-`` name in the target folder, fsync, rename).
The PDF is never written anywhere in plaintext before that: it was rendered in memory.
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

from pypdf import PdfReader, PdfWriter

from victimcare.core.errors import UserError, ValidationError
from victimcare.forms.pdfout import encrypt_pdf, neutral_metadata, write_private_file

MIN_PASSWORD = 6
MAX_PASSWORD = 128
_SAFE = re.compile(r"[^0-9A-Za-z._-]")
DOSSIER = "专门档案"
PROFILE_WORDS = {"archive": "存档", "school": "学校", "court": "法院", "family": "家属"}


def file_name(case_no: str, profile: str, what: str = DOSSIER) -> str:
    """The suggested file name: ``专门档案_<case_no>_<用途>.pdf`` (or the form's code instead of
    专门档案). Only the case number, the form code and the profile: a file name ends up in "recent files"."""
    safe_no = _SAFE.sub("_", case_no or "") or "空白"
    safe_what = what if what == DOSSIER else _SAFE.sub("_", what)
    return f"{safe_what}_{safe_no}_{PROFILE_WORDS.get(profile, _SAFE.sub('_', profile))}.pdf"


def blank_file_name(code: str) -> str:
    return f"{_SAFE.sub('_', code)}_空白表.pdf"


def check_password(password: str | None) -> str | None:
    """None / '' = no password; else the password, or a refusal in plain Chinese."""
    if password in (None, ""):
        return None
    if not isinstance(password, str) or not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise ValidationError("password", f"文件密码须为 {MIN_PASSWORD} 到 {MAX_PASSWORD} 个字符。")
    return password


def sealed(pdf: bytes, password: str | None) -> bytes:
    """What goes to disk: encrypted with AES-256 (R6) when a password is given, metadata neutral either way."""
    if password:
        return encrypt_pdf(pdf, password)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    neutral_metadata(writer)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def save(pdf: bytes, path, password: str | None = None) -> tuple[Path, str]:
    """Write ``pdf`` to ``path`` (atomic, 0600); returns the path and the SHA-256 of the bytes written."""
    password = check_password(password)
    path = Path(path)
    if path.is_dir():
        raise UserError("请给出要保存的文件名，而不是文件夹。")
    if not path.parent.is_dir():
        raise UserError("要保存到的文件夹不存在。请先建好文件夹或换一个位置。")
    data = sealed(pdf, password)
    write_private_file(path, data)
    return path, hashlib.sha256(data).hexdigest()
