"""``victimcare --self-check`` from source (the frozen one is in test_installers): OK with exit 0, or one
Chinese sentence with exit 1 and no traceback; its throw-away vault never outlives it."""

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from victimcare import app
from victimcare.cli import selfcheck

ROOT = Path(__file__).resolve().parents[2]


def leftovers() -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob("victimcare-selfcheck-*"))


def test_the_self_check_passes_and_cleans_up(tmp_path):
    run = subprocess.run([sys.executable, "-m", "victimcare", "--self-check"], cwd=tmp_path, capture_output=True,
                         text=True, timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert run.returncode == 0 and run.stdout.strip() == "OK", run.stderr
    assert leftovers() == []
    assert not (Path(os.environ["VICTIMCARE_HOME"]) / "vault").exists(), "the user's vault folder is not touched"


def test_a_missing_bundled_font_fails_in_plain_words(monkeypatch, capsys, tmp_path):
    import victimcare.core.resources as resources
    monkeypatch.setattr(resources, "RESOURCES_DIR", tmp_path / "nothing-here")
    assert app.main(["--self-check"]) == 1
    out = capsys.readouterr()
    assert out.out == "" and out.err.startswith("自检未通过：缺少随软件附带的文件 fonts/wqy-microhei.ttc")
    assert "Traceback" not in out.err
    assert leftovers() == []


def test_a_fault_of_the_install_is_named_not_traced(monkeypatch, capsys):
    def broken(folder):
        raise ImportError("no module named reportlab")
    monkeypatch.setattr(selfcheck, "storage_checks", broken)
    home = os.environ.get("VICTIMCARE_HOME")
    assert app.main(["--self-check"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "自检未通过：程序组件无法加载或运行（ImportError），请重新安装 VictimCare。"
    assert os.environ.get("VICTIMCARE_HOME") == home, "the environment is put back"
    assert leftovers() == []
