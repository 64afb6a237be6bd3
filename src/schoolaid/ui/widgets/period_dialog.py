"""Choosing the quarter or the term a printout covers."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget


class PeriodDialog(QDialog):
    """A year and a quarter (1–4) or a term (autumn, spring); the one ``today`` falls in preselected."""

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
            self.part_combo.setCurrentIndex((today.month - 1) // 3)
        else:
            self.part_combo.addItem(self.tr("Autumn term (from September)"), "autumn")
            self.part_combo.addItem(self.tr("Spring term (from March)"), "spring")
            self.part_combo.setCurrentIndex(0 if today.month >= 9 or today.month < 3 else 1)
            if today.month < 3:
                self.year_spin.setValue(today.year - 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Year"), self.year_spin)
        form.addRow(self.tr("Quarter") if kind == "quarter" else self.tr("Term"), self.part_combo)
        form.addRow(buttons)

    @property
    def year(self) -> int:
        return self.year_spin.value()

    @property
    def part(self) -> int | str:
        return self.part_combo.currentData()
