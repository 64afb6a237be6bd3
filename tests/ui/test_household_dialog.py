from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox

from schoolaid.roster import households
from schoolaid.ui.roster.household_dialog import HouseholdDialog
from schoolaid.ui.widgets.form_fields import form_row
from schoolaid.ui.widgets.table_models import EditableTableModel
from tests.conftest import TODAY, village_id


def set_cell(model: EditableTableModel, row: int, key: str, value) -> None:
    column = [c.key for c in model.columns].index(key)
    role = Qt.ItemDataRole.CheckStateRole if model.columns[column].kind == "bool" else Qt.ItemDataRole.EditRole
    assert model.setData(model.index(row, column), value, role)


def test_new_lifted_household_with_a_skilled_labourer(qtbot, township_context, qtmodeltester) -> None:
    dialog = HouseholdDialog(township_context, None, village_id=village_id(township_context.db, "辣子哨村"))
    qtbot.addWidget(dialog)
    dialog.head_edit.insert("马永福")
    assert dialog.members_model.index(0, 0).data() == "马永福"  # the head follows the typed name
    dialog.group_edit.insert("5")
    assert dialog.year_spin.isHidden() and dialog.monitoring_box.isHidden()  # 一般户: nothing more to say
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("脱贫户"))
    assert not dialog.year_spin.isHidden() and dialog.monitoring_box.isHidden()
    dialog.year_spin.setFocus()
    dialog.year_spin.selectAll()
    qtbot.keyClicks(dialog.year_spin, "2016")
    dialog.dibao_check.click()
    dialog._add_member()
    set_cell(dialog.members_model, 1, "name", "马秀兰")
    set_cell(dialog.members_model, 1, "relation", "配偶")
    set_cell(dialog.members_model, 1, "birth_year", "1986")
    set_cell(dialog.members_model, 1, "is_main_labourer", Qt.CheckState.Checked.value)
    dialog.members_table.selectRow(1)
    dialog._add_skill()
    set_cell(dialog.skills_model, 0, "skill", "芒果种植")
    set_cell(dialog.skills_model, 0, "year", "2021")
    dialog.members_table.selectRow(0)  # moving away keeps the skill with 马秀兰
    qtmodeltester.check(dialog.members_model)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    view = township_context.query(households.view, dialog.household_id, today=TODAY)
    assert view.village == "辣子哨村" and view.group_name == "5组"
    assert [(m.name, m.is_main_labourer) for m in view.members] == [("马永福", True), ("马秀兰", True)]
    assert [s.skill for s in view.members[1].skills] == ["芒果种植"]
    assert view.has_skilled_labourer
    assert (view.category, view.lifted_year, view.dibao, view.tekun) == ("脱贫户", 2016, True, False)
    assert (view.registered_poor, view.poverty_status.value) == (False, "一般户")  # history: not edited


def test_a_risk_removed_before_it_was_identified_is_refused_with_a_message(qtbot, township_context,
                                                                          monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text))
    dialog = HouseholdDialog(township_context, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.head_edit.insert("马永福")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("防止返贫监测对象"))
    assert dialog.monitoring_box.isVisible() and dialog.year_spin.isVisible()
    dialog.monitoring_combo.setCurrentIndex(dialog.monitoring_combo.findData("突发严重困难户"))
    dialog.identified_edit.setDate(QDate(2025, 6, 1))
    assert not dialog.risk_removed_edit.isEnabled()
    dialog.risk_removed_check.click()
    assert dialog.risk_removed_edit.isEnabled() and dialog.risk_removed_edit.date() == QDate(2026, 11, 20)  # today
    dialog.risk_removed_edit.setDate(QDate(2025, 5, 1))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    message = dialog.field_errors.message_for("risk_removed_on")  # at the date, not in a message box
    assert "2025-05-01" in message and "2025-06-01" in message and shown == []
    assert dialog.risk_removed_edit.property("invalid") is True and dialog.focusWidget() is dialog.risk_removed_edit
    assert township_context.query(households.search) == []
    dialog.risk_removed_edit.setDate(QDate(2026, 3, 31))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    view = township_context.query(households.view, dialog.household_id, today=TODAY)
    assert (view.category, view.monitoring_type, view.lifted_year) == ("防止返贫监测对象", "突发严重困难户", None)
    assert (view.monitoring_identified_on, view.risk_removed_on) == (dt.date(2025, 6, 1), dt.date(2026, 3, 31))


def test_an_empty_head_is_refused_at_the_head_field(qtbot, township_context) -> None:
    dialog = HouseholdDialog(township_context, None, village_id=village_id(township_context.db, "辣子哨村"))
    qtbot.addWidget(dialog)
    dialog.show()
    for field in (dialog.head_edit, dialog.village_combo, dialog.category_combo):
        form, row = form_row(dialog, field)
        assert form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().property("required") is True
    assert not form.itemAt(form_row(dialog, dialog.phone_edit)[1], QFormLayout.ItemRole.LabelRole).widget().property(
        "required")
    assert dialog.field_errors.legend.isVisible()
    dialog.group_edit.setFocus()
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.field_errors.message_for("head_name") == "请填写户主姓名。"
    assert dialog.head_edit.property("invalid") is True and dialog.focusWidget() is dialog.head_edit
    message_row = form_row(dialog, next(label for label in dialog.findChildren(QLabel, "field_error")
                                        if label.text() == "请填写户主姓名。"))
    assert message_row == (form, form_row(dialog, dialog.head_edit)[1] + 1)  # right under 户主
    dialog.head_edit.insert("马永福")
    assert dialog.head_edit.property("invalid") is False and dialog.field_errors.message_for("head_name") == ""
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted


def test_editing_shows_the_categories_and_keeps_the_old_registration(qtbot, township_context) -> None:
    from tests.core.test_households import poor_household

    form = poor_household(township_context.db, registered_poor=True, poor_card_no="5104110000123", poor_year=2015,
                          poverty_status="已脱贫", tekun=True)
    household_id = township_context.db.run(households.create_household, township_context.actor, form, today=TODAY)
    dialog = HouseholdDialog(township_context, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.category_combo.currentData() == "脱贫户" and dialog.year_spin.value() == 2016
    assert dialog.tekun_check.isChecked() and not dialog.dibao_check.isChecked()
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("一般户"))  # the year goes with it
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = township_context.query(households.get_form, household_id)
    assert (saved.category, saved.lifted_year) == ("一般户", None)
    assert (saved.registered_poor, saved.poor_card_no, saved.poor_year, saved.poverty_status) == (
        True, "5104110000123", 2015, "已脱贫")


def test_a_household_entered_by_mistake_is_deleted_after_asking(qtbot, township_context, monkeypatch) -> None:
    from schoolaid.accounts import audit
    from schoolaid.common.errors import NotFound
    from tests.core.test_households import poor_household

    household_id = township_context.db.run(households.create_household, township_context.actor,
                                           poor_household(township_context.db), today=TODAY)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *args, **kwargs: asked.append(text)
                        or QMessageBox.StandardButton.No)
    dialog = HouseholdDialog(township_context, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.delete_button.isVisible() and dialog.delete_button.isEnabled()
    dialog.delete_button.click()
    assert len(asked) == 1 and dialog.isVisible()  # the answer was No: nothing happens
    assert township_context.query(households.get_form, household_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.deleted
    with pytest.raises(NotFound):
        township_context.query(households.get_form, household_id)
    assert township_context.query(audit.history, "household", household_id)[-1].action == audit.Action.DELETE


def test_a_household_with_students_cannot_be_deleted(qtbot, township_context) -> None:
    from schoolaid.roster import roster
    from tests.conftest import student_form
    from tests.core.test_households import poor_household

    household_id = township_context.db.run(households.create_household, township_context.actor,
                                           poor_household(township_context.db), today=TODAY)
    township_context.db.run(roster.add_student, township_context.actor,
                            student_form(township_context.db, household_id=household_id), today=TODAY)
    dialog = HouseholdDialog(township_context, household_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.delete_button.isVisible() and not dialog.delete_button.isEnabled()
    assert "张三" in dialog.delete_button.toolTip()
    new = HouseholdDialog(township_context, None)
    qtbot.addWidget(new)
    new.show()
    assert not new.delete_button.isVisible()  # nothing to delete before it is saved
