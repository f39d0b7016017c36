"""Storage failures in plain Chinese: what happened and what to do, never the SQL or a value."""

import sqlcipher3

from victimcare.core.errors import StorageError

# SQLite primary result codes (extended codes carry them in the low byte).
_FULL, _BUSY, _LOCKED, _IOERR, _CORRUPT, _READONLY, _CANTOPEN, _NOTADB, _NOMEM = 13, 5, 6, 10, 11, 8, 14, 26, 7

_MESSAGES = {
    _FULL: ("disk_full", "磁盘空间已满，这次操作没有保存。请清理磁盘空间（或请技术人员帮助）后重试。"),
    _BUSY: ("busy", "保险库正被另一项操作（如导入）占用，这次操作没有保存。请稍候片刻再试。"),
    _LOCKED: ("busy", "保险库正被另一项操作（如导入）占用，这次操作没有保存。请稍候片刻再试。"),
    _IOERR: ("io", "读写保险库文件时出错，这次操作没有保存。请确认磁盘或U盘连接正常，然后重试；"
                   "如果反复出现，请联系技术人员。"),
    _CORRUPT: ("corrupt", "保险库文件已损坏。请不要继续录入，文件已保持原样；请联系站长用“校验”检查，并从备份恢复。"),
    _NOTADB: ("corrupt", "保险库文件已损坏。请不要继续录入，文件已保持原样；请联系站长用“校验”检查，并从备份恢复。"),
    _READONLY: ("readonly", "保险库文件是只读的，这次操作没有保存。请确认文件夹有写入权限、磁盘没有写保护。"),
    _CANTOPEN: ("io", "无法打开保险库文件。请确认保险库文件夹仍在原处并且可以访问。"),
    _NOMEM: ("memory", "内存不足，这次操作没有完成。请关闭其他程序后重试。"),
}
_OTHER = ("internal", "保险库操作未能完成，数据没有改动。请重试；如果反复出现，请联系技术人员。")


def storage_error(exc: sqlcipher3.Error) -> StorageError:
    """The user-facing error for a driver exception (``kind`` is a stable code for tests and logs)."""
    code = getattr(exc, "sqlite_errorcode", None)
    kind, message = _MESSAGES.get(code & 0xFF, _OTHER) if isinstance(code, int) else _by_text(str(exc))
    return StorageError(message, kind=kind)


def _by_text(text: str) -> tuple[str, str]:
    """Older drivers set no error code; fall back on SQLite's fixed English wording."""
    text = text.lower()
    for needle, code in (("full", _FULL), ("locked", _BUSY), ("disk i/o", _IOERR), ("malformed", _CORRUPT),
                         ("not a database", _NOTADB), ("readonly", _READONLY), ("unable to open", _CANTOPEN)):
        if needle in text:
            return _MESSAGES[code]
    return _OTHER
