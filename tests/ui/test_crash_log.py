"""The crash report names the exception type and code locations, never messages or values."""

import os
import stat

from victimcare.ui.crash import write_crash_log


def test_crash_log_holds_no_personal_data(tmp_path):
    secret = "王小明测试 11010519491231002X"
    try:
        record = {"name": secret}
        raise ValueError(f"bad record {record}")
    except ValueError as exc:
        path = write_crash_log(type(exc), exc, exc.__traceback__)
    text = open(path, encoding="utf-8").read()
    assert "builtins.ValueError" in text
    assert "test_crash_log_holds_no_personal_data" in text
    assert secret not in text and "王小明" not in text and "bad record" not in text
    assert os.path.dirname(path) == os.path.join(os.environ["VICTIMCARE_HOME"], "logs")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
