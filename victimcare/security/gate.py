"""The one operation gate: every public service operation passes through ``operation``.

On the caller's side it checks that the session is open and not expired, asks the one permission
matrix (a refusal is audited), then runs the work on the vault's owner thread (or, for work that
holds no connection such as key derivation or reading an import file, on the caller's thread) and
turns storage failures into plain Chinese messages. A test walks every service built by
``victimcare.services`` and checks that each public method is an operation.
"""

from functools import wraps

import sqlcipher3

from victimcare.core.errors import UserError
from victimcare.db.storage_errors import storage_error
from victimcare.security.permissions import VAULT_WRITES, Op

DB, CALLER = "db", "caller"
MUST_CHANGE_MESSAGE = ("此账户还在使用站长设置的初始密码：请先修改密码，才能使用其他功能"
                       "（命令行：victimcare admin passwd --user 账户名）。")


def operation(op: Op | None, *, thread: str = DB):
    """Mark a service method as an operation needing ``op`` (None: any signed-in account)."""
    if thread not in (DB, CALLER):
        raise ValueError(thread)

    def decorate(method):
        @wraps(method)
        def gated(self, *args, **kwargs):
            session = self.session
            session.check_open()
            if op is not None:
                if getattr(session, "must_change", False):  # every entry point: GUI, CLI, scripts
                    raise UserError(MUST_CHANGE_MESSAGE)
                session.authorize(op)
                if op in VAULT_WRITES:
                    session.check_writable()  # damage found: refuse in plain Chinese, files untouched
            try:
                if thread == DB:
                    return session.run(method, self, *args, **kwargs)
                return method(self, *args, **kwargs)
            except sqlcipher3.Error as exc:
                raise storage_error(exc) from None

        gated.operation = op
        gated.thread = thread
        return gated

    return decorate


class Service:
    """Base of every service: it holds the session and nothing else that outlives a call."""

    def __init__(self, session):
        self.session = session
