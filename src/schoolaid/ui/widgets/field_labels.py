"""How a recorded change reads in the history: field names in the UI language, values as users
know them (names for ids, 是/否, masked ID numbers)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from schoolaid.accounts.audit import Change, HistoryEntry
from schoolaid.common.grades import grade_label, is_valid_grade
from schoolaid.roster import idnumber

# Marked for lupdate here, translated when shown.
_FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("FieldLabels", "Name"),
    "sex": QT_TRANSLATE_NOOP("FieldLabels", "Sex"),
    "ethnicity": QT_TRANSLATE_NOOP("FieldLabels", "Ethnicity"),
    "birth_date": QT_TRANSLATE_NOOP("FieldLabels", "Birth date"),
    "id_number": QT_TRANSLATE_NOOP("FieldLabels", "ID number"),
    "registry_no": QT_TRANSLATE_NOOP("FieldLabels", "Registry no."),
    "school_id": QT_TRANSLATE_NOOP("FieldLabels", "School"),
    "stage": QT_TRANSLATE_NOOP("FieldLabels", "Stage"),
    "grade": QT_TRANSLATE_NOOP("FieldLabels", "Grade"),
    "class_name": QT_TRANSLATE_NOOP("FieldLabels", "Class"),
    "household_id": QT_TRANSLATE_NOOP("FieldLabels", "Household"),
    "relation_to_head": QT_TRANSLATE_NOOP("FieldLabels", "Relation to head"),
    "guardian_name": QT_TRANSLATE_NOOP("FieldLabels", "Guardian"),
    "guardian_relation": QT_TRANSLATE_NOOP("FieldLabels", "Guardian is the"),
    "guardian_phone": QT_TRANSLATE_NOOP("FieldLabels", "Guardian's phone"),
    "left_behind": QT_TRANSLATE_NOOP("FieldLabels", "Left-behind"),
    "boarder": QT_TRANSLATE_NOOP("FieldLabels", "Boarder"),
    "disability": QT_TRANSLATE_NOOP("FieldLabels", "Disability"),  # before 0009
    "disability_category": QT_TRANSLATE_NOOP("FieldLabels", "Disability"),
    "disability_grade": QT_TRANSLATE_NOOP("FieldLabels", "Disability grade"),
    "disability_certificate": QT_TRANSLATE_NOOP("FieldLabels", "Disability certificate no."),
    "orphan": QT_TRANSLATE_NOOP("FieldLabels", "Orphan"),
    "unsupported": QT_TRANSLATE_NOOP("FieldLabels", "De facto unsupported child"),
    "parent_disabled": QT_TRANSLATE_NOOP("FieldLabels", "Child of a disabled parent"),
    "martyr_child": QT_TRANSLATE_NOOP("FieldLabels", "Child of a martyr"),
    "in_difficulty": QT_TRANSLATE_NOOP("FieldLabels", "Child in difficulty"),
    "status": QT_TRANSLATE_NOOP("FieldLabels", "Enrollment status"),
    "entry_date": QT_TRANSLATE_NOOP("FieldLabels", "Entry date"),
    "leave_date": QT_TRANSLATE_NOOP("FieldLabels", "Leaving date"),
    "notes": QT_TRANSLATE_NOOP("FieldLabels", "Notes"),
    "status_reason": QT_TRANSLATE_NOOP("FieldLabels", "Reason"),
    "status_date": QT_TRANSLATE_NOOP("FieldLabels", "Date of change"),
    "status_destination": QT_TRANSLATE_NOOP("FieldLabels", "Transferred to"),
    "id": QT_TRANSLATE_NOOP("FieldLabels", "Record number"),
}


def field_label(name: str) -> str:
    label = _FIELD_LABELS.get(name)
    return QCoreApplication.translate("FieldLabels", label) if label else name


def value_text(name: str, value: Any, names: Mapping[str, Mapping[Any, str]] | None = None) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("FieldLabels", "(empty)")
    if isinstance(value, bool):
        return QCoreApplication.translate("FieldLabels", "Yes") if value else QCoreApplication.translate(
            "FieldLabels", "No")
    if name == "id_number":
        return idnumber.mask(str(value))
    if names and name in names and value in names[name]:
        return names[name][value]
    return str(value)


def _grade(snapshot: Mapping[str, Any], number: Any) -> str | None:
    stage = snapshot.get("stage")
    if number is None or not isinstance(stage, str) or not is_valid_grade(stage, number):
        return None if number is None else str(number)
    return grade_label(stage, number)


def describe_changes(entry: HistoryEntry, names: Mapping[str, Mapping[Any, str]] | None = None) -> list[str]:
    """One line per changed field; a new record lists only the fields it was given."""
    lines = []
    for change in entry.changes:
        if change.field == "stage":
            continue  # shown with the grade: 小班, 三年级
        if change.field == "grade":
            change = Change("grade", _grade(entry.before, change.before), _grade(entry.after, change.after))
        after = value_text(change.field, change.after, names)
        if change.before is None and change.after in (None, "", False):
            continue
        if change.before is None:
            lines.append(f"{field_label(change.field)}：{after}")
        else:
            lines.append(f"{field_label(change.field)}：{value_text(change.field, change.before, names)} → {after}")
    return lines
