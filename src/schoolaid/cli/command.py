"""How a command is declared: where it is defined, each command names its words, its help, its
arguments, the permission it needs and its handler; ``main`` builds the parser from these
declarations, and opening the database (``cli.session.open_database``) checks the declared
permission for the person signed in. The services check their own part again.

Exit status: 0 success, 1 bad input (one line on stderr saying what is wrong), 2 bad usage.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from schoolaid.common.i18n import translate
from schoolaid.common.paths import default_database_path

if TYPE_CHECKING:  # the window, started without a command, draws its first window before the database machinery
    from schoolaid.accounts.permissions import Permission

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2

Handler = Callable[[argparse.Namespace], int]
Arguments = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Needs:
    """What a command needs once signed in. ``permission`` None: nothing beyond signing in (the
    service decides, e.g. adding the first account). ``own_classes``: a teacher may run it on their
    classes without ``permission``. ``--full-id``, where a command has it, adds VIEW_FULL_ID."""

    permission: Permission | None
    own_classes: bool = False


NOTHING = Needs(None)


@dataclass(frozen=True)
class Group:
    """A command with actions (``schoolaid roster …``)."""

    name: str
    help: Callable[[], str]
    metavar: str = "ACTION"

    @property
    def dest(self) -> str:
        return f"{self.name}_command"


@dataclass(frozen=True)
class Command:
    group: Group | None  # None: a command of its own (``schoolaid indicators``)
    name: str
    help: Callable[[], str]
    arguments: Arguments
    needs: Needs
    handler: Handler
    allow_abbrev: bool = True


COMMANDS: list[Command] = []  # in the order they are declared: the order --help lists them


def command(group: Group | None, name: str, *, help: Callable[[], str], arguments: Arguments, needs: Needs,
            allow_abbrev: bool = True) -> Callable[[Handler], Handler]:
    """Declare the decorated function as the handler of a command."""

    def declare(handler: Handler) -> Handler:
        COMMANDS.append(Command(group, name, help, arguments, needs, handler, allow_abbrev))
        return handler

    return declare


# --- options shared by many commands ---------------------------------------------------------------


def db_option(parser: argparse.ArgumentParser, default: object = argparse.SUPPRESS) -> None:
    parser.add_argument("--db", metavar="PATH", type=Path, default=default, help=translate(
        "Cli", "database file (default: {path})").format(path=default_database_path()))
    if default is argparse.SUPPRESS:  # a command that works on the database: who is working
        user_options(parser)


def user_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="NAME", help=translate(
        "Cli", "the account to act as, on a database with accounts (its role decides what is allowed)"))
    parser.add_argument("--user-password-file", type=Path, metavar="F", help=translate(
        "Cli", "a file whose first line is that account's password, or - for standard input"))


def operator_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--operator", default=translate("Cli", "command line"), help=translate(
        "Cli", "name recorded in the audit trail as the person making the change"))


def password_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--password-file", type=Path, required=True, metavar="F", help=translate(
        "Cli", "a file whose first line is the backup password, or - to read it from standard input (never "
        "typed as an argument: others could read it in the process list)"))


def iso_day(text: str) -> dt.date:
    """An argument that is a day, written 2026-09-01."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(translate("Cli", "\u201c{text}\u201d is not a date: write it like "
                                                          "2026-09-01.").format(text=text)) from None


def json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=translate("Cli", "print JSON for other programs"))


def full_id_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--full-id", action="store_true", help=translate(
        "Cli", "include full ID numbers (they are masked otherwise)"))
