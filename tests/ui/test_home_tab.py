"""The home tab as the officer sees it at 1366×768: six indicators with values, targets and bars,
the township or one school, and today's work, each line opening its record."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from schoolaid.dropout import case_files
from schoolaid.reporting import work_list
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
    assert home.work_view.height() >= 150
    assert home.work_view.mapTo(home, home.work_view.rect().topLeft()).y() >= \
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


def test_todays_work_opens_the_record(qtbot, window, context):
    home = window.home_tab
    kinds = [home.work_model.item(r).data(Qt.ItemDataRole.UserRole).kind for r in range(home.work_model.rowCount())]
    assert work_list.Kind.NOTICE_EXPIRED in kinds and work_list.Kind.ABSENCE in kinds
    row = kinds.index(work_list.Kind.NOTICE_EXPIRED)
    item = home.work_model.item(row).data(Qt.ItemDataRole.UserRole)
    home.work_view.doubleClicked.emit(home.work_model.index(row, 0))
    assert window.tabs.currentWidget() is window.dropout_tab
    assert window.dropout_tab.selected_case().id == item.target
    case = context.query(case_files.list_cases, case_id=item.target)[0]
    assert case.student in item.text
    home_row = kinds.index(work_list.Kind.ABSENCE)
    absence = home.work_model.item(home_row).data(Qt.ItemDataRole.UserRole)
    window.tabs.setCurrentWidget(home)
    home.work_view.doubleClicked.emit(home.work_model.index(home_row, 0))
    assert window.dropout_tab.sections.currentIndex() == window.dropout_tab.ABSENCES
    assert window.dropout_tab.selected_absence().id == absence.target


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
