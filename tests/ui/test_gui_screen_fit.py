"""Fits the screen: the main window and every dialog fit a 1366×768 office screen at 100 % and 125 %.

Each scale runs in its own process (QT_SCALE_FACTOR must be set before the QApplication exists):
``screen_fit_probe.py`` opens the windows as a user meets them and reports their sizes. The offscreen
platform is given one 1366×728 screen — 1366×768 less the taskbar — through its JSON configuration
(``-platform offscreen:configfile=…``); at 125 % that is 1093×582 logical pixels. The window system
adds a title bar on top of what Qt reports here, so every window must leave room for one.
"""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

from victimcare.ui.case.page import step_tabs

SCREEN = (1366, 728)  # usable area of a 1366×768 screen with the taskbar, in device pixels
TITLE_BAR = 32        # logical pixels the window system's title bar takes above a window (Windows 10/11)
SCALES = (1.0, 1.25)
PROBE = Path(__file__).with_name("screen_fit_probe.py")
ROOT = Path(__file__).resolve().parents[2]

# every window the probe opens → the buttons that must be in view without scrolling
WINDOWS = {
    "setup": ["创建保险库"], "setup_recovery": ["继续", "保存恢复凭证"], "login": ["登录"],
    "main": [], "main_home": [], "main_cases": [], "main_school": [], "main_reports": [], "main_audit": [],
    "main_settings": ["保存格式", "保存节假日表"],
    "main_case": ["返回列表"], "main_case_overview": ["返回列表"],
    **{f"main_case_{code}": ["返回列表"] for code, _tab in step_tabs()},  # every step's tab
    "intake": ["保存", "取消"], "duplicates": ["打开已有个案", "新建个案", "返回登记表"],
    "change_password": ["保存", "取消"], "account_new": ["保存", "取消"], "account_reset": ["保存", "取消"],
    "rare_char": ["插入"],
    "main_case_relief": ["返回列表"], "main_case_tracing": ["返回列表"],
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory, vault_copier) -> dict[float, dict]:
    """{scale: the probe's report}, both scales probed at once in their own processes."""
    base = tmp_path_factory.mktemp("screen-fit")
    config = base / "offscreen.json"
    config.write_text(json.dumps({"synchronousWindowSystemEvents": False, "windowFrameMargins": True, "screens": [
        {"name": "Office", "x": 0, "y": 0, "width": SCREEN[0], "height": SCREEN[1],
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    runs = {}
    for scale in SCALES:
        folder = base / f"scale-{scale}"
        (folder / "scratch").mkdir(parents=True)
        (folder / "home").mkdir()
        _vault, _code, password = vault_copier(folder / "vault")
        env = {k: v for k, v in os.environ.items()
               if k not in ("QT_SCREEN_SCALE_FACTORS", "QT_AUTO_SCREEN_SCALE_FACTOR", "QT_FONT_DPI")}
        env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale),
                   VICTIMCARE_HOME=str(folder / "home"), TMPDIR=str(folder / "scratch"),
                   PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p))
        args = [sys.executable, str(PROBE), str(folder / "vault"), password, str(folder / "scratch"),
                str(folder / "report.json")]
        runs[scale] = (folder, subprocess.Popen(args, env=env, cwd=str(ROOT), stdout=subprocess.PIPE,
                                                stderr=subprocess.STDOUT, text=True))
    out = {}
    for scale, (folder, proc) in runs.items():
        log, _ = proc.communicate(timeout=180)
        assert proc.returncode == 0, f"the probe at scale {scale} failed:\n{log}"
        out[scale] = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return out


def budget(scale: float) -> tuple[int, int]:
    """The usable screen in logical pixels: 1366×728 at 100 %, 1092×582 at 125 %."""
    return math.floor(SCREEN[0] / scale), math.floor(SCREEN[1] / scale)


def test_the_offscreen_screen_is_the_office_screen(reports):
    for scale, report in reports.items():
        x, y, w, h = report["screen"]
        assert report["scale"] == scale
        assert (x, y) == (0, 0) and abs(w - SCREEN[0] / scale) <= 1 and abs(h - SCREEN[1] / scale) <= 1, report["screen"]
        assert set(report["windows"]) == set(WINDOWS)


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("key", list(WINDOWS))
def test_window_fits_the_screen_with_its_buttons_in_view(reports, scale, key):
    report = reports[scale]
    w = report["windows"][key]
    max_w, max_h = budget(scale)
    sx, sy, sw, sh = report["screen"]
    fx, fy, fw, fh = w["frame"]
    where = f"{key} at {scale:.0%}: frame {fw}×{fh}, screen {max_w}×{max_h}"
    assert fw <= max_w and fh + TITLE_BAR <= max_h, f"{where} — too large with a title bar of {TITLE_BAR} px"
    assert sx <= fx and sy <= fy and fx + fw <= sx + sw and fy + fh <= sy + sh, f"{where} — placed off the screen"
    for name in ("min_size", "min_size_hint"):  # the window cannot be made (or grow) larger than the screen
        mw, mh = w[name]
        assert mw <= max_w and mh + TITLE_BAR <= max_h, f"{where} — {name} {mw}×{mh}"
    _gx, _gy, gw, gh = w["geometry"]
    assert set(w["buttons"]) == set(WINDOWS[key])
    for name, b in w["buttons"].items():
        bx, by, bw, bh = b["rect"]
        assert b["visible"], f"{where} — button {name!r} is hidden or cut off"
        assert 0 <= bx and 0 <= by and bx + bw <= gw and by + bh <= gh, f"{where} — button {name!r} at {b['rect']}"


@pytest.mark.parametrize("scale", SCALES)
def test_pages_and_the_case_page_never_grow_the_main_window(reports, scale):
    """Opening a section or a case (long name, many aliases, every flag) keeps the window's size, and
    the page fits it: only lists and long forms inside the page scroll, not the page as a whole."""
    windows = reports[scale]["windows"]
    for key, w in windows.items():
        if "size_before" not in w:
            continue
        assert w["geometry"][2:] == w["size_before"], f"{key} at {scale:.0%} resized the main window"
        assert w["page_scrolls"] == [False, False], f"{key} at {scale:.0%} does not fit: the page scrolls"
    _x, _y, sw, sh = reports[scale]["screen"]
    main = windows["main"]["geometry"]
    assert main[2:] == [min(1280, sw - 16), min(720, sh - 40)]  # 1280×720, or the screen less its frame


def test_intake_form_scrolls_inside_the_dialog_at_125_percent(reports):
    """The long form keeps its 900 px width but takes only the screen's height; Save stays at the bottom."""
    w = reports[1.25]["windows"]["intake"]
    _x, _y, width, height = w["geometry"]
    assert width == 900 and height == reports[1.25]["screen"][3] - 40
    save = w["buttons"]["保存"]["rect"]
    assert save[1] + save[3] > height - 60  # below the form, not in it


def test_a_scrolled_page_scrolls_only_when_its_minimum_size_does_not_fit(qtbot):
    """A word-wrapped label does not make a page scroll (a plain QScrollArea would size the page by its
    preferred height); a page whose minimum grows past the area scrolls as soon as it grows."""
    from PySide6.QtWidgets import QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget
    from victimcare.ui.kit.widgets import scrolling
    body = QWidget()
    lay = QVBoxLayout(body)
    note = QLabel("按工作日计算的期限会跳过这些放假日。" * 12)
    note.setWordWrap(True)
    lay.addWidget(note)
    lay.addWidget(QListWidget())  # a list would like 192 px, needs 70
    lay.addWidget(QPushButton("保存"))
    area = scrolling(body)
    qtbot.addWidget(area)
    area.resize(600, 240)
    area.show()
    qtbot.waitExposed(area)
    qtbot.wait(20)
    assert not area.verticalScrollBar().isVisible() and not area.horizontalScrollBar().isVisible()
    assert body.size() == area.viewport().size()
    tall = QPushButton("很高的按钮")
    tall.setMinimumHeight(400)
    lay.addWidget(tall)
    qtbot.waitUntil(lambda: area.verticalScrollBar().isVisible())
    assert body.height() >= 400 and not area.horizontalScrollBar().isVisible()
