"""比对核查 in the dropout tab: the differences between the household register, the poverty list, the
student registry and our rosters (四查三比对), filtered by kind, village and whether they are checked,
the oldest first; a check recorded on the selected one, and its checks so far."""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError
from schoolaid.reconcile import checks, report_export
from schoolaid.reconcile.differences import CheckView, Difference
from schoolaid.reconcile.vocabulary import CheckResult, DifferenceKind
from schoolaid.reporting.comparison import Comparison, compare
from schoolaid.roster.idnumber import mask
from schoolaid.township import township
from schoolaid.ui.actions import BY_ID, MENUS, make_button, offered
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table

ORANGE = QBrush(QColor("#b35c00"))
GREEN = QBrush(QColor("#2e7d32"))

OPEN, CHECKED, EVERY = "open", "checked", "all"
RECORD_CHECK = "reconcile.record_check"
IMPORT_LISTS = "students.import_lists"  # the lists' import, in the window's menu


class ComparisonPage(QWidget):
    #: A 失学 check created this student: the tab opens their dropout case and shows it.
    open_case_requested = Signal(int, str)
    message = Signal(str)

    SITUATION = 5  # the column that takes the width left
    DETAILS = 2  # the history's

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._all: list[Difference] = []
        self._task: Operation | None = None
        self._export: Operation | None = None
        self._stale = True
        self._lists_imported = False
        self._compared = False  # until the first comparison is in, nothing is known to be missing

        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Every kind"), None)  # with the counts once compared
        for kind in DifferenceKind:
            self.kind_combo.addItem(kind.label(), kind.value)
        self.kind_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.village_combo = QComboBox()
        self.state_combo = QComboBox()
        for label, key in ((self.tr("To check"), OPEN), (self.tr("Checked"), CHECKED), (self.tr("All"), EVERY)):
            self.state_combo.addItem(label, key)

        self.model: RecordTableModel[Difference] = RecordTableModel([
            Column(lambda: self.tr("Kind"), lambda d: d.kind.label()),
            Column(lambda: self.tr("Name"), lambda d: d.name),
            Column(lambda: self.tr("Born"), lambda d: d.birth_date.isoformat() if d.birth_date else "",
                   align_center=True),
            Column(lambda: self.tr("ID number"), self._masked_id, align_center=True),
            Column(lambda: self.tr("Village"), lambda d: d.village),
            Column(lambda: self.tr("Situation"), lambda d: d.detail, tooltip=lambda d: d.detail),
            Column(lambda: self.tr("Match"), self._match_text, align_center=True,
                   foreground=lambda d: ORANGE if d.weak_match else None, tooltip=self._match_tooltip),
            Column(lambda: self.tr("Found"), lambda d: d.since.isoformat(), align_center=True),
            Column(lambda: self.tr("Check"), self._check_text, tooltip=lambda d: d.check.summary() if d.check else "",
                   foreground=self._check_colour),
        ], parent=self)
        self.table = record_table(self.model, stretch=self.SITUATION)
        self.table.setObjectName("differences")
        self.table.installEventFilter(self)

        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setTextFormat(Qt.TextFormat.RichText)
        self.empty_label.linkActivated.connect(self._link_activated)
        self.empty_label.setStyleSheet("QLabel { color:#444; font-size:14px; padding:24px; }")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.record_button = make_button(RECORD_CHECK, context, self)
        self.export_button = make_button("export.reconcile_report", context, self)

        self.history_title = QLabel()
        self.history_title.setWordWrap(True)
        self.history_title.setTextFormat(Qt.TextFormat.RichText)
        self.history_model: RecordTableModel[CheckView] = RecordTableModel([
            Column(lambda: self.tr("Checked on"), lambda c: c.checked_on.isoformat(), align_center=True),
            Column(lambda: self.tr("Result"), lambda c: CheckResult(c.result).label()),
            Column(lambda: self.tr("Details"), check_details, tooltip=check_details),
            Column(lambda: self.tr("Checked by"), lambda c: c.checked_by),
            Column(lambda: self.tr("Evidence"), lambda c: c.evidence, tooltip=lambda c: c.evidence),
            Column(lambda: self.tr("Note"), lambda c: c.note, tooltip=lambda c: c.note),
            Column(lambda: self.tr("Written by"), lambda c: c.recorded_by),
        ], parent=self)
        self.history_table = record_table(self.history_model, stretch=self.DETAILS)
        self.history_box = history = QGroupBox(self.tr("Checks of this difference (核查记录), newest first — a new check "
                                    "supersedes, nothing is deleted"))
        history_layout = QVBoxLayout(history)
        history_layout.addWidget(self.history_title)
        history_layout.addWidget(self.history_table, 1)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("Kind")), self.kind_combo, QLabel(self.tr("Village")), self.village_combo,
                       self.state_combo):
            filters.addWidget(widget)
        filters.addStretch(1)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.stack, 1)
        bottom_row = QHBoxLayout()
        bottom_row.addWidget(self.summary, 1)
        bottom_row.addWidget(self.record_button)
        bottom_row.addWidget(self.export_button)
        top_layout.addLayout(bottom_row)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 160])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        for combo in (self.kind_combo, self.village_combo, self.state_combo):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.table.doubleClicked.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        context.changed.connect(self._data_changed)
        self._show_selected()

    # --- cells ----------------------------------------------------------------------------------------

    def _masked_id(self, difference: Difference) -> str:
        return mask(difference.id_number, full_id_rights=self.context.full_id_rights)

    def _match_text(self, difference: Difference) -> str:
        return self.tr("weak match") if difference.weak_match else ""

    def _match_tooltip(self, difference: Difference) -> str:
        return self.tr("Matched by name and birth date only: check that it is the same child.") \
            if difference.weak_match else ""

    def _check_text(self, difference: Difference) -> str:
        check = difference.check
        if check is None:
            return self.tr("to check")
        text = f"{CheckResult(check.result).label()} {check.checked_on.isoformat()}"
        if check.expired:  # a deferral whose approval has run out
            text += self.tr(" — expired, check again")
        return text

    def _check_colour(self, difference: Difference) -> QBrush | None:
        return ORANGE if difference.is_open else GREEN

    # --- loading --------------------------------------------------------------------------------------

    def _data_changed(self, changed: frozenset[str]) -> None:
        if not Entity.touched(changed, Entity.RECONCILE, Entity.STUDENT, Entity.HOUSEHOLD, Entity.TOWNSHIP):
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compare again off the GUI thread; a newer request replaces one still working."""
        self._stale = False
        self._show_villages()
        if self._task is not None:
            self._task.stop()
        self._task = run_op(self.context, self, compare, self.context.today(), access=Access.READ,
                            background=True, title=self.tr("Comparing the lists with the rosters"),
                            on_success=self._loaded, on_failure=self._failed, on_cancel=self._cancelled)

    def _loaded(self, comparison: Comparison) -> None:
        self._task = None
        self._all = comparison.differences
        self._lists_imported = comparison.lists_imported
        self._compared = True
        self._show()

    def _failed(self, error: SchoolAidError) -> None:
        self._task = None
        show_error(self, error)

    def _cancelled(self) -> None:
        self._task = None
        self._stale = True

    def busy(self) -> bool:
        """Whether the comparison or an export is still being worked out (tests wait for this)."""
        return self._task is not None or self._export is not None

    def stop_work(self) -> None:
        for task in (self._task, self._export):
            if task is not None:
                task.stop()
        self._task = self._export = None

    def _show_villages(self) -> None:
        current = self.village_combo.currentData()
        self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("All villages"), None)
        for village in self.context.query(township.list_villages):
            self.village_combo.addItem(village.name, village.id)
        self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(current)) if current is not None else 0)
        self.village_combo.blockSignals(False)

    # --- filtering ------------------------------------------------------------------------------------

    def _filters_changed(self, _index: int) -> None:
        self._show()

    def _state_matches(self, difference: Difference) -> bool:
        state = self.state_combo.currentData()
        return state == EVERY or (state == OPEN) == difference.is_open

    def _show(self) -> None:
        selected = self.selected()
        village = self.village_combo.currentData()
        kind = self.kind_combo.currentData()
        around = [d for d in self._all if self._state_matches(d) and (village is None or d.village_id == village)]
        counts = {k: sum(1 for d in around if d.kind is k) for k in DifferenceKind}
        self.kind_combo.setItemText(0, self.tr("Every kind ({n})").format(n=len(around)))
        for position, k in enumerate(DifferenceKind, start=1):
            self.kind_combo.setItemText(position, f"{k.label()} ({counts[k]})")
        shown = [d for d in around if kind is None or d.kind.value == kind]
        self.model.set_rows(shown)
        open_total = sum(1 for d in self._all if d.is_open)
        self.summary.setText(self.tr(
            "{shown} shown; {open} of {n} differences still to check, the oldest first. Each is closed by a check "
            "door to door (核查), recorded here.").format(shown=len(shown), open=open_total, n=len(self._all))
            if self._all else "")
        # Nothing found yet: the page is only the explanation of what to do.
        self.history_box.setVisible(bool(self._all) or not self._compared)
        self.export_button.setEnabled(bool(self._all))
        self._show_empty_state(shown)
        if selected is not None:
            position = next((i for i, d in enumerate(shown)
                             if (d.kind, d.person_key) == (selected.kind, selected.person_key)), None)
            if position is not None:
                self.table.selectRow(position)
        self._show_selected()

    def _show_empty_state(self, shown: list[Difference]) -> None:
        if shown or not self._compared:
            self.stack.setCurrentWidget(self.table)
            return
        if not self._lists_imported:
            text = self.tr(
                "<p><b>No list to compare yet.</b></p><p>Import the household register (户籍) of a village or the "
                "whole township first — and the poverty list and the student registry's export, if you have them: "
                "<b>{menu}</b>.</p><p>The differences with the rosters then show here, each to be checked door to door.</p>"
                ).format(menu=self._import_menu_path())
            if self._import_offered():
                link = self.tr("Import a list now…")
                text += f"<p><a href='{IMPORT_LISTS}'>{link}</a></p>"
        elif not self._all:
            text = self.tr("<p><b>No differences.</b></p><p>The lists imported agree with the rosters.</p>")
        elif self.state_combo.currentData() == OPEN and not any(d.is_open for d in self._all):
            text = self.tr("<p><b>Every difference is checked.</b></p><p>Choose \u201cChecked\u201d or \u201cAll\u201d "
                           "to see the checks.</p>")
        else:
            text = self.tr("<p>No difference of this kind and village.</p>")
        self.empty_label.setText(text)
        self.stack.setCurrentWidget(self.empty_label)

    def _import_menu_path(self) -> str:
        """Where the lists are imported from, as the menus say it."""
        spec = BY_ID.get(IMPORT_LISTS)
        if spec is None or not spec.menus:
            menu, entry = self.tr("File"), self.tr("Import a list to compare…")
            return f"{menu} → {entry}"
        title = dict(MENUS).get(spec.menus[0], "")
        menu = re.sub(r"\(&\w\)", "", QCoreApplication.translate("Actions", title)).replace("&", "")
        return f"{menu} → {spec.button_label()}"

    def _import_offered(self) -> bool:
        spec = BY_ID.get(IMPORT_LISTS)
        return spec is not None and offered(spec, self.context)

    def _link_activated(self, link: str) -> None:
        """The empty page's link: the import, through the window's action (as from its menu)."""
        run_action = getattr(self.window(), "run_action", None)
        if link == IMPORT_LISTS and run_action is not None:
            run_action(IMPORT_LISTS)

    # --- the selected difference ------------------------------------------------------------------------

    def selected(self) -> Difference | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def select(self, kind: DifferenceKind, person_key: str) -> bool:
        """Show one difference selected (every state shown if it is not among those shown)."""
        for attempt in range(2):
            for row in range(self.model.rowCount()):
                difference = self.model.row_object(row)
                if (difference.kind, difference.person_key) == (kind, person_key):
                    self.table.selectRow(row)
                    self.table.scrollTo(self.model.index(row, 0))
                    return True
            if attempt == 0:
                for combo, value in ((self.kind_combo, None), (self.village_combo, None), (self.state_combo, EVERY)):
                    combo.blockSignals(True)
                    combo.setCurrentIndex(max(0, combo.findData(value)))
                    combo.blockSignals(False)
                self._show()
        return False

    def show_village(self, village_id: int | None) -> None:
        """The differences still to check in one village (a line of today's work)."""
        if not self.village_combo.count():
            self._show_villages()
        for combo, value in ((self.kind_combo, None), (self.state_combo, OPEN)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(village_id))
                                           if village_id is not None else 0)
        self._show()

    def _selection_changed(self, *_args: object) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        difference = self.selected()
        self.record_button.setEnabled(difference is not None)
        if difference is None:
            self.history_title.setText(self.tr("Choose a difference above to see its checks."))
            self.history_model.set_rows([])
            return
        history = self.context.query(checks.history, difference.kind, difference.person_key)
        self.history_model.set_rows(sorted(history, key=lambda c: (c.checked_on, c.id), reverse=True))
        born = difference.birth_date.isoformat() if difference.birth_date else "—"
        weak = self.tr(" — <span style='color:#b35c00'>matched by name and birth date only</span>") \
            if difference.weak_match else ""
        # Names and details come from the lists handed over: shown as text, never as markup.
        self.history_title.setText(self.tr("<b>{name}</b> (born {born}, {village}) — {kind}: {detail}{weak}").format(
            name=html.escape(difference.name), born=born, village=html.escape(difference.village or "—"),
            kind=difference.kind.label(), detail=html.escape(difference.detail), weak=weak) + ("" if history else self.tr("<br>Not checked yet.")))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected() is not None:
            self.record_check()
            return True
        return super().eventFilter(watched, event)

    def _activated(self, _index: object) -> None:
        self.record_check()

    # --- the workbook for the door-to-door checks ------------------------------------------------------

    def export_report(self, path: Path | None = None) -> None:
        """比对核查表: the differences to check (with the checked ones when they are shown), one sheet per
        kind, with the columns the village cadre fills in at the door."""
        from schoolaid.ui.roster.export_dialog import ask_workbook_path

        title = self.tr("Export the comparison check sheet")
        target = path or ask_workbook_path(self, title, f"比对核查表_{self.context.today():%Y%m%d}.xlsx")
        if target is None:
            return
        self._export = run_op(self.context, self, report_export.write_report, target, today=self.context.today(),
                              include_checked=self.state_combo.currentData() != OPEN, access=Access.READ_AS,
                              background=True, title=title, on_success=lambda counts: self._exported(counts, target),
                              on_failure=self._export_failed, on_cancel=self._export_cancelled)

    def _exported(self, counts: dict[DifferenceKind, int], path: Path) -> None:
        self._export = None
        self.message.emit(self.tr("Check sheet written to {path}: {n} differences.").format(
            path=path, n=sum(counts.values())))

    def _export_failed(self, error: SchoolAidError) -> None:
        self._export = None
        show_error(self, error)

    def _export_cancelled(self) -> None:
        self._export = None

    # --- recording a check --------------------------------------------------------------------------------

    def record_check(self) -> None:
        from schoolaid.ui.reconcile.check_dialog import CheckDialog

        if not offered(BY_ID[RECORD_CHECK], self.context):
            return
        difference = self.selected()
        if difference is None:
            QMessageBox.information(self, self.tr("Record a check"), self.tr("Select a difference first."))
            return
        dialog = CheckDialog(self.context, difference, self)
        if not dialog.exec():
            return
        # Read now: the dialog is deleted once the event loop runs again.
        result, student_id = dialog.result_label, dialog.created_student_id
        self.message.emit(self.tr("Check of {name} recorded: {result}.").format(name=difference.name, result=result))
        if student_id is not None and QMessageBox.question(
                self, self.tr("Out of school"), self.tr(
                    "{name} is now on the roster as not enrolled (未入学) and counts in the dropout ledger. Open the "
                    "dropout case now, to start persuading the family?").format(name=difference.name)) \
                == QMessageBox.StandardButton.Yes:
            self.open_case_requested.emit(student_id, difference.name)


def check_details(check: CheckView) -> str:
    """What the check found beyond its result, in one line."""
    return check.summary().removeprefix(check.result).strip("（）")

