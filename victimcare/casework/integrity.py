"""Verifying the vault: every page of every compartment this account holds, the audit chain, and
rows left in one compartment without their case in another (see ``record``'s write order)."""

from dataclasses import dataclass, field

from victimcare.casework.record import orphans
from victimcare.db.connection import integrity_problems
from victimcare.db.schema import COMPARTMENTS
from victimcare.security.audit import AuditLog, ChainReport
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.permissions import Op

COMPARTMENT_LABELS = {"core": "个案与身份", "sensitive": "敏感信息", "school": "入学安置", "audit": "审计日志"}


@dataclass
class VerifyReport:
    chain: ChainReport
    compartments: dict[str, list[str]] = field(default_factory=dict)  # name → problems ([] = clean)
    not_checked: list[str] = field(default_factory=list)  # compartments this account has no key for
    orphans: dict[str, int] = field(default_factory=dict)  # compartment → rows whose case is missing

    @property
    def ok(self) -> bool:
        return self.chain.ok and not any(self.compartments.values()) and not any(self.orphans.values())

    def lines(self) -> list[str]:
        out = []
        for name, problems in self.compartments.items():
            line = f"{COMPARTMENT_LABELS[name]}：" + ("完好" if not problems else f"发现 {len(problems)} 处损坏")
            if self.orphans.get(name):
                line += f"；有 {self.orphans[name]} 条记录找不到对应的个案（可能是录入时中断），请联系技术人员"
            out.append(line)
        for name in self.not_checked:
            out.append(f"{COMPARTMENT_LABELS[name]}：未检查（此账户没有该部分的密钥）")
        if self.chain.ok:
            out.append(f"审计链：完整，共 {self.chain.entries} 条记录")
        else:
            out.append(f"审计链：已被破坏——{self.chain.problem}")
        return out


class IntegrityService(Service):
    @operation(Op.VAULT_VERIFY, thread=CALLER)
    def verify(self) -> VerifyReport:
        """Read every page on this thread's own connections: at 100k cases this takes seconds, and the
        window's reads go on meanwhile."""
        s = self.session
        with s.side_connections(audit=True) as conns:
            report = VerifyReport(chain=AuditLog(conns["audit"], s.vault.path, s.vault.clock).verify())
            for name in COMPARTMENTS:
                if name in conns:
                    report.compartments[name] = integrity_problems(conns[name])
                else:
                    report.not_checked.append(name)
            if {"core", "sensitive"} <= set(conns) and not any(report.compartments.values()):
                report.orphans = orphans({n: c for n, c in conns.items() if n != "audit"})
        s.record("verify", object_type="vault", result="ok" if report.ok else "error")
        return report
