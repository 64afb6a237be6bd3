"""The first start on an empty database: describe the township, or load the demo township."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.validation import error
from schoolaid.common.vocabulary import SchoolKind
from schoolaid.demo import create_demo_township
from schoolaid.township import township
from schoolaid.township.township import SchoolEntry, SetupForm
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.operations import Operation, run_op
from schoolaid.ui.widgets.dialog import Dialog
from schoolaid.ui.widgets.form_fields import FieldErrors
from schoolaid.ui.widgets.messages import show_error
from schoolaid.ui.widgets.table_models import EditableTableModel, EditColumn, weak_method
from schoolaid.ui.widgets.table_views import editable_table

_VILLAGE_SCHOOL_KINDS = (SchoolKind.TOWNSHIP_PRIMARY, SchoolKind.VILLAGE, SchoolKind.TEACHING_POINT,
                         SchoolKind.KINDERGARTEN)



class SetupDialog(Dialog):
    """Accepted once the township exists in the database (typed in, or the demo)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: Operation | None = None
        self.setWindowTitle(self.tr("Welcome to SchoolAid"))
        self.resize(720, 620)

        intro = QLabel(self.tr(
            "<h2>Set up your township</h2>"
            "<p>Enter the township, the central school and the village schools it runs. Villages and "
            "schools can be added later (Settings → Schools and villages). Just looking around? Load the "
            "demo township.</p>"))
        intro.setWordWrap(True)
        self.operator_edit = QLineEdit(context.operator)
        self.operator_edit.setPlaceholderText(self.tr("Your name, recorded with every change"))
        self.township_edit = QLineEdit()
        self.township_edit.setPlaceholderText(self.tr("e.g. 平地镇"))
        self.central_edit = QLineEdit()
        self.central_edit.setPlaceholderText(self.tr("e.g. 平地镇中心校"))
        form = QFormLayout()
        form.addRow(self.tr("Your name"), self.operator_edit)
        form.addRow(self.tr("Township"), self.township_edit)
        form.addRow(self.tr("Central school"), self.central_edit)

        self.villages_model = EditableTableModel([
            EditColumn("name", self.tr("Village")),
            EditColumn("poor", self.tr("Poor village"), kind="bool", default=False),
        ], self)
        self.schools_model = EditableTableModel([
            EditColumn("name", self.tr("School")),
            EditColumn("kind", self.tr("Kind"), kind="choice", default=SchoolKind.VILLAGE.value,
                       choices=lambda: [(k.label(), k.value) for k in _VILLAGE_SCHOOL_KINDS]),
            EditColumn("village", self.tr("In village"), kind="choice", default="",
                       choices=weak_method(self._village_choices)),
        ], self)
        for _ in range(3):
            self.villages_model.append_row()
            self.schools_model.append_row()
        self.villages_table = editable_table(self.villages_model, stretch=True)
        self.schools_table = editable_table(self.schools_model, stretch=True)

        villages_box = QGroupBox(self.tr("Villages"))
        villages_layout = QVBoxLayout(villages_box)
        villages_layout.addWidget(self.villages_table)
        add_village = QPushButton(self.tr("More rows"))
        add_village.clicked.connect(self._add_village)
        villages_layout.addWidget(add_village)
        schools_box = QGroupBox(self.tr("Village schools and teaching points"))
        schools_layout = QVBoxLayout(schools_box)
        schools_layout.addWidget(self.schools_table)
        add_school = QPushButton(self.tr("More rows"))
        add_school.clicked.connect(self._add_school)
        schools_layout.addWidget(add_school)
        lists = QHBoxLayout()
        lists.addWidget(villages_box, 2)
        lists.addWidget(schools_box, 3)

        self.demo_button = QPushButton(self.tr("Load the demo township"))
        self.create_button = QPushButton(self.tr("Create"))
        self.create_button.setDefault(True)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.demo_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(self.create_township)
        self.demo_button.clicked.connect(self.load_demo)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        self.field_errors = FieldErrors(self)
        layout.addWidget(self.field_errors.legend)
        layout.addWidget(self.buttons)
        bind = self.field_errors.bind  # the names of township.initial_setup's problems
        bind("operator", self.operator_edit, required=True)
        bind("township", self.township_edit, required=True)
        bind("central_school", self.central_edit, required=True)
        bind("villages", self.villages_table)
        bind("village_schools", self.schools_table)

    def _add_village(self) -> None:
        self.villages_model.append_row()

    def _add_school(self) -> None:
        self.schools_model.append_row()

    def _village_choices(self) -> list[tuple[str, object]]:
        names = [row["name"].strip() for row in self.villages_model.rows() if str(row.get("name", "")).strip()]
        return [("", ""), *((n, n) for n in names)]

    def _take_operator(self) -> bool:
        name = self.operator_edit.text().strip()
        if not name:
            self.field_errors.show([error("operator", "operator.missing", self.tr(
                "Enter your name first: every change is recorded with the name of the person who made it."))])
            return False
        self.context.set_operator(name)
        return True

    def form(self) -> SetupForm:
        return SetupForm(
            township=self.township_edit.text(), central_school=self.central_edit.text(),
            villages=[(row["name"], bool(row["poor"])) for row in self.villages_model.rows()],
            village_schools=[SchoolEntry(row["name"], row.get("village") or "", row["kind"])
                             for row in self.schools_model.rows()],
        )

    def create_township(self) -> None:
        self.villages_table.setFocus()  # commits an open cell editor
        if not self._take_operator():
            return
        run_op(self.context, self, township.initial_setup, self.form(), affects={Entity.ALL},
               on_success=lambda _result: self.accept(), on_failure=self.field_errors.refuse)

    def load_demo(self) -> None:
        if not self._take_operator():
            return
        self.setEnabled(False)
        self.task = run_op(self.context, self, create_demo_township, today=self.context.today(), background=True,
                           title=self.tr("Loading the demo township"), affects={Entity.ALL},
                           on_success=self._demo_loaded, on_failure=self._demo_failed,
                           on_cancel=lambda: self.setEnabled(True))

    def _demo_loaded(self, _result: object) -> None:
        self.setEnabled(True)
        self.accept()

    def _demo_failed(self, error: SchoolAidError) -> None:
        self.setEnabled(True)
        show_error(self, error)

    def done(self, result: int) -> None:
        # Closing while work runs: stop it first, so that nothing reports to a window that is gone.
        if self.task is not None:
            self.task.stop()
        super().done(result)
