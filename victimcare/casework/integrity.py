"""Verifying the vault: every page of every compartment this account holds, the audit chain, rows
left in one compartment without their case in another (see ``record``'s write order), audit entries
still waiting in an outbox, and cases that no audit entry records the creation of."""

from dataclasses import dataclass, field

from victimcare.casework.record import orphans
from victimcare.db.connection import integrity_problems
from victimcare.db.schema import COMPARTMENT_LABELS, COMPARTMENTS
from victimcare.security.audit import ChainReport
from victimcare.security.audit_check import check_chain
from victimcare.security.keyring import Keyring
from victimcare.security.outbox import OUTBOX_COMPARTMENTS
from victimcare.security.gate import CALLER, Service, operation
from victimcare.security.permissions import Op



@dataclass
class VerifyReport:
    chain: ChainReport
    compartments: dict[str, list[str]] = field(default_factory=dict)  # name → problems ([] = clean)
    not_checked: list[str] = field(default_factory=list)  # compartments this account has no key for
    orphans: dict[str, int] = field(default_factory=dict)  # compartment → rows whose case is missing
    outbox: dict[str, int] = field(default_factory=dict)  # compartment → audit entries not yet appended
    missing_audit: dict[str, int] = field(default_factory=dict)  # compartment → cases without 'create' entry
    legacy_cases: int = 0  # cases written by a version that audited imports by batch only

    @property
    def ok(self) -> bool:
        return (self.chain.ok and not any(self.compartments.values()) and not any(self.orphans.values())
                and not any(self.outbox.values()) and not any(self.missing_audit.values()))

    def lines(self) -> list[str]:
        out = []
        for name, problems in self.compartments.items():
            line = f"{COMPARTMENT_LABELS[name]}：" + ("完好" if not problems else f"发现 {len(problems)} 处损坏")
            if self.orphans.get(name):
                line += f"；有 {self.orphans[name]} 条记录找不到对应的个案（可能是录入时中断），请联系技术人员"
            if self.outbox.get(name):
                line += f"；有 {self.outbox[name]} 条审计记录尚未写入审计日志（上次操作被中断），重新登录即可补写"
            if self.missing_audit.get(name):
                line += f"；有 {self.missing_audit[name]} 个个案在审计日志中没有新建记录，请联系站长核查"
            if name == "core" and self.legacy_cases:
                line += f"（另有 {self.legacy_cases} 个个案由旧版本建立，审计日志按批次记录，无法逐案核对）"
            out.append(line)
        for name in self.not_checked:
            out.append(f"{COMPARTMENT_LABELS[name]}：未检查（此账户没有该部分的密钥）")
        if self.chain.ok:
            out.append(f"审计链：完整，共 {self.chain.entries} 条记录")
        else:
            out.append(f"审计链：已被破坏——{self.chain.problem}")
        return out


def audited_case_ids(audit_conn) -> set[int]:
    """Case ids whose creation the audit log records: a 'create' entry of one case, or the id range
    ('first-last') of an import or a demo-data batch."""
    ids: set[int] = set()
    for action, kind, object_id in audit_conn.execute(
            "SELECT action, object_type, object_id FROM audit_log WHERE result = 'ok' AND "
            "((action = 'create' AND object_type IN ('case', 'demo_cases')) OR (action = 'import' AND object_type = 'case'))"):
        first, dash, last = object_id.partition("-")
        if first.isdigit() and (not dash or last.isdigit()):
            ids.update(range(int(first), int(last if dash else first) + 1))
    return ids


def cases_without_audit(core, audit_conn) -> tuple[int, int]:
    """(cases without their creation entry, cases older than per-case auditing). Older versions
    audited an import or a demo batch in one entry without the case ids; the core migration that
    brought the id ranges recorded where they start (meta ``case_audit_from``)."""
    row = core.execute("SELECT value FROM meta WHERE key = 'case_audit_from'").fetchone()
    start = int(row[0]) if row else 1
    audited = audited_case_ids(audit_conn)
    missing = legacy = 0
    for (case_id,) in core.execute("SELECT id FROM cases"):
        if case_id < start:
            legacy += 1
        elif case_id not in audited:
            missing += 1
    return missing, legacy


class IntegrityService(Service):
    @operation(Op.VAULT_VERIFY, thread=CALLER)
    def verify(self, chain: ChainReport | None = None) -> VerifyReport:
        """Read every page on this thread's own connections: at 100k cases this takes seconds, and the
        window's reads go on meanwhile. ``chain``: the audit chain as checked before this sign-in wrote
        anything (``audit_check.check_before_sign_in``); else it is checked now."""
        s = self.session
        with s.side_connections(audit=True) as conns:
            report = VerifyReport(chain=chain or check_chain(conns, s.vault.path, s.vault.clock,
                                                             Keyring.load(s.vault.path)))
            for name in COMPARTMENTS:
                if name in conns:
                    report.compartments[name] = integrity_problems(conns[name])
                else:
                    report.not_checked.append(name)
            if {"core", "sensitive"} <= set(conns) and not any(report.compartments.values()):
                report.orphans = orphans({n: c for n, c in conns.items() if n != "audit"})
            if not any(report.compartments.values()):
                for name in OUTBOX_COMPARTMENTS:
                    if name in conns:
                        report.outbox[name] = conns[name].execute("SELECT count(*) FROM outbox").fetchone()[0]
                if "core" in conns:
                    report.missing_audit["core"], report.legacy_cases = cases_without_audit(conns["core"], conns["audit"])
        s.record("verify", object_type="vault", result="ok" if report.ok else "error")
        return report
