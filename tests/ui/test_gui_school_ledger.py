"""入学安置台账 as the education officer uses it (qtbot, Chinese accessible names): the ledger lists the
referred children of school age only, the officer records and edits a placement in it, the 工作台's
double-click opens the ledger with the child selected, and the XLSX export reads back as typed."""

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from support import SUPERVISOR
from test_gui_cases import signed_in  # noqa: F401  (the fixture)
from ui_helpers import all_text, click, fill, find, settle
from victimcare.casework.record import SCHOOL_COLUMNS
from victimcare.domain.identity import check_digit
from victimcare.security.permissions import Role
from victimcare.services import sign_in

CHILD_ID = "35042620150304002" + check_digit("35042620150304002")  # synthetic


def referred_children(vault, password):
    """A child referred under a pseudonym, one named like a formula, an unreferred child, and a school row of
    a young adult referred long ago (19 now: it must not be listed)."""
    s = sign_in(vault, SUPERVISOR, password)
    base = {"admitted_at": "2026-01-05 09:00", "arrival_mode": "police_transfer", "sex": "F", "age_basis": "目测",
            "id_status": "none"}
    child = s.intake.create({**base, "name": "测试甲", "estimated_age": "10"})
    formula = s.intake.create({**base, "name": "测试乙", "estimated_age": "9"}, reviewed_duplicates=[child])
    s.intake.create({**base, "name": "测试丙", "estimated_age": "11"}, reviewed_duplicates=[child, formula])
    s.school.refer(child, "小甲")
    s.school.refer(formula, "=1+2")
    old = s.intake.create({**base, "name": "测试丁", "estimated_age": "17", "admitted_at": "2024-01-06 09:00"},
                          reviewed_duplicates=[child, formula, 3])  # referred at 17, now 19 or 20
    born = s.cases.get_case(old)["birth_date"]
    row = {"case_id": old, "case_no": "TS-2026-00004", "display_name": "成年丁", "sex": "F", "birth_date": born,
           "birth_estimated": 1, "referred_at": "2026-01-07T09:00:00", "referred_by": SUPERVISOR, "status": "placed",
           "school": "尤溪县测试中学", "grade": "高三", "updated_at": "2026-01-07T09:00:00", "case_status": "open"}
    s.session.run(lambda: s.session.conn("school").executemany(
        f"INSERT INTO school_children({', '.join(SCHOOL_COLUMNS)}) VALUES ({','.join('?' * len(SCHOOL_COLUMNS))})",
        [tuple(row.get(c, "") for c in SCHOOL_COLUMNS)]))
    s.close()
    return child, formula


def test_the_officer_records_and_edits_a_placement_and_exports_the_ledger(qtbot, signed_in, vault_factory,
                                                                          monkeypatch, tmp_path):
    vault, _code, password = vault_factory()
    child, formula = referred_children(vault, password)
    signed_in.password = password
    window = signed_in("jiaoyu", Role.EDUCATION_OFFICER, vault=vault)
    ledger = window.workspace.show_section("school")
    table = find(ledger, "入学安置台账")
    qtbot.waitUntil(lambda: table.model().rowCount() == 2)
    text = all_text(ledger)
    assert "小甲" in text and "=1+2" in text
    assert "成年丁" not in text and "测试丙" not in text and "测试甲" not in text, "pseudonyms, school age only"

    row = next(r for r in range(2) if table.model().row_data(r)["case_id"] == child)
    table.selectRow(row)
    qtbot.waitUntil(lambda: "小甲" in find(ledger, "所选儿童").text())
    fill(qtbot, ledger, "安置学校", "尤溪县测试小学")
    fill(qtbot, ledger, "年级", "四年级")
    fill(qtbot, ledger, "入学日期", "2026-03-02")
    fill(qtbot, ledger, "就读性质", "临时就读")
    fill(qtbot, ledger, "学籍号", "G" + CHILD_ID[:17] + ("1" if CHILD_ID[17] != "1" else "2"))
    click(qtbot, ledger, "保存入学安置")
    settle()
    assert "校验位不正确" in find(ledger, "学籍号错误提示").text(), "the error shows under its field"
    fill(qtbot, ledger, "学籍号", f"G{CHILD_ID}")
    click(qtbot, ledger, "保存入学安置")
    qtbot.waitUntil(lambda: settle() or find(ledger, "入学安置提示").text() == "入学安置已保存。")
    qtbot.waitUntil(lambda: "尤溪县测试小学" in all_text(table))
    assert "已建" in all_text(table) and "临时就读" in all_text(table)

    fill(qtbot, ledger, "班级", "3班")
    click(qtbot, ledger, "保存入学安置")
    qtbot.waitUntil(lambda: settle() or "四年级 3班" in all_text(table))
    find(ledger, "入学安置登记表").setCurrentIndex(2)
    history = find(ledger, "入学安置记录")
    assert [history.item(i).text().split()[1] for i in range(history.count())] == ["修改入学安置", "登记入学安置"]
    assert window.services.school.child(child)["class_name"] == "3班"

    path = tmp_path / "台账.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    click(qtbot, ledger, "导出台账")
    qtbot.waitUntil(lambda: settle() or "已导出 2 名儿童" in find(ledger, "导出结果").text())
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[3]]
    cells = {r[header.index("姓名或化名")].value: r for r in sheet.iter_rows(min_row=4)}
    assert cells["小甲"][header.index("学籍号")].value == f"G{CHILD_ID}", "the ID unchanged"
    name = cells["=1+2"][header.index("姓名或化名")]
    assert (name.value, name.data_type) == ("=1+2", "s"), "a name starting with = stays text"


def test_the_workbench_double_click_opens_the_ledger_with_the_child_selected(qtbot, signed_in, vault_factory):
    vault, _code, password = vault_factory()
    child, formula = referred_children(vault, password)
    s = sign_in(vault, SUPERVISOR, password)
    s.school.record_placement(formula, {"school": "尤溪县测试小学", "grade": "三年级", "enrolled_on": "2026-03-02",
                                        "attendance": "formal"})
    s.school.record_placement(child, {"school": "尤溪县测试小学", "grade": "四年级", "enrolled_on": "2026-03-02",
                                      "attendance": "formal"})
    s.school.record_transfer(child, "2026-03-03")  # long overdue
    s.close()
    signed_in.password = password
    window = signed_in("jiaoyu", Role.EDUCATION_OFFICER, vault=vault)
    home = window.workspace.show_section("home")
    tree = find(home, "到期事项")

    def first_item():
        case = tree.topLevelItem(0)
        return case.child(0) if case is not None and case.childCount() else None
    qtbot.waitUntil(lambda: settle() or (first_item() is not None and "学籍转接" in first_item().text(0)))
    item = first_item()
    tree.scrollToItem(item)
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # as a hand does:
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # press, then double
    ledger = window.workspace.pages["school"]
    qtbot.waitUntil(lambda: window.workspace.sections()[window.workspace.nav.currentRow()] == "school")
    table = find(ledger, "入学安置台账")
    qtbot.waitUntil(lambda: settle() or bool(table.selectionModel().selectedRows()))
    [selected] = table.selectionModel().selectedRows()
    assert table.model().row_data(selected.row())["case_id"] == child
    qtbot.waitUntil(lambda: "小甲" in find(ledger, "所选儿童").text())
    find(ledger, "入学安置登记表").setCurrentIndex(1)
    assert "已超期" in find(ledger, "学籍转接期限").text()
