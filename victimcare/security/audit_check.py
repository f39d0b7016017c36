"""Verifying the audit chain with everything that witnesses it: the keyring's certified keys (under the
root the compartments pinned), the heads the case compartments recorded, the anchor file.

``check_before_sign_in`` runs it on the files as they are found — before a sign-in appends its own
entry, replays an outbox or rewrites the anchor — which is what ``victimcare admin verify`` reports."""

import sqlcipher3

from victimcare.core.errors import ValidationError
from victimcare.security import opening
from victimcare.db.connection import open_compartment
from victimcare.db.schema import COMPARTMENT_LABELS
from victimcare.security.audit import AuditLog, ChainReport, HEAD_META, parse_head
from victimcare.security.holders import ROOT_META
from victimcare.security.keyring import Keyring


def _meta(conn, key: str) -> str | None:
    try:
        return opening.meta_value(conn, key)
    except sqlcipher3.DatabaseError:  # a compartment without meta (new, damaged) witnesses nothing
        return None


def check_chain(conns: dict, vault_path, clock, keyring: Keyring, printed: tuple[str, ...] = ()) -> ChainReport:
    """``conns``: the compartments this account holds (the audit one among them); ``printed``: the
    "SEQ:HASH" marks of printed copies (every page's 审计序号 and 校验), checked as witnesses too."""
    pinned = [p for p in (_meta(conns[n], ROOT_META) for n in ("core", "sensitive", "school", "audit") if n in conns) if p]
    root = pinned[0] if pinned else keyring.root
    heads = {f"{COMPARTMENT_LABELS[n]}文件": _meta(c, HEAD_META) for n, c in conns.items() if n != "audit"}
    for mark in printed:
        heads[f"打印件（审计序号 {mark.partition(':')[0]}）"] = mark
    return AuditLog(conns["audit"], vault_path, clock).verify(keyring.data, root, heads)


def check_printed_marks(printed: tuple[str, ...]) -> None:
    """A clear refusal of a mark typed wrong, before any password is asked."""
    for mark in printed:
        if parse_head(mark) is None:
            raise ValidationError("printed", f"打印件校验“{mark}”的格式不对：应为 审计序号:校验码，例如 1234:0a1b2c3d4e5f。")


def check_before_sign_in(vault, account: str, password: str, printed: tuple[str, ...] = ()) -> ChainReport:
    """The chain as found, on the account's own read connections; nothing is written (a wrong password
    counts as a failed sign-in, as at the sign-in window)."""
    _name, _record, held = vault.held_for(account, password)
    conns = {}
    try:
        for name, key in held.keys.items():
            conns[name] = open_compartment(vault.compartment_path(name), key)
        return check_chain(conns, vault.path, vault.clock, vault.keyring, printed)
    finally:
        for conn in conns.values():
            conn.close()
        held.wipe()
