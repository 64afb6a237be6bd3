"""Every action the window offers, in one registry: its label, shortcut, the permissions it needs,
its handler, and where it appears (menus, a tab's buttons, the roster's right-click menu).

Menus, buttons and the right-click menu are built from here, so none can forget a permission: an
action whose permissions the signed-in role lacks is not shown (and neither is one that writes,
in a backup opened for viewing). Hiding is only courtesy: the services check the same
permissions (``accounts.permissions``) whoever calls them.

``target`` names where the handler lives, seen from the main window (``"roster_tab"``,
``"roster_tab.household_panel"``, ``""`` for the window itself), or the dialog whose own button it is
(``"dialog:roster.household_dialog.HouseholdDialog"``); ``method`` is the handler, called without
arguments. ``service`` names the core service an export or printout runs (``"reporting.summary.write_quarterly"``,
under ``schoolaid``), so that the tests can hold the registry to the permission table; it is a name, imported
only when asked for: the printouts' modules (reportlab, openpyxl) are not loaded to build the menus.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QMenu, QMenuBar, QPushButton, QWidget

from schoolaid.accounts.permissions import Permission
from schoolaid.ui import warm_up
from schoolaid.ui.context import AppContext

P = Permission
PROPERTY = "schoolaidAction"  # the dynamic property naming a widget's action
EXPORT = (P.EXPORT,)
Key = QKeySequence.StandardKey

# The window's menus, in order: (id, title).
MENUS: tuple[tuple[str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("students", QT_TRANSLATE_NOOP("Actions", "&Students")),
    ("households", QT_TRANSLATE_NOOP("Actions", "&Households")),
    ("export", QT_TRANSLATE_NOOP("Actions", "E&xport")),
    ("print", QT_TRANSLATE_NOOP("Actions", "&Print")),
    ("settings", QT_TRANSLATE_NOOP("Actions", "&Settings")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)
ROSTER_CONTEXT = "roster_context"  # the roster table's right-click menu
DIALOG = "dialog:"  # a target that is a dialog's own button: "dialog:" and the class, from schoolaid.ui


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str  # English; shown translated (context "Actions")
    target: str
    method: str
    needs: tuple[Permission, ...] = ()  # every one must be granted; none: anyone who works here
    menus: tuple[str, ...] = ()
    button: bool = False  # a tab or panel shows it as a button
    button_text: str = ""  # when the button says it shorter than the menu
    shortcut: QKeySequence.StandardKey | None = None
    writes: bool = True  # not offered in a backup opened for viewing (exports record who took what)
    accounts: bool | None = None  # True: only once people sign in; False: only before accounts exist
    separator: bool = False  # a line before it in its menus
    service_name: str = ""  # the core service, as a dotted name under ``schoolaid``

    @property
    def service(self) -> Callable[..., Any] | None:
        if not self.service_name:
            return None
        module, name = self.service_name.rsplit(".", 1)
        return getattr(warm_up.import_module(f"schoolaid.{module}"), name)

    def label(self) -> str:
        return QCoreApplication.translate("Actions", self.text)

    def button_label(self) -> str:
        """A button says it without the menu's keyboard mnemonic ("(&A)" or "&")."""
        text = QCoreApplication.translate("Actions", self.button_text or self.text)
        return re.sub(r"\(&\w\)", "", text).replace("&", "")


def _a(id: str, text: str, target: str, method: str, *needs: Permission, service: str = "",  # noqa: A002
       **places: Any) -> ActionSpec:
    return ActionSpec(id, text, target, method, tuple(needs), service_name=service, **places)


ACTIONS: tuple[ActionSpec, ...] = (
    # --- File ---------------------------------------------------------------------------------------
    _a("file.export_backup", QT_TRANSLATE_NOOP("Actions", "&Export a backup…"), "backup_actions", "export_backup",
       P.BACKUP, menus=("file",), service="backup.backup.export_backup"),
    _a("file.check_backup", QT_TRANSLATE_NOOP("Actions", "&Check a backup…"), "backup_actions", "verify_backup",
       menus=("file",), writes=False),
    _a("file.open_backup", QT_TRANSLATE_NOOP("Actions", "&Open a backup to view (read-only)…"), "backup_actions",
       "open_read_only", menus=("file",), writes=False),
    _a("file.compare_backups", QT_TRANSLATE_NOOP("Actions", "Co&mpare schools' backups…"), "backup_actions",
       "summarize_backups", P.VIEW, menus=("file",), writes=False, service="reporting.township_summary.summarize"),
    _a("file.restore", QT_TRANSLATE_NOOP("Actions", "&Restore from a backup…"), "backup_actions", "restore_backup",
       P.BACKUP, menus=("file",), separator=True),
    _a("file.restore_safety_copy", QT_TRANSLATE_NOOP("Actions", "Restore from a &safety copy…"), "backup_actions",
       "restore_safety_copy", P.BACKUP, menus=("file",)),
    _a("file.exit", QT_TRANSLATE_NOOP("Actions", "E&xit"), "", "close", menus=("file",), shortcut=Key.Quit,
       writes=False, separator=True),
    # --- Students -----------------------------------------------------------------------------------
    _a("students.add", QT_TRANSLATE_NOOP("Actions", "&Add student…"), "roster_tab", "add_student", P.EDIT_ROSTER,
       menus=("students",), button=True, shortcut=Key.New),
    _a("students.edit", QT_TRANSLATE_NOOP("Actions", "&Edit student…"), "roster_tab", "edit_student", P.EDIT_ROSTER,
       menus=("students", ROSTER_CONTEXT)),
    _a("students.status", QT_TRANSLATE_NOOP("Actions", "Change enrollment &status…"), "roster_tab", "change_status",
       P.EDIT_ROSTER, menus=("students", ROSTER_CONTEXT)),
    _a("students.approval", QT_TRANSLATE_NOOP("Actions", "Record a 延缓入学 or 休学 a&pproval…"), "roster_tab",
       "record_approval", P.EDIT_ROSTER, menus=("students", ROSTER_CONTEXT)),
    _a("students.transfer", QT_TRANSLATE_NOOP("Actions", "Confirm the &transfer or record the graduate's destination…"),
       "roster_tab", "record_transfer", P.EDIT_ROSTER, menus=("students", ROSTER_CONTEXT)),
    _a("students.disability", QT_TRANSLATE_NOOP("Actions", "&Disability and placement (残疾与安置)…"), "roster_tab",
       "record_disability", P.EDIT_ROSTER, menus=("students", ROSTER_CONTEXT)),
    _a("students.absence", QT_TRANSLATE_NOOP("Actions", "Record an a&bsence…"), "", "record_absence",
       P.RECORD_ABSENCE, menus=("students",)),
    _a("students.term_start", QT_TRANSLATE_NOOP("Actions", "&Term-start check (开学报到)…"), "", "term_start_check",
       P.RECORD_ABSENCE, menus=("students",)),
    _a("students.import", QT_TRANSLATE_NOOP("Actions", "&Import roster…"), "roster_tab", "import_roster",
       P.EDIT_ROSTER, menus=("students",), button=True, button_text=QT_TRANSLATE_NOOP("Actions", "Import…"),
       separator=True),
    _a("students.import_lists", QT_TRANSLATE_NOOP("Actions", "Import &comparison lists (household register, poverty, "
                                                   "registry)…"), "", "import_reference_list", P.EDIT_ROSTER,
       menus=("students",)),
    _a("students.find", QT_TRANSLATE_NOOP("Actions", "&Find"), "", "focus_search", menus=("students",),
       shortcut=Key.Find, writes=False, separator=True),
    _a("students.delete", QT_TRANSLATE_NOOP("Actions", "Delete (entered by mistake)…"), "roster_tab",
       "delete_student", P.EDIT_ROSTER, menus=("students", ROSTER_CONTEXT), separator=True),
    # The roster's right-click menu, for the selected student.
    _a("roster.household", QT_TRANSLATE_NOOP("Actions", "Edit household…"), "roster_tab.household_panel",
       "edit_household", P.EDIT_ROSTER, menus=(ROSTER_CONTEXT,), button=True),
    _a("roster.absence", QT_TRANSLATE_NOOP("Actions", "Record an absence…"), "roster_tab", "request_absence",
       P.RECORD_ABSENCE, menus=(ROSTER_CONTEXT,)),
    _a("roster.reveal_id", QT_TRANSLATE_NOOP("Actions", "Show the full ID number…"), "roster_tab", "reveal_id",
       P.VIEW_FULL_ID, menus=(ROSTER_CONTEXT,)),
    # --- Households ---------------------------------------------------------------------------------
    _a("households.new", QT_TRANSLATE_NOOP("Actions", "&New household…"), "roster_tab.household_panel",
       "new_household", P.EDIT_ROSTER, menus=("households",), button=True),
    _a("households.edit", QT_TRANSLATE_NOOP("Actions", "&Edit the selected student's household…"),
       "roster_tab.household_panel", "edit_household", P.EDIT_ROSTER, menus=("households",)),
    # The student form's own button, beside the enrollment status.
    _a("student.approval", QT_TRANSLATE_NOOP("Actions", "Approval (延缓入学 or 休学)…"),
       DIALOG + "roster.student_dialog.StudentDialog", "record_approval", P.EDIT_ROSTER, button=True),
    _a("student.transfer", QT_TRANSLATE_NOOP("Actions", "Transfer or destination…"),
       DIALOG + "roster.student_dialog.StudentDialog", "record_transfer", P.EDIT_ROSTER, button=True),
    # The household form's own button, for a household entered by mistake.
    _a("households.delete", QT_TRANSLATE_NOOP("Actions", "Delete household…"), DIALOG + "roster.household_dialog.HouseholdDialog",
       "delete_household", P.EDIT_ROSTER, button=True),
    # --- Export: workbooks ---------------------------------------------------------------------------
    _a("export.roster", QT_TRANSLATE_NOOP("Actions", "The &roster as shown…"), "roster_tab", "export_roster", *EXPORT,
       menus=("export",), button=True, button_text=QT_TRANSLATE_NOOP("Actions", "Export…"),
       service="roster.roster_export.export_roster"),
    _a("export.survey", QT_TRANSLATE_NOOP("Actions", "The poor villages' &survey…"), "roster_tab", "export_survey",
       *EXPORT, menus=("export",), service="roster.roster_export.export_survey"),
    _a("export.ledger", QT_TRANSLATE_NOOP("Actions", "The subsidy &ledger as shown…"), "ledger_tab",
       "export_entries", *EXPORT, menus=("export",), button=True, button_text=QT_TRANSLATE_NOOP("Actions", "Export…"),
       separator=True, service="ledger.export.export_ledger"),
    _a("export.pairing_register", QT_TRANSLATE_NOOP("Actions", "The &pairing register…"), "pairing_tab",
       "export_register", *EXPORT, menus=("export",), button=True,
       button_text=QT_TRANSLATE_NOOP("Actions", "Pairing register…"), separator=True,
       service="pairing.pairing_export.export_register"),
    _a("export.visit_sheets", QT_TRANSLATE_NOOP("Actions", "The &visit record sheets…"), "pairing_tab",
       "export_visit_sheets", *EXPORT, menus=("export",), button=True,
       button_text=QT_TRANSLATE_NOOP("Actions", "Visit record sheets…"), service="pairing.pairing_export.export_visit_sheets"),
    _a("export.dropout_ledgers", QT_TRANSLATE_NOOP("Actions", "The three &dropout ledgers…"), "dropout_tab",
       "export_ledgers", *EXPORT, menus=("export",), button=True,
       button_text=QT_TRANSLATE_NOOP("Actions", "Export the three ledgers…"), separator=True,
       service="dropout.export.export_ledgers"),
    _a("export.cases", QT_TRANSLATE_NOOP("Actions", "The dropout &cases…"), "dropout_tab", "export_cases", *EXPORT,
       menus=("export",), button=True, button_text=QT_TRANSLATE_NOOP("Actions", "Export the cases…"),
       service="dropout.export.export_cases"),
    _a("export.term_report", QT_TRANSLATE_NOOP("Actions", "The &term-start dropout report…"), "dropout_tab",
       "export_term_report", *EXPORT, menus=("export",), button=True,
       button_text=QT_TRANSLATE_NOOP("Actions", "Term-start dropout report…"),
       service="dropout.export.export_term_report"),
    _a("export.reconcile_report", QT_TRANSLATE_NOOP("Actions", "The &comparison check sheet (比对核查表)…"),
       "dropout_tab.comparison_page", "export_report", *EXPORT, menus=("export",), button=True,
       button_text=QT_TRANSLATE_NOOP("Actions", "Export the check sheet…"), service="reconcile.report_export.write_report"),
    # --- Print: PDF printouts, previewed first -------------------------------------------------------------
    _a("print.quarterly", QT_TRANSLATE_NOOP("Actions", "&Quarterly summary…"), "", "print_quarterly", *EXPORT,
       menus=("print",), service="reporting.summary.write_quarterly"),
    _a("print.monthly", QT_TRANSLATE_NOOP("Actions", "&Monthly report…"), "", "print_monthly", *EXPORT,
       menus=("print",), service="reporting.monthly.write_monthly"),
    _a("print.term_report", QT_TRANSLATE_NOOP("Actions", "&Term-start dropout report…"), "dropout_tab",
       "print_term_report", *EXPORT, menus=("print",), button=True,
       button_text=QT_TRANSLATE_NOOP("Actions", "Print the term-start report…"), service="reporting.reports.write_term_report"),
    _a("print.dropout_ledgers", QT_TRANSLATE_NOOP("Actions", "The three dropout &ledgers…"), "dropout_tab",
       "print_ledgers", *EXPORT, menus=("print",), button=True,
       button_text=QT_TRANSLATE_NOOP("Actions", "Print the three ledgers…"), service="reporting.reports.write_dropout_ledgers"),
    _a("print.due_notices", QT_TRANSLATE_NOOP("Actions", "Urging &notices due…"), "dropout_tab", "print_due_notices",
       P.ISSUE_NOTICE, P.EXPORT, menus=("print",), button=True,
       button_text=QT_TRANSLATE_NOOP("Actions", "Print all notices due…"), service="dropout.notice_pdf.print_due_notices"),
    _a("print.pairing_register", QT_TRANSLATE_NOOP("Actions", "&Pairing register…"), "", "print_register", *EXPORT,
       menus=("print",), service="reporting.reports.write_register"),
    _a("print.home_teaching", QT_TRANSLATE_NOOP("Actions", "送教上门 &register…"), "", "print_home_teaching",
       *EXPORT, menus=("print",), service="reporting.home_teaching.write_register"),
    # --- Settings -----------------------------------------------------------------------------------
    _a("settings.switch_user", QT_TRANSLATE_NOOP("Actions", "Sign in as someone &else…"), "", "switch_user",
       menus=("settings",), accounts=True, writes=False),
    _a("settings.password", QT_TRANSLATE_NOOP("Actions", "Change my &password…"), "", "change_password",
       menus=("settings",), accounts=True),
    _a("settings.accounts", QT_TRANSLATE_NOOP("Actions", "&Accounts…"), "", "edit_accounts", P.MANAGE_ACCOUNTS,
       menus=("settings",), accounts=True),
    _a("settings.idle", QT_TRANSLATE_NOOP("Actions", "Sign out when &idle…"), "", "edit_idle_minutes",
       P.EDIT_SETTINGS, menus=("settings",), accounts=True),
    _a("settings.operator", QT_TRANSLATE_NOOP("Actions", "Change &operator…"), "", "change_operator",
       menus=("settings",), accounts=False, writes=False),
    _a("settings.places", QT_TRANSLATE_NOOP("Actions", "&Schools and villages…"), "", "edit_places", P.EDIT_SETTINGS,
       menus=("settings",)),
    _a("settings.dropout_rules", QT_TRANSLATE_NOOP("Actions", "&Dropout control rules…"), "", "edit_dropout_rules",
       P.EDIT_SETTINGS, menus=("settings",)),
    _a("settings.safety_copies", QT_TRANSLATE_NOOP("Actions", "Safety &copies…"), "backup_actions", "edit_schedule",
       P.EDIT_SETTINGS, menus=("settings",)),
    _a("settings.audit", QT_TRANSLATE_NOOP("Actions", "Audit &trail…"), "", "show_audit", P.VIEW_AUDIT,
       menus=("settings",), writes=False, service="accounts.audit_log.export"),
    # --- Help ---------------------------------------------------------------------------------------
    _a("help.manual", QT_TRANSLATE_NOOP("Actions", "User &manual"), "", "open_manual", menus=("help",),
       shortcut=Key.HelpContents, writes=False),
    _a("help.about", QT_TRANSLATE_NOOP("Actions", "&About SchoolAid"), "", "about", menus=("help",), writes=False),
    # --- The home tab ---------------------------------------------------------------------------------
    _a("home.village_counts", QT_TRANSLATE_NOOP("Actions", "Preschool-age children per village…"), "home_tab",
       "edit_village_counts", P.EDIT_SETTINGS, button=True),
    # --- The ledger tab -------------------------------------------------------------------------------
    _a("ledger.plan", QT_TRANSLATE_NOOP("Actions", "Show who and how much"), "ledger_tab", "preview", P.POST_LEDGER,
       button=True, writes=False),
    _a("ledger.post_all", QT_TRANSLATE_NOOP("Actions", "Post for all of them"), "ledger_tab", "post_all",
       P.POST_LEDGER, button=True),
    _a("ledger.post_selected", QT_TRANSLATE_NOOP("Actions", "Post for the selected only"), "ledger_tab",
       "post_selected", P.POST_LEDGER, button=True),
    _a("ledger.reverse", QT_TRANSLATE_NOOP("Actions", "Reverse or correct…"), "ledger_tab", "reverse",
       P.REVERSE_LEDGER, button=True),
    _a("ledger.history", QT_TRANSLATE_NOOP("Actions", "The student's subsidies"), "ledger_tab", "show_history",
       button=True, writes=False),
    _a("ledger.notice_list", QT_TRANSLATE_NOOP("Actions", "Notice list (公示)…"), "ledger_tab", "export_notice_list",
       *EXPORT, button=True, service="ledger.export.export_notice"),
    _a("ledger.notice_dates", QT_TRANSLATE_NOOP("Actions", "Record notice dates…"), "ledger_tab",
       "record_notice_dates", P.POST_LEDGER, button=True),
    _a("ledger.notice_print", QT_TRANSLATE_NOOP("Actions", "Print the notice (公示表)…"), "ledger_tab",
       "print_batch_notice", *EXPORT, button=True, service="ledger.batch_notice.write_batch_notice"),
    _a("ledger.notice_down", QT_TRANSLATE_NOOP("Actions", "Record the end of the notice…"), "ledger_tab",
       "record_notice_down", P.POST_LEDGER, button=True),
    _a("ledger.payment", QT_TRANSLATE_NOOP("Actions", "Record payment…"), "ledger_tab", "record_payment",
       P.POST_LEDGER, button=True),
    _a("ledger.sign_off", QT_TRANSLATE_NOOP("Actions", "Sign-off sheet (签领表)…"), "ledger_tab", "export_sign_off",
       *EXPORT, button=True, service="ledger.export.export_sign_off"),
    _a("ledger.sign_off_print", QT_TRANSLATE_NOOP("Actions", "Print the sign-off sheet…"), "ledger_tab",
       "print_sign_off", *EXPORT, button=True, service="reporting.reports.write_sign_off"),
    _a("ledger.gaps_post", QT_TRANSLATE_NOOP("Actions", "Post for the selected…"), "ledger_tab", "post_gaps",
       P.POST_LEDGER, button=True),
    _a("ledger.gaps_export", QT_TRANSLATE_NOOP("Actions", "Export…"), "ledger_tab", "export_gaps", *EXPORT,
       button=True, service="ledger.export.export_gaps"),
    _a("ledger.new_programme", QT_TRANSLATE_NOOP("Actions", "New programme…"), "ledger_tab", "new_programme",
       P.POST_LEDGER, button=True),
    _a("ledger.edit_programme", QT_TRANSLATE_NOOP("Actions", "Edit…"), "ledger_tab", "edit_programme",
       P.POST_LEDGER, button=True),
    _a("ledger.members", QT_TRANSLATE_NOOP("Actions", "Who is on the list…"), "ledger_tab", "edit_members",
       P.POST_LEDGER, button=True),
    # --- The assessment of need, in the ledger tab ---------------------------------------------------
    _a("hardship.propose", QT_TRANSLATE_NOOP("Actions", "Propose the priority groups"), "ledger_tab.hardship_page",
       "propose", P.POST_LEDGER, button=True),
    _a("hardship.confirm", QT_TRANSLATE_NOOP("Actions", "Confirm the proposed…"), "ledger_tab.hardship_page",
       "confirm_proposed", P.POST_LEDGER, button=True),
    _a("hardship.apply", QT_TRANSLATE_NOOP("Actions", "Application…"), "ledger_tab.hardship_page", "apply",
       P.POST_LEDGER, button=True),
    _a("hardship.review", QT_TRANSLATE_NOOP("Actions", "Class review…"), "ledger_tab.hardship_page", "review",
       P.POST_LEDGER, button=True),
    _a("hardship.decide", QT_TRANSLATE_NOOP("Actions", "Decide…"), "ledger_tab.hardship_page", "decide",
       P.POST_LEDGER, button=True),
    _a("hardship.adjust", QT_TRANSLATE_NOOP("Actions", "Adjust the level…"), "ledger_tab.hardship_page", "adjust",
       P.POST_LEDGER, button=True),
    _a("hardship.revoke", QT_TRANSLATE_NOOP("Actions", "Withdraw…"), "ledger_tab.hardship_page", "revoke",
       P.POST_LEDGER, button=True),
    _a("hardship.publicity", QT_TRANSLATE_NOOP("Actions", "Public notice (公示)…"), "ledger_tab.hardship_page",
       "publicity", P.POST_LEDGER, button=True),
    _a("hardship.print_publicity", QT_TRANSLATE_NOOP("Actions", "Print the notice table (公示表)…"), "ledger_tab.hardship_page",
       "print_publicity", *EXPORT, button=True, service="ledger.hardship_printouts.write_publicity"),
    _a("hardship.file", QT_TRANSLATE_NOOP("Actions", "Put on file…"), "ledger_tab.hardship_page", "file_publicity",
       P.POST_LEDGER, button=True),
    _a("hardship.print_form", QT_TRANSLATE_NOOP("Actions", "Print the application form…"),
       "ledger_tab.hardship_page", "print_form", *EXPORT, button=True, service="ledger.hardship_printouts.write_application"),
    # --- The pairing tab ------------------------------------------------------------------------------
    _a("pairing.add_staff", QT_TRANSLATE_NOOP("Actions", "Add staff…"), "pairing_tab", "add_staff", P.EDIT_PAIRING,
       button=True),
    _a("pairing.edit_staff", QT_TRANSLATE_NOOP("Actions", "Edit…"), "pairing_tab", "edit_staff", P.EDIT_PAIRING,
       button=True),
    _a("pairing.leave", QT_TRANSLATE_NOOP("Actions", "Leaves…"), "pairing_tab", "staff_leaves", P.EDIT_PAIRING,
       button=True),
    _a("pairing.pair", QT_TRANSLATE_NOOP("Actions", "Pair a household…"), "pairing_tab", "pair_household",
       P.EDIT_PAIRING, button=True),
    _a("pairing.hand_over", QT_TRANSLATE_NOOP("Actions", "Hand over…"), "pairing_tab", "hand_over", P.EDIT_PAIRING,
       button=True),
    _a("pairing.end", QT_TRANSLATE_NOOP("Actions", "End pairing…"), "pairing_tab", "end_pairing", P.EDIT_PAIRING,
       button=True),
    _a("pairing.history", QT_TRANSLATE_NOOP("Actions", "Visits of this household"), "pairing_tab",
       "household_history", button=True, writes=False),
    _a("pairing.find_helper", QT_TRANSLATE_NOOP("Actions", "Find a helper…"), "pairing_tab", "find_helper",
       P.EDIT_PAIRING, button=True),
    _a("pairing.departed_hand_over", QT_TRANSLATE_NOOP("Actions", "Hand over…"), "pairing_tab", "hand_over_departed",
       P.EDIT_PAIRING, button=True),
    _a("pairing.log_visit", QT_TRANSLATE_NOOP("Actions", "Log a visit…"), "pairing_tab", "log_overdue_visit",
       P.LOG_VISIT, button=True),
    _a("pairing.pair_school", QT_TRANSLATE_NOOP("Actions", "Pair a weak school…"), "pairing_tab", "pair_school",
       P.EDIT_PAIRING, button=True),
    _a("pairing.activity", QT_TRANSLATE_NOOP("Actions", "Log an activity…"), "pairing_tab", "log_activity",
       P.EDIT_PAIRING, button=True),
    _a("pairing.end_school", QT_TRANSLATE_NOOP("Actions", "End the pairing…"), "pairing_tab", "end_school_pairing",
       P.EDIT_PAIRING, button=True),
    # --- The dropout tab ------------------------------------------------------------------------------
    _a("dropout.new_case", QT_TRANSLATE_NOOP("Actions", "Open a case…"), "dropout_tab", "new_case", P.MANAGE_CASES,
       button=True),
    _a("dropout.case_file", QT_TRANSLATE_NOOP("Actions", "Case file…"), "dropout_tab", "edit_case", button=True,
       writes=False),
    _a("dropout.log_attempt", QT_TRANSLATE_NOOP("Actions", "Log an attempt…"), "dropout_tab", "log_attempt",
       P.LOG_PERSUASION, button=True),
    _a("dropout.correct_attempt", QT_TRANSLATE_NOOP("Actions", "Correct the entry…"), "dropout_tab",
       "correct_attempt", P.LOG_PERSUASION, button=True),
    _a("dropout.evidence", QT_TRANSLATE_NOOP("Actions", "Evidence…"), "dropout_tab", "show_evidence",
       P.LOG_PERSUASION, button=True),
    _a("dropout.issue_notice", QT_TRANSLATE_NOOP("Actions", "Issue the urging notice…"), "dropout_tab",
       "issue_notice", P.ISSUE_NOTICE, button=True),
    _a("dropout.print_notice", QT_TRANSLATE_NOOP("Actions", "Print the notice…"), "dropout_tab", "print_notice",
       *EXPORT, button=True, service="dropout.notice_pdf.print_case_notice"),
    _a("dropout.receipt", QT_TRANSLATE_NOOP("Actions", "Record the signed receipt…"), "dropout_tab",
       "record_receipt", P.MANAGE_CASES, button=True),
    _a("dropout.next_step", QT_TRANSLATE_NOOP("Actions", "Next step…"), "dropout_tab", "next_step", P.MANAGE_CASES,
       button=True),
    _a("dropout.move", QT_TRANSLATE_NOOP("Actions", "Close or move the case…"), "dropout_tab", "move_case",
       P.MANAGE_CASES, button=True),
    _a("dropout.confirm", QT_TRANSLATE_NOOP("Actions", "Record as dropout"), "dropout_tab", "confirm_dropout",
       P.MANAGE_CASES, button=True),
    # 一人一案 and the follow-up after the return, in the case panel (ui.dropout.case_plan_dialogs).
    _a("dropout.plan", QT_TRANSLATE_NOOP("Actions", "Plan (一人一案)…"), "dropout_tab.plan_panel", "edit_plan",
       P.MANAGE_CASES, button=True),
    _a("dropout.follow_up", QT_TRANSLATE_NOOP("Actions", "Add a follow-up…"), "dropout_tab.plan_panel",
       "add_follow_up", P.LOG_PERSUASION, button=True),
    _a("dropout.print_plan", QT_TRANSLATE_NOOP("Actions", "Print the plan…"), "dropout_tab.plan_panel", "print_plan",
       *EXPORT, button=True, service="dropout.plan_pdf.write_plan"),
    _a("dropout.record_absence", QT_TRANSLATE_NOOP("Actions", "Record an absence…"), "dropout_tab", "record_absence",
       P.RECORD_ABSENCE, button=True),
    _a("dropout.back", QT_TRANSLATE_NOOP("Actions", "Back at school…"), "dropout_tab", "back_at_school",
       P.RECORD_ABSENCE, button=True),
    _a("dropout.absence_case", QT_TRANSLATE_NOOP("Actions", "Open a case for the selected…"), "dropout_tab",
       "open_case_for_absence", P.MANAGE_CASES, button=True),
    # --- 比对核查, in the dropout tab --------------------------------------------------------------------
    _a("reconcile.record_check", QT_TRANSLATE_NOOP("Actions", "Record the check…"), "dropout_tab.comparison_page",
       "record_check", P.MANAGE_CASES, button=True),
)
BY_ID: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}


def offered(spec: ActionSpec, context: AppContext) -> bool:
    """Whether the signed-in person is offered the action (the services decide anyway)."""
    if spec.accounts is not None and spec.accounts != context.signed_in:
        return False
    if spec.writes and context.db.read_only:
        return False
    return all(context.allows(permission) for permission in spec.needs)


def _trigger(owner: QObject, method: str, target: str = "") -> Callable[..., None]:
    """Calls ``owner.target.method()`` without holding the owner (no reference cycle through a widget).
    The target is found when the action is triggered: a tab is built when first shown or used, not
    when the menus are made."""
    owner_ref = weakref.ref(owner)

    def trigger(*_ignored: object) -> None:
        found = owner_ref()
        if found is not None:
            getattr(resolve(found, target), method)()

    return trigger


def make_action(action_id: str, context: AppContext, owner: QObject, parent: QObject, target: str = "") -> QAction:
    """The action, calling ``owner.target.method()`` (``target`` a path of attributes, as in ``resolve``)."""
    spec = BY_ID[action_id]
    action = QAction(spec.label(), parent)
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
    action.setProperty(PROPERTY, spec.id)
    action.triggered.connect(_trigger(owner, spec.method, target))
    action.setVisible(offered(spec, context))
    return action


def make_button(action_id: str, context: AppContext, owner: QObject) -> QPushButton:
    """A tab's button for the action; the tab places it and may enable it with its selection."""
    spec = BY_ID[action_id]
    button = QPushButton(spec.button_label())
    button.setProperty(PROPERTY, spec.id)
    button.clicked.connect(_trigger(owner, spec.method))
    if not offered(spec, context):
        # Only ever hidden here: shown while it has no parent yet, a button is a window of its own — it flashed on
        # the screen and took the keyboard from the main window whenever a tab was first built.
        button.hide()
    return button


def context_menu(place: str, context: AppContext, owners: dict[str, QObject], parent: QWidget) -> QMenu:
    """A right-click menu of the actions offered at ``place``; ``owners`` maps targets to objects."""
    menu = QMenu(parent)
    for spec in ACTIONS:
        if place in spec.menus and offered(spec, context):
            if spec.separator and menu.actions():
                menu.addSeparator()
            menu.addAction(make_action(spec.id, context, owners[spec.target], menu))
    return menu


def resolve(window: QObject, target: str) -> QObject:
    owner = window
    for name in filter(None, target.split(".")):
        owner = getattr(owner, name)
    return owner


def build_menus(menu_bar: QMenuBar, context: AppContext, window: QObject) -> dict[str, QMenu]:
    menus = {}
    for menu_id, title in MENUS:
        menu = menu_bar.addMenu(QCoreApplication.translate("Actions", title))
        menu.setObjectName(menu_id)
        menus[menu_id] = menu
        for spec in ACTIONS:
            if menu_id in spec.menus:
                if spec.separator and menu.actions():
                    menu.addSeparator()
                menu.addAction(make_action(spec.id, context, window, menu, spec.target))
    return menus


def show_offered(root: QWidget, context: AppContext) -> None:
    """Show or hide every action under ``root`` for the person signed in now (after a sign-in as
    someone else); a menu with nothing left to offer is hidden too."""
    for item in (*root.findChildren(QAction), *root.findChildren(QAbstractButton)):
        action_id = item.property(PROPERTY)
        if action_id:
            item.setVisible(offered(BY_ID[action_id], context))
    for menu in root.findChildren(QMenu):
        if menu.objectName() in dict(MENUS):
            entries = [a for a in menu.actions() if not a.isSeparator()]
            menu.menuAction().setVisible(any(a.isVisible() for a in entries))
