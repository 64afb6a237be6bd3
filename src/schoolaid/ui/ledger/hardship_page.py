"""The assessment of need (家庭经济困难学生认定) in the ledger tab: the school year's assessments and the
priority-group students not yet assessed, filtered by status and school; propose and confirm the
priority groups, applications, the class review, the decision, the 公示 with its table, on file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.school_calendar import SchoolYear
from schoolaid.ledger import hardship, hardship_printouts
from schoolaid.ledger.hardship import AssessmentView
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.township import township
from schoolaid.ui.actions import make_button
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import Access, run_op
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table
from schoolaid.ui.widgets.when_shown import WhenShown


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else ""


class HardshipPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.year_combo = QComboBox()
        this_year = SchoolYear.containing(context.today())
        for year in (this_year, this_year.previous()):
            self.year_combo.addItem(year.label, year.start_year)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Every status"), "")
        for status in hardship.STATUSES:
            self.status_combo.addItem(status, status)
        self.school_combo = QComboBox()
        self.model: RecordTableModel[AssessmentView] = RecordTableModel([
            Column(lambda: self.tr("Name"), lambda v: v.name),
            Column(lambda: self.tr("School"), lambda v: v.school),
            Column(lambda: self.tr("Class"), lambda v: f"{v.grade}{v.class_name}"),
            Column(lambda: self.tr("Status"), lambda v: v.status, align_center=True),
            Column(lambda: self.tr("Level"), lambda v: v.level, align_center=True),
            Column(lambda: self.tr("Basis"), lambda v: v.basis),
            Column(lambda: self.tr("Applied"), lambda v: _day(v.applied_on), align_center=True),
            Column(lambda: self.tr("Decided"), lambda v: _day(v.decided_on), align_center=True),
            Column(lambda: self.tr("Public notice"), lambda v: f"{_day(v.publicity_from)} — {_day(v.publicity_to)}"
                   if v.publicity_from else ""),
            Column(lambda: self.tr("On file"), lambda v: _day(v.filed_on), align_center=True),
        ], parent=self)
        self.table = record_table(self.model, fit_contents=True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = {action: make_button(f"hardship.{action}", context, self) for action in (
            "propose", "confirm", "apply", "review", "decide", "adjust", "revoke", "publicity", "print_publicity",
            "file", "print_form")}
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        for widget in (QLabel(self.tr("School year")), self.year_combo, QLabel(self.tr("Status")), self.status_combo,
                       QLabel(self.tr("School")), self.school_combo):
            filters.addWidget(widget)
        filters.addStretch(1)
        layout.addLayout(filters)
        layout.addWidget(QLabel(self.tr(
            "Once a school year, adjusted each term (教财〔2018〕16号): the priority groups are proposed by rule and "
            "confirmed in one action; others apply. The notice shows only name, school, grade, class and level.")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        for group in (("propose", "confirm", "apply", "review", "decide", "adjust", "revoke"),
                      ("publicity", "print_publicity", "file", "print_form")):
            row = QHBoxLayout()
            for action in group:
                row.addWidget(self.buttons[action])
            row.addStretch(1)
            layout.addLayout(row)
        for combo in (self.year_combo, self.status_combo, self.school_combo):
            combo.currentIndexChanged.connect(lambda _i: self.show_assessments())
        self.table.doubleClicked.connect(lambda _index: self.decide())
        context.changed.connect(self._data_changed)
        self.when_shown = WhenShown(self, self.refresh)

    # --- showing -----------------------------------------------------------------------------------

    def _data_changed(self, changed: frozenset[str]) -> None:
        if Entity.touched(changed, Entity.LEDGER, Entity.STUDENT, Entity.HOUSEHOLD, Entity.TOWNSHIP):
            self.when_shown.changed()

    def refresh(self) -> None:
        current = self.school_combo.currentData()
        self.school_combo.blockSignals(True)
        self.school_combo.clear()
        self.school_combo.addItem(self.tr("All schools"), None)
        for school in self.context.query(township.list_schools):
            self.school_combo.addItem(school.name, school.id)
        self.school_combo.setCurrentIndex(max(0, self.school_combo.findData(current)))
        self.school_combo.blockSignals(False)
        self.show_assessments()

    @property
    def school_year(self) -> int:
        return int(self.year_combo.currentData())

    def show_assessments(self) -> None:
        views = self.context.query(hardship.list_assessments, self.school_year, self.context.today(),
                                   status=self.status_combo.currentData() or "",
                                   school_id=self.school_combo.currentData())
        self.model.set_rows(views)
        counts: dict[str, int] = {}
        for view in views:
            counts[view.status] = counts.get(view.status, 0) + 1
        self.summary.setText(self.tr("{n} students: {counts}.").format(
            n=len(views), counts="，".join(f"{status} {counts[status]}" for status in hardship.STATUSES
                                          if status in counts) or "—"))

    def selected(self) -> AssessmentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_object(rows[0].row()) if rows else None

    def _selected_assessment(self) -> AssessmentView | None:
        view = self.selected()
        if view is None or view.id is None:
            QMessageBox.information(self, self.tr("Assessment of need"), self.tr(
                "Select an assessment first (a student not yet assessed is proposed or applies first)."))
            return None
        return view

    # --- the steps ----------------------------------------------------------------------------------

    def propose(self) -> None:
        run_op(self.context, self, hardship.propose, self.school_year, self.context.today(), affects={Entity.LEDGER},
               on_success=lambda result: QMessageBox.information(self, self.tr("Propose the priority groups"), self.tr(
                   "{n} students of the priority groups proposed; {already} already had an assessment this school "
                   "year.").format(n=result.proposed, already=result.already)))

    def confirm_proposed(self) -> None:
        ConfirmDialog(self.context, self.school_year, self.school_combo.currentData(), self).exec()

    def apply(self) -> None:
        from schoolaid.ui.widgets.student_picker import StudentPicker

        view = self.selected()
        if view is not None and view.id is None:
            student_id, name = view.student_id, view.name
        else:
            picker = StudentPicker(self.context, {EnrollmentStatus.ENROLLED}, self)
            if not picker.exec() or picker.chosen is None:
                return
            student_id, name = picker.chosen.id, picker.chosen.name
        ApplyDialog(self.context, self.school_year, student_id, name, self).exec()

    def review(self) -> None:
        view = self._selected_assessment()
        if view is not None:
            ReviewDialog(self.context, view, self).exec()

    def decide(self) -> None:
        view = self._selected_assessment()
        if view is not None:
            DecideDialog(self.context, view, self).exec()

    def adjust(self) -> None:
        view = self._selected_assessment()
        if view is not None:
            AdjustDialog(self.context, view, self).exec()

    def revoke(self) -> None:
        view = self._selected_assessment()
        if view is not None:
            RevokeDialog(self.context, view, self).exec()

    def publicity(self) -> None:
        dialog = PublicityDialog(self.context, self.school_year, self.school_combo.currentData(), self)
        if dialog.exec() and dialog.publicity_id is not None:
            self.print_notice(dialog.publicity_id)

    def print_publicity(self) -> None:
        view = self.selected()
        if view is None or view.publicity_id is None:
            QMessageBox.information(self, self.tr("Assessment of need"), self.tr(
                "Select a student on notice (公示中) or on file to print their notice."))
            return
        self.print_notice(view.publicity_id)

    def print_notice(self, publicity_id: int) -> None:
        from schoolaid.ui.widgets.pdf_preview import preview_path, show_preview

        title, name = self.tr("Notice of the assessment"), f"家庭经济困难学生认定公示_{publicity_id}.pdf"
        path = preview_path(name)
        run_op(self.context, self, hardship_printouts.write_publicity, publicity_id, path, self.context.today(),
               access=Access.READ_AS, background=True, title=title,
               on_success=lambda _pages: show_preview(self, path, title, name))

    def file_publicity(self) -> None:
        view = self.selected()
        if view is None or view.publicity_id is None or view.status != hardship.IN_PUBLICITY:
            QMessageBox.information(self, self.tr("Assessment of need"), self.tr(
                "Select a student on notice (公示中): their whole notice goes on file."))
            return
        FileDialog(self.context, view.publicity_id, self).exec()

    def print_form(self) -> None:
        from schoolaid.ui.widgets.pdf_preview import preview_path, show_preview

        view = self.selected()
        if view is None:
            QMessageBox.information(self, self.tr("Assessment of need"), self.tr("Select a student first."))
            return
        title, name = self.tr("Application form"), f"家庭经济困难学生认定申请表_{view.name}.pdf"
        path = preview_path(name)
        run_op(self.context, self, hardship_printouts.write_application, view.student_id, self.school_year, path,
               self.context.today(), access=Access.READ_AS, background=True, title=title,
               on_success=lambda _pages: show_preview(self, path, title, name))


def _level_combo(context: AppContext, current: str = "", *, not_passed: bool = False) -> QComboBox:
    combo = QComboBox()
    for level in context.query(hardship.levels):
        combo.addItem(level, level)
    if not_passed:
        combo.addItem(hardship.REJECTED, "")
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class ConfirmDialog(FormDialog):
    """Decide every application proposed by rule at one level, in one action."""

    def __init__(self, context: AppContext, school_year: int, school_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Confirm the proposed"), parent)
        self.school_year, self.school_id = school_year, school_id
        waiting = [v for v in context.query(hardship.list_assessments, school_year, context.today(),
                                            school_id=school_id, include_pending=False)
                   if v.proposed and v.status in (hardship.APPLIED, hardship.REVIEWED)]
        self.level_combo = _level_combo(context, "困难")
        self.date_edit = date_edit(context.today())
        self.form.addRow(QLabel(self.tr("{n} applications proposed by rule are waiting; each keeps its priority groups "
                                        "as its basis.").format(n=len(waiting))))
        self.form.addRow(self.tr("Level"), self.level_combo)
        self.form.addRow(self.tr("Decided on"), self.date_edit)
        self.field_errors.bind("level", self.level_combo, required=True)
        self.field_errors.bind("decided_on", self.date_edit, required=True)

    def submit(self) -> bool:
        return self.run(hardship.confirm_proposed, self.school_year, self.level_combo.currentData(),
                        date_of(self.date_edit), today=self.context.today(), school_id=self.school_id,
                        affects={Entity.LEDGER}).succeeded


class ApplyDialog(FormDialog):
    def __init__(self, context: AppContext, school_year: int, student_id: int, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Application of {name}").format(name=name), parent)
        self.school_year, self.student_id = school_year, student_id
        self.reasons_edit = QLineEdit()
        self.reasons_edit.setMinimumWidth(360)
        self.date_edit = date_edit(context.today())
        self.form.addRow(self.tr("Reasons the family gives"), self.reasons_edit)
        self.form.addRow(self.tr("Applied on"), self.date_edit)
        self.field_errors.bind("reasons", self.reasons_edit, required=True)
        self.field_errors.bind("applied_on", self.date_edit, required=True)

    def submit(self) -> bool:
        return self.run(hardship.apply, self.student_id, self.school_year, self.reasons_edit.text(),
                        date_of(self.date_edit), today=self.context.today(), affects={Entity.LEDGER}).succeeded


class ReviewDialog(FormDialog):
    def __init__(self, context: AppContext, view: AssessmentView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Class review of {name}").format(name=view.name), parent)
        self.view = view
        self.note_edit = QLineEdit()
        self.date_edit = date_edit(context.today())
        self.form.addRow(self.tr("What the review found"), self.note_edit)
        self.form.addRow(self.tr("Reviewed on"), self.date_edit)
        self.field_errors.bind("note", self.note_edit)
        self.field_errors.bind("reviewed_on", self.date_edit, required=True)

    def submit(self) -> bool:
        return self.run(hardship.review, self.view.id, date_of(self.date_edit), self.note_edit.text(),
                        today=self.context.today(), affects={Entity.LEDGER}).succeeded


class DecideDialog(FormDialog):
    def __init__(self, context: AppContext, view: AssessmentView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Decision on {name}").format(name=view.name), parent)
        self.view = view
        self.level_combo = _level_combo(context, view.level, not_passed=True)
        self.basis_edit = QLineEdit(view.basis or view.priority_groups or view.reasons)
        self.basis_edit.setMinimumWidth(360)
        self.date_edit = date_edit(context.today())
        self.form.addRow(self.tr("Level"), self.level_combo)
        self.form.addRow(self.tr("Basis (or why not passed)"), self.basis_edit)
        self.form.addRow(self.tr("Decided on"), self.date_edit)
        self.field_errors.bind("level", self.level_combo, required=True)
        self.field_errors.bind("basis", self.basis_edit, required=True)
        self.field_errors.bind("decided_on", self.date_edit, required=True)

    def submit(self) -> bool:
        return self.run(hardship.decide, self.view.id, self.level_combo.currentData(), date_of(self.date_edit),
                        self.basis_edit.text(), today=self.context.today(), affects={Entity.LEDGER}).succeeded


class AdjustDialog(FormDialog):
    def __init__(self, context: AppContext, view: AssessmentView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Adjust the level of {name}").format(name=view.name), parent)
        self.view = view
        self.level_combo = _level_combo(context, view.level)
        self.reason_edit = QLineEdit()
        self.form.addRow(self.tr("New level"), self.level_combo)
        self.form.addRow(self.tr("Why it changes"), self.reason_edit)
        self.field_errors.bind("level", self.level_combo, required=True)
        self.field_errors.bind("reason", self.reason_edit, required=True)
        self.form.addRow(QLabel(self.tr("The present assessment is kept and ends today; the new one goes through its "
                                        "own notice.")))

    def submit(self) -> bool:
        return self.run(hardship.adjust, self.view.id, self.level_combo.currentData(), self.reason_edit.text(),
                        today=self.context.today(), affects={Entity.LEDGER}).succeeded


class RevokeDialog(FormDialog):
    def __init__(self, context: AppContext, view: AssessmentView, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Withdraw the assessment of {name}").format(name=view.name), parent)
        self.view = view
        self.reason_edit = QLineEdit()
        self.form.addRow(self.tr("Why"), self.reason_edit)
        self.field_errors.bind("reason", self.reason_edit, required=True)

    def submit(self) -> bool:
        return self.run(hardship.revoke, self.view.id, self.reason_edit.text(), today=self.context.today(),
                        affects={Entity.LEDGER}).succeeded


class PublicityDialog(FormDialog):
    """The 公示 of every decided assessment (of the school chosen, or all): dates and objection phone."""

    def __init__(self, context: AppContext, school_year: int, school_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Public notice (公示)"), parent)
        self.school_year, self.school_id = school_year, school_id
        self.publicity_id: int | None = None
        today = context.today()
        monday = today + dt.timedelta(days=(7 - today.weekday()) % 7)
        minimum = context.query(hardship.minimum_working_days)
        self.from_edit = date_edit(today, monday, not_after_today=False)
        self.to_edit = date_edit(today, context.query(hardship.earliest_end, monday), not_after_today=False)
        self.phone_edit = QLineEdit()
        self.form.addRow(self.tr("Posted from"), self.from_edit)
        self.form.addRow(self.tr("until"), self.to_edit)
        self.form.addRow(self.tr("Phone for objections"), self.phone_edit)
        self.field_errors.bind("start", self.from_edit, required=True)
        self.field_errors.bind("end", self.to_edit, required=True)
        self.field_errors.bind("phone", self.phone_edit, required=True)
        self.form.addRow(QLabel(self.tr("At least {n} working days (weekends and holidays not counted). The notice "
                                        "shows name, school, grade, class and level only.").format(n=minimum)))

    def submit(self) -> bool:
        operation = self.run(hardship.start_publicity, self.school_year, date_of(self.from_edit),
                             date_of(self.to_edit), self.phone_edit.text(), today=self.context.today(),
                             school_id=self.school_id, affects={Entity.LEDGER})
        if operation.succeeded:
            self.publicity_id = operation.result
        return operation.succeeded


class FileDialog(FormDialog):
    def __init__(self, context: AppContext, publicity_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Put on file (建档)"), parent)
        self.publicity_id = publicity_id
        self.date_edit = date_edit(context.today())
        self.form.addRow(self.tr("Notice taken down on"), self.date_edit)
        self.field_errors.bind("taken_down_on", self.date_edit, required=True)

    def submit(self) -> bool:
        return self.run(hardship.file_publicity, self.publicity_id, date_of(self.date_edit),
                        today=self.context.today(), affects={Entity.LEDGER}).succeeded
