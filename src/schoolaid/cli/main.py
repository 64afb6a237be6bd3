"""The command line: a second face on the same services as the window. Each domain's module declares
its commands (words, help, arguments, permission, handler); this one builds the parser from them and
runs the one asked for.

Exit status: 0 success, 1 bad input (one line on stderr saying what is wrong), 2 bad usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from schoolaid import __version__
from schoolaid.cli.command import COMMANDS, EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, Command, Group, db_option
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate


def _order() -> tuple[object, ...]:
    """The order --help lists the commands in: groups of actions, and commands of their own (by handler).
    Their modules are loaded here, not above: the window alone (no command) starts without them and
    the database machinery they load."""
    from schoolaid.cli import (
        accounts,
        backup,
        case_plans,  # noqa: F401 - its commands join the cases group
        demo,
        disabilities,
        dropout,
        hardship,
        ledger,
        pairing,
        printing,
        reconcile,
        reporting,
        roster,
        transfers,
    )

    return (roster.ROSTER, transfers.TRANSFERS, disabilities.DISABILITY, pairing.PAIRING, ledger.LEDGER,
            hardship.HARDSHIP, dropout.CASES, reconcile.RECONCILE, printing.PRINT, backup.BACKUP, reporting.TOWNSHIP,
            accounts.USERS, accounts.AUDIT, reporting.indicators, demo.demo)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="schoolaid",
        description=translate("Cli", "SchoolAid: student roster, household pairing, subsidy ledger and dropout "
                                     "case files of a township central school. Without a command, opens the window."))
    parser.add_argument("--version", action="version", version=f"SchoolAid {__version__}")
    db_option(parser, None)
    # nargs="?": the desktop entry's `--view-backup %f` loses its %f when started from the menu.
    parser.add_argument("--view-backup", metavar="FILE", type=Path, nargs="?", help=translate(
        "Cli", "open the window and show this backup (.sabk) read-only once signed in: what a backup "
               "double-clicked does"))
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for entry in _order():
        if isinstance(entry, Group):
            group_parser = commands.add_parser(entry.name, help=entry.help())
            actions = group_parser.add_subparsers(dest=entry.dest, metavar=entry.metavar, required=True)
            for spec in (c for c in COMMANDS if c.group is entry):
                _add(actions, spec)
        else:
            _add(commands, next(c for c in COMMANDS if c.group is None and c.handler is entry))
    return parser


def _add(subparsers: argparse._SubParsersAction, spec: Command) -> None:
    parser = subparsers.add_parser(spec.name, help=spec.help(), allow_abbrev=spec.allow_abbrev)
    spec.arguments(parser)
    parser.set_defaults(command_spec=spec)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser: argparse.ArgumentParser | None = None
    args = _window_only(arguments)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(arguments)
    try:
        return _dispatch(parser, args)
    except BrokenPipeError:
        # The output went to a program that stopped reading (``| head``): not an error.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silences the flush at exit
        return EXIT_OK


class _NotTheWindowAlone(Exception):
    pass


class _WindowParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotTheWindowAlone(message)


def _window_only(arguments: list[str]) -> argparse.Namespace | None:
    """The arguments when they only open the window (``schoolaid``, ``--db``, ``--view-backup``: what the
    desktop starts), without building the commands' parser; else None (a command, --help, --version, a
    mistake: the full parser answers)."""
    parser = _WindowParser(prog="schoolaid", add_help=False, allow_abbrev=False)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--view-backup", type=Path, nargs="?")
    try:
        args, rest = parser.parse_known_args(arguments)
    except _NotTheWindowAlone:
        return None
    if rest:
        return None
    args.command = None
    return args


def _dispatch(parser: argparse.ArgumentParser | None, args: argparse.Namespace) -> int:
    try:
        if args.command is None:
            from schoolaid.ui.app import run_gui

            return run_gui(args.db, view_backup=args.view_backup)
        spec = getattr(args, "command_spec", None)
        if spec is not None:
            return spec.handler(args)
    except SchoolAidError as exc:
        print(f"schoolaid: {exc.message}".replace("\n", " "), file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(translate("Cli", "schoolaid: cannot read or write a file: {detail}").format(detail=exc), file=sys.stderr)
        return EXIT_BAD_INPUT
    assert parser is not None  # the window alone returned above
    parser.print_usage(sys.stderr)
    return EXIT_USAGE
