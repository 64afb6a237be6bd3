"""The pairing tab (结对帮扶): the gaps always in view on top; below, helpers and their households,
the gaps in detail, the visit log, the labourers' skills, and the school pairing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts.permissions import Permission
from schoolaid.common.errors import SchoolAidError
from schoolaid.pairing import pairing, pairing_export, school_pairing
from schoolaid.pairing.pairing import HouseholdNeed, OverdueVisit, Overview, PairingView, QuotaView
from schoolaid.pairing.school_pairing import ActivityView, SchoolPairingView
from schoolaid.roster import households
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.roster.households import SkillsRow
from schoolaid.ui.actions import make_button
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import Access, run_op
from schoolaid.ui.pairing.pairing_dialogs import (
    ActivityDialog,
    EndPairingDialog,
    EndSchoolPairingDialog,
    HandOverDialog,
    LeaveDialog,
    PairDialog,
    SchoolPairingDialog,
    StaffDialog,
)
from schoolaid.ui.pairing.visit_panel import VisitPanel
from schoolaid.ui.widgets.latest import Latest
from schoolaid.ui.widgets.lazy_tabs import made_in_steps
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table
from schoolaid.ui.widgets.when_shown import WhenShown

RED = QBrush(QColor("#c62828"))
ORANGE = QBrush(QColor("#a15c00"))
GREEN = QBrush(QColor("#2e7d32"))


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _boxed(title: str, *parts: object) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for part in parts:
        if isinstance(part, QHBoxLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part)  # type: ignore[arg-type]
    return box


class PairingTab(QWidget):
    gaps_changed = Signal(int)  # how many gaps in all, for the tab's badge
    message = Signal(str)

    PAIRS, GAPS, VISITS, SKILLS, SCHOOLS = range(5)

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, in_steps: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        self.overview: Overview | None = None
        self.steps_left = made_in_steps(self._construct(), in_steps)

    def _construct(self) -> Iterator[None]:
        """The tab in parts (``widgets.lazy_tabs``): in the window, one part a turn before it is first shown."""
        context = self.context
        # --- the gaps, always in view ---
        self.unpaired_button = QPushButton()
        self.quota_button = QPushButton()
        self.departed_button = QPushButton()
        self.overdue_button = QPushButton()
        for button in (self.unpaired_button, self.quota_button, self.departed_button, self.overdue_button):
            button.setFlat(True)
            button.clicked.connect(lambda _checked=False: self.sections.setCurrentIndex(self.GAPS))
        self.days_spin = QSpinBox()
        self.days_spin.setRange(1, 365)
        self.days_spin.setSuffix(self.tr(" days"))
        self.register_button = make_button("export.pairing_register", context, self)
        self.visit_sheets_button = make_button("export.visit_sheets", context, self)
        strip = QHBoxLayout()
        strip.addWidget(QLabel(self.tr("<b>Gaps:</b>")))
        for button in (self.unpaired_button, self.quota_button, self.departed_button, self.overdue_button):
            strip.addWidget(button)
        strip.addWidget(QLabel(self.tr("Visit at least every")))
        strip.addWidget(self.days_spin)
        strip.addStretch(1)
        strip.addWidget(self.register_button)
        strip.addWidget(self.visit_sheets_button)

        # --- helpers and their households ---
        self.staff_model: RecordTableModel[QuotaView] = RecordTableModel([
            Column(lambda: self.tr("Helper"), lambda q: q.staff),
            Column(lambda: self.tr("School"), lambda q: q.school),
            Column(lambda: self.tr("Role"), lambda q: q.role.label()),
            Column(lambda: self.tr("Households"), lambda q: f"{q.count} / {q.minimum}–{q.maximum}", align_center=True,
                   foreground=lambda q: {"under": ORANGE, "over": RED}.get(q.state, GREEN),
                   tooltip=lambda q: {"under": self.tr("Fewer households than the plan asks"),
                                      "over": self.tr("More households than the plan allows")}.get(q.state, "")),
            Column(lambda: self.tr("Phone"), lambda q: q.phone),
        ], parent=self)
        self.staff_table = record_table(self.staff_model, fit_contents=True)
        self.add_staff_button = make_button("pairing.add_staff", context, self)
        self.edit_staff_button = make_button("pairing.edit_staff", context, self)
        self.leave_button = make_button("pairing.leave", context, self)
        self.pairs_model: RecordTableModel[PairingView] = RecordTableModel([
            Column(lambda: self.tr("Household head"), lambda p: p.household_head),
            Column(lambda: self.tr("Village and group"), lambda p: p.village + p.group_name),
            Column(lambda: self.tr("Household category"), lambda p: HouseholdCategory(p.category).label()),
            Column(lambda: self.tr("Since"), lambda p: p.start_date.isoformat()),
            Column(lambda: self.tr("Until"), lambda p: p.end_date.isoformat() if p.end_date else "",
                   tooltip=lambda p: p.end_reason),
            Column(lambda: self.tr("Visits"), lambda p: p.visits, align_center=True),
            Column(lambda: self.tr("Last visit"), lambda p: p.last_visit.isoformat() if p.last_visit else
                   self.tr("never"), foreground=lambda p: RED if self._overdue(p) else None),
        ], parent=self)
        self.pairs_table = record_table(self.pairs_model, fit_contents=True)
        self.pair_button = make_button("pairing.pair", context, self)
        self.hand_over_button = make_button("pairing.hand_over", context, self)
        self.end_button = make_button("pairing.end", context, self)
        self.history_button = make_button("pairing.history", context, self)
        self.show_ended_check = QCheckBox(self.tr("Show ended pairings"))
        pairs_page = QSplitter()
        pairs_page.addWidget(_boxed(self.tr("Helpers (households against the plan's quota)"), self.staff_table,
                                    _buttons(self.add_staff_button, self.edit_staff_button, self.leave_button)))
        pairs_page.addWidget(_boxed(self.tr("Households of the selected helper"), self.pairs_table,
                                    _buttons(self.pair_button, self.hand_over_button, self.end_button,
                                             self.history_button, self.show_ended_check)))
        pairs_page.setSizes([560, 740])

        yield
        # --- the gaps in detail ---
        self.unpaired_model: RecordTableModel[HouseholdNeed] = RecordTableModel([
            Column(lambda: self.tr("Household head"), lambda h: h.head),
            Column(lambda: self.tr("Village and group"), lambda h: h.village + h.group_name),
            Column(lambda: self.tr("Household category"), lambda h: HouseholdCategory(h.category).label()),
            Column(lambda: self.tr("Phone"), lambda h: h.phone),
        ], parent=self)
        self.unpaired_table = record_table(self.unpaired_model, fit_contents=True)
        self.find_helper_button = make_button("pairing.find_helper", context, self)
        self.departed_model: RecordTableModel[PairingView] = RecordTableModel([
            Column(lambda: self.tr("Helper who left"), lambda p: p.staff),
            Column(lambda: self.tr("Household head"), lambda p: p.household_head),
            Column(lambda: self.tr("Village and group"), lambda p: p.village + p.group_name),
        ], parent=self)
        self.departed_table = record_table(self.departed_model, fit_contents=True)
        self.departed_hand_over_button = make_button("pairing.departed_hand_over", context, self)
        self.overdue_model: RecordTableModel[OverdueVisit] = RecordTableModel([
            Column(lambda: self.tr("Helper"), lambda o: o.pairing.staff),
            Column(lambda: self.tr("Household head"), lambda o: o.pairing.household_head),
            Column(lambda: self.tr("Last visit"), lambda o: o.pairing.last_visit.isoformat()
                   if o.pairing.last_visit else self.tr("never")),
            Column(lambda: self.tr("Days"), lambda o: o.days, align_center=True, foreground=lambda o: RED),
        ], parent=self)
        self.overdue_table = record_table(self.overdue_model, fit_contents=True)
        self.log_visit_button = make_button("pairing.log_visit", context, self)
        self.quota_model: RecordTableModel[QuotaView] = RecordTableModel([
            Column(lambda: self.tr("Helper"), lambda q: q.staff),
            Column(lambda: self.tr("School"), lambda q: q.school),
            Column(lambda: self.tr("Role"), lambda q: q.role.label()),
            Column(lambda: self.tr("Households"), lambda q: f"{q.count} / {q.minimum}–{q.maximum}", align_center=True,
                   foreground=lambda q: RED if q.state == "over" else ORANGE),
        ], parent=self)
        self.quota_table = record_table(self.quota_model, fit_contents=True)
        gaps_page = QWidget()
        gaps_layout = QHBoxLayout(gaps_page)
        left = QVBoxLayout()
        left.addWidget(_boxed(self.tr("Households to help without a helper"), self.unpaired_table,
                              _buttons(self.find_helper_button)), 3)
        left.addWidget(_boxed(self.tr("Pairs whose helper has left"), self.departed_table,
                              _buttons(self.departed_hand_over_button)), 2)
        right = QVBoxLayout()
        right.addWidget(_boxed(self.tr("Pairs with no recent visit"), self.overdue_table,
                               _buttons(self.log_visit_button)), 3)
        right.addWidget(_boxed(self.tr("Helpers over or under the quota"), self.quota_table), 2)
        gaps_layout.addLayout(left, 1)
        gaps_layout.addLayout(right, 1)

        yield
        # --- visits, skills, schools ---
        self.visit_panel = VisitPanel(context)
        self.skills_model: RecordTableModel[SkillsRow] = RecordTableModel([
            Column(lambda: self.tr("Household head"), lambda r: r.head_name),
            Column(lambda: self.tr("Village and group"), lambda r: r.village + r.group_name),
            Column(lambda: self.tr("Household category"), lambda r: HouseholdCategory(r.category).label()),
            Column(lambda: self.tr("Main labourers"), lambda r: "、".join(r.main_labourers) or self.tr("none recorded")),
            Column(lambda: self.tr("Practical skills learned"), lambda r: "；".join(r.skills) or self.tr("none"),
                   foreground=lambda r: None if r.has_skilled_labourer else RED),
        ], parent=self)
        self.skills_table = record_table(self.skills_model, fit_contents=True)
        self.skills_table.doubleClicked.connect(self._edit_household)
        self.without_skills_check = QCheckBox(self.tr("Only households with no skilled labourer"))
        self.skills_summary = QLabel()
        skills_page = QWidget()
        skills_layout = QVBoxLayout(skills_page)
        skills_row = QHBoxLayout()
        skills_row.addWidget(self.skills_summary, 1)
        skills_row.addWidget(self.without_skills_check)
        skills_layout.addLayout(skills_row)
        skills_layout.addWidget(self.skills_table, 1)
        skills_layout.addWidget(QLabel(self.tr("Double-click a household to record its labourers and their skills.")))

        yield
        self.schools_model: RecordTableModel[SchoolPairingView] = RecordTableModel([
            Column(lambda: self.tr("Helping school"), lambda p: p.helper_school),
            Column(lambda: self.tr("Paired school"), lambda p: p.school),
            Column(lambda: self.tr("Since"), lambda p: p.start_date.isoformat()),
            Column(lambda: self.tr("Until"), lambda p: p.end_date.isoformat() if p.end_date else ""),
            Column(lambda: self.tr("Goals"), lambda p: p.goals),
            Column(lambda: self.tr("Activities"), lambda p: p.activities, align_center=True),
        ], parent=self)
        self.schools_table = record_table(self.schools_model, fit_contents=True)
        self.activities_model: RecordTableModel[ActivityView] = RecordTableModel([
            Column(lambda: self.tr("Date"), lambda a: a.activity_date.isoformat()),
            Column(lambda: self.tr("School"), lambda a: a.school),
            Column(lambda: self.tr("Kind"), lambda a: a.kind.label()),
            Column(lambda: self.tr("What was done"), lambda a: a.description, tooltip=lambda a: a.description),
            Column(lambda: self.tr("Who took part"), lambda a: a.participants),
        ], parent=self)
        self.activities_table = record_table(self.activities_model, fit_contents=True)
        self.pair_school_button = make_button("pairing.pair_school", context, self)
        self.activity_button = make_button("pairing.activity", context, self)
        self.end_school_button = make_button("pairing.end_school", context, self)
        schools_page = QWidget()
        schools_layout = QVBoxLayout(schools_page)
        schools_layout.addWidget(_boxed(self.tr("The central school's party branch pairs one or two weak schools"),
                                        self.schools_table, _buttons(self.pair_school_button, self.activity_button,
                                                                     self.end_school_button)), 2)
        schools_layout.addWidget(_boxed(self.tr("Activity log"), self.activities_table), 3)

        yield
        self.sections = QTabWidget()
        self.sections.addTab(pairs_page, self.tr("Helpers and households"))
        self.sections.addTab(gaps_page, self.tr("Gaps"))
        self.sections.addTab(self.visit_panel, self.tr("Visit log"))
        self.sections.addTab(skills_page, self.tr("Labourers' skills"))
        self.sections.addTab(schools_page, self.tr("School pairing"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(strip)
        layout.addWidget(self.sections, 1)

        self.staff_table.selectionModel().selectionChanged.connect(self._staff_selected)
        self.show_ended_check.toggled.connect(lambda _on: self._show_pairs())
        self.without_skills_check.toggled.connect(lambda _on: self._show_skills())
        self.schools_table.selectionModel().selectionChanged.connect(lambda *_: self._show_activities())
        self.days_spin.editingFinished.connect(self._days_changed)
        self.days_editable = context.allows(Permission.EDIT_SETTINGS) and not context.db.read_only
        self.days_spin.setEnabled(False)  # until the overview says what the setting is
        self.visit_panel.saved.connect(lambda _id: self.message.emit(self.tr("Visit saved.")))
        context.changed.connect(self._data_changed)
        self.skills_rows: list[SkillsRow] | None = None
        self.loading = False
        self._reselecting = False
        self.overview_requests = Latest()
        self.skills_requests = Latest()
        # The skills overview reads every household (seconds at the size of a township): worked out in the
        # background when its page is shown. The tab itself fills when first shown, and after a change only
        # once someone looks (the window counts the badge).
        self.skills_when_shown = WhenShown(skills_page, self._load_skills)
        self.schools_when_shown = WhenShown(schools_page, self._show_schools)
        self.when_shown = WhenShown(self, self.refresh)

    # --- refreshing ------------------------------------------------------------------------------

    def _data_changed(self, changed: frozenset[str]) -> None:
        if Entity.touched(changed, Entity.PAIRING, Entity.HOUSEHOLD, Entity.TOWNSHIP):
            self.when_shown.changed()

    def refresh(self) -> None:
        """The overview reads every pairing and visit (seconds at the size of a township): worked out in
        the background; the gaps strip says so meanwhile."""
        self.loading = True
        for button in (self.unpaired_button, self.quota_button, self.departed_button, self.overdue_button):
            button.setText(self.tr("Counting…") if button is self.unpaired_button else "")
            button.setStyleSheet("")
        request = self.overview_requests.start()
        run_op(self.context, self, pairing.overview, self.context.today(), access=Access.READ, background=True,
               quiet=True, on_success=self.overview_requests.only(request, self._show_overview),
               on_failure=self.overview_requests.only(request, self._overview_failed))
        self.schools_when_shown.changed()
        self.visit_panel.when_shown.changed()
        self.skills_when_shown.changed()

    def _overview_failed(self, error: SchoolAidError) -> None:
        self.loading = False
        self.unpaired_button.setText(error.message)

    def _show_overview(self, overview: Overview) -> None:
        self.overview = overview
        self.days_spin.blockSignals(True)
        self.days_spin.setValue(overview.overdue_days)
        self.days_spin.blockSignals(False)
        self.days_spin.setEnabled(self.days_editable)
        self._set_gap(self.unpaired_button, self.tr("{n} households without a helper"), len(overview.unpaired))
        self._set_gap(self.quota_button, self.tr("{n} helpers off quota"),
                      len(overview.over_quota) + len(overview.under_quota))
        self._set_gap(self.departed_button, self.tr("{n} helpers who left"), len(overview.departed))
        self._set_gap(self.overdue_button, self.tr("{n} not visited for {days} days").replace(
            "{days}", str(overview.overdue_days)), len(overview.overdue))
        selected = self.selected_staff_id()
        self._reselecting = True  # the helper's households read once, below
        try:
            self.staff_model.set_rows(overview.quotas)
            self._reselect_staff(selected)
        finally:
            self._reselecting = False
        self.unpaired_model.set_rows(overview.unpaired)
        self.departed_model.set_rows(overview.departed)
        self.overdue_model.set_rows(overview.overdue)
        self.quota_model.set_rows(overview.over_quota + overview.under_quota)
        self._show_pairs()
        self.loading = False
        self.gaps_changed.emit(self.gap_count)

    @property
    def gap_count(self) -> int:
        return self.overview.gap_count if self.overview is not None else 0

    @staticmethod
    def _set_gap(button: QPushButton, text: str, count: int) -> None:
        button.setText(text.replace("{n}", str(count)))
        button.setStyleSheet("color:#c62828; font-weight:bold;" if count else "color:#2e7d32;")

    def _overdue(self, view: PairingView) -> bool:
        today = self.context.today()
        if self.overview is None or not view.is_active(today):
            return False
        since = view.last_visit or view.start_date
        return (today - since).days > self.overview.overdue_days

    # --- helpers and households ------------------------------------------------------------------

    def selected_staff_id(self) -> int | None:
        rows = self.staff_table.selectionModel().selectedRows()
        return self.staff_model.row_object(rows[0].row()).staff_id if rows else None

    def _reselect_staff(self, staff_id: int | None) -> None:
        for row in range(self.staff_model.rowCount()):
            if self.staff_model.row_object(row).staff_id == staff_id:
                self.staff_table.selectRow(row)
                return
        if self.staff_model.rowCount():
            self.staff_table.selectRow(0)

    def _staff_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._reselecting:
            self._show_pairs()

    def _show_pairs(self) -> None:
        staff_id = self.selected_staff_id()
        if staff_id is None:
            self.pairs_model.set_rows([])
            return
        active_on = None if self.show_ended_check.isChecked() else self.context.today()
        self.pairs_model.set_rows(self.context.query(pairing.list_pairings, active_on=active_on, staff_id=staff_id))

    def selected_pair(self) -> PairingView | None:
        rows = self.pairs_table.selectionModel().selectedRows()
        return self.pairs_model.row_object(rows[0].row()) if rows else None

    def pair_household(self) -> None:
        PairDialog(self.context, self.selected_staff_id(), parent=self).exec()

    def hand_over(self) -> None:
        self._on_pair(HandOverDialog)

    def end_pairing(self) -> None:
        self._on_pair(EndPairingDialog)

    def _on_pair(self, dialog_class: type) -> None:
        view = self.selected_pair()
        if view is None or view.end_date is not None:
            QMessageBox.information(self, self.tr("Pairing"), self.tr("Select an active pairing first."))
            return
        dialog_class(self.context, view, self).exec()

    def add_staff(self) -> None:
        StaffDialog(self.context, None, self).exec()

    def edit_staff(self) -> None:
        staff_id = self.selected_staff_id()
        if staff_id is not None:
            StaffDialog(self.context, staff_id, self).exec()

    def staff_leaves(self) -> None:
        staff_id = self.selected_staff_id()
        if staff_id is not None:
            LeaveDialog(self.context, staff_id, self).exec()

    def household_history(self) -> None:
        view = self.selected_pair()
        if view is not None:
            self.visit_panel.show_household(view.household_id)
            self.sections.setCurrentIndex(self.VISITS)

    # --- gaps ----------------------------------------------------------------------------------

    def find_helper(self) -> None:
        rows = self.unpaired_table.selectionModel().selectedRows()
        household_id = self.unpaired_model.row_object(rows[0].row()).household_id if rows else None
        PairDialog(self.context, None, household_id, self).exec()

    def hand_over_departed(self) -> None:
        rows = self.departed_table.selectionModel().selectedRows()
        if rows:
            HandOverDialog(self.context, self.departed_model.row_object(rows[0].row()), self).exec()

    def log_overdue_visit(self) -> None:
        rows = self.overdue_table.selectionModel().selectedRows()
        if not rows:
            return
        view = self.overdue_model.row_object(rows[0].row()).pairing
        self.sections.setCurrentIndex(self.VISITS)
        self.visit_panel.choose(view.staff_id, view.household_id)

    def _days_changed(self) -> None:
        if self.overview is not None and self.days_spin.value() != self.overview.overdue_days:
            run_op(self.context, self, pairing.set_overdue_days, self.days_spin.value(), affects={Entity.PAIRING})

    # --- skills and schools --------------------------------------------------------------------

    def _load_skills(self) -> None:
        self.skills_summary.setText(self.tr("Counting…"))
        self.skills_table.setEnabled(False)
        request = self.skills_requests.start()
        run_op(self.context, self, households.skills_overview, access=Access.READ, background=True, quiet=True,
               on_success=self.skills_requests.only(request, self._skills_loaded),
               on_failure=self.skills_requests.only(request, lambda error: self.skills_summary.setText(error.message)))

    def _skills_loaded(self, rows: list[SkillsRow]) -> None:
        self.skills_rows = rows
        self.skills_table.setEnabled(True)
        self._show_skills()

    def _show_skills(self) -> None:
        rows = self.skills_rows
        if rows is None:
            return
        without = [r for r in rows if not r.has_skilled_labourer]
        self.skills_summary.setText(self.tr(
            "{without} of {total} lifted and monitored households have no main labourer with a practical skill "
            "(the plan: one or two skills for one labourer in every household it helps).").format(
                without=len(without), total=len(rows)))
        self.skills_model.set_rows(without if self.without_skills_check.isChecked() else rows)

    def _edit_household(self) -> None:
        from schoolaid.ui.roster.household_dialog import HouseholdDialog

        rows = self.skills_table.selectionModel().selectedRows()
        if rows:
            HouseholdDialog(self.context, self.skills_model.row_object(rows[0].row()).household_id, self).exec()

    def _show_schools(self) -> None:
        self.schools_model.set_rows(self.context.query(school_pairing.list_pairings))
        self._show_activities()

    def _selected_school_pairing(self) -> SchoolPairingView | None:
        rows = self.schools_table.selectionModel().selectedRows()
        return self.schools_model.row_object(rows[0].row()) if rows else None

    def _show_activities(self) -> None:
        chosen = self._selected_school_pairing()
        self.end_school_button.setEnabled(chosen is not None and chosen.end_date is None)
        self.activities_model.set_rows(self.context.query(school_pairing.activities,
                                                          chosen.id if chosen else None))

    def pair_school(self) -> None:
        SchoolPairingDialog(self.context, self).exec()

    def log_activity(self) -> None:
        chosen = self._selected_school_pairing()
        if chosen is None:
            QMessageBox.information(self, self.tr("School pairing"), self.tr("Select a paired school first."))
            return
        ActivityDialog(self.context, chosen.id, chosen.school, self).exec()

    def end_school_pairing(self) -> None:
        chosen = self._selected_school_pairing()
        if chosen is None or chosen.end_date is not None:
            QMessageBox.information(self, self.tr("School pairing"), self.tr("Select a pairing still under way first."))
            return
        if EndSchoolPairingDialog(self.context, chosen, self).exec():
            self.message.emit(self.tr("The pairing with {school} has ended.").format(school=chosen.school))

    # --- output --------------------------------------------------------------------------------

    def _save_path(self, title: str, name: str) -> Path | None:
        from schoolaid.ui.roster.export_dialog import ask_workbook_path

        return ask_workbook_path(self, title, name)

    def export_register(self) -> None:
        path = self._save_path(self.tr("Pairing register"), f"{pairing_export.REGISTER_TITLE}_{self.context.today():%Y%m%d}.xlsx")
        if path is None:
            return
        run_op(self.context, self, pairing_export.export_register, path, self.context.today(), access=Access.READ_AS,
               background=True, title=self.tr("Pairing register"),
               on_success=lambda count: self.message.emit(self.tr(
                   "Pairing register of {n} pairs written to {path}.").format(n=count, path=path)))

    def export_visit_sheets(self) -> None:
        path = self._save_path(self.tr("Visit record sheets"),
                               f"{pairing_export.VISIT_SHEET_TITLE}_{self.context.today():%Y%m%d}.xlsx")
        if path is None:
            return
        run_op(self.context, self, pairing_export.export_visit_sheets, path, today=self.context.today(),
               access=Access.READ_AS, background=True, title=self.tr("Visit record sheets"),
               on_success=lambda count: self.message.emit(self.tr(
                   "Visit record sheets of {n} helpers written to {path}.").format(n=count, path=path)))
