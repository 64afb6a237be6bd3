"""The home tab: how the school stands against the plan's indicators (for the township or one
school, for a term, with the trend of the terms before) and what must be done today, each line
opening its record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.school_calendar import Term
from schoolaid.reporting import home, indicators, work_list
from schoolaid.reporting.indicators import Indicator, SchoolIndicators
from schoolaid.township import township
from schoolaid.ui.actions import make_button
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.home.work_list import WorkListPanel
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.messages import problem_label, show_refusal
from schoolaid.ui.widgets.table_models import EditableTableModel, EditColumn
from schoolaid.ui.widgets.table_views import editable_table
from schoolaid.ui.widgets.when_shown import WhenShown

MET = QColor("#1b7f3b")
MISSED = QColor("#c62828")
NEUTRAL = QColor("#607d8b")
CARDS_PER_ROW = 5
BAR = QColor("#90a4ae")
BAR_CURRENT = QColor("#1e88e5")


def percent(value: float | None, target: float) -> str:
    """The value with the digits that matter: the dropout rate lives in tenths of a percent, and a value
    that misses (or just meets) its target is never rounded onto it — 67,421 of 67,422 is 99.999 %, not
    100.0 %."""
    if value is None:
        return "—"
    digits = 2 if target < 0.01 else 1
    while digits < 4 and value != target and (
            round(value * 100, digits) == round(target * 100, digits) or (value < 1 <= target and round(
                value * 100, digits) >= 100) or (0 < value and round(value * 100, digits) == 0)):
        digits += 1
    return f"{value:.{digits}%}"


class IndicatorCard(QWidget):
    """One indicator: its value, the target, and bars for the terms with the target as a line."""

    MINIMUM_HEIGHT = 190

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indicator: Indicator | None = None
        self.setMinimumSize(250, self.MINIMUM_HEIGHT)

    def set_indicator(self, indicator: Indicator | None) -> None:
        self.indicator = indicator
        if indicator is not None:
            sign = "≥" if indicator.at_least else "≤"
            self.setToolTip(self.tr("{name}: {numerator} ÷ {denominator}\nTarget {sign} {target}\nHow: {how}{note}").format(
                name=indicator.name, numerator=indicator.numerator, denominator=indicator.denominator, sign=sign,
                target=percent(indicator.target, indicator.target), how=indicator.how,
                note=f"\n（{indicator.note}）" if indicator.note else "")
                + ("\n" + self.tr("Target from: {source}").format(source=indicator.source) if indicator.source else ""))
        self.update()

    def colour(self) -> QColor:
        if self.indicator is None or self.indicator.met is None:
            return NEUTRAL
        return MET if self.indicator.met else MISSED

    def paintEvent(self, _event: Any) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        painter.setPen(QPen(QColor("#cfd8dc"), 1))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(rect, 6, 6)
        indicator = self.indicator
        if indicator is None:
            return
        inner = rect.adjusted(12, 8, -12, -8)
        title = QFont(self.font())
        title.setBold(True)
        painter.setFont(title)
        painter.setPen(QColor("#263238"))
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), 22), Qt.AlignmentFlag.AlignLeft,
                         indicator.name)
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 2.0)
        big.setBold(True)
        painter.setFont(big)
        painter.setPen(self.colour())
        value_text = percent(indicator.value, indicator.target)
        value_width = QFontMetricsF(big).horizontalAdvance(value_text) + 12
        painter.drawText(QRectF(inner.left(), inner.top() + 22, value_width, 40),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value_text)
        painter.setFont(self.font())
        painter.setPen(QColor("#455a64"))
        sign = "≥" if indicator.at_least else "≤"
        state = "" if indicator.met is None else (self.tr("met") if indicator.met else self.tr("not met"))
        target_text = self.tr("target {sign}{target}  {state}").format(
            sign=sign, target=percent(indicator.target, indicator.target), state=state).strip()
        room = inner.width() - value_width
        if QFontMetricsF(self.font()).horizontalAdvance(target_text) > room:
            target_text = target_text.replace("  ", "\n", 1)  # the target above, met or not below it
        painter.drawText(QRectF(inner.left() + value_width, inner.top() + 22, room, 40),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, target_text)
        self._draw_trend(painter, QRectF(inner.left(), inner.top() + 68, inner.width(), inner.height() - 68))

    def _draw_trend(self, painter: QPainter, area: QRectF) -> None:
        indicator = self.indicator
        assert indicator is not None
        values = [v for _t, v in indicator.trend if v is not None]
        top = max([indicator.target, *values]) * 1.15 or 1.0
        label_height = 16
        chart = area.adjusted(0, 0, 0, -label_height)
        count = max(len(indicator.trend), 1)
        slot = chart.width() / count
        for position, (term, value) in enumerate(indicator.trend):
            x = chart.left() + position * slot + slot * 0.2
            if value is not None:
                height = chart.height() * value / top
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(BAR_CURRENT if position == count - 1 else BAR)
                painter.drawRect(QRectF(x, chart.bottom() - height, slot * 0.6, height))
            painter.setPen(QColor("#546e7a"))
            painter.drawText(QRectF(chart.left() + position * slot, chart.bottom() + 1, slot, label_height),
                             Qt.AlignmentFlag.AlignCenter, term)
        target_y = chart.bottom() - chart.height() * indicator.target / top
        pen = QPen(MISSED if not indicator.at_least else MET, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(int(chart.left()), int(target_y), int(chart.right()), int(target_y))


class VillageCountsDialog(Dialog):
    """The preschool-age children each village reports for a school year: the denominator the
    roster cannot give (children who never came to school)."""

    def __init__(self, context: AppContext, school_year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Preschool-age children per village"))
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2015, 2100)
        self.year_spin.setValue(school_year)
        self.year_spin.valueChanged.connect(self._load)
        self.model = EditableTableModel([
            EditColumn("village", self.tr("Village"), read_only=True),
            EditColumn("on_roster", self.tr("Aged 3–5 on the roster"), read_only=True),
            EditColumn("count", self.tr("Aged 3–5 living there (village report)")),
        ], self)
        self.table = editable_table(self.model, stretch=True)
        text = QLabel(self.tr("The preschool gross enrollment rate divides the children in kindergarten by all the "
                              "children aged 3–5, including those who never came. Enter the number each village "
                              "reports; leave it empty to use the roster's count."))
        text.setWordWrap(True)
        self.problem_label = problem_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        year_row = QHBoxLayout()
        year_row.addWidget(QLabel(self.tr("School year starting in September of")))
        year_row.addWidget(self.year_spin)
        year_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(year_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem_label)
        layout.addWidget(buttons)
        self.resize(560, 480)
        self._load()

    def _load(self) -> None:
        counts = self.context.query(indicators.village_counts, self.year_spin.value())
        self.model.set_rows([{"village_id": c.village_id, "village": c.village, "on_roster": str(c.on_roster),
                              "count": "" if c.preschool_age is None else str(c.preschool_age)} for c in counts])

    def save(self) -> None:
        counts: dict[int, int | None] = {}
        for row in self.model.rows():
            text = str(row["count"]).strip()
            if text and not text.isdigit():
                self.problem_label.setText(self.tr("{village}: write a whole number, or leave it empty.").format(
                    village=row["village"]))
                return
            counts[row["village_id"]] = int(text) if text else None
        run_op(self.context, self, indicators.set_preschool_age, self.year_spin.value(), counts,
               affects={Entity.TOWNSHIP}, on_success=lambda _result: self.accept(),
               on_failure=lambda error: show_refusal(self, self.problem_label, error))


class HomeTab(QWidget):
    open_requested = Signal(str, object)  # a work_list.Kind and the record's id (or None)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._generation = 0
        self._task: Operation | None = None
        self.result: SchoolIndicators | None = None
        self.items: list[work_list.WorkItem] = []
        self.term_combo = QComboBox()
        term = Term.containing(context.today())
        for _ in range(6):
            self.term_combo.addItem(term.label, term)
            term = term.previous()
        self.school_combo = QComboBox()
        self.counts_button = make_button("home.village_counts", context, self)
        self.state_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Term:")))
        top.addWidget(self.term_combo)
        top.addWidget(QLabel(self.tr("For:")))
        top.addWidget(self.school_combo)
        top.addWidget(self.state_label, 1)
        top.addWidget(self.counts_button)
        self.cards = [IndicatorCard() for _ in indicators.DEFINITIONS]
        # Five to a row, in a scroll area: on a 1,366 × 768 screen two rows and today's work fit, and on
        # a smaller one the cards scroll instead of being drawn over each other.
        cards_panel = QWidget()
        grid = QGridLayout(cards_panel)
        grid.setContentsMargins(0, 0, 0, 0)
        for position, card in enumerate(self.cards):
            grid.addWidget(card, position // CARDS_PER_ROW, position % CARDS_PER_ROW)
        self.cards_area = QScrollArea()
        self.cards_area.setWidget(cards_panel)
        self.cards_area.setWidgetResizable(True)
        self.cards_area.setFrameShape(QFrame.Shape.NoFrame)
        rows_shown = min(2, -(-len(self.cards) // CARDS_PER_ROW))
        self.cards_area.setMinimumHeight(rows_shown * (IndicatorCard.MINIMUM_HEIGHT + grid.verticalSpacing()))
        self.work_panel = WorkListPanel()
        self.work_panel.open_requested.connect(self.open_requested)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.cards_area, 3)
        layout.addWidget(self.work_panel, 2)
        self._fill_schools()
        self.term_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.school_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        context.changed.connect(self._data_changed)
        self.when_shown = WhenShown(self, self.refresh)

    def _fill_schools(self) -> None:
        current = self.school_combo.currentData()
        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(self.tr("The township"), None)
        for school in self.context.query(township.list_schools, open_only=True):
            self.school_combo.addItem(school.name, school.id)
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(current)))
        self.school_combo.blockSignals(False)

    def _data_changed(self, changed: frozenset[str]) -> None:
        if Entity.touched(changed, Entity.TOWNSHIP):
            self._fill_schools()
        self.when_shown.changed()

    def refresh(self) -> None:
        """Work the figures out off the GUI thread; a newer request makes an older answer moot."""
        self._generation += 1
        generation = self._generation
        if self._task is not None:
            self._task.call_off()  # moot: if it is still waiting its turn, it never runs
        self.state_label.setText(self.tr("Working out the figures…"))
        self._task = run_op(self.context, self, home.home_figures, self.term_combo.currentData(),
                            self.school_combo.currentData(), self.context.today(), self.context.actor,
                            access=Access.READ, background=True, quiet=True, unasked=True,
                            on_success=lambda result: self._show(generation, result),
                            on_failure=lambda error: self._show(generation, error))

    def wait(self, timeout: float = 30.0) -> None:
        if self._task is not None:
            self._task.wait(timeout)

    def _show(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        if isinstance(result, BaseException):
            self.state_label.setText(result.message if isinstance(result, SchoolAidError) else str(result))
            return
        assert isinstance(result, tuple)
        self.result, self.items = result
        self.state_label.setText("")
        for card, indicator in zip(self.cards, self.result.indicators + [None] * len(self.cards), strict=False):
            card.set_indicator(indicator)
            card.setVisible(indicator is not None)
        self.work_panel.set_items(self.items)

    def edit_village_counts(self) -> None:
        term: Term = self.term_combo.currentData()
        if VillageCountsDialog(self.context, term.school_year.start_year, self).exec():
            self.refresh()
