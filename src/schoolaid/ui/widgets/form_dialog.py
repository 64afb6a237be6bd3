"""A small dialog with a form that saves through one service call and shows what was refused."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.ui.context import AppContext
from schoolaid.ui.operations import Operation, run_op
from schoolaid.ui.widgets.date_field import DateField
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_fields import FieldErrors
from schoolaid.ui.widgets.messages import show_error


def date_edit(today: dt.date, value: dt.date | None = None, *, not_after_today: bool = True) -> QDateEdit:
    """A date field showing ``value`` (``today``, the context's, by default), not after ``today``
    unless told."""
    edit = DateField()
    if not_after_today:
        edit.setMaximumDate(QDate(today.year, today.month, today.day))
    day = value or today
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    value = edit.date()
    return dt.date(value.year(), value.month(), value.day())


class FormDialog(Dialog):
    """Subclasses fill ``self.form`` and implement ``submit``, which saves through ``self.run`` and
    says whether it saved; a refusal stays in the dialog."""

    # Each form defines ``submit() -> bool``: save through ``run`` and say whether it saved.
    submit: Callable[[], bool]

    def __init__(self, context: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.field_errors = FieldErrors(self)  # subclasses bind their widgets to the core's field names
        self.problems_label = QLabel()
        self.problems_label.setStyleSheet("color:#c62828;")
        self.problems_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.field_errors.legend)
        layout.addWidget(self.problems_label)
        layout.addWidget(self.buttons)

    def run(self, service: Callable[..., Any], *args: Any, affects: Iterable[str], **kwargs: Any) -> Operation:
        """Save through ``service`` (as the signed-in person, one transaction); what it refuses is shown
        in the dialog."""
        return run_op(self.context, self, service, *args, affects=affects, on_failure=self.refused, **kwargs)

    def refused(self, error: SchoolAidError) -> None:
        if isinstance(error, ValidationFailed):
            elsewhere = self.field_errors.show(error.problems)  # each at its field; the rest under the form
            self.problems_label.setText("\n".join(p.message for p in elsewhere))
        else:
            show_error(self, error)

    def refusal_text(self) -> str:
        """Everything the last refusal says, at the fields and under the form."""
        return "\n".join([*self.field_errors.messages(), self.problems_label.text()]).strip()

    def save(self) -> None:
        try:
            saved = self.submit()
        except ValidationFailed as failure:  # what the form checks itself, before any service runs
            self.refused(failure)
            return
        if saved:
            self.accept()
