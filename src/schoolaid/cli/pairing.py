"""schoolaid pairing: the pairings and their gaps, the register, the visit record sheets."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import EXIT_OK, Group, Needs, command, db_option, json_option
from schoolaid.cli.session import clock_today, export, print_json, read
from schoolaid.common.i18n import translate

PAIRING = Group("pairing", lambda: translate("Cli", "household pairing (结对帮扶)"))


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)


@command(PAIRING, "list", help=lambda: translate(
    "Cli", "active pairings and the gaps: unpaired households, quotas, overdue visits"), arguments=_list_arguments,
         needs=Needs(Permission.VIEW))
def list_pairings(args: argparse.Namespace) -> int:
    from schoolaid.pairing import pairing

    overview = read(args, pairing.overview, clock_today())
    if args.json:
        return print_json(overview.as_json())
    for p in overview.pairings:
        last = p.last_visit.isoformat() if p.last_visit else translate("Cli", "never")
        print("\t".join([p.staff, p.school, p.role.label(), p.household_head, p.village + p.group_name,
                         p.start_date.isoformat(), translate("Cli", "last visit {date}").format(date=last)]))
    print(translate("Cli", "{pairs} active pairings; {unpaired} households need a pair; {over} helpers over quota, "
                           "{under} under; {departed} pairs whose helper left; {overdue} not visited for {days} "
                           "days.").format(
        pairs=len(overview.pairings), unpaired=len(overview.unpaired), over=len(overview.over_quota),
        under=len(overview.under_quota), departed=len(overview.departed), overdue=len(overview.overdue),
        days=overview.overdue_days), file=sys.stderr)
    return EXIT_OK


def _file_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE.xlsx")
    db_option(parser)


@command(PAIRING, "register", help=lambda: translate("Cli", "export the pairing register (结对帮扶花名册) to .xlsx"),
         arguments=_file_arguments, needs=Needs(Permission.EXPORT))
def export_register(args: argparse.Namespace) -> int:
    from schoolaid.pairing import pairing_export

    count = export(args, pairing_export.export_register, args.file, clock_today())
    print(translate("Cli", "{n} pairings written to {path}.").format(n=count, path=args.file))
    return EXIT_OK


@command(PAIRING, "visits", help=lambda: translate(
    "Cli", "export a visit record sheet per helper (走访记录表) to .xlsx"), arguments=_file_arguments,
         needs=Needs(Permission.EXPORT))
def export_visit_sheets(args: argparse.Namespace) -> int:
    from schoolaid.pairing import pairing_export

    count = export(args, pairing_export.export_visit_sheets, args.file, today=clock_today())
    print(translate("Cli", "Visit record sheets of {n} helpers written to {path}.").format(n=count, path=args.file))
    return EXIT_OK
