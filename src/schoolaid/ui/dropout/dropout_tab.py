"""The dropout-control tab (控辍保学): cases with their persuasion log and notices, absences with the
cases they call for, the three ledgers, the figures (dropout rate against the 0.2 % target), and 比对核查:
the differences between the household register and the rosters, checked door to door."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts.permissions import Permission, who_may
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.dropout import (
    absences,
    case_files,
    case_plans,
    found_out_of_school,
    ledgers,
    persuasion,
    rates,
    rules,
)
from schoolaid.dropout import export as dropout_export
from schoolaid.dropout.absences import AbsenceView
from schoolaid.dropout.case_files import CaseView, SchoolCases
from schoolaid.dropout.found_out_of_school import FoundChild
from schoolaid.dropout.ledgers import LedgerRow
from schoolaid.dropout.persuasion import AttemptView
from schoolaid.dropout.rates import RateRow
from schoolaid.dropout.vocabulary import CaseStatus
from schoolaid.reporting.dropout_lists import DropoutLists, read_lists
from schoolaid.ui.actions import make_button
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.dropout.case_plan_dialogs import CasePlanPanel
from schoolaid.ui.dropout.dropout_dialogs import (
    AbsenceDialog,
    AttemptDialog,
    AttemptEvidenceDialog,
    BackAtSchoolDialog,
    CaseDialog,
    MoveCaseDialog,
    NoticeDialog,
)
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.reconcile.comparison_page import ComparisonPage
from schoolaid.ui.widgets.form_dialog import date_edit, date_of
from schoolaid.ui.widgets.lazy_tabs import made_in_steps
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.table_models import Column, RecordTableModel, local_time
from schoolaid.ui.widgets.table_views import record_table
from schoolaid.ui.widgets.when_shown import WhenShown

RED = QBrush(QColor("#c62828"))
ORANGE = QBrush(QColor("#b35c00"))
GREY = QBrush(QColor("#6d6d6d"))
GREEN = QBrush(QColor("#2e7d32"))


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


def _percent(rate: float) -> str:
    return f"{rate * 100:.2f}%"


class DropoutTab(QWidget):
    attention_changed = Signal(int)
    message = Signal(str)

    CASES, ABSENCES, LEDGERS, FIGURES, COMPARISON = range(5)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, in_steps: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.attention = case_files.Attention(0, 0, 0)
        self._tasks: dict[str, Operation] = {}
        self._stale = {self.LEDGERS: True, self.FIGURES: True}
        self._filling_cases = False
        self._wanted_case: int | None = None  # to select once the lists being read have come
        self.steps_left = made_in_steps(self._construct(), in_steps)

    def _construct(self) -> Iterator[None]:
        """The tab in parts (``widgets.lazy_tabs``): in the window, one part a turn before it is first shown."""
        context = self.context
        today = self.context.today()

        self.alert_label = QLabel()
        self.alert_label.setWordWrap(True)
        self.alert_label.setTextFormat(Qt.TextFormat.RichText)
        self.alert_label.setStyleSheet("QLabel { background:#fff4e5; border:1px solid #f0b46c; padding:6px; }")
        self.alert_label.linkActivated.connect(self._follow_alert)

        # --- cases ---
        self.case_filter = QComboBox()
        for label, key in ((self.tr("Open cases"), "open"), (self.tr("Notice deadline passed"), "expired"),
                           (self.tr("Ready for the urging notice"), "due"), (self.tr("All cases"), "all"),
                           *((status.label(), status.value) for status in CaseStatus)):
            self.case_filter.addItem(label, key)
        self.case_school = QComboBox()
        # Its schools come with the tab's first read, after the tab is shown: sized then (Qt's default sizes it once,
        # with only 全部学校 in it, and cut every school's name).
        self.case_school.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.case_text = QLineEdit()
        self.case_text.setPlaceholderText(self.tr("Student's name"))
        self.cases_model: RecordTableModel[CaseView] = RecordTableModel([
            Column(lambda: self.tr("No."), lambda c: c.id, align_center=True),
            Column(lambda: self.tr("Student"), lambda c: c.student),
            Column(lambda: self.tr("School"), lambda c: c.school),
            Column(lambda: self.tr("Grade"), lambda c: c.grade),
            Column(lambda: self.tr("Village"), lambda c: c.village),
            Column(lambda: self.tr("State"), lambda c: c.status.label(), align_center=True,
                   foreground=lambda c: ORANGE if c.status.is_open else GREEN if c.status is CaseStatus.RETURNED else None),
            Column(lambda: self.tr("Reason"), lambda c: c.reason.label()),
            Column(lambda: self.tr("Opened"), lambda c: c.opened_on.isoformat(), align_center=True),
            Column(lambda: self.tr("Days open"), lambda c: c.days_open(self.context.today()), align_center=True),
            Column(lambda: self.tr("Attempts"), lambda c: c.attempts, align_center=True),
            Column(lambda: self.tr("Last action"), lambda c: c.last_action.isoformat(), align_center=True),
            Column(lambda: self.tr("Urging notice"), self._notice_text,
                   foreground=lambda c: RED if c.notice_expired(self.context.today()) or c.notice_due else None),
        ], parent=self)
        self.cases_table = record_table(self.cases_model, fit_contents=True)
        self.cases_table.doubleClicked.connect(lambda _index: self.edit_case())
        self.cases_summary = QLabel()

        self.case_title = QLabel()
        self.case_title.setWordWrap(True)
        self.case_title.setTextFormat(Qt.TextFormat.RichText)
        self.attempts_model: RecordTableModel[AttemptView] = RecordTableModel([
            Column(lambda: self.tr("No."), lambda a: a.id, align_center=True),
            Column(lambda: self.tr("Date"), lambda a: a.attempt_date.isoformat(), align_center=True,
                   foreground=lambda a: None if a.counts else GREY),
            Column(lambda: self.tr("Who went"), lambda a: a.visitors, foreground=lambda a: None if a.counts else GREY),
            Column(lambda: self.tr("Taking part"), lambda a: "、".join(p.label() for p in a.parties),
                   foreground=lambda a: None if a.counts else GREY),
            Column(lambda: self.tr("Whom they met"), lambda a: a.met, foreground=lambda a: None if a.counts else GREY),
            Column(lambda: self.tr("How"), lambda a: a.method.label(), foreground=lambda a: None if a.counts else GREY),
            Column(lambda: self.tr("Result"), lambda a: a.result, tooltip=lambda a: a.result,
                   foreground=lambda a: None if a.counts else GREY),
            Column(lambda: self.tr("Agreed"), lambda a: self.tr("Yes") if a.succeeded else "", align_center=True),
            Column(lambda: self.tr("Evidence"), lambda a: a.evidence or "", align_center=True),
            Column(lambda: self.tr("Correction"), self._correction_text, foreground=lambda a: GREY),
            Column(lambda: self.tr("Written by"), lambda a: f"{a.recorded_by} {local_time(a.recorded_at)}"),
        ], parent=self)
        self.attempts_table = record_table(self.attempts_model, stretch=6)  # the result
        self.attempts_table.doubleClicked.connect(lambda _index: self.show_evidence())
        self.new_case_button = make_button("dropout.new_case", context, self)
        self.case_file_button = make_button("dropout.case_file", context, self)
        self.log_button = make_button("dropout.log_attempt", context, self)
        self.correct_button = make_button("dropout.correct_attempt", context, self)
        self.evidence_button = make_button("dropout.evidence", context, self)
        self.notice_button = make_button("dropout.issue_notice", context, self)
        self.receipt_button = make_button("dropout.receipt", context, self)
        self.next_step_button = make_button("dropout.next_step", context, self)  # the escalation after the notice
        self.move_button = make_button("dropout.move", context, self)
        self.confirm_button = make_button("dropout.confirm", context, self)
        self.cases_export_button = make_button("export.cases", context, self)
        self.print_notice_button = make_button("dropout.print_notice", context, self)
        self.print_due_button = make_button("print.due_notices", context, self)
        detail = QGroupBox(self.tr("Persuasion log (劝返记录) — entries are never changed: a correction is a new entry"))
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.case_title)
        detail_layout.addWidget(self.attempts_table, 1)
        self.plan_panel = CasePlanPanel(context, self)  # 一人一案 and the follow-up after the return
        detail_layout.addWidget(self.plan_panel)
        detail_layout.addLayout(_row(self.case_file_button, self.log_button, self.correct_button, self.evidence_button,
                                     self.notice_button, self.print_notice_button, self.receipt_button,
                                     self.next_step_button, self.move_button, self.confirm_button))
        cases_top = QWidget()
        cases_top_layout = QVBoxLayout(cases_top)
        cases_top_layout.setContentsMargins(0, 0, 0, 0)
        cases_top_layout.addLayout(_row(self.case_filter, QLabel(self.tr("School")), self.case_school, self.case_text))
        cases_top_layout.addWidget(self.cases_table, 1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.cases_summary, 1)
        summary_row.addWidget(self.new_case_button)
        summary_row.addWidget(self.print_due_button)
        summary_row.addWidget(self.cases_export_button)
        cases_top_layout.addLayout(summary_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(cases_top)
        splitter.addWidget(detail)
        splitter.setSizes([300, 260])
        cases_page = QWidget()
        QVBoxLayout(cases_page).addWidget(splitter)

        yield
        # --- absences ---
        self.absences_all = QCheckBox(self.tr("Show ended absences too"))
        self.absences_model: RecordTableModel[AbsenceView] = RecordTableModel([
            Column(lambda: self.tr("Student"), lambda a: a.student),
            Column(lambda: self.tr("School"), lambda a: a.school),
            Column(lambda: self.tr("Grade"), lambda a: a.grade),
            Column(lambda: self.tr("Village"), lambda a: a.village),
            Column(lambda: self.tr("Guardian"), lambda a: a.guardian),
            Column(lambda: self.tr("Phone"), lambda a: a.phone),
            Column(lambda: self.tr("From"), lambda a: a.start_date.isoformat(), align_center=True),
            Column(lambda: self.tr("Until"), lambda a: a.end_date.isoformat() if a.end_date else self.tr("still away"),
                   align_center=True),
            Column(lambda: self.tr("School days"), lambda a: a.school_days, align_center=True),
            Column(lambda: self.tr("Reason"), lambda a: a.reason if a.reason_known else self.tr("unexplained")),
            Column(lambda: self.tr("Counts as"), self._absence_state, align_center=True,
                   foreground=lambda a: RED if a.state(self.context.today()) != "absent" and a.case_id is None else None),
            Column(lambda: self.tr("Case"), self._absence_case, align_center=True),
        ], parent=self)
        self.absences_table = record_table(self.absences_model, fit_contents=True)
        self.absences_summary = QLabel()
        self.absences_summary.setWordWrap(True)
        self.record_absence_button = make_button("dropout.record_absence", context, self)
        self.back_button = make_button("dropout.back", context, self)
        self.absence_case_button = make_button("dropout.absence_case", context, self)
        # Children a 比对 check found out of school (失学): no absence, a case to open all the same.
        self.found_model: RecordTableModel[FoundChild] = RecordTableModel([
            Column(lambda: self.tr("Student"), lambda c: c.name),
            Column(lambda: self.tr("Village"), lambda c: c.village),
            Column(lambda: self.tr("Guardian"), lambda c: c.guardian),
            Column(lambda: self.tr("School"), lambda c: c.school),
            Column(lambda: self.tr("Grade"), lambda c: c.grade),
            Column(lambda: self.tr("Found on"), lambda c: c.checked_on.isoformat(), align_center=True),
            Column(lambda: self.tr("Checked by"), lambda c: c.checked_by),
            Column(lambda: self.tr("Case"), lambda c: self.tr("open one"), align_center=True, foreground=lambda c: RED),
        ], parent=self)
        self.found_table = record_table(self.found_model, fit_contents=True)
        self.found_table.doubleClicked.connect(lambda _index: self.open_case_for_found_child())
        self.found_label = QLabel(self.tr("Found out of school (失学) by the 比对 check, no case yet — double-click to "
                                          "open one:"))
        self.found_label.setWordWrap(True)
        absences_page = QWidget()
        absences_layout = QVBoxLayout(absences_page)
        absences_layout.addLayout(_row(self.absences_all))
        absences_layout.addWidget(self.absences_summary)
        absences_layout.addWidget(self.absences_table, 3)
        absences_layout.addLayout(_row(self.record_absence_button, self.back_button, self.absence_case_button))
        absences_layout.addWidget(self.found_label)
        absences_layout.addWidget(self.found_table, 1)

        yield
        # --- the three ledgers ---
        self.ledger_choice = QComboBox()
        self.ledger_choice.addItem(self.tr("School-age children (适龄儿童)"), "school_age")
        self.ledger_choice.addItem(self.tr("Suspected dropouts (疑似辍学)"), "suspected")
        self.ledger_choice.addItem(self.tr("Dropouts (辍学)"), "dropouts")
        self.ledger_model: RecordTableModel[LedgerRow] = RecordTableModel([
            Column(lambda: self.tr("Name"), lambda r: r.name),
            Column(lambda: self.tr("Sex"), lambda r: r.sex, align_center=True),
            Column(lambda: self.tr("Born"), lambda r: r.birth_date.isoformat() if r.birth_date else "", align_center=True),
            Column(lambda: self.tr("Age"), lambda r: r.age, align_center=True),
            Column(lambda: self.tr("School"), lambda r: r.school),
            Column(lambda: self.tr("Grade"), lambda r: r.grade),
            Column(lambda: self.tr("Village"), lambda r: r.village),
            Column(lambda: self.tr("Guardian"), lambda r: r.guardian),
            Column(lambda: self.tr("Status"), lambda r: r.status.label() if r.status else self.tr("not on our roster"),
                   align_center=True, foreground=lambda r: GREY if r.status is None else None),
            Column(lambda: self.tr("Comparison (比对)"), lambda r: r.reconcile, tooltip=lambda r: r.reconcile,
                   foreground=lambda r: RED if "待核查" in r.reconcile else None),
            Column(lambda: self.tr("Note"), lambda r: r.note, tooltip=lambda r: r.note,
                   foreground=lambda r: RED if r.out_of_school or (r.note and r.status is not None) else None),
        ], parent=self)
        self.ledger_table = record_table(self.ledger_model, fit_contents=True)
        self.ledger_summary = QLabel()
        self.ledger_summary.setWordWrap(True)
        self.ledgers_export_button = make_button("export.dropout_ledgers", context, self)
        self.ledgers_print_button = make_button("print.dropout_ledgers", context, self)
        ledgers_page = QWidget()
        ledgers_layout = QVBoxLayout(ledgers_page)
        ledgers_layout.addLayout(_row(self.ledger_choice, self.ledgers_print_button, self.ledgers_export_button))
        ledgers_layout.addWidget(self.ledger_summary)
        ledgers_layout.addWidget(self.ledger_table, 1)

        # --- figures ---
        start, end = SchoolYear.containing(today).so_far(today)
        self.rate_from = date_edit(today, start)
        self.rate_to = date_edit(today, end)
        self.rates_model: RecordTableModel[RateRow] = RecordTableModel([
            Column(lambda: self.tr("School"), lambda r: r.school),
            Column(lambda: self.tr("Enrolled at the start"), lambda r: r.enrolled_at_start, align_center=True),
            Column(lambda: self.tr("Dropouts"), lambda r: r.dropouts, align_center=True),
            Column(lambda: self.tr("Dropout rate"), lambda r: _percent(r.rate), align_center=True,
                   foreground=lambda r: None if r.meets_target else RED),
            Column(lambda: self.tr("Target"), lambda r: self.tr("met") if r.meets_target else self.tr("missed"),
                   align_center=True, foreground=lambda r: GREEN if r.meets_target else RED),
        ], parent=self)
        self.rates_table = record_table(self.rates_model)
        self.rates_total = QLabel()
        self.rates_total.setTextFormat(Qt.TextFormat.RichText)
        how = QLabel(self.tr(
            "How the rate is computed: primary pupils whose status became 辍学 during the period and were still 辍学 at "
            "its end, divided by the primary pupils enrolled (在读) on its first day; a child brought back within the "
            "period is not counted. The plan's target is at most 0.2%."))
        how.setWordWrap(True)
        self.per_school_model: RecordTableModel[SchoolCases] = RecordTableModel([
            Column(lambda: self.tr("School"), lambda s: s.school),
            Column(lambda: self.tr("Open cases"), lambda s: s.open, align_center=True),
            Column(lambda: self.tr("Closed cases"), lambda s: s.closed, align_center=True),
            Column(lambda: self.tr("Brought back"), lambda s: s.returned, align_center=True),
            Column(lambda: self.tr("Notice deadline passed"), lambda s: s.expired, align_center=True,
                   foreground=lambda s: RED if s.expired else None),
        ], parent=self)
        self.per_school_table = record_table(self.per_school_model)
        self.term_report_button = make_button("export.term_report", context, self)
        self.term_print_button = make_button("print.term_report", context, self)
        figures_page = QWidget()
        figures_layout = QVBoxLayout(figures_page)
        figures_layout.addLayout(_row(QLabel(self.tr("Dropout rate from")), self.rate_from, QLabel(self.tr("to")),
                                      self.rate_to, self.term_print_button, self.term_report_button))
        figures_layout.addWidget(self.rates_table, 2)
        figures_layout.addWidget(self.rates_total)
        figures_layout.addWidget(how)
        figures_layout.addWidget(QLabel(self.tr("Cases per school")))
        figures_layout.addWidget(self.per_school_table, 1)

        yield
        self.sections = QTabWidget()
        self.sections.addTab(cases_page, self.tr("Cases"))
        self.sections.addTab(absences_page, self.tr("Absences"))
        self.sections.addTab(ledgers_page, self.tr("The three ledgers"))
        self.sections.addTab(figures_page, self.tr("Figures"))
        # --- 比对核查: it loads itself when first shown, and refreshes on the changes it shows ---
        self.comparison_page = ComparisonPage(context, self)
        self.comparison_page.open_case_requested.connect(self._open_case_for_new_student)
        self.comparison_page.message.connect(self.message)
        self.sections.addTab(self.comparison_page, self.tr("Comparison and checks (比对核查)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.alert_label)
        layout.addWidget(self.sections)

        for combo in (self.case_filter, self.case_school):
            combo.currentIndexChanged.connect(lambda _i: self.show_cases())
        self.case_text.textChanged.connect(lambda _t: self.show_cases())
        self.cases_table.selectionModel().selectionChanged.connect(lambda *_args: self._case_selected())
        self.absences_all.toggled.connect(lambda _on: self.show_absences())
        self.absences_table.doubleClicked.connect(lambda _index: self.open_case_for_absence())
        self.ledger_choice.currentIndexChanged.connect(lambda _i: self.show_ledger())
        self.rate_from.dateChanged.connect(lambda _d: self.show_figures())
        self.rate_to.dateChanged.connect(lambda _d: self.show_figures())
        self.sections.currentChanged.connect(self._section_shown)
        context.changed.connect(self._data_changed)
        # The lists are filled when the tab is first shown (the window counts the badge).
        self.when_shown = WhenShown(self, self.refresh)

    # --- refreshing --------------------------------------------------------------------------------

    def _data_changed(self, changed: frozenset[str]) -> None:
        if not Entity.touched(changed, Entity.DROPOUT, Entity.STUDENT, Entity.HOUSEHOLD, Entity.TOWNSHIP,
                              Entity.PAIRING, Entity.RECONCILE):
            return
        self.when_shown.changed()

    def refresh(self) -> None:
        """The lists read together in the background (some twenty reads, which held the window for 60–90 ms
        when the tab was shown); the ledgers and figures as their pages are shown."""
        self._load("lists", "", read_lists, self._show_lists, self.context.today(),
                   classes=self.context.teacher_classes, open_absences_only=not self.absences_all.isChecked(),
                   quiet=True)
        self._stale = {self.LEDGERS: True, self.FIGURES: True}
        self._section_shown(self.sections.currentIndex())

    def _show_lists(self, lists: DropoutLists) -> None:
        current = self.case_school.currentData()
        self.case_school.blockSignals(True)
        self.case_school.clear()
        self.case_school.addItem(self.tr("All schools"), None)
        for school in lists.schools:
            self.case_school.addItem(school.name, school.id)
        self.case_school.setCurrentIndex(max(0, self.case_school.findData(current)) if current is not None else 0)
        self.case_school.blockSignals(False)
        self.show_cases(lists.cases)
        if lists.open_absences_only == (not self.absences_all.isChecked()):
            self._show_absences(lists.absences, lists.holidays)
        else:  # the choice changed meanwhile
            self.show_absences()
        self.show_found_children(lists.found)
        self._show_attention(lists.attention, lists.suspect_days)
        wanted, self._wanted_case = self._wanted_case, None
        if wanted is not None:
            self.select_case(wanted)

    def _section_shown(self, index: int) -> None:
        if self._stale.get(index):
            self._stale[index] = False
            if index == self.LEDGERS:
                self.show_ledger()
            elif index == self.FIGURES:
                self.show_figures()

    def _show_attention(self, attention: case_files.Attention, suspect_days: int) -> None:
        self.attention = attention
        parts = []
        if self.attention.to_open:
            parts.append(self.tr("<a href='absences'>{n} children</a> reached {days} school days of unexplained "
                                 "absence and have no case yet: report them to the township and open a case.").format(
                n=self.attention.to_open, days=suspect_days))
        if self.attention.found_out_of_school:
            parts.append(self.tr("<a href='absences'>{n} children</a> were found out of school (失学) by the 比对 "
                                 "check and have no case yet: open one.").format(n=self.attention.found_out_of_school))
        if self.attention.expired:
            parts.append(self.tr("<a href='expired'>{n} urging notices</a> passed their deadline without the child "
                                 "back.").format(n=self.attention.expired))
        if self.attention.notice_due:
            parts.append(self.tr("<a href='due'>{n} cases</a> had repeated failed attempts: the township can issue "
                                 "the enrollment-urging notice.").format(n=self.attention.notice_due))
        self.alert_label.setText("<br>".join(parts))
        self.alert_label.setVisible(bool(parts))
        self.attention_changed.emit(self.attention.total)
        self.print_due_button.setEnabled(self.attention.notice_due > 0)

    def _follow_alert(self, link: str) -> None:
        if link == "absences":
            self.sections.setCurrentIndex(self.ABSENCES)
            return
        self.sections.setCurrentIndex(self.CASES)
        self.case_filter.setCurrentIndex(max(0, self.case_filter.findData(link)))

    # --- cases -----------------------------------------------------------------------------------------

    def _notice_text(self, case: CaseView) -> str:
        today = self.context.today()
        if case.notice is None:
            return self.tr("due: repeated attempts failed") if case.notice_due else ""
        text = self.tr("{number}, return by {deadline}").format(number=case.notice.document_number,
                                                               deadline=case.notice.deadline.isoformat())
        if case.notice_expired(today):
            text += self.tr(" — deadline passed")
        elif case.notice.served_on is None:
            text += self.tr(" — receipt not yet signed")
        return text

    def _correction_text(self, attempt: AttemptView) -> str:
        if attempt.corrected_by is not None:
            return self.tr("corrected by No. {id}").format(id=attempt.corrected_by)
        if attempt.corrects_id is not None:
            return self.tr("corrects No. {id}").format(id=attempt.corrects_id)
        return ""

    def show_cases(self, cases: list[CaseView] | None = None) -> None:
        """The cases the filters let through (``cases``: as just read; otherwise read now)."""
        selected = self.selected_case()
        if cases is None:
            cases = self.context.query(case_files.list_cases, classes=self.context.teacher_classes)
        today = self.context.today()
        key = self.case_filter.currentData()
        keep: Callable[[CaseView], bool] = {
            "open": lambda c: c.status.is_open,
            "expired": lambda c: c.notice_expired(today),
            "due": lambda c: c.notice_due,
            "all": lambda c: True,
        }.get(key, lambda c: c.status.value == key)
        school = self.case_school.currentData()
        text = self.case_text.text().strip()
        shown = [c for c in cases if keep(c) and (school is None or c.school_id == school) and text in c.student]
        self._filling_cases = True  # the chosen case's log read once, below
        try:
            self.cases_model.set_rows(shown)
            self.cases_summary.setText(self.tr("{shown} of {n} cases; {open} being persuaded.").format(
                shown=len(shown), n=len(cases), open=sum(1 for c in cases if c.status.is_open)))
            position = next((i for i, c in enumerate(shown) if selected and c.id == selected.id), 0 if shown else -1)
            if position >= 0:
                self.cases_table.selectRow(position)
        finally:
            self._filling_cases = False
        self.show_case()

    def _case_selected(self) -> None:
        if not self._filling_cases:
            self.show_case()

    def selected_case(self) -> CaseView | None:
        rows = self.cases_table.selectionModel().selectedRows()
        return self.cases_model.row_object(rows[0].row()) if rows else None

    def select_case(self, case_id: int) -> None:
        """Select the case, widening the filters if they hide it; a case not yet among those read (just opened,
        or the tab just shown) once the lists being read have come."""
        for row in range(self.cases_model.rowCount()):
            if self.cases_model.row_object(row).id == case_id:
                self.cases_table.selectRow(row)
                return
        if "lists" in self._tasks:
            self._wanted_case = case_id
            return
        self.case_filter.setCurrentIndex(self.case_filter.findData("all"))
        self.case_text.clear()
        self.case_school.setCurrentIndex(0)
        for row in range(self.cases_model.rowCount()):
            if self.cases_model.row_object(row).id == case_id:
                self.cases_table.selectRow(row)

    def show_case(self) -> None:
        case = self.selected_case()
        today = self.context.today()
        buttons = (self.case_file_button, self.log_button, self.correct_button, self.evidence_button,
                   self.notice_button, self.print_notice_button, self.receipt_button, self.next_step_button,
                   self.move_button, self.confirm_button)
        self.plan_panel.show_case(case)
        if case is None:
            self.case_title.setText(self.tr("Choose a case above to see its persuasion log."))
            self.attempts_model.set_rows([])
            for button in buttons:
                button.setEnabled(False)
            return
        self.attempts_model.set_rows(self.context.query(persuasion.attempts, case.id))
        lines = [self.tr("<b>No. {id} {name}</b> ({school} {grade}, {village}; guardian {guardian}) — {status}, "
                         "absent since {began}, opened {opened}, {days} days.").format(
            id=case.id, name=case.student, school=case.school, grade=case.grade, village=case.village or "—",
            guardian=case.guardian or "—", status=case.status.label(), began=case.absence_began.isoformat(),
            opened=case.opened_on.isoformat(), days=case.days_open(today))]
        if case.notice is not None:
            served = (self.tr("signed for on {date}").format(date=case.notice.served_on.isoformat())
                      if case.notice.served_on else self.tr("<span style='color:#c62828'>receipt not yet signed</span>"))
            deadline = case.notice.deadline.isoformat()
            if case.notice_expired(today):
                deadline = f"<span style='color:#c62828'><b>{deadline}</b></span>"
            lines.append(self.tr("Urging notice {number} issued {issued}, return by {deadline}; {served}.").format(
                number=case.notice.document_number, issued=case.notice.issued_on.isoformat(), deadline=deadline,
                served=served))
            if case.notice_expired(today):  # where the case stands in the escalation after the notice
                from schoolaid.ui.dropout.escalation_dialog import stage_line

                lines.append(stage_line(self.context, case))
        elif case.notice_due:
            lines.append(self.tr("<span style='color:#c62828'>{n} attempts failed: the township can issue the "
                                 "enrollment-urging notice.</span>").format(n=case.failed_attempts))
        self.case_title.setText("<br>".join(lines))
        is_open = case.status.is_open
        self.case_file_button.setEnabled(True)
        self.log_button.setEnabled(is_open)
        self.correct_button.setEnabled(self.attempts_model.rowCount() > 0)
        self.evidence_button.setEnabled(self.attempts_model.rowCount() > 0)
        self.notice_button.setEnabled(is_open)
        self.print_notice_button.setEnabled(is_open or case.notice is not None)
        self.receipt_button.setEnabled(case.notice is not None and case.notice.served_on is None)
        self.next_step_button.setEnabled(case.notice is not None)
        self.move_button.setEnabled(bool(case_files.allowed_moves(case.status)))
        self.confirm_button.setEnabled(is_open and case.student_status.value != "辍学")

    def _attempt(self) -> AttemptView | None:
        rows = self.attempts_table.selectionModel().selectedRows()
        if rows:
            return self.attempts_model.row_object(rows[0].row())
        if self.attempts_model.rowCount():
            QMessageBox.information(self, self.tr("Persuasion log"), self.tr("Select an entry of the log first."))
        return None

    def new_case(self) -> None:
        from schoolaid.roster.enrollment import EnrollmentStatus
        from schoolaid.ui.widgets.student_picker import StudentPicker

        picker = StudentPicker(self.context, {EnrollmentStatus.ENROLLED, EnrollmentStatus.DROPPED_OUT,
                                              EnrollmentStatus.SUSPENDED}, self)
        if not picker.exec() or picker.chosen is None:
            return
        absence = next((a for a in self.context.query(absences.absences, self.context.today(),
                                                             student_id=picker.chosen.id)
                        if a.case_id is None), None)
        self._open_case(picker.chosen.id, absence.id if absence else None, picker.chosen.name)

    def _open_case(self, student_id: int, absence_id: int | None, name: str) -> None:
        if self._reopened(student_id, absence_id, name):
            return
        dialog = CaseDialog(self.context, student_id=student_id, absence_id=absence_id, student_name=name, parent=self)
        if dialog.exec() and dialog.case_id is not None:
            self.sections.setCurrentIndex(self.CASES)
            self.select_case(dialog.case_id)
            self.message.emit(self.tr("Case No. {id} opened for {name}.").format(id=dialog.case_id, name=name))

    def _reopened(self, student_id: int, absence_id: int | None, name: str) -> bool:
        """Away again within the follow-up after a return: the same case is reopened, not a new one."""
        began = next((a.start_date for a in self.context.query(absences.absences, self.context.today(),
                                                                student_id=student_id) if a.id == absence_id),
                     self.context.today())
        case_id = self.context.query(case_plans.case_to_reopen, student_id, began)
        if case_id is None:
            return False
        if QMessageBox.question(self, self.tr("Reopen the case"), self.tr(
                "{name} came back to school within the follow-up of case No. {id}: reopen that case (back to "
                "persuading) instead of opening a new one?").format(name=name, id=case_id)) \
                != QMessageBox.StandardButton.Yes:
            return True
        if run_op(self.context, self, case_files.open_case, student_id, absence_id, today=self.context.today(),
                  affects={Entity.DROPOUT}).succeeded:
            self.sections.setCurrentIndex(self.CASES)
            self.select_case(case_id)
            self.message.emit(self.tr("Case No. {id} of {name} reopened.").format(id=case_id, name=name))
        return True

    def show_comparison(self, village_id: int | None) -> None:
        """The 比对核查 page with a village's differences still to check (a line of today's work)."""
        self.sections.setCurrentIndex(self.COMPARISON)
        self.comparison_page.show_village(village_id)

    def _open_case_for_new_student(self, student_id: int, name: str) -> None:
        """A check found a child out of school (失学): their case, opened now, shown on the Cases page."""
        self._open_case(student_id, None, name)

    def edit_case(self) -> None:
        case = self.selected_case()
        if case is not None:
            CaseDialog(self.context, case_id=case.id, parent=self).exec()

    def log_attempt(self) -> None:
        case = self.selected_case()
        if case is not None and AttemptDialog(self.context, case, parent=self).exec():
            self.message.emit(self.tr("Attempt logged on case No. {id}.").format(id=case.id))

    def correct_attempt(self) -> None:
        case, attempt = self.selected_case(), self._attempt()
        if case is None or attempt is None:
            return
        if attempt.corrected_by is not None:
            QMessageBox.information(self, self.tr("Persuasion log"), self.tr(
                "Entry No. {id} was corrected by No. {by}: correct that one instead.").format(
                    id=attempt.id, by=attempt.corrected_by))
            return
        AttemptDialog(self.context, case, attempt, self).exec()

    def show_evidence(self) -> None:
        attempt = self._attempt()
        if attempt is not None:
            AttemptEvidenceDialog(self.context, attempt, self).exec()

    def issue_notice(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        if case.notice is not None and QMessageBox.question(self, self.tr("Urging notice"), self.tr(
                "Notice {number} was issued already on {date}. Issue a new one?").format(
                    number=case.notice.document_number, date=case.notice.issued_on.isoformat())) \
                != QMessageBox.StandardButton.Yes:
            return
        NoticeDialog(self.context, case, self).exec()

    def record_receipt(self) -> None:
        """The proof of service (送达回证) of the notice, or of a later document not yet served: the same form
        as from "Next step…", with the manner and, left at the home, the witnesses."""
        from schoolaid.dropout import escalation
        from schoolaid.ui.dropout.escalation_dialog import ServiceDialog

        case = self.selected_case()
        if case is None or case.notice is None:
            return
        unserved = [s for s in self.context.query(escalation.chain, case.id).steps if s.issued and s.served_on is None]
        if not unserved:
            QMessageBox.information(self, self.tr("Proof of service"), self.tr(
                "Every document of this case has its proof of service on record."))
            return
        ServiceDialog(self.context, case, unserved, self).exec()

    def next_step(self) -> None:
        from schoolaid.ui.dropout import escalation_dialog

        escalation_dialog.next_step(self.context, self.selected_case(), self)
        self.show_case()

    def move_case(self) -> None:
        case = self.selected_case()
        if case is not None and MoveCaseDialog(self.context, case, self).exec():
            self.message.emit(self.tr("Case No. {id} of {name} is now \u201c{status}\u201d.").format(
                id=case.id, name=case.student, status=self.context.query(case_files.get_case, case.id).status.label()))

    def confirm_dropout(self) -> None:
        case = self.selected_case()
        if case is None:
            return
        if QMessageBox.question(self, self.tr("Record as dropout"), self.tr(
                "Record {name}'s enrollment status as 辍学? The status goes back to 在读 when the case is closed as "
                "back at school.").format(name=case.student)) != QMessageBox.StandardButton.Yes:
            return
        run_op(self.context, self, case_files.confirm_dropout, case.id, today=self.context.today(),
               affects={Entity.DROPOUT, Entity.STUDENT})

    # --- absences -----------------------------------------------------------------------------------

    def _absence_state(self, absence: AbsenceView) -> str:
        state = absence.state(self.context.today())
        return {"absent": self.tr("absent"), "suspected": self.tr("suspected dropout"),
                "dropout": self.tr("dropout")}[state]

    def _absence_case(self, absence: AbsenceView) -> str:
        if absence.case_id is None:
            return self.tr("open one") if absence.state(self.context.today()) != "absent" else ""
        return self.tr("No. {id} {status}").format(id=absence.case_id, status=absence.case_status.label()
                                                   if absence.case_status else "")

    def show_absences(self) -> None:
        found = self.context.query(absences.absences, self.context.today(), open_only=not self.absences_all.isChecked(),
                                   classes=self.context.teacher_classes)
        self._show_absences(found, self.context.query(rules.holidays_setting))

    def _show_absences(self, found: list[AbsenceView], holidays: str) -> None:
        rows = self.absences_table.selectionModel().selectedRows()
        selected = self.absences_model.row_object(rows[0].row()).id if rows else None
        self.absences_model.set_rows(found)
        position = next((i for i, a in enumerate(found) if a.id == selected), None)
        if position is not None:  # the absence chosen stays chosen when the list is read again
            self.absences_table.selectRow(position)
        waiting = sum(1 for a in found if a.case_id is None and a.state(self.context.today()) != "absent"
                      and a.end_date is None)
        self.absences_summary.setText(self.tr(
            "{n} absences shown. Counted in school days (Monday to Friday outside the holidays: {holidays}). "
            "<b>{waiting}</b> call for a case.").format(n=len(found), waiting=waiting, holidays=holidays))

    def show_found_children(self, found: list[FoundChild] | None = None) -> None:
        """The children found out of school with no case yet (``found``: as just read; otherwise read now)."""
        if found is None:
            found = self.context.query(found_out_of_school.cases_to_open, self.context.today(),
                                       classes=self.context.teacher_classes)
        self.found_model.set_rows(found)
        self.found_label.setVisible(bool(found))
        self.found_table.setVisible(bool(found))

    def open_case_for_found_child(self, student_id: int | None = None) -> None:
        """Open the case of a child the 比对 check found out of school: the selected one, or ``student_id``
        (a line of today's work)."""
        self.sections.setCurrentIndex(self.ABSENCES)
        self.show_found_children()
        if student_id is None:
            rows = self.found_table.selectionModel().selectedRows()
            child = self.found_model.row_object(rows[0].row()) if rows else None
        else:
            child = next((self.found_model.row_object(row) for row in range(self.found_model.rowCount())
                          if self.found_model.row_object(row).student_id == student_id), None)
        if child is not None:
            self._open_case(child.student_id, None, child.name)

    def selected_absence(self) -> AbsenceView | None:
        rows = self.absences_table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, self.tr("Absences"), self.tr("Select an absence first."))
            return None
        return self.absences_model.row_object(rows[0].row())

    def record_absence(self, student_id: int | None = None, name: str = "") -> None:
        dialog = AbsenceDialog(self.context, student_id, name, self)
        if dialog.exec():
            self.sections.setCurrentIndex(self.ABSENCES)
            self.message.emit(self.tr("Absence recorded."))

    def back_at_school(self) -> None:
        absence = self.selected_absence()
        if absence is not None and absence.end_date is None:
            BackAtSchoolDialog(self.context, absence, self).exec()

    def select_absence(self, absence_id: int) -> None:
        """Show an absence in the list (all absences if it is not among those shown)."""
        self.show_absences()
        for row in range(self.absences_model.rowCount()):
            if self.absences_model.row_object(row).id == absence_id:
                self.absences_table.selectRow(row)
                self.absences_table.scrollTo(self.absences_model.index(row, 0))
                return

    def open_case_for_absence(self) -> None:
        absence = self.selected_absence()
        if absence is None:
            return
        if absence.case_id is not None:
            self.sections.setCurrentIndex(self.CASES)
            self.select_case(absence.case_id)
            return
        self._open_case(absence.student_id, absence.id, absence.student)

    # --- ledgers and figures -----------------------------------------------------------------------------

    def _load(self, name: str, title: str, service: Callable[..., Any], apply: Callable[[Any], None],
              *args: Any, quiet: bool = False, **kwargs: Any) -> None:
        """Work a list out off the GUI thread (a big roster takes a while); a newer request for the
        same list replaces an older one."""
        earlier = self._tasks.pop(name, None)
        if earlier is not None:
            earlier.stop()

        def done(result: Any) -> None:
            if self._tasks.get(name) is task:
                del self._tasks[name]
                apply(result)

        def failed(error: SchoolAidError) -> None:
            self._tasks.pop(name, None)
            show_error(self, error)

        task = run_op(self.context, self, service, *args, access=Access.READ, background=True, quiet=quiet,
                      title=title, on_success=done, on_failure=failed, on_cancel=lambda: self._forget(name), **kwargs)
        self._tasks[name] = task

    def _forget(self, name: str) -> None:
        self._tasks.pop(name, None)

    def busy(self) -> bool:
        """Whether some list is still being worked out (tests wait for this)."""
        return bool(self._tasks) or self.comparison_page.busy()

    def stop_work(self) -> None:
        for task in list(self._tasks.values()):
            task.stop()
        self._tasks.clear()
        self.comparison_page.stop_work()

    def show_ledger(self) -> None:
        key = self.ledger_choice.currentData()
        service = {"school_age": ledgers.school_age_ledger, "suspected": ledgers.suspected_ledger,
                   "dropouts": ledgers.dropout_ledger}[key]
        self._load("ledger", self.tr("Working out the ledger"), service, lambda rows: self._show_ledger_rows(key, rows),
                   self.context.today())

    def _show_ledger_rows(self, key: str, rows: list[LedgerRow]) -> None:
        self.ledger_model.set_rows(rows)
        explanation = {
            "school_age": self.tr("{n} children of compulsory-education age (6 to 15) on the roster and the household "
                                  "register; {out} of them not known to be at school, {pending} still to be checked "
                                  "door to door."),
            "suspected": self.tr("{n} children absent without reason past the threshold, not yet dropouts."),
            "dropouts": self.tr("{n} dropouts. A child brought back is written off the list (劝返一个、销号一个); "
                                "the case file keeps the history."),
        }[key]
        self.ledger_summary.setText(explanation.format(
            n=len(rows), out=sum(1 for r in rows if r.out_of_school),
            pending=sum(1 for r in rows if "待核查" in r.reconcile)))

    def show_figures(self) -> None:
        start, end = date_of(self.rate_from), date_of(self.rate_to)
        if end < start:
            self.rates_model.set_rows([])
            self.rates_total.setText(self.tr("The period ends before it begins."))
            return
        self._load("rates", self.tr("Working out the dropout rate"), rates.dropout_rates, self._show_rates, start, end)
        # Off the GUI thread too: every case is read, which held the window 100 ms at a county's size.
        self._load("per school", self.tr("Counting the cases per school"), case_files.cases_per_school,
                   self.per_school_model.set_rows, self.context.today(), quiet=True)

    def _show_rates(self, result: tuple[list[RateRow], RateRow]) -> None:
        rows, overall = result
        self.rates_model.set_rows(rows)
        colour = "#2e7d32" if overall.meets_target else "#c62828"
        self.rates_total.setText(self.tr(
            "All schools: {dropouts} dropouts of {enrolled} pupils — <b style='color:{colour}'>{rate}</b> "
            "(target at most {target}).").format(dropouts=overall.dropouts, enrolled=overall.enrolled_at_start,
                                                 rate=_percent(overall.rate), colour=colour,
                                                 target=f"{overall.target:.1%}"))

    def set_rate_period(self, start: dt.date, end: dt.date) -> None:
        self.rate_from.setDate(QDate(start.year, start.month, start.day))
        self.rate_to.setDate(QDate(end.year, end.month, end.day))

    # --- exports ----------------------------------------------------------------------------------------

    def _save_path(self, title: str, name: str) -> Path | None:
        from schoolaid.ui.roster.export_dialog import ask_workbook_path

        return ask_workbook_path(self, title, name)

    def _export(self, title: str, name: str, writer: Callable[..., Any], done: Callable[[Any, Path], str],
                path: Path | None = None) -> None:
        target = path or self._save_path(title, name)
        if target is None:
            return
        key = f"export {title}"

        def exported(result: Any) -> None:
            self._tasks.pop(key, None)
            self.message.emit(done(result, target))

        def failed(error: SchoolAidError) -> None:
            self._tasks.pop(key, None)
            show_error(self, error)

        self._tasks[key] = run_op(self.context, self, writer, target, self.context.today(), access=Access.READ_AS,
                                  background=True, title=title, on_success=exported, on_failure=failed,
                                  on_cancel=lambda: self._forget(key))

    def export_ledgers(self, path: Path | None = None) -> None:
        self._export(self.tr("Export the three ledgers"), f"控辍保学三本台账_{self.context.today():%Y%m%d}.xlsx",
                     dropout_export.export_ledgers, lambda counts, path: self.tr(
                         "Ledgers written to {path}: {school_age} school-age children, {suspected} suspected dropouts, "
                         "{dropouts} dropouts.").format(path=path, **counts), path)

    def export_cases(self, path: Path | None = None) -> None:
        self._export(self.tr("Export the cases"), f"控辍保学工作台账_{self.context.today():%Y%m%d}.xlsx",
                     dropout_export.export_cases,
                     lambda n, path: self.tr("{n} cases written to {path}.").format(n=n, path=path), path)

    def export_term_report(self, path: Path | None = None) -> None:
        self._export(self.tr("Term-start dropout report"), f"开学辍学情况报告_{self.context.today():%Y%m%d}.xlsx",
                     dropout_export.export_term_report,
                     lambda n, path: self.tr("Term-start report written to {path} ({n} dropouts by name).").format(
                         n=n, path=path), path)

    # --- printing ----------------------------------------------------------------------------------------

    def print_notice(self) -> None:
        """The selected case's notice: printed again, or issued now (recorded on the case) and printed."""
        from schoolaid.dropout import notice_pdf as notice

        case = self.selected_case()
        if case is None:
            return
        if case.notice is None:
            if not self.context.allows(Permission.ISSUE_NOTICE):
                QMessageBox.information(self, self.tr("Urging notice"), self.tr(
                    "No notice has been issued on this case yet, and issuing one is not part of your role: ask a "
                    "{roles}.").format(roles=who_may(Permission.ISSUE_NOTICE)))
                return
            # Not yet due: the service's refusal says what the log still lacks, without a question first.
            if case.notice_due and QMessageBox.question(self, self.tr("Urging notice"), self.tr(
                    "Issue the enrollment-urging notice to {guardian} for {name} now? It gets the next number of the "
                    "year and is recorded on the case, with a deadline of {days} days.").format(
                        guardian=case.guardian or self.tr("the guardian"), name=case.student,
                        days=self.context.query(rules.setting, "dropout.notice_deadline_days"))
                    ) != QMessageBox.StandardButton.Yes:
                return
        self._print(self.tr("Enrollment-urging notice"), f"敦促入学通知书_{case.student}.pdf", notice.print_case_notice,
                    case.id, access=Access.CHANGE, affects={Entity.DROPOUT})

    def print_due_notices(self) -> None:
        from schoolaid.dropout import notice_pdf as notice

        due = self.context.query(case_files.attention, self.context.today(), classes=self.context.teacher_classes).notice_due
        if not due:
            QMessageBox.information(self, self.tr("Urging notices"), self.tr("No notice is due."))
            return
        if QMessageBox.question(self, self.tr("Urging notices"), self.tr(
                "Issue {n} enrollment-urging notices now, one for each case where repeated attempts failed, and print "
                "them together? Each is recorded on its case.").format(n=due)) != QMessageBox.StandardButton.Yes:
            return
        self._print(self.tr("Enrollment-urging notices"), f"敦促入学通知书_{self.context.today():%Y%m%d}.pdf",
                    notice.print_due_notices, access=Access.CHANGE, affects={Entity.DROPOUT})

    def print_ledgers(self) -> None:
        from schoolaid.reporting import reports

        self._print(self.tr("The three ledgers"), f"控辍保学三本台账_{self.context.today():%Y%m%d}.pdf",
                    reports.write_dropout_ledgers)

    def print_term_report(self, year: int | None = None, term: str | None = None) -> None:
        from schoolaid.reporting import reports
        from schoolaid.ui.widgets.period_dialog import PeriodDialog

        if year is None or term is None:
            dialog = PeriodDialog("term", self.tr("Term-start dropout report"), self.context.today(), self)
            if not dialog.exec():
                return
            year, term = dialog.year, str(dialog.part)
        self._print(self.tr("Term-start dropout report"), f"开学辍学情况报告_{year}{term}.pdf",
                    reports.write_term_report, after_path=(year, term))

    def _print(self, title: str, file_name: str, service: Callable[..., Any], *before_path: Any,
               after_path: tuple[Any, ...] = (), access: Access = Access.READ_AS,
               affects: frozenset[str] | set[str] = frozenset()) -> None:
        """A printout written off the GUI thread by ``service(..., path, ..., today=...)``, then previewed."""
        from schoolaid.ui.widgets.pdf_preview import preview_path, show_preview

        path = preview_path(file_name)
        run_op(self.context, self, service, *before_path, path, *after_path, today=self.context.today(),
               access=access, affects=affects, background=True, title=title,
               on_success=lambda _result: show_preview(self, path, title, file_name))

