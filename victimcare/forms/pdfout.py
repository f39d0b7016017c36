"""What happens to every PDF after reportlab draws it: neutral metadata, AES-256, private write.

Security requirements 36-38: render into memory, encrypt with pypdf AES-256 (R6) under a random
owner password (never reportlab's own ``encrypt``), keep Title/Author/Subject/Keywords/Creator/
Producer blank (a file's properties must not name the victim or the station), and never leave a
plaintext copy in a temp directory. No Qt here.
"""

from __future__ import annotations

import io
import secrets

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, create_string_object
from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas

# One implementation of "temp file 0600 in the target dir, fsync, os.replace, fsync dir" for
# the whole app; exported here so PDF callers have a single import.
from victimcare.core.fsutil import write_private_file

__all__ = ["NEUTRAL_DOC_KWARGS", "NEUTRAL_INFO_KEYS", "encrypt_pdf", "neutral_canvas_metadata",
           "neutral_metadata", "write_private_file"]

NEUTRAL_INFO_KEYS = ("/Title", "/Author", "/Subject", "/Keywords", "/Creator", "/Producer")
_KEPT_INFO_KEYS = ("/CreationDate", "/ModDate")

# Pass to BaseDocTemplate/SimpleDocTemplate. An empty string is kept as is; None would bring
# back reportlab's defaults ("untitled", "anonymous", "ReportLab PDF Library ...").
NEUTRAL_DOC_KWARGS: dict[str, str] = {
    "title": "", "author": "", "subject": "", "keywords": "", "creator": "", "producer": "",
}


def neutral_canvas_metadata(canvas: Canvas) -> None:
    """Blank the info fields of a bare reportlab Canvas (doc templates take NEUTRAL_DOC_KWARGS)."""
    canvas.setTitle("")
    canvas.setAuthor("")
    canvas.setSubject("")
    canvas.setKeywords("")
    canvas.setCreator("")
    canvas.setProducer("")


def neutral_metadata(writer: PdfWriter) -> None:
    """Make a pypdf writer's metadata neutral, in place.

    The six descriptive fields become empty strings (pypdf would otherwise add Producer "pypdf"),
    every other info key except the dates is dropped, and so is any XMP metadata stream.
    """
    old = writer.metadata or {}
    info = {NameObject(key): create_string_object("") for key in NEUTRAL_INFO_KEYS}
    for key in _KEPT_INFO_KEYS:
        if key in old:
            info[NameObject(key)] = create_string_object(str(old[key]))
    writer.metadata = info
    if "/Metadata" in writer.root_object:
        del writer.root_object["/Metadata"]


def _require_non_invariant() -> None:
    # invariant mode fixes timestamps and the file /ID so identical input gives identical
    # bytes; that is for reportlab's own regression tests, never for real documents.
    if rl_config.invariant:
        raise RuntimeError("reportlab.rl_config.invariant must stay 0")


def encrypt_pdf(pdf_bytes: bytes, user_password: str) -> bytes:
    """Return ``pdf_bytes`` encrypted with AES-256 (V5/R6), metadata neutral, all in memory.

    The owner password is random and thrown away: nobody can lift the permissions, and the
    user password is the only way in. Printing stays allowed.
    """
    if not user_password:
        raise ValueError("an empty user password would let anyone open the PDF")
    _require_non_invariant()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes)))
    neutral_metadata(writer)
    writer.encrypt(user_password, owner_password=secrets.token_urlsafe(32), algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
