"""Which permissions each export and printout needs, as the tests of every face check them: the
core services (any caller, the window's included: map a window action onto the service it runs) and
the command line's commands. Written out by hand on purpose: a service or command whose declared
permission drifts from this table fails tests/core/test_service_permissions.py.

A role may use an entry point when its grants hold every permission listed; a teacher, whose role
has no EXPORT, is refused every one of them (their classes' data stays in the window's lists).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from schoolaid.accounts import audit_log
from schoolaid.accounts.permissions import GRANTS, Permission, Role
from schoolaid.backup import backup
from schoolaid.dropout import escalation, notice_pdf, plan_pdf
from schoolaid.dropout import export as dropout_export
from schoolaid.ledger import batch_notice, hardship_printouts
from schoolaid.ledger import export as ledger_export
from schoolaid.pairing import pairing_export
from schoolaid.reconcile import report_export
from schoolaid.reporting import home_teaching, monthly, reports, summary, township_summary
from schoolaid.roster import roster_export

P = Permission
EXPORT = frozenset({P.EXPORT})
FULL_ID_EXPORT = frozenset({P.EXPORT, P.VIEW_FULL_ID})

# Service → what it needs. ``full_ids=True`` variants are keyed ``(service, "full_ids")``.
SERVICES: dict[Any, frozenset[Permission]] = {
    roster_export.export_roster: EXPORT,
    (roster_export.export_roster, "full_ids"): FULL_ID_EXPORT,
    roster_export.export_survey: EXPORT,
    ledger_export.export_ledger: EXPORT,
    (ledger_export.export_ledger, "full_ids"): FULL_ID_EXPORT,
    ledger_export.export_notice: EXPORT,
    ledger_export.export_sign_off: EXPORT,
    ledger_export.export_gaps: EXPORT,
    hardship_printouts.write_application: EXPORT,
    hardship_printouts.write_publicity: EXPORT,
    batch_notice.write_batch_notice: EXPORT,
    pairing_export.export_register: EXPORT,
    pairing_export.export_visit_sheets: EXPORT,
    dropout_export.export_ledgers: EXPORT,
    dropout_export.export_cases: EXPORT,
    dropout_export.export_term_report: EXPORT,
    report_export.write_report: EXPORT,
    (report_export.write_report, "full_ids"): FULL_ID_EXPORT,
    reports.write_term_report: EXPORT,
    reports.write_dropout_ledgers: EXPORT,
    reports.write_register: EXPORT,
    reports.write_sign_off: EXPORT,
    home_teaching.write_register: EXPORT,
    summary.write_quarterly: EXPORT,
    monthly.write_monthly: EXPORT,
    notice_pdf.write_notices: EXPORT,
    plan_pdf.write_plan: EXPORT,
    notice_pdf.print_case_notice: EXPORT,  # a case without a notice also needs ISSUE_NOTICE, to issue it
    notice_pdf.print_due_notices: frozenset({P.ISSUE_NOTICE, P.EXPORT}),
    escalation.print_step: EXPORT,  # a step not yet issued also needs ISSUE_NOTICE, to issue it
    audit_log.export: frozenset({P.VIEW_AUDIT}),
    backup.export_backup: frozenset({P.BACKUP}),
    township_summary.summarize: frozenset({P.VIEW}),  # no database: figures only, the password is the key
}

# Command (its words, without --db and the sign-in) → what it needs.
COMMANDS: dict[tuple[str, ...], frozenset[Permission]] = {
    ("roster", "export"): EXPORT,
    ("roster", "export", "--full-id"): FULL_ID_EXPORT,
    ("roster", "survey"): EXPORT,
    ("pairing", "register"): EXPORT,
    ("pairing", "visits"): EXPORT,
    ("ledger", "export"): EXPORT,
    ("ledger", "export", "--full-id"): FULL_ID_EXPORT,
    ("hardship", "form"): EXPORT,
    ("cases", "ledgers"): EXPORT,
    ("print", "notice"): EXPORT,
    ("print", "plan"): EXPORT,
    ("print", "due-notices"): frozenset({P.ISSUE_NOTICE, P.EXPORT}),
    ("print", "report"): EXPORT,  # each of the escalation's documents as issued (issuing needs ISSUE_NOTICE)
    ("print", "penalty"): EXPORT,
    ("print", "demand"): EXPORT,
    ("print", "enforcement"): EXPORT,
    ("print", "quarterly"): EXPORT,
    ("print", "term-report"): EXPORT,
    ("print", "monthly"): EXPORT,
    ("print", "ledgers"): EXPORT,
    ("print", "register"): EXPORT,
    ("print", "home-teaching"): EXPORT,
    ("print", "sign-off"): EXPORT,
    ("print", "batch-notice"): EXPORT,
    ("backup", "export"): frozenset({P.BACKUP}),
}


def allowed(role: Role, needs: Iterable[Permission]) -> bool:
    return all(permission in GRANTS[role] for permission in needs)


def service_name(key: Any) -> str:
    service: Callable[..., Any] = key[0] if isinstance(key, tuple) else key
    name = f"{service.__module__.removeprefix('schoolaid.')}.{service.__name__}"
    return f"{name}[full_ids]" if isinstance(key, tuple) else name
