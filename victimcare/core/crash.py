"""Test-only crash points: ``crash_point(name)`` kills this process when VICTIMCARE_CRASH_AT names it.

The crash harness (tests/casework/test_crash_harness.py) starts a writing process with
``VICTIMCARE_CRASH_AT=after_core_commit`` (say) and checks what the vault looks like after a
``kill -9`` at exactly that instant. Without the variable (always, outside the tests) a crash point
is one comparison against None and does nothing.
"""

import os
import signal

ENV = "VICTIMCARE_CRASH_AT"
_AT, _, _NTH = (os.environ.get(ENV) or "").partition("@")  # "after_core_commit" or "after_core_commit@3"
_AT = _AT or None
_left = int(_NTH) if _NTH.isdigit() else 1


def crash_point(name: str) -> None:
    """Kill this process (SIGKILL) the Nth time the point named in VICTIMCARE_CRASH_AT is reached."""
    global _left
    if _AT is not None and _AT == name:
        _left -= 1
        if _left <= 0:
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
