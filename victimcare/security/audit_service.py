"""Reading the audit log (auditor and supervisor)."""

from victimcare.security import holders
from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op


class AuditService(Service):
    @operation(Op.AUDIT_VIEW)
    def entries(self, *, before_seq: int | None = None, limit: int = 200) -> list[dict]:
        """The newest entries before ``before_seq``, each with the names its staff IDs stand for
        (``actor_name``; ``object_name`` for an account entry): only the roles that read the log see them."""
        rows = self.session.audit_log.entries(after_seq=before_seq, limit=limit)
        names = staff_names(self.session.vault.keyring.data)
        for row in rows:
            row["actor_name"] = names.get(row["actor"], "")
            row["object_name"] = names.get(row["object_id"], "") if row["object_type"] == "account" else ""
        self.session.record("view", object_type="audit_log", record_count=len(rows))
        return rows

    @operation(Op.AUDIT_VIEW)
    def head(self) -> tuple[int, str]:
        return self.session.audit_log.head()


def staff_names(keyring_data: dict) -> dict[str, str]:
    """staff ID → account name (and an entry of 0.1.0's account name → itself)."""
    names = {sid: name for sid, name in holders.staff_ids(keyring_data).items() if sid != holders.RECOVERY}
    names.update({name: name for name in keyring_data["accounts"]})
    return names
