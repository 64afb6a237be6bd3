"""Backups from the File menu as the aid officer uses them: the export dialog refusing a short or
mistyped password, an export written and checked, a backup opened read-only in its own window, a
restore replacing the window's data, and safety copies taken at start."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from schoolaid.backup import backup, safety_copies
from schoolaid.backup.backup_file import WrongPassword
from schoolaid.common.errors import NotAllowed
from schoolaid.roster import roster
from schoolaid.township import township
from schoolaid.ui.backup.backup_dialogs import ExportBackupDialog, SafetyCopyDialog
from schoolaid.ui.main_window import MainWindow
from tests.conftest import NOW, TODAY

PASSWORD = "平地镇备份2026"


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """What the message boxes said; every question answered yes."""
    said: list[str] = []
    for kind in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda _parent, _title, text, *a, **k: said.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a, **k: said.append(text)
                        or QMessageBox.StandardButton.Yes)
    return said


@pytest.fixture
def window(qtbot, context) -> MainWindow:
    main = MainWindow(context)
    qtbot.addWidget(main)
    main.show()
    return main


def test_export_dialog_wants_a_long_password_typed_twice(qtbot, app, tmp_path):
    dialog = ExportBackupDialog(tmp_path / "平地镇中心校_备份_20261129.sabk")
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and dialog.problem_label.text() == ""
    qtbot.keyClicks(dialog.password_edit, "1234")
    assert not ok.isEnabled() and "至少" in dialog.problem_label.text()
    qtbot.keyClicks(dialog.password_edit, "5678")
    qtbot.keyClicks(dialog.repeat_edit, "12345679")
    assert not ok.isEnabled() and "不一样" in dialog.problem_label.text()
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.repeat_edit, "12345678")
    assert ok.isEnabled() and dialog.problem_label.text() == ""
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password
    dialog.grab().save(str(tmp_path / "export-dialog.png"))
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.path.name == "平地镇中心校_备份_20261129.sabk" and dialog.password == "12345678"


def test_export_writes_checks_and_records_the_backup(qtbot, window, context, messages, tmp_path):
    target = tmp_path / "usb" / "school.sabk"
    window.backup_actions.run_export(target, PASSWORD)
    qtbot.waitUntil(lambda: isinstance(window.backup_actions.last_result, backup.Verification), timeout=60_000)
    assert target.exists()
    assert "检查无误" in messages[-1] and "150" in messages[-1]
    assert context.query(backup.last_export) is not None
    assert context.preferences.backup_folder == str(target.parent)


def test_a_wrong_password_is_explained(qtbot, window, context, messages, tmp_path):
    file = backup.write_backup(context.db.path, tmp_path / "b.sabk", PASSWORD, now=NOW).path
    window.backup_actions.verify_backup(file, "not-the-password")
    qtbot.waitUntil(lambda: isinstance(window.backup_actions.last_result, WrongPassword), timeout=30_000)
    assert "密码不正确" in messages[-1]


def test_a_backup_opens_read_only_in_its_own_window(qtbot, window, context, messages, tmp_path):
    file = backup.write_backup(context.db.path, tmp_path / "平地镇中心校_备份.sabk", PASSWORD, now=NOW).path
    window.backup_actions.open_read_only(file, PASSWORD)
    qtbot.waitUntil(lambda: isinstance(window.backup_actions.last_result, MainWindow), timeout=30_000)
    viewer = window.backup_actions.last_result
    qtbot.addWidget(viewer)
    assert "只读" in viewer.windowTitle() and file.name in viewer.windowTitle()
    assert viewer.roster_tab.model.total == 150  # the roster is there to read
    menu_actions = {a.text(): a for a in viewer.menuBar().actions()[0].menu().actions()}
    assert not menu_actions["导出备份(&E)…"].isVisible()
    assert not menu_actions["从备份恢复(&R)…"].isVisible()
    with pytest.raises(NotAllowed):
        viewer.context.db.run(township.set_setting, viewer.context.actor, "township_name", "改名")
    viewer.grab().save(str(tmp_path / "read-only.png"))
    folder = viewer.context.db.path.parent
    viewer.close()
    assert not folder.exists()  # the decrypted copy is removed with the window
    assert context.query(township.township_name) == "平地镇"


def test_restore_replaces_the_window_and_keeps_the_old_database(qtbot, window, context, messages, tmp_path):
    file = backup.write_backup(context.db.path, tmp_path / "b.sabk", PASSWORD, now=NOW).path
    context.db.run(township.set_setting, context.actor, "township_name", "录错的名字")
    window.backup_actions.restore_backup(file, PASSWORD, confirm=False)
    qtbot.waitUntil(lambda: window.replacement is not None, timeout=30_000)
    replacement = window.replacement
    qtbot.addWidget(replacement)
    assert replacement.context.query(township.township_name) == "平地镇"
    assert "平地镇" in replacement.windowTitle()
    assert replacement.roster_tab.model.total == 150
    kept = window.backup_actions.last_result
    assert isinstance(kept, Path) and kept.exists()
    assert "已恢复" in messages[-1] and kept.name in messages[-1]
    assert not window.isVisible()
    replacement.close()


def test_a_safety_copy_is_taken_at_start_and_can_be_chosen(qtbot, window, context, tmp_path):
    window.start_background_work()
    qtbot.waitUntil(lambda: bool(safety_copies.list_copies(context.db.path)), timeout=30_000)
    window.backup_actions.wait_for_safety_copy()
    qtbot.waitUntil(lambda: "安全副本" in window.statusBar().currentMessage(), timeout=5_000)
    copies = safety_copies.list_copies(context.db.path)
    dialog = SafetyCopyDialog(copies, now=NOW)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.chosen == copies[0]
    assert len(context.query(roster.list_rows, roster.RosterFilter(), today=TODAY)) == 150
    window.close()
    assert window.backup_actions.timer.isActive() is False


def test_schools_backups_compared_in_a_workbook(qtbot, window, context, messages, tmp_path):
    import openpyxl

    file = backup.write_backup(context.db.path, tmp_path / "a.sabk", PASSWORD, now=NOW).path
    out = tmp_path / "对比.xlsx"
    window.backup_actions.summarize_backups([file, file], PASSWORD, out)
    qtbot.waitUntil(lambda: window.backup_actions.last_result == out, timeout=60_000)
    rows = list(openpyxl.load_workbook(out)["各校对比"].iter_rows(values_only=True))
    _label, first, second, total = next(row for row in rows if row[0] == "在读学生")
    assert first == second > 0 and total == 2 * first
    assert str(out) in messages[-1]


@pytest.fixture
def progress_shown(monkeypatch, tmp_path) -> dict[str, list[tuple[int, str]]]:
    """What each progress dialog showed, by its title: the values and the words under them."""
    from PySide6.QtWidgets import QProgressDialog

    shown: dict[str, list[tuple[int, str]]] = {}
    set_value = QProgressDialog.setValue

    def recording(dialog, value):
        # Noted first: a modal dialog's setValue runs the events, which may show the next value within it.
        shown.setdefault(dialog.windowTitle(), []).append((value, dialog.labelText()))
        set_value(dialog, value)
        picture = tmp_path / "backup-progress.png"
        if dialog.isVisible() and value > 500 and not picture.exists():
            dialog.grab().save(str(picture))

    monkeypatch.setattr(QProgressDialog, "setValue", recording)
    return shown


def _moves(values: list[tuple[int, str]]) -> list[int]:
    numbers = [value for value, _label in values]
    assert numbers == sorted(numbers), values  # never backwards
    assert max(numbers) < 1000  # never full while the work goes on
    return sorted(set(numbers))


def test_export_verify_and_restore_show_progress_that_moves(qtbot, window, context, messages, tmp_path,
                                                            progress_shown):
    target = tmp_path / "usb" / "school.sabk"
    window.backup_actions.run_export(target, PASSWORD)
    qtbot.waitUntil(lambda: isinstance(window.backup_actions.last_result, backup.Verification), timeout=60_000)
    exporting, checking = progress_shown["正在导出备份…"], progress_shown["正在检查写入的文件…"]
    assert len(_moves(exporting)) >= 5 and len(_moves(checking)) >= 3
    # Said in bytes: how much of the database is copied, then written encrypted.
    assert any("MB" in label and ("Copying" in label or "复制" in label) for _value, label in exporting)
    assert any("MB" in label for _value, label in exporting[len(exporting) // 2:])

    progress_shown.clear()
    window.backup_actions.verify_backup(target, PASSWORD)
    qtbot.waitUntil(lambda: window.backup_actions.task.done, timeout=60_000)
    assert "完整无误" in messages[-1]
    (verifying,) = progress_shown.values()
    assert len(_moves(verifying)) >= 3 and any("MB" in label for _value, label in verifying)

    progress_shown.clear()
    window.backup_actions.restore_backup(target, PASSWORD, confirm=False)
    qtbot.waitUntil(lambda: window.replacement is not None, timeout=30_000)
    qtbot.addWidget(window.replacement)
    (restoring,) = progress_shown.values()
    assert len(_moves(restoring)) >= 3
    window.replacement.close()


def test_a_backup_double_clicked_asks_its_password_and_opens_read_only(qtbot, window, context, messages, tmp_path):
    from schoolaid.cli.main import build_parser
    from schoolaid.ui.app import view_backup_when_started
    from schoolaid.ui.backup.backup_dialogs import BackupPasswordDialog
    from tests.ui.driving import when_shown

    file = backup.write_backup(context.db.path, tmp_path / "波西村小学.sabk", PASSWORD, now=NOW).path
    # the desktop entry's and the Windows association's command line
    assert build_parser().parse_args(["--view-backup", str(file)]).view_backup == file
    assert build_parser().parse_args(["--view-backup"]).view_backup is None  # started from the menu: no file

    def type_password(dialog) -> None:
        dialog.password_edit.setText(PASSWORD)
        dialog.ok_button.click()

    asked = when_shown(BackupPasswordDialog, type_password)
    view_backup_when_started(window, file)
    qtbot.waitUntil(lambda: isinstance(window.backup_actions.last_result, MainWindow), timeout=30_000)
    viewer = window.backup_actions.last_result
    qtbot.addWidget(viewer)
    assert len(asked) == 1  # the password asked once, then the file opened
    assert "只读" in viewer.windowTitle() and file.name in viewer.windowTitle()
    viewer.close()
