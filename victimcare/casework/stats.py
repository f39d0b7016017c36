"""Aggregate counts for 报表: never identities, only numbers (supervisor and auditor).

Rows are (kind, code, sub-code, count) so that the interface labels them in its own language:
kind "cases" (code open/closed/suspected), "step" (code = step, sub-code = status), "audit" (code = action).
"""

from victimcare.security.gate import Service, operation
from victimcare.security.permissions import Op


class StatsService(Service):
    @operation(Op.STATS_VIEW)
    def summary(self) -> list[tuple[str, str, str, int]]:
        rows: list[tuple[str, str, str, int]] = []
        if "core" in self.session.compartments():
            core = self.session.conn("core")
            for status in ("open", "closed"):
                rows.append(("cases", status, "", core.execute("SELECT count(*) FROM cases WHERE status = ?",
                                                               (status,)).fetchone()[0]))
            rows.append(("cases", "suspected", "",
                         core.execute("SELECT count(*) FROM cases WHERE suspected_trafficking = 1").fetchone()[0]))
            for step, status, n in core.execute("SELECT s.step, s.status, count(*) FROM steps s JOIN cases c "
                                                "ON c.id = s.case_id WHERE c.status = 'open' AND s.status "
                                                "IN ('in_progress', 'not_started') GROUP BY s.step, s.status"):
                rows.append(("step", step, status, n))
        audit = self.session.conn("audit")
        for action, n in audit.execute("SELECT action, count(*) FROM audit_log GROUP BY action ORDER BY action"):
            rows.append(("audit", action, "", n))
        return rows
