"""Tables size their columns to their content (issue 20): the posting table gives each name, school, grade and
village the room its text needs, the free-text column takes what is left, every column can be dragged wider,
a width set by hand stays through a reload, and text cut short shows in full when the pointer rests on it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QHeaderView, QToolTip

from schoolaid.ledger import subsidy_programmes
from schoolaid.ui.ledger.ledger_tab import LedgerTab
from schoolaid.ui.widgets.lazy_model import LazyColumn, LazyIdModel
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_setup import SAMPLE_ROWS
from schoolaid.ui.widgets.table_views import record_table
from tests.ui.driving import quiet_window

NAME, SCHOOL, GRADE, VILLAGE, GUARDIAN, AMOUNT, BASIS = range(7)


@pytest.fixture
def tab(qtbot, context) -> LedgerTab:
    widget = LedgerTab(context)
    qtbot.addWidget(widget)
    widget.resize(1366, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def preview_the_month(tab: LedgerTab, context) -> None:
    shf = context.query(subsidy_programmes.programme_by_code, "SHF")
    tab.post_programme.setCurrentIndex(tab.post_programme.findData(shf.id))
    tab.post_month.setCurrentIndex(0)
    tab.preview_button.click()
    tab.wait_for_preview()
    QApplication.processEvents()
    assert tab.plan_model.rowCount() > 0


def widest_text(table, column: int) -> int:
    metrics = table.fontMetrics()
    model = table.model()
    return max(metrics.horizontalAdvance(model.index(row, column).data()) for row in range(model.rowCount()))


def drag_section_edge(qtbot, header: QHeaderView, column: int, by: int) -> None:
    """Press on the right edge of the column's header, move the mouse, let go: as a person widens a column."""
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    start = QPoint(edge, header.height() // 2)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(header.viewport(), start + QPoint(by // 2, 0))
    qtbot.mouseMove(header.viewport(), start + QPoint(by, 0))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(by, 0))


def test_the_posting_table_gives_names_schools_grades_and_villages_their_width(tab, context):
    preview_the_month(tab, context)
    table = tab.plan_table
    for column in (NAME, SCHOOL, GRADE, VILLAGE, GUARDIAN, AMOUNT):
        assert table.columnWidth(column) >= widest_text(table, column), column
    # The amount is a short figure: the free text (the basis) takes the width, not the amount.
    assert table.columnWidth(AMOUNT) < 2 * widest_text(table, AMOUNT) + 40
    assert table.columnWidth(BASIS) > table.columnWidth(AMOUNT)
    shown = sum(table.columnWidth(c) for c in range(table.model().columnCount()))
    assert abs(shown - table.viewport().width()) <= 1  # no gap at the right, no scroll bar needed


def test_a_column_is_widened_by_hand_and_keeps_its_width(qtbot, tab, context):
    preview_the_month(tab, context)
    table = tab.plan_table
    header = table.horizontalHeader()
    assert all(header.sectionResizeMode(c) == QHeaderView.ResizeMode.Interactive for c in range(header.count()))
    name_before, basis_before = table.columnWidth(NAME), table.columnWidth(BASIS)
    drag_section_edge(qtbot, header, NAME, 60)
    assert table.columnWidth(NAME) == name_before + 60
    assert table.columnWidth(BASIS) == basis_before - 60  # the free text makes room; no scroll bar appears
    tab.preview_button.click()  # the list again: the width given by hand stays
    tab.wait_for_preview()
    QApplication.processEvents()
    assert table.columnWidth(NAME) == name_before + 60


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the tooltip's window, offscreen
def test_text_cut_short_shows_in_full_on_hover(qtbot, tab, context):
    preview_the_month(tab, context)
    table = tab.plan_table
    header = table.horizontalHeader()
    header.resizeSection(SCHOOL, 30)  # far too narrow for a school's name
    school = table.model().index(0, SCHOOL)
    where = table.visualRect(school).center()
    QApplication.sendEvent(table.viewport(), QHelpEvent(QEvent.Type.ToolTip, where,
                                                        table.viewport().mapToGlobal(where)))
    assert QToolTip.isVisible() and QToolTip.text() == school.data()
    QToolTip.hideText()
    name = table.model().index(0, NAME)  # shown whole: no tooltip repeats it
    where = table.visualRect(name).center()
    QApplication.sendEvent(table.viewport(), QHelpEvent(QEvent.Type.ToolTip, where,
                                                        table.viewport().mapToGlobal(where)))
    assert not QToolTip.isVisible() or QToolTip.text() != name.data()


def test_a_long_list_is_measured_on_its_first_rows_only(qtbot):
    fetched: list[int] = []

    def fetch(ids: list[int]) -> dict[int, str]:
        fetched.extend(ids)
        return {i: f"学生{i}" for i in ids}

    model = LazyIdModel([LazyColumn("name", lambda: "姓名", lambda row: row),
                         LazyColumn("note", lambda: "备注", lambda row: row * 3)], fetch)
    table = record_table(model)
    qtbot.addWidget(table)
    model.show_ids(list(range(100_000)))
    assert len(fetched) <= 4 * SAMPLE_ROWS  # one batch around the first rows, not 100,000 rows
    assert table.columnWidth(0) >= table.fontMetrics().horizontalAdvance("学生49")
    # A new search of the long list (a keystroke): measured again once the keys pause, not at once.
    fetched.clear()
    model.show_ids(list(range(10_000_000, 10_100_000)))
    assert fetched == []
    qtbot.waitUntil(lambda: table.columnWidth(0) >= table.fontMetrics().horizontalAdvance("学生10000049"),
                    timeout=3000)


def test_a_short_table_fills_its_width_with_its_last_column(qtbot):
    model = RecordTableModel([Column("甲", lambda r: r[0]), Column("乙", lambda r: r[1])], [("一", "二")])
    table = record_table(model)
    qtbot.addWidget(table)
    table.resize(600, 300)
    table.show()
    qtbot.waitExposed(table)
    assert table.columnWidth(1) > table.columnWidth(0)
    assert abs(table.columnWidth(0) + table.columnWidth(1) - table.viewport().width()) <= 1


def test_the_named_free_text_column_takes_the_spare_width_and_new_rows_are_measured(qtbot):
    model = RecordTableModel([Column("备注", lambda r: r[0]), Column("姓名", lambda r: r[1]),
                              Column("村", lambda r: r[2])], [("短", "张三", "双河村")])
    table = record_table(model, stretch=0)
    qtbot.addWidget(table)
    table.resize(700, 300)
    table.show()
    qtbot.waitExposed(table)
    assert table.columnWidth(0) > table.columnWidth(1) + table.columnWidth(2)
    village_before = table.columnWidth(2)
    model.set_rows([("短", "欧阳春晓", "大龙潭村第十二村民小组")])
    metrics = table.fontMetrics()
    assert table.columnWidth(1) >= metrics.horizontalAdvance("欧阳春晓")
    assert table.columnWidth(2) >= metrics.horizontalAdvance("大龙潭村第十二村民小组") > village_before
    assert abs(sum(table.columnWidth(c) for c in range(3)) - table.viewport().width()) <= 1


def test_every_table_of_the_window_and_its_dialogs_fits_its_columns(qtbot, context, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QTableView

    from schoolaid.ui.widgets.table_setup import fitter_of
    from tests.ui.test_dialog_stress import _openers

    window = quiet_window(qtbot, context, monkeypatch)

    def unfitted(widget) -> list[str]:
        return [f"{type(t.model()).__name__} in {type(t.parentWidget()).__name__}" for t in
                widget.findChildren(QTableView) if t.model() is not None and (fitter_of(t) is None or any(
                    t.horizontalHeader().sectionResizeMode(c) != QHeaderView.ResizeMode.Interactive
                    for c in range(t.horizontalHeader().count())))]

    missing = unfitted(window)
    tables = len(window.findChildren(QTableView))
    for opener in _openers(window, tmp_path, 0):
        dialog = opener.make()
        qtbot.addWidget(dialog)
        tables += len(dialog.findChildren(QTableView))
        missing += [f"{opener.name}: {m}" for m in unfitted(dialog)]
        dialog.reject()
        dialog.deleteLater()
        QApplication.processEvents()
    assert tables > 40
    assert not missing, "\n".join(missing)


def test_a_students_changes_wrap_over_lines_in_the_history(qtbot, context):
    from PySide6.QtCore import QRect

    from schoolaid.ui.roster.roster_tab import RosterTab
    from schoolaid.ui.roster.student_dialog import StudentDialog

    roster_tab = RosterTab(context)
    qtbot.addWidget(roster_tab)
    dialog = StudentDialog(context, roster_tab.model.student_id(0), roster_tab)
    qtbot.addWidget(dialog)
    dialog.resize(820, 560)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    qtbot.waitExposed(dialog)
    table, model = dialog.history_table, dialog.history_model
    changes = model.columnCount() - 1
    row = max(range(model.rowCount()), key=lambda r: len(model.index(r, changes).data()))
    text = model.index(row, changes).data()
    width = table.columnWidth(changes)
    assert table.fontMetrics().horizontalAdvance(text) > width  # too long for one line: the first entry's fields
    needed = table.fontMetrics().boundingRect(QRect(0, 0, width - 8, 10_000), Qt.TextFlag.TextWordWrap, text)
    assert table.wordWrap() and table.rowHeight(row) >= needed.height()
    assert width > table.viewport().width() // 2  # the changes take the dialog's width


def test_a_lazy_model_told_of_more_rows_than_it_can_read_shows_those_it_has(qtbot) -> None:
    model = LazyIdModel([LazyColumn("name", lambda: "姓名", lambda row: row)], lambda ids: {i: f"学生{i}" for i in ids})
    model.show_ids([1, 2, 3], count=10)  # no reader of the rest: the three are all there are
    assert model.rowCount() == 10 and not model.complete
    assert model.row_of(99) is None
    assert model.rowCount() == 3 and model.complete
    assert [model.data(model.index(r, 0)) for r in range(3)] == ["学生1", "学生2", "学生3"]
