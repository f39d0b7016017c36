"""The shared bad-input corpus typed into the intake form as a user would: a refused value is
explained under its field in Chinese and nothing is saved; a kept one is saved exactly as typed."""

import re
import unicodedata

from bad_inputs import TEXT
from support import SUPERVISOR
from ui_helpers import click, fill, find, open_window, settle, sign_in_window, type_text
from victimcare.casework.case_list import CaseQuery
from victimcare.ui.case.intake_dialog import IntakeDialog

CJK = re.compile(r"[\u4e00-\u9fff]{4}")
TYPED = ["nul", "escape", "rtl_override", "zero_width", "ext_b", "variation_selector", "sql_injection", "html"]


def test_bad_names_typed_into_the_form(qtbot, qapp, vault_factory):
    vault, _code, password = vault_factory()
    window = open_window(qtbot, qapp, vault)
    sign_in_window(qtbot, window, SUPERVISOR, password)
    outcomes = {}
    for label in TYPED:
        before = window.services.cases.count(CaseQuery(status="all"))
        dialog = IntakeDialog(window.services, window)
        dialog.show()
        fill(qtbot, dialog, "来站方式", "自行来站")
        fill(qtbot, dialog, "性别", "女")
        fill(qtbot, dialog, "出生日期", "2015-03-04")
        edit = find(dialog, "姓名").findChild(type(find(dialog, "曾用名/自述名")))
        edit.clear()
        type_text(qtbot, edit, TEXT[label])
        saved = []
        dialog.created.connect(saved.append)
        click(qtbot, dialog, "保存")
        settle()
        if saved:
            case = window.services.cases.get_case(saved[0])
            assert case["name"] == unicodedata.normalize("NFC", TEXT[label]), label
            outcomes[label] = "kept"
        else:
            outcomes[label] = "refused"
            message = find(dialog, "姓名错误提示").text()
            assert CJK.search(message) and dialog.isVisible(), label
            assert window.services.cases.count(CaseQuery(status="all")) == before
            dialog.close_quietly()
    assert outcomes == {"nul": "refused", "escape": "refused", "rtl_override": "refused", "zero_width": "refused",
                        "ext_b": "kept", "variation_selector": "kept", "sql_injection": "kept", "html": "kept"}
    window.close()
