"""Every dialog of the window opened, cancelled and saved again and again while background work runs:
the program never crashes and no dialog is ever destroyed off the GUI thread (issue 14, "Never crash").

What killed the program: PySide hands a dialog back to Python when ``exec()`` returns; a dialog held in
a reference cycle then lived on as garbage until Python's collector ran, on whatever thread allocated
at that moment (the home tab's figures, an export), and ``~QWidget`` ran on that worker thread. Here a
background task collects garbage on its own thread over and over, the worst case, while the dialogs
come and go; the home tab works its figures out after every save. Every dialog's ``destroyed`` is
watched, directly on the thread that destroys it.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import functools
import gc
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from reportlab.pdfgen import canvas

from schoolaid.accounts import accounts
from schoolaid.backup import safety_copies
from schoolaid.common.progress import Progress
from schoolaid.dropout import case_files, escalation, persuasion
from schoolaid.ledger import batches, entry_search, subsidy_programmes
from schoolaid.pairing import pairing, school_pairing, staff, visits
from schoolaid.reconcile.differences import Difference
from schoolaid.reconcile.vocabulary import DifferenceKind
from schoolaid.roster import roster, transfers
from schoolaid.township import township
from schoolaid.ui.main_window import MainWindow
from schoolaid.ui.operations import Access, run_op
from tests.sheets import registry_export, student_row
from tests.ui.driving import quiet_window

ROUNDS = 3


@dataclass
class Opener:
    name: str
    make: Callable[[], QDialog]
    save: bool = False  # press its Save/OK button (and cancel if it stays open), rather than Cancel


class DeletionWatch:
    """Which thread destroyed each dialog (``destroyed`` connected directly, so it runs on that thread)."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.destroyed_on: dict[int, str] = {}

    def watch(self, dialog: QDialog, name: str) -> None:
        key = len(self.opened)
        self.opened.append(name)
        dialog.destroyed.connect(functools.partial(self._destroyed, key), Qt.ConnectionType.DirectConnection)

    def _destroyed(self, key: int, *_args: object) -> None:
        self.destroyed_on[key] = threading.current_thread().name

    def off_the_gui_thread(self) -> list[str]:
        main = threading.main_thread().name
        return [f"{self.opened[key]} (on {thread})" for key, thread in self.destroyed_on.items() if thread != main]

    def never_destroyed(self) -> list[str]:
        return [name for key, name in enumerate(self.opened) if key not in self.destroyed_on]


def _finish(dialog_ref: weakref.ref, save: bool) -> None:
    """What the user does once the dialog shows: Save (or OK), or Cancel; Cancel if saving was refused."""
    dialog = dialog_ref()
    if dialog is None or not shiboken6.isValid(dialog):
        return
    if not dialog.isVisible():
        QTimer.singleShot(5, functools.partial(_finish, dialog_ref, save))
        return
    if save:
        for box in dialog.findChildren(QDialogButtonBox):
            accept = next((b for b in box.buttons() if box.buttonRole(b) == QDialogButtonBox.ButtonRole.AcceptRole),
                          None)
            if accept is not None and accept.isEnabled():
                accept.click()
                break
    if shiboken6.isValid(dialog) and dialog.isVisible():
        dialog.reject()


def _run(opener: Opener, watch: DeletionWatch) -> None:
    """Open the dialog as the window does (``Dialog(…, parent).exec()``) and answer it."""
    dialog = opener.make()
    watch.watch(dialog, opener.name)
    QTimer.singleShot(0, functools.partial(_finish, weakref.ref(dialog), opener.save))
    dialog.exec()


def _pdf(path: Path) -> Path:
    drawing = canvas.Canvas(str(path))
    drawing.drawString(72, 720, "stress")
    drawing.showPage()
    drawing.save()
    return path


def _openers(window: MainWindow, tmp_path: Path, round_number: int) -> list[Opener]:
    """Every dialog of the window, made as the window makes it, on today's data."""
    from schoolaid.ui.accounts.audit_dialog import AuditDialog
    from schoolaid.ui.accounts.operator_dialog import OperatorDialog
    from schoolaid.ui.accounts.password_dialog import ChangePasswordDialog
    from schoolaid.ui.accounts.sign_in_dialog import CreateAdministratorDialog, SignInDialog
    from schoolaid.ui.accounts.users_dialog import NewPasswordDialog, UserDialog, UsersDialog
    from schoolaid.ui.backup.backup_dialogs import (
        BackupPasswordDialog,
        ExportBackupDialog,
        SafetyCopyDialog,
        SafetyScheduleDialog,
    )
    from schoolaid.ui.dropout import dropout_dialogs as dd
    from schoolaid.ui.dropout.escalation_dialog import ServiceDialog
    from schoolaid.ui.dropout.term_start_dialog import TermStartDialog
    from schoolaid.ui.home.home_tab import VillageCountsDialog
    from schoolaid.ui.ledger import ledger_dialogs as ld
    from schoolaid.ui.pairing import pairing_dialogs as pd
    from schoolaid.ui.pairing.visit_panel import VisitDialog
    from schoolaid.ui.reconcile.check_dialog import CheckDialog
    from schoolaid.ui.roster.approval_dialog import ApprovalDialog
    from schoolaid.ui.roster.export_dialog import ExportDialog
    from schoolaid.ui.roster.household_dialog import HouseholdDialog
    from schoolaid.ui.roster.household_picker import HouseholdPicker
    from schoolaid.ui.roster.import_dialog import ImportDialog
    from schoolaid.ui.roster.status_dialog import StatusDialog
    from schoolaid.ui.roster.student_dialog import StudentDialog
    from schoolaid.ui.roster.transfer_dialog import ConfirmTransferDialog, DestinationDialog
    from schoolaid.ui.township.places_dialog import PlacesDialog, SchoolDialog, VillageDialog
    from schoolaid.ui.township.setup_dialog import SetupDialog
    from schoolaid.ui.widgets.pdf_preview import PdfPreview
    from schoolaid.ui.widgets.period_dialog import PeriodDialog
    from schoolaid.ui.widgets.student_picker import StudentPicker

    context = window.context
    query = context.query
    roster_tab, dropout_tab, ledger_tab, pairing_tab = (window.roster_tab, window.dropout_tab, window.ledger_tab,
                                                        window.pairing_tab)
    student_id = roster_tab.model.student_id(round_number)
    form = query(roster.get_form, student_id)
    household_id = next(query(roster.get_form, roster_tab.model.student_id(r)).household_id
                        for r in range(roster_tab.model.rowCount())
                        if query(roster.get_form, roster_tab.model.student_id(r)).household_id is not None)
    school_year = window.home_tab.term_combo.currentData().school_year.start_year
    village = query(township.list_villages)[0]
    school = query(township.list_schools)[0]
    cases = query(case_files.list_cases)
    case = cases[round_number % len(cases)]
    noticed = next(c for c in cases if c.notice is not None)
    attempted = next(a for c in cases for a in query(persuasion.attempts, c.id))
    dropout_tab.absences_all.setChecked(True)
    dropout_tab.show_absences()
    absence = dropout_tab.absences_model.row_object(0)
    pairings = query(pairing.list_pairings)
    member = query(staff.list_staff)[0]
    partnership = query(school_pairing.list_pairings)[0]
    visit = query(visits.list_visits, limit=1)[0]
    programme = query(subsidy_programmes.list_programmes)[0]
    batch = query(batches.list_batches)[0]
    entry = next(iter(query(entry_search.fetch_entry_rows, query(entry_search.search_entry_ids, entry_search.EntryFilter())[:1])
                      .values()))
    users = query(accounts.list_users)
    transfer_out = next(t for t in query(transfers.current_transfers) if t.direction is transfers.Direction.OUT)
    graduate = query(transfers.graduates)[0]
    sheet = registry_export(tmp_path / f"名单{round_number}.xlsx",
                            [student_row("张三", dt.date(2016, 3, 2), 1), student_row("李四", dt.date(2016, 5, 6), 2)])
    pdf = _pdf(tmp_path / f"preview{round_number}.pdf")
    # A child of the register on no roster, as the comparison finds one.
    unchecked = Difference(DifferenceKind.NOT_ENROLLED, "苏文博|2016-04-03", "苏文博", "", None, dt.date(2016, 4, 3),
                           None, "户籍：三组 户主苏建国；花名册：无", False, None, None, context.today(), None)

    class EditedStudent(StudentDialog):
        """The student's form with one field changed, so that Save writes (and the home tab recomputes)."""

        def __init__(self) -> None:
            super().__init__(context, student_id, roster_tab)
            self.notes_edit.setPlainText(f"{form.notes} 第{round_number}轮".strip())

    return [
        # The roster
        Opener("student (edit)", lambda: StudentDialog(context, student_id, roster_tab)),
        Opener("student (edit, saved)", EditedStudent, save=True),
        Opener("student (new)", lambda: StudentDialog(context, None, roster_tab)),
        Opener("household", lambda: HouseholdDialog(context, household_id, roster_tab), save=True),
        Opener("household (new)", lambda: HouseholdDialog(context, None, roster_tab)),
        Opener("household picker", lambda: HouseholdPicker(context, roster_tab)),
        Opener("status", lambda: StatusDialog(context, student_id, roster_tab)),
        Opener("approval", lambda: ApprovalDialog(context, student_id, roster_tab)),
        Opener("transfer confirmation", lambda: ConfirmTransferDialog(context, transfer_out, roster_tab)),
        Opener("graduate's destination", lambda: DestinationDialog(context, graduate.student_id, roster_tab)),
        Opener("export", lambda: ExportDialog(context, roster_tab.model.filter, roster_tab.model.sort_key,
                                              roster_tab.model.descending, roster_tab.model.shown, roster_tab)),
        Opener("import", lambda: ImportDialog(context, sheet, roster_tab)),
        Opener("student picker", lambda: StudentPicker(context, None, dropout_tab)),
        Opener("term-start check", lambda: TermStartDialog(context, window)),
        # Places and settings
        Opener("places", lambda: PlacesDialog(context, window)),
        Opener("village", lambda: VillageDialog(context, village, window), save=True),
        Opener("school", lambda: SchoolDialog(context, school, window), save=True),
        Opener("setup", lambda: SetupDialog(context)),
        Opener("preschool counts", lambda: VillageCountsDialog(context, school_year, window.home_tab), save=True),
        Opener("period", lambda: PeriodDialog("quarter", "quarter", context.today(), window), save=True),
        Opener("term", lambda: PeriodDialog("term", "term", context.today(), dropout_tab), save=True),
        Opener("print preview", lambda: PdfPreview(pdf, "preview", "preview.pdf", window)),
        # Accounts
        Opener("operator", lambda: OperatorDialog(context, window)),
        Opener("password", lambda: ChangePasswordDialog(context, window)),
        Opener("users", lambda: UsersDialog(context, window)),
        Opener("user (new)", lambda: UserDialog(context, None, window)),
        Opener("user", lambda: UserDialog(context, users[0], window) if users else UserDialog(context, None, window)),
        Opener("new password", lambda: NewPasswordDialog("admin", window)),
        Opener("audit", lambda: AuditDialog(context, window)),
        Opener("sign in", lambda: SignInDialog(context, window, "stress")),
        Opener("sign in (at start)", lambda: SignInDialog(context)),
        Opener("administrator", lambda: CreateAdministratorDialog(context)),
        # Backups
        Opener("export backup", lambda: ExportBackupDialog(tmp_path / "backup.sabk", window)),
        Opener("backup password", lambda: BackupPasswordDialog("backup", tmp_path / "backup.sabk", "stress", window)),
        Opener("safety copies", lambda: SafetyCopyDialog(safety_copies.list_copies(context.db.path), context.now(),
                                                         window)),
        Opener("safety schedule", lambda: SafetyScheduleDialog(24, 7, window), save=True),
        # Pairing
        Opener("staff", lambda: pd.StaffDialog(context, member.id, pairing_tab), save=True),
        Opener("staff (new)", lambda: pd.StaffDialog(context, None, pairing_tab)),
        Opener("leave", lambda: pd.LeaveDialog(context, member.id, pairing_tab)),
        Opener("pair", lambda: pd.PairDialog(context, member.id, parent=pairing_tab)),
        Opener("hand over", lambda: pd.HandOverDialog(context, pairings[0], pairing_tab)),
        Opener("end pairing", lambda: pd.EndPairingDialog(context, pairings[0], pairing_tab)),
        Opener("school pairing", lambda: pd.SchoolPairingDialog(context, pairing_tab)),
        Opener("activity", lambda: pd.ActivityDialog(context, partnership.id, partnership.school, pairing_tab)),
        Opener("end school pairing", lambda: pd.EndSchoolPairingDialog(context, partnership, pairing_tab)),
        Opener("visit", lambda: VisitDialog(context, visit.id, pairing_tab.visit_panel)),
        # The ledger
        Opener("programme", lambda: ld.ProgrammeDialog(context, programme.id, ledger_tab), save=True),
        Opener("programme (new)", lambda: ld.ProgrammeDialog(context, None, ledger_tab)),
        Opener("list members", lambda: ld.MembersDialog(context, programme, ledger_tab)),
        Opener("reverse", lambda: ld.ReverseDialog(context, entry, ledger_tab)),
        Opener("payment notice", lambda: ld.NoticeDialog(context, batch.id, ledger_tab)),
        Opener("payment", lambda: ld.PaymentDialog(context, batch.id, ledger_tab)),
        Opener("ledger history", lambda: ld.HistoryDialog(context, student_id, form.name, ledger_tab)),
        # Dropout
        Opener("absence", lambda: dd.AbsenceDialog(context, student_id, form.name, dropout_tab)),
        Opener("back at school", lambda: dd.BackAtSchoolDialog(context, absence, dropout_tab)),
        Opener("case", lambda: dd.CaseDialog(context, case_id=case.id, parent=dropout_tab), save=True),
        Opener("case (new)", lambda: dd.CaseDialog(context, student_id=student_id, student_name=form.name,
                                                   parent=dropout_tab)),
        Opener("attempt", lambda: dd.AttemptDialog(context, case, parent=dropout_tab)),
        Opener("attempt evidence", lambda: dd.AttemptEvidenceDialog(context, attempted, dropout_tab)),
        Opener("urging notice", lambda: dd.NoticeDialog(context, case, dropout_tab)),
        Opener("receipt", lambda: ServiceDialog(context, noticed, [s for s in query(escalation.chain, noticed.id).steps
                                                                    if s.issued][:1], dropout_tab)),
        Opener("move case", lambda: dd.MoveCaseDialog(context, case, dropout_tab)),
        Opener("dropout rules", lambda: dd.DropoutRulesDialog(context, window), save=True),
        # 比对核查
        Opener("reconcile check", lambda: CheckDialog(context, unchecked, dropout_tab.comparison_page)),
    ]


@pytest.fixture(autouse=True)
def _heap_frozen_as_in_the_program():
    """The program freezes what exists once its window is up (ui/garbage.py), so a collection after a
    dialog looks only at what came since. Here the heap also holds every earlier test's objects: freeze
    them too, or each collection after a dialog walks the whole suite's leftovers."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


@pytest.fixture
def window(qtbot, context, monkeypatch) -> MainWindow:
    return quiet_window(qtbot, context, monkeypatch)  # nothing may stop the walk


def test_every_dialog_many_times_while_background_work_runs(qtbot, window, tmp_path) -> None:
    assert faulthandler.is_enabled()  # a crash prints every thread's stack
    watch = DeletionWatch()
    stop = threading.Event()
    collections: list[int] = []
    failures: list[BaseException] = []
    db = window.context.db
    collect_now, collected = threading.Event(), threading.Event()

    def churn(progress: Progress) -> int:
        """A background task, as an export is one: database work, and a garbage collection on this thread
        each time a dialog has just closed (the moment the program used to die)."""
        while not stop.is_set():
            db.query(township.list_schools)
            if collect_now.wait(0.05):
                collect_now.clear()
                collections.append(gc.collect())
                collected.set()
        return len(collections)

    task = run_op(window.context, window, churn, access=Access.FILES, background=True, title="stress",
                  on_failure=failures.append)
    edited: dict[int, str] = {}
    try:
        for round_number in range(ROUNDS):
            window.home_tab.refresh()  # the figures worked out on the home tab's own thread meanwhile
            edited[window.roster_tab.model.student_id(round_number)] = f"第{round_number}轮"
            openers = _openers(window, tmp_path, round_number)
            dialogs_per_round = len(openers)
            for opener in openers:
                _run(opener, watch)
                collected.clear()
                collect_now.set()
                assert collected.wait(30), "the background task stopped collecting"
                qtbot.wait(1)
    finally:
        stop.set()
        task.wait(30)
        window.home_tab.wait()
    assert not failures
    assert collections, "the background task never collected garbage"
    # What is left is deleted as the program would: pending deletions, then a collection on this thread.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert watch.off_the_gui_thread() == []
    assert watch.never_destroyed() == []
    assert len(watch.opened) == ROUNDS * dialogs_per_round > 150
    # The saves went through (and each one had the home tab work its figures out again).
    notes = {student_id: window.context.query(roster.get_form, student_id).notes for student_id in edited}
    assert all(notes[student_id].endswith(mark) for student_id, mark in edited.items()), notes


def test_a_closed_dialog_is_freed_without_the_cycle_collector(qtbot, window, tmp_path) -> None:
    """No reference cycle keeps a closed dialog: it goes the moment Qt deletes it, not at the next collection."""
    kept: list[str] = []
    for opener in _openers(window, tmp_path, 0):
        dialog = opener.make()
        reference = weakref.ref(dialog)
        QTimer.singleShot(0, functools.partial(_finish, reference, False))
        dialog.exec()
        del dialog
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if reference() is not None:
            kept.append(opener.name)
    assert kept == [], f"kept alive by a reference cycle: {kept}"


def test_every_dialog_class_is_deleted_when_closed() -> None:
    """A dialog added later cannot forget it: every QDialog of the window derives from ``Dialog``."""
    import importlib
    import pkgutil

    import schoolaid.ui
    from schoolaid.ui.widgets.dialog import Dialog

    for module in pkgutil.walk_packages(schoolaid.ui.__path__, "schoolaid.ui."):
        importlib.import_module(module.name)

    def subclasses(cls: type) -> set[type]:
        return set(cls.__subclasses__()).union(*(subclasses(c) for c in cls.__subclasses__()))

    ours = {c for c in subclasses(QDialog) if c.__module__.startswith("schoolaid.")}
    assert len(ours) > 40
    assert sorted(c.__qualname__ for c in ours if not issubclass(c, Dialog)) == []
