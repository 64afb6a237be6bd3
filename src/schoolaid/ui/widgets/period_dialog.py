"""Choosing the quarter, the term or the month a printout covers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from schoolaid.common.school_calendar import Quarter, Season, Term
from schoolaid.dropout.monthly_report import month_to_report
from schoolaid.ui.widgets.dialog import Dialog


class PeriodDialog(Dialog):
    """A year and a quarter (1–4), a term (autumn, spring) or a month (1–12): the quarter or term
    ``today`` falls in preselected; the month to report (the one just ended, or this one late in it)."""

    def __init__(self, kind: str, title: str, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setWindowTitle(title)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2015, today.year)
        self.year_spin.setValue(today.year)
        self.part_combo = QComboBox()
        if kind == "quarter":
            for quarter in range(1, 5):
                self.part_combo.addItem(self.tr("Quarter {n}").format(n=quarter), quarter)
            self.part_combo.setCurrentIndex(Quarter.containing(today).number - 1)
        elif kind == "month":
            for month in range(1, 13):
                self.part_combo.addItem(self.tr("Month {n}").format(n=month), month)
            year, month = month_to_report(today)
            self.year_spin.setValue(year)
            self.part_combo.setCurrentIndex(month - 1)
        else:
            self.part_combo.addItem(self.tr("Autumn term (September to January)"), Season.AUTUMN.value)
            self.part_combo.addItem(self.tr("Spring term (February to August)"), Season.SPRING.value)
            term = Term.containing(today)
            self.part_combo.setCurrentIndex(self.part_combo.findData(term.season.value))
            self.year_spin.setValue(term.year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Year"), self.year_spin)
        labels = {"quarter": self.tr("Quarter"), "month": self.tr("Month")}
        form.addRow(labels.get(kind, self.tr("Term")), self.part_combo)
        form.addRow(buttons)

    @property
    def year(self) -> int:
        return self.year_spin.value()

    @property
    def part(self) -> int | str:
        return self.part_combo.currentData()
