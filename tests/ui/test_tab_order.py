"""Every dialog follows the keyboard (issue 20): it opens with the focus in its first field, every Tab moves
the focus on (no box swallows it, a date is left with one Tab, not one per part), and Tab reaches every field
shown. The dialogs are those the stress test opens: every dialog of the window."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from schoolaid.ui.main_window import MainWindow
from schoolaid.ui.widgets.dialog import first_input, is_input
from tests.ui.driving import quiet_window
from tests.ui.test_dialog_stress import _openers

MAX_TABS = 80


@pytest.fixture
def window(qtbot, context, monkeypatch) -> MainWindow:
    return quiet_window(qtbot, context, monkeypatch)


def reachable_inputs(dialog: QWidget) -> list[QWidget]:
    return [w for w in dialog.findChildren(QWidget) if is_input(w) and w.isVisibleTo(dialog) and w.isEnabled()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is dialog]


def walk(qtbot, dialog: QWidget) -> tuple[QWidget | None, list[QWidget], list[str]]:
    """The field focused at first, the widgets Tab visits until it comes round again, and what went wrong."""
    start = dialog.focusWidget()
    visited: list[QWidget] = []
    problems: list[str] = []
    current = start
    for _ in range(MAX_TABS):
        if current is None:
            break
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        after = dialog.focusWidget()
        if after is current:
            problems.append(f"{type(current).__name__} {current.objectName()} keeps the focus on Tab")
            break
        current = after
        if current is start:
            break
        visited.append(current)
    return start, visited, problems


def test_every_dialog_starts_in_its_first_field_and_tab_walks_every_field(qtbot, window, tmp_path):
    failures = []
    for opener in _openers(window, tmp_path, 0):
        print('OPENER', opener.name, flush=True)
        dialog = opener.make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        fields = reachable_inputs(dialog)
        if fields:
            start, visited, problems = walk(qtbot, dialog)
            if not is_input(start):
                failures.append(f"{opener.name}: opens with the focus on {type(start).__name__}")
            # A table with editors open in its cells is reached through them.
            missed = [f"{type(f).__name__}" for f in fields if f is not start and f not in visited
                      and not any(f.isAncestorOf(v) for v in [start, *visited])]
            if missed:
                failures.append(f"{opener.name}: Tab never reaches {missed}")
            failures.extend(f"{opener.name}: {p}" for p in problems)
        if shiboken6.isValid(dialog):
            dialog.reject()
            dialog.deleteLater()
        QApplication.processEvents()
    assert not failures, "\n".join(failures)


def test_the_student_form_starts_at_the_name_and_reaches_the_birth_date_in_one_tab_each(qtbot, context):
    from schoolaid.ui.roster.student_dialog import StudentDialog

    dialog = StudentDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.focusWidget() is dialog.name_edit
    assert first_input(dialog) is dialog.name_edit
    presses = 0
    while dialog.focusWidget() is not dialog.birth_edit and presses < 10:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        presses += 1
    assert dialog.focusWidget() is dialog.birth_edit
    qtbot.keyClicks(dialog.birth_edit, "2015.3.2")
    qtbot.keyClick(dialog.birth_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not dialog.birth_edit  # one Tab leaves the date
    assert dialog.birth_edit.date().toString("yyyy-MM-dd") == "2015-03-02"
    dialog.notes_edit.setFocus()
    qtbot.keyClick(dialog.notes_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is not dialog.notes_edit and "\t" not in dialog.notes_edit.toPlainText()
