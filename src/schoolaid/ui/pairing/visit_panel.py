"""The visit log: quick entry for a teacher in a hurry, the log with filters, a household's history,
and a visit's own dialog with its evidence files."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.pairing import pairing, staff, visits
from schoolaid.pairing.staff import StaffView
from schoolaid.pairing.visits import VisitEntry, VisitKind, VisitView
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.widgets.evidence import EvidenceList, choose_files
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of
from schoolaid.ui.widgets.latest import Latest
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table
from schoolaid.ui.widgets.when_shown import WhenShown

RECENT_VISITS = 300  # the log shows the latest; a household or a helper shows all of theirs


class VisitPanel(QWidget):
    """Quick entry on top, the log below. ``show_household`` narrows the log to one household."""

    saved = Signal(int)  # visit id

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pending_files: list[tuple[str, bytes]] = []

        self.staff_combo = QComboBox()
        self.household_combo = QComboBox()
        self.date_edit = date_edit(self.context.today())
        self.form_combo = QComboBox()
        for kind in VisitKind:
            self.form_combo.addItem(kind.label(), kind.value)
        self.done_edit = QLineEdit()
        self.done_edit.setPlaceholderText(self.tr("What was done or given"))
        self.problems_edit = QLineEdit()
        self.problems_edit.setPlaceholderText(self.tr("Problems found"))
        self.next_edit = QLineEdit()
        self.next_edit.setPlaceholderText(self.tr("Next step"))
        self.files_label = QLabel(self.tr("No evidence files"))
        self.add_files_button = QPushButton(self.tr("Add photos or scans…"))
        self.save_button = QPushButton(self.tr("Save visit"))
        self.save_button.setDefault(True)
        self.entry_problems = QLabel()
        self.entry_problems.setStyleSheet("color:#c62828;")
        self.entry_problems.setWordWrap(True)

        entry = QGroupBox(self.tr("Quick entry"))
        grid = QGridLayout(entry)
        grid.addWidget(QLabel(self.tr("Helper")), 0, 0)
        grid.addWidget(self.staff_combo, 0, 1)
        grid.addWidget(QLabel(self.tr("Household")), 0, 2)
        grid.addWidget(self.household_combo, 0, 3)
        grid.addWidget(QLabel(self.tr("Date")), 0, 4)
        grid.addWidget(self.date_edit, 0, 5)
        grid.addWidget(QLabel(self.tr("How")), 0, 6)
        grid.addWidget(self.form_combo, 0, 7)
        grid.addWidget(self.done_edit, 1, 0, 1, 8)
        notes_row = QHBoxLayout()
        notes_row.addWidget(self.problems_edit, 1)
        notes_row.addWidget(self.next_edit, 1)
        grid.addLayout(notes_row, 2, 0, 1, 8)
        files_row = QHBoxLayout()
        files_row.addWidget(self.add_files_button)
        files_row.addWidget(self.files_label, 1)
        files_row.addWidget(self.entry_problems, 2)
        files_row.addWidget(self.save_button)
        grid.addLayout(files_row, 3, 0, 1, 8)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)

        self.filter_label = QLabel()
        self.show_all_button = QPushButton(self.tr("Show all visits"))
        self.show_all_button.setVisible(False)
        self.model: RecordTableModel[VisitView] = RecordTableModel([
            Column(lambda: self.tr("Date"), lambda v: v.visit_date.isoformat()),
            Column(lambda: self.tr("Helper"), lambda v: v.staff),
            Column(lambda: self.tr("Household"), lambda v: f"{v.household_head}（{v.village}）"),
            Column(lambda: self.tr("How"), lambda v: v.form.label(), align_center=True),
            Column(lambda: self.tr("Done or given"), lambda v: v.done, tooltip=lambda v: v.done),
            Column(lambda: self.tr("Problems"), lambda v: v.problems, tooltip=lambda v: v.problems),
            Column(lambda: self.tr("Next step"), lambda v: v.next_step, tooltip=lambda v: v.next_step),
            Column(lambda: self.tr("Evidence"), lambda v: v.evidence or "", align_center=True),
        ], parent=self)
        self.table = record_table(self.model, stretch=4)  # what was done or given
        self.table.doubleClicked.connect(lambda index: self.open_visit(self.model.row_object(index.row()).id))

        log_header = QHBoxLayout()
        log_header.addWidget(self.filter_label, 1)
        log_header.addWidget(self.show_all_button)
        layout = QVBoxLayout(self)
        layout.addWidget(entry)
        layout.addLayout(log_header)
        layout.addWidget(self.table, 1)

        self._household_filter: int | None = None
        self.staff_requests = Latest()
        self.log_requests = Latest()
        self.staff_loaded = False
        self._reads: dict[str, Operation] = {}
        self._chosen: tuple[int, int] | None = None  # a helper and household to choose once the helpers are read
        self.staff_combo.currentIndexChanged.connect(self._fill_households)
        self.add_files_button.clicked.connect(self._add_files)
        self.save_button.clicked.connect(self.save_visit)
        self.show_all_button.clicked.connect(lambda: self.show_household(None))
        # Five thousand helpers and their visits: read when the panel is first shown, and again after a
        # change only once someone looks.
        self.when_shown = WhenShown(self, self.refresh)

    # --- quick entry -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """The helpers and the log, read in the background: at a county's size (five thousand helpers, their
        visits) reading them held the window for 300 ms when the page was first shown."""
        request = self.staff_requests.start()
        self._reads["staff"] = run_op(self.context, self, staff.list_staff, access=Access.READ, background=True,
                                      quiet=True, on_success=self.staff_requests.only(request, self._show_staff))
        self._fill_log()

    def busy(self) -> bool:
        """Whether the helpers or the log are being read (tests wait for this)."""
        return any(not read.done for read in self._reads.values())

    def _show_staff(self, members: list[StaffView]) -> None:
        current = self.staff_combo.currentData()
        self.staff_combo.blockSignals(True)
        self.staff_combo.clear()
        for member in members:
            self.staff_combo.addItem(f"{member.name}（{member.school}）", member.id)
        # A teacher logging their own visit finds themselves chosen already.
        own = next((m.id for m in members if m.name == self.context.operator), None)
        chosen = current if current is not None else own
        self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(chosen)))
        self.staff_combo.blockSignals(False)
        self.staff_loaded = True
        self._fill_households()
        chosen, self._chosen = self._chosen, None
        if chosen is not None:
            self._choose(*chosen)

    def _fill_households(self) -> None:
        self.household_combo.clear()
        staff_id = self.staff_combo.currentData()
        if staff_id is None:
            return
        for view in self.context.query(pairing.list_pairings, active_on=self.context.today(), staff_id=staff_id):
            self.household_combo.addItem(f"{view.household_head}（{view.village}{view.group_name}）", view.household_id)

    def choose(self, staff_id: int, household_id: int) -> None:
        """Prepare the entry for this helper and household (from a gap or a pairing); again once the helpers are
        read if they are being read."""
        staff_read = self._reads.get("staff")
        self._chosen = (staff_id, household_id) if staff_read is not None and not staff_read.done else None
        if self.staff_loaded:
            self._choose(staff_id, household_id)

    def _choose(self, staff_id: int, household_id: int) -> None:
        self.staff_combo.setCurrentIndex(max(0, self.staff_combo.findData(staff_id)))
        position = self.household_combo.findData(household_id)
        self.household_combo.setCurrentIndex(max(0, position))
        self.done_edit.setFocus()

    def _add_files(self) -> None:
        self.pending_files.extend(choose_files(self))
        self._show_pending()

    def _show_pending(self) -> None:
        if self.pending_files:
            self.files_label.setText(self.tr("{n} files: {names}").format(
                n=len(self.pending_files), names="、".join(name for name, _ in self.pending_files)))
        else:
            self.files_label.setText(self.tr("No evidence files"))

    def entry(self) -> VisitEntry:
        return VisitEntry(staff_id=self.staff_combo.currentData(), household_id=self.household_combo.currentData(),
                          visit_date=date_of(self.date_edit), form=self.form_combo.currentData(),
                          done=self.done_edit.text(), problems=self.problems_edit.text(),
                          next_step=self.next_edit.text())

    def save_visit(self) -> None:
        run_op(self.context, self, visits.add_visit, self.entry(), list(self.pending_files), today=self.context.today(),
               affects={Entity.PAIRING}, on_success=self._saved, on_failure=self._refused)

    def _refused(self, error: SchoolAidError) -> None:
        if isinstance(error, ValidationFailed):
            self.entry_problems.setText("；".join(p.message for p in error.problems))
        else:
            show_error(self, error)

    def _saved(self, visit_id: int) -> None:
        self.entry_problems.clear()
        for edit in (self.done_edit, self.problems_edit, self.next_edit):
            edit.clear()
        self.pending_files.clear()
        self._show_pending()
        self.saved.emit(visit_id)

    # --- the log ---------------------------------------------------------------------------------

    def show_household(self, household_id: int | None) -> None:
        self._household_filter = household_id
        self._fill_log()

    def _fill_log(self) -> None:
        """The log read in the background (the latest visits of a county: 90 ms)."""
        request = self.log_requests.start()
        household_id = self._household_filter
        query = {"household_id": household_id} if household_id is not None else {"limit": RECENT_VISITS}
        self._reads["log"] = run_op(
            self.context, self, visits.list_visits, access=Access.READ, background=True, quiet=True,
            on_success=self.log_requests.only(request, lambda rows: self._show_log(household_id, rows)), **query)

    def _show_log(self, household_id: int | None, rows: list[VisitView]) -> None:
        if household_id is not None:
            head = rows[0].household_head if rows else ""
            self.filter_label.setText(self.tr("<b>All visits to the household of {head}</b> ({n})").format(
                head=head, n=len(rows)))
        else:
            self.filter_label.setText(self.tr("<b>Latest visits</b> (double-click a visit to see it and its "
                                              "evidence)"))
        self.show_all_button.setVisible(household_id is not None)
        self.model.set_rows(rows)

    def open_visit(self, visit_id: int) -> None:
        VisitDialog(self.context, visit_id, self).exec()


class VisitDialog(FormDialog):
    """One visit: its details (correctable, every change audited) and its evidence files."""

    def __init__(self, context: AppContext, visit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Visit"), parent)
        self.visit_id = visit_id
        entry = context.query(visits.get_entry, visit_id)
        self.entry = entry
        self.date_edit = date_edit(self.context.today(), entry.visit_date)
        self.form_combo = QComboBox()
        for kind in VisitKind:
            self.form_combo.addItem(kind.label(), kind.value)
        self.form_combo.setCurrentIndex(max(0, self.form_combo.findData(entry.form)))
        self.done_edit = QLineEdit(entry.done)
        self.problems_edit = QLineEdit(entry.problems)
        self.next_edit = QLineEdit(entry.next_step)
        self.evidence = EvidenceList(context, visits.ENTITY, visit_id, Entity.PAIRING, visits.add_evidence, self)
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.form.addRow(self.tr("How"), self.form_combo)
        self.form.addRow(self.tr("Done or given"), self.done_edit)
        self.form.addRow(self.tr("Problems found"), self.problems_edit)
        self.form.addRow(self.tr("Next step"), self.next_edit)
        self.form.addRow(self.tr("Evidence files"), self.evidence)
        bind = self.field_errors.bind  # the names of visits' problems
        bind("visit_date", self.date_edit, required=True)
        bind("form", self.form_combo, required=True)
        bind("done", self.done_edit, required=True)
        bind("problems", self.problems_edit)
        bind("next_step", self.next_edit)
        self.resize(620, 420)

    def submit(self) -> bool:
        entry = VisitEntry(self.entry.staff_id, self.entry.household_id, date_of(self.date_edit),
                           self.form_combo.currentData(), self.done_edit.text(), self.problems_edit.text(),
                           self.next_edit.text())
        return self.run(visits.update_visit, self.visit_id, entry, self.context.today(),
                        affects={Entity.PAIRING}).succeeded
