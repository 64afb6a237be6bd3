"""schoolaid print: the printed documents as PDF, each a service run as the person signed in."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import EXIT_OK, Group, Needs, command, db_option, operator_option
from schoolaid.cli.session import clock_today, export, open_db
from schoolaid.common.i18n import translate

PRINT = Group("print", lambda: translate("Cli", "printed documents as PDF"), metavar="DOCUMENT")


def _out_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, metavar="F.pdf")


def _notice_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case_id", type=int, metavar="CASE_ID")
    db_option(parser)
    _out_option(parser)
    operator_option(parser)


@command(PRINT, "notice", help=lambda: translate(
    "Cli", "the enrollment-urging notice of a case (issued now if the case has none)"), arguments=_notice_arguments,
         needs=Needs(Permission.EXPORT))
def print_notice(args: argparse.Namespace) -> int:
    from schoolaid.dropout import notice_pdf

    db = open_db(args)
    try:
        number = db.run(notice_pdf.print_case_notice, args.actor, args.case_id, args.out,
                            clock_today()).document_number
    finally:
        db.close()
    print(translate("Cli", "Notice {number} of case {case} written to {path}.").format(
        number=number, case=args.case_id, path=args.out))
    return EXIT_OK


def _step_command(kind: str, help_text: Callable[[], str]) -> None:
    """``print report|penalty|demand|enforcement CASE_ID``: the escalation's document of a case, as
    issued, or issued now if it is the step due."""

    def print_step(args: argparse.Namespace) -> int:
        from schoolaid.dropout import escalation

        db = open_db(args)
        try:
            printed = db.run(escalation.print_step, args.actor, args.case_id, kind, args.out, clock_today())
        finally:
            db.close()
        message = (translate("Cli", "{step} {number} of case {case} issued and written to {path}.") if printed.issued_now
                   else translate("Cli", "{step} {number} of case {case} written to {path}."))
        print(message.format(step=escalation.step_label(kind), number=printed.document_number, case=args.case_id,
                             path=args.out))
        return EXIT_OK

    print_step.__name__ = f"print_{kind}"
    command(PRINT, kind, help=help_text, arguments=_notice_arguments, needs=Needs(Permission.EXPORT))(print_step)


_step_command("report", lambda: translate(
    "Cli", "the school's written report to the education bureau on a case whose notice's deadline passed"))
_step_command("penalty", lambda: translate("Cli", "the township's order to correct (责令限期改正决定书) of a case"))
_step_command("demand", lambda: translate("Cli", "the demand to perform (履行催告书) of a case"))
_step_command("enforcement", lambda: translate(
    "Cli", "the application to the court for enforcement (强制执行申请书) of a case"))


def _due_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    _out_option(parser)
    operator_option(parser)


@command(PRINT, "due-notices", help=lambda: translate(
    "Cli", "issue and print every notice due (repeated attempts failed), in one PDF"), arguments=_due_arguments,
         needs=Needs(Permission.ISSUE_NOTICE))
def print_due_notices(args: argparse.Namespace) -> int:
    from schoolaid.dropout import notice_pdf

    db = open_db(args)
    try:
        ids = db.run(notice_pdf.print_due_notices, args.actor, args.out, clock_today())
    finally:
        db.close()
    if ids:
        print(translate("Cli", "{n} notices issued and written to {path}.").format(n=len(ids), path=args.out))
    else:
        print(translate("Cli", "No notice is due: no file written."))
    return EXIT_OK


def _quarterly_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, metavar="Y")
    parser.add_argument("--quarter", type=int, required=True, metavar="Q", choices=(1, 2, 3, 4))
    db_option(parser)
    _out_option(parser)


@command(PRINT, "quarterly", help=lambda: translate("Cli", "the quarterly summary"), arguments=_quarterly_arguments,
         needs=Needs(Permission.EXPORT))
def print_quarterly(args: argparse.Namespace) -> int:
    from schoolaid.reporting import summary

    pages = export(args, summary.write_quarterly, args.year, args.quarter, args.out, clock_today())
    print(translate("Cli", "Quarterly summary written to {path} ({pages} pages).").format(path=args.out, pages=pages))
    return EXIT_OK


def _monthly_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, metavar="Y")
    parser.add_argument("--month", type=int, required=True, metavar="M", choices=range(1, 13))
    db_option(parser)
    _out_option(parser)


@command(PRINT, "monthly", help=lambda: translate("Cli", "the monthly dropout-control report (一月一报告)"),
         arguments=_monthly_arguments, needs=Needs(Permission.EXPORT))
def print_monthly(args: argparse.Namespace) -> int:
    from schoolaid.reporting import monthly

    pages = export(args, monthly.write_monthly, args.year, args.month, args.out, today=clock_today())
    print(translate("Cli", "Monthly report written to {path} ({pages} pages).").format(path=args.out, pages=pages))
    return EXIT_OK


def _term_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--year", type=int, required=True, metavar="Y")
    parser.add_argument("--term", required=True, choices=("autumn", "spring"))
    db_option(parser)
    _out_option(parser)


@command(PRINT, "term-report", help=lambda: translate("Cli", "the term-start dropout report"),
         arguments=_term_arguments, needs=Needs(Permission.EXPORT))
def print_term_report(args: argparse.Namespace) -> int:
    from schoolaid.reporting import reports

    pages = export(args, reports.write_term_report, args.out, args.year, args.term, today=clock_today())
    print(translate("Cli", "Term-start dropout report written to {path} ({pages} pages).").format(
        path=args.out, pages=pages))
    return EXIT_OK


def _out_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    _out_option(parser)


@command(PRINT, "ledgers", help=lambda: translate("Cli", "the three dropout ledgers"), arguments=_out_arguments,
         needs=Needs(Permission.EXPORT))
def print_ledgers(args: argparse.Namespace) -> int:
    from schoolaid.reporting import reports

    pages = export(args, reports.write_dropout_ledgers, args.out, clock_today())
    print(translate("Cli", "The three ledgers written to {path} ({pages} pages).").format(path=args.out, pages=pages))
    return EXIT_OK


@command(PRINT, "register", help=lambda: translate("Cli", "the pairing register"), arguments=_out_arguments,
         needs=Needs(Permission.EXPORT))
def print_register(args: argparse.Namespace) -> int:
    from schoolaid.reporting import reports

    pages = export(args, reports.write_register, args.out, clock_today())
    print(translate("Cli", "Pairing register written to {path} ({pages} pages).").format(path=args.out, pages=pages))
    return EXIT_OK


def _home_teaching_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    _out_option(parser)
    parser.add_argument("--school", default="", metavar="S", help=translate("Cli", "one school (its name)"))
    parser.add_argument("--year", type=int, default=None, metavar="Y", help=translate(
        "Cli", "the school year starting in September of Y (the current one unless given)"))


@command(PRINT, "home-teaching", help=lambda: translate("Cli", "the 送教上门 register: each child's visits"),
         arguments=_home_teaching_arguments, needs=Needs(Permission.EXPORT))
def print_home_teaching(args: argparse.Namespace) -> int:
    from schoolaid.reporting import home_teaching

    pages = export(args, home_teaching.write_register, args.out, clock_today(), school=args.school, year=args.year)
    print(translate("Cli", "送教上门 register written to {path} ({pages} pages).").format(path=args.out, pages=pages))
    return EXIT_OK


def _sign_off_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("batch_id", type=int, metavar="BATCH_ID")
    db_option(parser)
    _out_option(parser)


@command(PRINT, "sign-off", help=lambda: translate("Cli", "the sign-off sheet of a ledger batch"),
         arguments=_sign_off_arguments, needs=Needs(Permission.EXPORT))
def print_sign_off(args: argparse.Namespace) -> int:
    from schoolaid.reporting import reports

    pages = export(args, reports.write_sign_off, args.batch_id, args.out, clock_today())
    print(translate("Cli", "Sign-off sheet written to {path} ({pages} pages).").format(path=args.out, pages=pages))
    return EXIT_OK


@command(PRINT, "batch-notice", help=lambda: translate(
    "Cli", "the 公示表 of a ledger batch: names, schools, grades, classes and amounts, the dates and the phone "
           "for objections"), arguments=_sign_off_arguments, needs=Needs(Permission.EXPORT))
def print_batch_notice(args: argparse.Namespace) -> int:
    from schoolaid.ledger import batch_notice

    pages = export(args, batch_notice.write_batch_notice, args.batch_id, args.out, clock_today())
    print(translate("Cli", "公示表 written to {path} ({pages} pages).").format(path=args.out, pages=pages))
    return EXIT_OK


def _plan_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case_id", type=int, metavar="CASE_ID", help=translate("Cli", "the case's number (cases list)"))
    db_option(parser)
    _out_option(parser)


@command(PRINT, "plan", help=lambda: translate(
    "Cli", "one child's plan (一人一案): the case, the people responsible, the measures, every attempt, the placement "
           "and the follow-up"), arguments=_plan_arguments, needs=Needs(Permission.EXPORT))
def print_plan(args: argparse.Namespace) -> int:
    from schoolaid.dropout import plan_pdf

    pages = export(args, plan_pdf.write_plan, args.out, clock_today(), args.case_id)
    print(translate("Cli", "The plan of case {id} written to {path} ({pages} pages).").format(
        id=args.case_id, path=args.out, pages=pages))
    return EXIT_OK
