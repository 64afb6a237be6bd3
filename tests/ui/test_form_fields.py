"""Issue 20 in the other forms: required fields marked, a refusal said under the field it concerns."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel

from schoolaid.common.errors import ValidationFailed
from schoolaid.common.validation import error
from schoolaid.dropout import persuasion
from schoolaid.township import township
from schoolaid.ui.dropout.dropout_dialogs import AttemptDialog
from schoolaid.ui.dropout.dropout_tab import DropoutTab
from schoolaid.ui.township.places_dialog import VillageDialog
from schoolaid.ui.widgets.form_fields import form_row


def _label_of(dialog, field) -> QLabel:
    form, row = form_row(dialog, field)
    return form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()


def _row_under(dialog, field, text: str) -> bool:
    """Whether a red message saying ``text`` is shown on the form row right under ``field``'s."""
    form, row = form_row(dialog, field)
    shown = [label for label in dialog.findChildren(QLabel, "field_error") if label.text() == text and label.isVisible()]
    return len(shown) == 1 and form_row(dialog, shown[0]) == (form, row + 1)


def test_a_persuasion_attempt_is_refused_at_who_went_and_what_came_of_it(qtbot, context) -> None:
    tab = DropoutTab(context)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)  # the lists are read in the background
    tab.cases_table.selectRow(0)
    case = tab.selected_case()
    before = len(context.query(persuasion.attempts, case.id))
    dialog = AttemptDialog(context, case, parent=tab)
    qtbot.addWidget(dialog)
    dialog.show()
    for field in (dialog.date_edit, dialog.visitors_edit, dialog.parties_box, dialog.method_combo, dialog.result_edit):
        assert _label_of(dialog, field).property("required") is True, field
    assert not _label_of(dialog, dialog.met_edit).property("required")
    assert dialog.field_errors.legend.isVisible()
    dialog.met_edit.setFocus()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # nobody named, nothing written
    assert dialog.isVisible() and len(context.query(persuasion.attempts, case.id)) == before
    assert _row_under(dialog, dialog.visitors_edit, "请填写劝返人员。")
    assert _row_under(dialog, dialog.result_edit, "请填写劝返结果。")
    assert dialog.focusWidget() is dialog.visitors_edit  # the first field refused
    assert dialog.visitors_edit.property("invalid") is True and dialog.result_edit.property("invalid") is True
    assert dialog.problems_label.text() == ""
    qtbot.keyClicks(dialog.visitors_edit, "Li")
    assert dialog.visitors_edit.property("invalid") is False and dialog.field_errors.message_for("visitors") == ""
    assert dialog.field_errors.message_for("result") == "请填写劝返结果。"  # still to correct


def test_a_problem_of_no_field_stays_under_the_form(qtbot, context) -> None:
    tab = DropoutTab(context)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)  # the lists are read in the background
    tab.cases_table.selectRow(0)
    dialog = AttemptDialog(context, tab.selected_case(), parent=tab)
    qtbot.addWidget(dialog)
    dialog.refused(ValidationFailed([error("case", "notice.closed", "案件已结案。"),
                                     error("visitors", "attempt.visitors", "请填写劝返人员。")]))
    assert dialog.problems_label.text() == "案件已结案。"
    assert dialog.field_errors.message_for("visitors") == "请填写劝返人员。"
    assert dialog.refusal_text() == "请填写劝返人员。\n案件已结案。"


def test_a_village_named_twice_is_refused_at_the_name(qtbot, township_context) -> None:
    existing = township_context.query(township.list_villages)[0].name
    dialog = VillageDialog(township_context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _label_of(dialog, dialog.name_edit).property("required") is True
    dialog.name_edit.insert(existing)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()  # no message box (the fixture fails on one)
    assert dialog.isVisible()
    message = dialog.field_errors.message_for("name")
    assert existing in message and _row_under(dialog, dialog.name_edit, message)
    assert dialog.focusWidget() is dialog.name_edit
    dialog.name_edit.insert("新")
    assert dialog.field_errors.message_for("name") == ""
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
