"""Errors the user may see.

Every ``UserError`` carries a message in Simplified Chinese that says what happened and what to
do next. Messages never contain personal values (names, ID numbers, diagnoses): they may end up
in logs and crash reports.
"""


class UserError(Exception):
    """Something the user can fix or should be told about, with a Chinese message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ValidationError(UserError):
    """Bad input for one field. ``field`` is the stable field code the form shows the error under."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class ValidationErrors(UserError):
    """Several field errors found at once; nothing was changed."""

    def __init__(self, errors: list[ValidationError]):
        super().__init__("；".join(e.message for e in errors))
        self.errors = errors

    def by_field(self) -> dict[str, str]:
        return {e.field: e.message for e in self.errors}


class PermissionDenied(UserError):
    """The signed-in role may not do this."""


class WrongPassword(UserError):
    """The account name or password was wrong; ``wait_seconds`` before the next try is allowed."""

    def __init__(self, message: str, wait_seconds: float | None = None):
        super().__init__(message)
        self.wait_seconds = wait_seconds


class AccountLocked(WrongPassword):
    """Too many failed attempts: the account waits (``wait_seconds``), or needs a supervisor (None)."""


class VaultError(UserError):
    """The vault is missing, damaged, newer than this app, or in use."""


class VaultLocked(UserError):
    """The vault is locked; sign in again."""


class StorageError(UserError):
    """The database could not do what was asked (disk full, busy, damaged, read-only); nothing changed.
    ``kind`` is one of disk_full, busy, io, corrupt, readonly, memory, internal."""

    def __init__(self, message: str, kind: str = "internal"):
        super().__init__(message)
        self.kind = kind


def os_error_message(exc: OSError) -> str:
    """A file-system failure in plain Chinese, without the path (it may name a person)."""
    import errno
    reasons = {errno.ENOENT: "找不到该文件或文件夹", errno.EACCES: "没有访问权限", errno.EPERM: "没有访问权限",
               errno.ENAMETOOLONG: "路径太长", errno.ENOSPC: "磁盘空间已满", errno.EROFS: "磁盘是只读的",
               errno.EISDIR: "这是一个文件夹，不是文件", errno.ENOTDIR: "路径中有一部分不是文件夹",
               errno.EEXIST: "已有同名的文件或文件夹"}
    reason = reasons.get(exc.errno, "读写文件时出错")
    return f"无法访问文件或文件夹：{reason}。请检查路径后重试。"
