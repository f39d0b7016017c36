"""Reading the audit log (auditor and supervisor)."""

from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op


class AuditService(Service):
    @operation(Op.AUDIT_VIEW)
    def entries(self, *, before_seq: int | None = None, limit: int = 200) -> list[dict]:
        rows = self.session.audit_log.entries(after_seq=before_seq, limit=limit)
        self.session.record("view", object_type="audit_log", record_count=len(rows))
        return rows

    @operation(Op.AUDIT_VIEW)
    def head(self) -> tuple[int, str]:
        return self.session.audit_log.head()
