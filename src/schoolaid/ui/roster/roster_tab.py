"""The roster tab (学生花名册): filters, search as you type, the student table and the household panel."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelection, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts.permissions import Permission, role_label
from schoolaid.common.grades import ALL_GRADES
from schoolaid.roster import roster
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.roster import RosterFilter
from schoolaid.township import township
from schoolaid.ui.actions import ROSTER_CONTEXT, context_menu, make_button
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.roster.household_panel import HouseholdPanel
from schoolaid.ui.roster.roster_model import RosterModel
from schoolaid.ui.widgets.latest import Latest
from schoolaid.ui.widgets.lazy_model import BATCH
from schoolaid.ui.widgets.lazy_tabs import made_in_steps
from schoolaid.ui.widgets.table_setup import fit_columns
from schoolaid.ui.widgets.when_shown import WhenShown

SEARCH_DELAY_MS = 80  # coalesces a burst of keystrokes into one search
_ANY = None
# A roster this small is read whole in a blink: a student asked for is found and selected at once. In a larger one
# (a county's) finding a student's row can mean reading every id in display order: that is done in the background.
SELECT_AT_ONCE_UP_TO = 2_000


@dataclass
class _Wanted:
    """A student to select once the list read in the background comes, and how far the filters were widened to
    show them: 0 as they are, 1 cleared, 2 any status too."""

    student_id: int
    then: Callable[[], None] | None = None
    widened: int = 0


class RosterTab(QWidget):
    counts_changed = Signal(int, int)  # shown, total
    hint_changed = Signal(str)  # a passing remark for the status bar; empty when none
    message = Signal(str)  # the outcome of an action, for the status bar
    absence_requested = Signal(int, str)  # record an absence of this student (id, name)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, in_steps: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.model = RosterModel(context, self)
        self.model.counts_changed.connect(self.counts_changed)
        self.steps_left = made_in_steps(self._construct(), in_steps)

    def _construct(self) -> Iterator[None]:
        """The tab in parts (``widgets.lazy_tabs``): in the window, one part a turn before it is first shown; the
        first search the last."""
        context = self.context
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search: name, pinyin initials (zs) or ID digits"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(240)
        self.school_combo = QComboBox()
        self.grade_combo = QComboBox()
        self.village_combo = QComboBox()
        self.status_combo = QComboBox()
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("All household categories"), _ANY)
        for category in HouseholdCategory:
            self.category_combo.addItem(category.label(), category.value)
        self.left_behind_check = QCheckBox(self.tr("Left-behind"))
        self.boarder_check = QCheckBox(self.tr("Boarders"))
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.add_button = make_button("students.add", context, self)
        self.import_button = make_button("students.import", context, self)
        self.import_button.setToolTip(self.tr("Import students from an Excel or CSV roster"))
        self.export_button = make_button("export.roster", context, self)
        self.export_button.setToolTip(self.tr("Export the students shown to Excel"))
        self._fill_filter_choices()

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 2)
        for combo in (self.school_combo, self.grade_combo, self.village_combo, self.status_combo, self.category_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            filters.addWidget(combo)
        for check in (self.left_behind_check, self.boarder_check):
            filters.addWidget(check)
        filters.addWidget(self.clear_button)
        filters.addStretch(1)
        filters.addWidget(self.add_button)
        filters.addWidget(self.import_button)
        filters.addWidget(self.export_button)

        yield
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setVisible(False)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        fit_columns(self.table)

        self.household_panel = HouseholdPanel(context)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.household_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([980, 340])
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(self._search_timer.start)
        for combo in (self.school_combo, self.grade_combo, self.village_combo, self.status_combo, self.category_combo):
            combo.currentIndexChanged.connect(self.apply_filter)
        for check in (self.left_behind_check, self.boarder_check):
            check.toggled.connect(self.apply_filter)
        self.clear_button.clicked.connect(self.clear_filters)
        self.table.doubleClicked.connect(lambda index: self.edit_student())
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.household_panel.open_student.connect(self.select_and_edit)
        context.changed.connect(self._data_changed)

        open_action = QAction(self.tr("Edit student"), self)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(self.edit_student)
        self.table.addAction(open_action)
        # After a change the list is read again in the background; only the answer to the latest read is shown.
        self.reload_requests = Latest()
        self._reading: Operation | None = None
        self._wanted: _Wanted | None = None
        yield
        self.apply_filter()
        # After a change, re-read only when someone looks (the list was just read above).
        self.when_shown = WhenShown(self, self._reload, stale=False)

    # --- filters ---------------------------------------------------------------------------

    def _fill_filter_choices(self) -> None:
        schools = self.context.query(township.list_schools)
        villages = self.context.query(township.list_villages)
        for combo in (self.school_combo, self.grade_combo, self.village_combo, self.status_combo):
            combo.blockSignals(True)
        current = (self.school_combo.currentData(), self.village_combo.currentData())
        self.school_combo.clear()
        self.school_combo.addItem(self.tr("All schools"), _ANY)
        for school in schools:
            self.school_combo.addItem(school.name, school.id)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("All villages"), _ANY)
        for village in villages:
            self.village_combo.addItem(village.name, village.id)
        if self.grade_combo.count() == 0:
            self.grade_combo.addItem(self.tr("All grades"), _ANY)
            for grade in ALL_GRADES:
                self.grade_combo.addItem(grade.label(), grade)
            self.status_combo.addItem(self.tr("Any status"), _ANY)
            for status in EnrollmentStatus:
                self.status_combo.addItem(status.label(), status)
            self.status_combo.setCurrentIndex(self.status_combo.findData(EnrollmentStatus.ENROLLED))
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(current[0])))
        self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(current[1])))
        for combo in (self.school_combo, self.grade_combo, self.village_combo, self.status_combo):
            combo.blockSignals(False)

    def current_filter(self) -> RosterFilter:
        status = self.status_combo.currentData()
        return RosterFilter(
            text=self.search_edit.text(),
            school_id=self.school_combo.currentData(),
            grade=self.grade_combo.currentData(),
            village_id=self.village_combo.currentData(),
            category=self.category_combo.currentData(),
            left_behind=True if self.left_behind_check.isChecked() else None,
            boarder=True if self.boarder_check.isChecked() else None,
            statuses=frozenset({EnrollmentStatus(status)}) if status is not None else None,
            classes=self.context.teacher_classes,
            full_id_rights=self.context.full_id_rights,
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        short = roster.is_short_id_search(flt.text)
        if short:
            hint = self.tr("Type at least {n} digits to find an ID number.").format(n=roster.MIN_ID_DIGITS)
        elif roster.is_refused_id_search(flt.text, flt.full_id_rights):
            hint = self.tr("Without the right to see full ID numbers, search by the last {n} digits of the ID "
                           "number only.").format(n=roster.LAST_DIGITS)
        else:
            hint = ""
        self.hint_changed.emit(hint)
        if short:
            flt.text = ""  # too few digits to search by: the list stays as it is
        if flt == self.model.filter and self.model.searched:
            return
        selected = self.selected_student_id()
        self.model.set_filter(flt)
        self._reselect(selected)

    def clear_filters(self) -> None:
        self._set_filters_quietly(any_status=False)
        self.apply_filter()

    def _set_filters_quietly(self, *, any_status: bool) -> None:
        """The filters back to their start (every school, grade, village and category; 在读), or with
        ``any_status`` only the status widened to all; no search is run for each widget changed."""
        widgets = (self.search_edit, self.school_combo, self.grade_combo, self.village_combo, self.status_combo,
                   self.category_combo, self.left_behind_check, self.boarder_check)
        for widget in widgets:
            widget.blockSignals(True)
        if any_status:
            self.status_combo.setCurrentIndex(0)
        else:
            self.search_edit.clear()
            for combo in (self.school_combo, self.grade_combo, self.village_combo, self.category_combo):
                combo.setCurrentIndex(0)
            self.status_combo.setCurrentIndex(self.status_combo.findData(EnrollmentStatus.ENROLLED))
            for check in (self.left_behind_check, self.boarder_check):
                check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)

    # --- selection -------------------------------------------------------------------------

    def selected_student_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.student_id(rows[0].row()) if rows else None

    def _reselect(self, student_id: int | None) -> None:
        if student_id is None:
            self.household_panel.show_household(None)
            return
        row = self.model.row_of(student_id)
        if row is None:
            self.household_panel.show_household(None)
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_household()

    def _show_household(self) -> None:
        """The selected student's household, as it is now."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.household_panel.show_household(None)
            return
        row = self.model.roster_row(rows[0].row())
        self.household_panel.show_household(row.household_id, student_name=row.name)

    def _data_changed(self, changed: frozenset[str]) -> None:
        if not Entity.touched(changed, Entity.STUDENT, Entity.HOUSEHOLD, Entity.DROPOUT, Entity.TOWNSHIP):
            return
        if Entity.touched(changed, Entity.TOWNSHIP):
            self._fill_filter_choices()
        self.when_shown.changed()

    def _reload(self) -> None:
        """After a change, the list read again in the background: at county scale counting and ordering 100,000
        students froze the window for half a second after every save. The rows shown stay until it comes."""
        keep = self._wanted.student_id if self._wanted is not None else self.selected_student_id()
        self._read_in_background(self.model.filter, keep)

    @property
    def reading(self) -> bool:
        """Whether the list is being read again in the background."""
        return self._reading is not None and not self._reading.done

    def _read_in_background(self, flt: RosterFilter, keep: int | None) -> None:
        request = self.reload_requests.start()
        searches = self.model.searches
        top = max(self.table.rowAt(0), 0) if flt == self.model.filter else 0
        self._reading = run_op(
            self.context, self, roster.reload_page, flt, self.model.sort_key, self.model.descending,
            limit=max(BATCH, self.model.known), keep=keep, today=self.context.today(),
            full_id_rights=self.context.full_id_rights, rows_from=max(0, top - BATCH // 4), rows=BATCH,
            access=Access.READ, background=True, quiet=True,
            on_success=self.reload_requests.only(request, lambda reload: self._read(flt, searches, reload)))

    def _read(self, flt: RosterFilter, searches: int, reload: roster.RosterReload) -> None:
        """The list read in the background arrives: shown with the same student selected and the same place
        scrolled to, or with the student asked for (``select_student``) selected and in view."""
        if searches != self.model.searches:
            # The person searched or sorted meanwhile, after the change: that list is the newer one.
            self.model.set_total(reload.total)
            self._wanted = None
            return
        wanted = self._wanted
        selected = wanted.student_id if wanted is not None else self.selected_student_id()
        same_list = flt == self.model.filter
        bars = (self.table.verticalScrollBar(), self.table.horizontalScrollBar())
        scrolled = [bar.value() for bar in bars]
        in_place = self.model.show_reload(flt, reload)
        if same_list:
            for bar, value in zip(bars, scrolled, strict=True):
                bar.setValue(value)
        if wanted is not None and not reload.kept:
            self._widen_filters_for(wanted)
            return
        self._wanted = None
        if selected is not None and self.model.knows(selected):
            before = self.selected_student_id() if in_place else None
            self._reselect(selected)  # selected afresh after the reset: the household is shown as it is now
            if in_place and before == selected:
                self._show_household()  # rows replaced in place, the selection kept: no selectionChanged
        else:
            self.household_panel.show_household(None)
        if wanted is not None and wanted.then is not None and self.selected_student_id() == wanted.student_id:
            wanted.then()

    def _widen_filters_for(self, wanted: _Wanted) -> None:
        """The student asked for is hidden by the filters: clear them, then show any status, so that the user
        sees them."""
        if wanted.widened >= 2:
            self._wanted = None  # no such student (deleted meanwhile)
            self.household_panel.show_household(None)
            return
        wanted.widened += 1
        self._set_filters_quietly(any_status=wanted.widened > 1)
        self.hint_changed.emit("")
        self._read_in_background(self.current_filter(), wanted.student_id)

    # --- actions ---------------------------------------------------------------------------

    def _may(self, permission: Permission) -> bool:
        """Say so at once when the role does not allow an action (the services would refuse it)."""
        if self.context.allows(permission):
            return True
        QMessageBox.information(self, self.tr("Not for your role"), self.tr(
            "Your role ({role}) does not include this. Ask the aid officer or the leadership.").format(
                role=role_label(self.context.actor.role or "")))
        return False

    def add_student(self) -> None:
        from schoolaid.ui.roster.student_dialog import StudentDialog

        if not self._may(Permission.EDIT_ROSTER):
            return

        dialog = StudentDialog(self.context, None, self)
        if dialog.exec() and dialog.student_id is not None:
            self.select_student(dialog.student_id)

    def edit_student(self) -> None:
        student_id = self.selected_student_id()
        # The edit form shows the full ID number: only for those whose role edits the roster.
        if student_id is None or not self._may(Permission.EDIT_ROSTER):
            return
        from schoolaid.ui.roster.student_dialog import StudentDialog

        StudentDialog(self.context, student_id, self).exec()

    def reveal_id(self) -> None:
        """The full ID number of the selected student, shown once and recorded in the audit trail."""
        student_id = self.selected_student_id()
        if student_id is None or not self._may(Permission.VIEW_FULL_ID):
            return
        revealed = run_op(self.context, self, roster.reveal_id_numbers, [student_id], self.tr("shown on screen"),
                          affects={Entity.ACCOUNTS})  # a line in the audit trail
        if not revealed.succeeded:
            return
        number = revealed.result[student_id]
        name = self.context.query(roster.get_summary, student_id).name
        QMessageBox.information(self, self.tr("Full ID number"), self.tr(
            "{name}: {number}\n\nThis look is recorded in the audit trail.").format(name=name, number=number or ""))

    def select_student(self, student_id: int, then: Callable[[], None] | None = None) -> None:
        """Select the student and bring their row into view, clearing the filters if they hide them; then do
        ``then``. At once in a short list; in a long one, or while the list is being read again after a change
        (a student just added), once the list read in the background has come."""
        at_once = self.model.total <= SELECT_AT_ONCE_UP_TO or self.model.knows(student_id)
        if self.reading or not at_once:
            self._wanted = _Wanted(student_id, then)
            self._read_in_background(self.model.filter, student_id)
            return
        if self.model.row_of(student_id) is None:
            # The new or edited student is hidden by the filters: clear them so the user sees it.
            self.clear_filters()
            if self.model.row_of(student_id) is None:
                self.status_combo.setCurrentIndex(0)
        self._reselect(student_id)
        if then is not None and self.selected_student_id() == student_id:
            then()

    def select_and_edit(self, student_id: int) -> None:
        self.select_student(student_id, then=self.edit_student)

    def import_roster(self, path: Path | None = None) -> None:
        from schoolaid.ui.roster.import_dialog import ImportDialog

        if not self._may(Permission.EDIT_ROSTER):
            return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import roster"), "",
                self.tr("Rosters (*.xlsx *.xls *.csv);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        dialog = ImportDialog(self.context, path, self)
        if dialog.exec():
            self.message.emit(dialog.result_text())

    def export_roster(self) -> None:
        from schoolaid.ui.roster.export_dialog import ExportDialog

        if not self._may(Permission.EXPORT):
            return
        dialog = ExportDialog(self.context, self.model.filter, self.model.sort_key, self.model.descending,
                              self.model.shown, self)
        if dialog.exec() and dialog.written is not None:
            self.message.emit(self.tr("{n} students exported to {path}.").format(n=dialog.written, path=dialog.path))

    def export_survey(self) -> None:
        from schoolaid.roster import roster_export
        from schoolaid.ui.roster.export_dialog import suggested_folder

        if not self._may(Permission.EXPORT):
            return
        suggested = suggested_folder() / f"{roster_export.SURVEY_TITLE}_{self.context.today():%Y%m%d}.xlsx"
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the poor villages' survey"),
                                                      str(suggested), self.tr("Excel workbook (*.xlsx)"))
        if not target:
            return
        path = Path(target if target.lower().endswith(".xlsx") else target + ".xlsx")
        run_op(self.context, self, roster_export.export_survey, path, self.context.today(), access=Access.READ_AS,
               background=True, title=self.tr("Export the poor villages' survey"),
               on_success=lambda villages: self.message.emit(self.tr(
                   "Survey of {n} poor villages written to {path}.").format(n=villages, path=path)))

    def change_status(self) -> None:
        student_id = self.selected_student_id()
        if student_id is None or not self._may(Permission.EDIT_ROSTER):
            return
        from schoolaid.ui.roster.status_dialog import StatusDialog

        StatusDialog(self.context, student_id, self).exec()

    def record_approval(self) -> None:
        student_id = self.selected_student_id()
        if student_id is None or not self._may(Permission.EDIT_ROSTER):
            return
        from schoolaid.ui.roster.approval_dialog import ApprovalDialog

        ApprovalDialog(self.context, student_id, self).exec()

    def record_transfer(self) -> None:
        student_id = self.selected_student_id()
        if student_id is None or not self._may(Permission.EDIT_ROSTER):
            return
        from schoolaid.ui.roster import transfer_dialog

        transfer_dialog.open_for(self.context, student_id, self)

    def record_disability(self) -> None:
        student_id = self.selected_student_id()
        if student_id is not None:
            self.open_disability(student_id)

    def open_disability(self, student_id: int) -> None:
        """The student's disability and placement, with the 送教上门 visits (from the menus or today's work)."""
        if not self._may(Permission.EDIT_ROSTER):
            return
        from schoolaid.ui.roster.disability_dialog import DisabilityDialog

        DisabilityDialog(self.context, student_id, self).exec()

    def delete_student(self) -> None:
        student_id = self.selected_student_id()
        if student_id is None:
            return
        row = self.model.roster_row(self.model.row_of(student_id) or 0)
        answer = QMessageBox.question(
            self, self.tr("Delete student"),
            self.tr("Delete {name}? Only a record entered by mistake can be deleted; for a student who left, "
                    "change the enrollment status instead.").format(name=row.name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        run_op(self.context, self, roster.delete_student, student_id, affects={Entity.STUDENT})

    def request_absence(self) -> None:
        student_id = self.selected_student_id()
        if student_id is not None:
            self.absence_requested.emit(student_id, self.context.query(roster.get_summary, student_id).name)

    def _context_menu(self, position: QPoint) -> None:
        if self.selected_student_id() is None:
            return
        menu = context_menu(ROSTER_CONTEXT, self.context, {"roster_tab": self,
                                                            "roster_tab.household_panel": self.household_panel}, self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if menu.actions():
            menu.popup(self.table.viewport().mapToGlobal(position))
        self.last_context_menu = menu
