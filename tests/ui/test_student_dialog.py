"""Adding and editing a student in the dialog, as the aid officer does it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import QFormLayout, QLabel

from schoolaid.accounts import audit
from schoolaid.roster import roster
from schoolaid.roster.idnumber import make_number
from schoolaid.ui.roster import student_dialog as student_dialog_module
from schoolaid.ui.roster.roster_tab import RosterTab
from schoolaid.ui.roster.student_dialog import StudentDialog
from schoolaid.ui.widgets.form_fields import form_row

NEW_ID = make_number("510411", dt.date(2017, 6, 1), 11)  # a boy born 2017-06-01


def fill_new_student(qtbot, dialog: StudentDialog, number: str = NEW_ID) -> None:
    dialog.name_edit.insert("王小明")
    qtbot.keyClicks(dialog.id_edit, number)
    dialog.school_combo.setCurrentIndex(dialog.school_combo.findText("平地镇中心校"))
    dialog.grade_combo.setCurrentIndex(dialog.grade_combo.findText("四年级"))
    dialog.class_edit.insert("2班")


@pytest.fixture
def tab(qtbot, context) -> RosterTab:
    widget = RosterTab(context)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_add_a_student_and_find_them_in_the_table(qtbot, tab, context) -> None:
    before = context.query(roster.count_students)
    dialog = StudentDialog(context, None, tab)
    qtbot.addWidget(dialog)
    fill_new_student(qtbot, dialog)
    assert "号码有效" in dialog.id_feedback.text()
    assert dialog.use_id_button.isVisibleTo(dialog)  # no birth date yet: offer to take it from the ID
    qtbot.mouseClick(dialog.use_id_button, Qt.MouseButton.LeftButton)
    assert dialog.birth_edit.date() == QDate(2017, 6, 1)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert context.query(roster.count_students) == before + 1
    qtbot.keyClicks(tab.search_edit, "wxm")
    qtbot.waitUntil(lambda: "王小明" in [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())])
    history = context.query(audit.history, "student", dialog.student_id)
    assert history[0].actor == "李老师"


def test_invalid_id_shows_the_error_and_saves_nothing(qtbot, tab, context) -> None:
    before = context.query(roster.count_students)
    dialog = StudentDialog(context, None, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    wrong = NEW_ID[:17] + ("0" if NEW_ID[17] != "0" else "1")
    fill_new_student(qtbot, dialog, wrong)
    assert "校验码" in dialog.id_feedback.text()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "校验码" in dialog.field_errors.message_for("id_number")  # under the ID field, not at the bottom
    assert dialog.id_edit.property("invalid") is True and dialog.focusWidget() is dialog.id_edit
    assert dialog.problems_label.text() == ""
    assert context.query(roster.count_students) == before


def _label_of(field) -> QLabel:
    form, row = form_row(field.window(), field)
    return form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()


def _required(text: str) -> str:
    # translations/new/forms.json: 必填, {label}（必填）, 为必填项 once folded into the catalogue
    return QCoreApplication.translate("FormFields", text)


def test_required_fields_carry_an_asterisk_and_the_legend_says_so(qtbot, context) -> None:
    dialog = StudentDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    for field in (dialog.name_edit, dialog.sex_combo, dialog.birth_edit, dialog.school_combo, dialog.grade_combo):
        label = _label_of(field)
        assert label.text().endswith("*</span>") and label.toolTip() == _required("Required")  # 必填
    assert "*" not in _label_of(dialog.guardian_edit).text()  # optional: no mark
    assert _label_of(dialog.name_edit).accessibleName() == _required("{label} (required)").format(label="姓名")
    assert dialog.field_errors.legend.isVisible() and _required("marks a required field") in dialog.field_errors.legend.text()


def test_an_empty_name_is_refused_at_the_name_field_and_typing_clears_it(qtbot, tab, context) -> None:
    dialog = StudentDialog(context, None, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_new_student(qtbot, dialog)
    dialog.name_edit.clear()
    dialog.class_edit.setFocus()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    message = dialog.field_errors.message_for("name")
    assert message == "请填写学生姓名。"
    under = [label for label in dialog.findChildren(QLabel, "field_error") if label.text() == message]
    assert len(under) == 1 and under[0].isVisible()
    form, name_row = form_row(dialog, dialog.name_edit)
    assert form_row(dialog, under[0]) == (form, name_row + 1)  # right under 姓名
    assert dialog.name_edit.property("invalid") is True and dialog.focusWidget() is dialog.name_edit
    assert dialog.problems_label.text() == ""  # not repeated at the bottom
    dialog.name_edit.insert("王")  # what an input method commits
    assert dialog.name_edit.property("invalid") is False
    assert dialog.field_errors.message_for("name") == "" and not under[0].isVisible()


def test_a_warning_is_saved_only_after_confirmation(qtbot, tab, context, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(student_dialog_module, "confirm_warnings", lambda parent, problems: asked.append(
        [p.code for p in problems]) or len(asked) > 1)
    dialog = StudentDialog(context, None, tab)
    qtbot.addWidget(dialog)
    fill_new_student(qtbot, dialog)
    dialog.birth_edit.setDate(QDate(2017, 6, 2))  # one day off the ID
    assert "不一致" in dialog.id_feedback.text()
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    save.click()  # the user goes back to correct
    assert asked == [["id.birth_date_mismatch"]] and dialog.student_id is None
    save.click()  # the user confirms: the record is right
    assert dialog.result() == dialog.DialogCode.Accepted
    assert context.query(roster.get_form, dialog.student_id).birth_date == dt.date(2017, 6, 2)


def test_edit_shows_the_full_id_and_the_history(qtbot, tab, context) -> None:
    student_id = tab.model.student_id(0)
    full = context.query(roster.full_id_numbers, [student_id])[student_id]
    dialog = StudentDialog(context, student_id, tab)
    qtbot.addWidget(dialog)
    assert dialog.id_edit.text() == full
    dialog.class_edit.clear()
    dialog.class_edit.insert("9班")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    reopened = StudentDialog(context, student_id, tab)
    qtbot.addWidget(reopened)
    changes = [reopened.history_model.index(r, 3).data() for r in range(reopened.history_model.rowCount())]
    assert reopened.history_model.index(0, 2).data() == "修改"
    assert "9班" in changes[0]
    assert reopened.history_model.index(0, 1).data() == "李老师"


def test_choose_a_household_fills_the_guardian(qtbot, tab, context) -> None:
    from schoolaid.ui.roster.household_picker import HouseholdPicker

    dialog = StudentDialog(context, None, tab)
    qtbot.addWidget(dialog)
    picker = HouseholdPicker(context, dialog)
    qtbot.addWidget(picker)
    head = picker.model.row_object(0).head_name
    picker.search_edit.insert(head)
    assert picker.model.rowCount() >= 1
    picker.buttons.button(picker.buttons.StandardButton.Ok).click()
    dialog._set_household(picker.chosen_id)
    dialog._fill_guardian_from_household()
    assert head in dialog.household_label.text()
    assert dialog.guardian_edit.text() == head


def test_a_character_no_font_can_show_is_reported(qtbot, context) -> None:
    dialog = StudentDialog(context, None)
    qtbot.addWidget(dialog)
    dialog.name_edit.insert("王堃𠮷")
    assert dialog.problems_label.text() == ""  # the bundled fonts have both
    dialog.name_edit.insert("\U000f0001")  # a private-use character: no font has it
    assert "\U000f0001" in dialog.problems_label.text()
    dialog.name_edit.backspace()
    assert dialog.problems_label.text() == ""


def test_the_childs_categories_are_entered_and_read_back(qtbot, tab, context) -> None:
    """Disability (category, grade, certificate: the last two only with a category), 孤儿, 事实无人抚养,
    残疾人子女, 烈士子女, 困境儿童: entered with the keyboard and ticks, saved, shown again on opening."""
    dialog = StudentDialog(context, None, tab)
    qtbot.addWidget(dialog)
    fill_new_student(qtbot, dialog)
    qtbot.mouseClick(dialog.use_id_button, Qt.MouseButton.LeftButton)
    assert not dialog.disability_grade_combo.isEnabled() and not dialog.disability_certificate_edit.isEnabled()
    dialog.disability_combo.setCurrentIndex(dialog.disability_combo.findData("听力"))
    assert dialog.disability_combo.currentText() == "听力残疾"
    assert dialog.disability_grade_combo.isEnabled() and dialog.disability_certificate_edit.isEnabled()
    dialog.disability_grade_combo.setCurrentIndex(dialog.disability_grade_combo.findData("三级"))
    qtbot.keyClicks(dialog.disability_certificate_edit, NEW_ID + "23")
    for check in (dialog.unsupported_check, dialog.martyr_child_check, dialog.in_difficulty_check):
        qtbot.keyClick(check, Qt.Key.Key_Space)  # ticked from the keyboard
        assert check.isChecked()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    form = context.query(roster.get_form, dialog.student_id)
    assert (form.disability_category, form.disability_grade, form.disability_certificate) == (
        "听力", "三级", NEW_ID + "23")
    assert (form.orphan, form.unsupported, form.parent_disabled, form.martyr_child, form.in_difficulty) == (
        False, True, False, True, True)

    again = StudentDialog(context, dialog.student_id, tab)
    qtbot.addWidget(again)
    assert again.disability_combo.currentData() == "听力" and again.disability_grade_combo.currentData() == "三级"
    assert again.unsupported_check.isChecked() and again.martyr_child_check.isChecked()
    assert not again.orphan_check.isChecked()
    again.disability_combo.setCurrentIndex(0)  # none: the grade and certificate go with it
    again.buttons.button(again.buttons.StandardButton.Save).click()
    assert again.result() == again.DialogCode.Accepted
    form = context.query(roster.get_form, dialog.student_id)
    assert (form.disability_category, form.disability_grade, form.disability_certificate) == ("", "", "")
    changes = context.query(audit.history, "student", dialog.student_id)[-1].changes
    assert {c.field for c in changes} == {"disability_category", "disability_grade", "disability_certificate"}
