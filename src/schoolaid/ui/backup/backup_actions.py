"""The File menu's backup work for one main window: export, verify, restore, open a backup
read-only, safety copies taken in the background and restored on request."""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from schoolaid.backup import backup, safety_copies
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.progress import Progress
from schoolaid.storage.database import Database, open_database
from schoolaid.township import township
from schoolaid.ui.backup.backup_dialogs import (
    BackupPasswordDialog,
    ExportBackupDialog,
    SafetyCopyDialog,
    SafetyScheduleDialog,
    backup_filter,
)
from schoolaid.ui.context import Entity
from schoolaid.ui.operations import Access, Operation, run_op
from schoolaid.ui.widgets.messages import show_error

if TYPE_CHECKING:
    from schoolaid.ui.main_window import MainWindow

log = logging.getLogger(__name__)
CHECK_INTERVAL_MS = 10 * 60 * 1000  # how often to look whether a safety copy is due


class BackupActions(QObject):
    safety_copy_taken = Signal(str)  # a message for the status bar
    _safety_done = Signal(object)  # the copy, or the error, from the worker thread

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.task: Operation | None = None
        self.last_result: Any = None  # what the last action produced, for the tests
        self._safety_thread: threading.Thread | None = None
        self._safety_done.connect(self._report_safety_copy)
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.take_safety_copy_if_due)

    @property
    def db(self) -> Database:
        return self.context.db

    def start(self) -> None:
        """A safety copy at every start, then one whenever the schedule says so."""
        if self.db.read_only:
            return
        self.take_safety_copy()
        self.timer.start()

    # --- safety copies -------------------------------------------------------------------------

    def take_safety_copy_if_due(self) -> None:
        hours = self.context.query(safety_copies.schedule).hours
        if safety_copies.is_due(self.db.path, hours, now=self.context.now()):
            self.take_safety_copy()

    def take_safety_copy(self) -> None:
        """Off the GUI thread and without a dialog: nobody should wait for it."""
        if self._safety_thread is not None and self._safety_thread.is_alive():
            return
        keep = self.context.query(safety_copies.schedule).keep
        path, now, key = self.db.path, self.context.now(), self.db.key  # an encrypted database's copy stays encrypted

        def work() -> None:
            try:
                result: object = safety_copies.take(path, keep, now=now, key=key)
            except Exception as exc:  # noqa: BLE001 - a failed copy is reported, never fatal
                log.warning("safety copy failed: %s", exc)
                result = exc
            self._safety_done.emit(result)

        self._safety_thread = threading.Thread(target=work, name="safety copy", daemon=True)
        self._safety_thread.start()

    def _report_safety_copy(self, result: object) -> None:
        if isinstance(result, safety_copies.SafetyCopy):
            self.safety_copy_taken.emit(self.tr("Safety copy taken at {time}.").format(
                time=result.taken.strftime("%H:%M")))
        else:
            detail = result.message if isinstance(result, SchoolAidError) else str(result)
            self.safety_copy_taken.emit(self.tr("The safety copy could not be taken: {detail}").format(detail=detail))

    def wait_for_safety_copy(self, timeout: float = 60.0) -> None:
        if self._safety_thread is not None:
            self._safety_thread.join(timeout)

    def edit_schedule(self) -> None:
        current = self.context.query(safety_copies.schedule)
        dialog = SafetyScheduleDialog(current.hours, current.keep, self.window)
        if dialog.exec():
            run_op(self.context, self.window, safety_copies.set_schedule, dialog.hours_spin.value(),
                   dialog.keep_spin.value(), affects={Entity.TOWNSHIP})

    def restore_safety_copy(self) -> None:
        dialog = SafetyCopyDialog(safety_copies.list_copies(self.db.path), self.context.now(), self.window,
                                  key=self.db.key)
        if not dialog.exec() or dialog.chosen is None:
            return
        copy = dialog.chosen
        answer = QMessageBox.question(self.window, self.tr("Restore from a safety copy"), self.tr(
            "Put back the data as it was on {time}? Everything entered since then leaves the database (it stays in "
            "the current database, which is kept as a dated copy).").format(time=copy.taken.strftime("%Y-%m-%d %H:%M")))
        if answer != QMessageBox.StandardButton.Yes:
            return
        now = self.context.now()
        key = self.db.key
        self._swap_database(lambda path: safety_copies.restore(copy, path, now=now, key=key), self.tr(
            "The safety copy of {time} is restored.").format(time=copy.taken.strftime("%Y-%m-%d %H:%M")))

    # --- the encrypted backup ------------------------------------------------------------------

    def _default_folder(self) -> Path:
        folder = self.context.preferences.backup_folder
        if folder and Path(folder).is_dir():
            return Path(folder)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def export_backup(self) -> None:
        if self.db.read_only:
            return
        schools = self.context.query(township.list_schools)
        central = next((s.name for s in schools if s.is_central), schools[0].name if schools else "SchoolAid")
        default = self._default_folder() / backup.default_file_name(central, self.context.today())
        dialog = ExportBackupDialog(default, self.window)
        if not dialog.exec():
            return
        self.run_export(dialog.path, dialog.password)

    def run_export(self, target: Path, password: str) -> None:
        """Export, then read the written file back and check it: a bad USB stick is found now, not at
        the township."""
        def written(info: backup.BackupInfo) -> None:
            self.task = run_op(self.context, self.window, backup.verify_backup, info.path, password,
                               access=Access.FILES, background=True, title=self.tr("Checking the written file…"),
                               on_success=lambda verification: checked(info, verification), on_failure=self._failed)

        def checked(info: backup.BackupInfo, verification: backup.Verification) -> None:
            # Recorded in the background: a write's commit waits for the disk (150 ms at a county's size
            # with the disk busy), and the GUI thread would wait with it.
            self.task = run_op(self.context, self.window, backup.record_export, info, affects={Entity.TOWNSHIP},
                               background=True, title=self.tr("Recording the backup…"),
                               on_success=lambda _none: recorded(info, verification),
                               on_failure=lambda error: not_recorded(info, verification, error))

        def not_recorded(info: backup.BackupInfo, verification: backup.Verification, error: SchoolAidError) -> None:
            log.warning("could not record the export: %s", error.message)
            recorded(info, verification)

        def recorded(info: backup.BackupInfo, verification: backup.Verification) -> None:
            self.last_result = verification
            self.context.preferences.backup_folder = str(info.path.parent)
            QMessageBox.information(self.window, self.tr("Export a backup"), self.tr(
                "The backup is written and checked:\n{path}\n\n{students} students, {entries} ledger entries, "
                "{cases} dropout cases.\n\nKeep the password safe: without it the backup cannot be opened.").format(
                    path=info.path, students=info.counts.get("students", 0),
                    entries=info.counts.get("ledger_entries", 0), cases=info.counts.get("dropout_cases", 0)))

        self.task = run_op(self.context, self.window, backup.export_backup, target, password, now=self.context.now(),
                           access=Access.READ_AS,
                           background=True, title=self.tr("Exporting the backup…"), on_success=written,
                           on_failure=self._failed)

    def _failed(self, error: SchoolAidError) -> None:
        self.last_result = error
        show_error(self.window, error)

    def _choose_backup(self, title: str) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(self.window, title, str(self._default_folder()), backup_filter())
        return Path(name) if name else None

    def _ask_password(self, title: str, file: Path, explanation: str) -> str | None:
        dialog = BackupPasswordDialog(title, file, explanation, self.window)
        return dialog.password if dialog.exec() else None

    def verify_backup(self, file: Path | None = None, password: str | None = None) -> None:
        title = self.tr("Check a backup")
        file = file or self._choose_backup(title)
        if file is None:
            return
        if password is None:
            password = self._ask_password(title, file, self.tr(
                "The whole backup is decrypted and checked; nothing is written."))
            if password is None:
                return
        checked_password = password

        def done(verification: backup.Verification) -> None:
            self.last_result = verification
            info = verification.info
            QMessageBox.information(self.window, title, self.tr(
                "The backup is complete and sound.\n\nSchool: {school}\nMade: {created}\n\n{checks}").format(
                    school=info.school, created=info.created.strftime("%Y-%m-%d %H:%M"),
                    checks="\n".join(f"✓ {c}" for c in verification.checks)))

        self.task = run_op(self.context, self.window, backup.verify_backup, file, checked_password, access=Access.FILES,
                           background=True, title=self.tr("Checking the backup…"), on_success=done,
                           on_failure=self._failed)

    def restore_backup(self, file: Path | None = None, password: str | None = None, confirm: bool = True) -> None:
        title = self.tr("Restore from a backup")
        file = file or self._choose_backup(title)
        if file is None:
            return
        read = run_op(self.context, self.window, backup.read_info, file, access=Access.FILES)
        if not read.succeeded:
            return
        info = read.result
        if confirm:
            answer = QMessageBox.question(self.window, title, self.tr(
                "Replace the data on this PC with the backup of {school} made {created} ({students} students)?\n\n"
                "The current database is kept as a dated copy beside it.").format(
                    school=info.school, created=info.created.strftime("%Y-%m-%d %H:%M"),
                    students=info.counts.get("students", 0)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        if password is None:
            password = self._ask_password(title, file, self.tr("Type the password chosen when the backup was made."))
            if password is None:
                return
        checked_password = password
        folder = Path(tempfile.mkdtemp(prefix=".schoolaid-restore-", dir=self.db.path.parent))

        def work(progress: Progress) -> Path:
            return backup.prepare_restore(file, checked_password, folder, progress)[1]

        def done(restored: Path) -> None:
            try:
                now, key = self.context.now(), self.db.key  # the current database is kept aside with its key
                self._swap_database(lambda path: backup.replace_database(path, restored, now=now, key=key), self.tr(
                    "The backup of {school} made {created} is restored.").format(
                        school=info.school, created=info.created.strftime("%Y-%m-%d %H:%M")))
            finally:
                shutil.rmtree(folder, ignore_errors=True)

        def failed(error: SchoolAidError) -> None:
            shutil.rmtree(folder, ignore_errors=True)
            self._failed(error)

        self.task = run_op(self.context, self.window, work, access=Access.FILES, background=True,
                           title=self.tr("Decrypting the backup…"), on_success=done, on_failure=failed,
                           on_cancel=lambda: shutil.rmtree(folder, ignore_errors=True))

    def _swap_database(self, replace: Any, message: str) -> None:
        """Close the database, let ``replace(path)`` put another in its place (it returns where the old
        one was kept), and reopen the window on the result: through the sign-in when it has accounts (its
        accounts and passwords are those of the backup; an encrypted one opens only so)."""
        self.timer.stop()
        self.wait_for_safety_copy()
        self.window.stop_work()
        path, key = self.db.path, self.db.key
        self.db.close()
        QGuiApplication.setOverrideCursor(self.window.cursor())
        try:
            swapped = run_op(self.context, self.window, replace, path, access=Access.FILES)
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not swapped.succeeded:
            # Whatever is there now, with the key it had: the replacement never half-happens.
            self.window.reopen(open_database(path, key=key))
            return
        kept = swapped.result
        self.last_result = kept
        text = message
        if kept is not None:
            text += "\n\n" + self.tr("The database as it was before is kept as:\n{path}").format(path=kept)
        window = self._reopen_restored(path, text)
        if window is not None:
            QMessageBox.information(window, self.tr("Restored"), text)

    def _reopen_restored(self, path: Path, message: str) -> MainWindow | None:
        """The window on the restored database, or None when nobody signed in on it (the window then
        closes: SchoolAid asks for the sign-in at its next start)."""
        from schoolaid.accounts.permissions import accounts_enabled
        from schoolaid.storage import encryption
        from schoolaid.ui.accounts.recovery_dialogs import show_recovery_key
        from schoolaid.ui.accounts.sign_in_dialog import OpeningSignInDialog
        from schoolaid.ui.context import AppContext

        if encryption.state(path) != encryption.ENCRYPTED:
            db = open_database(path)
            if not db.query(accounts_enabled):
                return self.window.reopen(db)  # a backup from before accounts: as before, the operator's
            db.close()
        dialog = OpeningSignInDialog(path, self.context.preferences, self.window, self.tr(
            "The backup is restored. Sign in with an account of the backup (its passwords are those of the day "
            "it was made)."))
        opened = dialog.opened if dialog.exec() else None
        if opened is None or opened.db is None:
            QMessageBox.information(self.window, self.tr("Restored"), message + "\n\n" + self.tr(
                "Nobody signed in on the restored data: SchoolAid closes now and asks for the sign-in at its next "
                "start."))
            self.window.owns_database = False  # closed above
            self.window.close()
            return None
        if opened.recovery_key:
            show_recovery_key(AppContext(opened.db, self.context.preferences, actor=opened.actor),
                              opened.recovery_key, self.window)
        window = self.window.reopen(opened.db, opened.actor)
        window.show_password_resets_needed(converted=bool(opened.recovery_key))
        return window

    def open_read_only(self, file: Path | None = None, password: str | None = None) -> None:
        title = self.tr("Open a backup to view")
        file = file or self._choose_backup(title)
        if file is None:
            return
        if password is None:
            password = self._ask_password(title, file, self.tr(
                "The backup opens in a window of its own; nothing in it can be changed."))
            if password is None:
                return
        checked_password = password

        def done(db: Database) -> None:
            from schoolaid.ui.context import AppContext
            from schoolaid.ui.main_window import MainWindow

            context = AppContext(db, self.context.preferences, self.context.operator or self.tr("viewer"))
            viewer = MainWindow(context, owns_database=True)
            viewer.show()
            self.last_result = viewer
            self.window.viewers.append(viewer)

        self.task = run_op(self.context, self.window, backup.open_for_viewing, file, checked_password,
                           access=Access.FILES, background=True, title=self.tr("Decrypting the backup…"),
                           on_success=done, on_failure=self._failed)

    def summarize_backups(self, files: list[Path] | None = None, password: str | None = None,
                          target: Path | None = None) -> None:
        """The township's comparison of its schools from their backups, as a workbook."""
        title = self.tr("Compare schools' backups")
        if files is None:
            names, _filter = QFileDialog.getOpenFileNames(self.window, title, str(self._default_folder()),
                                                          backup_filter())
            files = [Path(n) for n in names]
        if not files:
            return
        if password is None:
            password = self._ask_password(title, files[0], self.tr(
                "The backups are decrypted one by one with this password (the schools must have used the same one) "
                "and their key figures put side by side in a workbook."))
            if password is None:
                return
        if target is None:
            name, _filter = QFileDialog.getSaveFileName(
                self.window, title, str(self._default_folder() / f"各校关键数据对比_{self.context.today():%Y%m%d}.xlsx"),
                "Excel (*.xlsx)")
            if not name:
                return
            target = Path(name)
        checked_password, chosen, out, actor = password, list(files), target, self.context.actor
        today = self.context.today()

        def work(progress: Progress) -> Path:
            from schoolaid.reporting import township_summary  # openpyxl, loaded only for this workbook

            township_summary.summarize(actor, chosen, checked_password, out, today, progress=progress)
            return out

        def done(path: Path) -> None:
            self.last_result = path
            QMessageBox.information(self.window, title, self.tr("The comparison of {n} schools is saved as {path}.").format(
                n=len(chosen), path=path))

        self.task = run_op(self.context, self.window, work, access=Access.FILES, background=True,
                           title=self.tr("Reading the backups…"), on_success=done, on_failure=self._failed)

    def stop(self) -> None:
        self.timer.stop()
        if self.task is not None:
            self.task.stop()
        self.wait_for_safety_copy()
