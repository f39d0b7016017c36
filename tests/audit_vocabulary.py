"""Every audit entry any test makes is worded (``victimcare.casework.audit_words``).

The conftest wraps ``AuditLog._insert`` for the whole run and, when the run ends, checks each distinct
(action, object type, categories, purpose, detail) it saw: the action, object type, categories and purpose
have Chinese and English labels, and every piece of the detail is known in both languages. Whatever the
code base writes in any test — sign-ins, failures, every step's records, approvals, prints, imports,
backups, repairs, rotations — is thus held to the vocabulary, not a hand-made list of codes."""

from victimcare.security.audit import ACTION_LABELS, CATEGORY_LABELS, OBJECT_LABELS, AuditLog

SEEN: set[tuple[str, str, str, str, str]] = set()
# Entries tests write on purpose with made-up codes (to check the chain, not the words).
MADE_UP = {"probe"}


def install() -> None:
    original = AuditLog._insert

    def spy(self, **fields):
        SEEN.add((fields.get("action", ""), fields.get("object_type", ""), fields.get("categories", ""),
                  fields.get("purpose", ""), fields.get("detail", "")))
        return original(self, **fields)

    AuditLog._insert = spy


def problems() -> list[str]:
    from victimcare.casework import audit_words
    from victimcare.casework.printing.profiles import PROFILES
    found = set()
    for action, object_type, categories, purpose, detail in SEEN:
        if detail in MADE_UP:
            continue
        if action not in ACTION_LABELS:
            found.add(f"action {action!r}")
        if object_type and object_type not in OBJECT_LABELS:
            found.add(f"object type {object_type!r}")
        for c in filter(None, categories.split(",")):
            if c not in CATEGORY_LABELS:
                found.add(f"category {c!r}")
        if purpose and purpose not in PROFILES:
            found.add(f"purpose {purpose!r}")
        for piece in audit_words.unknown(detail, object_type):
            found.add(f"detail piece {piece!r} (in {detail!r} on {object_type or '-'})")
    return sorted(found)
