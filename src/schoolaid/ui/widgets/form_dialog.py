"""A small dialog with a form that saves through one service call and shows what was refused."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.ui.context import AppContext
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.messages import show_error


def date_edit(today: dt.date, value: dt.date | None = None, *, not_after_today: bool = True) -> QDateEdit:
    """A date field showing ``value`` (``today``, the context's, by default), not after ``today``
    unless told."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if not_after_today:
        edit.setMaximumDate(QDate(today.year, today.month, today.day))
    day = value or today
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class FormDialog(Dialog):
    """Subclasses fill ``self.form`` and implement ``submit``; a refusal stays in the dialog."""

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.problems_label = QLabel()
        self.problems_label.setStyleSheet("color:#c62828;")
        self.problems_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        try:
            self.submit()  # type: ignore[attr-defined]  # each subclass says what saving means
        except ValidationFailed as failure:
            self.problems_label.setText("\n".join(p.message for p in failure.problems))
            return
        except SchoolAidError as exc:
            show_error(self, exc)
            return
        self.accept()
