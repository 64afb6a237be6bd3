"""One plan per child (一人一案) in the dropout tab: the case panel's plan and follow-up log, the plan's
dialog (the responsible people, the cause, the measures), the follow-up's dialog, and the placement
fields the close dialog asks for when the child is back at school."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.vocabulary import StaffRole
from schoolaid.dropout import case_plans
from schoolaid.dropout.case_files import CaseView
from schoolaid.dropout.case_plans import (
    FollowUpEntry,
    FollowUpKind,
    FollowUpState,
    FollowUpView,
    Placement,
    PlanForm,
)
from schoolaid.dropout.vocabulary import CaseStatus, Reason
from schoolaid.pairing import staff
from schoolaid.ui.actions import make_button
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of
from schoolaid.ui.widgets.table_models import Column, RecordTableModel, local_time
from schoolaid.ui.widgets.table_views import record_table

RED = QBrush(QColor("#c62828"))
GREY = QBrush(QColor("#6d6d6d"))


class PlacementFields:
    """Where the child is placed on return: the choice (none at first: it must be made) and the grade
    of 插班."""

    def __init__(self, grade: int) -> None:
        self.combo = QComboBox()
        self.combo.addItem(QCoreApplication.translate("PlacementFields", "— choose —"), None)
        for placement in Placement:
            self.combo.addItem(placement.label(), placement.value)
        self.grade_spin = QSpinBox()
        self.grade_spin.setRange(1, 9)
        self.grade_spin.setValue(max(1, min(9, grade)))
        self.form: QFormLayout | None = None
        self.shown = True
        self.combo.currentIndexChanged.connect(lambda _i: self._show())

    def add_to(self, form: QFormLayout) -> None:
        self.form = form
        form.addRow(QCoreApplication.translate("PlacementFields", "Placed on return"), self.combo)
        form.addRow(QCoreApplication.translate("PlacementFields", "Grade joined (插班)"), self.grade_spin)
        self._show()

    def set_visible(self, shown: bool) -> None:
        self.shown = shown
        self._show()

    def _show(self) -> None:
        inserted = self.shown and self.combo.currentData() == Placement.INSERTED.value
        for widget, visible in ((self.combo, self.shown), (self.grade_spin, inserted)):
            widget.setVisible(visible)
            if self.form is not None and (label := self.form.labelForField(widget)) is not None:
                label.setVisible(visible)

    def placement(self) -> str | None:
        return self.combo.currentData()

    def grade(self) -> int | None:
        return self.grade_spin.value() if self.placement() == Placement.INSERTED.value else None


def _staff_combo(context: AppContext, school_id: int, leaders: bool) -> QComboBox:
    """An editable list of the staff (the case's school first; leaders first for the leader): a name
    typed that the staff table does not have is kept as a name."""
    combo = QComboBox()
    combo.setEditable(True)
    members = context.query(staff.list_staff)
    members.sort(key=lambda m: (m.school_id != school_id, leaders and m.role not in (StaffRole.PRINCIPAL,
                                                                                    StaffRole.LEADERSHIP)))
    combo.addItem("", None)
    for member in members:
        combo.addItem(member.name, member.id)
        combo.setItemData(combo.count() - 1, f"{member.school} {member.role.label()}", Qt.ItemDataRole.ToolTipRole)
    return combo


def _set_person(combo: QComboBox, name: str, staff_id: int | None) -> None:
    index = combo.findData(staff_id) if staff_id is not None else -1
    if index >= 0:
        combo.setCurrentIndex(index)
    else:
        combo.setEditText(name)


def _person(combo: QComboBox) -> tuple[str, int | None]:
    name = combo.currentText().strip()
    staff_id = combo.currentData()
    return (name, staff_id) if staff_id is not None and combo.itemText(combo.currentIndex()) == name else (name, None)


class PlanDialog(FormDialog):
    """The case's plan (一人一案): saved as a new revision, the earlier ones kept."""

    def __init__(self, context: AppContext, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Plan for the child (一人一案)"), parent)
        self.case = case
        form = context.query(case_plans.plan_form, case.id)
        self.leader_combo = _staff_combo(context, case.school_id, leaders=True)
        self.teacher_combo = _staff_combo(context, case.school_id, leaders=False)
        _set_person(self.leader_combo, form.leader, form.leader_staff_id)
        _set_person(self.teacher_combo, form.teacher, form.teacher_staff_id)
        self.cadre_edit = QLineEdit(form.cadre)
        self.cadre_edit.setPlaceholderText(self.tr("e.g. 波西村委会 张主任"))
        self.cause_combo = QComboBox()
        for reason in Reason:
            self.cause_combo.addItem(reason.label(), reason.value)
        self.cause_combo.setCurrentIndex(max(0, self.cause_combo.findData(form.cause)))
        self.measures_edit = QPlainTextEdit(form.measures)
        self.measures_edit.setMinimumHeight(90)
        self.form.addRow(self.tr("Case"), QLabel(self.tr("No. {id}: {name} ({school} {grade})").format(
            id=case.id, name=case.student, school=case.school, grade=case.grade)))
        self.form.addRow(self.tr("School leader responsible"), self.leader_combo)
        self.form.addRow(self.tr("Teacher responsible"), self.teacher_combo)
        self.form.addRow(self.tr("Village cadre responsible"), self.cadre_edit)
        self.form.addRow(self.tr("Cause"), self.cause_combo)
        self.form.addRow(self.tr("Measures"), self.measures_edit)
        note = QLabel(self.tr("Each change is kept as a new revision of the plan; the earlier ones stay on the case."))
        note.setWordWrap(True)
        self.form.addRow(note)
        bind = self.field_errors.bind  # the names of case_plans.save_plan's problems
        bind("leader", self.leader_combo, required=True)
        bind("teacher", self.teacher_combo, required=True)
        bind("cadre", self.cadre_edit)
        bind("cause", self.cause_combo, required=True)
        bind("measures", self.measures_edit, required=True)
        self.resize(560, self.sizeHint().height())

    def submit(self) -> bool:
        leader, leader_id = _person(self.leader_combo)
        teacher, teacher_id = _person(self.teacher_combo)
        form = PlanForm(leader, teacher, self.cadre_edit.text(), self.cause_combo.currentData(),
                        self.measures_edit.toPlainText(), leader_id, teacher_id)
        return self.run(case_plans.save_plan, self.case.id, form, today=self.context.today(),
                        affects={Entity.DROPOUT}).succeeded


class FollowUpDialog(FormDialog):
    """A follow-up of a child back at school: the day, who, how the child is doing, attending or not."""

    def __init__(self, context: AppContext, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Follow-up after the return"), parent)
        self.case = case
        plan = context.query(case_plans.current_plan, case.id)
        self.date_edit = date_edit(context.today())
        self.by_edit = QLineEdit(plan.teacher if plan is not None else "")
        self.note_edit = QPlainTextEdit()
        self.note_edit.setPlaceholderText(self.tr("How the child is doing: attendance, studies, mood, the family"))
        self.note_edit.setMinimumHeight(80)
        self.attending_check = QCheckBox(self.tr("Attending school"))
        self.attending_check.setChecked(True)
        self.form.addRow(self.tr("Case"), QLabel(self.tr("No. {id}: {name}").format(id=case.id, name=case.student)))
        self.form.addRow(self.tr("Date"), self.date_edit)
        self.form.addRow(self.tr("Followed up by"), self.by_edit)
        self.form.addRow(self.tr("How the child is doing"), self.note_edit)
        self.form.addRow("", self.attending_check)
        absent_note = QLabel(self.tr("A child away again without reason: record the absence in the Absences page; "
                                     "within the follow-up period it reopens this case."))
        absent_note.setWordWrap(True)
        self.form.addRow(absent_note)
        bind = self.field_errors.bind  # the names of case_plans.log_follow_up's problems
        bind("follow_date", self.date_edit, required=True)
        bind("followed_by", self.by_edit, required=True)
        bind("note", self.note_edit, required=True)

    def submit(self) -> bool:
        entry = FollowUpEntry(date_of(self.date_edit), self.by_edit.text(), self.note_edit.toPlainText(),
                              self.attending_check.isChecked())
        return self.run(case_plans.log_follow_up, self.case.id, entry, today=self.context.today(),
                        affects={Entity.DROPOUT}).succeeded


class CasePlanPanel(QWidget):
    """The plan in force and the follow-up log of the case chosen in the dropout tab."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.case: CaseView | None = None
        self.plan_label = QLabel()
        self.plan_label.setWordWrap(True)
        self.plan_label.setTextFormat(Qt.TextFormat.RichText)
        self.plan_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.follow_label = QLabel()
        self.follow_label.setWordWrap(True)
        self.follow_label.setTextFormat(Qt.TextFormat.RichText)
        self.follow_model: RecordTableModel[FollowUpView] = RecordTableModel([
            Column(lambda: self.tr("Date"), lambda f: f.follow_date.isoformat(), align_center=True),
            Column(lambda: self.tr("Followed up by"), lambda f: f.followed_by),
            Column(lambda: self.tr("How the child is doing"), lambda f: f.note, tooltip=lambda f: f.note,
                   foreground=lambda f: RED if f.kind is FollowUpKind.REOPENED else None),
            Column(lambda: self.tr("Attending"), lambda f: "" if f.kind is FollowUpKind.REOPENED else (
                self.tr("Yes") if f.attending else self.tr("No")), align_center=True,
                foreground=lambda f: None if f.attending else RED),
            Column(lambda: self.tr("Written by"), lambda f: f"{f.recorded_by} {local_time(f.recorded_at)}",
                   foreground=lambda f: GREY),
        ], parent=self)
        self.follow_table = record_table(self.follow_model, fit_contents=True)
        self.follow_table.setMaximumHeight(100)
        self.plan_button = make_button("dropout.plan", context, self)
        self.follow_button = make_button("dropout.follow_up", context, self)
        self.print_button = make_button("dropout.print_plan", context, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.follow_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.follow_label)
        layout.addWidget(self.follow_table)
        layout.addLayout(buttons)
        self.show_case(None)

    def show_case(self, case: CaseView | None) -> None:
        self.case = case
        if case is None:
            self.plan_label.setText("")
            self.follow_label.setText("")
            self.follow_model.set_rows([])
            self.follow_table.setVisible(False)
            self.plan_button.setEnabled(False)
            self.follow_button.setEnabled(False)
            self.print_button.setEnabled(False)
            return
        today = self.context.today()
        plan = self.context.query(case_plans.current_plan, case.id)
        revisions = len(self.context.query(case_plans.plan_history, case.id)) if plan is not None else 0
        if plan is None:
            self.plan_label.setText(self.tr("<b>Plan (一人一案)</b>: <span style='color:#c62828'>none yet</span> — "
                                            "name the school leader, the teacher and the village cadre responsible."))
        else:
            text = self.tr("<b>Plan (一人一案)</b>, revision {n}: leader {leader}, teacher {teacher}, village cadre "
                           "{cadre}; cause: {cause}. Measures: {measures}").format(
                n=revisions, leader=html.escape(plan.leader or "—"), teacher=html.escape(plan.teacher or "—"),
                cadre=html.escape(plan.cadre or "—"), cause=plan.cause.label(),
                measures=html.escape(plan.measures or "—"))
            if plan.placement_label:
                text += " " + self.tr("Placement on return: <b>{placement}</b>.").format(
                    placement=html.escape(plan.placement_label))
            self.plan_label.setText(text)
        entries = self.context.query(case_plans.follow_ups, case.id)
        state = self.context.query(case_plans.follow_up_state, case.id)
        self.follow_label.setText(self._follow_text(state, today) if state is not None else "")
        self.follow_model.set_rows(entries)
        self.follow_table.setVisible(bool(entries) or state is not None)
        self.plan_button.setEnabled(True)
        self.follow_button.setEnabled(case.status is CaseStatus.RETURNED)
        self.print_button.setEnabled(True)

    def _follow_text(self, state: FollowUpState, today: dt.date) -> str:
        counts = {"done": state.done, "n": len(state.due_dates), "back": state.return_date.isoformat(),
                  "end": state.period_end.isoformat()}
        if state.completed:
            return self.tr("<b>Follow-up</b>: back since {back}, followed up {done} of {n} times — "
                           "<span style='color:#2e7d32'>consolidated (巩固完成)</span>, no longer followed.").format(**counts)
        if state.missed(today):
            return self.tr("<b>Follow-up</b>: back since {back}; the period ended on {end} with {done} of {n} "
                           "follow-ups entered.").format(**counts)
        due = state.next_due.isoformat() if state.next_due else ""
        if state.is_due(today):
            due = f"<span style='color:#c62828'><b>{due}</b></span>"
        return self.tr("<b>Follow-up</b>: back since {back}, followed up {done} of {n} times until {end}; the next "
                       "is due on {due}. A new absence until {end} reopens this case.").format(due=due, **counts)

    def edit_plan(self) -> None:
        if self.case is not None:
            PlanDialog(self.context, self.case, self).exec()

    def add_follow_up(self) -> None:
        if self.case is not None:
            FollowUpDialog(self.context, self.case, self).exec()

    def print_plan(self) -> None:
        """The case's plan on paper (一人一案登记表), written off the GUI thread and previewed."""
        from schoolaid.dropout import plan_pdf
        from schoolaid.ui.operations import Access, run_op
        from schoolaid.ui.widgets.pdf_preview import preview_path, show_preview

        if self.case is None:
            return
        title = self.tr("Plan (一人一案)")
        file_name = f"一人一案_{self.case.student}.pdf"
        path = preview_path(file_name)
        run_op(self.context, self, plan_pdf.write_plan, path, self.context.today(), self.case.id,
               access=Access.READ_AS, background=True, title=title,
               on_success=lambda _pages: show_preview(self, path, title, file_name))
