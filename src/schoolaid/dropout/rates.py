"""The rates the township is measured by, each defined here once, with the targets they are held to.

- The dropout rate of compulsory education (义务教育辍学率: primary and junior secondary, never
  preschool) over any period: a term, a quarter, a school year. The plan's 小学辍学率 is the same
  definition over primary pupils only. The term-start report, the quarterly summary, the home tab
  and the dropout tab all ask here, so they give the same figure for the same period.
- The consolidation rate (义务教育巩固率) of a school year's graduating classes.
- The targets: a table of defaults with the words they come from; each is a setting
  (``targets.<indicator>``) the township can change.

Periods are the school calendar's (``common.school_calendar``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.grades import Stage
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.common.validation import error
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.storage.models import School, StatusChange, Student
from schoolaid.township import township

ENROLLED = EnrollmentStatus.ENROLLED.value
DROPPED_OUT = EnrollmentStatus.DROPPED_OUT.value
GRADUATED = EnrollmentStatus.GRADUATED.value
TRANSFERRED_OUT = EnrollmentStatus.TRANSFERRED_OUT.value

#: Compulsory education (义务教育): primary and junior secondary. Preschool is never in a dropout rate.
COMPULSORY_STAGES = (Stage.PRIMARY.value, Stage.JUNIOR.value)
#: The last grade of each compulsory stage: its pupils graduate (grades are numbered on, 1–6 and 7–9).
FINAL_GRADE = {Stage.PRIMARY.value: 6, Stage.JUNIOR.value: 9}
#: The first grade of each compulsory stage: a pupil who entered in a later one came by transfer.
FIRST_GRADE = {Stage.PRIMARY.value: 1, Stage.JUNIOR.value: 7}


# --- targets -----------------------------------------------------------------------------------------

PLAN = "《学校脱贫攻坚实施方案》"


@dataclass(frozen=True)
class Target:
    key: str  # the indicator's key, as ``indicators --json`` names it
    name: str  # the indicator as the plan or the rule calls it (printed: Chinese)
    default: float
    at_least: bool  # a floor (≥) or a ceiling (≤)
    source: str  # the words the default comes from

    @property
    def setting(self) -> str:
        return f"targets.{self.key}"


#: Every indicator's target, with where it comes from. The township may set another (settings
#: ``targets.<key>``, a fraction: 0.002 is 0.2 %).
TARGETS: dict[str, Target] = {target.key: target for target in (
    Target("preschool_gross_enrollment", "学前三年毛入园率", 0.85, True,
           PLAN + "：确保学前教育毛入园率达到85%以上的目标"),
    Target("school_age_enrollment", "义务教育适龄儿童入学率", 1.0, True, PLAN + "：适龄儿童入学率达100%"),
    Target("primary_boarders", "小学寄宿生比例", 0.30, True, PLAN + "：小学寄宿生达30%以上"),
    Target("primary_dropout", "小学辍学率", 0.002, False, PLAN + "：确保十三五时期小学辍学率控制在0.2%以内"),
    Target("compulsory_dropout", "义务教育辍学率", 0.002, False,
           PLAN + "：确保十三五时期小学辍学率控制在0.2%以内（规划只定了小学的目标，初中沿用）"),
    Target("consolidation_rate", "九年义务教育巩固率", 0.95, True,
           "《国家中长期教育改革和发展规划纲要（2010－2020年）》：2020年九年义务教育巩固率达到95%"
           "（规划未定巩固率目标）"),
    Target("poor_students_aided", "脱贫户和监测对象学生资助覆盖率", 1.0, True,
           PLAN + "：实现全镇小学建档立卡家庭学生资助的全覆盖"),
    Target("difficulty_aided", "家庭经济困难学生资助覆盖率", 1.0, True,
           PLAN + "：确保每一名学生不因贫困而失学"),
    Target("poor_households_paired", "需帮扶户结对帮扶率", 1.0, True,
           PLAN + "：班子成员、学校负责人每人结对帮扶2至3户，教师每人结对帮扶1至2户"),
)}


def target(session: Session, key: str) -> float:
    """The target of indicator ``key``: the setting if one is kept and readable, else the default."""
    default = TARGETS[key].default
    text = township.get_setting(session, TARGETS[key].setting, "")
    try:
        value = float(text) if text else default
    except ValueError:
        return default
    return value if 0.0 <= value <= 1.0 else default


def targets(session: Session) -> dict[str, float]:
    return {key: target(session, key) for key in TARGETS}


@requires(Permission.EDIT_SETTINGS)
def set_target(session: Session, actor: Actor, key: str, value: float | None) -> None:
    """Set an indicator's target as a fraction (0.002 is 0.2 %); None returns it to the default."""
    if key not in TARGETS:
        raise ValidationFailed([error("key", "target.unknown", translate(
            "Rates", "There is no indicator called {key}.").format(key=key))])
    if value is not None and not 0.0 <= value <= 1.0:
        raise ValidationFailed([error("value", "target.range", translate(
            "Rates", "A target must be between 0% and 100%."))])
    township.set_setting(session, actor, TARGETS[key].setting, "" if value is None else repr(float(value)))


def meets(value: float | None, goal: float, at_least: bool) -> bool | None:
    if value is None:
        return None
    return value >= goal - 1e-12 if at_least else value <= goal + 1e-12


# --- the dropout rate --------------------------------------------------------------------------------

DROPOUT_HOW = ("期内辍学且期末仍未返校的学生 ÷ 期初在读学生（义务教育：小学和初中，学前不计；期内劝返复学的不计；"
               "学校按学生现在的学校）")


@dataclass(frozen=True)
class RateRow:
    school: str
    enrolled_at_start: int
    dropouts: int
    target: float = TARGETS["compulsory_dropout"].default

    @property
    def rate(self) -> float:
        return self.dropouts / self.enrolled_at_start if self.enrolled_at_start else 0.0

    @property
    def meets_target(self) -> bool:
        return self.rate <= self.target + 1e-12


def dropout_rates(session: Session, start: dt.date, end: dt.date, stages: Iterable[str] = COMPULSORY_STAGES,
                  book: roster.StatusBook | None = None) -> tuple[list[RateRow], RateRow]:
    """The dropout rate of the period from ``start`` to ``end`` (both included), per school and overall.

    rate = dropouts ÷ pupils of the stages enrolled (在读) when ``start`` began (one who left that day
    included), where a dropout is a pupil of the stages whose status became 辍学 during the period and
    was still 辍学 on ``end`` (a child brought back within the period is not counted). Preschool is never counted, whatever ``stages``
    says. Schools are the pupils' schools."""
    wanted = set(stages) - {Stage.PRESCHOOL.value}
    key = "primary_dropout" if wanted == {Stage.PRIMARY.value} else "compulsory_dropout"
    goal = target(session, key)
    book = book or roster.StatusBook(session)
    on_start = book.on(start)
    # A pupil who left on the first day was at school when the period opened: in the base, as a child
    # who entered that day is.
    left_first_day = set(session.scalars(select(StatusChange.student_id).where(
        StatusChange.effective_date == start, StatusChange.from_status == ENROLLED)))
    at_end = book.on(end)
    became = set(session.scalars(select(StatusChange.student_id).where(
        StatusChange.to_status == DROPPED_OUT, StatusChange.effective_date >= start,
        StatusChange.effective_date <= end)))
    schools: dict[str, list[int]] = {}
    for sid, school in session.connection().execute(
            select(Student.id, School.name).join(School, Student.school_id == School.id)
            .where(Student.stage.in_(sorted(wanted)))):
        bucket = schools.setdefault(school, [0, 0])
        if on_start.get(sid) == ENROLLED or sid in left_first_day:
            bucket[0] += 1
        if sid in became and at_end.get(sid) == DROPPED_OUT:
            bucket[1] += 1
    rows = [RateRow(name, enrolled, dropped, goal) for name, (enrolled, dropped) in sorted(schools.items())]
    overall = RateRow(translate("Dropout", "All schools"), sum(r.enrolled_at_start for r in rows),
                      sum(r.dropouts for r in rows), goal)
    return rows, overall


def school_year_dropout(session: Session, year: SchoolYear, end: dt.date,
                        book: roster.StatusBook | None = None) -> RateRow:
    """The school year's dropout rate of compulsory education, from its first day to ``end`` (at the
    latest its last): ``dropout_rates`` over that period, so a term inside it is measured the same way."""
    _rows, overall = dropout_rates(session, year.start, min(end, year.end), book=book)
    return overall


# --- the consolidation rate --------------------------------------------------------------------------

CONSOLIDATION_HOW = (
    "本学年毕业生 ÷（该届入学人数 + 转入 − 转出）。届：小学六年级、初中九年级当学年的毕业班，按花名册上的年级推算"
    "（离校学生按离校时的年级和学年，在读学生按现在的年级）；入学：进校时在一年级（初中七年级）或未填入学日期，"
    "转入：进校晚于该届一年级那一学年；转出：状态为转出。辍学、休学、未毕业的仍在分母里。"
    "看不到的：本系统建档以前就离校（转出或辍学）的学生不在花名册上，早建档的届巩固率可能偏高；"
    "年级没有及时更新的学生会被算进别的届。")


@dataclass(frozen=True)
class Consolidation:
    year: SchoolYear  # the school year whose graduating classes are measured
    graduates: int
    entrants: int
    transferred_in: int
    transferred_out: int

    @property
    def base(self) -> int:
        return self.entrants + self.transferred_in - self.transferred_out

    @property
    def rate(self) -> float | None:
        return self.graduates / self.base if self.base else None


def graduating_year(day: dt.date) -> SchoolYear:
    """The school year whose graduates are the latest on ``day``: this one from July (graduation comes
    at the end of the spring term), the one before until then."""
    year = SchoolYear.containing(day)
    return year if day.month in (7, 8) else SchoolYear(year.start_year - 1)


def consolidation(session: Session, year: SchoolYear, day: dt.date, school_id: int | None = None,
                  *, grades_as_of: dt.date | None = None) -> Consolidation:
    """The consolidation rate (义务教育巩固率) of ``year``'s graduating classes (primary grade 6 and
    junior grade 9), as the roster and the status history show it on ``day`` (see CONSOLIDATION_HOW).

    A pupil belongs to the class graduating in the school year of its leaving (its latest status change,
    if it left) — or, still at school, of the year its grade on the roster is for (``grades_as_of``, the
    day the roster is read: today; ``day`` unless given) — plus the grades it still had to go. A past
    day is measured with today's roster, whose grades are this year's, not that day's; what counts on
    ``day`` is the pupil's status then."""
    # Each pupil's status on ``day`` and the day it took it (None: before any recorded change).
    then: dict[int, tuple[dt.date | None, str]] = {}
    last_change: dict[int, dt.date] = {}  # the day of each pupil's latest change: its leaving, if it left
    for student_id, changed_on, before, after in session.execute(
            select(StatusChange.student_id, StatusChange.effective_date, StatusChange.from_status,
                   StatusChange.to_status).order_by(StatusChange.effective_date, StatusChange.id)):
        last_change[student_id] = changed_on
        if changed_on <= day:
            then[student_id] = (changed_on, after)
        else:
            then.setdefault(student_id, (None, before))
    query = select(Student.id, Student.stage, Student.grade, Student.status, Student.entry_date,
                   Student.leave_date).where(Student.stage.in_(COMPULSORY_STAGES))
    if school_id is not None:
        query = query.where(Student.school_id == school_id)
    today_year = SchoolYear.containing(grades_as_of or day).start_year
    graduates = entrants = transferred_in = transferred_out = 0
    for sid, stage, grade, status, entry, leave in session.execute(query):
        if entry is not None and entry > day:
            continue
        # A pupil imported as already gone has no status change: its leaving day is on the record.
        _when, status_then = then.get(sid, (leave, status))
        # The class is reckoned from the grade on the roster: the grade it left in (the year of its
        # leaving), or, still at school, this year's grade — whatever its status on ``day`` was.
        left_on = last_change.get(sid, leave) if status in (GRADUATED, TRANSFERRED_OUT, DROPPED_OUT) else None
        reckoned_from = SchoolYear.containing(left_on).start_year if left_on is not None else today_year
        if reckoned_from + FINAL_GRADE[stage] - grade != year.start_year:
            continue
        first_year = SchoolYear(year.start_year - (FINAL_GRADE[stage] - FIRST_GRADE[stage]))
        if entry is not None and entry > first_year.end:
            transferred_in += 1
        else:
            entrants += 1
        graduates += status_then == GRADUATED
        transferred_out += status_then == TRANSFERRED_OUT
    return Consolidation(year, graduates, entrants, transferred_in, transferred_out)
