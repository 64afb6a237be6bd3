"""schoolaid transfers: the transfers out and in (list, with those unconfirmed past the setting's days),
confirming a transfer out, and a graduate's destination."""

from __future__ import annotations

import argparse
import datetime as dt

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import EXIT_OK, Group, Needs, command, db_option, json_option, operator_option
from schoolaid.cli.session import clock_today, open_db, print_json
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error
from schoolaid.roster import transfers
from schoolaid.roster.transfers import Confirmation, ConfirmedHow, DestinationForm, Direction

TRANSFERS = Group("transfers", lambda: translate("Cli", "transfers out and in, and graduates' destinations"))


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)


@command(TRANSFERS, "list", help=lambda: translate(
    "Cli", "list the transfers of the students now 转出 and the transfers in, newest first"),
         arguments=_list_arguments, needs=Needs(Permission.VIEW))
def list_transfers(args: argparse.Namespace) -> int:
    today = clock_today()
    db = open_db(args)
    try:
        found = db.query(transfers.current_transfers)
        days = db.query(transfers.confirm_days)
    finally:
        db.close()
    if args.json:
        return print_json({"transfers": [{
            "id": t.id, "student": t.student, "student_id": t.student_id, "our_school": t.our_school,
            "direction": t.direction.value, "school": t.school, "place": t.place, "since": t.since.isoformat(),
            "confirmed": t.confirmed, "confirmed_how": t.confirmed_how, "confirmed_with": t.confirmed_with,
            "confirmed_on": t.confirmed_on.isoformat() if t.confirmed_on else None,
            "overdue": t.overdue(today, days)} for t in found]})
    for t in found:
        late = translate("Cli", " — not confirmed after {days} days").format(days=days) if t.overdue(today, days) else ""
        print(f"{t.id}\t{t.student}（{t.our_school}）\t{t.summary()}{late}")
    return EXIT_OK


def _day(text: str, field: str) -> dt.date:
    """A day given to a command; a bad one is refused in one line as any invalid input is."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationFailed([error(field, "cli.day", translate(
            "Cli", "\u201c{text}\u201d is not a date: write it like 2026-09-01.").format(text=text))]) from None


def _confirmation_arguments(parser: argparse.ArgumentParser, required: bool) -> None:
    hows = " / ".join(h.value for h in ConfirmedHow)
    parser.add_argument("--how", required=required, default="", help=translate(
        "Cli", "how the receiving school was confirmed: {hows}").format(hows=hows))
    parser.add_argument("--with", dest="with_whom", required=required, default="", metavar="NAME", help=translate(
        "Cli", "with whom (the receiving school's staff member)"))
    parser.add_argument("--on", required=required, default="", metavar="DAY", help=translate(
        "Cli", "the day it was confirmed"))


def _confirmation(args: argparse.Namespace) -> Confirmation:
    return Confirmation(args.how.strip(), args.with_whom, _day(args.on, "confirmed_on") if args.on.strip() else None)


def _confirm_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("transfer", type=int, metavar="TRANSFER_ID", help=translate(
        "Cli", "the transfer's id (transfers list --json)"))
    _confirmation_arguments(parser, required=True)
    db_option(parser)
    operator_option(parser)
    json_option(parser)


@command(TRANSFERS, "confirm", help=lambda: translate(
    "Cli", "record how the receiving school of a transfer out (or a graduate's school) was confirmed"),
         arguments=_confirm_arguments, needs=Needs(Permission.EDIT_ROSTER))
def confirm(args: argparse.Namespace) -> int:
    confirmation = _confirmation(args)
    db = open_db(args)
    try:
        db.run(transfers.confirm_transfer, args.actor, args.transfer, confirmation, today=clock_today())
    finally:
        db.close()
    if args.json:
        return print_json({"transfer_id": args.transfer, "confirmed": True, "confirmed_how": confirmation.how,
                           "confirmed_with": confirmation.with_whom.strip(),
                           "confirmed_on": confirmation.on.isoformat() if confirmation.on else None})
    print(translate("Cli", "Transfer {id} confirmed.").format(id=args.transfer))
    return EXIT_OK


def _destination_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("student", type=int, metavar="STUDENT_ID", help=translate(
        "Cli", "the graduate's id (roster list --json)"))
    parser.add_argument("--to", dest="direction", required=True, metavar="|".join(d.value for d in transfers.DESTINATIONS),
                        help=translate("Cli", "升学 (to a school), 就业 or 未升学"))
    parser.add_argument("--school", default="", help=translate("Cli", "the school, for 升学"))
    parser.add_argument("--reason", default="", help=translate("Cli", "why, for 就业 or 未升学"))
    _confirmation_arguments(parser, required=False)
    db_option(parser)
    operator_option(parser)
    json_option(parser)


@command(TRANSFERS, "destination", help=lambda: translate(
    "Cli", "record a graduate's destination: the school (confirmed or not), or 就业 / 未升学 with the reason"),
         arguments=_destination_arguments, needs=Needs(Permission.EDIT_ROSTER))
def destination(args: argparse.Namespace) -> int:
    given = any(x.strip() for x in (args.how, args.with_whom, args.on))
    form = DestinationForm(args.direction.strip(), args.school, args.reason,
                           _confirmation(args) if given and args.direction.strip() == Direction.NEXT_SCHOOL.value
                           else None)
    db = open_db(args)
    try:
        record_id = db.run(transfers.record_destination, args.actor, args.student, form, today=clock_today())
    finally:
        db.close()
    if args.json:
        return print_json({"transfer_id": record_id, "student": args.student, "direction": form.direction,
                           "school": form.school.strip(), "confirmed": form.confirmation is not None})
    print(translate("Cli", "Destination recorded for student {id}.").format(id=args.student))
    return EXIT_OK


def _in_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("student", type=int, metavar="STUDENT_ID", help=translate(
        "Cli", "the student's id (roster list --json)"))
    parser.add_argument("--from", dest="school", required=True, metavar="SCHOOL", help=translate(
        "Cli", "the school the child came from"))
    parser.add_argument("--place", required=True, help=translate("Cli", "where that school is (county or town)"))
    parser.add_argument("--on", required=True, metavar="DAY", help=translate("Cli", "the day the child arrived"))
    db_option(parser)
    operator_option(parser)
    json_option(parser)


@command(TRANSFERS, "in", help=lambda: translate(
    "Cli", "record where a child who transferred in came from (school and place)"),
         arguments=_in_arguments, needs=Needs(Permission.EDIT_ROSTER))
def transfer_in(args: argparse.Namespace) -> int:
    arrived = _day(args.on, "since")
    db = open_db(args)
    try:
        record_id = db.run(transfers.record_transfer_in, args.actor, args.student, args.school, args.place, arrived,
                           today=clock_today())
    finally:
        db.close()
    if args.json:
        return print_json({"transfer_id": record_id, "student": args.student, "direction": Direction.IN.value,
                           "school": args.school.strip(), "place": args.place.strip(), "since": arrived.isoformat()})
    print(translate("Cli", "Transfer in recorded for student {id}.").format(id=args.student))
    return EXIT_OK
