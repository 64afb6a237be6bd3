"""The roster tab driven as a user would: typing, choosing filters, clicking headers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from schoolaid import __version__
from schoolaid.roster import roster
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.roster import RosterFilter
from schoolaid.ui.main_window import MainWindow
from schoolaid.ui.roster.roster_model import COLUMNS, RosterModel
from schoolaid.ui.roster.roster_tab import RosterTab


def shown_names(tab: RosterTab) -> list[str]:
    return [tab.model.index(row, 0).data() for row in range(tab.model.rowCount())]


@pytest.fixture
def tab(qtbot, context) -> RosterTab:
    widget = RosterTab(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def test_roster_model_passes_the_model_tester(qtmodeltester, context) -> None:
    model = RosterModel(context)
    model.refresh()
    qtmodeltester.check(model)


def test_table_shows_enrolled_students_with_masked_ids(tab, context) -> None:
    enrolled = context.query(roster.search_ids, RosterFilter(statuses=frozenset({EnrollmentStatus.ENROLLED})))
    assert tab.model.rowCount() == len(enrolled) < 150
    id_column = [c.key for c in COLUMNS].index("id_number")
    masked = tab.model.index(0, id_column).data()
    assert len(masked) == 18 and masked[4:14] == "*" * 10
    assert [tab.model.headerData(i, Qt.Orientation.Horizontal) for i in range(3)] == ["姓名", "性别", "年龄"]


def test_typing_pinyin_initials_filters_as_you_type(qtbot, tab, context) -> None:
    first = tab.model.roster_row(0)
    initials = context.query(roster.search_ids, RosterFilter(text=""))  # sanity: query works
    assert initials
    from schoolaid.roster.pinyin_search import search_keys

    typed = search_keys(first.name)[1].split()[0]
    qtbot.keyClicks(tab.search_edit, typed)
    qtbot.waitUntil(lambda: first.name in shown_names(tab) and tab.model.rowCount() < 100)
    assert all(search_keys(name)[1].split()[0].startswith(typed) or typed in search_keys(name)[1]
               for name in shown_names(tab))


def test_typing_id_digits_finds_the_student(qtbot, tab, context) -> None:
    row = tab.model.roster_row(5)
    number = context.query(roster.full_id_numbers, [row.id])[row.id]
    qtbot.keyClicks(tab.search_edit, number[-8:])
    qtbot.waitUntil(lambda: shown_names(tab) == [row.name])


def test_short_digit_search_waits_with_a_hint(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    shown = window.roster_tab.model.rowCount()
    qtbot.keyClicks(window.roster_tab.search_edit, "51")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() != "")
    assert "4" in window.statusBar().currentMessage()
    assert window.roster_tab.model.rowCount() == shown
    qtbot.keyClicks(window.roster_tab.search_edit, "04")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "")


def test_status_bar_counts_shown_of_total(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    assert not window.count_label.isVisible()  # the roster's counts, shown with the roster
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(window.tabs.indexOf(window.roster_page)).center())
    assert window.count_label.isVisible()
    total = context.query(roster.count_students)
    qtbot.waitUntil(lambda: window.roster_page.built, timeout=10_000)  # the tab is made in steps once shown
    assert window.count_label.text() == f"显示 {window.roster_tab.model.rowCount():,} 名，共 {total:,} 名学生"
    window.roster_tab.status_combo.setCurrentIndex(0)  # any status
    assert window.count_label.text() == f"显示 {total:,} 名，共 {total:,} 名学生"
    assert window.windowTitle() == f"校助 {__version__} — 平地镇"


def test_filters_by_school_grade_village_and_flags(qtbot, tab, context) -> None:
    tab.school_combo.setCurrentIndex(tab.school_combo.findText("平地镇中心校"))
    school_column = [c.key for c in COLUMNS].index("school")
    assert {tab.model.index(r, school_column).data() for r in range(tab.model.rowCount())} == {"平地镇中心校"}
    tab.grade_combo.setCurrentIndex(tab.grade_combo.findText("六年级"))
    grade_column = [c.key for c in COLUMNS].index("grade")
    assert all(tab.model.index(r, grade_column).data().startswith("六年级") for r in range(tab.model.rowCount()))
    tab.clear_filters()
    category_column = [c.key for c in COLUMNS].index("category")
    for category in ("脱贫户", "防止返贫监测对象"):
        tab.category_combo.setCurrentIndex(tab.category_combo.findData(category))
        assert tab.model.rowCount() > 0
        shown = {tab.model.index(r, category_column).data() for r in range(tab.model.rowCount())}
        assert shown == {HouseholdCategory(category).label()}
    tab.category_combo.setCurrentIndex(tab.category_combo.findData("一般户"))
    assert {tab.model.index(r, category_column).data() for r in range(tab.model.rowCount())} == {""}
    tab.clear_filters()
    tab.village_combo.setCurrentIndex(tab.village_combo.findText("波西村"))
    village_column = [c.key for c in COLUMNS].index("village")
    assert {tab.model.index(r, village_column).data() for r in range(tab.model.rowCount())} == {"波西村"}
    tab.clear_filters()
    tab.status_combo.setCurrentIndex(tab.status_combo.findText("转出"))
    status_column = [c.key for c in COLUMNS].index("status")
    assert tab.model.rowCount() > 0
    # Each 转出 pupil, followed by 待核实 while the receiving school has not confirmed the transfer (issue 18).
    shown = {tab.model.index(r, status_column).data() for r in range(tab.model.rowCount())}
    assert {text.split(" · ")[0] for text in shown} == {"转出"}


def test_clicking_the_age_header_sorts(qtbot, tab) -> None:
    header = tab.table.horizontalHeader()
    age = [c.key for c in COLUMNS].index("age")
    position = QPoint(header.sectionViewportPosition(age) + 10, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    ages = [int(tab.model.index(r, age).data()) for r in range(tab.model.rowCount())]
    assert ages == sorted(ages)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=position)
    ages = [int(tab.model.index(r, age).data()) for r in range(tab.model.rowCount())]
    assert ages == sorted(ages, reverse=True)


def test_selecting_a_student_shows_the_household(qtbot, tab) -> None:
    tab.table.selectRow(0)
    row = tab.model.roster_row(0)
    assert tab.household_panel.view is not None
    assert tab.household_panel.view.head_name == row.household_head
    assert row.household_head in tab.household_panel.title.text()
    assert row.name in [c.name for c in tab.household_panel.view.children]
    assert tab.household_panel.members_model.rowCount() >= 2


def test_status_change_in_the_dialog_updates_the_table(qtbot, tab, context) -> None:
    from schoolaid.ui.roster.status_dialog import StatusDialog

    tab.table.selectRow(0)
    student_id = tab.selected_student_id()
    dialog = StatusDialog(context, student_id, tab)
    qtbot.addWidget(dialog)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("休学"))
    dialog.reason_edit.insert("生病住院")  # Chinese arrives through the input method, not key by key
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert tab.reading  # the list is read again off the GUI thread; the rows stay until it comes
    qtbot.waitUntil(lambda: not tab.reading)
    assert tab.model.row_of(student_id) is None  # the default filter shows enrolled students only
    tab.status_combo.setCurrentIndex(tab.status_combo.findText("休学"))
    assert tab.model.row_of(student_id) is not None
    assert context.query(roster.status_history, student_id)[-1].reason == "生病住院"


def test_status_dialog_requires_a_reason(qtbot, tab, context) -> None:
    from schoolaid.ui.roster.status_dialog import StatusDialog

    tab.table.selectRow(0)
    dialog = StatusDialog(context, tab.selected_student_id(), tab)
    qtbot.addWidget(dialog)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("转出"))
    assert dialog.destination_edit.isVisibleTo(dialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert "原因" in dialog.field_errors.message_for("reason")  # each under its field
    assert "转入学校" in dialog.field_errors.message_for("destination")
    assert dialog.result() != dialog.DialogCode.Accepted
    assert context.query(roster.status_history, tab.selected_student_id()) == []


@pytest.fixture
def searches_on_the_gui_thread(monkeypatch) -> list[str]:
    """The roster's searches and counts that run on the GUI thread (those run in the background are left out)."""
    import threading

    found: list[str] = []
    for name in ("search_page", "search_ids", "count_students", "is_match"):
        real = getattr(roster, name)

        def watched(*args, _real=real, _name=name, **kwargs):
            if threading.current_thread() is threading.main_thread():
                found.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(roster, name, watched)
    return found


def test_saving_a_student_reads_the_roster_again_in_the_background(qtbot, tab, context,
                                                                   searches_on_the_gui_thread) -> None:
    from schoolaid.ui.roster.student_dialog import StudentDialog
    from tests.ui import driving

    grade = [c.key for c in COLUMNS].index("grade")
    bar = tab.table.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # somewhere down the list
    row = tab.table.rowAt(tab.table.viewport().height() // 2)
    tab.table.selectRow(row)
    student_id, scrolled = tab.selected_student_id(), bar.value()
    assert scrolled > 0
    searches_on_the_gui_thread.clear()

    def change_the_class(dialog: StudentDialog) -> None:
        dialog.class_edit.clear()
        dialog.class_edit.insert("9班")
        driving.save(dialog)

    saved = driving.when_shown(StudentDialog, change_the_class)
    tab.edit_student()  # as Return on the selected row does
    assert saved and tab.reading  # the list is read again off the GUI thread; the rows stay until it comes
    qtbot.waitUntil(lambda: not tab.reading)
    assert searches_on_the_gui_thread == []
    assert tab.model.index(row, grade).data().endswith("9班")  # the change shown
    assert tab.selected_student_id() == student_id  # the same student selected, the same place scrolled to
    assert bar.value() == scrolled
    assert tab.household_panel.view is not None


def test_a_save_that_leaves_the_list_as_it_was_replaces_its_rows_in_place(qtbot, tab, context) -> None:
    """No reset: the columns are not measured again (at county scale, while the badges were counted in the
    background, that held the window 100-150 ms after every save); the household is still shown afresh."""
    from schoolaid.ui.roster.student_dialog import StudentDialog
    from tests.ui import driving

    grade = [c.key for c in COLUMNS].index("grade")
    tab.table.selectRow(3)
    student_id = tab.selected_student_id()
    widths = [tab.table.columnWidth(c) for c in range(len(COLUMNS))]
    resets, households = [], []
    tab.model.modelReset.connect(lambda: resets.append(True))
    tab.household_panel.view = None
    shown = tab.household_panel.show_household
    tab.household_panel.show_household = lambda *args, **kwargs: households.append(args) or shown(*args, **kwargs)

    def change_the_class(dialog: StudentDialog) -> None:
        dialog.class_edit.clear()
        dialog.class_edit.insert("9班")
        driving.save(dialog)

    saved = driving.when_shown(StudentDialog, change_the_class)
    tab.edit_student()
    assert saved
    qtbot.waitUntil(lambda: not tab.reading)
    assert tab.model.index(3, grade).data().endswith("9班") and tab.selected_student_id() == student_id
    assert resets == [] and [tab.table.columnWidth(c) for c in range(len(COLUMNS))] == widths
    assert len(households) == 1 and tab.household_panel.view is not None


def test_a_student_asked_for_in_a_long_roster_is_found_in_the_background(qtbot, tab, context, monkeypatch,
                                                                         searches_on_the_gui_thread) -> None:
    from schoolaid.ui.roster import roster_tab

    monkeypatch.setattr(roster_tab, "SELECT_AT_ONCE_UP_TO", 0)  # as at county scale
    tab.school_combo.setCurrentIndex(tab.school_combo.findText("平地镇中心校"))
    elsewhere = next(i for i in context.query(roster.search_ids, RosterFilter(
        statuses=frozenset({EnrollmentStatus.ENROLLED}))) if not tab.model.knows(i))
    searches_on_the_gui_thread.clear()
    opened = []
    tab.select_student(elsewhere, then=lambda: opened.append(tab.selected_student_id()))
    assert tab.reading and tab.selected_student_id() != elsewhere
    qtbot.waitUntil(lambda: opened == [elsewhere])  # the school filter cleared to show them
    assert searches_on_the_gui_thread == []
    assert tab.school_combo.currentIndex() == 0 and tab.model.filter.school_id is None
    row = tab.model.row_of(elsewhere)
    assert tab.table.viewport().rect().intersects(tab.table.visualRect(tab.model.index(row, 0)))
