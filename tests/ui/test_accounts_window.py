"""Accounts in the window: the administrator created at the first start, signing in (a wrong
password counted), a teacher's window showing only their class with no full ID anywhere, the
accounts dialog, the audit trail dialog, and the window locked when left idle."""

from __future__ import annotations

import re

import openpyxl
import pytest
from argon2 import PasswordHasher
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from schoolaid.accounts import accounts
from schoolaid.accounts.accounts import ClassRef, UserForm
from schoolaid.accounts.permissions import Role
from schoolaid.dropout import case_files
from schoolaid.roster import roster
from schoolaid.ui.accounts.audit_dialog import AuditDialog
from schoolaid.ui.accounts.sign_in_dialog import CreateAdministratorDialog, SignInDialog
from schoolaid.ui.accounts.users_dialog import UserDialog, UsersDialog
from schoolaid.ui.context import AppContext
from schoolaid.ui.main_window import MainWindow
from schoolaid.ui.roster.roster_model import COLUMNS
from tests.conftest import UTC_NOW

PASSWORD = "secret-pass-1"
FULL_ID = re.compile(r"\b\d{17}[\dXx]\b")


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))


@pytest.fixture
def admin(demo_db):
    return demo_db.run(accounts.create_first_administrator, "admin", "王管理", PASSWORD)


def a_class(db) -> ClassRef:
    return next(ref for ref, label in db.query(accounts.known_classes) if ref.stage == "小学")


def test_the_first_start_creates_the_administrator(qtbot, app, demo_db, preferences):
    context = AppContext(demo_db, preferences, "王管理")
    dialog = CreateAdministratorDialog(context)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClicks(dialog.repeat_edit, PASSWORD + "x")
    dialog._create()
    assert "不一样" in dialog.field_errors.message_for("repeat") and not context.signed_in  # under 再次输入
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.repeat_edit, PASSWORD)
    dialog._create()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert context.signed_in and context.actor.role == Role.ADMIN.value and context.actor.name == "王管理"


def test_sign_in_answers_a_wrong_password_and_an_unknown_name_alike(qtbot, app, demo_db, preferences, admin):
    context = AppContext(demo_db, preferences)
    dialog = SignInDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "nobody")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    unknown = dialog.message_label.text()
    dialog.username_edit.clear()
    qtbot.keyClicks(dialog.username_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    # No "N more tries" that only a real account would have: the same words for both.
    assert dialog.message_label.text() == unknown == accounts.sign_in_refused_message()
    assert dialog.password_edit.text() == "" and dialog.isVisible()
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted and context.actor.user_id is not None
    assert preferences.last_username == "admin"


def test_a_teachers_window_shows_their_class_and_no_full_id(qtbot, app, demo_db, preferences, admin, tmp_path):
    ref = a_class(demo_db)
    demo_db.run(accounts.add_user, admin, UserForm("li", "李老师", Role.TEACHER.value, PASSWORD, None, (ref,)))
    teacher = demo_db.run(accounts.sign_in, "li", PASSWORD, now=UTC_NOW).actor
    window = MainWindow(AppContext(demo_db, preferences, actor=teacher))
    qtbot.addWidget(window)
    window.show()
    model = window.roster_tab.model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)
    shown = [[str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())]
             for r in range(model.rowCount())]
    class_column = next(c for c in range(model.columnCount())
                        if model.headerData(c, Qt.Orientation.Horizontal) == "年级班级")
    assert all(ref.class_name in row[class_column] for row in shown)
    assert not any(FULL_ID.search(cell) for row in shown for cell in row)
    menus = {a.text(): a for m in window.menuBar().actions() for a in m.menu().actions()}
    assert not menus["账号管理(&A)…"].isVisible()
    assert not menus["导出备份(&E)…"].isVisible()
    assert "李老师（班主任/教师）" in window.operator_label.text()
    # Buttons for work outside the role are not offered; the teacher's own work is.
    assert window.ledger_tab.post_all_button.isHidden() and window.pairing_tab.pair_button.isHidden()
    assert window.dropout_tab.notice_button.isHidden() and not window.dropout_tab.log_button.isHidden()
    assert not window.dropout_tab.record_absence_button.isHidden()
    window.dropout_tab.show_cases()
    cases = [window.dropout_tab.cases_model.row_object(r) for r in range(window.dropout_tab.cases_model.rowCount())]
    everyone = demo_db.query(case_files.list_cases)
    assert len(cases) <= len(everyone)
    with demo_db.read() as session:
        from schoolaid.storage.models import Student

        assert all((s.school_id, s.stage, s.grade, s.class_name) == ref.key()
                   for s in (session.get(Student, c.student_id) for c in cases))
    window.grab().save(str(tmp_path / "teacher.png"))


def test_the_administrator_adds_a_teacher_with_classes(qtbot, app, demo_db, preferences, admin, monkeypatch):
    context = AppContext(demo_db, preferences, actor=admin)
    users = UsersDialog(context)
    qtbot.addWidget(users)
    assert users.model.rowCount() == 1
    dialog = UserDialog(context, None, users)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username_edit, "zhou")
    dialog.name_edit.setText("周老师")  # QTest types Latin keys only
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.TEACHER.value))
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.keyClicks(dialog.repeat_edit, PASSWORD)
    dialog._save()
    assert "班级" in dialog.field_errors.message_for("classes")  # a teacher needs classes: said under them
    dialog.classes_model.item(0).setCheckState(Qt.CheckState.Checked)
    dialog._save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    users.refresh()
    added = next(users.model.row_object(r) for r in range(users.model.rowCount())
                 if users.model.row_object(r).username == "zhou")
    assert added.role == Role.TEACHER.value and len(added.classes) == 1
    for _ in range(5):
        demo_db.run(accounts.sign_in, "zhou", "wrong", now=UTC_NOW)
    users.refresh()
    row = next(r for r in range(users.model.rowCount()) if users.model.row_object(r).username == "zhou")
    assert users.model.data(users.model.index(row, 4)) == "已锁定"
    users.table.selectRow(row)
    users.unlock()
    assert demo_db.run(accounts.sign_in, "zhou", PASSWORD, now=UTC_NOW).actor is not None


def test_the_audit_dialog_filters_exports_and_checks(qtbot, app, demo_db, preferences, admin, tmp_path, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: said.append(text))
    context = AppContext(demo_db, preferences, actor=admin)
    dialog = AuditDialog(context)
    qtbot.addWidget(dialog)
    # The window's day is pinned to the tests' day, while each audit row carries the real moment it was
    # written: the user widens the range to reach them.
    dialog.to_edit.setDate(QDate(3000, 1, 1))
    assert dialog.model.rowCount() > 100
    dialog.person_combo.setCurrentIndex(dialog.person_combo.findData("王管理"))
    assert 0 < dialog.model.rowCount() < 10
    assert all(dialog.model.row_object(r).actor == "王管理" for r in range(dialog.model.rowCount()))
    out = tmp_path / "审计.xlsx"
    dialog.export(out)
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=20_000)
    rows = list(openpyxl.load_workbook(out)["审计记录"].iter_rows(values_only=True))
    assert rows[2][0] == "编号" and {row[2] for row in rows[3:-1]} == {"王管理"}
    dialog.last_result = None
    dialog.check_chain()
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=30_000)
    assert dialog.last_result.ok and "完整" in said[-1]


def test_an_idle_window_locks_and_the_next_person_signs_in(qtbot, app, demo_db, preferences, admin, monkeypatch):
    demo_db.run(accounts.add_user, admin, UserForm("zhang", "张专干", Role.AID_OFFICER.value, PASSWORD))
    window = MainWindow(AppContext(demo_db, preferences, actor=admin))
    qtbot.addWidget(window)
    window.show()
    seen = []

    def sign_in_as_zhang(dialog: SignInDialog) -> int:
        seen.append((dialog.message_label.text(), window.centralWidget().isVisible()))
        dialog.username_edit.setText("zhang")
        dialog.password_edit.setText(PASSWORD)
        dialog._sign_in()
        return dialog.result()

    monkeypatch.setattr(SignInDialog, "exec", sign_in_as_zhang)
    monkeypatch.setattr(window.idle_watch, "idle_seconds", lambda: 16 * 60)
    window._check_idle()
    assert seen and "15" in seen[0][0] and seen[0][1] is False  # the data hidden while locked
    assert window.context.actor.name == "张专干" and window.centralWidget().isVisible()
    menus = {a.text(): a for m in window.menuBar().actions() for a in m.menu().actions()}
    assert not menus["账号管理(&A)…"].isVisible() and menus["导出备份(&E)…"].isVisible()



def roster_cells(model, key: str) -> list[str]:
    column = [c.key for c in COLUMNS].index(key)
    return [str(model.data(model.index(r, column)) or "") for r in range(model.rowCount())]


@pytest.mark.parametrize(("role", "full_rights"), [
    (Role.TEACHER, False), (Role.TOWNSHIP_VIEWER, False), (Role.ADMIN, False),
    (Role.AID_OFFICER, True), (Role.LEADERSHIP, True)])
def test_each_role_sees_the_id_numbers_its_rights_allow(qtbot, app, demo_db, preferences, admin, role, full_rights):
    if role is Role.ADMIN:
        actor = admin
    else:
        classes = (a_class(demo_db),) if role is Role.TEACHER else ()
        demo_db.run(accounts.add_user, admin, UserForm("user1", "某人", role.value, PASSWORD, None, classes))
        actor = demo_db.run(accounts.sign_in, "user1", PASSWORD, now=UTC_NOW).actor
    window = MainWindow(AppContext(demo_db, preferences, actor=actor))
    qtbot.addWidget(window)
    window.show()
    tab = window.roster_tab
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=10_000)
    shown = roster_cells(tab.model, "id_number")
    if full_rights:  # today's form: region and last four
        assert all(re.fullmatch(r"\d{4}\*{10}[\dX]{4}", cell) for cell in shown)
    else:  # the region and birth date are derivable: the last four only
        assert all(re.fullmatch(r"\*{14}\d{3}[\dX]", cell) for cell in shown)
    row = tab.model.roster_row(0)
    number = demo_db.query(roster.full_id_numbers, [row.id])[row.id]
    qtbot.keyClicks(tab.search_edit, number[-6:])
    if full_rights:
        qtbot.waitUntil(lambda: row.name in roster_cells(tab.model, "name"))
    else:  # more than the last four digits would test guesses of the hidden ones: refused with a hint
        qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
        assert "4" in window.statusBar().currentMessage()
    tab.search_edit.clear()
    qtbot.keyClicks(tab.search_edit, number[-4:])
    qtbot.waitUntil(lambda: row.name in roster_cells(tab.model, "name"))


def test_a_new_account_starts_as_the_least_powerful_role_and_says_what_it_may(qtbot, demo_db, preferences, admin):
    dialog = UserDialog(AppContext(demo_db, preferences, actor=admin))
    qtbot.addWidget(dialog)
    assert dialog.role_combo.currentData() == Role.TEACHER.value
    assert dialog.role_combo.itemData(dialog.role_combo.count() - 1) == Role.ADMIN.value  # the most powerful last
    assert dialog.classes_view.isEnabled() and "登记缺课" in dialog.role_label.text()
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.ADMIN.value))
    assert "管理账号" in dialog.role_label.text() and not dialog.classes_view.isEnabled()
