"""Importing a list of 四查三比对 (the household register, the poverty list, the registry export): which
list, for which village, from whom and when; the preview with the columns mapped and every row's
outcome; nothing written until confirmed, then the list stored off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError
from schoolaid.documents.spreadsheet import UnreadableFile
from schoolaid.reconcile import list_import
from schoolaid.reconcile.list_columns import ListField, fields_of
from schoolaid.reconcile.list_import import ListImportOptions, ListPlan, ListRow, RowOutcome
from schoolaid.reconcile.lists import MAX_SOURCE
from schoolaid.reconcile.vocabulary import ListKind
from schoolaid.roster.idnumber import mask
from schoolaid.storage.models import ReferenceList
from schoolaid.township import township
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import Access, run_op
from schoolaid.ui.widgets.column_mapping import ColumnMapping
from schoolaid.ui.widgets.date_field import DateField
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.sheet_import import SheetImportDialog
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table

_OUTCOME_COLOURS = {
    RowOutcome.REJECTED: QColor("#c62828"),
    RowOutcome.DROPPED: QColor("#6d6d6d"),
    RowOutcome.MERGED: QColor("#6d6d6d"),
    RowOutcome.KEPT: QColor("#2e7d32"),
}


def guess_kind(path: Path) -> ListKind:
    """The kind of list a file's name suggests (学籍…, 脱贫户…, else a household register)."""
    name = path.stem
    if "学籍" in name:
        return ListKind.REGISTRY
    if any(word in name for word in ("脱贫", "监测", "返贫", "贫困")):
        return ListKind.POVERTY
    return ListKind.HUKOU


class ListImportDialog(SheetImportDialog):
    """Opened on a file; reads and checks it in the background, then shows the preview."""

    def __init__(self, context: AppContext, path: Path, parent: QWidget | None = None, *,
                 kind: ListKind | None = None) -> None:
        super().__init__(context, path, parent)
        self.plan: ListPlan | None = None
        self.options = ListImportOptions()
        self.stored: ReferenceList | None = None
        self._reread_wanted = False
        self.villages = {v.id: v.name for v in context.query(township.list_villages)}
        self.setWindowTitle(self.tr("Import a list for comparison: {name}").format(name=self.path.name))
        self.resize(1150, 700)

        self.kind_combo = QComboBox()
        for each in ListKind:
            self.kind_combo.addItem(each.label(), each.value)
        first = kind or guess_kind(self.path)
        # A guess that finds no header of its kind in the file: the other kinds are tried before giving up.
        self._kinds_left = [] if kind is not None else [k for k in ListKind if k is not first]
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(first.value))
        self.village_combo = QComboBox()
        self.village_combo.addItem(self.tr("As the file says (the whole township)"), None)
        for village_id, name in self.villages.items():
            self.village_combo.addItem(name, village_id)
        self.school_combo = QComboBox()
        self.school_combo.addItem(self.tr("As the file says"), None)
        for school in context.query(township.list_schools, open_only=True):
            self.school_combo.addItem(school.name, school.id)
        self.source_edit = QLineEdit()
        self.source_edit.setMaxLength(MAX_SOURCE)
        self.source_edit.setPlaceholderText(self.tr("e.g. 平地派出所, 波西村村委会, 学籍系统"))
        self.received_edit = DateField()
        today = context.today()
        self.received_edit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.received_edit.setDate(QDate(today.year, today.month, today.day))
        about = QFormLayout()
        about.addRow(self.tr("Kind of list:"), self.kind_combo)
        about.addRow(self.tr("Village:"), self.village_combo)
        about.addRow(self.tr("School, when the file has no school column:"), self.school_combo)
        self.about = about
        about.addRow(self.tr("Received from:"), self.source_edit)
        about.addRow(self.tr("Received on:"), self.received_edit)

        self.columns = ColumnMapping(self._field_choices, ListField, self)
        self.rows_model: RecordTableModel[ListRow] = RecordTableModel([
            *self.sheet_columns(_OUTCOME_COLOURS),
            Column(self.tr("Birth date"), lambda r: r.person.birth_date.isoformat()
                   if r.person and r.person.birth_date else ""),
            Column(self.tr("ID number"), lambda r: mask(r.person.id_number) if r.person else ""),
            Column(self.tr("Village"), self._village_of),
            Column(self.tr("Why"), lambda r: r.reason, tooltip=lambda r: r.reason),
        ], parent=self)
        self.rows_table = record_table(self.rows_model, fit_contents=True)
        self.rows_table.setWordWrap(True)
        splitter = self.preview(self.columns, self.rows_table, (360, 790))
        self.finish_buttons()
        layout = QVBoxLayout(self)
        layout.addLayout(about)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)

        self._recheck_timer.timeout.connect(self.check)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.village_combo.currentIndexChanged.connect(self._village_changed)
        self.school_combo.currentIndexChanged.connect(self._school_changed)
        self.source_edit.textChanged.connect(self._update_import_button)
        self.columns.changed.connect(self._recheck_timer.start)
        self.show_combo.currentIndexChanged.connect(self._show_rows)
        self.import_button.clicked.connect(self.start_import)
        self._show_choices()
        self._set_busy(True)
        self._read()

    @property
    def kind(self) -> ListKind:
        return ListKind(self.kind_combo.currentData())

    def _field_choices(self) -> list[tuple[str, str]]:
        return [(f.label(), f.value) for f in fields_of(self.kind)]

    def _village_of(self, result: ListRow) -> str:
        if result.person is None or result.person.village_id is None:
            return ""
        return self.villages.get(result.person.village_id, "")

    # --- reading and checking ----------------------------------------------------------------

    def _read(self) -> None:
        self.task = run_op(self.context, self, list_import.read_and_plan, self.path, self.kind, self.options,
                           today=self.context.today(), access=Access.READ, background=True,
                           title=self.tr("Reading {name}").format(name=self.path.name),
                           on_success=self._read_done, on_failure=self._failed, on_cancel=self.reject)

    def _read_done(self, plan: ListPlan) -> None:
        self.columns.set_headers(plan.source.headers)
        self._show_choices()
        self._plan_ready(plan)

    def _kind_changed(self) -> None:
        """Another kind of list has other columns: the file is read again."""
        if self.working():
            self._reread_wanted = True
            return
        self._set_busy(True)
        self.summary_label.setText(self.tr("Reading {name}…").format(name=self.path.name))
        self._read()

    def _school_changed(self) -> None:
        self.options.school_id = self.school_combo.currentData()
        self._recheck_timer.start()

    def _show_choices(self) -> None:
        """A registry export is of schools, the other lists of villages."""
        registry = self.kind is ListKind.REGISTRY
        self.about.setRowVisible(self.village_combo, not registry)
        self.about.setRowVisible(self.school_combo, registry)

    def _village_changed(self) -> None:
        self.options.village_id = self.village_combo.currentData()
        self._recheck_timer.start()

    def check(self) -> None:
        """Check the rows again with the current mapping and village."""
        if self.plan is None:
            return
        if self.working():
            self._recheck_wanted = True
            return
        self._set_busy(True)
        self.summary_label.setText(self.tr("Checking again…"))
        self.task = run_op(self.context, self, list_import.plan_list, self.plan.source, self.options,
                           today=self.context.today(), access=Access.READ, background=True,
                           title=self.tr("Checking {name}").format(name=self.path.name),
                           on_success=self._plan_ready, on_failure=self._failed,
                           on_cancel=lambda: self._set_busy(False))

    def _plan_ready(self, plan: ListPlan) -> None:
        self.plan = plan
        self._set_busy(False)
        if self._reread_wanted:
            self._reread_wanted = False
            self._kind_changed()
            return
        if self._recheck_wanted:
            self._recheck_wanted = False
            self.check()
            return
        place = self.villages.get(plan.village_id, "") if plan.village_id is not None else self.tr("the whole township")
        text = self.tr(
            "{list} of {place}: <b>{people}</b> people kept, of whom <b>{children}</b> children · {merged} listed "
            "twice (merged) · {dropped} other adults left out · <span style='color:#c62828'><b>{rejected}</b> "
            "rejected</span> · {warned} with warnings").format(
                list=plan.kind.label(), place=place, people=len(plan.people), children=plan.children,
                merged=plan.count(RowOutcome.MERGED), dropped=plan.count(RowOutcome.DROPPED),
                rejected=len(plan.rejected), warned=len(plan.warned))
        self.summary_label.setText("<br>".join([text, *plan.notes]))
        self._update_import_button()
        self._show_rows()

    def _failed(self, error: SchoolAidError) -> None:
        if self.plan is None and self._kinds_left and isinstance(error, UnreadableFile):
            self._set_kind(self._kinds_left.pop(0))
            self._read()
            return
        self._set_busy(False)
        show_error(self, error)
        if self.plan is None:
            self.reject()
        elif self.plan.kind is not self.kind:  # the file has no header of the kind chosen: back to the one it has
            self._set_kind(self.plan.kind)
            self.columns.set_headers(self.plan.source.headers)
            self._show_choices()

    def _set_kind(self, kind: ListKind) -> None:
        self.kind_combo.blockSignals(True)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.kind_combo.blockSignals(False)

    def _set_busy(self, busy: bool) -> None:
        self.columns.set_editable(not busy)
        for widget in (self.village_combo, self.kind_combo, self.school_combo):
            widget.setEnabled(not busy)
        self.import_button.setEnabled(False if busy else self._ready())

    def _ready(self) -> bool:
        return self.plan is not None and bool(self.plan.people) and bool(self.source_edit.text().strip())

    def _update_import_button(self) -> None:
        busy = self.working()
        self.import_button.setEnabled(not busy and self._ready())
        self.import_button.setToolTip("" if self.source_edit.text().strip() else self.tr(
            "Say whom the list came from first."))

    # --- rows ----------------------------------------------------------------------------------

    def _show_rows(self) -> None:
        if self.plan is None:
            return
        self.show_rows_of(self.rows_model, self.rows_table, self.plan.rows, self.plan.rejected, self.plan.warned,
                          lambda r: bool(r.problems))

    # --- importing -------------------------------------------------------------------------------

    def start_import(self) -> None:
        plan = self.plan
        if plan is None or not self._ready():
            return
        self._set_busy(True)
        received = self.received_edit.date().toPython()
        self.task = run_op(self.context, self, list_import.apply_list, plan, today=self.context.today(),
                           source=self.source_edit.text().strip(), received_on=received, village_id=plan.village_id,
                           background=True, title=self.tr("Importing {name}").format(name=self.path.name),
                           affects={Entity.RECONCILE}, on_success=self._imported, on_failure=self._failed,
                           on_cancel=self._import_cancelled)

    def _import_cancelled(self) -> None:
        self._set_busy(False)
        self.import_cancelled()

    def _imported(self, stored: ReferenceList) -> None:
        self.stored = stored
        self.accept()

    def result_text(self) -> str:
        if self.stored is None:
            return ""
        return self.tr("{list} imported from {name}: {people} people, of whom {children} children.").format(
            list=ListKind(self.stored.kind).label(), name=self.path.name, people=self.stored.people,
            children=self.stored.children)
