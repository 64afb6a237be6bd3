"""Today's work: what the plan's duties ask of the school today, each line pointing at the record
to open. Absences reaching the suspected-dropout threshold with no case, cases with no action for 7
days, notice deadlines passed, 脱贫户 and 监测对象 households with no pair or no visit for 30 days, eligible
students unpaid this month, priority-group students not yet assessed for the school year, the
term-start report in a term's first weeks, children back at school whose monthly follow-up is due, the backup not taken for 30 days; children a 比对 check
found out of school (失学) with no case, and the differences of the 比对 still to check, per village,
the village with the oldest first; children of school age still in a preschool class with no 延缓入学
approval (应入学), and 休学 pupils with no approval in force; transfers out the receiving school has not
confirmed in time (转出待核实), and primary graduates with no confirmed junior school after September;
children placed 送教上门 with no visit for a month, and children with a disability awaiting placement (待安置)
too long. A line is one record's (one child's, one case's, one household's), placed in its school (a household's:
its village): ``grouped`` orders them by kind, most urgent first (``URGENCY``), then by school, with counts."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import is_teacher
from schoolaid.backup import backup
from schoolaid.common import school_calendar
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Term
from schoolaid.dropout import (
    absences,
    case_files,
    case_plans,
    escalation,
    found_out_of_school,
    rules,
    term_start,
)
from schoolaid.dropout.vocabulary import CaseStatus
from schoolaid.ledger import coverage, hardship
from schoolaid.pairing import pairing
from schoolaid.reconcile import differences, village_counts
from schoolaid.roster import categories, disabilities, enrollment_approvals, transfers
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.roster.enrollment_approvals import Flag

STALE_CASE_DAYS = 7
VISIT_DAYS = 30
BACKUP_DAYS = 30
REPORT_WEEKS = 4  # the term-start report is due in the first weeks of classes


class Kind:
    ABSENCE = "absence"  # target: the absence id
    STALE_CASE = "stale_case"  # target: the case id
    NOTICE_EXPIRED = "notice_expired"  # target: the case id (the first step after the notice is due)
    ESCALATION = "escalation"  # target: the case id (a later step of the escalation due, or its receipt missing)
    UNPAIRED = "unpaired"  # target: the household id
    VISIT_OVERDUE = "visit_overdue"  # target: the pairing id
    UNPAID = "unpaid"  # target: the programme id
    TERM_REPORT = "term_report"  # target: none
    BACKUP = "backup"  # target: none
    NOT_ASSESSED = "not_assessed"  # target: the school year (priority groups not yet assessed)
    OUT_OF_SCHOOL = "out_of_school"  # target: the student a 比对 check found out of school (失学), no case yet
    RECONCILE = "reconcile"  # target: the village id (None: people of no known village) with differences to check
    DUE_TO_ENROLL = "due_to_enroll"  # target: the first such student (应入学: of school age, in a preschool class)
    SUSPENSION = "suspension"  # target: the first 休学 pupil with no approval or one run out
    TRANSFER_UNCONFIRMED = "transfer_unconfirmed"  # target: the first student 转出待核实 past the setting's days
    GRADUATE_UNPLACED = "graduate_unplaced"  # target: the first primary graduate with no confirmed junior school
    NOT_REPORTED = "not_reported"  # target: the student not reported back after the term-start threshold, no case
    REPORT_BACK = "report_back"  # target: none (a class's term-start check still incomplete in its two weeks)
    FOLLOW_UP = "follow_up"  # target: the case id (a child back at school whose monthly follow-up is due)
    HOME_TEACHING = "home_teaching"  # target: the student placed 送教上门 with no visit for the setting's days
    AWAITING_PLACEMENT = "awaiting_placement"  # target: the first student 待安置 for longer than the setting's days


#: Today's work, most urgent kind first (a kind's rank is its place here), each with why it stands there.
URGENCY: tuple[tuple[str, str], ...] = (
    (Kind.NOTICE_EXPIRED, "a legal deadline has passed: the notice ran out and the report it calls for is late"),
    (Kind.ABSENCE, "a suspected dropout with no case: until one is opened nobody is bringing the child back"),
    (Kind.NOT_REPORTED, "the same at the start of term: a pupil not back, and no case"),
    (Kind.OUT_OF_SCHOOL, "a child the 比对 found out of school (失学), and no case"),
    (Kind.ESCALATION, "the next step of the escalation is due (or waits for a receipt)"),
    (Kind.DUE_TO_ENROLL, "a child of compulsory-school age not enrolled: the duty to enrol is the law's"),
    (Kind.TRANSFER_UNCONFIRMED, "a transfer no school has confirmed may hide a dropout"),
    (Kind.GRADUATE_UNPLACED, "a primary graduate no junior school has may be a dropout already"),
    (Kind.SUSPENSION, "休学 with no approval in force is an unexplained absence on paper"),
    (Kind.HOME_TEACHING, "a child taught at home with no visit is taught not at all"),
    (Kind.STALE_CASE, "a case nobody has worked on for a week"),
    (Kind.FOLLOW_UP, "a returned child's monthly follow-up keeps them from leaving again"),
    (Kind.AWAITING_PLACEMENT, "a child with a disability waiting on the county's committee"),
    (Kind.UNPAID, "eligible students not paid this month: money owed to them"),
    (Kind.NOT_ASSESSED, "priority-group students not yet assessed: aid they may be owed this year"),
    (Kind.VISIT_OVERDUE, "a paired household not visited for a month"),
    (Kind.UNPAIRED, "a household the plan wants paired has no helper"),
    (Kind.RECONCILE, "differences of the 比对 to check door to door"),
    (Kind.REPORT_BACK, "a class's term-start check still incomplete: a reminder within its two weeks"),
    (Kind.TERM_REPORT, "the term-start report: a reminder"),
    (Kind.BACKUP, "the backup to the township: a reminder"),
)
RANK: dict[str, int] = {kind: rank for rank, (kind, _why) in enumerate(URGENCY)}


def kind_label(kind: str) -> str:
    """The name of a kind of work, as a group of today's work is headed."""
    return {
        Kind.NOTICE_EXPIRED: translate("WorkList", "Notice deadline passed"),
        Kind.ABSENCE: translate("WorkList", "Suspected dropout"),
        Kind.NOT_REPORTED: translate("WorkList", "Not reported back"),
        Kind.OUT_OF_SCHOOL: translate("WorkList", "Found out of school"),
        Kind.ESCALATION: translate("WorkList", "Escalation step"),
        Kind.DUE_TO_ENROLL: translate("WorkList", "Due to enroll"),
        Kind.TRANSFER_UNCONFIRMED: translate("WorkList", "Transfer not confirmed"),
        Kind.GRADUATE_UNPLACED: translate("WorkList", "Graduate not placed"),
        Kind.SUSPENSION: translate("WorkList", "Suspension without approval"),
        Kind.HOME_TEACHING: translate("WorkList", "Home teaching visit due"),
        Kind.STALE_CASE: translate("WorkList", "Case with no action"),
        Kind.FOLLOW_UP: translate("WorkList", "Follow-up due"),
        Kind.AWAITING_PLACEMENT: translate("WorkList", "Awaiting placement"),
        Kind.UNPAID: translate("WorkList", "Eligible, not paid"),
        Kind.NOT_ASSESSED: translate("WorkList", "Not yet assessed"),
        Kind.VISIT_OVERDUE: translate("WorkList", "Visit overdue"),
        Kind.UNPAIRED: translate("WorkList", "Household with no helper"),
        Kind.RECONCILE: translate("WorkList", "Differences to check"),
        Kind.REPORT_BACK: translate("WorkList", "Term-start report-back"),
        Kind.TERM_REPORT: translate("WorkList", "Term-start report"),
        Kind.BACKUP: translate("WorkList", "Backup"),
    }.get(kind, kind)


@dataclass(frozen=True)
class WorkItem:
    kind: str
    target: int | None
    text: str
    urgent: bool = False
    place: str = ""  # the school whose work it is (a household's: its village); empty: the township's own

    def as_json(self) -> dict[str, object]:
        return {"kind": self.kind, "target": self.target, "text": self.text, "urgent": self.urgent,
                "place": self.place}


@dataclass(frozen=True)
class PlaceGroup:
    place: str
    items: tuple[WorkItem, ...]


@dataclass(frozen=True)
class KindGroup:
    kind: str
    places: tuple[PlaceGroup, ...]

    @property
    def count(self) -> int:
        return sum(len(place.items) for place in self.places)

    @property
    def urgent(self) -> int:
        return sum(item.urgent for place in self.places for item in place.items)


def grouped(items: list[WorkItem]) -> list[KindGroup]:
    """Today's work by kind, most urgent kind first (``URGENCY``), and within a kind by place, the
    place with the most to do first (the township's own last); within a place the urgent lines first,
    otherwise in the order they came."""
    by_kind: dict[str, dict[str, list[WorkItem]]] = {}
    for item in items:
        by_kind.setdefault(item.kind, {}).setdefault(item.place, []).append(item)
    groups = []
    for kind in sorted(by_kind, key=lambda k: (RANK.get(k, len(RANK)), k)):
        places = by_kind[kind]
        order = sorted(places, key=lambda p: (-len(places[p]), p == "", p))
        groups.append(KindGroup(kind, tuple(
            PlaceGroup(place, tuple(sorted(places[place], key=lambda item: not item.urgent))) for place in order)))
    return groups


def _escalation_item(session: Session, case: case_files.CaseView, today: dt.date) -> WorkItem:
    """A case whose notice deadline passed: the step of the escalation due (or what it waits for)."""
    where = escalation.chain(session, case.id)
    deadline = case.notice.deadline  # type: ignore[union-attr]
    if where.next_kind == "report" and where.next_due is not None:
        return WorkItem(Kind.NOTICE_EXPIRED, case.id, translate(
            "WorkList", "The notice deadline for {name} passed on {date}: the {step} is due since {due}").format(
                name=case.student, date=f"{deadline.month}月{deadline.day}日",
                step=escalation.step_label("report"), due=where.next_due.isoformat()), urgent=True, place=case.school)
    if where.due(today):
        return WorkItem(Kind.ESCALATION, case.id, translate(
            "WorkList", "{name}'s case: the {step} is due since {due}").format(
                name=case.student, step=escalation.step_label(where.next_kind or ""),
                due=where.next_due.isoformat() if where.next_due else ""), urgent=True, place=case.school)
    if where.next_kind is None or where.next_due is None:
        return WorkItem(Kind.ESCALATION if where.stage != "notice" else Kind.NOTICE_EXPIRED, case.id, translate(
            "WorkList", "{name}'s case: {waiting}").format(name=case.student, waiting=where.waiting), place=case.school)
    return WorkItem(Kind.ESCALATION, case.id, translate(
        "WorkList", "{name}'s case: the {stage} is issued; the {step} may follow from {due}").format(
            name=case.student, stage=escalation.step_label(where.stage or "notice"),
            step=escalation.step_label(where.next_kind), due=where.next_due.isoformat()), place=case.school)


def today_work(session: Session, today: dt.date, actor: Actor | None = None) -> list[WorkItem]:
    """The work of the day; for a teacher, that of their classes and their own pairs only."""
    teacher = actor is not None and is_teacher(actor)
    classes = actor.classes if teacher and actor is not None else None
    items: list[WorkItem] = []
    for absence in absences.cases_to_open(session, today, classes):
        items.append(WorkItem(Kind.ABSENCE, absence.id, translate(
            "WorkList", "{name} ({school}) has been away {days} school days with no case: open one").format(
                name=absence.student, school=absence.school, days=absence.school_days), urgent=True,
            place=absence.school))
    open_absences = {a.student_id for a in absences.absences(session, today, classes=classes)}
    with_case = {c.student_id for c in case_files.list_cases(session, open_only=True, classes=classes)}
    for pupil in term_start.not_reported(session, today, classes):
        # One who also has an absence recorded is the absence's item (counted once).
        if pupil.state(today) != "absent" and pupil.student_id not in open_absences | with_case:
            items.append(WorkItem(Kind.NOT_REPORTED, pupil.student_id, translate(
                "WorkList", "{name} ({school} {klass}) has not reported back after {days} school days of the term and "
                "has no case: open one").format(name=pupil.name, school=pupil.school, klass=pupil.class_label,
                                                days=pupil.school_days), urgent=True, place=pupil.school))
    if term_start.in_check(session, today):
        for progress in term_start.progress(session, Term.containing(today), today, classes):
            if progress.reported < progress.expected:
                items.append(WorkItem(Kind.REPORT_BACK, None, translate(
                    "WorkList", "{school} {klass}: reported back {n}/{total}").format(
                        school=progress.school, klass=progress.label, n=progress.reported, total=progress.expected),
                    place=progress.school))
    for child in found_out_of_school.cases_to_open(session, today, classes):
        items.append(WorkItem(Kind.OUT_OF_SCHOOL, child.student_id, translate(
            "WorkList", "{name} ({village}) was found out of school (失学) by the check of {date} and has no case: "
            "open one").format(name=child.name, village=child.village or "—",
                               date=f"{child.checked_on.month}月{child.checked_on.day}日"), urgent=True,
            place=child.school or child.village))
    cases = case_files.list_cases(session, open_only=True, classes=classes)
    for case in cases:
        if case.notice_expired(today):
            items.append(_escalation_item(session, case, today))
        elif (today - case.last_action).days >= STALE_CASE_DAYS:
            items.append(WorkItem(Kind.STALE_CASE, case.id, translate(
                "WorkList", "Nothing done on {name}'s case for {days} days: log the next attempt").format(
                    name=case.student, days=(today - case.last_action).days), place=case.school))
    returned = {c.id: c for c in case_files.list_cases(session, classes=classes) if c.status is CaseStatus.RETURNED}
    for case_id, state in sorted(case_plans.follow_up_states(session, returned).items()):
        if state.is_due(today) and state.next_due is not None:
            items.append(WorkItem(Kind.FOLLOW_UP, case_id, translate(
                "WorkList", "{name} ({school}) is back at school since {back}: follow-up {k} of {n} is due on {date}: "
                "record it").format(name=returned[case_id].student, school=returned[case_id].school,
                                    back=state.return_date.isoformat(), k=state.done + 1, n=len(state.due_dates),
                                    date=state.next_due.isoformat()), urgent=state.overdue(today),
                place=returned[case_id].school))
    if teacher and actor is not None:
        items.extend(_home_teaching_items(session, today, classes))
        for overdue in pairing.overdue_visits(session, today, VISIT_DAYS):
            if overdue.pairing.staff_id == actor.staff_id:
                items.append(_overdue_item(overdue))
        return items
    # Without a list there is nothing to compare: the roster is not read a second time.
    for village in differences.open_counts_by_village(session, today) if village_counts.any_list(session) else []:
        village_name = village.village or translate("WorkList", "Village unknown")
        items.append(WorkItem(Kind.RECONCILE, village.village_id, translate(
            "WorkList", "{village}: {n} differences of the 比对 to check door to door, the oldest since {date}").format(
                village=village_name, n=village.total, date=village.oldest.isoformat() if village.oldest else "—"),
            place=village_name))
    items.extend(_enrollment_items(session, today))
    for household in pairing.unpaired_households(session, today):
        items.append(WorkItem(Kind.UNPAIRED, household.household_id, translate(
            "WorkList", "The household of {head} ({village}) has no helper: pair it").format(
                head=household.head, village=household.village or "—"), place=household.village))
    for overdue in pairing.overdue_visits(session, today, VISIT_DAYS):
        items.append(_overdue_item(overdue))
    gaps = coverage.gaps(session, school_calendar.month_key(today), today) \
        if school_calendar.is_school_month(today) else []
    unpaid: Counter[tuple[int, str]] = Counter((gap.programme_id, gap.programme) for gap in gaps)
    groups = categories.student_groups(session, {gap.student_id for gap in gaps}, today)
    by_group: dict[int, Counter[str]] = {}
    for gap in gaps:
        if gap.student_id in groups:
            by_group.setdefault(gap.programme_id, Counter())[groups[gap.student_id]] += 1
    for (programme_id, programme), count in sorted(unpaid.items(), key=lambda item: -item[1]):
        text = translate("WorkList", "{programme}: {n} eligible students not yet paid this month").format(
            programme=programme, n=count)
        counted = by_group.get(programme_id)
        if counted:
            text += translate("WorkList", " (of them: {lifted} from lifted households, {monitored} from monitored households)").format(
                lifted=counted[HouseholdCategory.LIFTED.value], monitored=counted[HouseholdCategory.MONITORED.value])
        items.append(WorkItem(Kind.UNPAID, programme_id, text))
    year = school_calendar.SchoolYear.containing(today).start_year
    waiting = hardship.not_yet_assessed_count(session, year, today)
    if waiting:
        items.append(WorkItem(Kind.NOT_ASSESSED, year, translate(
            "WorkList", "{n} students of the priority groups are not yet assessed this school year: propose them "
            "(家庭经济困难学生认定)").format(n=waiting)))
    classes_began = Term.containing(today).first_school_day(rules.holidays(session))
    if 0 <= (today - classes_began).days < REPORT_WEEKS * 7:
        items.append(WorkItem(Kind.TERM_REPORT, None, translate(
            "WorkList", "The term began on {date}: send the term-start dropout report to the bureau and the "
            "township").format(date=f"{classes_began.month}月{classes_began.day}日")))
    last = backup.last_export(session)
    if last is None or (today - last.date()).days >= BACKUP_DAYS:
        items.append(WorkItem(Kind.BACKUP, None, translate(
            "WorkList", "No backup taken to the township for {days} days: export one") .format(
                days=(today - last.date()).days) if last else translate(
            "WorkList", "No backup has ever been exported: export one for the township"), urgent=last is None))
    return items


def _enrollment_items(session: Session, today: dt.date) -> list[WorkItem]:
    """The children the age rule, the approvals, the transfers and the placements flag, a line each:
    grouped by school on the home tab, a county's hundreds are counted there, not listed in one line."""
    items = []
    for flagged in enrollment_approvals.flagged_students(session, today):
        if flagged.flag is Flag.DUE_TO_ENROLL:
            text = translate("WorkList", "{name} ({school}) is of compulsory-school age and still in a preschool "
                             "class with no 延缓入学 approval (应入学)").format(name=flagged.name, school=flagged.school)
            items.append(WorkItem(Kind.DUE_TO_ENROLL, flagged.student_id, text, urgent=True, place=flagged.school))
        else:
            text = translate("WorkList", "{name} ({school}) is 休学 with no approval in force ({state})").format(
                name=flagged.name, school=flagged.school, state=flagged.flag.label())
            items.append(WorkItem(Kind.SUSPENSION, flagged.student_id, text, urgent=True, place=flagged.school))
    days = transfers.confirm_days(session)
    for transfer in transfers.overdue_transfers(session, today):
        items.append(WorkItem(Kind.TRANSFER_UNCONFIRMED, transfer.student_id, translate(
            "WorkList", "{name} ({school}) transferred out to {to} on {date}, not confirmed by the receiving school "
            "after {days} days (转出待核实): confirm it or follow the child up as a suspected dropout").format(
                name=transfer.student, school=transfer.our_school, to=transfer.school or "—",
                date=transfer.since.isoformat(), days=days), urgent=True, place=transfer.our_school))
    items.extend(_home_teaching_items(session, today))
    for child in disabilities.long_pending(session, today):
        items.append(WorkItem(Kind.AWAITING_PLACEMENT, child.student_id, translate(
            "WorkList", "{name} ({school}), a child with a disability, has awaited placement (待安置) since {date}: "
            "ask the county's expert committee").format(
                name=child.name, school=child.school, date=child.record.since.isoformat()), place=child.school))
    for graduate in transfers.unplaced_graduates(session, today):
        items.append(WorkItem(Kind.GRADUATE_UNPLACED, graduate.student_id, translate(
            "WorkList", "{name} ({school}) finished primary school in {year} and has no confirmed junior secondary "
            "school").format(name=graduate.name, school=graduate.school, year=graduate.graduated_on.year),
            urgent=True, place=graduate.school))
    return items


def _home_teaching_items(session: Session, today: dt.date,
                         classes: frozenset[tuple[int, str, int, str]] | None = None) -> list[WorkItem]:
    """Children taught at home with a visit overdue; a class teacher sees those of their classes, whom they
    most often visit themselves."""
    return [WorkItem(Kind.HOME_TEACHING, child.student_id, translate(
        "WorkList", "{name} ({school}) is taught at home (送教上门) and has had no visit for {days} days: "
        "log the next visit").format(name=child.name, school=child.school, days=child.days_without_visit(today)),
        urgent=True, place=child.school) for child in disabilities.overdue_home_teaching(session, today, classes)]


def _overdue_item(overdue: pairing.OverdueVisit) -> WorkItem:
    return WorkItem(Kind.VISIT_OVERDUE, overdue.pairing.id, translate(
        "WorkList", "{staff} has not visited the household of {head} for {days} days").format(
            staff=overdue.pairing.staff, head=overdue.pairing.household_head, days=overdue.days),
        place=overdue.pairing.school)
