"""Aggregate counts for 报表: never identities, only numbers (supervisor and auditor)."""

from victimcare.db.owner import on_owner_thread
from victimcare.domain.vocabulary import STEP_STATUSES, STEPS, label
from victimcare.security.permissions import Op

ACTION_LABELS = {"view": "查看", "create": "新建", "update": "修改", "delete": "删除", "export": "导出",
                 "print": "打印", "import": "导入", "login": "登录", "login_fail": "登录失败", "logout": "退出登录",
                 "lock": "锁定", "unlock": "解锁", "key_change": "密码变更", "backup": "备份", "restore": "恢复",
                 "perm_change": "账户变更", "verify": "校验", "recover": "恢复码重置", "setup": "初始设置",
                 "decision": "决定"}
CATEGORY_LABELS = {"identity": "身份", "medical": "医疗", "trafficking": "被拐经过", "minor": "未成年人"}


class StatsService:
    def __init__(self, session):
        self.s = session
        self._owner = session.owner

    @on_owner_thread
    def summary(self) -> list[tuple[str, int]]:
        self.s.require(Op.STATS_VIEW)
        rows: list[tuple[str, int]] = []
        if "core" in self.s.compartments():
            core = self.s.conn("core")
            for status, text in (("open", "在案个案"), ("closed", "已结案个案")):
                rows.append((text, core.execute("SELECT count(*) FROM cases WHERE status = ?", (status,)).fetchone()[0]))
            rows.append(("疑似被拐卖", core.execute("SELECT count(*) FROM cases WHERE suspected_trafficking = 1").fetchone()[0]))
            for step, status, n in core.execute("SELECT s.step, s.status, count(*) FROM steps s JOIN cases c "
                                                "ON c.id = s.case_id WHERE c.status = 'open' AND s.status "
                                                "IN ('in_progress', 'not_started') GROUP BY s.step, s.status"):
                rows.append((f"{label(STEPS, step)}：{label(STEP_STATUSES, status)}", n))
        audit = self.s.conn("audit")
        for action, n in audit.execute("SELECT action, count(*) FROM audit_log GROUP BY action ORDER BY action"):
            rows.append((f"审计记录：{ACTION_LABELS.get(action, action)}", n))
        return rows
