from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from schoolaid.township import township
from schoolaid.ui.township.places_dialog import PlacesDialog, SchoolDialog, VillageDialog


def test_add_a_village_and_a_school(qtbot, township_context) -> None:
    places = PlacesDialog(township_context)
    qtbot.addWidget(places)
    assert places.villages_model.rowCount() == 2 and places.schools_model.rowCount() == 2
    village = VillageDialog(township_context, None, places)
    qtbot.addWidget(village)
    village.name_edit.insert("大火山村")
    village.poor_check.setChecked(True)
    village.buttons.button(village.buttons.StandardButton.Save).click()
    school = SchoolDialog(township_context, None, places)
    qtbot.addWidget(school)
    school.name_edit.insert("大火山村教学点")
    school.kind_combo.setCurrentIndex(school.kind_combo.findText("教学点"))
    school.village_combo.setCurrentIndex(school.village_combo.findText("大火山村"))
    school.buttons.button(school.buttons.StandardButton.Save).click()
    places.refresh()
    assert places.villages_model.rowCount() == 3
    added = township_context.query(township.list_schools)[-1]
    assert (added.name, added.kind, added.village) == ("大火山村教学点", "教学点", "大火山村")


def test_rename_and_close_a_school_is_audited(qtbot, township_context) -> None:
    from schoolaid.accounts import audit

    target = township_context.query(township.list_schools)[1]
    dialog = SchoolDialog(township_context, target)
    qtbot.addWidget(dialog)
    dialog.name_edit.clear()
    dialog.name_edit.insert("波西小学")
    dialog.active_check.setChecked(False)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    changed = township_context.query(township.list_schools)[1]
    assert (changed.name, changed.active) == ("波西小学", False)
    history = township_context.query(audit.history, "school", target.id)
    assert {c.field for c in history[-1].changes} == {"name", "active"}


def test_duplicate_village_is_refused(qtbot, township_context, monkeypatch) -> None:

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text))
    dialog = VillageDialog(township_context, None)
    qtbot.addWidget(dialog)
    dialog.name_edit.insert("波西村")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() != dialog.DialogCode.Accepted and shown == []  # said at the name, not in a message box
    assert "波西村" in dialog.field_errors.message_for("name")
    assert dialog.name_edit.property("invalid") is True


def test_a_closed_school_is_not_offered_for_new_students(qtbot, township_context) -> None:
    from schoolaid.ui.roster.student_dialog import StudentDialog

    target = township_context.query(township.list_schools)[1]
    township_context.db.run(township.update_school, township_context.actor, target.id, target.name, target.kind,
                            target.village_id, False)
    dialog = StudentDialog(township_context, None)
    qtbot.addWidget(dialog)
    assert dialog.school_combo.findText(target.name) < 0
    assert dialog.school_combo.findText("平地镇中心校") >= 0
