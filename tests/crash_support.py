"""Running and killing the crash harness's writing process (tests/casework/crash_writer.py)."""

import os
import signal
import subprocess
import sys
from pathlib import Path

from support import PASSWORD

TESTS = Path(__file__).parent
WRITER = TESTS / "casework" / "crash_writer.py"


def start(*args, crash_at: str | None = None) -> subprocess.Popen:
    """The writer with ``args`` (vault folder, kind, …); the password goes on its stdin."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS.parent), str(TESTS), str(WRITER.parent)])}
    env.pop("VICTIMCARE_CRASH_AT", None)
    if crash_at:
        env["VICTIMCARE_CRASH_AT"] = crash_at
    proc = subprocess.Popen([sys.executable, str(WRITER), *map(str, args)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    proc.stdin.write(PASSWORD + "\n")
    proc.stdin.close()
    return proc


def kill_once(args, crash_at: str | None, delay, *, until: str = "") -> str:
    """Run the writer until it kills itself at ``crash_at``, or, without one, until its first line
    (or, with ``until``, the line starting so) and then ``delay()`` seconds more before a SIGKILL from
    here. Returns everything it printed."""
    import time
    proc = start(*args, crash_at=crash_at)
    if crash_at:
        out = proc.stdout.read()
    else:
        out = proc.stdout.readline()
        while until and out and not out.splitlines()[-1].startswith(until):
            line = proc.stdout.readline()
            if not line:
                break
            out += line
        time.sleep(delay())
        proc.send_signal(signal.SIGKILL)
        out += proc.stdout.read()
    proc.wait(timeout=120)
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, (proc.returncode, out[-500:], err[-2000:])
    return out
