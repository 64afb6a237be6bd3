"""schoolaid demo: the demo township in an empty database."""

from __future__ import annotations

import argparse

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import EXIT_OK, Needs, command, db_option, operator_option
from schoolaid.cli.session import clock_today, open_db
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate


def _demo_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    parser.add_argument("--students", type=int, default=1500, metavar="N", help=translate(
        "Cli", "number of students (default 1500)"))
    parser.add_argument("--seed", type=int, default=2026, metavar="S", help=translate(
        "Cli", "random seed: the same seed gives the same township"))
    operator_option(parser)


@command(None, "demo", help=lambda: translate("Cli", "fill an empty database with the demo township"),
         arguments=_demo_arguments, needs=Needs(Permission.EDIT_SETTINGS))
def demo(args: argparse.Namespace) -> int:
    from schoolaid.demo import create_demo_township

    if args.students < 1:
        raise SchoolAidError(translate("Cli", "--students must be at least 1."))
    db = open_db(args, create=True)
    try:
        result = db.run(create_demo_township, args.actor, students=args.students, seed=args.seed,
                        today=clock_today())
    finally:
        db.close()
    print(translate("Cli", "Demo township created: {schools} schools, {villages} villages, {households} households, "
                           "{students} students, {staff} staff.").format(
        schools=result.schools, villages=result.villages, households=result.households, students=result.students,
        staff=result.staff))
    return EXIT_OK
