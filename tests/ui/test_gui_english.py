"""``--lang en``: the English interface shows no Chinese except what users typed (and place names)."""

import re

import pytest

from ui_helpers import all_text, click, fill, open_window, settle, sign_in_window
from victimcare.services import sign_in
from victimcare.ui.i18n import install_translators
from victimcare.ui.case.intake_dialog import IntakeDialog

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\U00020000-\U0003ffff]")
USER_DATA = ("测试救助站", "孙英文", "小英", "目测",  # the station's name and what the test typed about the case
             "简体中文")  # a language offered by its own name, so that its readers find it


@pytest.fixture
def english(qapp):
    install_translators(qapp, "en")
    yield
    install_translators(qapp, "zh_CN")


def chinese_left(text: str) -> list[str]:
    for value in USER_DATA:
        text = text.replace(value, "")
    return sorted({line.strip() for line in text.splitlines() if CJK.search(line)})


def test_the_english_interface_has_no_chinese_outside_user_data(qtbot, qapp, english, vault_factory):
    vault, _code, password = vault_factory()
    s = sign_in(vault, "zhanzhang", password)
    case_id = s.intake.create({"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer",
                               "name": "孙英文", "aliases": "小英", "sex": "F", "estimated_age": "9",
                               "age_basis": "目测", "id_status": "none", "ethnicity": "01",
                               "suspected_trafficking": True, "police_report_at": "2026-01-05 10:00",
                               "police_report_unit": "PSB", "circumstances": "typed in English"})
    s.close()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, "zhanzhang", password, english=True)
    seen = []
    for section in window.workspace.sections():
        window.workspace.show_section(section)
        settle()
        seen.append(all_text(window))
    cases = window.workspace.show_section("cases")
    cases.open_case(case_id)
    settle()
    seen.append(all_text(window))
    cases.case_page.show_tab("intake")
    seen.append(all_text(window))
    dialog = IntakeDialog(window.services, window)
    qtbot.addWidget(dialog)
    seen.append(all_text(dialog))
    assert "Overdue" in seen[0] and "Case number" in "\n".join(seen), "the screens were read in English"
    left = chinese_left("\n".join(seen))
    assert left == [], "\n".join(left)
    dialog.close()
    window.close()
