"""Importing a roster sheet: the preview with the column mapping, every row's outcome, and the
choice for students already on the roster; then the import, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError
from schoolaid.roster import roster_import
from schoolaid.roster.roster_columns import Field
from schoolaid.roster.roster_import import (
    Choice,
    ImportOptions,
    ImportPlan,
    ImportSource,
    Outcome,
    RowResult,
)
from schoolaid.township import township
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import Access, run_op
from schoolaid.ui.widgets.column_mapping import ColumnMapping
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.sheet_import import SheetImportDialog
from schoolaid.ui.widgets.table_models import Column, RecordTableModel, weak_method
from schoolaid.ui.widgets.table_views import record_table

_OUTCOME_COLOURS = {
    Outcome.REJECT: QColor("#c62828"),
    Outcome.SKIP: QColor("#6d6d6d"),
    Outcome.UNCHANGED: QColor("#6d6d6d"),
    Outcome.UPDATE: QColor("#1565c0"),
    Outcome.NEW: QColor("#2e7d32"),
}


class ImportDialog(SheetImportDialog):
    """Opened on a file; reads and checks it in the background, then shows the preview."""

    SHOW_KNOWN = SheetImportDialog.SHOW_WARNINGS + 1

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(context, path, parent)
        self.source: ImportSource | None = None
        self.plan: ImportPlan | None = None
        self.options = ImportOptions()
        self.result: roster_import.ImportResult | None = None
        self.setWindowTitle(self.tr("Import roster: {name}").format(name=self.path.name))
        self.resize(1100, 680)

        self.columns = ColumnMapping(lambda: [(f.label(), f.value) for f in Field], Field, self)
        self.mapping_model = self.columns.model
        self.mapping_table = self.columns.table
        self.sheet_combo = self.columns.sheet_combo
        self.existing_combo = QComboBox()
        self.existing_combo.addItem(self.tr("update them with the sheet's values"), Choice.UPDATE.value)
        self.existing_combo.addItem(self.tr("skip them"), Choice.SKIP.value)
        self.school_combo = QComboBox()
        self.school_combo.addItem(self.tr("(choose)"), None)
        for school in context.query(township.list_schools, open_only=True):
            self.school_combo.addItem(school.name, school.id)

        options_box = QGroupBox(self.tr("Choices"))
        options_form = QFormLayout(options_box)
        options_form.addRow(self.tr("Students already on the roster:"), self.existing_combo)
        options_form.addRow(self.tr("School, when the sheet has no school column:"), self.school_combo)
        self.columns.layout_.addWidget(options_box)

        self.show_combo.addItem(self.tr("Students already on the roster"))  # SHOW_KNOWN
        self.rows_model: RecordTableModel[RowResult] = RecordTableModel([
            *self.sheet_columns(_OUTCOME_COLOURS),
            Column(self.tr("Why"), weak_method(self._explanation), tooltip=weak_method(self._explanation)),
        ], parent=self)
        self.rows_table = record_table(self.rows_model, fit_contents=True)
        self.rows_table.setWordWrap(True)
        self.rows_table.setSelectionMode(self.rows_table.SelectionMode.ExtendedSelection)
        self.update_rows_button = QPushButton(self.tr("Update the selected"))
        self.skip_rows_button = QPushButton(self.tr("Skip the selected"))
        self.save_rejected_button = QPushButton(self.tr("Save rejected rows…"))
        splitter = self.preview(self.columns, self.rows_table, (380, 720), self.update_rows_button,
                                self.skip_rows_button)
        self.finish_buttons(self.save_rejected_button)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self._recheck_timer.timeout.connect(self.check)
        self.columns.changed.connect(self._mapping_changed)
        self.existing_combo.currentIndexChanged.connect(self._options_changed)
        self.school_combo.currentIndexChanged.connect(self._options_changed)
        self.show_combo.currentIndexChanged.connect(self._show_rows)
        self.update_rows_button.clicked.connect(self._update_rows)
        self.skip_rows_button.clicked.connect(self._skip_rows)
        self.save_rejected_button.clicked.connect(self.save_rejected)
        self.import_button.clicked.connect(self.start_import)
        self._set_busy(True)
        self._read()

    # --- reading and checking ----------------------------------------------------------------

    def _read(self) -> None:
        self.task = run_op(self.context, self, roster_import.read_and_plan, self.path, self.options,
                           today=self.context.today(), access=Access.READ, background=True,
                           title=self.tr("Reading {name}").format(name=self.path.name),
                           on_success=self._read_done, on_failure=self._failed, on_cancel=self.reject)

    def _read_done(self, result: tuple[ImportSource, ImportPlan]) -> None:
        self.source, plan = result
        self.columns.set_headers(self.source.headers)
        self.school_combo.setEnabled(not self.source.has_school_column)
        if plan.options.default_school_id is not None and self.options.default_school_id is None:
            # The sheet names its school above the header: proposed, and the user may choose another.
            self.school_combo.blockSignals(True)
            self.school_combo.setCurrentIndex(max(self.school_combo.findData(plan.options.default_school_id), 0))
            self.school_combo.blockSignals(False)
            self.options.default_school_id = self.school_combo.currentData()
        self._plan_ready(plan)

    def check(self) -> None:
        """Check the rows again with the current mapping and choices."""
        if self.source is None:
            return
        if self.working():
            self._recheck_wanted = True
            return
        self._set_busy(True)
        self.summary_label.setText(self.tr("Checking again…"))
        self.task = run_op(self.context, self, roster_import.make_plan, self.source, self.options,
                           today=self.context.today(), access=Access.READ, background=True,
                           title=self.tr("Checking {name}").format(name=self.path.name),
                           on_success=self._plan_ready, on_failure=self._failed,
                           on_cancel=lambda: self._set_busy(False))

    def _plan_ready(self, plan: ImportPlan) -> None:
        self.plan = plan
        self._set_busy(False)
        if self._recheck_wanted:
            self._recheck_wanted = False
            self.check()
            return
        self.summary_label.setText(self.tr(
            "<b>{new}</b> new · <b>{updated}</b> to update · {unchanged} unchanged · {skipped} skipped · "
            "<span style='color:#c62828'><b>{rejected}</b> rejected</span> · {warned} with warnings · "
            "{households} new households").format(
                new=plan.count(Outcome.NEW), updated=plan.count(Outcome.UPDATE),
                unchanged=plan.count(Outcome.UNCHANGED), skipped=plan.count(Outcome.SKIP),
                rejected=len(plan.rejected), warned=len(plan.warned), households=plan.households_to_create))
        self.import_button.setEnabled(plan.count(Outcome.NEW) + plan.count(Outcome.UPDATE) > 0)
        self.save_rejected_button.setEnabled(bool(plan.rejected))
        self._show_rows()

    def _failed(self, error: SchoolAidError) -> None:
        self._set_busy(False)
        show_error(self, error)
        if self.source is None:
            self.reject()

    def _set_busy(self, busy: bool) -> None:
        self.columns.set_editable(not busy)
        for widget in (self.existing_combo, self.import_button, self.save_rejected_button,
                       self.update_rows_button, self.skip_rows_button):
            widget.setEnabled(not busy)
        self.school_combo.setEnabled(not busy and self.source is not None and not self.source.has_school_column)

    # --- mapping and choices -----------------------------------------------------------------

    def _mapping_changed(self) -> None:
        self.school_combo.setEnabled(self.source is not None and not self.source.has_school_column)
        self._recheck_timer.start()

    def _options_changed(self) -> None:
        self.options.existing = Choice(self.existing_combo.currentData())
        self.options.default_school_id = self.school_combo.currentData()
        self._recheck_timer.start()

    def _update_rows(self) -> None:
        self._decide(Choice.UPDATE)

    def _skip_rows(self) -> None:
        self._decide(Choice.SKIP)

    def _decide(self, choice: Choice) -> None:
        rows = self.rows_table.selectionModel().selectedRows()
        known = [self.rows_model.row_object(index.row()) for index in rows]
        known = [r for r in known if r.is_known]
        if not known:
            QMessageBox.information(self, self.tr("Import"), self.tr(
                "Select rows of students who are already on the roster (or earlier in the sheet)."))
            return
        for result in known:
            self.options.decisions[result.key] = choice
        self.check()

    # --- rows ----------------------------------------------------------------------------------

    def _explanation(self, result: RowResult) -> str:
        parts = []
        if result.known_as:
            parts.append(self.tr("Already known: {who}").format(who=result.known_as))
        if result.reason:
            parts.append(result.reason)
        return "；".join(parts)

    def _show_rows(self) -> None:
        if self.plan is None:
            return
        self.show_rows_of(self.rows_model, self.rows_table, self.plan.rows, self.plan.rejected, self.plan.warned,
                          lambda r: bool(r.problems or r.is_known), {self.SHOW_KNOWN: lambda r: r.is_known})

    # --- saving and importing ------------------------------------------------------------------

    def save_rejected(self) -> None:
        if self.plan is None or not self.plan.rejected:
            return
        suggested = str(self.path.with_name(f"{self.path.stem}_未导入的行.xlsx"))
        target, _filter = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), suggested,
                                                      self.tr("Excel workbook (*.xlsx)"))
        if not target:
            return
        saved = run_op(self.context, self, roster_import.save_rejected, self.plan, Path(target), access=Access.FILES)
        if not saved.succeeded:
            return
        count = saved.result
        QMessageBox.information(self, self.tr("Save rejected rows"), self.tr(
            "{n} rejected rows saved to {path}, with the reason for each.").format(n=count, path=target))

    def start_import(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self._set_busy(True)
        self.task = run_op(self.context, self, roster_import.apply_plan, plan, today=self.context.today(),
                           background=True, title=self.tr("Importing {name}").format(name=self.path.name),
                           affects={Entity.STUDENT, Entity.HOUSEHOLD}, on_success=self._imported,
                           on_failure=self._failed, on_cancel=self._import_cancelled)

    def _import_cancelled(self) -> None:
        self._set_busy(False)
        self.import_cancelled()

    def _imported(self, result: roster_import.ImportResult) -> None:
        self.result = result
        self.accept()

    def result_text(self) -> str:
        if self.result is None:
            return ""
        return self.tr("Imported from {name}: {new} new students, {updated} updated, {households} new "
                       "households.").format(name=self.path.name, new=self.result.new, updated=self.result.updated,
                                             households=self.result.households_created)
