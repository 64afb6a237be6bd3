"""The school calendar at every boundary: school years, terms, quarters, months, the reference days,
holidays and school days; and the modules that used to work these out each their own way now
giving the same answer for the same day."""

from __future__ import annotations

import datetime as dt

import pytest

from schoolaid.common import school_calendar as cal
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.school_calendar import DEFAULT_HOLIDAYS, Quarter, SchoolYear, Season, Term

D = dt.date
AUTUMN, SPRING = Season.AUTUMN, Season.SPRING

# --- School years -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "start_year"), [
    (D(2026, 8, 31), 2025), (D(2026, 9, 1), 2026),  # the year turns on 1 September
    (D(2026, 12, 31), 2026), (D(2027, 1, 1), 2026),  # not on 1 January
    (D(2027, 2, 15), 2026), (D(2028, 2, 29), 2027), (D(2027, 8, 31), 2026),
])
def test_the_school_year_a_day_is_in(day: dt.date, start_year: int) -> None:
    year = SchoolYear.containing(day)
    assert year == SchoolYear(start_year)
    assert year.start <= day <= year.end


def test_a_school_year() -> None:
    year = SchoolYear(2026)
    assert (year.start, year.end) == (D(2026, 9, 1), D(2027, 8, 31))
    assert year.label == "2026—2027学年"
    assert year.age_reference_day == D(2026, 8, 31)  # the day before it begins
    assert year.terms == (Term(2026, AUTUMN), Term(2027, SPRING))
    assert (year.previous(), year.next()) == (SchoolYear(2025), SchoolYear(2027))
    assert year.so_far(D(2026, 11, 20)) == (D(2026, 9, 1), D(2026, 11, 20))  # under way: up to today
    assert year.so_far(D(2030, 1, 1)) == (D(2026, 9, 1), D(2027, 8, 31))  # over: to its end
    assert SchoolYear(2027).end == D(2028, 8, 31) and (SchoolYear(2027).end - SchoolYear(2027).start).days == 365


# --- Terms ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "term"), [
    (D(2026, 8, 31), Term(2026, SPRING)), (D(2026, 9, 1), Term(2026, AUTUMN)),  # summer's end / autumn
    (D(2026, 12, 31), Term(2026, AUTUMN)), (D(2027, 1, 1), Term(2026, AUTUMN)),  # the new year stays in autumn
    (D(2027, 1, 31), Term(2026, AUTUMN)), (D(2027, 2, 1), Term(2027, SPRING)),  # spring begins in February
    (D(2027, 2, 15), Term(2027, SPRING)),  # in the winter break, yet in the spring term
    (D(2027, 7, 20), Term(2027, SPRING)),  # the summer belongs to the spring term
    (D(2028, 2, 29), Term(2028, SPRING)), (D(2028, 1, 31), Term(2027, AUTUMN)),  # a leap year
    (D(2030, 1, 1), Term(2029, AUTUMN)),
])
def test_the_term_a_day_is_in(day: dt.date, term: Term) -> None:
    found = Term.containing(day)
    assert found == term
    assert found.contains(day) and found.start <= day <= found.end
    assert not found.previous().contains(day) and not found.next().contains(day)


def test_the_terms_follow_each_other_without_gap_or_overlap() -> None:
    term = Term(2019, AUTUMN)
    for _ in range(30):
        following = term.next()
        assert following.start == term.end + dt.timedelta(days=1)
        assert following.previous() == term
        term = following


def test_an_autumn_and_a_spring_term() -> None:
    autumn, spring = Term(2026, AUTUMN), Term(2027, SPRING)
    assert (autumn.start, autumn.end) == (D(2026, 9, 1), D(2027, 1, 31))
    assert (spring.start, spring.end) == (D(2027, 2, 1), D(2027, 8, 31))
    assert autumn.school_year == spring.school_year == SchoolYear(2026)
    assert (autumn.key, spring.key) == ("2026秋", "2027春")  # ledger periods, as stored
    assert (autumn.label, spring.label) == ("2026年秋季", "2027年春季")
    assert (autumn.short_label, spring.short_label) == ("26秋", "27春")
    assert autumn.full_name == "2026—2027学年秋季学期" and spring.full_name == "2026—2027学年春季学期"
    assert autumn.months() == [D(2026, 9, 1), D(2026, 10, 1), D(2026, 11, 1), D(2026, 12, 1), D(2027, 1, 1)]
    assert spring.months() == [D(2027, m, 1) for m in range(2, 9)]
    assert Term(2026, "autumn") == autumn and Term(2026, "autumn").season is AUTUMN  # a plain word is taken
    assert hash(Term(2026, "autumn")) == hash(autumn)
    assert (autumn.previous(), spring.next()) == (Term(2026, SPRING), Term(2027, AUTUMN))


def test_terms_are_read_from_what_users_and_the_ledger_write() -> None:
    assert Term.parse(2026, "autumn") == Term(2026, AUTUMN) and Term.parse(2027, "spring") == Term(2027, SPRING)
    for year, season in ((2026, "summer"), (2026, "秋"), (1999, "autumn"), (2101, "spring")):
        with pytest.raises(ValidationFailed) as refused:
            Term.parse(year, season)
        assert refused.value.problems[0].code == "term.name"
    assert Term.from_key("2026秋") == Term(2026, AUTUMN) and Term.from_key("2027春") == Term(2027, SPRING)
    for bad in ("2026夏", "26秋", "2026-09", ""):
        with pytest.raises(ValueError):
            Term.from_key(bad)
    for term in (Term(2026, AUTUMN), Term(2027, SPRING)):
        assert Term.from_key(term.key) == term


def test_classes_begin_on_the_terms_first_school_day() -> None:
    # 1 September 2026 is a Tuesday; the winter break runs to 20 February, and 2027-02-21 is a Sunday.
    assert Term(2026, AUTUMN).first_school_day(DEFAULT_HOLIDAYS) == D(2026, 9, 1)
    assert Term(2027, SPRING).first_school_day(DEFAULT_HOLIDAYS) == D(2027, 2, 22)
    assert Term(2027, AUTUMN).first_school_day(DEFAULT_HOLIDAYS) == D(2027, 9, 1)  # a Wednesday
    assert Term(2029, AUTUMN).first_school_day(DEFAULT_HOLIDAYS) == D(2029, 9, 3)  # 1 September a Saturday
    assert Term(2027, SPRING).first_school_day(()) == D(2027, 2, 1)  # no holidays: the first weekday


# --- Quarters -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "quarter"), [
    (D(2026, 1, 1), Quarter(2026, 1)), (D(2026, 3, 31), Quarter(2026, 1)), (D(2026, 4, 1), Quarter(2026, 2)),
    (D(2026, 6, 30), Quarter(2026, 2)), (D(2026, 7, 1), Quarter(2026, 3)), (D(2026, 9, 30), Quarter(2026, 3)),
    (D(2026, 10, 1), Quarter(2026, 4)), (D(2026, 12, 31), Quarter(2026, 4)), (D(2027, 1, 1), Quarter(2027, 1)),
    (D(2028, 2, 29), Quarter(2028, 1)),
])
def test_the_quarter_a_day_is_in(day: dt.date, quarter: Quarter) -> None:
    assert Quarter.containing(day) == quarter
    assert quarter.contains(day) and quarter.start <= day <= quarter.end


def test_quarters() -> None:
    assert [(q.start, q.end) for q in (Quarter(2026, n) for n in range(1, 5))] == [
        (D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 4, 1), D(2026, 6, 30)),
        (D(2026, 7, 1), D(2026, 9, 30)), (D(2026, 10, 1), D(2026, 12, 31))]
    assert Quarter(2026, 4).key == "2026-Q4" and Quarter(2026, 4).label == "2026年第四季度"
    assert Quarter(2026, 1).label == "2026年第一季度"
    assert Quarter(2028, 1).months() == [D(2028, 1, 1), D(2028, 2, 1), D(2028, 3, 1)]
    assert Quarter(2026, 4).next() == Quarter(2027, 1) and Quarter(2027, 1).previous() == Quarter(2026, 4)
    assert Quarter.from_key("2026-Q3") == Quarter(2026, 3) == Quarter.from_key(" 2026-q3 ")
    for bad in ("2026-Q5", "2026-Q0", "2026Q3", "26-Q3", "2026-09"):
        with pytest.raises(ValueError):
            Quarter.from_key(bad)
    assert Quarter.parse(2026, 4) == Quarter(2026, 4)
    for year, number in ((2026, 0), (2026, 5), (1999, 1)):
        with pytest.raises(ValidationFailed) as refused:
            Quarter.parse(year, number)
        assert refused.value.problems[0].code == "quarter.range"


# --- Months and the days things are reckoned on ----------------------------------------------------------------


def test_months() -> None:
    assert cal.month_start(D(2026, 12, 31)) == D(2026, 12, 1)
    assert cal.month_end(D(2026, 12, 5)) == D(2026, 12, 31)
    assert cal.month_end(D(2028, 2, 1)) == D(2028, 2, 29) and cal.month_end(D(2027, 2, 1)) == D(2027, 2, 28)
    assert cal.add_months(D(2026, 12, 1), 1) == D(2027, 1, 1) and cal.add_months(D(2027, 1, 1), -1) == D(2026, 12, 1)
    assert cal.add_months(D(2026, 9, 1), -12) == D(2025, 9, 1) and cal.add_months(D(2026, 9, 1), 28) == D(2029, 1, 1)
    assert cal.months_back(D(2027, 2, 15), 3) == [D(2027, 2, 1), D(2027, 1, 1), D(2026, 12, 1)]
    assert cal.month_key(D(2026, 9, 30)) == "2026-09"
    assert [m for m in range(1, 13) if not cal.is_school_month(D(2026, m, 1))] == [7, 8]


def test_a_month_counts_who_is_enrolled_on_its_fifteenth() -> None:
    assert cal.month_reference_day(D(2026, 10, 1), D(2026, 11, 20)) == D(2026, 10, 15)
    assert cal.month_reference_day(D(2026, 11, 1), D(2026, 11, 14)) == D(2026, 11, 14)  # not yet come: today
    assert cal.month_reference_day(D(2026, 11, 1), D(2026, 11, 15)) == D(2026, 11, 15)
    assert cal.month_reference_day(D(2028, 2, 1), D(2028, 2, 29)) == D(2028, 2, 15)


def test_ages_are_reckoned_on_31_august_before_the_school_year() -> None:
    assert SchoolYear.containing(D(2026, 9, 1)).age_reference_day == D(2026, 8, 31)
    assert SchoolYear.containing(D(2026, 8, 31)).age_reference_day == D(2025, 8, 31)
    assert Term(2027, SPRING).school_year.age_reference_day == D(2026, 8, 31)  # the spring's year began in 2026


# --- Holidays and school days -------------------------------------------------------------------------------


def test_the_default_holidays() -> None:
    assert DEFAULT_HOLIDAYS == (((1, 20), (2, 20)), ((7, 1), (8, 31)), ((10, 1), (10, 7)))
    assert cal.parse_holidays(cal.DEFAULT_HOLIDAYS_TEXT) == DEFAULT_HOLIDAYS
    assert cal.format_holidays(DEFAULT_HOLIDAYS) == cal.DEFAULT_HOLIDAYS_TEXT


@pytest.mark.parametrize(("day", "school_day"), [
    (D(2027, 1, 19), True), (D(2027, 1, 20), False),  # winter break: its first day (both Tue/Wed)
    (D(2027, 2, 19), False), (D(2027, 2, 22), True),  # its last weekday, and the Monday after
    (D(2026, 6, 30), True), (D(2026, 7, 1), False),  # summer: the first day off (a Wednesday)
    (D(2026, 8, 31), False), (D(2026, 9, 1), True),  # its last day (a Monday) and the term's first
    (D(2026, 9, 30), True), (D(2026, 10, 1), False), (D(2026, 10, 7), False), (D(2026, 10, 8), True),
    (D(2026, 10, 17), False), (D(2026, 10, 18), False), (D(2026, 10, 19), True),  # a weekend
    (D(2027, 2, 15), False),  # the case of issue 14: the winter break
    (D(2028, 2, 29), True),  # a leap day after the break is an ordinary Tuesday
])
def test_school_days_are_weekdays_outside_the_holidays(day: dt.date, school_day: bool) -> None:
    assert cal.is_school_day(day, DEFAULT_HOLIDAYS) is school_day


def test_holidays_running_over_the_new_year_and_on_a_leap_day() -> None:
    off = cal.parse_holidays("12-30~01-02")
    assert not cal.is_school_day(D(2026, 12, 31), off) and not cal.is_school_day(D(2027, 1, 1), off)
    assert not cal.is_school_day(D(2026, 12, 30), off) and cal.is_school_day(D(2026, 12, 29), off)
    assert cal.is_school_day(D(2027, 1, 4), off)
    leap = cal.parse_holidays("02-29~03-01")  # written with the leap day: in other years only 1 March
    assert cal.is_holiday(D(2028, 2, 29), leap) and cal.is_holiday(D(2028, 3, 1), leap)
    assert not cal.is_holiday(D(2028, 2, 28), leap) and not cal.is_holiday(D(2027, 2, 28), leap)
    assert cal.is_holiday(D(2027, 3, 1), leap)
    ends_in_february = cal.parse_holidays("02-01~02-28")
    assert not cal.is_holiday(D(2028, 2, 29), ends_in_february) and cal.is_holiday(D(2028, 2, 28), ends_in_february)


def test_holidays_as_people_write_them() -> None:
    assert cal.parse_holidays("07-01～08-31，10-01至10-07、1/20~2/20") == (
        ((7, 1), (8, 31)), ((10, 1), (10, 7)), ((1, 20), (2, 20)))
    assert cal.parse_holidays("") == ()
    for bad in ("07-01", "13-01~13-05", "02-30~03-01", "暑假", "01-01~12-31"):
        with pytest.raises(ValidationFailed) as refused:
            cal.parse_holidays(bad)
        assert refused.value.problems[0].code == "calendar.holidays"


def test_counting_school_days() -> None:
    monday, friday = D(2026, 10, 12), D(2026, 10, 16)
    assert cal.school_days_between(monday, monday + dt.timedelta(days=6), DEFAULT_HOLIDAYS) == 5
    assert cal.school_days_between(D(2026, 10, 17), D(2026, 10, 18), DEFAULT_HOLIDAYS) == 0  # a weekend
    assert cal.school_days_between(friday, friday, DEFAULT_HOLIDAYS) == 1  # both ends included
    assert cal.school_days_between(friday, monday, DEFAULT_HOLIDAYS) == 0  # backwards: none
    # From the last Friday of June over the summer: 26, 29, 30 June, then 1–4 September (a Tuesday).
    assert cal.school_days_between(D(2026, 6, 26), D(2026, 9, 4), DEFAULT_HOLIDAYS) == 7
    # Over the winter break: 18, 19 January, then 22 February.
    assert cal.school_days_between(D(2027, 1, 18), D(2027, 2, 22), DEFAULT_HOLIDAYS) == 3
    # Over the new year (no holiday there by default): 31 December and 1 January are Thursday, Friday.
    assert cal.school_days_between(D(2026, 12, 31), D(2027, 1, 1), DEFAULT_HOLIDAYS) == 2


def test_the_nth_school_day_and_back() -> None:
    monday, friday = D(2026, 10, 12), D(2026, 10, 16)
    assert cal.nth_school_day(monday, 5, DEFAULT_HOLIDAYS) == friday
    assert cal.nth_school_day(friday, 1, DEFAULT_HOLIDAYS) == friday
    assert cal.nth_school_day(friday, 2, DEFAULT_HOLIDAYS) == D(2026, 10, 19)  # over the weekend
    assert cal.nth_school_day(D(2026, 10, 17), 1, DEFAULT_HOLIDAYS) == D(2026, 10, 19)  # a Saturday start
    assert cal.nth_school_day(D(2026, 6, 29), 3, DEFAULT_HOLIDAYS) == D(2026, 9, 1)  # over the summer
    assert cal.nth_school_day(D(2026, 9, 30), 2, DEFAULT_HOLIDAYS) == D(2026, 10, 8)  # over National Day
    with pytest.raises(ValueError):
        cal.nth_school_day(monday, 0, DEFAULT_HOLIDAYS)
    for n in range(1, 40):
        day = cal.nth_school_day(monday, n, DEFAULT_HOLIDAYS)
        assert cal.school_days_between(monday, day, DEFAULT_HOLIDAYS) == n
    assert cal.school_days_before(D(2026, 10, 19), 1, DEFAULT_HOLIDAYS) == friday
    assert cal.school_days_before(D(2026, 9, 1), 1, DEFAULT_HOLIDAYS) == D(2026, 6, 30)
    assert cal.school_days_before(D(2027, 2, 22), 2, DEFAULT_HOLIDAYS) == D(2027, 1, 18)
    for count in range(1, 40):
        earlier = cal.school_days_before(D(2026, 11, 20), count, DEFAULT_HOLIDAYS)
        assert cal.school_days_between(earlier, D(2026, 11, 19), DEFAULT_HOLIDAYS) == count


# --- The modules that used to disagree -------------------------------------------------------------------------

AGREEMENT_DAYS = [D(2026, 8, 31), D(2026, 9, 1), D(2026, 12, 31), D(2027, 1, 1), D(2027, 1, 31), D(2027, 2, 1),
                  D(2027, 2, 15), D(2027, 2, 22), D(2027, 3, 1), D(2027, 7, 20), D(2028, 2, 29), D(2030, 1, 1)]


def test_the_ledger_the_dropout_report_the_indicators_and_the_work_list_agree_on_the_term(township_db, actor) -> None:
    from schoolaid.dropout import rules, term_report
    from schoolaid.ledger import subsidy_programmes
    from schoolaid.reporting import indicators, quarterly, work_list

    db = township_db
    grant = db.query(subsidy_programmes.get_programme, db.run(subsidy_programmes.create_programme, actor, subsidy_programmes.ProgrammeForm(
        code="TERMLY", name="学期补助", eligibility="everyone", amount_fen=50000, per="term")))
    holidays = db.query(rules.holidays)
    for day in AGREEMENT_DAYS:
        term = Term.containing(day)
        assert grant.period_for(day) == term.key, day  # the ledger's termly period
        report = db.query(term_report.term_report, day)  # the term-start report
        assert report.title == f"平地镇{term.full_name}开学辍学情况报告", day
        assert report.since == term.previous().start, day
        trend = db.query(indicators.compute, None, None, today=day, trend_terms=2).indicators[0].trend  # the indicators' term
        assert [label for label, _value in trend] == [term.previous().short_label, term.short_label], day
        quarter = Quarter.containing(day)
        summary = db.query(quarterly.quarterly_summary, quarter.year, quarter.number, day)
        assert (summary.start, summary.title) == (quarter.start, f"平地镇{quarter.label}教育精准扶贫工作汇总")
        classes_began = term.first_school_day(holidays)
        reminders = [i for i in db.query(work_list.today_work, day) if i.kind == work_list.Kind.TERM_REPORT]
        assert bool(reminders) == (0 <= (day - classes_began).days < work_list.REPORT_WEEKS * 7), day
        if reminders:
            assert f"{classes_began.month}月{classes_began.day}日" in reminders[0].text


def test_the_day_of_issue_14(township_db, actor) -> None:
    """2027-02-15: the ledger said spring 2027 and the term report the autumn term; both say spring now."""
    from schoolaid.dropout import rules, term_report
    from schoolaid.ledger import subsidy_programmes

    day = D(2027, 2, 15)
    grant = township_db.query(subsidy_programmes.get_programme, township_db.run(subsidy_programmes.create_programme, actor, subsidy_programmes.ProgrammeForm(
        code="TERMLY", name="学期补助", eligibility="everyone", amount_fen=50000, per="term")))
    assert grant.period_for(day) == "2027春"
    assert township_db.query(term_report.term_report, day).title == "平地镇2026—2027学年春季学期开学辍学情况报告"
    assert not cal.is_school_day(day, township_db.query(rules.holidays))  # still the winter break


def test_a_cohort_in_an_imported_roster_moves_up_a_grade_on_1_september() -> None:
    from schoolaid.common.grades import Stage
    from schoolaid.documents import sheet_values

    assert sheet_values.grade("2021级", D(2026, 8, 31)) == (Stage.PRIMARY, 5)
    assert sheet_values.grade("2021级", D(2026, 9, 1)) == (Stage.PRIMARY, 6)
    assert sheet_values.grade("2021级", D(2027, 2, 15)) == (Stage.PRIMARY, 6)


# --- working days (公示) ------------------------------------------------------------------------------


def test_working_days_skip_weekends_and_statutory_holidays_and_count_make_up_days() -> None:
    from schoolaid.common.school_calendar import (
        is_working_day,
        nth_working_day,
        parse_official_days,
        working_days_between,
    )

    assert working_days_between(dt.date(2026, 11, 27), dt.date(2026, 12, 1)) == 3  # Fri, Mon, Tue
    assert working_days_between(dt.date(2026, 9, 30), dt.date(2026, 10, 9)) == 3  # 30 Sep, 8 and 9 Oct
    assert is_working_day(dt.date(2026, 10, 10)) and is_working_day(dt.date(2026, 2, 14))  # 调休 Saturdays
    assert not is_working_day(dt.date(2026, 2, 16)) and not is_working_day(dt.date(2026, 5, 5))
    assert nth_working_day(dt.date(2026, 11, 27), 5) == dt.date(2026, 12, 3)
    assert nth_working_day(dt.date(2026, 9, 30), 5) == dt.date(2026, 10, 12)  # 30 Sep, 8, 9, 10 (Sat), 12 Oct
    assert working_days_between(dt.date(2026, 12, 2), dt.date(2026, 12, 1)) == 0
    # 2027 is not in the shipped table: the settings add it
    official = parse_official_days("2027-10-01~2027-10-07, 2027-01-01", "2027-09-26")
    assert not official.is_working_day(dt.date(2027, 10, 4)) and official.is_working_day(dt.date(2027, 9, 26))
    assert not official.is_working_day(dt.date(2026, 10, 1))  # the shipped 2026 stays
    assert 2027 in official.years and is_working_day(dt.date(2027, 10, 4))  # without the setting: a Monday
    with pytest.raises(ValidationFailed):
        parse_official_days("2027-10-07~2027-10-01")
