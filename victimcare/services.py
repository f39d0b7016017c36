"""The services of a signed-in session: the one object the GUI and the command line hold.

``Services(session)`` builds every service once: the shared ones below, then each step's from
the registry (``victimcare.casework.steps.STEPS``), reachable by its code (``services.school``).
Every public method of every service is a gated operation (``victimcare.security.gate``).
"""

from victimcare.casework.approvals.service import ApprovalService
from victimcare.casework.backup import BackupService
from victimcare.casework.cases import CaseService
from victimcare.casework.deadlines import DeadlineService
from victimcare.casework.demodata import DemoService
from victimcare.casework.importer import ImportService
from victimcare.casework.integrity import IntegrityService
from victimcare.casework.printing.service import PrintService
from victimcare.casework.settings import SettingsService
from victimcare.casework.stats import StatsService
from victimcare.casework.steps import STEPS, service_class
from victimcare.security.accounts import AccountService
from victimcare.security.audit_service import AuditService
from victimcare.security.gate import Service
from victimcare.security.session import Session

SHARED: dict[str, type[Service]] = {
    "accounts": AccountService,
    "approvals": ApprovalService,
    "audit": AuditService,
    "backup": BackupService,
    "cases": CaseService,
    "deadlines": DeadlineService,
    "demo": DemoService,
    "imports": ImportService,
    "integrity": IntegrityService,
    "printing": PrintService,
    "settings": SettingsService,
    "stats": StatsService,
}


def step_service_class(path: str) -> type[Service]:
    return service_class(path)


class Services:
    def __init__(self, session: Session):
        self.session = session
        self._all: dict[str, Service] = {name: cls(session) for name, cls in SHARED.items()}
        for step in STEPS:
            if step.service:
                self._all[step.code] = step_service_class(step.service)(session)

    def __getattr__(self, name: str) -> Service:
        try:
            return self.__dict__["_all"][name]
        except KeyError:
            raise AttributeError(name) from None

    def all(self) -> dict[str, Service]:
        return dict(self._all)

    # -- the session, as the interface needs it ------------------------------------------------------

    @property
    def account(self) -> str:
        return self.session.account

    @property
    def role(self):
        return self.session.role

    @property
    def locked(self) -> bool:
        return self.session.locked

    @property
    def read_only(self) -> str:
        """'' while the vault may be written; else why not (damage found at open or by the background check)."""
        return self.session.read_only

    def close(self, action: str = "logout", detail: str = "") -> None:
        self.session.close(action=action, detail=detail)


def sign_in(vault, account: str, password: str, **kwargs) -> Services:
    """Sign in and build the services (the entry points' one way in)."""
    return Services(vault.login(account, password, **kwargs))
