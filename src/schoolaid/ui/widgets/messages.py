"""Telling the user about problems they can act on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from schoolaid.common.errors import Problem, SchoolAidError, ValidationFailed


def problems_text(problems: list[Problem]) -> str:
    return "\n".join(f"• {p.message}" for p in problems)


def show_error(parent: QWidget | None, error: SchoolAidError) -> None:
    if isinstance(error, ValidationFailed):
        text = QCoreApplication.translate("Messages", "Nothing was saved:") + "\n" + problems_text(error.problems)
    else:
        text = error.message
    QMessageBox.warning(parent, QCoreApplication.translate("Messages", "SchoolAid"), text)


def show_refusal(parent: QWidget | None, label: QLabel, error: SchoolAidError) -> None:
    """What a form's service refused: its problems in the form's label, anything else in a message."""
    if isinstance(error, ValidationFailed):
        label.setText(problems_text(error.problems))
    else:
        show_error(parent, error)


def confirm_warnings(parent: QWidget | None, problems: list[Problem]) -> bool:
    """Ask whether to save despite warnings; True when the user says yes."""
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Messages", "Please check"),
                      QCoreApplication.translate("Messages", "Please check before saving:") + "\n"
                      + problems_text(problems), parent=parent)
    save = box.addButton(QCoreApplication.translate("Messages", "Checked, save anyway"),
                         QMessageBox.ButtonRole.AcceptRole)
    back = box.addButton(QCoreApplication.translate("Messages", "Go back and correct"),
                         QMessageBox.ButtonRole.RejectRole)
    # Going back is the safe default: Enter must not wave a warning through.
    box.setDefaultButton(back)
    box.exec()
    return box.clickedButton() is save


def problem_label(text: str = "") -> QLabel:
    """Where a form says, in red, what stops it from being saved."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    return label


def password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit
