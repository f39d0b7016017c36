"""Reading and verifying the audit log and the vault's integrity (auditor and supervisor)."""

from dataclasses import dataclass, field

from victimcare.security.audit import ChainReport
from victimcare.db.connection import integrity_problems
from victimcare.db.owner import on_owner_thread
from victimcare.db.schema import COMPARTMENTS
from victimcare.security.permissions import Op


@dataclass
class VerifyReport:
    chain: ChainReport
    compartments: dict[str, list[str]] = field(default_factory=dict)  # name → problems ([] = clean)
    not_checked: list[str] = field(default_factory=list)  # compartments this account has no key for

    @property
    def ok(self) -> bool:
        return self.chain.ok and not any(self.compartments.values())

    def lines(self) -> list[str]:
        labels = {"core": "个案与身份", "sensitive": "敏感信息", "school": "入学安置", "audit": "审计日志"}
        out = []
        for name, problems in self.compartments.items():
            out.append(f"{labels[name]}：" + ("完好" if not problems else f"发现 {len(problems)} 处损坏"))
        for name in self.not_checked:
            out.append(f"{labels[name]}：未检查（此账户没有该部分的密钥）")
        if self.chain.ok:
            out.append(f"审计链：完整，共 {self.chain.entries} 条记录")
        else:
            out.append(f"审计链：已被破坏——{self.chain.problem}")
        return out


class AuditService:
    def __init__(self, session):
        self.s = session
        self._owner = session.owner

    @on_owner_thread
    def entries(self, *, before_seq: int | None = None, limit: int = 200) -> list[dict]:
        self.s.require(Op.AUDIT_VIEW)
        rows = self.s.audit_log.entries(after_seq=before_seq, limit=limit)
        self.s.record("view", object_type="audit_log", record_count=len(rows))
        return rows

    @on_owner_thread
    def verify(self) -> VerifyReport:
        self.s.require(Op.VAULT_VERIFY)
        report = VerifyReport(chain=self.s.audit_log.verify())
        for name in COMPARTMENTS:
            if name in self.s.compartments():
                report.compartments[name] = integrity_problems(self.s.conn(name))
            else:
                report.not_checked.append(name)
        self.s.record("verify", object_type="vault", result="ok" if report.ok else "error")
        return report

    @on_owner_thread
    def head(self) -> tuple[int, str]:
        return self.s.audit_log.head()
