"""Password rules after NIST SP 800-63B: length over composition, a blocklist, no expiry."""

import unicodedata

from victimcare.core.errors import ValidationError
from victimcare.core.resources import resource_path

MIN_LENGTH = 15
MAX_LENGTH = 256  # well past the 64 NIST asks us to accept; refuse megabyte pastes quickly

_blocklist: frozenset[str] | None = None


def _blocked() -> frozenset[str]:
    global _blocklist
    if _blocklist is None:
        text = resource_path("data", "password_blocklist.txt").read_text(encoding="utf-8")
        _blocklist = frozenset(line.strip().casefold() for line in text.splitlines()
                               if line.strip() and not line.startswith("#"))
    return _blocklist


def _is_trivial(pw: str) -> bool:
    """One repeated character, or a run of consecutive code points (1234…, abcd…)."""
    if len(set(pw)) <= 2:
        return True
    steps = {ord(b) - ord(a) for a, b in zip(pw, pw[1:])}
    return steps <= {1} or steps <= {-1}


def check_new_password(password: str, *, account: str = "", station: str = "") -> str:
    """The NFKC form of an acceptable new password, or ValidationError(field='password')."""
    if len(password) > MAX_LENGTH * 4:
        raise ValidationError("password", f"密码过长：最多 {MAX_LENGTH} 个字符。")
    pw = unicodedata.normalize("NFKC", password)
    if len(pw) < MIN_LENGTH:
        raise ValidationError("password", f"密码至少需要 {MIN_LENGTH} 个字符（当前 {len(pw)} 个）。可以使用一句容易记住的话。")
    if len(pw) > MAX_LENGTH:
        raise ValidationError("password", f"密码过长：最多 {MAX_LENGTH} 个字符。")
    folded = pw.casefold()
    if folded in _blocked() or _is_trivial(pw):
        raise ValidationError("password", "这个密码过于常见，很容易被猜到。请换一句只有您知道的话。")
    for own in (account, station, "victimcare"):
        own = unicodedata.normalize("NFKC", own).casefold()
        if len(own) >= 3 and own in folded:
            raise ValidationError("password", "密码不能包含账户名、机构名称或软件名称。")
    return pw
