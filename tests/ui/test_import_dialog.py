"""The import preview driven as the aid officer uses it."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from schoolaid.roster import roster
from schoolaid.roster.roster import RosterFilter
from schoolaid.roster.roster_import import Outcome
from schoolaid.ui.roster import import_dialog as module
from schoolaid.ui.roster.import_dialog import ImportDialog
from schoolaid.ui.roster.roster_tab import RosterTab
from tests.conftest import TODAY, student_form
from tests.sheets import id_for, registry_export, student_row


@pytest.fixture
def sheet(tmp_path) -> Path:
    return registry_export(tmp_path / "一年级.xlsx", [
        student_row("张三", dt.date(2016, 3, 2), 1),
        student_row("李四", dt.date(2016, 5, 6), 2, male=False),
        student_row("王五", dt.date(2016, 7, 1), 3, id_number=5.10411201607010e17),
        student_row("赵六", dt.date(2016, 8, 1), 5, birth_cell="2016年8月2日"),
    ])


def open_dialog(qtbot, context, path) -> ImportDialog:
    dialog = ImportDialog(context, path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.task.done, timeout=20_000)
    return dialog


def test_preview_then_import(qtbot, township_context, sheet) -> None:
    dialog = open_dialog(qtbot, township_context, sheet)
    summary = dialog.summary_label.text()
    assert "新增 <b>3</b> 名" in summary and "拒绝 <b>1</b> 行" in summary
    shown = {dialog.rows_model.row_object(r).row: dialog.rows_model.index(r, 3).data()
             for r in range(dialog.rows_model.rowCount())}
    assert shown == {6: "拒绝", 7: "新增"}  # rows that need attention: the rejected one and the warned one
    assert "无法恢复" in dialog.rows_model.index(0, 4).data()
    assert township_context.query(roster.count_students) == 0  # nothing written by the preview
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    assert dialog.result.new == 3
    assert township_context.query(roster.count_students) == 3
    assert "新增 3 名学生" in dialog.result_text()


def test_correcting_the_mapping_checks_again(qtbot, township_context, sheet) -> None:
    dialog = open_dialog(qtbot, township_context, sheet)
    birth_row = next(r for r in range(dialog.mapping_model.rowCount())
                     if dialog.mapping_model.index(r, 0).data() == "出生日期")
    assert dialog.mapping_model.index(birth_row, 1).data() == "出生日期"
    first_plan = dialog.plan
    # The user says the birth date column is not to be trusted: birth dates then come from the IDs.
    assert dialog.mapping_model.setData(dialog.mapping_model.index(birth_row, 1), None, Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: dialog.plan is not first_plan and dialog.task.done, timeout=20_000)
    assert not dialog.plan.warned
    assert dialog.plan.count(Outcome.NEW) == 3


def test_students_already_on_the_roster_can_be_skipped_row_by_row(qtbot, township_context, sheet) -> None:
    township_context.db.run(roster.add_student, township_context.actor,
                            student_form(township_context.db, "张三", class_name="9班"), today=TODAY)
    dialog = open_dialog(qtbot, township_context, sheet)
    assert dialog.plan.count(Outcome.UPDATE) == 1
    dialog.show_combo.setCurrentIndex(ImportDialog.SHOW_KNOWN)
    assert dialog.rows_model.rowCount() == 1 and "已在花名册中" in dialog.rows_model.index(0, 4).data()
    dialog.rows_table.selectRow(0)
    plan = dialog.plan
    dialog.skip_rows_button.click()
    qtbot.waitUntil(lambda: dialog.plan is not plan and dialog.task.done, timeout=20_000)
    assert dialog.plan.count(Outcome.UPDATE) == 0 and dialog.plan.count(Outcome.SKIP) == 1


def test_rejected_rows_are_saved_where_the_user_says(qtbot, township_context, sheet, tmp_path, monkeypatch) -> None:
    target = tmp_path / "退回给老师.xlsx"
    monkeypatch.setattr(module.QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    monkeypatch.setattr(module.QMessageBox, "information", lambda *args: None)
    dialog = open_dialog(qtbot, township_context, sheet)
    dialog.save_rejected_button.click()
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[2][0] == 6 and rows[2][3] == "王五"


def test_an_unreadable_file_is_explained_and_the_dialog_closes(qtbot, township_context, tmp_path,
                                                               monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text))
    path = tmp_path / "照片.xlsx"
    path.write_bytes(b"\xff\xd8\xff\xe0 a photo, not a roster")
    dialog = ImportDialog(township_context, path)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "照片.xlsx" in shown[0]
    assert dialog.result is None


def test_the_roster_tab_shows_imported_students(qtbot, township_context, sheet, monkeypatch) -> None:
    tab = RosterTab(township_context)
    qtbot.addWidget(tab)
    tab.show()  # the tab the import is made from: a hidden one reads again only once shown
    messages = []
    tab.message.connect(messages.append)

    def preview_and_import(dialog: ImportDialog) -> bool:
        qtbot.waitUntil(lambda: dialog.plan is not None and dialog.task.done, timeout=20_000)
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
        return True

    monkeypatch.setattr(ImportDialog, "exec", preview_and_import)
    tab.import_roster(sheet)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 3)  # the list read again in the background
    assert messages and "新增 3 名学生" in messages[0]
    assert set(township_context.query(roster.search_ids, RosterFilter(text="zs"))) <= {
        tab.model.student_id(r) for r in range(3)}


def test_id_numbers_in_float_cells_name_the_problem(qtbot, township_context, tmp_path) -> None:
    path = registry_export(tmp_path / "float.xlsx", [student_row("王五", dt.date(2016, 7, 1), 3,
                                                                   id_number=float(id_for(dt.date(2016, 7, 1), 3)))])
    dialog = open_dialog(qtbot, township_context, path)
    assert dialog.plan.rejected and "Excel" in dialog.plan.rejected[0].reason


def test_export_dialog_writes_what_the_roster_shows(qtbot, context, tmp_path) -> None:
    from schoolaid.ui.roster.export_dialog import ExportDialog

    tab = RosterTab(context)
    qtbot.addWidget(tab)
    tab.school_combo.setCurrentIndex(tab.school_combo.findText("波西村小学"))
    dialog = ExportDialog(context, tab.model.filter, tab.model.sort_key, tab.model.descending, tab.model.shown)
    qtbot.addWidget(dialog)
    dialog.path_edit.setText(str(tmp_path / "波西村小学"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=20_000)
    assert dialog.written == tab.model.shown
    sheet = openpyxl.load_workbook(tmp_path / "波西村小学.xlsx").active
    names = [sheet.cell(row, 2).value for row in range(4, sheet.max_row + 1)]
    assert names == [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    assert {sheet.cell(row, 8).value for row in range(4, sheet.max_row + 1)} == {"波西村小学"}


def test_survey_is_written_from_the_menu(qtbot, context, tmp_path, monkeypatch) -> None:
    from schoolaid.ui.roster import roster_tab

    target = tmp_path / "调查表.xlsx"
    monkeypatch.setattr(roster_tab.QFileDialog, "getSaveFileName", lambda *args: (str(target), ""))
    tab = RosterTab(context)
    qtbot.addWidget(tab)
    messages = []
    tab.message.connect(messages.append)
    tab.export_survey()
    qtbot.waitUntil(lambda: bool(messages), timeout=20_000)  # written off the GUI thread
    assert target.exists() and "10 个贫困村" in messages[0]


def test_cancelling_the_import_writes_nothing(qtbot, township_context, sheet, monkeypatch) -> None:
    from schoolaid.roster import roster_import

    told = []
    monkeypatch.setattr(module.QMessageBox, "information", lambda *args: told.append(args[2]))
    dialog = open_dialog(qtbot, township_context, sheet)
    pressed = threading.Event()
    importing = roster_import.apply_plan

    def waits_for_cancel(session, actor, plan, *, today, progress):
        pressed.wait(10)  # the import has begun; the user presses Cancel now
        return importing(session, actor, plan, today=today, progress=progress)

    monkeypatch.setattr(roster_import, "apply_plan", waits_for_cancel)
    dialog.import_button.click()
    dialog.task.dialog.findChild(QPushButton).click()  # the progress dialog's Cancel
    pressed.set()
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "没有写入" in told[0]
    assert township_context.query(roster.count_students) == 0
    assert dialog.import_button.isEnabled()


def test_the_school_named_in_the_title_row_is_proposed(qtbot, township_context, tmp_path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["仁和区平地镇中心校 2026年秋季学期 在校学生名册"])
    sheet.append(["姓名", "性别", "出生日期", "身份证号", "年级", "班级"])
    sheet.append(["钱一", "男", "2016-03-02", id_for(dt.date(2016, 3, 2), 1), "四年级", "1班"])
    path = tmp_path / "名册.xlsx"
    workbook.save(path)
    dialog = open_dialog(qtbot, township_context, path)
    assert dialog.school_combo.currentText() == "平地镇中心校" and dialog.school_combo.isEnabled()
    assert "新增 <b>1</b> 名" in dialog.summary_label.text() and "拒绝 <b>0</b> 行" in dialog.summary_label.text()
    dialog.school_combo.setCurrentIndex(dialog.school_combo.findText("波西村小学"))  # the user may choose another
    qtbot.waitUntil(lambda: dialog.plan.options.default_school_id == dialog.school_combo.currentData()
                    and dialog.task.done, timeout=20_000)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
    assert [s.school for s in township_context.query(roster.fetch_rows, township_context.query(
        roster.search_ids, RosterFilter()), TODAY, full_id_rights=False).values()] == ["波西村小学"]
