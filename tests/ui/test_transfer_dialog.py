"""Confirming a transfer out and recording a graduate's destination from the roster and the student's
record, as the aid officer does: the status says 待核实 until the receiving school is confirmed, the
dialogs refuse what is missing, and the days a transfer may stay unconfirmed are a rule of the rules dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMenu

from schoolaid.roster import roster, transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.enrollment_approvals import Flag
from schoolaid.roster.transfers import ConfirmedHow, Direction
from schoolaid.ui.actions import PROPERTY
from schoolaid.ui.roster.roster_model import COLUMNS
from schoolaid.ui.roster.roster_tab import RosterTab
from schoolaid.ui.roster.transfer_dialog import ConfirmTransferDialog, DestinationDialog
from tests.conftest import student_form
from tests.ui.driving import save, when_shown

STATUS_COLUMN = [c.key for c in COLUMNS].index("status")
RECEIVING = "昆明市五华区红旗小学"


@pytest.fixture
def tab(qtbot, township_context, monkeypatch) -> RosterTab:
    monkeypatch.setattr(QMenu, "popup", lambda *_args: None)  # the offscreen platform cannot pop a menu up
    widget = RosterTab(township_context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def add(context, name: str, sequence: int, **changes) -> int:
    form = student_form(context.db, name=name, sequence=sequence, **changes)
    _, problems = context.query(roster.validate, form, today=context.today())
    return context.db.run(roster.add_student, context.actor, form, confirmed=[p.code for p in problems],
                          today=context.today())


def transferred_out(context, name: str, sequence: int) -> int:
    today = context.today()
    pupil = add(context, name, sequence)
    context.db.run(roster.change_status, context.actor, pupil, EnrollmentStatus.TRANSFERRED_OUT,
                   today - dt.timedelta(days=5), "随父母务工地就读", destination=RECEIVING, today=today)
    return pupil


def status_text(tab: RosterTab, student_id: int) -> str:
    return tab.model.index(tab.model.row_of(student_id), STATUS_COLUMN).data()


def open_from_the_menu(tab: RosterTab, student_id: int) -> None:
    tab.select_student(student_id)
    tab._context_menu(tab.table.rect().center())
    action = next(a for a in tab.last_context_menu.actions() if a.property(PROPERTY) == "students.transfer")
    tab.last_context_menu.close()
    action.trigger()


def set_day(edit, day: dt.date) -> None:
    edit.setDate(QDate(day.year, day.month, day.day))


def test_a_transfer_is_待核实_until_the_receiving_school_is_confirmed(qtbot, tab, township_context) -> None:
    today = township_context.today()
    pupil = transferred_out(township_context, "王转出", 1)
    tab.select_student(pupil)
    qtbot.waitUntil(lambda: tab.model.row_of(pupil) is not None)
    assert Flag.TRANSFER_UNCONFIRMED.label() in status_text(tab, pupil)

    def fill(dialog: ConfirmTransferDialog) -> None:
        assert RECEIVING in dialog.summary_label.text() and "待核实" in dialog.summary_label.text()
        save_button = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        save_button.click()  # with whom left empty: refused, the dialog stays
        assert dialog.isVisible() and dialog.refusal_text()
        dialog.fields.how_combo.setCurrentIndex(dialog.fields.how_combo.findData(ConfirmedHow.RECEIPT.value))
        dialog.fields.with_edit.insert("红旗小学教务处李老师")  # typed through an input method
        set_day(dialog.fields.on_edit, today - dt.timedelta(days=1))
        save(dialog)

    answered = when_shown(ConfirmTransferDialog, fill)
    open_from_the_menu(tab, pupil)
    assert answered
    [view] = township_context.query(transfers.history, pupil)
    assert (view.confirmed_how, view.confirmed_with, view.confirmed_on) == (
        "接收学校回执", "红旗小学教务处李老师", today - dt.timedelta(days=1))
    qtbot.waitUntil(lambda: status_text(tab, pupil) == EnrollmentStatus.TRANSFERRED_OUT.label())


def test_a_graduate_s_destination_is_recorded_from_the_roster(qtbot, tab, township_context) -> None:
    today = township_context.today()
    pupil = add(township_context, "李毕业", 2, grade=6, birth=dt.date(2014, 3, 2))
    township_context.db.run(roster.change_status, township_context.actor, pupil, EnrollmentStatus.GRADUATED,
                            dt.date(2026, 7, 5), "小学毕业", today=today)

    def fill(dialog: DestinationDialog) -> None:
        dialog.direction_combo.setCurrentIndex(dialog.direction_combo.findData(Direction.NO_FURTHER.value))
        assert dialog.school_edit.isHidden() and not dialog.reason_edit.isHidden()
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # no reason: refused
        assert dialog.isVisible() and dialog.refusal_text()
        dialog.direction_combo.setCurrentIndex(dialog.direction_combo.findData(Direction.NEXT_SCHOOL.value))
        assert not dialog.school_edit.isHidden() and dialog.fields.with_edit.isHidden()
        dialog.school_edit.insert("攀枝花市仁和区平地中学")  # typed through an input method
        dialog.confirmed_check.setChecked(True)
        assert not dialog.fields.with_edit.isHidden()
        dialog.fields.with_edit.insert("平地中学教务处")  # typed through an input method
        save(dialog)

    answered = when_shown(DestinationDialog, fill)
    open_from_the_menu(tab, pupil)
    assert answered
    [graduate] = township_context.query(transfers.graduates)
    assert graduate.destination is not None and graduate.destination.confirmed
    assert graduate.destination.school == "攀枝花市仁和区平地中学"
    assert not graduate.unplaced(dt.date(2026, 10, 1))


def test_the_student_s_record_shows_待核实_and_confirms_the_transfer(qtbot, township_context) -> None:
    from schoolaid.ui.roster.student_dialog import StudentDialog

    pupil = transferred_out(township_context, "赵转出", 3)
    record = StudentDialog(township_context, pupil)
    qtbot.addWidget(record)
    record.show()
    assert Flag.TRANSFER_UNCONFIRMED.label() in record.status_label.text()
    assert record.transfer_button.isVisible() and not record.approval_button.isHidden()

    def fill(dialog: ConfirmTransferDialog) -> None:
        dialog.fields.with_edit.insert("红旗小学王校长")  # typed through an input method
        save(dialog)

    answered = when_shown(ConfirmTransferDialog, fill)
    record.transfer_button.click()
    assert answered
    assert record.status_label.text() == EnrollmentStatus.TRANSFERRED_OUT.label()


def test_the_days_a_transfer_may_stay_unconfirmed_are_a_rule(qtbot, township_context) -> None:
    from schoolaid.ui.dropout.dropout_dialogs import DropoutRulesDialog

    dialog = DropoutRulesDialog(township_context)
    qtbot.addWidget(dialog)
    spin = dialog.spins[transfers.CONFIRM_DAYS_SETTING]
    assert spin.value() == 30
    spin.setValue(20)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert township_context.query(transfers.confirm_days) == 20


def test_a_transfer_out_recorded_with_its_confirmation_is_not_待核实(qtbot, tab, township_context) -> None:
    from schoolaid.ui.roster.status_dialog import StatusDialog

    pupil = add(township_context, "孙转学", 4)
    dialog = StatusDialog(township_context, pupil, tab)
    qtbot.addWidget(dialog)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(EnrollmentStatus.TRANSFERRED_OUT))
    assert dialog.confirmed_check.isVisibleTo(dialog) and not dialog.confirmation.with_edit.isVisibleTo(dialog)
    dialog.reason_edit.insert("随父母务工地就读")  # typed through an input method
    dialog.destination_edit.insert(RECEIVING)  # typed through an input method
    dialog.confirmed_check.setChecked(True)
    assert dialog.confirmation.with_edit.isVisibleTo(dialog)
    dialog.confirmation.how_combo.setCurrentIndex(dialog.confirmation.how_combo.findData(ConfirmedHow.PHONE.value))
    dialog.confirmation.with_edit.insert("红旗小学教务处李老师")  # typed through an input method
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.refusal_text()
    [view] = township_context.query(transfers.history, pupil)
    assert (view.school, view.confirmed_how, view.confirmed_with) == (RECEIVING, "电话", "红旗小学教务处李老师")
    assert township_context.query(transfers.unconfirmed_out, [pupil]) == set()
