from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from schoolaid.roster import households
from schoolaid.ui.roster.household_dialog import HouseholdDialog
from schoolaid.ui.widgets.table_models import EditableTableModel
from tests.conftest import TODAY, village_id


def set_cell(model: EditableTableModel, row: int, key: str, value) -> None:
    column = [c.key for c in model.columns].index(key)
    role = Qt.ItemDataRole.CheckStateRole if model.columns[column].kind == "bool" else Qt.ItemDataRole.EditRole
    assert model.setData(model.index(row, column), value, role)


def test_new_poor_household_with_a_skilled_labourer(qtbot, township_context, qtmodeltester) -> None:
    dialog = HouseholdDialog(township_context, None, village_id=village_id(township_context.db, "辣子哨村"))
    qtbot.addWidget(dialog)
    dialog.head_edit.insert("马永福")
    assert dialog.members_model.index(0, 0).data() == "马永福"  # the head follows the typed name
    dialog.group_edit.insert("5")
    dialog.registered_check.setChecked(True)
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("未脱贫"))
    dialog.card_edit.insert("5104110099")
    dialog.year_spin.setValue(2016)
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


def test_inconsistent_poverty_status_is_refused_with_a_message(qtbot, township_context, monkeypatch) -> None:

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text))
    dialog = HouseholdDialog(township_context, None)
    qtbot.addWidget(dialog)
    dialog.head_edit.insert("马永福")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findText("已脱贫"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert "建档立卡" in shown[0]
    assert township_context.query(households.search) == []


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
