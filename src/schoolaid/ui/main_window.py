"""The main window: menus, the tabs, and the status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QVBoxLayout, QWidget

from schoolaid import __version__
from schoolaid.accounts import accounts
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, role_label, who_may
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.school_calendar import Quarter
from schoolaid.dropout import case_files
from schoolaid.dropout.case_files import Attention
from schoolaid.ledger import coverage
from schoolaid.pairing import pairing
from schoolaid.storage.database import Database
from schoolaid.township import township
from schoolaid.ui import first_paint
from schoolaid.ui.actions import BY_ID, build_menus, offered, resolve, show_offered
from schoolaid.ui.backup.backup_actions import BackupActions
from schoolaid.ui.context import AppContext, Entity
from schoolaid.ui.home.home_tab import HomeTab
from schoolaid.ui.idle import IdleWatch
from schoolaid.ui.operations import Access, Operation, run_op, stop_running
from schoolaid.ui.widgets.latest import Latest
from schoolaid.ui.widgets.lazy_tabs import LazyTabs

if TYPE_CHECKING:
    from schoolaid.ui.dropout.dropout_tab import DropoutTab
    from schoolaid.ui.ledger.ledger_tab import LedgerTab
    from schoolaid.ui.pairing.pairing_tab import PairingTab
    from schoolaid.ui.roster.roster_tab import RosterTab


def _badge_unknown(_error: SchoolAidError) -> None:
    """A badge that could not be counted keeps its last figure; the tab says why when it is opened."""

# How long a status-bar message stays.
MESSAGE_MS = 15_000


class MainWindow(QMainWindow):
    # The manual's chapter (its anchor in manual.html, tools/manual.py) for each tab: F1 opens the one in front.
    # The tab pages (as the tab bar holds them: looking builds no tab) and their chapters of the manual.
    MANUAL_CHAPTERS = {"home_page": "home", "roster_page": "roster", "pairing_page": "pairing",
                       "ledger_page": "ledger", "dropout_page": "dropout"}

    def __init__(self, context: AppContext, parent: QWidget | None = None, *, owns_database: bool = False) -> None:
        super().__init__(parent)
        self.context = context
        # A window opened on a backup, or reopened after a restore, closes its database itself.
        self.owns_database = owns_database
        self.viewers: list[MainWindow] = []  # backups opened read-only from this window
        self.replacement: MainWindow | None = None
        self.backup_actions = BackupActions(self)
        self.backup_actions.safety_copy_taken.connect(lambda text: self.show_message(text))
        self.resize(1366, 740)
        self.setMinimumSize(1000, 600)

        # The first screen is built now; the other tabs (their titles and badges there from the start)
        # when first shown or used: their modules, widgets and queries are not the start's to pay.
        self.tabs = LazyTabs()
        self.tabs.setDocumentMode(True)
        # The first screen too, a turn after the window's frame: built in the same turn as the frame, its widgets,
        # queries and first layout held the window's opening 60-110 ms at a county's size.
        self.home_page = self.tabs.add_lazy_tab(self._build_home_tab, self.tr("Home"))
        self.roster_page = self.tabs.add_lazy_tab(self._build_roster_tab, self.tr("Student roster"),
                                                  module="schoolaid.ui.roster.roster_tab")
        self.pairing_page = self.tabs.add_lazy_tab(self._build_pairing_tab, self.tr("Household pairing"),
                                                   module="schoolaid.ui.pairing.pairing_tab")
        self.ledger_page = self.tabs.add_lazy_tab(self._build_ledger_tab, self.tr("Subsidy ledger"),
                                                  module="schoolaid.ui.ledger.ledger_tab")
        self.dropout_page = self.tabs.add_lazy_tab(self._build_dropout_tab, self.tr("Dropout cases"),
                                                   module="schoolaid.ui.dropout.dropout_tab")
        if context.db.read_only:
            # Said where the eye falls, not only in the title bar: this window shows a backup.
            banner = QLabel(self.tr("Read-only view of the backup {file}: nothing here can be changed.").format(
                file=Path(context.db.label).name))
            banner.setObjectName("readOnlyBanner")
            banner.setStyleSheet("background: #fff3c4; color: #5c4400; padding: 6px; font-weight: bold;")
            central = QWidget()
            layout = QVBoxLayout(central)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(0)
            layout.addWidget(banner)
            layout.addWidget(self.tabs, 1)
            self.setCentralWidget(central)
        else:
            self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _index: self.count_label.setVisible(self._showing(self.roster_page)))

        # One message area (``show_message``) on the left; what is always there — the roster's counts, the
        # operator, the database — sits in permanent widgets on the right, which a message never covers.
        self._hint = ""
        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCounts")
        self.operator_label = QLabel()
        self.database_label = QLabel()
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.operator_label)
        self.statusBar().addPermanentWidget(self.database_label)
        context.operator_changed.connect(lambda _name: self._show_operator())
        context.operator_changed.connect(lambda _name: show_offered(self, self.context))
        context.changed.connect(self._data_changed)
        self._build_menus()
        self.count_label.setVisible(self._showing(self.roster_page))
        # The badges are counted off the GUI thread; only the answer to the latest count is shown.
        self.badge_requests = {name: Latest() for name in ("pairing", "ledger", "dropout")}
        self.badge_work: dict[str, Operation] = {}  # the latest count of each badge, until a newer one
        self._count_badges(frozenset({Entity.ALL}))
        self._show_operator()
        shown_path = context.db.label or context.db.path
        self.database_label.setText(self.tr("Database: {path}").format(path=shown_path))
        self.database_label.setToolTip(str(shown_path))
        self._update_title()
        self._locked = False
        self.idle_watch = IdleWatch(self)
        self.idle_timer = QTimer(self)
        self.idle_timer.setInterval(30_000)
        self.idle_timer.timeout.connect(self._check_idle)
        if context.signed_in:
            self.idle_timer.start()
        state = context.preferences.window_state("main")
        if state is not None:
            self.restoreGeometry(state)

    @property
    def home_tab(self) -> HomeTab:
        return self.home_page.content()  # type: ignore[return-value, unused-ignore]

    @property
    def roster_tab(self) -> RosterTab:
        return self.roster_page.content()  # type: ignore[return-value, unused-ignore]

    @property
    def pairing_tab(self) -> PairingTab:
        return self.pairing_page.content()  # type: ignore[return-value, unused-ignore]

    @property
    def ledger_tab(self) -> LedgerTab:
        return self.ledger_page.content()  # type: ignore[return-value, unused-ignore]

    @property
    def dropout_tab(self) -> DropoutTab:
        return self.dropout_page.content()  # type: ignore[return-value, unused-ignore]

    def _showing(self, page: QWidget) -> bool:
        """Whether the tab of ``page`` is the one shown (without building it)."""
        return self.tabs.currentIndex() == self.tabs.indexOf(page)

    def _build_home_tab(self) -> HomeTab:
        tab = HomeTab(self.context)
        tab.open_requested.connect(self.open_work_item)
        return tab

    def _build_roster_tab(self) -> RosterTab:
        from schoolaid.ui.roster.roster_tab import RosterTab

        # Made a part a turn (widgets.lazy_tabs): its first search, the last part, gives the status bar its counts.
        tab = RosterTab(self.context, in_steps=True)
        tab.counts_changed.connect(self._show_counts)
        tab.hint_changed.connect(self._show_hint)
        tab.message.connect(lambda text: self.show_message(text))
        tab.absence_requested.connect(lambda student_id, name: self.dropout_tab.record_absence(student_id, name))
        return tab

    def _build_pairing_tab(self) -> PairingTab:
        from schoolaid.ui.pairing.pairing_tab import PairingTab

        tab = PairingTab(self.context, in_steps=True)
        tab.gaps_changed.connect(self._show_pairing_gaps)
        tab.message.connect(lambda text: self.show_message(text))
        return tab

    def _build_ledger_tab(self) -> LedgerTab:
        from schoolaid.ui.ledger.ledger_tab import LedgerTab

        tab = LedgerTab(self.context, in_steps=True)
        tab.gaps_changed.connect(self._show_ledger_gaps)
        tab.message.connect(lambda text: self.show_message(text))
        return tab

    def _build_dropout_tab(self) -> DropoutTab:
        from schoolaid.ui.dropout.dropout_tab import DropoutTab

        tab = DropoutTab(self.context, in_steps=True)
        tab.attention_changed.connect(lambda _n: self._show_dropout_attention(tab.attention))
        tab.message.connect(lambda text: self.show_message(text))
        return tab

    def _build_menus(self) -> None:
        """The menus, from the registry of actions (ui/actions.py), and the language choice."""
        menus = build_menus(self.menuBar(), self.context, self)
        settings = menus["settings"]
        settings.addSeparator()
        language_menu = settings.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in (("zh_CN", "中文"), ("en", "English")):
            action = QAction(name, self, checkable=True)
            action.setChecked(self.context.preferences.language == code)
            action.triggered.connect(lambda _checked=False, c=code: self._set_language(c))
            group.addAction(action)
            language_menu.addAction(action)
        show_offered(self, self.context)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.roster_tab)
        self.roster_tab.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.roster_tab.search_edit.selectAll()

    def _show_counts(self, shown: int, total: int) -> None:
        locale = QLocale()
        self.count_label.setText(self.tr("Showing {shown} of {total} students").format(
            shown=locale.toString(shown), total=locale.toString(total)))

    def _show_pairing_gaps(self, count: int) -> None:
        title = self.tr("Household pairing")
        index = self.tabs.indexOf(self.pairing_page)
        self.tabs.setTabText(index, f"{title} ({count})" if count else title)
        self.tabs.setTabToolTip(index, self.tr("{n} gaps in the pairing: households without a helper, helpers "
                                               "off quota or gone, visits overdue").format(n=count) if count else "")

    def _show_ledger_gaps(self, count: int) -> None:
        title = self.tr("Subsidy ledger")
        index = self.tabs.indexOf(self.ledger_page)
        self.tabs.setTabText(index, f"{title} ({count})" if count else title)
        self.tabs.setTabToolTip(index, self.tr("{n} times this quarter an eligible student got no aid").format(n=count)
                                if count else "")

    def _show_dropout_attention(self, attention: Attention) -> None:
        title = self.tr("Dropout cases")
        index = self.tabs.indexOf(self.dropout_page)
        self.tabs.setTabText(index, f"{title} ({attention.total})" if attention.total else title)
        self.tabs.setTabToolTip(index, self.tr(
            "{to_open} absences waiting for a case, {due} cases ready for the urging notice, {expired} notice deadlines "
            "passed").format(to_open=attention.to_open, due=attention.notice_due, expired=attention.expired)
            if attention.total else "")

    def record_absence(self) -> None:
        student_id = self.roster_tab.selected_student_id() if self._showing(self.roster_page) else None
        if student_id is not None:
            self.roster_tab.request_absence()
        else:
            self.dropout_tab.record_absence()

    def term_start_check(self) -> None:
        from schoolaid.ui.dropout import term_start_dialog

        term_start_dialog.open_dialog(self.context, self)

    def show_message(self, text: str, ms: int = MESSAGE_MS) -> None:
        """The status bar's one message (replacing the one before it); ``ms`` 0 keeps it until the next."""
        if text:
            self.statusBar().showMessage(text, ms)
        else:
            self.statusBar().clearMessage()

    def _show_hint(self, text: str) -> None:
        """The roster's passing remark stays while it holds; its end clears it, and only it (not a
        message that came after it)."""
        if text:
            self.show_message(text, 0)
        elif self._hint and self.statusBar().currentMessage() == self._hint:
            self.show_message("")
        self._hint = text

    def _show_operator(self) -> None:
        actor = self.context.actor
        name = f"{actor.name}（{role_label(actor.role)}）" if actor.role else actor.name
        self.operator_label.setText(self.tr("Operator: {name}").format(name=name))

    def _data_changed(self, changed: frozenset[str]) -> None:
        if Entity.touched(changed, Entity.TOWNSHIP):
            self._update_title()
        self._count_badges(changed)

    def _count_badges(self, changed: frozenset[str]) -> None:
        """Recount the badges a change concerns, in the background: hidden tabs read nothing."""
        today = self.context.today()
        if Entity.touched(changed, Entity.PAIRING, Entity.HOUSEHOLD, Entity.TOWNSHIP):
            self._count_badge("pairing", self._show_pairing_gaps, pairing.gap_count, today)
        if Entity.touched(changed, Entity.LEDGER, Entity.STUDENT, Entity.HOUSEHOLD, Entity.TOWNSHIP, Entity.DROPOUT):
            ledger = self.ledger_page.built_content
            if ledger is not None and ledger.counts_the_gaps():
                # Its page works the same gaps out and tells the badge: counted twice at once, they held the window
                # 100 ms and more after a student's save (two threads in Python, the GUI thread waiting its turn).
                self.badge_requests["ledger"].forget()
                self._call_off_badge("ledger")
            else:
                self._count_badge("ledger", self._show_ledger_gaps, coverage.gap_count, Quarter.containing(today).key,
                                  today)
        if Entity.touched(changed, Entity.DROPOUT, Entity.STUDENT, Entity.HOUSEHOLD, Entity.TOWNSHIP, Entity.PAIRING,
                          Entity.RECONCILE):
            self._count_badge("dropout", self._show_dropout_attention, case_files.attention, today,
                              classes=self.context.teacher_classes)

    def _count_badge(self, name: str, show: Callable[[Any], None], service: Callable[..., Any], *args: Any,
                     **kwargs: Any) -> None:
        latest = self.badge_requests[name]
        self._call_off_badge(name)  # its answer would be dropped: it need not be worked out at all
        self.badge_work[name] = run_op(
            self.context, self, service, *args, access=Access.READ, background=True, quiet=True, unasked=True,
            on_success=latest.only(latest.start(), show), on_failure=_badge_unknown, **kwargs)

    def _call_off_badge(self, name: str) -> None:
        earlier = self.badge_work.pop(name, None)
        if earlier is not None:
            earlier.call_off()

    def _update_title(self) -> None:
        name = self.context.query(township.township_name)
        title = self.tr("SchoolAid") + f" {__version__}"  # the version in sight when someone phones for help
        title = f"{title} — {name}" if name else title
        if self.context.db.read_only:
            title += " — " + self.tr("READ-ONLY: backup {file}").format(file=Path(self.context.db.label).name)
        self.setWindowTitle(title)

    def change_operator(self) -> None:
        from schoolaid.ui.accounts.operator_dialog import OperatorDialog

        OperatorDialog(self.context, self).exec()

    def open_work_item(self, kind: str, target: object) -> None:
        """A line of today's work, opened where the work is done."""
        from schoolaid.reporting.work_list import Kind

        if kind in (Kind.STALE_CASE, Kind.NOTICE_EXPIRED, Kind.ESCALATION, Kind.FOLLOW_UP) and isinstance(target, int):
            self.tabs.setCurrentWidget(self.dropout_tab)
            self.dropout_tab.select_case(target)
        elif kind == Kind.ABSENCE:
            self.tabs.setCurrentWidget(self.dropout_tab)
            self.dropout_tab.sections.setCurrentIndex(self.dropout_tab.ABSENCES)
            if isinstance(target, int):
                self.dropout_tab.select_absence(target)
        elif kind == Kind.OUT_OF_SCHOOL and isinstance(target, int):
            self.tabs.setCurrentWidget(self.dropout_tab)
            self.dropout_tab.open_case_for_found_child(target)
        elif kind in (Kind.DUE_TO_ENROLL, Kind.SUSPENSION, Kind.TRANSFER_UNCONFIRMED, Kind.GRADUATE_UNPLACED,
                      Kind.NOT_REPORTED) and isinstance(target, int):
            self.tabs.setCurrentWidget(self.roster_tab)
            self.roster_tab.select_student(target)
        elif kind in (Kind.HOME_TEACHING, Kind.AWAITING_PLACEMENT) and isinstance(target, int):
            self.tabs.setCurrentWidget(self.roster_tab)
            self.roster_tab.select_student(target)
            self.roster_tab.open_disability(target)
        elif kind == Kind.RECONCILE:
            self.tabs.setCurrentWidget(self.dropout_tab)
            self.dropout_tab.show_comparison(target if isinstance(target, int) else None)
        elif kind in (Kind.UNPAIRED, Kind.VISIT_OVERDUE):
            self.tabs.setCurrentWidget(self.pairing_tab)
            self.pairing_tab.sections.setCurrentIndex(self.pairing_tab.GAPS)
        elif kind == Kind.UNPAID:
            self.tabs.setCurrentWidget(self.ledger_tab)
            self.ledger_tab.sections.setCurrentIndex(self.ledger_tab.GAPS)
        elif kind == Kind.NOT_ASSESSED:
            self.tabs.setCurrentWidget(self.ledger_tab)
            self.ledger_tab.sections.setCurrentIndex(self.ledger_tab.HARDSHIP)
        elif kind == Kind.REPORT_BACK:
            self.run_action("students.term_start")
        elif kind == Kind.TERM_REPORT:
            self.run_action("print.term_report")
        elif kind == Kind.BACKUP:
            self.run_action("file.export_backup")

    def run_action(self, action_id: str) -> None:
        """An action of the registry asked for from elsewhere (a line of today's work): done only when
        the role is offered it, as from its menu."""
        spec = BY_ID[action_id]
        if not offered(spec, self.context):
            QMessageBox.information(self, self.tr("Not for your role"), self.tr(
                "\u201c{action}\u201d is not part of your role ({role}): ask a {allowed}.").format(
                    action=spec.button_label(), role=role_label(self.context.actor.role or ""),
                    allowed=(who_may(*spec.needs) if spec.needs else "") or self.tr("person signed in")))
            return
        getattr(resolve(self, spec.target), spec.method)()

    def switch_user(self) -> None:
        self.lock("")

    def change_password(self) -> None:
        from schoolaid.ui.accounts.password_dialog import ChangePasswordDialog

        ChangePasswordDialog(self.context, self).exec()

    def edit_accounts(self) -> None:
        from schoolaid.ui.accounts.users_dialog import UsersDialog

        UsersDialog(self.context, self).exec()

    def show_audit(self) -> None:
        from schoolaid.ui.accounts.audit_dialog import AuditDialog

        AuditDialog(self.context, self).exec()

    def edit_idle_minutes(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        from schoolaid.accounts import accounts

        minutes, ok = QInputDialog.getInt(self, self.tr("Sign out when idle"), self.tr(
            "Lock the window after this many minutes without use (0: never):"),
            self.context.query(accounts.idle_minutes), 0, 240)
        if ok:
            run_op(self.context, self, township.set_idle_minutes, minutes, affects={Entity.TOWNSHIP})

    def lock(self, reason: str) -> bool:
        """Hide the data and ask for a sign-in (idle, or someone else's turn); True once signed in."""
        from schoolaid.ui.accounts.sign_in_dialog import SignInDialog

        if self._locked:
            return False
        self._locked = True
        self.centralWidget().setVisible(False)
        try:
            signed_in = bool(SignInDialog(self.context, self, reason).exec())
        finally:
            self._locked = False
        if not signed_in:
            self.close()
            return False
        self.centralWidget().setVisible(True)
        self.idle_watch.touch()
        return True

    def _check_idle(self) -> None:
        from schoolaid.accounts import accounts

        if not self.context.signed_in or self._locked:
            return
        minutes = self.context.query(accounts.idle_minutes)
        if minutes and self.idle_watch.idle_seconds() >= minutes * 60:
            self.lock(self.tr("SchoolAid was left unused for {n} minutes: sign in again.").format(n=minutes))

    def edit_places(self) -> None:
        from schoolaid.ui.township.places_dialog import PlacesDialog

        PlacesDialog(self.context, self).exec()

    def import_reference_list(self, path: Path | None = None) -> None:
        """A household register, poverty list or registry export for 四查三比对, through its preview."""
        from PySide6.QtWidgets import QFileDialog

        from schoolaid.ui.reconcile.list_import_dialog import ListImportDialog

        if not self.context.allows(Permission.EDIT_ROSTER):
            return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import a list for comparison"), "",
                self.tr("Lists (*.xlsx *.xls *.csv);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        dialog = ListImportDialog(self.context, path, self)
        if dialog.exec():
            self.show_message(dialog.result_text())

    def edit_dropout_rules(self) -> None:
        from schoolaid.ui.dropout.dropout_dialogs import DropoutRulesDialog

        DropoutRulesDialog(self.context, self).exec()

    def print_quarterly(self, year: int | None = None, quarter: int | None = None) -> None:
        from schoolaid.reporting import summary
        from schoolaid.ui.widgets.period_dialog import PeriodDialog

        if year is None or quarter is None:
            dialog = PeriodDialog("quarter", self.tr("Quarterly summary"), self.context.today(), self)
            if not dialog.exec():
                return
            year, quarter = dialog.year, int(dialog.part)
        self._print(self.tr("Quarterly summary"), f"季度工作汇总_{year}Q{quarter}.pdf", summary.write_quarterly,
                    year, quarter)

    def print_monthly(self, year: int | None = None, month: int | None = None) -> None:
        from schoolaid.reporting import monthly
        from schoolaid.ui.widgets.period_dialog import PeriodDialog

        if year is None or month is None:
            dialog = PeriodDialog("month", self.tr("Monthly report"), self.context.today(), self)
            if not dialog.exec():
                return
            year, month = dialog.year, int(dialog.part)
        self._print(self.tr("Monthly report"), f"控辍保学月报_{year}-{month:02d}.pdf", monthly.write_monthly,
                    year, month)

    def print_register(self) -> None:
        from schoolaid.reporting import reports

        self._print(self.tr("Pairing register"), "结对帮扶花名册.pdf", reports.write_register)

    def print_home_teaching(self) -> None:
        from schoolaid.reporting import home_teaching

        self._print(self.tr("送教上门 register"), "送教上门登记表.pdf", home_teaching.write_register)

    def _print(self, title: str, file_name: str, service: Callable[..., Any], *before_path: Any) -> None:
        """A printout written off the GUI thread by ``service(..., path, today)``, then previewed."""
        from schoolaid.ui.widgets.pdf_preview import preview_path, show_preview

        path = preview_path(file_name)
        run_op(self.context, self, service, *before_path, path, self.context.today(), access=Access.READ_AS,
               background=True, title=title, on_success=lambda _pages: show_preview(self, path, title, file_name))

    def _set_language(self, code: str) -> None:
        if code == self.context.preferences.language:
            return
        self.context.preferences.language = code
        QMessageBox.information(self, self.tr("Language"), self.tr(
            "The new language is used the next time SchoolAid starts."))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About SchoolAid"), self.tr(
            "<h3>SchoolAid {version}</h3><p>Student roster, household pairing, subsidy ledger and dropout case "
            "files for a township central school. Works without a network; your data stays on this PC.</p>"
            "<p>Fonts: WenQuanYi Micro Hei (Apache 2.0), LXGW WenKai (SIL OFL 1.1).</p>").format(version=__version__))

    def open_manual(self) -> None:
        """The manual in the system's browser (a local file: no network), at the chapter of the tab in front."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from schoolaid.common.paths import manual_dir

        manual = manual_dir() / "manual.html"
        if not manual.is_file():
            QMessageBox.information(self, self.tr("User manual"), self.tr(
                "The user manual is not installed with this copy of SchoolAid (it should be at {path}). Ask whoever "
                "installed the program for the package that includes it.").format(path=manual))
            return
        url = QUrl.fromLocalFile(str(manual))
        in_front = self.tabs.page(self.tabs.currentIndex())
        chapter = next((anchor for attribute, anchor in self.MANUAL_CHAPTERS.items()
                        if in_front is getattr(self, attribute)), "")
        if chapter:
            url.setFragment(chapter)
        if not QDesktopServices.openUrl(url):
            QMessageBox.information(self, self.tr("User manual"), self.tr(
                "No program on this PC could open the manual. Open this file in a web browser: {path}").format(
                    path=manual))

    def reopen(self, db: Database, actor: Actor | None = None) -> MainWindow:
        """The window again on another database (after a restore), signed in as ``actor`` (who signed in
        on it) or as before; this one closes."""
        if actor is None and self.context.signed_in:
            actor = self.context.actor
        window = MainWindow(AppContext(db, self.context.preferences, self.context.operator, actor), owns_database=True)
        window.show()
        window.start_background_work()
        self.replacement = window
        self.owns_database = False  # already closed by the restore
        self.close()
        return window

    def show_password_resets_needed(self, *, converted: bool = False) -> None:
        """To an administrator, on the status bar: the accounts that cannot sign in until their password is
        reset (on a database just encrypted, every account but the administrator's own)."""
        if not self.context.signed_in or not self.context.allows(Permission.MANAGE_ACCOUNTS):
            return
        waiting = [user.display_name or user.username for user in self.context.query(accounts.list_users)
                   if user.needs_password_reset]
        if converted:
            text = self.tr("The database is now encrypted.") + " "
        elif not waiting:
            return
        else:
            text = ""
        if waiting:
            text += self.tr("These accounts need a new password before they can sign in: {names} (Settings → "
                            "Accounts → New password).").format(names="、".join(waiting))
        self.show_message(text.strip(), 300_000)

    def start_background_work(self) -> None:
        """The safety copy at the start and its schedule, once the window is painted: its thread is no part
        of the first paint."""
        first_paint.after_first_paint(self, self._start_background_work_now)

    def _start_background_work_now(self) -> None:
        if self.isVisible():  # not on a window closed before it was painted
            self.backup_actions.start()

    def stop_work(self) -> None:
        """Stop everything running in the background (a closing window must not leave it writing)."""
        home = self.home_page.built_content
        if isinstance(home, HomeTab):  # not built for it, if it never was
            home.wait()
        stop_running(self)
        self.backup_actions.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_timer.stop()
        self.stop_work()
        if not self.context.db.read_only:
            self.context.preferences.set_window_state("main", self.saveGeometry())
        if self.owns_database:
            self.context.db.close()
        super().closeEvent(event)
