"""A date typed in one go, the ways people write dates (as the importer reads them), and left with one Tab."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from schoolaid.ui.widgets.date_field import DateField, optional_date_field


@pytest.fixture
def form(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    before, blank, filled, after = QLineEdit(), optional_date_field(dt.date(2026, 11, 20)), DateField(
        QDate(2020, 6, 18)), QLineEdit()
    for widget in (before, blank, filled, after):
        layout.addWidget(widget)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, before, blank, filled, after


@pytest.mark.parametrize(("typed", "expected"), [
    ("20150302", "2015-03-02"), ("2015-3-2", "2015-03-02"), ("2015.3.2", "2015-03-02"), ("2015/3/12", "2015-03-12"),
    ("2015.12.2", "2015-12-02"), ("2016-1-5", "2016-01-05"), ("2015-03-02", "2015-03-02"), ("2016.11.30", "2016-11-30"),
])
def test_typed_in_one_go_then_one_tab(qtbot, form, typed, expected):
    window, before, blank, filled, after = form
    for field in (blank, filled):
        before.setFocus()
        qtbot.keyClick(before, Qt.Key.Key_Tab)
        if field is filled:
            qtbot.keyClick(blank, Qt.Key.Key_Tab)
        assert window.focusWidget() is field
        qtbot.keyClicks(field, typed)
        qtbot.keyClick(field, Qt.Key.Key_Tab)
        assert field.date().toString("yyyy-MM-dd") == expected
        assert window.focusWidget() is (filled if field is blank else after)  # one Tab leaves the date


def test_a_blank_date_stays_blank_until_typed(qtbot, form):
    window, before, blank, filled, after = form
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    qtbot.keyClick(blank, Qt.Key.Key_Tab)
    assert blank.date() == blank.minimumDate() and blank.text().strip() == ""
