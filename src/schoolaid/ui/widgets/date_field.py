"""The one date field of the window: typed in one go (20150302, 2015-3-2, 2015.3.2 — as the importer reads
sheets) or picked from the calendar, and left with one Tab, not one per part of the date."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

_TYPED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
SEPARATORS = {Qt.Key.Key_Period, Qt.Key.Key_Slash, Qt.Key.Key_Minus, Qt.Key.Key_Space}


class DateField(QDateEdit):
    def __init__(self, date: QDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent) if date is None else super().__init__(date, parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self._typed_here = False  # a digit typed into the part the cursor is in

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        # Tab goes to the next field of the form, as in every other field; the arrows move between the parts.
        self.commit_typed()
        return QWidget.focusNextPrevChild(self, next)

    def commit_typed(self) -> None:
        """A part still open to a second digit (the 2 of 2015-03-2) is taken as typed, as the person
        leaves the field, rather than dropped for the date shown before."""
        typed = _TYPED.fullmatch(self.lineEdit().text().strip())
        if typed is not None:
            day = QDate(*(int(part) for part in typed.groups()))
            if day.isValid() and self.minimumDate() <= day <= self.maximumDate() and day != self.date():
                self.setDate(day)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit_typed()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # 2015.3.2 and 2015/3/2 as 2015-3-2: a separator typed after a part moves to the next part, unless
        # the part was complete and the field moved on by itself (2015 then "-").
        if event.key() in SEPARATORS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            section = self.currentSectionIndex()
            if self._typed_here and section < self.sectionCount() - 1:
                self.setSelectedSection(self.sectionAt(section + 1))
            self._typed_here = False
            event.accept()
            return
        if event.text().isdigit() and self.specialValueText() and self.date() == self.minimumDate():
            # A blank date starts being typed: from a real date whose year the first digit replaces.
            self.setDate(QDate(self.maximumDate().year(), 1, 1))
            self.setSelectedSection(QDateEdit.Section.YearSection)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit_typed()  # Enter saves the form with the date as typed
        before = self.currentSectionIndex()
        super().keyPressEvent(event)
        self._typed_here = self.currentSectionIndex() == before and bool(event.text().strip())

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._typed_here = False
        super().focusInEvent(event)


NO_DATE = QDate(1900, 1, 1)  # an optional date left empty: shown blank


def optional_date_field(today: dt.date, empty: QDate = NO_DATE) -> DateField:
    """A date that may be left empty (``empty``, shown blank), not after ``today``."""
    field = DateField()
    field.setMinimumDate(empty)
    field.setMaximumDate(QDate(today.year, today.month, today.day))
    field.setSpecialValueText(" ")
    field.setDate(empty)
    return field
