"""比对核查, driven as the aid officer does: a household register imported for the demo township, its
children on no roster shown oldest first and counted per kind; one checked as studying in the city
(it leaves the list to check), one found out of school (a student record 未入学, then a dropout case);
a teacher sees the differences and records nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from schoolaid.accounts import accounts
from schoolaid.accounts.accounts import UserForm
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Role
from schoolaid.dropout import case_files
from schoolaid.reconcile import checks, differences, lists
from schoolaid.reconcile.lists import ListedPerson
from schoolaid.reconcile.vocabulary import CheckResult, DifferenceKind, ListKind
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.idnumber import make_number
from schoolaid.township import township
from schoolaid.ui.actions import BY_ID
from schoolaid.ui.context import AppContext
from schoolaid.ui.dropout.dropout_dialogs import CaseDialog
from schoolaid.ui.dropout.dropout_tab import DropoutTab
from schoolaid.ui.reconcile.check_dialog import CheckDialog
from schoolaid.ui.reconcile.comparison_page import IMPORT_LISTS, OPEN, ComparisonPage
from tests.conftest import TODAY, UTC_NOW
from tests.ui.driving import save, when_shown

RECEIVED = dt.date(2026, 10, 8)
REGION = "510411"


def child(name: str, sex: str, birth: dt.date, sequence: int, village_id: int, head: str) -> ListedPerson:
    return ListedPerson(name=name, sex=sex, birth_date=birth, id_number=make_number(REGION, birth, sequence),
                        is_child=True, village_id=village_id, group_name="三组", household_no=f"H{sequence:04d}",
                        head_name=head, relation="子" if sex == "男" else "女")


#: Children of the register on no roster of the demo township: two of school age, one of preschool age.
PLANTED = {
    "苏文博": DifferenceKind.NOT_ENROLLED,
    "苏文静": DifferenceKind.NOT_ENROLLED,
    "苏小满": DifferenceKind.PRESCHOOL_NOT_ENROLLED,
}


def import_register(db, actor: Actor) -> None:
    villages = {v.name: v.id for v in db.query(township.list_villages)}
    people = [
        child("苏文博", "男", dt.date(2016, 4, 3), 901, villages["大火山村"], "苏建国"),
        child("苏文静", "女", dt.date(2014, 9, 12), 902, villages["大火山村"], "苏建国"),
        child("苏小满", "女", dt.date(2022, 5, 10), 904, villages["波西村"], "苏建华"),
    ]
    db.run(lists.store_list, actor, ListKind.HUKOU, people, today=TODAY, source="平地镇派出所", received_on=RECEIVED,
           village_id=None, school_year=2026, file_name="平地镇户籍.xlsx")


@pytest.fixture
def registered(demo_db, actor):
    import_register(demo_db, actor)
    return demo_db


@pytest.fixture
def tab(qtbot, app, registered, preferences) -> DropoutTab:
    widget = DropoutTab(AppContext(registered, preferences, "李老师"))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    return widget


def open_page(qtbot, tab: DropoutTab) -> ComparisonPage:
    tab.sections.setCurrentIndex(DropoutTab.COMPARISON)
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)
    return tab.comparison_page


def shown(page: ComparisonPage) -> list[differences.Difference]:
    return [page.model.row_object(row) for row in range(page.model.rowCount())]


def row_of(page: ComparisonPage, name: str) -> int:
    return next(row for row, d in enumerate(shown(page)) if d.name == name)


def test_the_planted_differences_are_listed_oldest_first_with_counts_per_kind(qtbot, tab) -> None:
    page = open_page(qtbot, tab)
    assert page.stack.currentWidget() is page.table
    rows = shown(page)
    found = {d.name: d.kind for d in rows}
    assert {name: found.get(name) for name in PLANTED} == PLANTED
    assert [d.since for d in rows] == sorted(d.since for d in rows)
    assert all(d.is_open for d in rows)  # the list to check
    expected = page.context.query(differences.differences, TODAY)
    assert len(rows) == len(expected)

    row = row_of(page, "苏文博")
    cells = [page.model.index(row, column).data() for column in range(page.model.columnCount())]
    assert cells[0] == "户籍有、未入学" or cells[0] == DifferenceKind.NOT_ENROLLED.label()
    assert cells[1] == "苏文博" and cells[2] == "2016-04-03" and cells[4] == "大火山村"
    number = make_number(REGION, dt.date(2016, 4, 3), 901)
    assert number not in cells[3] and cells[3].endswith(number[-4:])  # masked
    assert cells[7] == RECEIVED.isoformat() and cells[8] == "待核查"
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == ["类别", "姓名", "出生日期", "身份证号", "村", "情况", "匹配", "发现于", "核查结果"]

    # The kind filter says how many of each kind there are, and shows only that kind.
    position = page.kind_combo.findData(DifferenceKind.PRESCHOOL_NOT_ENROLLED.value)
    preschool = [d for d in expected if d.kind is DifferenceKind.PRESCHOOL_NOT_ENROLLED]
    assert page.kind_combo.itemText(position).endswith(f"({len(preschool)})")
    page.kind_combo.setCurrentIndex(position)
    assert {d.kind for d in shown(page)} == {DifferenceKind.PRESCHOOL_NOT_ENROLLED}
    assert "苏小满" in {d.name for d in shown(page)}
    # The village filter.
    page.kind_combo.setCurrentIndex(0)
    page.village_combo.setCurrentIndex(page.village_combo.findText("大火山村"))
    assert {d.village for d in shown(page)} == {"大火山村"} and "苏小满" not in {d.name for d in shown(page)}
    # A village's differences still to check, as today's work opens them.
    page.state_combo.setCurrentIndex(page.state_combo.findData("all"))
    page.show_village(next(v.id for v in page.context.query(township.list_villages) if v.name == "波西村"))
    assert page.state_combo.currentData() == OPEN and page.village_combo.currentText() == "波西村"
    assert {d.village for d in shown(page)} == {"波西村"} and "苏小满" in {d.name for d in shown(page)}
    page.show_village(None)
    # The history panel follows the selection.
    page.table.selectRow(row_of(page, "苏文博"))
    assert "苏文博" in page.history_title.text() and page.history_model.rowCount() == 0


def test_studying_elsewhere_closes_the_difference(qtbot, tab) -> None:
    page = open_page(qtbot, tab)
    page.table.selectRow(row_of(page, "苏文博"))
    seen = []

    def fill(dialog: CheckDialog) -> None:
        seen.append(dialog)
        assert [dialog.result_combo.itemData(i) for i in range(dialog.result_combo.count())] == \
            [r.value for r in _results(DifferenceKind.NOT_ENROLLED)]
        assert dialog.focusWidget() is dialog.result_combo
        assert dialog.checked_by_edit.text() == "李老师" and dialog.checked_on_edit.date() == QDate(
            TODAY.year, TODAY.month, TODAY.day)
        dialog.result_combo.setCurrentIndex(dialog.result_combo.findData(CheckResult.STUDYING_ELSEWHERE.value))
        assert dialog.school_edit.isVisibleTo(dialog) and not dialog.body_edit.isVisibleTo(dialog)
        # Tab goes down the fields shown, in order.
        order = []
        for _field in range(12):  # a date box takes a Tab per section (day, month, year)
            # The dialog's own focus: offscreen, the window system may leave the main window active.
            QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
            order.append(dialog.focusWidget())
        expected = [dialog.school_edit, dialog.place_edit, dialog.how_combo, dialog.with_edit,
                    dialog.checked_by_edit]
        assert order[:5] == expected
        assert dialog.evidence_edit in order and order.index(dialog.evidence_edit) < order.index(dialog.note_edit)
        dialog.result_combo.setFocus()
        dialog.how_combo.setCurrentIndex(dialog.how_combo.findData("电话"))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # school and place missing
        assert dialog.isVisible() and dialog.refusal_text()
        assert dialog.how_combo.currentData() == "电话"  # nothing typed is lost
        dialog.school_edit.insert("攀枝花市第二小学")
        dialog.place_edit.insert("攀枝花市东区")
        dialog.with_edit.insert("班主任 王老师")
        dialog.evidence_edit.insertPlainText("电话核实，王老师确认在读")
        save(dialog)

    when_shown(CheckDialog, fill)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on the selected row opens the dialog
    assert seen
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)
    assert page.state_combo.currentData() == OPEN
    assert "苏文博" not in {d.name for d in shown(page)}
    page.state_combo.setCurrentIndex(page.state_combo.findData("checked"))
    row = row_of(page, "苏文博")
    assert page.model.index(row, 8).data().startswith("在外地就读")
    page.table.selectRow(row)
    assert page.history_model.rowCount() == 1
    assert "攀枝花市第二小学" in page.history_model.index(0, 2).data()
    assert page.history_model.index(0, 3).data() == "李老师"


def _results(kind: DifferenceKind) -> tuple[CheckResult, ...]:
    from schoolaid.reconcile.vocabulary import RESULTS

    return RESULTS[kind]


def test_out_of_school_puts_the_child_on_the_roster_and_opens_the_case(qtbot, tab, monkeypatch) -> None:
    page = open_page(qtbot, tab)
    page.table.selectRow(row_of(page, "苏文静"))
    asked = []

    def answer(_parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)

    def fill(dialog: CheckDialog) -> None:
        dialog.result_combo.setCurrentIndex(dialog.result_combo.findData(CheckResult.OUT_OF_SCHOOL.value))
        assert dialog.placement_school.isVisibleTo(dialog) and not dialog.school_edit.isVisibleTo(dialog)
        # Proposed by age and village: 11 on 31 August, from a village without a school of its own.
        assert dialog.placement_school.currentText() == "平地镇中心校"
        assert dialog.placement_grade.currentText() == "六年级"
        dialog.evidence_edit.insertPlainText("入户核查，孩子在家")
        save(dialog)

    def fill_case(dialog: CaseDialog) -> None:
        dialog.reason_edit.insert("从未入学")
        save(dialog)

    when_shown(CheckDialog, fill)
    cases = when_shown(CaseDialog, fill_case, [])
    where = page.table.visualRect(page.model.index(row_of(page, "苏文静"), 1)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert asked and "苏文静" in asked[0]
    assert cases
    # The case is shown on the Cases page, the child on the roster as 未入学.
    assert tab.sections.currentIndex() == DropoutTab.CASES
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)  # the lists read again in the background
    case = tab.selected_case()
    assert case is not None and case.student == "苏文静"
    student = page.context.query(roster.get_summary, case.student_id)
    assert student.status is EnrollmentStatus.NOT_ENROLLED
    assert page.context.query(case_files.get_case, case.id).status.is_open


def test_already_at_our_school_links_the_student_chosen(qtbot, tab) -> None:
    from schoolaid.ui.widgets.student_picker import StudentPicker

    page = open_page(qtbot, tab)
    page.table.selectRow(row_of(page, "苏小满"))
    chosen = []

    def pick(picker: StudentPicker) -> None:
        assert picker.search_edit.text() == "苏小满"  # the search starts from the child's name
        picker.search_edit.clear()
        picker.table.selectRow(0)
        chosen.append(picker.model.row_object(0))
        picker.buttons.button(picker.buttons.StandardButton.Ok).click()

    def fill(dialog: CheckDialog) -> None:
        dialog.result_combo.setCurrentIndex(dialog.result_combo.findData(CheckResult.AT_OUR_SCHOOL.value))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # no student chosen yet
        assert dialog.isVisible() and "请选择" in dialog.refusal_text()
        when_shown(StudentPicker, pick)
        dialog.choose_button.click()
        assert chosen and chosen[0].name in dialog.student_label.text()
        save(dialog)

    seen = when_shown(CheckDialog, fill)
    page.record_button.click()
    assert seen
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)
    assert "苏小满" not in {d.name for d in shown(page)}
    (check,) = page.context.query(checks.history, DifferenceKind.PRESCHOOL_NOT_ENROLLED,
                                  next(d.person_key for d in page._all if d.name == "苏小满"))
    assert check.result == CheckResult.AT_OUR_SCHOOL.value and check.student_id == chosen[0].id


def test_a_deferral_is_checked_again_once_its_approval_has_run_out(qtbot, tab, monkeypatch) -> None:
    page = open_page(qtbot, tab)
    page.table.selectRow(row_of(page, "苏文博"))
    until = TODAY + dt.timedelta(days=30)

    def fill(dialog: CheckDialog) -> None:
        dialog.result_combo.setCurrentIndex(dialog.result_combo.findData(CheckResult.DEFERRED.value))
        assert dialog.body_edit.isVisibleTo(dialog) and not dialog.placement_school.isVisibleTo(dialog)
        dialog.body_edit.insert("仁和区教育局")
        dialog.document_edit.insert("仁教〔2026〕12号")
        dialog.expiry_edit.setDate(QDate(until.year, until.month, until.day))
        dialog.evidence_edit.insertPlainText("批准文件复印件")
        save(dialog)

    when_shown(CheckDialog, fill)
    page.record_button.click()
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)
    assert "苏文博" not in {d.name for d in shown(page)}
    # A month later the approval has run out: the child is to be checked again.
    monkeypatch.setattr(AppContext, "pinned_now", dt.datetime.combine(until, dt.time(9)))
    page.refresh()
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)
    row = row_of(page, "苏文博")
    assert page.model.index(row, 8).data().startswith("延缓入学") and "需再次核查" in page.model.index(row, 8).data()


def test_the_check_sheet_is_exported_for_the_door_to_door_visits(qtbot, tab, tmp_path) -> None:
    import openpyxl

    page = open_page(qtbot, tab)
    page.export_report(tmp_path / "比对核查表.xlsx")
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)
    book = openpyxl.load_workbook(tmp_path / "比对核查表.xlsx")
    cells = {str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row}
    assert {"苏文博", "苏文静", "苏小满", "核查人", "核查结果"} <= cells


def test_the_models_behave(qtbot, qtmodeltester, tab) -> None:
    page = open_page(qtbot, tab)
    qtmodeltester.check(page.model)
    page.table.selectRow(0)
    qtmodeltester.check(page.history_model)


def test_a_teacher_sees_the_differences_and_records_nothing(qtbot, app, registered, preferences) -> None:
    admin = registered.run(accounts.create_first_administrator, "admin", "王管理", "secret-pass-1")
    classes = (next(ref for ref, _label in registered.query(accounts.known_classes) if ref.stage == "小学"),)
    registered.run(accounts.add_user, admin, UserForm("teacher", "赵老师", Role.TEACHER.value, "secret-pass-1", None,
                                                      classes))
    teacher = registered.run(accounts.sign_in, "teacher", "secret-pass-1", now=UTC_NOW).actor
    tab = DropoutTab(AppContext(registered, preferences, actor=teacher))
    qtbot.addWidget(tab)
    tab.show()
    page = open_page(qtbot, tab)
    assert "苏文博" in {d.name for d in shown(page)}
    assert page.record_button.isHidden()
    page.table.selectRow(row_of(page, "苏文博"))
    opened = when_shown(CheckDialog, lambda dialog: dialog.reject())
    page.record_check()  # as a double click would: nothing opens
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.wait(100)
    assert opened == []


def test_without_a_list_the_page_says_what_to_do(qtbot, township_context) -> None:
    tab = DropoutTab(township_context)
    qtbot.addWidget(tab)
    tab.show()
    page = open_page(qtbot, tab)
    assert page.stack.currentWidget() is page.empty_label
    text = page.empty_label.text()
    assert "还没有可比对的名单" in text and "户籍" in text
    if IMPORT_LISTS in BY_ID:  # the lists' import is in the menus: named as there, and linked
        assert "学生 → 导入" in text and f"href='{IMPORT_LISTS}'" in text
    else:
        assert "文件 → 导入比对名单" in text
