"""The school calendar: school years, terms, quarters, months, the days ages and subsidies are
reckoned on, holidays and school days. Every module that needs one of these asks here.

Pure date arithmetic: no database, no clock (the caller says what today is), no Qt.

- A school year begins on 1 September: 2026—2027学年 runs from 1 September 2026 to 31 August 2027.
- It has two terms: autumn (秋季学期) from September to January, spring (春季学期) from February to
  August. The winter break and the summer belong to the terms they fall in, so every day of the year
  is in exactly one term.
- Quarters are calendar quarters (the first quarter is January to March).
- Holidays are month-day ranges kept as a setting (the dropout rules' ``dropout.holidays``); this
  module reads them, and a school day is a Monday to Friday outside them.
- The rates measured over these periods (the dropout rate of compulsory education, the consolidation
  rate) and their targets are defined once, in ``dropout.rates``: they need the roster, which this
  module may not import.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.validation import error

# --- The conventions, each a choice written once ---------------------------------------------------

# The school year starts on 1 September, as the national student registry counts it.
SCHOOL_YEAR_START_MONTH = 9
# The spring term starts in February: the autumn term ends with January, and the summer stays in
# the spring term (a child who leaves in July left in that school year).
SPRING_TERM_START_MONTH = 2
# Ages for a grade and for enrollment are reckoned on 31 August before the school year, as the
# registry does (a child of six on that day starts primary school).
AGE_REFERENCE_MONTH, AGE_REFERENCE_DAY = 8, 31
# A student counts for a month's subsidy when enrolled on its 15th: mid-month, so a child who
# arrives or leaves during a month is counted in that month once, however the days fall.
MONTH_REFERENCE_DAY = 15
# The months with classes: July and August are the summer break. The months a monthly subsidy pays
# in unless its programme says otherwise.
SCHOOL_MONTHS = (1, 2, 3, 4, 5, 6, 9, 10, 11, 12)
# Winter break, summer break, National Day week: the same every year within a few days. A school
# whose calendar differs sets its own (设置 → 控辍保学规则).
DEFAULT_HOLIDAYS_TEXT = "01-20~02-20, 07-01~08-31, 10-01~10-07"
# The years a user may ask a report or an indicator for.
FIRST_YEAR, LAST_YEAR = 2000, 2100

_QUARTER_NAMES = "一二三四"


# --- Months ----------------------------------------------------------------------------------------------


def month_start(day: dt.date) -> dt.date:
    """The first day of ``day``'s month: the way a month is held (2026-09-01 for September 2026)."""
    return dt.date(day.year, day.month, 1)


def month_end(day: dt.date) -> dt.date:
    return add_months(month_start(day), 1) - dt.timedelta(days=1)


def add_months(month: dt.date, count: int) -> dt.date:
    """The first day of the month ``count`` months after ``month``'s (before it when negative)."""
    index = month.year * 12 + month.month - 1 + count
    return dt.date(index // 12, index % 12 + 1, 1)


def months_back(today: dt.date, count: int) -> list[dt.date]:
    """``today``'s month and the ``count - 1`` months before it, newest first."""
    this_month = month_start(today)
    return [add_months(this_month, -k) for k in range(count)]


def month_key(month: dt.date) -> str:
    """2026-09: how a month is written in the ledger and in files."""
    return f"{month.year}-{month.month:02d}"


def month_reference_day(month: dt.date, today: dt.date) -> dt.date:
    """The day a student must be enrolled on to count for ``month`` (its 15th), or ``today`` for a
    month whose 15th has not come yet."""
    return min(dt.date(month.year, month.month, MONTH_REFERENCE_DAY), today)


def is_school_month(month: dt.date) -> bool:
    return month.month in SCHOOL_MONTHS


# --- School years ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SchoolYear:
    """2026—2027学年 is ``SchoolYear(2026)``: from 1 September 2026 to 31 August 2027."""

    start_year: int

    @classmethod
    def containing(cls, day: dt.date) -> SchoolYear:
        return cls(day.year if day.month >= SCHOOL_YEAR_START_MONTH else day.year - 1)

    @property
    def start(self) -> dt.date:
        return dt.date(self.start_year, SCHOOL_YEAR_START_MONTH, 1)

    @property
    def end(self) -> dt.date:
        return SchoolYear(self.start_year + 1).start - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{self.start_year}—{self.start_year + 1}学年"

    @property
    def age_reference_day(self) -> dt.date:
        """31 August before the school year: the day ages are reckoned on for the year."""
        return dt.date(self.start_year, AGE_REFERENCE_MONTH, AGE_REFERENCE_DAY)

    @property
    def terms(self) -> tuple[Term, Term]:
        return Term(self.start_year, Season.AUTUMN), Term(self.start_year + 1, Season.SPRING)

    def so_far(self, today: dt.date) -> tuple[dt.date, dt.date]:
        """From the year's first day to its last, or to ``today`` while it is under way."""
        return self.start, min(self.end, today)

    def previous(self) -> SchoolYear:
        return SchoolYear(self.start_year - 1)

    def next(self) -> SchoolYear:
        return SchoolYear(self.start_year + 1)


# --- Terms -----------------------------------------------------------------------------------------------


class Season(str, enum.Enum):
    AUTUMN = "autumn"
    SPRING = "spring"

    @property
    def zh(self) -> str:
        return "秋" if self is Season.AUTUMN else "春"


@dataclass(frozen=True)
class Term:
    """A term, named by the calendar year it begins in: ``Term(2026, "autumn")`` runs from
    1 September 2026 to 31 January 2027, ``Term(2027, "spring")`` from 1 February to 31 August 2027;
    both are in 2026—2027学年."""

    year: int
    season: Season

    def __post_init__(self) -> None:
        object.__setattr__(self, "season", Season(self.season))  # "autumn" is accepted for Season.AUTUMN

    @classmethod
    def containing(cls, day: dt.date) -> Term:
        if day.month >= SCHOOL_YEAR_START_MONTH:
            return cls(day.year, Season.AUTUMN)
        if day.month < SPRING_TERM_START_MONTH:
            return cls(day.year - 1, Season.AUTUMN)
        return cls(day.year, Season.SPRING)

    @classmethod
    def parse(cls, year: int, season: str) -> Term:
        """A term a user named (``2026``, ``autumn``); ValidationFailed if there is no such term."""
        if season not in (Season.AUTUMN.value, Season.SPRING.value) or not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValidationFailed([error("term", "term.name", translate(
                "Calendar", "Say the term as autumn or spring, with a year such as 2026."))])
        return cls(year, Season(season))

    @classmethod
    def from_key(cls, key: str) -> Term:
        """``2026秋`` → autumn 2026, ``2027春`` → spring 2027; ValueError for anything else."""
        seasons = {season.zh: season for season in Season}
        if len(key) != 5 or not key[:4].isdigit() or key[4] not in seasons:
            raise ValueError(key)
        return cls(int(key[:4]), seasons[key[4]])

    @property
    def start(self) -> dt.date:
        if self.season is Season.AUTUMN:
            return dt.date(self.year, SCHOOL_YEAR_START_MONTH, 1)
        return dt.date(self.year, SPRING_TERM_START_MONTH, 1)

    @property
    def end(self) -> dt.date:
        return self.next().start - dt.timedelta(days=1)

    @property
    def school_year(self) -> SchoolYear:
        return SchoolYear(self.year if self.season is Season.AUTUMN else self.year - 1)

    @property
    def key(self) -> str:
        """2026秋, 2027春: how a term is written as a ledger period."""
        return f"{self.year}{self.season.zh}"

    @property
    def label(self) -> str:
        """2026年秋季, 2027年春季."""
        return f"{self.year}年{self.season.zh}季"

    @property
    def short_label(self) -> str:
        """26秋, 27春: under a chart's bar."""
        return f"{self.year % 100:02d}{self.season.zh}"

    @property
    def full_name(self) -> str:
        """2026—2027学年秋季学期, 2026—2027学年春季学期: on printed reports."""
        return f"{self.school_year.label}{self.season.zh}季学期"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[dt.date]:
        """The first day of each of its months, in order."""
        months, month = [], self.start
        while month <= self.end:
            months.append(month)
            month = add_months(month, 1)
        return months

    def previous(self) -> Term:
        return Term.containing(self.start - dt.timedelta(days=1))

    def next(self) -> Term:
        if self.season is Season.AUTUMN:
            return Term(self.year + 1, Season.SPRING)
        return Term(self.year, Season.AUTUMN)

    def first_school_day(self, holidays: Holidays) -> dt.date:
        """The day classes begin: the term's first school day (the spring term starts in the winter
        break)."""
        return nth_school_day(self.start, 1, holidays)


# --- Quarters --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Quarter:
    """A calendar quarter: ``Quarter(2026, 4)`` is October to December 2026."""

    year: int
    number: int  # 1 to 4

    @classmethod
    def containing(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, year: int, number: int) -> Quarter:
        """A quarter a user chose; ValidationFailed if there is no such quarter."""
        if not 1 <= number <= 4 or not FIRST_YEAR <= year <= LAST_YEAR:
            raise ValidationFailed([error("quarter", "quarter.range", translate(
                "Calendar", "Choose a quarter from 1 to 4 of a year such as 2026."))])
        return cls(year, number)

    @classmethod
    def from_key(cls, key: str) -> Quarter:
        """``2026-Q3`` (or ``2026-q3``) → the third quarter of 2026; ValueError for anything else."""
        year, _, number = key.strip().upper().partition("-Q")
        if len(year) != 4 or not year.isdigit() or number not in ("1", "2", "3", "4"):
            raise ValueError(key)
        return cls(int(year), int(number))

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> dt.date:
        return add_months(self.start, 3) - dt.timedelta(days=1)

    @property
    def key(self) -> str:
        """2026-Q4: how a quarter is written in the ledger's lists and in files."""
        return f"{self.year}-Q{self.number}"

    @property
    def label(self) -> str:
        """2026年第四季度."""
        return f"{self.year}年第{_QUARTER_NAMES[self.number - 1]}季度"

    def months(self) -> list[dt.date]:
        return [add_months(self.start, k) for k in range(3)]

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Quarter:
        return Quarter.containing(self.start - dt.timedelta(days=1))

    def next(self) -> Quarter:
        return Quarter.containing(self.end + dt.timedelta(days=1))


# --- Holidays and school days ----------------------------------------------------------------------------

MonthDay = tuple[int, int]
Holidays = tuple[tuple[MonthDay, MonthDay], ...]  # ((first month, day), (last month, day)), both included


def parse_holidays(text: str) -> Holidays:
    """"01-20~02-20, 07-01~08-31" → (((1, 20), (2, 20)), ((7, 1), (8, 31))); a range may run over
    the new year (12-30~01-02). Raises ValidationFailed with what is wrong."""
    ranges = []
    for part in text.replace("，", ",").replace("、", ",").replace("～", "~").replace("至", "~").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            first, last = (_month_day(end) for end in part.split("~"))
        except ValueError:
            raise ValidationFailed([error("holidays", "calendar.holidays", translate(
                "Calendar", "\u201c{part}\u201d is not a holiday like 07-01~08-31 (month-day~month-day).").format(
                    part=part))]) from None
        ranges.append((first, last))
    found = tuple(ranges)
    if not any(is_school_day(dt.date(2025, 1, 1) + dt.timedelta(days=k), found) for k in range(365)):
        raise ValidationFailed([error("holidays", "calendar.holidays", translate(
            "Calendar", "The holidays cover the whole year: there are no school days."))])
    return found


def _month_day(text: str) -> MonthDay:
    month, day = (int(piece) for piece in text.strip().replace("/", "-").replace(".", "-").split("-"))
    dt.date(2024, month, day)  # a leap year: 02-29 is a day; raises ValueError for 02-30
    return month, day


def format_holidays(holidays: Holidays) -> str:
    """The holidays written back the way ``parse_holidays`` reads them: 01-20~02-20, 07-01~08-31."""
    return ", ".join(f"{a[0]:02d}-{a[1]:02d}~{b[0]:02d}-{b[1]:02d}" for a, b in holidays)


def is_holiday(day: dt.date, holidays: Holidays) -> bool:
    here = (day.month, day.day)
    for first, last in holidays:
        if (first <= here <= last) if first <= last else (here >= first or here <= last):
            return True
    return False


def is_school_day(day: dt.date, holidays: Holidays) -> bool:
    """Monday to Friday outside the holidays."""
    return day.weekday() < 5 and not is_holiday(day, holidays)


def school_days_between(start: dt.date, end: dt.date, holidays: Holidays) -> int:
    """School days from ``start`` to ``end``, both included (none when ``end`` is before ``start``)."""
    return sum(1 for offset in range((end - start).days + 1)
               if is_school_day(start + dt.timedelta(days=offset), holidays))


DEFAULT_HOLIDAYS: Holidays = parse_holidays(DEFAULT_HOLIDAYS_TEXT)


def nth_school_day(start: dt.date, n: int, holidays: Holidays) -> dt.date:
    """The day on which an absence from ``start`` reaches ``n`` school days: the ``n``-th school day
    counting ``start`` (``parse_holidays`` makes sure there are school days)."""
    if n < 1:
        raise ValueError(n)
    day, counted = start, 0
    while True:
        if is_school_day(day, holidays):
            counted += 1
            if counted == n:
                return day
        day += dt.timedelta(days=1)


def school_days_before(day: dt.date, count: int, holidays: Holidays) -> dt.date:
    """The school day ``count`` school days before ``day`` (``day`` itself not counted)."""
    while count > 0:
        day -= dt.timedelta(days=1)
        if is_school_day(day, holidays):
            count -= 1
    return day


# --- Working days: weekends and the statutory holidays, with the make-up working days (调休) -------------

DateRange = tuple[dt.date, dt.date]  # first and last day, both included

#: The State Council's annual notice, one year a row: the days off (放假调休) and the weekend days
#: worked instead (上班). Source of 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, 新华社;
#: checked on politics.gmw.cn/2025-11/04/content_38391083.htm). The 2027 notice was not in the
#: checked library (2026-12-01): a school enters it in the settings (``calendar.statutory_holidays``
#: and ``calendar.makeup_workdays``, see ``parse_official_days``) when it is published.
STATUTORY_HOLIDAYS: dict[int, tuple[DateRange, ...]] = {
    2026: (
        (dt.date(2026, 1, 1), dt.date(2026, 1, 3)),  # 元旦
        (dt.date(2026, 2, 15), dt.date(2026, 2, 23)),  # 春节
        (dt.date(2026, 4, 4), dt.date(2026, 4, 6)),  # 清明节
        (dt.date(2026, 5, 1), dt.date(2026, 5, 5)),  # 劳动节
        (dt.date(2026, 6, 19), dt.date(2026, 6, 21)),  # 端午节
        (dt.date(2026, 9, 25), dt.date(2026, 9, 27)),  # 中秋节
        (dt.date(2026, 10, 1), dt.date(2026, 10, 7)),  # 国庆节
    ),
}
MAKEUP_WORKDAYS: dict[int, tuple[dt.date, ...]] = {
    2026: (dt.date(2026, 1, 4), dt.date(2026, 2, 14), dt.date(2026, 2, 28), dt.date(2026, 5, 9),
           dt.date(2026, 9, 20), dt.date(2026, 10, 10)),
}
#: The settings that add years the table lacks (2027 …): "2027-01-01~2027-01-01, 2027-02-06~2027-02-14"
#: and "2027-02-20, …".
STATUTORY_HOLIDAYS_SETTING = "calendar.statutory_holidays"
MAKEUP_WORKDAYS_SETTING = "calendar.makeup_workdays"


@dataclass(frozen=True)
class OfficialDays:
    """The statutory days off and the make-up working days, as dates."""

    days_off: frozenset[dt.date]
    days_worked: frozenset[dt.date]
    years: frozenset[int]  # the years whose notice is known

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.days_worked:
            return True
        return day.weekday() < 5 and day not in self.days_off


def _expand(ranges: tuple[DateRange, ...] | list[DateRange]) -> set[dt.date]:
    return {first + dt.timedelta(days=k) for first, last in ranges for k in range((last - first).days + 1)}


def parse_official_days(holidays_text: str = "", workdays_text: str = "") -> OfficialDays:
    """The shipped table plus the years a school entered: ``holidays_text`` lists days off as
    ``2027-01-01~2027-01-03, 2027-05-01`` and ``workdays_text`` the weekend days worked; they add to
    the table (a correction of a shipped year is entered as its days). Raises ValidationFailed with what is wrong."""
    def day(text: str) -> dt.date:
        return dt.date.fromisoformat(text.strip())

    entered: list[DateRange] = []
    worked: list[dt.date] = []
    for field_name, text, into in (("statutory_holidays", holidays_text, entered), ("makeup_workdays", workdays_text,
                                                                                    worked)):
        for part in text.replace("，", ",").replace("、", ",").replace("～", "~").replace("至", "~").split(","):
            part = part.strip()
            if not part:
                continue
            try:
                if into is entered:
                    first, _, last = part.partition("~")
                    start, end = day(first), day(last or first)
                    if end < start:
                        raise ValueError(part)
                    entered.append((start, end))
                else:
                    worked.append(day(part))
            except ValueError:
                raise ValidationFailed([error(field_name, "calendar.official_days", translate(
                    "Calendar", "\u201c{part}\u201d is not a date like 2027-10-01 or a range like "
                    "2027-10-01~2027-10-07.").format(part=part))]) from None
    years_entered = {d.year for d in _expand(entered)} | {d.year for d in worked}
    days_off = _expand([r for rs in STATUTORY_HOLIDAYS.values() for r in rs])
    days_worked = {d for ds in MAKEUP_WORKDAYS.values() for d in ds}
    return OfficialDays(frozenset(days_off | _expand(entered)), frozenset(days_worked | set(worked)),
                        frozenset(set(STATUTORY_HOLIDAYS) | years_entered))


DEFAULT_OFFICIAL_DAYS = parse_official_days()


def is_working_day(day: dt.date, official: OfficialDays = DEFAULT_OFFICIAL_DAYS) -> bool:
    """Monday to Friday outside the statutory holidays, or a weekend day worked instead (调休)."""
    return official.is_working_day(day)


def working_days_between(start: dt.date, end: dt.date, official: OfficialDays = DEFAULT_OFFICIAL_DAYS) -> int:
    """Working days from ``start`` to ``end``, both included (none when ``end`` is before ``start``):
    how long a 公示 lasted."""
    return sum(1 for offset in range((end - start).days + 1) if official.is_working_day(start + dt.timedelta(days=offset)))


def nth_working_day(start: dt.date, n: int, official: OfficialDays = DEFAULT_OFFICIAL_DAYS) -> dt.date:
    """The ``n``-th working day counting ``start``: the last day of a 公示 of ``n`` working days."""
    if n < 1:
        raise ValueError(n)
    day, counted = start, 0
    while True:
        if official.is_working_day(day):
            counted += 1
            if counted == n:
                return day
        day += dt.timedelta(days=1)
