"""The subsidy ledger tab (资助台账): post a month, the ledger itself (lazy, a million entries stay
quick), batches with their notice and payment, totals, coverage gaps, programmes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts.permissions import Permission, who_may
from schoolaid.common import school_calendar
from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.common.school_calendar import Quarter, SchoolYear, Term, month_key
from schoolaid.ledger import (
    batches,
    coverage,
    currency,
    entry_search,
    periods,
    posting,
    subsidy_programmes,
    totals,
)
from schoolaid.ledger import export as ledger_export
from schoolaid.ledger.batches import BatchView
from schoolaid.ledger.coverage import Gap
from schoolaid.ledger.entry_search import EntryFilter, EntryRow
from schoolaid.ledger.posting import PostingPlan, PostingPreview, StudentLine
from schoolaid.ledger.subsidy_programmes import ProgrammeView
from schoolaid.ledger.totals import Total
from schoolaid.ledger.vocabulary import Eligibility, EntryKind
from schoolaid.township import township
from schoolaid.ui.actions import make_button
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.ledger.hardship_page import HardshipPage
from schoolaid.ui.ledger.ledger_dialogs import (
    HistoryDialog,
    MembersDialog,
    NoticeDialog,
    NoticeDownDialog,
    PaymentDialog,
    ProgrammeDialog,
    ReverseDialog,
)
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.widgets.latest import Latest
from schoolaid.ui.widgets.lazy_model import LazyColumn, LazyIdModel
from schoolaid.ui.widgets.lazy_tabs import made_in_steps
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table
from schoolaid.ui.widgets.when_shown import WhenShown

RED = QBrush(QColor("#c62828"))
GREY = QBrush(QColor("#6d6d6d"))


def _months_back(today: dt.date, count: int = 24) -> list[dt.date]:
    return school_calendar.months_back(today, count)


def _current_quarter(today: dt.date) -> str:
    return Quarter.containing(today).key


def _month_combo(today: dt.date) -> QComboBox:
    combo = QComboBox()
    for month in _months_back(today):
        combo.addItem(month_key(month), month)
    return combo


# The preview waits this long after the last change of programme or month: scrolling through the
# months with the keyboard works out only the month stopped on.
PREVIEW_DELAY_MS = 250


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class LedgerTab(QWidget):
    gaps_changed = Signal(int)
    message = Signal(str)

    POST, ENTRIES, BATCHES, TOTALS, GAPS, PROGRAMMES, HARDSHIP = range(7)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, in_steps: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.plan: PostingPlan | None = None
        self.gap_count = 0
        self.gaps_loading = False
        self.entries_loading = False
        self.entries_requests = Latest()
        self._choices_stale = True  # the programmes and schools, read again only after a change to them
        self._entries_stale = True
        self._totals_stale = True
        self._gaps_stale = True
        self.steps_left = made_in_steps(self._construct(), in_steps)

    def _construct(self) -> Iterator[None]:
        """The tab in parts (``widgets.lazy_tabs``): in the window, one part a turn before it is first shown."""
        context = self.context
        # --- post a month ---
        self.post_programme = QComboBox()
        # Filled after the tab is first shown: sized then to its choices (Qt's default sizes it once, empty, and
        # cut 保育教育费资助（BYJY） to 保育教育).
        self.post_programme.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.post_month = _month_combo(context.today())
        self.preview_button = make_button("ledger.plan", context, self)
        self.post_all_button = make_button("ledger.post_all", context, self)
        self.post_selected_button = make_button("ledger.post_selected", context, self)
        self.post_summary = QLabel(self.tr("Choose a programme and a month: who is eligible shows here."))
        self.post_summary.setWordWrap(True)
        self.post_summary.setObjectName("postingSummary")
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.preview)
        self._preview_stale = True
        self.plan_model: RecordTableModel[StudentLine] = RecordTableModel([
            Column(lambda: self.tr("Name"), lambda line: line.name),
            Column(lambda: self.tr("School"), lambda line: line.school),
            Column(lambda: self.tr("Grade"), lambda line: line.grade),
            Column(lambda: self.tr("Village"), lambda line: line.village),
            Column(lambda: self.tr("Guardian"), lambda line: line.guardian),
            Column(lambda: self.tr("Amount (yuan)"), lambda line: currency.format_yuan(line.amount_fen), align_center=True),
            Column(lambda: self.tr("Basis"), lambda line: line.basis, tooltip=lambda line: line.basis),
        ], parent=self)
        self.plan_table = record_table(self.plan_model, fit_contents=True)
        self.plan_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.post_page = post_page = QWidget()
        post_layout = QVBoxLayout(post_page)
        post_layout.addLayout(_row(QLabel(self.tr("Programme")), self.post_programme, QLabel(self.tr("Month")),
                                   self.post_month, self.preview_button))
        post_layout.addWidget(self.post_summary)
        post_layout.addWidget(self.plan_table, 1)
        post_layout.addLayout(_row(self.post_all_button, self.post_selected_button))

        yield
        # --- the ledger ---
        self.filter_programme = QComboBox()
        self.filter_from = QComboBox()
        self.filter_to = QComboBox()
        self.filter_school = QComboBox()
        self.filter_text = QLineEdit()
        self.filter_text.setPlaceholderText(self.tr("Student's name or pinyin initials"))
        self.filter_text.setMinimumWidth(200)
        self.entries_model: LazyIdModel[EntryRow] = LazyIdModel([
            LazyColumn("id", lambda: self.tr("No."), lambda e: str(e.id), centred=True),
            LazyColumn("month", lambda: self.tr("Month"), lambda e: e.month, centred=True),
            LazyColumn("student", lambda: self.tr("Student"), lambda e: e.student),
            LazyColumn("school", lambda: self.tr("School"), lambda e: e.school),
            LazyColumn("grade", lambda: self.tr("Grade"), lambda e: e.grade),
            LazyColumn("programme", lambda: self.tr("Programme"), lambda e: e.programme),
            LazyColumn("period", lambda: self.tr("Period"), lambda e: e.period, centred=True),
            LazyColumn("kind", lambda: self.tr("Kind"), lambda e: e.kind.label(), centred=True,
                       foreground=lambda e: RED if e.kind is EntryKind.REVERSAL else None),
            LazyColumn("amount", lambda: self.tr("Amount"), lambda e: currency.format_yuan(e.amount_fen), centred=True,
                       foreground=lambda e: RED if e.amount_fen < 0 else (GREY if e.reversed_by else None)),
            LazyColumn("link", lambda: self.tr("Correction"), self._link_text, tooltip=lambda e: e.reason),
            LazyColumn("paid", lambda: self.tr("Paid on"), lambda e: e.paid_on.isoformat() if e.paid_on else ""),
            LazyColumn("voucher", lambda: self.tr("Voucher"), lambda e: e.voucher_no),
            LazyColumn("by", lambda: self.tr("Posted by"), lambda e: e.posted_by),
        ], lambda ids: self.context.query(entry_search.fetch_entry_rows, ids), self)
        self.entries_table = record_table(self.entries_model, stretch=9)  # the correction's link
        self.entries_table.doubleClicked.connect(lambda _index: self.show_history())
        self.entries_summary = QLabel()
        self.reverse_button = make_button("ledger.reverse", context, self)
        self.history_button = make_button("ledger.history", context, self)
        self.export_button = make_button("export.ledger", context, self)
        entries_page = QWidget()
        entries_layout = QVBoxLayout(entries_page)
        entries_layout.addLayout(_row(self.filter_text, QLabel(self.tr("Programme")), self.filter_programme,
                                      QLabel(self.tr("From")), self.filter_from, QLabel(self.tr("to")), self.filter_to,
                                      QLabel(self.tr("School")), self.filter_school))
        entries_layout.addWidget(self.entries_table, 1)
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.entries_summary, 1)
        for button in (self.reverse_button, self.history_button, self.export_button):
            summary_row.addWidget(button)
        entries_layout.addLayout(summary_row)

        yield
        # --- batches ---
        self.batches_model: RecordTableModel[BatchView] = RecordTableModel([
            Column(lambda: self.tr("Programme"), lambda b: b.programme),
            Column(lambda: self.tr("Period"), lambda b: b.period, align_center=True),
            Column(lambda: self.tr("Students"), lambda b: b.entries, align_center=True),
            Column(lambda: self.tr("Total (yuan)"), lambda b: currency.format_yuan(b.total_fen), align_center=True),
            Column(lambda: self.tr("Status"), lambda b: self._batch_stage(b), align_center=True,
                   foreground=lambda b: RED if b.paid_on is None else None),
            Column(lambda: self.tr("Public notice"), lambda b: f"{b.notice_from} — {b.notice_to}" if b.notice_from else ""),
            Column(lambda: self.tr("Taken down on"),
                   lambda b: b.notice_taken_down_on.isoformat() if b.notice_taken_down_on else ""),
            Column(lambda: self.tr("Paid on"), lambda b: b.paid_on.isoformat() if b.paid_on else ""),
            Column(lambda: self.tr("Voucher"), lambda b: b.voucher_no),
            Column(lambda: self.tr("Posted by"), lambda b: b.posted_by),
        ], parent=self)
        self.batches_table = record_table(self.batches_model, fit_contents=True)
        self.notice_list_button = make_button("ledger.notice_list", context, self)
        self.notice_button = make_button("ledger.notice_dates", context, self)
        self.notice_print_button = make_button("ledger.notice_print", context, self)
        self.notice_down_button = make_button("ledger.notice_down", context, self)
        self.payment_button = make_button("ledger.payment", context, self)
        self.sign_off_button = make_button("ledger.sign_off", context, self)
        self.sign_off_print_button = make_button("ledger.sign_off_print", context, self)
        batches_page = QWidget()
        batches_layout = QVBoxLayout(batches_page)
        batches_layout.addWidget(QLabel(self.tr(
            "A batch is posted, its list of recipients is posted publicly for at least {n} working days (names only: "
            "no ID numbers, addresses or phones), then it is paid.").format(n=batches.MINIMUM_NOTICE_DAYS)))
        batches_layout.addWidget(self.batches_table, 1)
        batches_layout.addLayout(_row(self.notice_list_button, self.notice_button, self.notice_print_button,
                                      self.notice_down_button, self.payment_button, self.sign_off_button,
                                      self.sign_off_print_button))

        # --- totals ---
        self.totals_by = QComboBox()
        for key, label in (("programme", self.tr("by programme")), ("school", self.tr("by school")),
                           ("village", self.tr("by village")), ("quarter", self.tr("by quarter"))):
            self.totals_by.addItem(label, key)
        self.totals_model: RecordTableModel[Total] = RecordTableModel([
            Column(lambda: self.tr("Group"), lambda t: t.key),
            Column(lambda: self.tr("Entries"), lambda t: t.entries, align_center=True),
            Column(lambda: self.tr("Total (yuan)"), lambda t: currency.format_yuan(t.total_fen), align_center=True),
        ], parent=self)
        self.totals_table = record_table(self.totals_model)
        self.totals_summary = QLabel()
        totals_page = QWidget()
        totals_layout = QVBoxLayout(totals_page)
        totals_layout.addLayout(_row(QLabel(self.tr("Totals")), self.totals_by))
        totals_layout.addWidget(self.totals_table, 1)
        totals_layout.addWidget(self.totals_summary)

        yield
        # --- gaps ---
        self.gaps_period = QComboBox()
        today = context.today()
        quarter = Quarter.containing(today)
        last_year = quarter.year - 1
        while quarter.year >= last_year:  # this year's quarters so far, then last year's
            self.gaps_period.addItem(quarter.key, quarter.key)
            quarter = quarter.previous()
        for month in _months_back(today, 12):
            self.gaps_period.addItem(month_key(month), month_key(month))
        self.gaps_model: RecordTableModel[Gap] = RecordTableModel([
            Column(lambda: self.tr("Name"), lambda g: g.name),
            Column(lambda: self.tr("School"), lambda g: g.school),
            Column(lambda: self.tr("Grade"), lambda g: g.grade),
            Column(lambda: self.tr("Village"), lambda g: g.village),
            Column(lambda: self.tr("Programme"), lambda g: g.programme),
            Column(lambda: self.tr("Period"), lambda g: g.period, align_center=True),
            Column(lambda: self.tr("Due (yuan)"), lambda g: currency.format_yuan(g.amount_fen), align_center=True),
        ], parent=self)
        self.gaps_table = record_table(self.gaps_model, fit_contents=True)
        self.gaps_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.gaps_summary = QLabel()
        self.gaps_post_button = make_button("ledger.gaps_post", context, self)
        self.gaps_export_button = make_button("ledger.gaps_export", context, self)
        gaps_page = QWidget()
        gaps_layout = QVBoxLayout(gaps_page)
        gaps_layout.addLayout(_row(QLabel(self.tr("Eligible students with no entry in")), self.gaps_period))
        gaps_layout.addWidget(self.gaps_summary)
        gaps_layout.addWidget(self.gaps_table, 1)
        gaps_layout.addLayout(_row(self.gaps_post_button, self.gaps_export_button))

        # --- programmes ---
        self.programmes_model: RecordTableModel[ProgrammeView] = RecordTableModel([
            Column(lambda: self.tr("Code"), lambda p: p.code),
            Column(lambda: self.tr("Name"), lambda p: p.name),
            Column(lambda: self.tr("Stage"), lambda p: p.stage or self.tr("every stage")),
            Column(lambda: self.tr("Who is eligible"), lambda p: p.eligibility.label()),
            Column(lambda: self.tr("Amount"), lambda p: " ".join((
                currency.format_yuan(p.amount_fen) if p.amount_fen else self.tr("by its dated standards"),
                p.per.label()))),
            Column(lambda: self.tr("Kind"), lambda p: p.kind.label()),
            Column(lambda: self.tr("Months it pays"), lambda p: "、".join(str(m) for m in p.active_months)),
            Column(lambda: self.tr("Funding source"), lambda p: p.funding_source),
            Column(lambda: self.tr("Active"), lambda p: self.tr("Yes") if p.active else self.tr("No"), align_center=True),
        ], parent=self)
        self.programmes_table = record_table(self.programmes_model, fit_contents=True)
        self.programmes_table.doubleClicked.connect(lambda _index: self.edit_programme())
        self.programmes_table.selectionModel().selectionChanged.connect(lambda *_args: self._programme_selected())
        self.new_programme_button = make_button("ledger.new_programme", context, self)
        self.edit_programme_button = make_button("ledger.edit_programme", context, self)
        self.members_button = make_button("ledger.members", context, self)
        self.members_button.setToolTip(self.tr("Who is on the hand-kept list of the selected programme"))
        programmes_page = QWidget()
        programmes_layout = QVBoxLayout(programmes_page)
        programmes_layout.addWidget(self.programmes_table, 1)
        programmes_layout.addLayout(_row(self.new_programme_button, self.edit_programme_button, self.members_button))

        yield
        self.sections = QTabWidget()
        self.sections.addTab(post_page, self.tr("Post a month"))
        self.sections.addTab(entries_page, self.tr("Ledger"))
        self.sections.addTab(batches_page, self.tr("Batches"))
        self.sections.addTab(totals_page, self.tr("Totals"))
        self.sections.addTab(gaps_page, self.tr("Coverage gaps"))
        self.sections.addTab(programmes_page, self.tr("Programmes"))
        self.hardship_page = HardshipPage(context, self)
        self.sections.addTab(self.hardship_page, self.tr("Assessment of need"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.sections)

        self.post_programme.currentIndexChanged.connect(lambda _i: self._selection_changed())
        self.post_month.currentIndexChanged.connect(lambda _i: self._selection_changed())
        for combo in (self.filter_programme, self.filter_from, self.filter_to, self.filter_school):
            combo.currentIndexChanged.connect(lambda _i: self.show_entries())
        self.filter_text.textChanged.connect(lambda _t: self.show_entries())
        self.totals_by.currentIndexChanged.connect(lambda _i: self.show_totals())
        # Totals read every entry: they are worked out when someone looks at them.
        self.sections.currentChanged.connect(self._section_shown)
        self.gaps_period.currentIndexChanged.connect(lambda _i: self.show_gaps())
        self.gaps_requests = Latest()
        self.preview_requests = Latest()
        self.preview_loading = False
        self._preview_task: Operation | None = None
        self.totals_requests = Latest()
        self.batches_requests = Latest()
        context.changed.connect(self._data_changed)
        # Filled when first shown, and after a change only once someone looks (the window counts the badge).
        self.when_shown = WhenShown(self, self.refresh)

    # --- refreshing --------------------------------------------------------------------------------

    def _data_changed(self, changed: frozenset[str]) -> None:
        if Entity.touched(changed, Entity.LEDGER, Entity.TOWNSHIP):
            self._choices_stale = True
        if Entity.touched(changed, Entity.LEDGER, Entity.STUDENT, Entity.HOUSEHOLD, Entity.TOWNSHIP, Entity.DROPOUT):
            self.when_shown.changed()

    def refresh(self) -> None:
        if self._choices_stale:
            # Not after a student's change: read on the GUI thread, the programmes held a save 20-40 ms at a
            # county's size, while the badges were counted in the background.
            self._read_choices()
        months = [(self.tr("(any)"), "")] + [(month_key(m), month_key(m))
                                             for m in _months_back(self.context.today(), 36)]
        first_time = self.filter_from.count() == 0
        self._fill(self.filter_from, months)
        self._fill(self.filter_to, months)
        if first_time:
            # This school year by default: the ledger of years past is one choice away.
            start = SchoolYear.containing(self.context.today()).start
            self.filter_from.blockSignals(True)
            self.filter_from.setCurrentIndex(max(0, self.filter_from.findData(month_key(start))))
            self.filter_from.blockSignals(False)
        # The ledger's list is searched when its page is seen: its rows, read for its columns' widths as they
        # came, held the window after a student's save while another page (the coverage gaps) was showing.
        self._entries_stale = True
        if self.sections.currentIndex() == self.ENTRIES:
            self.show_entries()
        self._read_batches()
        self._totals_stale = True
        if self.sections.currentIndex() == self.TOTALS:
            self.show_totals()
        self._gaps_stale = True
        if self.sections.currentIndex() == self.GAPS:
            self.show_gaps()
        self._clear_plan()
        self._schedule_preview()

    def _read_choices(self) -> None:
        """The programmes (their page and the lists to choose one from) and the schools to filter by."""
        self._choices_stale = False
        programmes = self.context.query(subsidy_programmes.list_programmes)
        self.programmes_model.set_rows(programmes)
        self._programme_selected()
        self._fill(self.post_programme, [(f"{p.name}（{p.code}）", p.id) for p in programmes if p.active])
        self._fill(self.filter_programme, [(self.tr("All programmes"), None)] + [(p.name, p.id) for p in programmes])
        self._fill(self.filter_school, [(self.tr("All schools"), None)] + [
            (s.name, s.id) for s in self.context.query(township.list_schools)])

    def _read_batches(self) -> None:
        """The batches with their counts and totals, added up over the whole ledger in the background (at a
        county's size that took 100 ms on the GUI thread, at every showing after a change)."""
        run_op(self.context, self, batches.list_batches, access=Access.READ, background=True, quiet=True,
               on_success=self.batches_requests.only(self.batches_requests.start(), self.batches_model.set_rows))

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for label, value in items:
            combo.addItem(label, value)
        position = combo.findData(current) if current is not None else -1
        combo.setCurrentIndex(max(0, position))
        combo.blockSignals(False)

    # --- posting ----------------------------------------------------------------------------------

    def _clear_plan(self) -> None:
        self.plan = None
        if self.plan_model.rowCount():  # an empty table reset again is measured again: 20 ms at every save
            self.plan_model.set_rows([])
        self.post_all_button.setEnabled(False)
        self.post_selected_button.setEnabled(False)

    def _selection_changed(self) -> None:
        """A stale plan is never posted: it goes at once (an answer still on its way for the old choice too),
        and the new one follows shortly."""
        self._clear_plan()
        self.preview_requests.forget()
        if self.post_programme.currentData() is not None:
            self.post_summary.setText(self.tr("Working out who is eligible for {month}…").format(
                month=self.post_month.currentText()))
        self._schedule_preview()

    def _schedule_preview(self) -> None:
        """Preview once the posting page is seen; until then, only remember that it is due."""
        self._preview_stale = True
        if self.post_page.isVisible():
            self.preview_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._preview_stale and self.sections.currentIndex() == self.POST:
            self.preview_timer.start()

    def preview(self) -> None:
        self.preview_timer.stop()
        self._preview_stale = False
        if not self.context.allows(Permission.POST_LEDGER):
            # Who would be paid is the poster's to see, as the posting itself.
            self._clear_plan()
            self.post_summary.setText(self.tr("Posting a month is for the {roles}.").format(
                roles=who_may(Permission.POST_LEDGER)))
            return
        if self.post_programme.currentData() is None:
            self._clear_plan()
            self.post_summary.setText(self.tr("There is no active programme to post: add one on the Programmes page."))
            return
        # In the background (a county's roster takes seconds to decide), the latest choice's answer only.
        request = self.preview_requests.start()
        self.preview_loading = True
        self._preview_task = run_op(self.context, self, posting.preview_posting, self.post_programme.currentData(),
               self.post_month.currentData(), today=self.context.today(), access=Access.READ, background=True,
               quiet=True, on_success=self.preview_requests.only(request, self._show_preview),
               on_failure=self.preview_requests.only(request, self._no_plan))

    def wait_for_preview(self) -> None:
        """Until the preview asked for last is shown (tests, and a post right after a choice)."""
        if self._preview_task is not None:
            self._preview_task.wait_here()

    def _show_preview(self, preview: PostingPreview) -> None:
        self.preview_loading = False
        plan = preview.plan
        self.plan = plan
        self.plan_model.set_rows(plan.lines if plan is not None else [])
        programme, month = preview.programme, month_key(preview.month)
        if plan is None:
            text = self.tr("<b>{programme}, {month}</b> cannot be posted: {reasons}").format(
                programme=programme, month=month, reasons="；".join(preview.refusals))
        elif preview.posted_already:
            text = self.tr("<b>{programme}, {month}</b> is posted already: all {n} eligible students have their entry "
                           "for {period} ({batches}). Nothing is left to post.").format(
                programme=programme, month=month, n=plan.already, period=plan.period, batches="；".join(
                    self.tr("batch {id} posted on {day} by {name}").format(
                        id=batch.batch_id, day=batch.posted_on.isoformat(), name=batch.posted_by)
                    for batch in preview.posted) or self.tr("entries posted one by one"))
        elif not plan.lines:
            text = self.tr("<b>{programme}, {month}</b>: no student is eligible for {period}.").format(
                programme=programme, month=month, period=plan.period)
        else:
            text = self.tr(
                "<b>{programme}, {period}</b>: {n} students to post, {total} yuan in all; {already} eligible students "
                "are posted already (posting again posts nothing twice).").format(
                    programme=plan.programme.name, period=plan.period, n=len(plan.lines),
                    total=currency.format_yuan(plan.total_fen), already=plan.already)
        self.post_summary.setText(text)
        self.post_all_button.setEnabled(plan is not None and bool(plan.lines))
        self.post_selected_button.setEnabled(plan is not None and bool(plan.lines))

    def _no_plan(self, error: SchoolAidError) -> None:
        self.preview_loading = False
        self._clear_plan()
        if isinstance(error, ValidationFailed):
            self.post_summary.setText("；".join(p.message for p in error.problems))
        else:
            show_error(self, error)

    def post_all(self) -> None:
        self.post(selected_only=False)

    def post_selected(self) -> None:
        self.post(selected_only=True)

    def post(self, *, selected_only: bool) -> None:
        plan = self.plan
        if plan is None:
            return
        ids = None
        if selected_only:
            rows = self.plan_table.selectionModel().selectedRows()
            ids = [self.plan_model.row_object(index.row()).student_id for index in rows]
            if not ids:
                QMessageBox.information(self, self.tr("Post"), self.tr("Select the students to post."))
                return
        self._post(plan.programme.id, plan.month, ids)

    def _post(self, programme_id: int, month: dt.date, student_ids: list[int] | None) -> None:
        run_op(self.context, self, posting.post, programme_id, month, student_ids, today=self.context.today(),
               affects={Entity.LEDGER}, on_success=self._posted)

    def _posted(self, result: posting.PostResult) -> None:
        self.message.emit(self.tr("Posted {period}: {n} students, {total} yuan.").format(
            period=result.period, n=result.posted, total=currency.format_yuan(result.total_fen)))

    # --- the ledger ---------------------------------------------------------------------------------

    def entry_filter(self) -> EntryFilter:
        return EntryFilter(programme_id=self.filter_programme.currentData(), month_from=self.filter_from.currentData() or "",
                           month_to=self.filter_to.currentData() or "", school_id=self.filter_school.currentData(),
                           text=self.filter_text.text())

    def show_entries(self) -> None:
        """Searched in the background (hundreds of thousands of entries): typing in the filter never waits."""
        self._entries_stale = False
        self.entries_loading = True
        self.entries_summary.setText(self.tr("Counting…"))
        request = self.entries_requests.start()
        run_op(self.context, self, entry_search.ids_and_total, self.entry_filter(), access=Access.READ,
               background=True, quiet=True, on_success=self.entries_requests.only(request, self._show_entries),
               on_failure=self.entries_requests.only(request, self._entries_failed))

    def _entries_failed(self, error: SchoolAidError) -> None:
        self.entries_loading = False
        self.entries_summary.setText(error.message)

    def _show_entries(self, found: tuple[list[int], tuple[int, int]]) -> None:
        ids, (count, total) = found
        self.entries_model.show_ids(ids)
        self.entries_loading = False
        self.entries_summary.setText(self.tr("{n} entries, {total} yuan in all (reversals included).").format(
            n=f"{count:,}", total=currency.format_yuan(total)))

    def _link_text(self, entry: EntryRow) -> str:
        if entry.reverses_id:
            return self.tr("reverses No. {id}: {reason}").format(id=entry.reverses_id, reason=entry.reason)
        if entry.replaces_id:
            return self.tr("replaces No. {id}: {reason}").format(id=entry.replaces_id, reason=entry.reason)
        if entry.reversed_by:
            return self.tr("reversed by No. {id}").format(id=entry.reversed_by)
        return ""

    def selected_entry(self) -> EntryRow | None:
        rows = self.entries_table.selectionModel().selectedRows()
        return self.entries_model.row_object(rows[0].row()) if rows else None

    def reverse(self) -> None:
        entry = self.selected_entry()
        if entry is None:
            return
        ReverseDialog(self.context, entry, self).exec()

    def show_history(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            HistoryDialog(self.context, entry.student_id, entry.student, self).exec()

    def _save_path(self, title: str, name: str) -> Path | None:
        from schoolaid.ui.roster.export_dialog import ask_workbook_path

        return ask_workbook_path(self, title, name)

    def export_entries(self) -> None:
        path = self._save_path(self.tr("Export the ledger"), f"资助台账_{self.context.today():%Y%m%d}.xlsx")
        if path is None:
            return
        full = self.context.allows(Permission.VIEW_FULL_ID) and QMessageBox.question(
            self, self.tr("Export the ledger"), self.tr(
                "Include full ID numbers? Only when the bureau asks for them: the sheet leaves this PC unencrypted.")) \
            == QMessageBox.StandardButton.Yes
        # With full ID numbers, the service puts the export on the record (with the number of students)
        # before the file exists.
        self.export_task = run_op(
            self.context, self, ledger_export.export_ledger, path, self.entry_filter(), full_ids=full,
            today=self.context.today(), access=Access.READ_AS, background=True, title=self.tr("Export the ledger"),
            on_success=lambda count: self.message.emit(self.tr("{n} ledger entries written to {path}.").format(
                n=count, path=path)))

    # --- batches ------------------------------------------------------------------------------------

    def _batch_stage(self, batch: BatchView) -> str:
        return {"待公示": self.tr("to be noticed"), "公示中": self.tr("on notice"), "待发放": self.tr("to be paid"),
                "已发放": self.tr("paid")}[batch.stage(self.context.today())]

    def selected_batch(self) -> BatchView | None:
        rows = self.batches_table.selectionModel().selectedRows()
        return self.batches_model.row_object(rows[0].row()) if rows else None

    def record_notice_dates(self) -> None:
        self._batch_dialog(NoticeDialog)

    def record_notice_down(self) -> None:
        self._batch_dialog(NoticeDownDialog)

    def record_payment(self) -> None:
        self._batch_dialog(PaymentDialog)

    def export_notice_list(self) -> None:
        self._batch_document(ledger_export.export_notice, "公示名单")

    def export_sign_off(self) -> None:
        self._batch_document(ledger_export.export_sign_off, "签领表")

    def _batch_dialog(self, dialog_class: type) -> None:
        batch = self.selected_batch()
        if batch is None:
            QMessageBox.information(self, self.tr("Batches"), self.tr("Select a batch first."))
            return
        dialog_class(self.context, batch.id, self).exec()

    def _batch_document(self, writer: object, kind: str) -> None:
        batch = self.selected_batch()
        if batch is None:
            QMessageBox.information(self, self.tr("Batches"), self.tr("Select a batch first."))
            return
        path = self._save_path(kind, f"{batch.programme}{kind}_{batch.period}.xlsx")
        if path is None:
            return
        run_op(self.context, self, writer, batch.id, path, self.context.today(),  # type: ignore[arg-type]
               access=Access.READ_AS, background=True, title=kind,
               on_success=lambda count: self.message.emit(self.tr("{n} students written to {path}.").format(
                   n=count, path=path)))

    def print_sign_off(self) -> None:
        from schoolaid.reporting import reports
        from schoolaid.ui.widgets.pdf_preview import preview_path, show_preview

        batch = self.selected_batch()
        if batch is None:
            QMessageBox.information(self, self.tr("Batches"), self.tr("Select a batch first."))
            return
        title, name = self.tr("Sign-off sheet"), f"{batch.programme}签领表_{batch.period}.pdf"
        path = preview_path(name)
        run_op(self.context, self, reports.write_sign_off, batch.id, path, self.context.today(), access=Access.READ_AS,
               background=True, title=title, on_success=lambda _pages: show_preview(self, path, title, name))

    def print_batch_notice(self) -> None:
        from schoolaid.ledger import batch_notice
        from schoolaid.ui.widgets.pdf_preview import preview_path, show_preview

        batch = self.selected_batch()
        if batch is None:
            QMessageBox.information(self, self.tr("Batches"), self.tr("Select a batch first."))
            return
        title, name = self.tr("Public notice (公示表)"), f"{batch.programme}公示表_{batch.period}.pdf"
        path = preview_path(name)
        run_op(self.context, self, batch_notice.write_batch_notice, batch.id, path, self.context.today(),
               access=Access.READ_AS, background=True, title=title,
               on_success=lambda _pages: show_preview(self, path, title, name))

    # --- totals and gaps -------------------------------------------------------------------------------

    def show_totals(self) -> None:
        """Totals read every entry (a million of them in a township's years): worked out in the background."""
        self._totals_stale = False
        self.totals_summary.setText(self.tr("Counting…"))
        request = self.totals_requests.start()
        run_op(self.context, self, totals.totals, self.totals_by.currentData(), access=Access.READ, background=True,
               quiet=True, on_success=self.totals_requests.only(request, self._show_totals),
               on_failure=self.totals_requests.only(request, lambda error: self.totals_summary.setText(error.message)))

    def _show_totals(self, rows: list[Total]) -> None:
        self.totals_model.set_rows(rows)
        self.totals_summary.setText(self.tr("In all: {total} yuan.").format(
            total=currency.format_yuan(sum(t.total_fen for t in rows))))

    def _section_shown(self, index: int) -> None:
        if index == self.ENTRIES and self._entries_stale:
            self.show_entries()
        elif index == self.TOTALS and self._totals_stale:
            self.show_totals()
        elif index == self.GAPS and self._gaps_stale:
            self.show_gaps()
        elif index == self.POST and self._preview_stale:
            self.preview_timer.start()

    def counts_the_gaps(self) -> bool:
        """Whether a change reaching the tab now has it count this quarter's coverage gaps itself (its page of gaps
        shown for this quarter): the window's badge then takes that count (``gaps_changed``)."""
        today = self.context.today()
        return (self.isVisible() and self.sections.currentIndex() == self.GAPS
                and (self.gaps_period.currentData() or _current_quarter(today)) == _current_quarter(today))

    def show_gaps(self) -> None:
        """Worked out off the GUI thread (a second and more at the size of a township); meanwhile the page
        says so, and its rows cannot be posted."""
        self._gaps_stale = False
        today = self.context.today()
        period = self.gaps_period.currentData() or _current_quarter(today)
        self.gaps_summary.setText(self.tr("Counting…"))
        self.gaps_table.setEnabled(False)
        self.gaps_post_button.setEnabled(False)
        self.gaps_loading = True
        request = self.gaps_requests.start()
        run_op(self.context, self, coverage.gaps, period, today, access=Access.READ, background=True, quiet=True,
               on_success=self.gaps_requests.only(request, lambda found: self._show_gaps(period, found)),
               on_failure=self.gaps_requests.only(request, self._gaps_failed))

    def _gaps_failed(self, error: SchoolAidError) -> None:
        self.gaps_loading = False
        self.gaps_summary.setText(error.message)

    def _show_gaps(self, period: str, found: list[Gap]) -> None:
        self.gaps_loading = False
        today = self.context.today()
        self.gaps_table.setEnabled(True)
        self.gaps_post_button.setEnabled(True)
        self.gaps_model.set_rows(found)
        self.gaps_summary.setText(self.tr(
            "<b>{n}</b> times a student who was eligible and enrolled got nothing: {total} yuan due.").format(
                n=len(found), total=currency.format_yuan(sum(g.amount_fen for g in found))))
        if period == _current_quarter(today):
            self.gap_count = len(found)
            self.gaps_changed.emit(self.gap_count)

    def post_gaps(self) -> None:
        rows = self.gaps_table.selectionModel().selectedRows()
        chosen = [self.gaps_model.row_object(index.row()) for index in rows]
        if not chosen:
            QMessageBox.information(self, self.tr("Coverage gaps"), self.tr("Select the students to post."))
            return
        grouped: dict[tuple[int, str], list[int]] = {}
        for gap in chosen:
            grouped.setdefault((gap.programme_id, gap.period), []).append(gap.student_id)
        for (programme_id, period), students in grouped.items():
            month = periods.parse_month(period) if "-" in period else self._term_month(period, self.context.today())
            self._post(programme_id, month, students)

    @staticmethod
    def _term_month(term: str, today: dt.date) -> dt.date:
        this_month = school_calendar.month_start(today)
        months = Term.from_key(term).months()
        return max((m for m in months if m <= this_month), default=months[0])

    def export_gaps(self) -> None:
        period = self.gaps_period.currentData()
        path = self._save_path(self.tr("Export coverage gaps"), f"资助覆盖缺口_{period}.xlsx")
        if path is None:
            return
        run_op(self.context, self, ledger_export.export_gaps, period, path, self.context.today(), access=Access.READ_AS,
               background=True, title=self.tr("Export coverage gaps"), on_success=lambda count: self.message.emit(self.tr("{n} gaps written to {path}.").format(
                   n=count, path=path)))

    def selected_programme(self) -> ProgrammeView | None:
        rows = self.programmes_table.selectionModel().selectedRows()
        return self.programmes_model.row_object(rows[0].row()) if rows else None

    def _programme_selected(self) -> None:
        programme = self.selected_programme()
        self.members_button.setEnabled(programme is not None and programme.eligibility is Eligibility.LIST)

    def edit_members(self) -> None:
        """The hand-kept list of the selected programme (only such a programme has members to choose)."""
        programme = self.selected_programme()
        if programme is None or programme.eligibility is not Eligibility.LIST:
            QMessageBox.information(self, self.tr("Programmes"), self.tr(
                "Select a programme whose students are \u201c{rule}\u201d first.").format(rule=Eligibility.LIST.label()))
            return
        MembersDialog(self.context, programme, self).exec()

    def new_programme(self) -> None:
        ProgrammeDialog(self.context, None, self).exec()

    def edit_programme(self) -> None:
        rows = self.programmes_table.selectionModel().selectedRows()
        if rows:
            ProgrammeDialog(self.context, self.programmes_model.row_object(rows[0].row()).id, self).exec()
