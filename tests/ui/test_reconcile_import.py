"""Importing a list of 四查三比对 from the menu, driven as the aid officer does it: the file chosen, the
preview with its columns and every row's outcome, the village and who handed it over, then the import."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from schoolaid.common.school_calendar import SchoolYear
from schoolaid.reconcile import lists
from schoolaid.reconcile.list_import import RowOutcome
from schoolaid.reconcile.vocabulary import ListKind
from schoolaid.ui.actions import PROPERTY
from schoolaid.ui.main_window import MainWindow
from schoolaid.ui.reconcile.list_import_dialog import ListImportDialog, guess_kind
from tests.conftest import TODAY, village_id
from tests.reference_lists import (
    make_register_people,
    messy_register,
    poverty_members,
    write_poverty_workbook,
)
from tests.ui.driving import when_shown

AGE_DAY = SchoolYear.containing(TODAY).age_reference_day


def open_dialog(qtbot, context, path, **kind) -> ListImportDialog:
    dialog = ListImportDialog(context, path, **kind)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.plan is not None and dialog.task.done, timeout=30_000)
    return dialog


def rows_shown(dialog: ListImportDialog) -> dict[int, str]:
    return {dialog.rows_model.row_object(r).row: dialog.rows_model.index(r, 3).data()
            for r in range(dialog.rows_model.rowCount())}


def test_the_register_imported_from_the_menu_with_its_preview(qtbot, township_context, tmp_path, monkeypatch) -> None:
    path = tmp_path / "平地镇波西村户籍人口花名册.xlsx"
    expected = messy_register(path, village="波西村", households=150, reference_day=AGE_DAY, seed=4)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    window = MainWindow(township_context)
    qtbot.addWidget(window)
    window.show()
    menu = next(m for m in window.findChildren(QMenu) if m.objectName() == "students")
    action = next(a for a in menu.actions() if a.property(PROPERTY) == "students.import_lists")
    assert action.isVisible() and ("比对名单" in action.text() or "comparison" in action.text())

    def look_and_import(dialog: ListImportDialog) -> None:
        qtbot.waitUntil(lambda: dialog.plan is not None and dialog.task.done, timeout=30_000)
        assert dialog.kind is ListKind.HUKOU
        mapped = {dialog.columns.model.index(r, 0).data(): dialog.columns.model.index(r, 1).data()
                  for r in range(dialog.columns.model.rowCount())}
        assert mapped["公民身份号码"] and mapped["户主姓名"] and mapped["与户主关系"]
        shown = rows_shown(dialog)  # the rows that need attention: the refused ones and the duplicate
        assert {row for row, outcome in shown.items() if outcome == RowOutcome.REJECTED.label()} == set(expected.rejected)
        assert set(expected.merged) <= set(shown)
        dialog.show_combo.setCurrentIndex(ListImportDialog.SHOW_ALL)
        assert dialog.rows_model.rowCount() == len(dialog.plan.rows)
        assert "**********" in dialog.rows_model.index(0, 5).data()  # ID numbers masked in the preview
        dialog.widget_png = tmp_path / "a-dialog.png"
        dialog.grab().save(str(dialog.widget_png))
        assert not dialog.import_button.isEnabled()  # nobody said whom the list came from yet
        assert township_context.query(lists.list_lists) == []  # nothing written by the preview
        dialog.source_edit.insert("平地派出所")  # typed through the input method (QTest types ASCII only)
        dialog.received_edit.setDate(QDate(2026, 10, 8))
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()

    seen = when_shown(ListImportDialog, look_and_import)
    window.import_reference_list()
    assert seen and seen[0].stored is not None
    [stored] = township_context.query(lists.list_lists)
    assert (stored.kind, stored.village, stored.source, stored.received_on) == (
        ListKind.HUKOU, "波西村", "平地派出所", dt.date(2026, 10, 8))
    assert (stored.people, stored.children, stored.rejected) == (expected.kept, expected.children, 3)
    assert str(expected.kept) in window.statusBar().currentMessage()


def test_choosing_the_village_and_the_kind_checks_again(qtbot, township_context, tmp_path, monkeypatch) -> None:
    people = make_register_people("波西村", 12, reference_day=AGE_DAY, seed=7)
    heads = [p.name for p in people if p.is_head]
    path = write_poverty_workbook(tmp_path / "名单.xlsx",
                                  [replace(m, village="") for m in poverty_members(
                                      people, {heads[0]: "脱贫户", heads[1]: "边缘易致贫户"})])
    dialog = open_dialog(qtbot, township_context, path)
    # The name says nothing, so a register was guessed; the file has no register's header: a poverty list
    assert dialog.kind is ListKind.POVERTY and dialog.plan.kind is ListKind.POVERTY
    assert {p.category for p in dialog.plan.people} == {"脱贫户", "防止返贫监测对象"}
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: told.append(text))
    first = dialog.plan
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ListKind.REGISTRY.value))
    qtbot.waitUntil(lambda: bool(told) and dialog.task.done, timeout=30_000)
    assert "名单.xlsx" in told[0] and dialog.kind is ListKind.POVERTY and dialog.plan is first  # back to what it is
    assert dialog.plan.village_id is None and dialog.plan.notes  # the file names no village
    before = dialog.plan
    dialog.village_combo.setCurrentIndex(dialog.village_combo.findText("波西村"))
    qtbot.waitUntil(lambda: dialog.plan is not before and dialog.task.done, timeout=30_000)
    bosi = village_id(township_context.db, "波西村")
    assert dialog.plan.village_id == bosi and {p.village_id for p in dialog.plan.people} == {bosi}
    # a column the user says is not to be read: the category
    category_row = next(r for r in range(dialog.columns.model.rowCount())
                        if dialog.columns.model.index(r, 0).data() == "类别")
    before = dialog.plan
    assert dialog.columns.model.setData(dialog.columns.model.index(category_row, 1), None, Qt.ItemDataRole.EditRole)
    qtbot.waitUntil(lambda: dialog.plan is not before and dialog.task.done, timeout=30_000)
    assert {p.category for p in dialog.plan.people} == {""} and dialog.plan.warned
    dialog.reject()


def test_a_registry_export_without_a_school_column_takes_the_school_chosen(qtbot, township_context, tmp_path) -> None:
    from schoolaid.roster.idnumber import make_number

    path = tmp_path / "学籍导出.csv"
    number = make_number("510411", dt.date(2016, 3, 2), 11)
    path.write_text(f"全国学籍号,姓名,性别,出生日期,年级\nG{number},张三,男,2016-03-02,四年级\n", encoding="utf-8")
    dialog = open_dialog(qtbot, township_context, path)
    assert dialog.kind is ListKind.REGISTRY
    assert dialog.school_combo.isVisibleTo(dialog) and not dialog.village_combo.isVisibleTo(dialog)
    assert [p.code for p in dialog.plan.rejected[0].problems] == ["list.school_missing"]
    before = dialog.plan
    dialog.school_combo.setCurrentIndex(dialog.school_combo.findText("波西村小学"))
    qtbot.waitUntil(lambda: dialog.plan is not before and dialog.task.done, timeout=30_000)
    [person] = dialog.plan.people
    assert person.school_id == dialog.school_combo.currentData() and person.id_number == number
    dialog.reject()


def test_the_kind_is_guessed_from_the_files_name(tmp_path) -> None:
    assert guess_kind(tmp_path / "2026年秋季学籍导出.xlsx") is ListKind.REGISTRY
    assert guess_kind(tmp_path / "脱贫户及监测对象名单.xls") is ListKind.POVERTY
    assert guess_kind(tmp_path / "波西村户籍.csv") is ListKind.HUKOU


def test_the_menu_item_is_not_offered_without_the_right_to_edit_the_roster(qtbot, township_context) -> None:
    from schoolaid.accounts.audit import Actor
    from schoolaid.ui.context import AppContext

    viewer = AppContext(township_context.db, township_context.preferences, actor=Actor("孙干部", role="township_viewer"))
    window = MainWindow(viewer)
    qtbot.addWidget(window)
    found = [a for a in window.findChildren(QAction) if a.property(PROPERTY) == "students.import_lists"]
    assert all(not a.isVisible() for a in found)
