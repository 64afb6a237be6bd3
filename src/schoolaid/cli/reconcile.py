"""schoolaid reconcile: 四查三比对 — the lists compared with the roster, and the checks that close
each difference."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from schoolaid.accounts.permissions import Permission, has_full_id_rights
from schoolaid.cli.command import (
    EXIT_OK,
    Group,
    Needs,
    command,
    db_option,
    iso_day,
    json_option,
    operator_option,
)
from schoolaid.cli.session import clock_today, note_full_ids, open_db, print_json, school_id
from schoolaid.common.i18n import translate
from schoolaid.reconcile.vocabulary import CheckResult, DifferenceKind

RECONCILE = Group("reconcile", lambda: translate(
    "Cli", "四查三比对: the household register, the student registry and the poverty list compared with the roster"))


def _report_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)
    parser.add_argument("--out", type=Path, metavar="FILE.xlsx", help=translate(
        "Cli", "also write the check sheets (one per kind, with the columns the village cadre fills in)"))
    parser.add_argument("--all", dest="include_checked", action="store_true", help=translate(
        "Cli", "include the differences already checked, with their check"))
    parser.add_argument("--full-id", action="store_true", help=translate(
        "Cli", "write full ID numbers into the workbook (they are masked otherwise)"))


@command(RECONCILE, "report", help=lambda: translate(
    "Cli", "list the differences between the lists and the roster (still to check, oldest first)"),
         arguments=_report_arguments, needs=Needs(Permission.VIEW))
def report(args: argparse.Namespace) -> int:
    from schoolaid.reconcile import differences, report_export

    today = clock_today()
    db = open_db(args)
    try:
        found = db.query(differences.differences, today, include_checked=args.include_checked)
        full_id_rights = db.query(has_full_id_rights, args.actor)
        if args.out is not None:
            db.query(report_export.write_report, args.actor, args.out, today=today, full_ids=args.full_id,
                     include_checked=args.include_checked)
    finally:
        db.close()
    counts = {kind.value: 0 for kind in differences.KIND_ORDER}
    for difference in found:
        counts[difference.kind.value] += 1
    if args.out is not None:
        print(translate("Cli", "Check sheets written to {path}.").format(path=args.out), file=sys.stderr)
        if args.full_id:
            note_full_ids(args.out)
    if args.json:
        return print_json({"differences": [d.as_json(full_id_rights=full_id_rights) for d in found],
                           "counts": counts, "open": sum(1 for d in found if d.is_open)})
    for difference in found:
        check = difference.check.summary() if difference.check is not None else translate("Cli", "to check")
        print("\t".join([difference.kind.label(), difference.name, difference.village,
                         difference.birth_date.isoformat() if difference.birth_date else "",
                         difference.as_json(full_id_rights=full_id_rights)["id_number_masked"], difference.detail,
                         difference.since.isoformat(), check]))
    print(translate("Cli", "{n} differences: {counts}.").format(
        n=len(found), counts=", ".join(f"{DifferenceKind(kind).label()} {n}" for kind, n in counts.items())),
        file=sys.stderr)
    return EXIT_OK


def _check_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("kind", choices=[k.value for k in DifferenceKind], metavar="KIND", help=translate(
        "Cli", "the kind of difference: {kinds}").format(kinds=", ".join(k.value for k in DifferenceKind)))
    parser.add_argument("person_key", metavar="PERSON_KEY", help=translate(
        "Cli", "the child: the ID number, or name|birth date (the \u201ckey\u201d of reconcile report --json)"))
    parser.add_argument("--result", required=True, choices=[r.value for r in CheckResult], metavar="R",
                        help=translate("Cli", "the result: {results}").format(
                            results=", ".join(r.value for r in CheckResult)))
    parser.add_argument("--checked-by", required=True, metavar="NAME", help=translate("Cli", "who checked (核查人)"))
    parser.add_argument("--checked-on", type=iso_day, metavar="DAY", help=translate(
        "Cli", "the day of the check (核查日期), default today"))
    parser.add_argument("--school", default="", help=translate("Cli", "在外地就读: the school where the child studies"))
    parser.add_argument("--place", default="", help=translate("Cli", "在外地就读, 随迁, 迁出: where"))
    parser.add_argument("--how", default="", metavar="HOW", help=translate(
        "Cli", "在外地就读: how it was confirmed (学籍系统, 接收学校证明, 电话)"))
    parser.add_argument("--with", dest="confirmed_with", default="", metavar="WHOM", help=translate(
        "Cli", "在外地就读 by telephone: with whom"))
    parser.add_argument("--student", type=int, metavar="ID", help=translate(
        "Cli", "已在本校: the student's id (roster list --json)"))
    parser.add_argument("--approval-body", default="", help=translate("Cli", "延缓入学: who approved"))
    parser.add_argument("--approval-document", default="", help=translate("Cli", "延缓入学: the document number"))
    parser.add_argument("--expires", type=iso_day, metavar="DAY", help=translate(
        "Cli", "延缓入学: the day the deferral ends"))
    parser.add_argument("--into-school", metavar="NAME", help=translate(
        "Cli", "失学: the school the child is put on the roster of (default: the school of the child's village)"))
    parser.add_argument("--into-grade", type=int, metavar="N", help=translate(
        "Cli", "失学: the grade, 1–9 (default: by age)"))
    parser.add_argument("--sex", choices=["男", "女"], help=translate(
        "Cli", "失学: the child's sex, when no ID number says it"))
    parser.add_argument("--evidence", default="", help=translate("Cli", "the evidence (佐证)"))
    parser.add_argument("--note", default="")
    db_option(parser)
    operator_option(parser)
    json_option(parser)


@command(RECONCILE, "check", help=lambda: translate(
    "Cli", "record the check of a difference (核查结果); 失学 puts the child on the roster as 未入学"),
         arguments=_check_arguments, needs=Needs(Permission.MANAGE_CASES))
def record(args: argparse.Namespace) -> int:
    from schoolaid.common.grades import Stage
    from schoolaid.reconcile import checks

    today = clock_today()
    form = checks.CheckForm(
        result=args.result, checked_by=args.checked_by, checked_on=args.checked_on or today,
        school_name=args.school, place=args.place, confirmed_how=args.how, confirmed_with=args.confirmed_with,
        student_id=args.student, approval_body=args.approval_body, approval_document=args.approval_document,
        approval_expires_on=args.expires, sex=args.sex or "", evidence=args.evidence, note=args.note)
    if args.into_grade is not None:
        form.grade = args.into_grade
        form.stage = (Stage.PRIMARY if args.into_grade <= 6 else Stage.JUNIOR).value
    db = open_db(args)
    try:
        if args.into_school:
            form.school_id = school_id(db, args.into_school)
        outcome = db.run(checks.record_check, args.actor, args.kind, args.person_key, form, today=today)
    finally:
        db.close()
    if args.json:
        return print_json({"check_id": outcome.check_id, "kind": args.kind, "result": args.result,
                           "student_id": outcome.student_id, "household_id": outcome.household_id})
    print(translate("Cli", "Check recorded ({result}).").format(result=args.result))
    if outcome.student_id is not None and args.result == CheckResult.OUT_OF_SCHOOL.value:
        print(translate("Cli", "The child is on the roster as 未入学 (student {id}): open a dropout case with the "
                               "dropout tab.").format(id=outcome.student_id))
    return EXIT_OK
