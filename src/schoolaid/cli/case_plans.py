"""schoolaid cases plan | follow-up | show: one plan per child (一人一案) and the follow-up after the
return, on the dropout case files (``cli.dropout``'s group)."""

from __future__ import annotations

import argparse
import sys

from schoolaid.accounts.permissions import Permission
from schoolaid.cli.command import EXIT_OK, Needs, command, db_option, iso_day, json_option, operator_option
from schoolaid.cli.dropout import CASES
from schoolaid.cli.session import clock_today, open_db, print_json, teacher_classes
from schoolaid.common.errors import NotFound
from schoolaid.common.i18n import translate
from schoolaid.dropout.vocabulary import Reason

# The short words people say for a cause, beside the vocabulary's own.
CAUSE_WORDS = {"厌学": Reason.LEARNING, "学习困难": Reason.LEARNING, "外出务工": Reason.MIGRATION,
               "随父母外出": Reason.MIGRATION, "身体原因": Reason.ILLNESS, "疾病": Reason.ILLNESS, "残疾": Reason.ILLNESS,
               "家庭困难": Reason.POVERTY}


def cause(text: str) -> str:
    """A cause as typed: the vocabulary's word (家庭经济困难) or a short one (厌学, 外出务工, 身体原因)."""
    text = text.strip()
    for reason in Reason:
        if text == reason.value:
            return reason.value
    if text in CAUSE_WORDS:
        return CAUSE_WORDS[text].value
    raise argparse.ArgumentTypeError(translate("Cli", "\u201c{text}\u201d is not a cause: write one of {causes}.").format(
        text=text, causes="、".join([r.value for r in Reason] + list(CAUSE_WORDS))))


def _case_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case_id", type=int, metavar="CASE_ID", help=translate(
        "Cli", "the case's number (cases list)"))


def _plan_arguments(parser: argparse.ArgumentParser) -> None:
    _case_id(parser)
    parser.add_argument("--leader", metavar="NAME", help=translate(
        "Cli", "the school leader responsible for the child (包保责任人)"))
    parser.add_argument("--teacher", metavar="NAME", help=translate("Cli", "the teacher responsible for the child"))
    parser.add_argument("--cadre", metavar="NAME", help=translate("Cli", "the village cadre responsible for the child"))
    parser.add_argument("--cause", type=cause, metavar="CAUSE", help=translate(
        "Cli", "why the child left school: {causes}").format(causes="、".join(r.value for r in Reason)))
    parser.add_argument("--measures", metavar="TEXT", help=translate("Cli", "what is done to bring the child back"))
    db_option(parser)
    operator_option(parser)
    json_option(parser)


@command(CASES, "plan", help=lambda: translate(
    "Cli", "set or change a case's plan (一人一案); what is not given stays as it is, each change is kept"),
         arguments=_plan_arguments, needs=Needs(Permission.MANAGE_CASES))
def set_plan(args: argparse.Namespace) -> int:
    from schoolaid.dropout import case_plans

    today = clock_today()
    db = open_db(args)
    try:
        form = db.query(case_plans.plan_form, args.case_id)
        for option, field, link in (("leader", "leader", "leader_staff_id"), ("teacher", "teacher", "teacher_staff_id"),
                                    ("cadre", "cadre", None), ("cause", "cause", None), ("measures", "measures", None)):
            value = getattr(args, option)
            if value is not None:
                setattr(form, field, value)
                if link is not None:
                    setattr(form, link, None)  # a name given: its staff record found again
        db.run(case_plans.save_plan, args.actor, args.case_id, form, today=today)
        history = db.query(case_plans.plan_history, args.case_id)
    finally:
        db.close()
    latest = history[-1]
    if args.json:
        return print_json({"case": args.case_id, "plan": latest.as_json(), "revisions": len(history)})
    print(translate("Cli", "Plan of case No. {id}, revision {n}: {leader}, {teacher}, {cadre}; {cause}; {measures}").format(
        id=args.case_id, n=latest.revision, leader=latest.leader, teacher=latest.teacher, cadre=latest.cadre or "—",
        cause=latest.cause.value, measures=latest.measures))
    return EXIT_OK


def _follow_up_arguments(parser: argparse.ArgumentParser) -> None:
    _case_id(parser)
    parser.add_argument("--on", type=iso_day, metavar="DAY", help=translate(
        "Cli", "the day of the follow-up (default: today)"))
    parser.add_argument("--by", required=True, metavar="NAME", help=translate("Cli", "who followed the child up"))
    parser.add_argument("--note", required=True, metavar="TEXT", help=translate("Cli", "how the child is doing"))
    parser.add_argument("--absent", action="store_true", help=translate(
        "Cli", "the child was not attending (record the absence too: one in the follow-up period reopens the case)"))
    db_option(parser)
    operator_option(parser)
    json_option(parser)


@command(CASES, "follow-up", help=lambda: translate(
    "Cli", "record a follow-up of a child back at school (返校后跟踪)"),
         arguments=_follow_up_arguments, needs=Needs(Permission.LOG_PERSUASION))
def follow_up(args: argparse.Namespace) -> int:
    from schoolaid.dropout import case_plans

    today = clock_today()
    db = open_db(args)
    try:
        entry_id = db.run(case_plans.log_follow_up, args.actor, args.case_id, case_plans.FollowUpEntry(
            args.on or today, args.by, args.note, not args.absent), today=today)
        state = db.query(case_plans.follow_up_state, args.case_id)
    finally:
        db.close()
    assert state is not None
    if args.json:
        return print_json({"case": args.case_id, "follow_up": entry_id, **state.as_json(today)})
    print(translate("Cli", "Follow-up recorded on case No. {id}: {done} of {n} done.").format(
        id=args.case_id, done=state.done, n=len(state.due_dates)) + " " + (
        translate("Cli", "Next due on {date}.").format(date=state.next_due.isoformat()) if state.next_due
        else translate("Cli", "The follow-up is complete (巩固完成).")))
    return EXIT_OK


def _show_arguments(parser: argparse.ArgumentParser) -> None:
    _case_id(parser)
    db_option(parser)
    json_option(parser)


@command(CASES, "show", help=lambda: translate(
    "Cli", "one case: its file, its plan with every revision, and the follow-up after the return"),
         arguments=_show_arguments, needs=Needs(Permission.VIEW, own_classes=True))
def show_case(args: argparse.Namespace) -> int:
    from schoolaid.dropout import case_files, case_plans

    today = clock_today()
    db = open_db(args)
    try:
        found = db.query(case_files.list_cases, case_id=args.case_id, classes=teacher_classes(args))
        if not found:
            raise NotFound(translate("Cli", "There is no case No. {id}.").format(id=args.case_id))
        [case] = found
        history = db.query(case_plans.plan_history, case.id)
        entries = db.query(case_plans.follow_ups, case.id)
        state = db.query(case_plans.follow_up_state, case.id)
    finally:
        db.close()
    if args.json:
        return print_json({**case.as_json(today), "plan": history[-1].as_json() if history else None,
                           "plan_history": [p.as_json() for p in history],
                           "follow_ups": [e.as_json() for e in entries],
                           "follow_up": state.as_json(today) if state else None})
    print(f"{case.id}\t{case.student}\t{case.school}\t{case.grade}\t{case.status.value}\t{case.reason.value}")
    if history:
        latest = history[-1]
        print(translate("Cli", "Plan (revision {n}): leader {leader}, teacher {teacher}, village cadre {cadre}; "
                               "cause {cause}; measures: {measures}").format(
            n=latest.revision, leader=latest.leader or "—", teacher=latest.teacher or "—", cadre=latest.cadre or "—",
            cause=latest.cause.value, measures=latest.measures or "—"))
        if latest.placement_label:
            print(translate("Cli", "Placement on return: {placement}").format(placement=latest.placement_label))
    else:
        print(translate("Cli", "No plan yet: set it with \u201cschoolaid cases plan {id} …\u201d.").format(id=case.id))
    for entry in entries:
        print("\t".join([entry.follow_date.isoformat(), entry.followed_by, entry.note,
                         translate("Cli", "attending") if entry.attending else translate("Cli", "not attending")]))
    if state is not None:
        line = (translate("Cli", "Followed up {done} of {n} times: consolidated (巩固完成), no longer followed.")
                if state.completed else translate("Cli", "Followed up {done} of {n} times; the next is due on {date}."))
        print(line.format(done=state.done, n=len(state.due_dates),
                          date=state.next_due.isoformat() if state.next_due else ""), file=sys.stderr)
    return EXIT_OK
