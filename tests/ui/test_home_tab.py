"""The home tab as the officer sees it at 1366×768: six indicators with values, targets and bars,
the township or one school, and today's work, each line opening its record."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from schoolaid.dropout import case_files
from schoolaid.reporting import work_list
from schoolaid.ui.home.work_list import WorkListPanel, WorkTreeModel, action_label
from schoolaid.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, context) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitUntil(lambda: main.home_tab.result is not None, timeout=20_000)
    return main


def test_the_home_tab_comes_first_with_the_indicators(qtbot, window, tmp_path):
    home = window.home_tab
    assert window.tabs.currentWidget() is home and window.tabs.tabText(0) == "首页"
    shown = [card.indicator for card in home.cards if card.isVisible()]
    assert [i.key for i in shown] == ["preschool_gross_enrollment", "school_age_enrollment", "primary_boarders",
                                      "primary_dropout", "poor_students_aided", "difficulty_aided",
                                      "poor_households_paired", "compulsory_dropout", "consolidation_rate"]
    dropout_card = home.cards[3]
    assert "≤" in dropout_card.toolTip() and "学期初小学在读学生" in dropout_card.toolTip()
    assert "确保十三五时期小学辍学率控制在0.2%以内" in dropout_card.toolTip()  # the target's source
    consolidation_card = home.cards[8]
    assert consolidation_card.indicator.key == "consolidation_rate" and "≥" in consolidation_card.toolTip()
    assert "95%" in consolidation_card.toolTip() and "巩固率" in consolidation_card.toolTip()
    assert all(card.width() >= 250 and card.height() >= 190 for card in home.cards)  # readable at 1366×768
    # None drawn over another, all in view without scrolling, and today's work below them with its room.
    boxes = [card.geometry() for card in home.cards]
    assert not any(a.intersects(b) for n, a in enumerate(boxes) for b in boxes[n + 1:])
    assert not home.cards_area.verticalScrollBar().isVisible()
    work_view = home.work_panel.view
    assert work_view.height() >= 150
    assert work_view.mapTo(home, work_view.rect().topLeft()).y() >= \
        home.cards_area.mapTo(home, home.cards_area.rect().bottomLeft()).y()
    window.grab().save(str(tmp_path / "home.png"))


def test_one_school_then_the_township(qtbot, window):
    home = window.home_tab
    home.school_combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: home.result is not None and home.result.school_id is not None, timeout=20_000)
    assert home.result.school == home.school_combo.currentText()
    assert sum(card.isVisible() for card in home.cards) == 8  # pairing is a township figure
    home.school_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: home.result.school_id is None, timeout=20_000)
    assert sum(card.isVisible() for card in home.cards) == 9


def _lines(home) -> dict[str, list]:
    """The lines of today's work as shown, by kind: (index, WorkItem)."""
    lines: dict[str, list] = {}
    for index in home.work_panel.line_indexes():
        item = index.data(WorkTreeModel.ItemRole)
        lines.setdefault(item.kind, []).append((index, item))
    return lines


def _button(view, index):
    action = index.siblingAtColumn(WorkTreeModel.ACTION)
    view.scrollTo(action)
    return action, view.visualRect(action).center()


def test_todays_work_opens_the_record(qtbot, window, context):
    home = window.home_tab
    view = home.work_panel.view
    lines = _lines(home)
    assert work_list.Kind.NOTICE_EXPIRED in lines and work_list.Kind.ABSENCE in lines
    [(index, item)] = lines[work_list.Kind.NOTICE_EXPIRED]
    view.scrollTo(index)
    where = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)  # a double-click's first press
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.tabs.currentWidget() is window.dropout_tab
    qtbot.waitUntil(lambda: not window.dropout_tab.busy(), timeout=20_000)  # its lists read in the background
    assert window.dropout_tab.selected_case().id == item.target
    case = context.query(case_files.list_cases, case_id=item.target)[0]
    assert case.student in item.text
    [(index, absence)] = lines[work_list.Kind.ABSENCE]
    window.tabs.setCurrentWidget(home)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.dropout_tab.sections.currentIndex() == window.dropout_tab.ABSENCES
    assert window.dropout_tab.selected_absence().id == absence.target


def test_todays_work_grouped_by_kind_most_urgent_first_with_counts(qtbot, window):
    home = window.home_tab
    model, view = home.work_panel.model, home.work_panel.view
    groups = work_list.grouped(home.items)
    headings = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert [h.split("  ")[0] for h in headings] == [work_list.kind_label(g.kind) for g in groups]
    assert [g.kind for g in groups] == sorted((g.kind for g in groups), key=work_list.RANK.__getitem__)
    assert headings[0].startswith(work_list.kind_label(work_list.Kind.NOTICE_EXPIRED) + "  1")
    [unpaired] = [row for row, g in enumerate(groups) if g.kind == work_list.Kind.UNPAIRED]
    group = groups[unpaired]
    assert headings[unpaired] == f"{work_list.kind_label(group.kind)}  {group.count}" and len(group.places) > 1
    kind_index = model.index(unpaired, 0)
    places = [model.index(row, 0, kind_index).data() for row in range(model.rowCount(kind_index))]
    assert places == [f"{p.place}  {len(p.items)}" for p in group.places]  # under it, its villages with theirs
    assert all(view.isExpanded(model.index(row, 0)) for row in range(model.rowCount()))  # a small township's all open
    assert str(len(home.items)) in home.work_panel.label.text()


def test_a_lines_button_opens_what_the_line_says(qtbot, window):
    home = window.home_tab
    view = home.work_panel.view
    [(index, item)] = _lines(home)[work_list.Kind.NOTICE_EXPIRED]
    action, centre = _button(view, index)
    assert action.data() == action_label(work_list.Kind.NOTICE_EXPIRED)
    # A click on the line's text only selects it; its button opens it.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert window.tabs.currentWidget() is home and view.currentIndex().row() == index.row()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.tabs.currentWidget() is window.dropout_tab
    qtbot.waitUntil(lambda: not window.dropout_tab.busy(), timeout=20_000)  # its lists read in the background
    assert window.dropout_tab.selected_case().id == item.target


def test_the_button_opens_the_record_in_the_window(qtbot, window):
    home = window.home_tab
    view = home.work_panel.view
    [(index, item)] = _lines(home)[work_list.Kind.UNPAID]
    _action, centre = _button(view, index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.tabs.currentWidget() is window.ledger_tab
    assert window.ledger_tab.sections.currentIndex() == window.ledger_tab.GAPS


def _county(schools: int = 60, per_school: int = 25) -> list[work_list.WorkItem]:
    """A county's day: suspected dropouts, stale cases and overdue visits in every school."""
    items = []
    for school in range(schools):
        for n in range(per_school):
            kind = (work_list.Kind.VISIT_OVERDUE, work_list.Kind.ABSENCE, work_list.Kind.STALE_CASE)[n % 3]
            items.append(work_list.WorkItem(kind, school * 1000 + n, f"第{school}校 第{n}项", urgent=kind ==
                                            work_list.Kind.ABSENCE, place=f"第{school:02d}校"))
    return items + [work_list.WorkItem(work_list.Kind.BACKUP, None, "备份")]


def test_a_county_day_stays_quick_and_folded(qtbot, qtmodeltester):
    panel = WorkListPanel()
    qtbot.addWidget(panel)
    panel.resize(1300, 400)
    panel.show()
    items = _county()
    started = time.perf_counter()
    panel.set_items(items)
    qtbot.wait(1)
    took = time.perf_counter() - started
    assert took < 1.0, took
    model, view = panel.model, panel.view
    qtmodeltester.check(model)
    assert model.rowCount() == 4 and len(panel.line_indexes()) == len(items) == 1501
    absence, stale, visits, backup = (model.index(row, 0) for row in range(4))
    assert absence.data() == f"{work_list.kind_label(work_list.Kind.ABSENCE)}  {60 * 8}"
    # The most urgent kind open on its schools, each closed with its count; the other large kinds
    # closed; the small one open.
    assert view.isExpanded(absence) and not view.isExpanded(model.index(0, 0, absence))
    assert model.index(0, 0, absence).data() == "第00校  8"
    assert not view.isExpanded(stale) and not view.isExpanded(visits) and view.isExpanded(backup)
    # What the officer opens stays open when the list is worked out again.
    school = model.index(3, 0, absence)
    view.expand(school)
    view.collapse(backup)
    panel.set_items(list(items))
    assert view.isExpanded(model.index(3, 0, model.index(0, 0))) and not view.isExpanded(model.index(3, 0))
    line = model.index(0, 0, model.index(3, 0, model.index(0, 0)))
    _action, centre = _button(view, line)
    with qtbot.waitSignal(panel.open_requested) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened.args == [work_list.Kind.ABSENCE, line.data(WorkTreeModel.ItemRole).target]


def test_village_counts_change_the_preschool_denominator(qtbot, township_context):
    """On a township with no household register: the register, where there is one, is the denominator."""
    from schoolaid.ui.home.home_tab import VillageCountsDialog

    main = MainWindow(township_context)
    qtbot.addWidget(main)
    main.show()
    home = main.home_tab
    qtbot.waitUntil(lambda: home.result is not None, timeout=20_000)
    before = home.cards[0].indicator.denominator
    dialog = VillageCountsDialog(township_context, home.term_combo.currentData().school_year.start_year, home)
    qtbot.addWidget(dialog)
    for row in range(dialog.model.rowCount()):
        dialog.model.set_row_value(row, "count", "50")
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: home.cards[0].indicator.denominator != before, timeout=20_000)
    assert home.cards[0].indicator.denominator == 50 * dialog.model.rowCount()


def test_the_cards_count_the_household_register_where_there_is_one(window):
    from schoolaid.common.i18n import translate

    preschool, school_age = window.home_tab.cards[0], window.home_tab.cards[1]
    registered = translate("Indicators", "children on the household register of {n} villages").format(n=10)
    assert preschool.indicator.note.startswith(registered) and registered in preschool.toolTip()
    assert school_age.indicator.note.startswith(registered)


def test_a_miss_is_never_rounded_onto_its_target() -> None:
    from schoolaid.ui.home.home_tab import percent

    assert percent(67_421 / 67_422, 1.0) == "99.999%"  # not "100.0%" in red beside 未达标
    assert percent(1.0, 1.0) == "100.0%"
    assert percent(0.9, 1.0) == "90.0%"
    assert percent(0.8504, 0.85) == "85.04%"  # a near miss or a near meet shows the digit that decides
    assert percent(0.0021, 0.002) == "0.21%" and percent(0.002, 0.002) == "0.20%"
    assert percent(1 / 100_000, 0.002) == "0.001%"  # one dropout in a county is not 0.00%
    assert percent(None, 0.85) == "—"


def test_todays_work_says_it_is_being_worked_out_until_the_answer_comes(qtbot):
    panel = WorkListPanel()
    qtbot.addWidget(panel)
    assert panel.label.text() == "今日工作：正在整理…" and panel.model.rowCount() == 0
    panel.set_items([])
    assert panel.label.text() != "今日工作：正在整理…"  # now an answer: nothing is waiting
