"""The 延缓入学 and 休学 approvals recorded from the roster's right-click menu, as the aid officer does:
the flag shows in the status column, the dialog refuses what the law's rules refuse, and the flag
goes once the approval is on record."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMenu

from schoolaid.common.school_calendar import SchoolYear
from schoolaid.roster import enrollment_approvals, roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.enrollment_approvals import ApprovalKind, Flag
from schoolaid.ui.actions import PROPERTY
from schoolaid.ui.roster.approval_dialog import ApprovalDialog
from schoolaid.ui.roster.roster_model import COLUMNS
from schoolaid.ui.roster.roster_tab import RosterTab
from tests.conftest import student_form
from tests.ui.driving import save, when_shown

STATUS_COLUMN = [c.key for c in COLUMNS].index("status")


@pytest.fixture
def tab(qtbot, township_context, monkeypatch) -> RosterTab:
    monkeypatch.setattr(QMenu, "popup", lambda *_args: None)  # the offscreen platform cannot pop a menu up
    widget = RosterTab(township_context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def add(context, name: str, birth: dt.date, sequence: int, **changes) -> int:
    form = student_form(context.db, name=name, birth=birth, sequence=sequence, **changes)
    _, problems = context.query(roster.validate, form, today=context.today())
    return context.db.run(roster.add_student, context.actor, form, confirmed=[p.code for p in problems],
                          today=context.today())


def status_text(tab: RosterTab, student_id: int) -> str:
    return tab.model.index(tab.model.row_of(student_id), STATUS_COLUMN).data()


def open_from_the_menu(tab: RosterTab, student_id: int) -> None:
    tab.select_student(student_id)
    tab._context_menu(tab.table.rect().center())
    action = next(a for a in tab.last_context_menu.actions() if a.property(PROPERTY) == "students.approval")
    tab.last_context_menu.close()
    action.trigger()


def set_day(edit, day: dt.date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def test_a_deferral_takes_the_应入学_flag_off_the_roster(qtbot, tab, township_context) -> None:
    today = township_context.today()
    six = SchoolYear.containing(today).age_reference_day.replace(year=SchoolYear.containing(today).start_year - 6)
    child = add(township_context, "王小六", six - dt.timedelta(days=100), 1, stage="学前", grade=3)
    tab.model.refresh()
    qtbot.waitUntil(lambda: tab.model.row_of(child) is not None)
    assert Flag.DUE_TO_ENROLL.label() in status_text(tab, child)
    assert tab.model.index(tab.model.row_of(child), STATUS_COLUMN).data(Qt.ItemDataRole.ForegroundRole) is not None

    def fill(dialog: ApprovalDialog) -> None:
        assert dialog.kind_combo.currentData() == ApprovalKind.DEFERRED.value  # a preschooler: a deferral
        assert dialog.reason_edit.isHidden()
        save_button = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        save_button.click()  # nothing filled in: refused, the dialog stays
        assert dialog.isVisible() and dialog.refusal_text()
        dialog.body_edit.insert("平地镇人民政府")  # typed through an input method
        dialog.document_edit.insert("平府教〔2026〕5号")  # typed through an input method
        set_day(dialog.end_edit, today + dt.timedelta(days=270))
        save(dialog)

    answered = when_shown(ApprovalDialog, fill)
    open_from_the_menu(tab, child)
    assert answered
    qtbot.waitUntil(lambda: status_text(tab, child) == EnrollmentStatus.ENROLLED.label())
    [approval] = township_context.query(enrollment_approvals.history, child)
    assert (approval.kind, approval.approving_body, approval.ends_on) == (
        ApprovalKind.DEFERRED, "平地镇人民政府", today + dt.timedelta(days=270))


def test_a_suspension_longer_than_a_year_is_refused_then_recorded(qtbot, tab, township_context) -> None:
    today = township_context.today()
    pupil = add(township_context, "李小明", dt.date(2016, 3, 2), 2)
    tab.model.refresh()
    qtbot.waitUntil(lambda: tab.model.row_of(pupil) is not None)
    start = today - dt.timedelta(days=5)

    def fill(dialog: ApprovalDialog) -> None:
        assert dialog.kind_combo.currentData() == ApprovalKind.SUSPENDED.value
        assert not dialog.reason_edit.isHidden() and not dialog.start_edit.isHidden()
        dialog.body_edit.insert("仁和区教育和体育局")  # typed through an input method
        dialog.reason_edit.insert("因病")  # typed through an input method
        set_day(dialog.approved_edit, start)
        set_day(dialog.start_edit, start)
        set_day(dialog.end_edit, start + dt.timedelta(days=400))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        assert dialog.isVisible()
        last_allowed = start.replace(year=start.year + 1) - dt.timedelta(days=1)
        assert last_allowed.isoformat() in dialog.field_errors.message_for("ends_on")  # under the last day
        set_day(dialog.end_edit, start + dt.timedelta(days=120))
        save(dialog)

    answered = when_shown(ApprovalDialog, fill)
    open_from_the_menu(tab, pupil)
    assert answered
    assert township_context.query(roster.get_summary, pupil).status is EnrollmentStatus.SUSPENDED
    assert township_context.query(enrollment_approvals.flags, today, [pupil]) == {}


def test_the_line_of_today_s_work_opens_the_child_on_the_roster(qtbot, township_context) -> None:
    from schoolaid.reporting.work_list import Kind, today_work
    from schoolaid.ui.main_window import MainWindow

    today = township_context.today()
    pupil = add(township_context, "张休学", dt.date(2016, 3, 2), 3)
    township_context.db.run(roster.change_status, township_context.actor, pupil, EnrollmentStatus.SUSPENDED, today,
                            "因病", today=today)
    [line] = [item for item in township_context.query(today_work, today) if item.kind == Kind.SUSPENSION]
    window = MainWindow(township_context)
    qtbot.addWidget(window)
    window.show()
    window.open_work_item(line.kind, line.target)  # 休学 is not on the roster's default list (在读)
    assert window.tabs.currentWidget() is window.roster_tab
    assert window.roster_tab.selected_student_id() == pupil
    assert Flag.SUSPENSION_UNAPPROVED.label() in status_text(window.roster_tab, pupil)


def test_a_province_s_own_age_day_is_set_in_the_rules_dialog(qtbot, township_context) -> None:
    from schoolaid.ui.dropout.dropout_dialogs import DropoutRulesDialog

    dialog = DropoutRulesDialog(township_context)
    qtbot.addWidget(dialog)
    assert dialog.age_reference_edit.text() == "08-31"
    dialog.age_reference_edit.setText("9-31")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.refusal_text()
    assert township_context.query(enrollment_approvals.age_reference_setting) == "08-31"
    dialog.age_reference_edit.setText("09-30")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert township_context.query(enrollment_approvals.age_reference_day, SchoolYear(2026)) == dt.date(2026, 9, 30)


def test_the_student_s_record_shows_the_flag_and_records_the_approval(qtbot, township_context) -> None:
    from schoolaid.ui.roster.student_dialog import StudentDialog

    today = township_context.today()
    pupil = add(township_context, "赵休学", dt.date(2016, 3, 2), 4)
    township_context.db.run(roster.change_status, township_context.actor, pupil, EnrollmentStatus.SUSPENDED,
                            today - dt.timedelta(days=3), "因病", today=today)
    record = StudentDialog(township_context, pupil)
    qtbot.addWidget(record)
    record.show()
    assert Flag.SUSPENSION_UNAPPROVED.label() in record.status_label.text()

    def fill(dialog: ApprovalDialog) -> None:
        assert dialog.kind_combo.currentData() == ApprovalKind.SUSPENDED.value
        dialog.body_edit.insert("仁和区教育和体育局")  # typed through an input method
        dialog.reason_edit.insert("因病")  # typed through an input method
        set_day(dialog.start_edit, today - dt.timedelta(days=3))
        set_day(dialog.end_edit, today + dt.timedelta(days=60))
        save(dialog)

    answered = when_shown(ApprovalDialog, fill)
    record.approval_button.click()
    assert answered
    assert record.status_label.text() == EnrollmentStatus.SUSPENDED.label()
