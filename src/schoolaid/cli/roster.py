"""schoolaid roster: list, import, export, survey, and the 延缓入学 and 休学 approvals (defer, suspend)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from schoolaid.accounts.permissions import Permission, has_full_id_rights
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
from schoolaid.cli.session import (
    clock_today,
    export,
    note_full_ids,
    open_db,
    print_json,
    school_id,
    teacher_classes,
)
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate
from schoolaid.roster import enrollment_approvals, roster
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.enrollment_approvals import ApprovalForm, ApprovalKind
from schoolaid.township import township

ROSTER = Group("roster", lambda: translate("Cli", "the student roster"))


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", default="", help=translate(
        "Cli", "name, pinyin initials or ID digits, as in the search box"))
    parser.add_argument("--status", choices=[s.value for s in EnrollmentStatus], help=translate(
        "Cli", "only students with this enrollment status"))


def _roster_filter(args: argparse.Namespace, full_id_rights: bool) -> roster.RosterFilter:
    return roster.RosterFilter(text=args.search,
                               statuses=frozenset({EnrollmentStatus(args.status)}) if args.status else None,
                               classes=teacher_classes(args), full_id_rights=full_id_rights)


def _list_arguments(parser: argparse.ArgumentParser) -> None:
    db_option(parser)
    json_option(parser)
    _filter_options(parser)
    full_id_option(parser)


@command(ROSTER, "list", help=lambda: translate("Cli", "list students"), arguments=_list_arguments,
         needs=Needs(Permission.VIEW, own_classes=True))
def list_students(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        with db.read() as session:
            full_id_rights = has_full_id_rights(session, args.actor)
            flt = _roster_filter(args, full_id_rights)
            if roster.is_refused_id_search(flt.text, full_id_rights):
                print(translate("Cli", "Without the right to see full ID numbers, search by the last {n} digits of "
                                       "the ID number only.").format(n=roster.LAST_DIGITS), file=sys.stderr)
            rows = roster.list_rows(session, flt, today=clock_today())
        if args.full_id:
            print(translate("Cli", "Note: the output carries full ID numbers of minors. Keep it on this PC, or delete "
                                   "it when done."), file=sys.stderr)
            full_ids = db.run(roster.reveal_id_numbers, args.actor, [r.id for r in rows], "roster list")
        else:
            full_ids = {}
    finally:
        db.close()
    if args.json:
        items = []
        for r in rows:
            item = {
                "id": r.id, "name": r.name, "sex": r.sex,
                # Without full-ID rights: no birth date (null), only the year and month.
                "birth_date": r.birth_date.isoformat() if r.birth_date else None, "birth_month": r.birth_month,
                "school": r.school, "stage": r.stage, "grade": r.grade_label_zh, "grade_number": r.grade,
                "class": r.class_name, "village": r.village, "household_head": r.household_head,
                "category": r.category, "left_behind": r.left_behind, "boarder": r.boarder,
                # The key the township's scripts read before the categories (kept: keys are never renamed).
                "registered_poor": r.category in (HouseholdCategory.LIFTED.value, HouseholdCategory.MONITORED.value),
                "status": r.status.value, "id_number_masked": r.id_masked,
                # 应入学, 休学无批准 or 休学已到期 (the age rule and the approvals), null when none applies.
                "flag": r.flag.value if r.flag is not None else None,
            }
            if args.full_id:
                item["id_number"] = full_ids.get(r.id)
            items.append(item)
        json.dump(items, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    headers = [translate("Cli", "Name"), translate("Cli", "Sex"), translate("Cli", "Birth date"),
               translate("Cli", "School"), translate("Cli", "Grade"), translate("Cli", "Class"),
               translate("Cli", "Status"), translate("Cli", "ID number")]
    lines = [headers] + [
        [r.name, r.sex, r.birth_date.isoformat() if r.birth_date else r.birth_month, r.school, r.grade_label, r.class_name,
         r.status.label() + (f" ({r.flag.label()})" if r.flag is not None else ""),
         full_ids.get(r.id) or r.id_masked if args.full_id else r.id_masked]
        for r in rows
    ]
    for line in lines:
        print("\t".join(line))
    print(translate("Cli", "{n} students").format(n=len(rows)), file=sys.stderr)
    return EXIT_OK


def _import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE")
    db_option(parser)
    parser.add_argument("--dry-run", action="store_true", help=translate(
        "Cli", "check the file and report, without writing anything"))
    json_option(parser)
    parser.add_argument("--existing", choices=["update", "skip"], default="update", help=translate(
        "Cli", "students already on the roster (same ID number): update them from the sheet, or skip them "
        "(default: update)"))
    parser.add_argument("--school", metavar="NAME", help=translate(
        "Cli", "the school of every row, for a sheet without a school column"))
    parser.add_argument("--rejected", type=Path, metavar="OUT.xlsx", help=translate(
        "Cli", "also save the rejected rows, with the reasons, to send back to whoever typed them"))
    operator_option(parser)


@command(ROSTER, "import", help=lambda: translate(
    "Cli", "import students from an Excel or CSV roster (.xlsx, .xls, .csv)"), arguments=_import_arguments,
         needs=Needs(Permission.EDIT_ROSTER))
def import_roster(args: argparse.Namespace) -> int:
    from schoolaid.roster import roster_import
    from schoolaid.roster.roster_import import Choice, ImportOptions, Outcome

    source = roster_import.read_source(args.file)  # an unreadable file stops here, with exit status 1
    db = open_db(args)
    try:
        default_school = school_id(db, args.school) if args.school else None
        if default_school is None and not source.has_school_column:
            named = db.query(roster_import.named_school, source)
            if named is None:
                schools = "、".join(s.name for s in db.query(township.list_schools, open_only=True))
                raise SchoolAidError(translate(
                    "Cli", "{name} has no school column and names no known school above its header: give the "
                    "school with --school (one of: {schools}).").format(name=args.file.name, schools=schools))
            default_school = named[0]
            print(translate("Cli", "{name} names the school {school} above its header: every row is imported into "
                                   "it.").format(name=args.file.name, school=named[1]), file=sys.stderr)
        options = ImportOptions(existing=Choice(args.existing), default_school_id=default_school)
        plan = db.query(roster_import.make_plan, source, options, today=clock_today())
        if not args.dry_run:
            db.run(roster_import.apply_plan, args.actor, plan, today=clock_today())
    finally:
        db.close()
    if args.rejected and plan.rejected:
        roster_import.save_rejected(plan, args.rejected)
    if args.json:
        json.dump(plan.summary_json(), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return EXIT_OK
    verb = translate("Cli", "Would import") if args.dry_run else translate("Cli", "Imported")
    print(translate("Cli", "{verb}: {new} new, {updated} updated, {unchanged} unchanged, {skipped} skipped; "
                           "{rejected} rows rejected, {warned} with warnings.").format(
        verb=verb, new=plan.count(Outcome.NEW), updated=plan.count(Outcome.UPDATE),
        unchanged=plan.count(Outcome.UNCHANGED), skipped=plan.count(Outcome.SKIP), rejected=len(plan.rejected),
        warned=len(plan.warned)))
    for result in plan.rejected:
        print(translate("Cli", "Rejected: {sheet} row {row} {name}: {reason}").format(
            sheet=result.sheet, row=result.row, name=result.name, reason=result.reason))
    for result in plan.warned:
        print(translate("Cli", "Warning: {sheet} row {row} {name}: {reason}").format(
            sheet=result.sheet, row=result.row, name=result.name, reason=result.reason))
    return EXIT_OK


def _export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE.xlsx")
    db_option(parser)
    _filter_options(parser)
    full_id_option(parser)


@command(ROSTER, "export", help=lambda: translate("Cli", "export the roster to .xlsx"), arguments=_export_arguments,
         needs=Needs(Permission.EXPORT))
def export_roster(args: argparse.Namespace) -> int:
    from schoolaid.roster import roster_export

    db = open_db(args)
    try:  # with full ID numbers, the service puts the export on the record before the file exists
        flt = _roster_filter(args, db.query(has_full_id_rights, args.actor))
        count = db.query(roster_export.export_roster, args.actor, args.file, flt,
                         full_ids=args.full_id, today=clock_today())
    finally:
        db.close()
    if args.full_id:
        note_full_ids(args.file)
    print(translate("Cli", "{n} students written to {path}.").format(n=count, path=args.file))
    return EXIT_OK


def _survey_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, metavar="FILE.xlsx")
    db_option(parser)


@command(ROSTER, "survey", help=lambda: translate(
    "Cli", "export the poor villages' survey of children's education (贫困村儿童、青少年接受教育情况调查表)"),
         arguments=_survey_arguments, needs=Needs(Permission.EXPORT))
def export_survey(args: argparse.Namespace) -> int:
    from schoolaid.roster import roster_export

    villages = export(args, roster_export.export_survey, args.file, clock_today())
    print(translate("Cli", "Survey of {n} poor villages written to {path}.").format(n=villages, path=args.file))
    return EXIT_OK


def _approval_arguments(parser: argparse.ArgumentParser, suspension: bool) -> None:
    parser.add_argument("student", type=int, metavar="STUDENT_ID", help=translate(
        "Cli", "the student's id (roster list --json)"))
    if suspension:
        parser.add_argument("--reason", required=True, help=translate("Cli", "why, e.g. 因病"))
    parser.add_argument("--body", required=True, help=translate(
        "Cli", "who approved it (批准机关), e.g. 乡镇人民政府 or 县级教育行政部门"))
    parser.add_argument("--document", required=not suspension, default="", metavar="NO", help=translate(
        "Cli", "the approval's document number (文号)"))
    parser.add_argument("--approved-on", required=True, type=iso_day, metavar="DAY", help=translate(
        "Cli", "the day of the approval"))
    if suspension:
        parser.add_argument("--from", dest="starts_on", required=True, type=iso_day, metavar="DAY", help=translate(
            "Cli", "the first day of the suspension"))
        parser.add_argument("--to", dest="ends_on", required=True, type=iso_day, metavar="DAY", help=translate(
            "Cli", "the last day of the suspension (at most one year after the first)"))
    else:
        parser.add_argument("--until", dest="ends_on", required=True, type=iso_day, metavar="DAY", help=translate(
            "Cli", "the expiry (到期日): from that day the child is due to enroll again"))
    db_option(parser)
    operator_option(parser)
    json_option(parser)


def _record_approval(args: argparse.Namespace, form: ApprovalForm) -> int:
    db = open_db(args)
    try:
        approval_id = db.run(enrollment_approvals.record_approval, args.actor, args.student, form,
                             today=clock_today())
    finally:
        db.close()
    if args.json:
        return print_json({"approval_id": approval_id, "student": args.student, "kind": form.kind,
                           "ends_on": args.ends_on.isoformat()})
    print(translate("Cli", "{kind} approval recorded for student {id}, until {date}.").format(
        kind=form.kind, id=args.student, date=args.ends_on.isoformat()))
    return EXIT_OK


@command(ROSTER, "defer", help=lambda: translate(
    "Cli", "record a 延缓入学 approval for a child of school age still in a preschool class"),
         arguments=lambda parser: _approval_arguments(parser, suspension=False), needs=Needs(Permission.EDIT_ROSTER))
def defer(args: argparse.Namespace) -> int:
    return _record_approval(args, ApprovalForm(
        kind=ApprovalKind.DEFERRED.value, approving_body=args.body, document_no=args.document,
        approved_on=args.approved_on, ends_on=args.ends_on))


@command(ROSTER, "suspend", help=lambda: translate(
    "Cli", "record a 休学 approval (a pupil still 在读 becomes 休学 from its first day)"),
         arguments=lambda parser: _approval_arguments(parser, suspension=True), needs=Needs(Permission.EDIT_ROSTER))
def suspend(args: argparse.Namespace) -> int:
    return _record_approval(args, ApprovalForm(
        kind=ApprovalKind.SUSPENDED.value, approving_body=args.body, document_no=args.document,
        approved_on=args.approved_on, reason=args.reason, starts_on=args.starts_on, ends_on=args.ends_on))
