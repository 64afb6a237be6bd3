"""A child's disability and placement from the roster's right-click menu, as the aid officer records it:
the category, grade and assessment, the placement 送教上门 saved, a visit logged from the same dialog
and seen in its table; the register on the Print menu."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMenu

from schoolaid.roster import disabilities, roster
from schoolaid.roster.disabilities import Placement
from schoolaid.ui.actions import ACTIONS, PROPERTY
from schoolaid.ui.roster.disability_dialog import DisabilityDialog, VisitDialog
from schoolaid.ui.roster.roster_tab import RosterTab
from tests.conftest import student_form
from tests.ui.driving import save, when_shown


@pytest.fixture
def tab(qtbot, township_context, monkeypatch) -> RosterTab:
    monkeypatch.setattr(QMenu, "popup", lambda *_args: None)  # the offscreen platform cannot pop a menu up
    widget = RosterTab(township_context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def add(context, name: str, sequence: int) -> int:
    form = student_form(context.db, name=name, sequence=sequence)
    _, problems = context.query(roster.validate, form, today=context.today())
    return context.db.run(roster.add_student, context.actor, form, confirmed=[p.code for p in problems],
                          today=context.today())


def open_from_the_menu(tab: RosterTab, student_id: int) -> None:
    tab.select_student(student_id)
    tab._context_menu(tab.table.rect().center())
    action = next(a for a in tab.last_context_menu.actions() if a.property(PROPERTY) == "students.disability")
    tab.last_context_menu.close()
    action.trigger()


def set_day(edit, day: dt.date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def test_a_placement_set_and_a_visit_logged_from_the_roster(qtbot, qtmodeltester, tab, township_context) -> None:
    today = township_context.today()
    pupil = add(township_context, "王送教", 1)
    tab.select_student(pupil)
    qtbot.waitUntil(lambda: tab.model.row_of(pupil) is not None)

    def log(visit: VisitDialog) -> None:
        set_day(visit.date_edit, today - dt.timedelta(days=2))
        visit.teacher_edit.insert("刘老师")  # typed through an input method
        visit.hours_spin.setValue(1.5)
        visit.content_edit.insertPlainText("语文：认读生字十个")
        save(visit)

    def fill(dialog: DisabilityDialog) -> None:
        assert not dialog.add_visit_button.isEnabled()  # not placed 送教上门 yet
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("智力"))
        dialog.grade_combo.setCurrentIndex(dialog.grade_combo.findData("二级"))
        dialog.placement_combo.setCurrentIndex(dialog.placement_combo.findData(Placement.HOME_TEACHING.value))
        set_day(dialog.since_edit, today - dt.timedelta(days=10))
        dialog.assessed_check.setChecked(True)
        set_day(dialog.assessed_edit, today - dt.timedelta(days=15))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # assessed, no decision: refused
        assert dialog.isVisible() and dialog.refusal_text()
        dialog.decision_edit.insert("需专人护理，安排送教上门")
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        assert dialog.isVisible() and dialog.refusal_text() == ""  # saved: the dialog stays for the visits
        assert dialog.add_visit_button.isEnabled()
        answered = when_shown(VisitDialog, log)
        qtbot.mouseClick(dialog.add_visit_button, Qt.MouseButton.LeftButton)
        assert answered
        model = dialog.visits_model
        assert model.rowCount() == 1
        row = [model.index(0, column).data() for column in range(model.columnCount())]
        qtmodeltester.check(model)
        assert row == [(today - dt.timedelta(days=2)).isoformat(), "刘老师", "1.5", "", "语文：认读生字十个", ""]
        dialog.reject()

    answered = when_shown(DisabilityDialog, fill)
    open_from_the_menu(tab, pupil)
    assert answered
    record = township_context.query(disabilities.current, pupil)
    assert record is not None and (record.category, record.grade, record.placement, record.since) == (
        "智力", "二级", Placement.HOME_TEACHING, today - dt.timedelta(days=10))
    [visit] = township_context.query(disabilities.visits, pupil)
    assert (visit.teacher, visit.minutes) == ("刘老师", 90)


def test_the_record_reopens_as_saved_with_its_history(qtbot, township_context) -> None:
    today = township_context.today()
    pupil = add(township_context, "李待安置", 2)
    db, actor = township_context.db, township_context.actor
    db.run(disabilities.set_disability, actor, pupil, disabilities.DisabilityForm(
        "听力", "三级", Placement.PENDING.value, today - dt.timedelta(days=40)), today=today)
    db.run(disabilities.set_disability, actor, pupil, disabilities.DisabilityForm(
        "听力", "三级", Placement.MAINSTREAM.value, today - dt.timedelta(days=5)), today=today)
    dialog = DisabilityDialog(township_context, pupil)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.category_combo.currentData() == "听力" and dialog.grade_combo.currentData() == "三级"
    assert dialog.placement_combo.currentData() == Placement.MAINSTREAM.value
    assert "待安置" in dialog.history_label.text()
    assert not dialog.add_visit_button.isEnabled() and dialog.visits_model.rowCount() == 0


def test_a_wrong_visit_corrected_from_the_dialog_stays_in_the_log_marked(qtbot, township_context) -> None:
    today = township_context.today()
    pupil = add(township_context, "钱送教", 4)
    db, actor = township_context.db, township_context.actor
    db.run(disabilities.set_disability, actor, pupil, disabilities.DisabilityForm(
        "肢体", "一级", Placement.HOME_TEACHING.value, today - dt.timedelta(days=20)), today=today)
    wrong = db.run(disabilities.log_visit, actor, pupil, disabilities.VisitEntry(
        today - dt.timedelta(days=3), "刘老师", "12", "语文"), today=today)  # 12 hours: meant 2
    dialog = DisabilityDialog(township_context, pupil)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.correct_visit_button.isEnabled()  # nothing chosen yet
    dialog.visits_table.selectRow(0)
    assert dialog.correct_visit_button.isEnabled()

    def correct(visit: VisitDialog) -> None:
        assert visit.teacher_edit.text() == "刘老师" and visit.hours_spin.value() == 12  # starts from the entry
        visit.hours_spin.setValue(2)
        save(visit)

    answered = when_shown(VisitDialog, correct)
    qtbot.mouseClick(dialog.correct_visit_button, Qt.MouseButton.LeftButton)
    assert answered
    model = dialog.visits_model
    shown = [[model.index(r, c).data() for c in (2, 5)] for r in range(model.rowCount())]
    assert shown == [["12", f"已由第 {wrong + 1} 条更正"], ["2", f"更正第 {wrong} 条"]]
    dialog.visits_table.selectRow(0)
    assert not dialog.correct_visit_button.isEnabled()  # corrected already: correct the correction
    assert [v.minutes for v in township_context.query(disabilities.counted_visits, pupil)] == [120]


def test_the_register_is_on_the_print_menu() -> None:
    from schoolaid.reporting import home_teaching

    [spec] = [a for a in ACTIONS if a.id == "print.home_teaching"]
    assert spec.menus == ("print",) and spec.service is home_teaching.write_register
    [disability] = [a for a in ACTIONS if a.id == "students.disability"]
    assert "roster_context" in disability.menus and "students" in disability.menus


def test_the_line_of_today_s_work_opens_the_child_s_record(qtbot, township_context) -> None:
    from schoolaid.reporting.work_list import Kind, today_work
    from schoolaid.ui.main_window import MainWindow

    today = township_context.today()
    pupil = add(township_context, "赵送教", 3)
    township_context.db.run(disabilities.set_disability, township_context.actor, pupil, disabilities.DisabilityForm(
        "肢体", "一级", Placement.HOME_TEACHING.value, today - dt.timedelta(days=31)), today=today)
    [line] = [item for item in township_context.query(today_work, today) if item.kind == Kind.HOME_TEACHING]
    assert line.target == pupil and "31" in line.text
    window = MainWindow(township_context)
    qtbot.addWidget(window)
    window.show()

    def look(dialog: DisabilityDialog) -> None:
        assert dialog.student_id == pupil and dialog.add_visit_button.isEnabled()
        dialog.reject()

    answered = when_shown(DisabilityDialog, look)
    window.open_work_item(line.kind, line.target)
    assert answered and window.tabs.currentWidget() is window.roster_tab
