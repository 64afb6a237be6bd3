"""The household panel beside the roster: who lives in the selected student's household, its
category (脱贫户, 防止返贫监测对象, 低保, 特困供养), the main labourers and their practical skills, and the
children at school."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts.permissions import Permission
from schoolaid.common.errors import NotFound
from schoolaid.common.vocabulary import Relation
from schoolaid.roster import households
from schoolaid.roster.categories import HouseholdCategory, MonitoringType, monitored_at_risk
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.households import ChildView, HouseholdView, MemberView
from schoolaid.ui.actions import make_button
from schoolaid.ui.context import AppContext
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table

_BADGE_COLOURS = {  # background, text
    "at risk": ("#fff4e5", "#8a4b00"),  # 防止返贫监测对象 whose risk is not removed
    HouseholdCategory.MONITORED.value: ("#e3f2fd", "#0d47a1"),  # risk removed: on record
    HouseholdCategory.LIFTED.value: ("#e8f5e9", "#1b5e20"),
    HouseholdCategory.GENERAL.value: ("#eeeeee", "#424242"),
}


def _relation_label(value: str) -> str:
    try:
        return Relation(value).label()
    except ValueError:
        return value



class HouseholdPanel(QWidget):
    open_student = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.household_id: int | None = None
        self._student_name = ""
        self.view: HouseholdView | None = None

        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.badge = QLabel()
        self.assistance_badge = QLabel()  # 低保, 特困供养
        self.assistance_badge.setStyleSheet("background:#6a1b9a;color:white;border-radius:3px;padding:2px 8px;")
        title_row = QHBoxLayout()
        title_row.addWidget(self.title)
        title_row.addWidget(self.badge)
        title_row.addWidget(self.assistance_badge)
        title_row.addStretch(1)
        self.details = QLabel()
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.members_model: RecordTableModel[MemberView] = RecordTableModel([
            Column(lambda: self.tr("Member"), lambda m: m.name),
            Column(lambda: self.tr("Relation"), lambda m: _relation_label(m.relation)),
            Column(lambda: self.tr("Born"), lambda m: m.birth_year or "", align_center=True),
            Column(lambda: self.tr("Work"), lambda m: m.work),
            Column(lambda: self.tr("Skills"),
                   lambda m: "、".join(s.skill for s in m.skills) or ("—" if m.is_main_labourer else ""),
                   tooltip=lambda m: "\n".join(
                       f"{s.skill} {s.year or ''} {s.organiser}".strip() for s in m.skills)),
        ], parent=self)
        self.children_model: RecordTableModel[ChildView] = RecordTableModel([
            Column(lambda: self.tr("Child"), lambda c: c.name),
            Column(lambda: self.tr("Age"), lambda c: c.age if c.age is not None else "", align_center=True),
            Column(lambda: self.tr("School and grade"), lambda c: f"{c.school} {c.grade_label}"),
            Column(lambda: self.tr("Status"), lambda c: c.status.label(), align_center=True,
                   foreground=lambda c: None if c.status is EnrollmentStatus.ENROLLED else QBrush(QColor("#c62828"))),
        ], parent=self)
        self.members_table = record_table(self.members_model, fit_contents=True)
        self.children_table = record_table(self.children_model, fit_contents=True)
        self.children_table.doubleClicked.connect(
            lambda index: self.open_student.emit(self.children_model.row_object(index.row()).student_id))
        self.labourer_note = QLabel()
        self.labourer_note.setWordWrap(True)

        self.edit_button = make_button("roster.household", context, self)
        self.new_button = make_button("households.new", context, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)

        self.members_label = QLabel(self.tr("<b>Members and main labourers</b>"))
        self.children_label = QLabel(self.tr("<b>Children on the roster</b> (double-click to open)"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(title_row)
        layout.addWidget(self.details)
        layout.addWidget(self.members_label)
        layout.addWidget(self.members_table, 2)
        layout.addWidget(self.labourer_note)
        layout.addWidget(self.children_label)
        layout.addWidget(self.children_table, 1)
        layout.addLayout(buttons)
        self.show_household(None)

    def show_household(self, household_id: int | None, student_name: str = "") -> None:
        self.household_id = household_id
        self._student_name = student_name
        self.refresh()

    def refresh(self) -> None:
        view = None
        if self.household_id is not None:
            try:
                view = self.context.query(households.view, self.household_id, self.context.today())
            except NotFound:
                self.household_id = None
        self.view = view
        has_view = view is not None
        for widget in (self.members_table, self.children_table, self.members_label, self.children_label, self.badge):
            widget.setVisible(has_view)
        self.edit_button.setEnabled(has_view)  # shown or not by role (ui/actions.py)
        assistance = [] if view is None else [label for flag, label in (
            (view.dibao, self.tr("Minimum living allowance")), (view.tekun, self.tr("Extreme-poverty support")))
            if flag]
        self.assistance_badge.setText("、".join(assistance))
        self.assistance_badge.setVisible(bool(assistance))
        if view is None:
            self.title.setText(self.tr("<h3>Household</h3>"))
            if self._student_name:
                self.details.setText(self.tr(
                    "No household is recorded for {name}. Open the student (double-click) to choose the "
                    "household or create it.").format(name=escape(self._student_name)))
            else:
                self.details.setText(self.tr("Select a student to see the household: members, category, "
                                             "main labourers and their practical skills."))
            self.labourer_note.clear()
            self.members_model.set_rows([])
            self.children_model.set_rows([])
            return
        today = self.context.today()
        at_risk = monitored_at_risk(view, today)
        background, text = _BADGE_COLOURS["at risk" if at_risk else view.category]
        self.badge.setStyleSheet(f"background:{background};color:{text};border-radius:3px;padding:2px 8px;")
        label = HouseholdCategory(view.category).label()
        if view.category == HouseholdCategory.MONITORED.value and not at_risk:
            label = self.tr("{category} (risk removed)").format(category=label)
        self.badge.setText(label)
        self.title.setText(self.tr("<h3>Household of {head}</h3>").format(head=escape(view.head_name)))
        lines = [self.tr("Village: {village} {group}").format(village=escape(view.village), group=escape(view.group_name))]
        if view.is_poor_village:
            lines[0] += self.tr(" (poor village)")
        if view.lifted_year:
            lines.append(self.tr("Lifted out of poverty in {year}").format(year=view.lifted_year))
        if view.category == HouseholdCategory.MONITORED.value:
            kind = MonitoringType(view.monitoring_type).label() if view.monitoring_type else self.tr("type not recorded")
            identified = view.monitoring_identified_on.isoformat() if view.monitoring_identified_on else "—"
            line = self.tr("Monitored: {kind}, identified {date}").format(kind=escape(kind), date=identified)
            if view.risk_removed_on is not None:
                line += self.tr("; risk removed {date}").format(date=view.risk_removed_on.isoformat())
            lines.append(line)
        # Phones and addresses only for those whose role needs them (PIPL: a minor's family).
        private = not self.context.allows(Permission.VIEW_FULL_ID)
        if view.phone:
            phone = mask_phone(view.phone) if private else view.phone
            lines.append(self.tr("Phone: {phone}").format(phone=escape(phone)))
        if view.address and not private:
            lines.append(escape(view.address))
        self.details.setText("<br>".join(lines))
        self.members_model.set_rows(view.members)
        self.children_model.set_rows(view.children)
        if view.category != HouseholdCategory.GENERAL.value and not view.has_skilled_labourer:
            self.labourer_note.setText(self.tr(
                '<span style="color:#b71c1c;">No main labourer has learned a practical skill yet '
                '(the plan: one or two skills per household it helps).</span>'))
        else:
            self.labourer_note.clear()

    def edit_household(self) -> None:
        if self.household_id is None:
            return
        from schoolaid.ui.roster.household_dialog import HouseholdDialog

        HouseholdDialog(self.context, self.household_id, self).exec()

    def new_household(self) -> None:
        from schoolaid.ui.roster.household_dialog import HouseholdDialog

        HouseholdDialog(self.context, None, self).exec()


def mask_phone(phone: str) -> str:
    digits = phone.strip()
    return digits[:3] + "*" * max(len(digits) - 7, 0) + digits[-4:] if len(digits) > 7 else "****"
