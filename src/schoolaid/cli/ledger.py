"""schoolaid ledger: programmes, posting a month, a batch's 公示 (dates and phone, then taken down),
coverage gaps, the ledger in the bureau's columns."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import (
    EXIT_OK,
    Group,
    Needs,
    command,
    db_option,
    full_id_option,
    iso_day,
    json_option,
    operator_option,
)
from schoolaid.cli.session import clock_today, export, note_full_ids, open_db, print_json, read
from schoolaid.common.i18n import translate

LEDGER = Group("ledger", lambda: translate("Cli", "the subsidy ledger (资助台账)"))


def _programmes_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)


@command(LEDGER, "programmes", help=lambda: translate("Cli", "list the subsidy programmes"),
         arguments=_programmes_arguments, needs=Needs(Permission.VIEW))
def list_programmes(args: argparse.Namespace) -> int:
    from schoolaid.ledger import currency, subsidy_programmes

    programmes = read(args, subsidy_programmes.list_programmes)
    standards = {p.id: read(args, subsidy_programmes.list_standards, p.id) for p in programmes}
    if args.json:
        return print_json([{**p.as_json(), "standards": [s.as_json() for s in standards[p.id]]} for p in programmes])
    for p in programmes:
        amount = ("；".join(s.describe() for s in standards[p.id]) if standards[p.id]
                  else f"{currency.format_yuan(p.amount_fen)} {p.per.label()}")
        print("\t".join([p.code, p.name, p.stage or "—", p.eligibility.label(), amount, p.kind.label(),
                         "" if p.active else translate("Cli", "inactive")]))
    return EXIT_OK


def _post_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--programme", required=True, metavar="CODE", help=translate("Cli", "the programme's code"))
    parser.add_argument("--month", required=True, metavar="YYYY-MM")
    db_option(parser)
    parser.add_argument("--dry-run", action="store_true", help=translate(
        "Cli", "show who and how much, without writing anything"))
    json_option(parser)
    operator_option(parser)


@command(LEDGER, "post", help=lambda: translate(
    "Cli", "post a programme's month for every eligible student not yet covered"), arguments=_post_arguments,
         needs=Needs(Permission.POST_LEDGER))
def post(args: argparse.Namespace) -> int:
    from schoolaid.ledger import currency, posting, subsidy_programmes

    db = open_db(args)
    plan = None
    try:
        programme = db.query(subsidy_programmes.programme_by_code, args.programme)
        if args.dry_run:
            plan = db.query(posting.plan_posting, programme.id, args.month, today=clock_today())
            result = posting.PostResult(None, len(plan.lines), plan.total_fen, plan.already, len(plan.not_eligible),
                                       plan.period)
        else:
            result = db.run(posting.post, args.actor, programme.id, args.month, today=clock_today())
    finally:
        db.close()
    if args.json:
        lines = {"lines": [line.as_json() for line in plan.lines]} if plan is not None else {}
        return print_json({**result.as_json(), "programme": programme.code, "month": args.month,
                           "dry_run": args.dry_run, **lines})
    if plan is not None:
        for line in plan.lines:
            print("\t".join([line.name, line.school, line.grade, currency.format_yuan(line.amount_fen), line.basis]))
    verb = translate("Cli", "Would post") if args.dry_run else translate("Cli", "Posted")
    print(translate("Cli", "{verb} {programme} {period}: {n} students, {total} yuan; {already} already posted.").format(
        verb=verb, programme=programme.name, period=result.period, n=result.posted,
        total=currency.format_yuan(result.total_fen), already=result.already))
    return EXIT_OK


def _notice_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--batch", type=int, required=True, metavar="ID")
    parser.add_argument("--from", dest="start", type=iso_day, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="end", type=iso_day, required=True, metavar="YYYY-MM-DD")
    parser.add_argument("--phone", required=True, help=translate("Cli", "the phone number for objections"))
    db_option(parser)
    json_option(parser)
    operator_option(parser)


@command(LEDGER, "notice", help=lambda: translate(
    "Cli", "record a batch's public notice (公示): its dates and the phone for objections"),
         arguments=_notice_arguments, needs=Needs(Permission.POST_LEDGER))
def notice(args: argparse.Namespace) -> int:
    from schoolaid.ledger import batches

    db = open_db(args)
    try:
        db.run(batches.record_notice, args.actor, args.batch, args.start, args.end, args.phone)
        batch = db.query(batches.get_batch_view, args.batch)
    finally:
        db.close()
    if args.json:
        return print_json(batch.as_json(clock_today()))
    print(translate("Cli", "Batch {id}: notice from {start} to {end}, objections to {phone}.").format(
        id=batch.id, start=args.start.isoformat(), end=args.end.isoformat(), phone=batch.notice_phone))
    return EXIT_OK


def _notice_down_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--batch", type=int, required=True, metavar="ID")
    parser.add_argument("--on", dest="day", type=iso_day, default=None, metavar="YYYY-MM-DD", help=translate(
        "Cli", "the day it happened (default: today)"))
    db_option(parser)
    json_option(parser)
    operator_option(parser)


@command(LEDGER, "notice-down", help=lambda: translate(
    "Cli", "record that a batch's public notice (公示) is over and was taken down"),
         arguments=_notice_down_arguments, needs=Needs(Permission.POST_LEDGER))
def notice_down(args: argparse.Namespace) -> int:
    from schoolaid.ledger import batches

    today = clock_today()
    db = open_db(args)
    try:
        db.run(batches.record_notice_taken_down, args.actor, args.batch, args.day or today, today=today)
        batch = db.query(batches.get_batch_view, args.batch)
    finally:
        db.close()
    if args.json:
        return print_json(batch.as_json(today))
    print(translate("Cli", "Batch {id}: notice taken down on {date}.").format(
        id=batch.id, date=(args.day or today).isoformat()))
    return EXIT_OK


def _gaps_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--period", required=True, metavar="YYYY-QN|YYYY-MM")
    db_option(parser)
    json_option(parser)


@command(LEDGER, "gaps", help=lambda: translate("Cli", "eligible students with no entry for a month or a quarter"),
         arguments=_gaps_arguments, needs=Needs(Permission.VIEW))
def gaps(args: argparse.Namespace) -> int:
    from schoolaid.ledger import coverage, currency

    found = read(args, coverage.gaps, args.period, clock_today())
    if args.json:
        return print_json({"gaps": [g.as_json() for g in found], "period": args.period})
    for gap in found:
        print("\t".join([gap.name, gap.school, gap.grade, gap.village, gap.programme, gap.period,
                         currency.format_yuan(gap.amount_fen)]))
    print(translate("Cli", "{n} eligible students without aid in {period}.").format(n=len(found), period=args.period),
          file=sys.stderr)
    return EXIT_OK


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE.xlsx")
    db_option(parser)
    parser.add_argument("--from", dest="month_from", metavar="YYYY-MM", default="")
    parser.add_argument("--to", dest="month_to", metavar="YYYY-MM", default="")
    full_id_option(parser)


@command(LEDGER, "export", help=lambda: translate("Cli", "export the ledger to .xlsx in the bureau's columns"),
         arguments=_export_arguments, needs=Needs(Permission.EXPORT))
def export_ledger(args: argparse.Namespace) -> int:
    from schoolaid.ledger import entry_search
    from schoolaid.ledger import export as ledger_export

    # With full ID numbers, the service puts the export on the record before the file exists.
    count = export(args, ledger_export.export_ledger, args.file,
                   entry_search.EntryFilter(month_from=args.month_from, month_to=args.month_to), full_ids=args.full_id,
                   today=clock_today())
    if args.full_id:
        note_full_ids(args.file)
    print(translate("Cli", "{n} ledger entries written to {path}.").format(n=count, path=args.file))
    return EXIT_OK
