"""schoolaid township summary and schoolaid indicators: the figures of one school or of several."""

from __future__ import annotations

import argparse
from pathlib import Path

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import (
    EXIT_OK,
    NOTHING,
    Group,
    Needs,
    command,
    db_option,
    json_option,
    password_option,
)
from schoolaid.cli.session import clock_today, open_db, print_json, read_password, school_id
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Term

TOWNSHIP = Group("township", lambda: translate("Cli", "the township's view of its schools"))


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", type=Path, nargs="+", metavar="FILE")
    password_option(parser)
    parser.add_argument("--out", type=Path, required=True, metavar="summary.xlsx")


@command(TOWNSHIP, "summary", help=lambda: translate(
    "Cli", "each school's key figures side by side, from their backups, as .xlsx"), arguments=_summary_arguments,
         needs=NOTHING, allow_abbrev=False)
def township_summary(args: argparse.Namespace) -> int:
    from schoolaid.reporting import township_summary

    # On backup files only, no database: no accounts to sign in to; the password is the key.
    figures = township_summary.summarize(Actor(translate("Cli", "command line")), args.files,
                                         read_password(args.password_file), args.out, clock_today())
    print(translate("Cli", "Summary of {n} schools written to {path}.").format(n=len(figures), path=args.out))
    return EXIT_OK


def _indicators_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)
    parser.add_argument("--year", type=int, metavar="Y")
    parser.add_argument("--term", choices=("autumn", "spring"))
    parser.add_argument("--school", metavar="NAME", help=translate("Cli", "one school instead of the township"))


@command(None, "indicators", help=lambda: translate(
    "Cli", "the plan's indicators against their targets, for a term (the one under way by default)"),
         arguments=_indicators_arguments, needs=Needs(Permission.VIEW))
def indicators(args: argparse.Namespace) -> int:
    from schoolaid.reporting import indicators

    if (args.year is None) != (args.term is None):
        raise SchoolAidError(translate("Cli", "Give --year and --term together, or neither for the term under way."))
    term = Term.parse(args.year, args.term) if args.year is not None else None
    today = clock_today()
    db = open_db(args)
    try:
        school = school_id(db, args.school) if args.school else None
        result = db.query(indicators.compute, term, school, today=today)
    finally:
        db.close()
    shown_term = term or Term.containing(today)
    if args.json:
        by_key = {i.key: i.as_json() for i in result.indicators}
        # Scripts read the consolidation rate directly, as they read the term and the school.
        return print_json({"indicators": list(by_key.values()), "term": shown_term.label, "school": result.school,
                           "consolidation_rate": by_key["consolidation_rate"]})
    print(f"{result.school} {shown_term.label}")
    for i in result.indicators:
        value = "—" if i.value is None else f"{i.value:.2%}"
        sign = "≥" if i.at_least else "≤"
        state = "" if i.met is None else ("✓" if i.met else "✗")
        print(f"{i.name}\t{value}\t{sign}{i.target:.1%}\t{i.numerator}/{i.denominator}\t{state}")
    return EXIT_OK
