"""The 比对 in the window's daily work, on the demo township: a line of today's work opens the
village's differences, a child found out of school (失学) is proposed for a case on the dropout tab and
the case opened from there, the school-age ledger shows the register's children."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from schoolaid.dropout import case_files, found_out_of_school
from schoolaid.reconcile import checks
from schoolaid.reconcile import differences as compare
from schoolaid.reconcile.checks import CheckForm
from schoolaid.reconcile.vocabulary import DifferenceKind
from schoolaid.reporting import work_list
from schoolaid.ui.dropout.dropout_dialogs import CaseDialog
from schoolaid.ui.dropout.dropout_tab import DropoutTab
from schoolaid.ui.main_window import MainWindow
from tests.conftest import TODAY
from tests.ui.driving import this_test


def window_for(qtbot, context) -> MainWindow:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    window.show()
    return window


def test_todays_work_opens_the_villages_differences(qtbot, context) -> None:
    [first, *_] = [i for i in context.query(work_list.today_work, TODAY) if i.kind == work_list.Kind.RECONCILE]
    window = window_for(qtbot, context)
    window.open_work_item(first.kind, first.target)
    tab = window.dropout_tab
    assert window.tabs.currentWidget() is tab and tab.sections.currentIndex() == DropoutTab.COMPARISON
    page = tab.comparison_page
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)
    assert page.village_combo.currentData() == first.target
    shown = [page.model.row_object(row) for row in range(page.model.rowCount())]
    assert shown and {d.village_id for d in shown} == {first.target} and all(d.is_open for d in shown)


def test_a_child_found_out_of_school_is_proposed_and_the_case_opened(qtbot, context, actor) -> None:
    [child] = [d for d in context.query(compare.differences, TODAY) if d.kind is DifferenceKind.NOT_ENROLLED
               and d.village == "大火山村"]
    outcome = context.db.run(checks.record_check, actor, DifferenceKind.NOT_ENROLLED, child.person_key, CheckForm(
        result="失学", checked_by="大火山村村委会 王文书", checked_on=TODAY - dt.timedelta(days=1)), today=TODAY)
    window = window_for(qtbot, context)
    tab = window.dropout_tab
    index = window.tabs.indexOf(tab)
    expected = context.query(case_files.attention, TODAY).total
    qtbot.waitUntil(lambda: window.tabs.tabText(index) == f"控辍保学 ({expected})", timeout=20_000)  # the badge
    window.tabs.setCurrentWidget(tab)  # the tab reads its lists (and the alert) when it is looked at
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)  # in the background
    assert tab.attention.found_out_of_school == 1
    assert "失学" in tab.alert_label.text()
    window.tabs.setCurrentWidget(window.home_tab)

    opened = []
    still_running = this_test()

    def save_the_case() -> None:
        if not still_running():
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CaseDialog):
            QTimer.singleShot(20, save_the_case)
            return
        opened.append(dialog)
        dialog.reason_combo.setCurrentIndex(dialog.reason_combo.findData("家长不重视"))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    QTimer.singleShot(0, save_the_case)
    window.open_work_item(work_list.Kind.OUT_OF_SCHOOL, outcome.student_id)
    assert opened and window.tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)  # the lists read again in the background
    case = tab.selected_case()
    assert case is not None and case.student_id == outcome.student_id and case.opened_on == TODAY
    assert context.query(found_out_of_school.cases_to_open, TODAY) == []
    assert context.query(case_files.attention, TODAY).found_out_of_school == 0
    assert tab.found_model.rowCount() == 0


def test_the_school_age_ledger_shows_the_register_children(qtbot, context) -> None:
    window = window_for(qtbot, context)
    tab = window.dropout_tab
    window.tabs.setCurrentWidget(tab)
    tab.sections.setCurrentIndex(DropoutTab.LEDGERS)
    qtbot.waitUntil(lambda: not tab.busy() and tab.ledger_model.rowCount() > 0, timeout=20_000)
    rows = [tab.ledger_model.row_object(row) for row in range(tab.ledger_model.rowCount())]
    register_only = [r for r in rows if r.student_id is None]
    assert {r.reconcile.split("（")[0] for r in register_only} == {"户籍有、学籍无", "在外地就读", "延缓入学"}
    row = rows.index(register_only[0])
    assert tab.ledger_model.index(row, 8).data() == tab.tr("not on our roster")
    assert str(len(rows)) in tab.ledger_summary.text()
