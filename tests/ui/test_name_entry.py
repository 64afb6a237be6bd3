"""A name no person has, typed into the student dialog, is refused with the reason; a minority name
with its middle dot is saved as typed."""

from __future__ import annotations

from schoolaid.roster import roster
from schoolaid.ui.roster.roster_tab import RosterTab
from schoolaid.ui.roster.student_dialog import StudentDialog
from tests.ui.test_student_dialog import fill_new_student


def test_a_formula_for_a_name_is_refused_and_a_real_name_saved(qtbot, context) -> None:
    tab = RosterTab(context)
    qtbot.addWidget(tab)
    before = context.query(roster.count_students)
    dialog = StudentDialog(context, None, tab)
    qtbot.addWidget(dialog)
    fill_new_student(qtbot, dialog)
    dialog.use_id_button.click()
    dialog.name_edit.clear()
    qtbot.keyClicks(dialog.name_edit, "=cmd|' /C calc'!A0")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "\u201c=\u201d" in dialog.field_errors.message_for("name")  # the reason names the character
    assert context.query(roster.count_students) == before

    dialog.name_edit.clear()
    dialog.name_edit.insert("阿不都·热合曼")  # typed through the input method
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert context.query(roster.get_form, dialog.student_id).name == "阿不都·热合曼"
