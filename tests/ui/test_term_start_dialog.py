"""The term-start check (开学报到) as a class teacher does it in the window: choose the class, move with the
arrows, Space ticks the pupil (saved at once, audited), a click on a box ticks one, Space again takes a
mistaken tick back; the count and the names still missing follow; a teacher sees only their own classes;
the Students menu and the line of today's work open it."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from schoolaid.accounts import accounts
from schoolaid.accounts.accounts import UserForm
from schoolaid.accounts.permissions import Role
from schoolaid.common.school_calendar import Term
from schoolaid.dropout import term_start
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import ReportBack
from schoolaid.ui.context import AppContext
from schoolaid.ui.dropout.term_start_dialog import NAME, TICK, TermStartDialog
from schoolaid.ui.main_window import MainWindow
from tests.conftest import UTC_NOW, student_form
from tests.ui.driving import when_shown

AUTUMN = Term(2026, "autumn")
NAMES = ("张一", "王二", "李三", "赵四")


@pytest.fixture
def klass(township_context):
    db, actor = township_context.db, township_context.actor
    for n, name in enumerate(NAMES, start=1):
        db.run(roster.add_student, actor, student_form(db, name, sequence=n, guardian_name=f"{name[0]}大山",
                                                       entry_date=dt.date(2022, 9, 1)), today=dt.date(2026, 8, 20))
    db.run(roster.add_student, actor, student_form(db, "孙六", sequence=6, guardian_name="孙大山",
                                                   entry_date=dt.date(2022, 9, 1)),
           status=EnrollmentStatus.SUSPENDED, today=dt.date(2026, 8, 20))
    return township_context


def open_dialog(qtbot, context) -> TermStartDialog:
    dialog = TermStartDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def shown(dialog: TermStartDialog) -> list[tuple[bool, str]]:
    model = dialog.model
    return [(model.data(model.index(r, TICK), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked,
             model.data(model.index(r, NAME))) for r in range(model.rowCount())]


def live_ticks(context) -> set[int]:
    with context.db.read() as session:
        return set(session.scalars(select(ReportBack.student_id).where(ReportBack.withdrawn_on.is_(None))))


def test_the_keyboard_ticks_pupils_one_press_each(qtbot, klass):
    dialog = open_dialog(qtbot, klass)
    assert dialog.class_combo.currentText() == "平地镇中心校 四年级1班（0/4）"
    # In pinyin order; the 休学 pupil is not expected.
    assert [name for _, name in shown(dialog)] == ["李三", "王二", "张一", "赵四"]
    assert dialog.focusWidget() is dialog.table and dialog.table.currentIndex().row() == 0
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert [ticked for ticked, _ in shown(dialog)] == [True, True, False, False]
    assert dialog.count_label.text() == "已报到：4人中的2人"
    assert dialog.missing_label.text() == "尚未报到：张一、赵四"
    assert dialog.class_combo.currentText() == "平地镇中心校 四年级1班（2/4）"
    assert len(live_ticks(klass)) == 2
    # A mistaken tick taken back with Space: withdrawn, kept on record.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert [ticked for ticked, _ in shown(dialog)] == [True, False, False, False]
    with klass.db.read() as session:
        withdrawn = session.scalars(select(ReportBack).where(ReportBack.withdrawn_on.is_not(None))).all()
        assert len(withdrawn) == 1 and withdrawn[0].withdrawn_by == klass.actor.name
    # The rest selected with Shift+Down and ticked with one press.
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert all(ticked for ticked, _ in shown(dialog))
    assert dialog.missing_label.text() == ""
    progress = klass.db.query(term_start.progress, AUTUMN, klass.today())
    assert [(p.label, p.reported, p.expected) for p in progress] == [("四年级1班", 4, 4)]


def test_a_click_on_the_box_ticks_one_pupil(qtbot, klass):
    dialog = open_dialog(qtbot, klass)
    rect = dialog.table.visualRect(dialog.model.index(2, TICK))
    box = QPoint(rect.left() + 12, rect.center().y())
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert [ticked for ticked, _ in shown(dialog)] == [False, False, True, False]
    assert len(live_ticks(klass)) == 1


def test_a_tick_in_the_future_is_refused_with_a_message(qtbot, klass, monkeypatch):
    dialog = open_dialog(qtbot, klass)
    dialog.day_edit.setMaximumDate(dialog.day_edit.date().addDays(5))
    dialog.day_edit.setDate(dialog.day_edit.date().addDays(3))
    messages = []
    monkeypatch.setattr("schoolaid.ui.dropout.term_start_dialog.show_error",
                        lambda _parent, error: messages.append(str(error)))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert messages == ["报到日期不能晚于今天。"]
    assert not live_ticks(klass) and not any(ticked for ticked, _ in shown(dialog))


def test_a_teacher_sees_only_their_class(qtbot, app, demo_db, preferences, monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))
    admin = demo_db.run(accounts.create_first_administrator, "admin", "王管理", "secret-pass-1")
    ref = next(ref for ref, _ in demo_db.query(accounts.known_classes) if ref.stage == "小学")
    demo_db.run(accounts.add_user, admin, UserForm("li", "李老师", Role.TEACHER.value, "secret-pass-1", None, (ref,)))
    teacher = demo_db.run(accounts.sign_in, "li", "secret-pass-1", now=UTC_NOW).actor
    dialog = open_dialog(qtbot, AppContext(demo_db, preferences, actor=teacher))
    assert dialog.class_combo.count() == 1
    assert {(c.school_id, c.stage, c.grade, c.class_name) for c in dialog.classes} == {
        (ref.school_id, ref.stage, ref.grade, ref.class_name)}


def test_the_students_menu_opens_the_check(qtbot, klass):
    window = MainWindow(klass)
    qtbot.addWidget(window)
    window.show()
    seen = []

    def check(dialog: TermStartDialog) -> None:
        seen.append(dialog.class_combo.currentText())
        dialog.reject()

    when_shown(TermStartDialog, check)
    window.run_action("students.term_start")
    assert seen == ["平地镇中心校 四年级1班（0/4）"]
