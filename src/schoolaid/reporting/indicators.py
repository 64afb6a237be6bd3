"""The plan's indicators against their targets, for the township and per school, over a term, with
the trend of the terms before: preschool gross enrollment (≥ 85 %), school-age enrollment (100 %),
primary boarders (≥ 30 %), primary dropout (≤ 0.2 %), children of 脱贫户 and 监测对象 aided (all), households to help
households paired (all), and beside the plan's the dropout rate of compulsory education and the consolidation rate.
The rates are defined, and the targets kept (settings the township may change), in ``dropout.rates``.

Terms are the school calendar's (autumn September to January, spring February to August). A term
under way is measured up to today.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Row, and_, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.common.grades import Stage, age_on
from schoolaid.common.i18n import translate
from schoolaid.common.release import release
from schoolaid.common.school_calendar import FIRST_YEAR, LAST_YEAR, SchoolYear, Term, month_key
from schoolaid.common.validation import error
from schoolaid.dropout import rates
from schoolaid.ledger import hardship
from schoolaid.pairing import pairing
from schoolaid.reconcile import differences, lists
from schoolaid.reconcile.vocabulary import PRESCHOOL_AGES, SCHOOL_AGES, CheckResult, DifferenceKind, ListKind
from schoolaid.roster import enrollment_approvals, idnumber, roster
from schoolaid.roster.categories import HouseholdCategory, aid_group
from schoolaid.roster.enrollment import NOT_IN_SCHOOL, EnrollmentStatus
from schoolaid.storage.database import ROWS_PER_CHUNK, fetch_ids
from schoolaid.storage.models import (
    Household,
    LedgerEntry,
    ReconcileCheck,
    ReferenceList,
    ReferencePerson,
    School,
    Student,
    Village,
    VillagePopulation,
)

ENROLLED = EnrollmentStatus.ENROLLED.value
OUT_OF_SCHOOL = tuple(sorted(status.value for status in NOT_IN_SCHOOL))
TREND_TERMS = 4


@dataclass(frozen=True)
class Indicator:
    key: str
    name: str
    numerator: int
    denominator: int
    target: float
    at_least: bool  # the target is a floor (≥) or a ceiling (≤)
    how: str  # how it is computed, in words
    trend: list[tuple[str, float | None]] = field(default_factory=list)  # earlier terms, oldest first
    note: str = ""  # e.g. where the denominator came from
    source: str = ""  # the words the target comes from


    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def met(self) -> bool | None:
        value = self.value
        if value is None:
            return None
        return rates.meets(value, self.target, self.at_least)

    def as_json(self) -> dict[str, object]:
        return {"key": self.key, "name": self.name, "value": self.value, "target": self.target,
                "comparison": ">=" if self.at_least else "<=", "met": self.met, "numerator": self.numerator,
                "denominator": self.denominator, "how": self.how, "note": self.note, "source": self.source,
                "trend": [{"term": term, "value": value} for term, value in self.trend]}


@dataclass(frozen=True)
class SchoolIndicators:
    school_id: int | None  # None: the township
    school: str
    indicators: list[Indicator]


def _day(term: Term, today: dt.date) -> dt.date:
    return min(term.end, today)


@dataclass(frozen=True)
class RegisterCounts:
    """The children of the household register of the villages that have one, as the enrollment
    indicators count them (ages on 31 August of the term's school year)."""

    villages: frozenset[int]
    school_age: int  # 6–15, less those a check found not the village's to count
    school_age_in: int  # of whom at school: matched to a student at school, or checked 在外地就读
    preschool_age: int  # 3–5, likewise
    preschool_elsewhere: int  # 3–5 checked as in a kindergarten elsewhere (在外地就读)
    matched: frozenset[int]  # the students the register's children are: counted there, not again by the roster

    def counts_student(self, student_id: int, village_id: int | None) -> bool:
        """Whether the register, not the roster, counts this student: one of its children, or living in
        a village it covers (a child registered elsewhere is counted where the register has them)."""
        return student_id in self.matched or village_id in self.villages


#: Checks that take a register child out of the village's count: dead, moved away, counted twice, or
#: living (and counted) where the family went.
NOT_COUNTED = frozenset({CheckResult.DECEASED.value, CheckResult.MOVED_OUT.value, CheckResult.DUPLICATE.value,
                         CheckResult.AWAY.value})


class StudentIndex:
    """The students by normalised ID number and by name + birth date, as the register's children are
    matched to them: read once however many terms are counted."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._built: tuple[dict[str, int], dict[tuple[str, dt.date], int]] | None = None
        self._keys: dict[tuple[str, dt.date | None, str | None], tuple[str, str]] = {}

    def keys(self, name: str, birth: dt.date | None, number: str | None) -> tuple[str, str]:
        """A register child's ``person_key`` and normalised ID number, worked out once for all the terms."""
        found = self._keys.get((name, birth, number))
        if found is None:
            found = self._keys[(name, birth, number)] = (
                differences.person_key(name, birth, number), idnumber.normalize(number) if number else "")
        return found

    def release(self) -> None:
        """Let the index go a slice at a time (``common.release``)."""
        release(self._keys, *(self._built or ()))

    def get(self) -> tuple[dict[str, int], dict[tuple[str, dt.date], int]]:
        if self._built is None:
            by_number: dict[str, int] = {}
            by_name_birth: dict[tuple[str, dt.date], int] = {}
            for student, name, birth, number in self._session.execute(
                    select(Student.id, Student.name, Student.birth_date, Student.id_number)):
                if number:
                    by_number.setdefault(idnumber.normalize(number), student)
                if birth is not None:
                    by_name_birth.setdefault((name.strip(), birth), student)
            self._built = by_number, by_name_birth
        return self._built


def register_counts(session: Session, year: SchoolYear, end: dt.date,
                    statuses: dict[int, str], students: StudentIndex | None = None) -> RegisterCounts | None:
    """The register's children of the villages with a household register in force for the school
    year (None: no village has one). A child is matched to a student by ID number, else by
    name and birth date; checks recorded by ``end`` (the term's last day, or today) apply: an approved 延缓入学 not run out
    is not counted, a child found 在外地就读 counts as at school."""
    villages = frozenset(lists.register_villages(session, year.start_year))
    if not villages:
        return None
    reference = enrollment_approvals.age_reference_day(session, year)
    students = students or StudentIndex(session)
    by_number, by_name_birth = students.get()
    checks: dict[tuple[str, str], tuple[str, dt.date | None]] = {}
    for kind, key, result, expires in session.execute(
            select(ReconcileCheck.kind, ReconcileCheck.person_key, ReconcileCheck.result,
                   ReconcileCheck.approval_expires_on)
            .where(ReconcileCheck.checked_on <= end).order_by(ReconcileCheck.id)):
        checks[(kind, key)] = (result, expires)
    people = session.connection().execute(
        select(ReferencePerson.name, ReferencePerson.birth_date, ReferencePerson.id_number)
        .join(ReferenceList, ReferencePerson.list_id == ReferenceList.id)
        .where(ReferenceList.kind == ListKind.HUKOU.value, ReferenceList.school_year <= year.start_year,
               ReferencePerson.active.is_(True), ReferencePerson.is_child.is_(True),
               ReferencePerson.village_id.in_(villages)))
    seen: set[str] = set()
    matched: set[int] = set()
    school_age = school_age_in = preschool_age = preschool_elsewhere = 0
    for name, birth, number in people:
        key, normalized = students.keys(name, birth, number)
        if key in seen or birth is None:
            continue
        seen.add(key)
        age = age_on(birth, reference)
        if age in SCHOOL_AGES:
            kind = DifferenceKind.NOT_ENROLLED
        elif age in PRESCHOOL_AGES:
            kind = DifferenceKind.PRESCHOOL_NOT_ENROLLED
        else:
            continue
        sid: int | None = by_number.get(normalized) if normalized else None
        if sid is None:
            sid = by_name_birth.get((name.strip(), birth))
        if sid is not None:
            matched.add(sid)
        elsewhere = False
        if sid is None:
            result, expires = checks.get((kind.value, key), ("", None))
            if result in NOT_COUNTED or (result == CheckResult.DEFERRED.value and (expires is None or expires > end)):
                continue
            elsewhere = result == CheckResult.STUDYING_ELSEWHERE.value
        if kind is DifferenceKind.NOT_ENROLLED:
            school_age += 1
            school_age_in += elsewhere or (sid is not None and statuses.get(sid) not in (None, *OUT_OF_SCHOOL))
        else:
            preschool_age += 1
            preschool_elsewhere += elsewhere
    return RegisterCounts(villages, school_age, school_age_in, preschool_age, preschool_elsewhere, frozenset(matched))


def _student_rows(session: Session, school_id: int | None) -> list[Row]:
    """What the terms' ratios read of each student (the same for every term: read once)."""
    query = select(Student.id, Student.birth_date, Student.stage, Student.boarder, Student.school_id,
                   Household.village_id, Household.category, Household.risk_removed_on).outerjoin(
        Household, Student.household_id == Household.id)
    if school_id is not None:
        query = query.where(Student.school_id == school_id)
    # A chunk at a time (``ROWS_PER_CHUNK``): the GIL passes to the GUI thread between chunks.
    return [row for rows in session.connection().execute(query).partitions(ROWS_PER_CHUNK) for row in rows]


def _ratios(session: Session, term: Term, today: dt.date, school_id: int | None,
            book: roster.StatusBook, students: StudentIndex, rows: list[Row]) -> dict[str, tuple[int, int, str]]:
    end = _day(term, today)
    statuses = book.on(end)
    reference = enrollment_approvals.age_reference_day(session, term.school_year)
    # The township's enrollment counts its register villages by their household register.
    register = register_counts(session, term.school_year, end, statuses, students) if school_id is None else None
    counted_by_register = register.villages if register is not None else frozenset()
    ages: dict[dt.date, int] = {}  # a township's children share a few thousand birth dates
    preschool_age = preschool_in = school_age = school_age_in = primary = boarders = 0
    poor_ids: dict[str, list[int]] = {HouseholdCategory.LIFTED.value: [], HouseholdCategory.MONITORED.value: []}
    villages_with_children: set[int] = set()
    for sid, birth, stage, boarder, _school, village_id, category, removed in rows:
        status = statuses.get(sid)
        age = None
        if birth:
            age = ages.get(birth)
            if age is None:
                age = ages[birth] = age_on(birth, reference)
        on_register = register is not None and register.counts_student(sid, village_id)
        if age is not None and 3 <= age <= 5 and not on_register:
            preschool_age += 1
        if village_id is not None:
            villages_with_children.add(village_id)
        if stage == Stage.PRESCHOOL.value and status == ENROLLED:
            preschool_in += 1
        if age is not None and 6 <= age <= 15 and not on_register:
            school_age += 1
            school_age_in += status not in OUT_OF_SCHOOL
        if stage == Stage.PRIMARY.value and status == ENROLLED:
            primary += 1
            boarders += bool(boarder)
        group = aid_group(category, removed, end)
        if group is not None and status == ENROLLED:
            poor_ids[group].append(sid)
    note = translate("Indicators", "children aged 3–5 on the roster")
    school_age_note = ""
    if school_id is None:
        entered = {village: n for village, n in session.execute(
            select(VillagePopulation.village_id, VillagePopulation.preschool_age)
            .where(VillagePopulation.year == term.school_year.start_year)) if village not in counted_by_register}
        if entered:
            preschool_age = sum(entered.values())
            note = translate("Indicators", "preschool-age children entered for {n} villages").format(n=len(entered))
        if register is not None:
            registered = translate("Indicators", "children on the household register of {n} villages").format(
                n=len(register.villages))
            others = preschool_age
            preschool_age += register.preschool_age
            preschool_in += register.preschool_elsewhere
            note = registered + (translate("Indicators", "; elsewhere {how}").format(how=note) if others else "")
            school_age_note = registered + (translate("Indicators", "; elsewhere the roster's") if school_age else "")
            school_age += register.school_age
            school_age_in += register.school_age_in
    lifted, monitored = poor_ids[HouseholdCategory.LIFTED.value], poor_ids[HouseholdCategory.MONITORED.value]
    aided = _aided_ids(session, term.start, end)
    lifted_aided = len(aided.intersection(lifted))
    monitored_aided = len(aided.intersection(monitored))
    by_category = translate("Indicators", "lifted households {a} of {n}, monitored {b} of {m}").format(
        a=lifted_aided, n=len(lifted), b=monitored_aided, m=len(monitored))
    def dropout(stages: tuple[str, ...]) -> tuple[int, int, str]:
        rows, overall = rates.dropout_rates(session, term.start, end, stages, book=book)
        if school_id is not None:
            name = session.get(School, school_id).name  # type: ignore[union-attr]
            row = next((r for r in rows if r.school == name), None)
            return (row.dropouts, row.enrolled_at_start, "") if row else (0, 0, "")
        return overall.dropouts, overall.enrolled_at_start, ""

    graduating = rates.graduating_year(end)
    consolidation = rates.consolidation(session, graduating, end, school_id, grades_as_of=today)
    consolidation_note = translate(
        "Indicators", "{year}: {graduates} graduates; {entrants} entered, {came} transferred in, {went} transferred out"
    ).format(year=graduating.label, graduates=consolidation.graduates, entrants=consolidation.entrants,
             came=consolidation.transferred_in, went=consolidation.transferred_out)
    result = {
        "preschool_gross_enrollment": (preschool_in, preschool_age, note),
        "school_age_enrollment": (school_age_in, school_age, school_age_note),
        "primary_boarders": (boarders, primary, ""),
        "primary_dropout": dropout((Stage.PRIMARY.value,)),
        "poor_students_aided": (lifted_aided + monitored_aided, len(lifted) + len(monitored), by_category),
    }
    result["difficulty_aided"] = _difficulty_aided(session, end, school_id, statuses, aided)
    if school_id is None:
        needing = pairing.households_needing_pair(session)
        unpaired = len(pairing.unpaired_households(session, end))
        result["poor_households_paired"] = (needing - unpaired, needing, "")
    result["compulsory_dropout"] = dropout(rates.COMPULSORY_STAGES)
    result["consolidation_rate"] = (consolidation.graduates, consolidation.base, consolidation_note)
    return result


def _difficulty_aided(session: Session, end: dt.date, school_id: int | None, statuses: dict[int, str],
                      aided: set[int]) -> tuple[int, int, str]:
    """Enrolled students assessed as in financial difficulty (家庭经济困难学生认定, a level in force on
    ``end``) who got aid in the term (``aided``) ÷ those assessed."""
    query = select(Student.id)
    if school_id is not None:
        query = query.where(Student.school_id == school_id)
    ids = {sid for sid in session.scalars(query) if statuses.get(sid) == ENROLLED}
    # Every level in force, read once: a list of 100,000 ids to look up was slower than the table.
    assessed = [sid for sid in hardship.assessed_levels(session, end) if sid in ids] if ids else []
    return len(aided.intersection(assessed)), len(assessed), ""


def _aided_ids(session: Session, start: dt.date, end: dt.date) -> set[int]:
    """The students who got at least one payment or waiver in the months of the period that was not
    reversed."""
    reversed_ids = select(LedgerEntry.reverses_id).where(LedgerEntry.reverses_id.is_not(None))
    return set(fetch_ids(session, select(LedgerEntry.student_id).distinct().where(and_(
        LedgerEntry.amount_fen > 0, LedgerEntry.id.not_in(reversed_ids),
        LedgerEntry.month >= month_key(start), LedgerEntry.month <= month_key(end)))))


#: How each indicator is computed, in the words printed beside it; its name, target and the target's
#: source are ``rates.TARGETS``'s.
HOW = {
    "preschool_gross_enrollment": "在园幼儿数（含核查为在外地就读的）÷ 学前适龄（3至5周岁）儿童数；导入了户籍名单的村用户籍上的儿童数，"
                                  "村里填报了学前适龄儿童数时用填报数，否则用花名册上的儿童数",
    "school_age_enrollment": "6至15周岁儿童中在校（含核查为在外地就读；休学、转出不计为在校）人数 ÷ 6至15周岁儿童数：导入了户籍名单的村按户籍"
                             "（核查为死亡、迁出、重复人员、随迁或经批准延缓入学的不计），其余按花名册（年龄按8月31日计）",
    "primary_boarders": "小学在读寄宿生 ÷ 小学在读学生",
    "primary_dropout": "本学期辍学且期末仍未返校的小学生 ÷ 学期初小学在读学生",
    "poor_students_aided": "本学期至少得到一笔资助（未冲销）的在读脱贫户和防止返贫监测对象（风险未消除）学生 ÷ "
                           "在读的这两类学生",
    "difficulty_aided": "本学期至少得到一笔资助（未冲销）的在读家庭经济困难学生（已认定）÷ 在读的已认定学生",
    "poor_households_paired": "有结对帮扶人的需结对户 ÷ 需结对户（风险未消除的防止返贫监测对象，及旧版本记录中尚需帮扶的户）",
    "compulsory_dropout": "本学期辍学且学期末仍未返校的小学生和初中生 ÷ 学期初小学和初中在读学生（学前不计；学期内劝返复学的不计）",
    "consolidation_rate": rates.CONSOLIDATION_HOW + "秋季学期看上一学年的毕业班，7月起看本学年的。",
}

#: Each indicator: its name, default target, whether the target is a floor, and how it is computed.
DEFINITIONS = {key: (rates.TARGETS[key].name, rates.TARGETS[key].default, rates.TARGETS[key].at_least, how)
               for key, how in HOW.items()}


def compute(session: Session, term: Term | None = None, school_id: int | None = None,
            *, today: dt.date, trend_terms: int = TREND_TERMS) -> SchoolIndicators:
    """The indicators of a term (the one under way by default), with the terms before it."""
    term = term or Term.containing(today)
    if term.start > today:
        raise ValidationFailed([error("term", "term.future", translate(
            "Indicators", "{term} has not begun yet.").format(term=term.label))])
    if school_id is not None and session.get(School, school_id) is None:
        raise NotFound(translate("Indicators", "There is no such school."))
    earlier = []
    previous = term
    for _ in range(trend_terms - 1):
        previous = previous.previous()
        earlier.append(previous)
    book = roster.StatusBook(session)
    students = StudentIndex(session)
    rows = _student_rows(session, school_id)
    history = {t: _ratios(session, t, today, school_id, book, students, rows) for t in reversed(earlier)}
    current = _ratios(session, term, today, school_id, book, students, rows)
    release(rows)
    book.release()
    students.release()
    goals = rates.targets(session)
    indicators = []
    for key, (numerator, denominator, note) in current.items():
        name, _default, at_least, how = DEFINITIONS[key]
        trend = [(t.short_label, (r[key][0] / r[key][1]) if r[key][1] else None) for t, r in history.items()]
        trend.append((term.short_label, numerator / denominator if denominator else None))
        indicators.append(Indicator(key, name, numerator, denominator, goals[key], at_least, how, trend, note,
                                    rates.TARGETS[key].source))
    school = session.get(School, school_id).name if school_id is not None else translate(  # type: ignore[union-attr]
        "Indicators", "Township")
    return SchoolIndicators(school_id, school, indicators)


# --- the preschool-age children of each village -----------------------------------------------------


@dataclass(frozen=True)
class VillageCount:
    village_id: int
    village: str
    preschool_age: int | None  # None: not entered for the year
    on_roster: int  # children aged 3–5 on the roster living there


def village_counts(session: Session, school_year: int) -> list[VillageCount]:
    entered = dict(session.execute(select(VillagePopulation.village_id, VillagePopulation.preschool_age)
                                   .where(VillagePopulation.year == school_year)).all())
    reference = enrollment_approvals.age_reference_day(session, SchoolYear(school_year))
    on_roster: dict[int, int] = {}
    for birth, village_id in session.execute(select(Student.birth_date, Household.village_id).join(
            Household, Student.household_id == Household.id)):
        if birth and village_id is not None and 3 <= age_on(birth, reference) <= 5:
            on_roster[village_id] = on_roster.get(village_id, 0) + 1
    return [VillageCount(v.id, v.name, entered.get(v.id), on_roster.get(v.id, 0))
            for v in session.scalars(select(Village).order_by(Village.id))]


@requires(Permission.EDIT_SETTINGS)
def set_preschool_age(session: Session, actor: Actor, school_year: int, counts: dict[int, int | None]) -> None:
    """The preschool-age children each village reports for a school year (None clears one)."""
    problems = []
    if not FIRST_YEAR <= school_year <= LAST_YEAR:
        problems.append(error("year", "year.range", translate("Indicators", "Choose a school year such as 2026.")))
    for village_id, count in counts.items():
        if session.get(Village, village_id) is None:
            problems.append(error("village", "village.unknown", translate("Indicators", "There is no such village.")))
        elif count is not None and not 0 <= count <= 100_000:
            problems.append(error("count", "count.range", translate(
                "Indicators", "A village's number of children must be between 0 and 100,000.")))
    if problems:
        raise ValidationFailed(problems)
    for village_id, count in counts.items():
        row = session.scalar(select(VillagePopulation).where(VillagePopulation.village_id == village_id,
                                                             VillagePopulation.year == school_year))
        before = None if row is None else {"preschool_age": row.preschool_age}
        if count is None:
            if row is not None:
                session.delete(row)
                audit.record(session, actor, Action.DELETE, "village_population", row.id, str(school_year),
                             before=before)
            continue
        if row is None:
            row = VillagePopulation(village_id=village_id, year=school_year, preschool_age=count)
            session.add(row)
            session.flush()
        elif row.preschool_age == count:
            continue
        row.preschool_age = count
        audit.record(session, actor, Action.UPDATE if before else Action.CREATE, "village_population", row.id,
                     str(school_year), before=before, after={"village_id": village_id, "year": school_year, "preschool_age": count})
