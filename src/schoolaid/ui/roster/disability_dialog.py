"""The selected student's disability and placement (残疾与安置): the category and grade, the county expert
committee's assessment, the placement with its first day, the records before it; and for a child placed
送教上门, the visits logged (a table) and a visit to add."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.accounts.permissions import Permission
from schoolaid.common.errors import SchoolAidError
from schoolaid.roster import disabilities, roster
from schoolaid.roster.categories import DISABILITY_CATEGORIES, DISABILITY_GRADES, disability_label
from schoolaid.roster.disabilities import DisabilityForm, DisabilityView, Placement, VisitEntry, VisitView
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.widgets.evidence import choose_files
from schoolaid.ui.widgets.form_dialog import FormDialog, date_edit, date_of
from schoolaid.ui.widgets.table_models import Column, RecordTableModel
from schoolaid.ui.widgets.table_views import record_table

GREY = QBrush(QColor("#6d6d6d"))


class VisitDialog(FormDialog):
    """One 送教上门 visit: the day, the teacher, the hours, what was taught, and photos or a signed sheet."""

    def __init__(self, context: AppContext, student_id: int, name: str, parent: QWidget | None = None, *,
                 corrects: VisitView | None = None) -> None:
        super().__init__(context, self.tr("Correct a 送教上门 visit") if corrects else self.tr("Log a 送教上门 visit"),
                         parent)
        self.student_id = student_id
        self.corrects = corrects
        self.files: list[tuple[str, bytes]] = []
        self.form.addRow(self.tr("Student"), QLabel(name))
        self.date_edit = date_edit(context.today())
        self.teacher_edit = QLineEdit()
        self.teacher_edit.setPlaceholderText(self.tr("e.g. 刘老师"))
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setRange(0, float(disabilities.MAX_HOURS))
        self.hours_spin.setDecimals(1)
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setValue(2)
        self.content_edit = QPlainTextEdit()
        self.content_edit.setPlaceholderText(self.tr("What was taught: subjects, rehabilitation, daily-living skills"))
        self.content_edit.setFixedHeight(70)
        self.files_label = QLabel(self.tr("No files"))
        add_files = QPushButton(self.tr("Add photos or scans…"))
        add_files.clicked.connect(self._add_files)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files_label, 1)
        files_row.addWidget(add_files)
        self.form.addRow(self.tr("Day"), self.date_edit)
        self.form.addRow(self.tr("Teacher"), self.teacher_edit)
        self.form.addRow(self.tr("Hours"), self.hours_spin)
        self.form.addRow(self.tr("Content"), self.content_edit)
        self.form.addRow(self.tr("Evidence"), files_row)
        if corrects is not None:  # the wrong entry stays in the log, marked; this one replaces it
            self.form.insertRow(1, self.tr("Replaces"), QLabel(self.tr("No. {id} of {day} ({teacher}, {hours} h)").format(
                id=corrects.id, day=corrects.on.isoformat(), teacher=corrects.teacher, hours=corrects.hours_text)))
            self.date_edit.setDate(QDate(corrects.on.year, corrects.on.month, corrects.on.day))
            self.teacher_edit.setText(corrects.teacher)
            self.hours_spin.setValue(float(corrects.hours))
            self.content_edit.setPlainText(corrects.content)
        bind = self.field_errors.bind  # the names of disabilities.log_visit's problems
        bind("on", self.date_edit, required=True)
        bind("teacher", self.teacher_edit, required=True)
        bind("hours", self.hours_spin, required=True)
        bind("content", self.content_edit, required=True)

    def _add_files(self) -> None:
        self.files.extend(choose_files(self))
        if self.files:
            self.files_label.setText(self.tr("{n} files: {names}").format(
                n=len(self.files), names="、".join(name for name, _data in self.files)))

    def submit(self) -> bool:
        entry = VisitEntry(date_of(self.date_edit), self.teacher_edit.text(), f"{self.hours_spin.value():g}",
                           self.content_edit.toPlainText())
        if self.corrects is not None:
            return self.run(disabilities.correct_visit, self.corrects.id, entry, list(self.files),
                            today=self.context.today(), affects={Entity.STUDENT}).succeeded
        return self.run(disabilities.log_visit, self.student_id, entry, list(self.files), today=self.context.today(),
                        affects={Entity.STUDENT}).succeeded


class DisabilityDialog(FormDialog):
    """The record stays open after a save, so that a child just placed 送教上门 can have a visit logged."""

    def __init__(self, context: AppContext, student_id: int, parent: QWidget | None = None) -> None:
        super().__init__(context, self.tr("Disability and placement (残疾与安置)"), parent)
        self.student_id = student_id
        today = context.today()
        row = context.query(roster.fetch_rows, [student_id], today, full_id_rights=False)[student_id]
        self.student_name = row.name
        self.form.addRow(self.tr("Student"), QLabel(f"{row.name}（{row.school} {row.grade_label}，{row.status.label()}）"))
        self.category_combo = QComboBox()
        for category in DISABILITY_CATEGORIES:
            self.category_combo.addItem(disability_label(category), category)
        self.grade_combo = QComboBox()
        for grade in DISABILITY_GRADES:
            self.grade_combo.addItem(grade, grade)
        self.placement_combo = QComboBox()
        for placement in Placement:
            self.placement_combo.addItem(placement.label(), placement.value)
        self.since_edit = date_edit(today)
        self.assessed_check = QCheckBox(self.tr("Assessed by the county's expert committee (残疾儿童少年入学评估)"))
        self.assessed_edit = date_edit(today)
        self.decision_edit = QLineEdit()
        self.decision_edit.setPlaceholderText(self.tr("The committee's decision, e.g. 需专人护理，安排送教上门"))
        self.assessed_check.toggled.connect(self._assessed_toggled)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        category_row = QHBoxLayout()
        category_row.addWidget(self.category_combo, 1)
        category_row.addWidget(self.grade_combo)
        self.form.addRow(self.tr("Disability"), category_row)
        self.form.addRow(self.tr("Placement"), self.placement_combo)
        self.form.addRow(self.tr("Placed from"), self.since_edit)
        self.form.addRow("", self.assessed_check)
        self.form.addRow(self.tr("Assessed on"), self.assessed_edit)
        self.form.addRow(self.tr("Decision"), self.decision_edit)
        self.form.addRow(self.tr("Earlier records"), self.history_label)
        bind = self.field_errors.bind  # the names of disabilities.set_disability's problems
        bind("category", self.category_combo, required=True)
        bind("grade", self.grade_combo, required=True)
        bind("placement", self.placement_combo, required=True)
        bind("since", self.since_edit, required=True)
        bind("assessed_on", self.assessed_edit)
        bind("decision", self.decision_edit)

        # The 送教上门 log, under the form.
        self.visits_title = QLabel(self.tr("送教上门 visits"))
        self.visits_model: RecordTableModel[VisitView] = RecordTableModel([
            Column(self.tr("Day"), lambda v: v.on.isoformat()),
            Column(self.tr("Teacher"), lambda v: v.teacher),
            Column(self.tr("Hours"), lambda v: v.hours_text, align_center=True),
            Column(self.tr("Evidence"), lambda v: v.evidence or "", align_center=True),
            Column(self.tr("Content"), lambda v: v.content, tooltip=lambda v: v.content),
            Column(self.tr("Correction"), self._correction_text, foreground=lambda v: GREY),
        ], parent=self)
        self.visits_table = record_table(self.visits_model, fit_contents=True)
        self.add_visit_button = QPushButton(self.tr("Log a visit…"))
        self.add_visit_button.clicked.connect(self.add_visit)
        self.correct_visit_button = QPushButton(self.tr("Correct the chosen visit…"))
        self.correct_visit_button.clicked.connect(self.correct_visit)
        self.visits_table.selectionModel().selectionChanged.connect(self._visit_chosen)
        self.visits_note = QLabel()
        visits = QVBoxLayout()
        visits.addWidget(self.visits_title)
        visits.addWidget(self.visits_table)
        visit_row = QHBoxLayout()
        visit_row.addWidget(self.visits_note, 1)
        visit_row.addWidget(self.correct_visit_button)
        visit_row.addWidget(self.add_visit_button)
        visits.addLayout(visit_row)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertLayout(layout.indexOf(self.problems_label) + 1, visits)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.add_visit_button.setVisible(context.allows(Permission.LOG_VISIT))
        self.correct_visit_button.setVisible(context.allows(Permission.LOG_VISIT))
        self.correct_visit_button.setEnabled(False)
        self._load(context.query(disabilities.current, student_id))
        self.resize(720, 620)

    def _assessed_toggled(self, checked: bool) -> None:
        self.assessed_edit.setEnabled(checked)
        self.decision_edit.setEnabled(checked)

    def _load(self, record: DisabilityView | None) -> None:
        """The record in force in the form, the earlier ones listed, the visits shown."""
        if record is not None:
            self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(record.category)))
            self.grade_combo.setCurrentIndex(max(0, self.grade_combo.findData(record.grade)))
            self.placement_combo.setCurrentIndex(self.placement_combo.findData(record.placement.value))
            self.since_edit.setDate(QDate(record.since.year, record.since.month, record.since.day))
            self.assessed_check.setChecked(record.assessed_on is not None)
            if record.assessed_on is not None:
                day = record.assessed_on
                self.assessed_edit.setDate(QDate(day.year, day.month, day.day))
            self.decision_edit.setText(record.decision)
        else:
            self.placement_combo.setCurrentIndex(self.placement_combo.findData(Placement.PENDING.value))
        self._assessed_toggled(self.assessed_check.isChecked())
        history = self.context.query(disabilities.history, self.student_id)[:-1]
        self.history_label.setText("\n".join(r.summary() for r in reversed(history)) or self.tr("none"))
        placed_at_home = record is not None and record.placement is Placement.HOME_TEACHING
        self.add_visit_button.setEnabled(placed_at_home)
        self.visits_note.setText("" if placed_at_home else self.tr(
            "Visits are logged for a child placed 送教上门 (save the placement first)."))
        self.visits_model.set_rows(self.context.query(disabilities.visits, self.student_id))

    def submit(self) -> bool:
        assessed = self.assessed_check.isChecked()
        form = DisabilityForm(self.category_combo.currentData(), self.grade_combo.currentData(),
                              self.placement_combo.currentData(), date_of(self.since_edit),
                              date_of(self.assessed_edit) if assessed else None,
                              self.decision_edit.text() if assessed else "")
        return self.run(disabilities.set_disability, self.student_id, form, today=self.context.today(),
                        affects={Entity.STUDENT}).succeeded

    def save(self) -> None:
        """Saved: the dialog stays, showing the record as saved (a visit can now be logged)."""
        try:
            saved = self.submit()
        except SchoolAidError as failure:
            self.refused(failure)
            return
        if saved:
            self.problems_label.setText("")
            self.field_errors.clear()
            self._load(self.context.query(disabilities.current, self.student_id))

    def add_visit(self) -> None:
        if VisitDialog(self.context, self.student_id, self.student_name, self).exec():
            self.visits_model.set_rows(self.context.query(disabilities.visits, self.student_id))

    def _chosen_visit(self) -> VisitView | None:
        rows = self.visits_table.selectionModel().selectedRows()
        return self.visits_model.row_object(rows[0].row()) if rows else None

    def _visit_chosen(self) -> None:
        visit = self._chosen_visit()
        self.correct_visit_button.setEnabled(visit is not None and visit.counts)

    def _correction_text(self, visit: VisitView) -> str:
        if visit.corrected_by is not None:
            return self.tr("corrected by No. {id}").format(id=visit.corrected_by)
        if visit.corrects_id is not None:
            return self.tr("corrects No. {id}").format(id=visit.corrects_id)
        return ""

    def correct_visit(self) -> None:
        """A wrong entry is replaced by a correcting one; both stay in the log."""
        visit = self._chosen_visit()
        if visit is not None and visit.counts and VisitDialog(self.context, self.student_id, self.student_name, self,
                                                              corrects=visit).exec():
            self.visits_model.set_rows(self.context.query(disabilities.visits, self.student_id))
            self._visit_chosen()
