"""The one definition of each rate: the dropout rate of compulsory education at a period's first and
last day, the consolidation rate of a graduating class with its transfers, the targets as settings,
and the term report, the quarterly summary and the home tab giving the same figure."""

from __future__ import annotations

import datetime as dt

import pytest

from schoolaid.common.errors import ValidationFailed
from schoolaid.common.school_calendar import Quarter, SchoolYear, Term
from schoolaid.dropout import rates, term_report
from schoolaid.reporting import indicators, quarterly
from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from tests.conftest import TODAY, student_form

SPRING = Term(2026, "spring")  # 1 February to 31 August 2026: over on TODAY
AUTUMN = Term.containing(TODAY)
ENTERED = dt.date(2025, 9, 1)


def add(db, actor, name: str, sequence: int, stage: str = "小学", grade: int = 3,
        entry: dt.date | None = ENTERED, birth: dt.date = dt.date(2016, 3, 2)) -> int:
    form = student_form(db, name, birth=birth, sequence=sequence, stage=stage, grade=grade, entry_date=entry,
                        class_name="1班")
    return db.run(roster.add_student, actor, form, confirmed={"id.region_unknown", "grade.age"}, today=TODAY)


def move(db, actor, student_id: int, status: EnrollmentStatus, day: dt.date) -> None:
    destination = "昆明市第一小学" if status is EnrollmentStatus.TRANSFERRED_OUT else ""
    db.run(roster.change_status, actor, student_id, status, day, "测试", destination, today=TODAY)


def overall(db, start: dt.date, end: dt.date, stages=rates.COMPULSORY_STAGES) -> tuple[int, int]:
    _rows, total = db.query(rates.dropout_rates, start, end, stages)
    return total.dropouts, total.enrolled_at_start


# --- the dropout rate ---------------------------------------------------------------------------------


def test_the_first_and_last_day_of_a_term_count_and_the_days_around_them_do_not(township_db, actor):
    db = township_db
    first = add(db, actor, "首日", 1)
    last = add(db, actor, "末日", 2)
    before = add(db, actor, "期前", 3)
    after = add(db, actor, "期后", 4)
    for name, sequence in (("在读一", 5), ("在读二", 6)):
        add(db, actor, name, sequence)
    move(db, actor, first, EnrollmentStatus.DROPPED_OUT, SPRING.start)
    move(db, actor, last, EnrollmentStatus.DROPPED_OUT, SPRING.end)
    move(db, actor, before, EnrollmentStatus.DROPPED_OUT, SPRING.start - dt.timedelta(days=1))
    move(db, actor, after, EnrollmentStatus.DROPPED_OUT, SPRING.end + dt.timedelta(days=1))
    # In school when the term opened: the first day's dropout, the last day's, the one after it and two more.
    assert overall(db, SPRING.start, SPRING.end) == (2, 5)
    # Per school year: the January dropout is the autumn term's, so the year counts three of six.
    year = SchoolYear(2025)
    assert overall(db, year.start, year.end) == (3, 6)


def test_a_pupil_brought_back_within_the_period_is_not_a_dropout(township_db, actor):
    db = township_db
    back = add(db, actor, "劝返", 1)
    still_out = add(db, actor, "未返", 2)
    move(db, actor, back, EnrollmentStatus.DROPPED_OUT, dt.date(2026, 3, 10))
    move(db, actor, back, EnrollmentStatus.ENROLLED, dt.date(2026, 4, 1))
    move(db, actor, still_out, EnrollmentStatus.DROPPED_OUT, dt.date(2026, 3, 10))
    assert overall(db, SPRING.start, SPRING.end) == (1, 2)
    # Seen on a day before the return, the returned pupil was still out.
    assert overall(db, SPRING.start, dt.date(2026, 3, 31)) == (2, 2)


def test_preschool_is_never_counted_and_junior_secondary_is(township_db, actor):
    db = township_db
    kid = add(db, actor, "大班", 1, stage="学前", grade=3, birth=dt.date(2020, 3, 2))
    junior = add(db, actor, "初一", 2, stage="初中", grade=7, birth=dt.date(2013, 3, 2))
    primary = add(db, actor, "小学生", 3)
    for student in (kid, junior):
        move(db, actor, student, EnrollmentStatus.DROPPED_OUT, dt.date(2026, 5, 5))
    assert overall(db, SPRING.start, SPRING.end) == (1, 2)
    assert overall(db, SPRING.start, SPRING.end, ("学前", "小学", "初中")) == (1, 2)
    assert overall(db, SPRING.start, SPRING.end, ("小学",)) == (0, 1)
    assert primary


# --- the consolidation rate ---------------------------------------------------------------------------


def test_the_consolidation_rate_of_a_graduating_class_with_its_transfers(township_db, actor):
    db = township_db
    year = SchoolYear(2025)  # graduating in July 2026; its grade 1 was 2020—2021, its grade 7 2023—2024
    graduation = dt.date(2026, 7, 5)
    entered = add(db, actor, "入学毕业", 1, grade=6, entry=dt.date(2020, 9, 1), birth=dt.date(2014, 3, 2))
    came = add(db, actor, "转入毕业", 2, grade=6, entry=dt.date(2023, 3, 1), birth=dt.date(2014, 3, 2))
    went = add(db, actor, "四年级转出", 3, grade=4, entry=dt.date(2020, 9, 1), birth=dt.date(2014, 3, 2))
    dropped = add(db, actor, "五年级辍学", 4, grade=5, entry=dt.date(2020, 9, 1), birth=dt.date(2014, 3, 2))
    earlier = add(db, actor, "上一届", 5, grade=6, entry=dt.date(2019, 9, 1), birth=dt.date(2013, 3, 2))
    add(db, actor, "在读六年级", 6, grade=6, entry=dt.date(2021, 9, 1), birth=dt.date(2015, 3, 2))
    add(db, actor, "大班", 7, stage="学前", grade=3, entry=dt.date(2024, 9, 1), birth=dt.date(2020, 3, 2))
    junior = add(db, actor, "初三毕业", 8, stage="初中", grade=9, entry=dt.date(2023, 9, 1), birth=dt.date(2011, 3, 2))
    move(db, actor, went, EnrollmentStatus.TRANSFERRED_OUT, dt.date(2024, 3, 10))  # 2023—2024, in grade 4
    move(db, actor, dropped, EnrollmentStatus.DROPPED_OUT, dt.date(2025, 5, 1))  # 2024—2025, in grade 5
    move(db, actor, earlier, EnrollmentStatus.GRADUATED, dt.date(2025, 7, 1))
    for student in (entered, came, junior):
        move(db, actor, student, EnrollmentStatus.GRADUATED, graduation)

    found = db.query(rates.consolidation, year, TODAY)
    assert (found.graduates, found.entrants, found.transferred_in, found.transferred_out) == (3, 4, 1, 1)
    assert (found.base, found.rate) == (4, 0.75)
    # The day before graduation nobody has graduated; read with today's roster (grades_as_of), the class
    # is the same four: the pupil in grade 6 now belongs to next year's class, those who graduated since
    # to this one.
    eve = db.query(rates.consolidation, year, graduation - dt.timedelta(days=1), grades_as_of=TODAY)
    assert (eve.graduates, eve.entrants, eve.transferred_in, eve.transferred_out) == (0, 4, 1, 1)
    # Every past term of the home tab's trend sees the same class.
    for day in (dt.date(2025, 9, 1), dt.date(2026, 1, 15), graduation):
        seen = db.query(rates.consolidation, year, day, grades_as_of=TODAY)
        assert (seen.entrants, seen.transferred_in) == (4, 1), day


def test_the_graduating_year_turns_in_july():
    assert rates.graduating_year(dt.date(2026, 6, 30)) == SchoolYear(2024)
    assert rates.graduating_year(dt.date(2026, 7, 1)) == SchoolYear(2025)
    assert rates.graduating_year(dt.date(2026, 8, 31)) == SchoolYear(2025)
    assert rates.graduating_year(dt.date(2026, 9, 1)) == SchoolYear(2025)


# --- targets ------------------------------------------------------------------------------------------


def test_targets_are_the_plans_until_the_township_sets_another(township_db, actor):
    db = township_db
    assert db.query(rates.targets) == {key: target.default for key, target in rates.TARGETS.items()}
    assert rates.TARGETS["primary_dropout"].default == 0.002 and "0.2%" in rates.TARGETS["primary_dropout"].source
    assert [rates.TARGETS[key].default for key in ("preschool_gross_enrollment", "school_age_enrollment",
                                                   "primary_boarders")] == [0.85, 1.0, 0.30]
    assert all(target.source for target in rates.TARGETS.values())
    db.run(rates.set_target, actor, "compulsory_dropout", 0.005)
    add(db, actor, "小学生", 1)
    _rows, total = db.query(rates.dropout_rates, SPRING.start, SPRING.end)
    assert total.target == 0.005
    found = {i.key: i for i in db.query(indicators.compute, AUTUMN, today=TODAY).indicators}
    assert found["compulsory_dropout"].target == 0.005 and found["primary_dropout"].target == 0.002
    assert "0.2%" in found["primary_dropout"].source
    summary = db.query(quarterly.quarterly_summary, 2026, 4, TODAY)
    assert {i.name: i.target for i in summary.indicators}["义务教育辍学率"] == 0.005
    assert all(i.source for i in summary.indicators)  # printed under the table as 目标出处
    db.run(rates.set_target, actor, "compulsory_dropout", None)
    assert db.query(rates.target, "compulsory_dropout") == 0.002
    with pytest.raises(ValidationFailed):
        db.run(rates.set_target, actor, "compulsory_dropout", 1.5)
    with pytest.raises(ValidationFailed):
        db.run(rates.set_target, actor, "no_such_rate", 0.1)


# --- one figure everywhere ----------------------------------------------------------------------------


def test_the_term_report_the_quarterly_summary_and_the_home_tab_agree(township_db, actor):
    """The autumn term and its fourth quarter open with the same pupils at school (nobody moves in
    September), so the three must give the same dropout rate of compulsory education for them."""
    db = township_db
    pupils = [add(db, actor, f"学生{n}", n) for n in range(1, 8)]
    junior = add(db, actor, "初中生", 8, stage="初中", grade=7, birth=dt.date(2013, 3, 2))
    add(db, actor, "幼儿", 9, stage="学前", grade=3, birth=dt.date(2020, 3, 2))
    move(db, actor, pupils[0], EnrollmentStatus.DROPPED_OUT, dt.date(2026, 10, 12))
    move(db, actor, junior, EnrollmentStatus.DROPPED_OUT, dt.date(2026, 11, 2))
    move(db, actor, pupils[1], EnrollmentStatus.DROPPED_OUT, dt.date(2026, 10, 20))
    move(db, actor, pupils[1], EnrollmentStatus.ENROLLED, dt.date(2026, 11, 3))  # brought back

    report = db.query(term_report.term_report, TODAY, AUTUMN)
    home = {i.key: i for i in db.query(indicators.compute, AUTUMN, today=TODAY).indicators}["compulsory_dropout"]
    summary = db.query(quarterly.quarterly_summary, 2026, 4, TODAY)
    in_summary = {i.name: i for i in summary.indicators}["义务教育辍学率"]
    quarter = Quarter(2026, 4)
    _rows, by_definition = db.query(rates.dropout_rates, quarter.start, TODAY)

    assert (report.total.term_dropouts, report.total.enrolled_at_start) == (2, 8)
    assert (home.numerator, home.denominator) == (2, 8)
    assert (in_summary.numerator, in_summary.denominator) == (2, 8)
    assert (by_definition.dropouts, by_definition.enrolled_at_start) == (2, 8)
    assert report.total.rate == home.value == in_summary.value == 0.25
    assert sum(c.dropouts for c in summary.cases) == 2 and sum(c.enrolled_at_start for c in summary.cases) == 8


def test_the_home_tab_shows_the_consolidation_rate_with_its_target(township_db, actor):
    db = township_db
    graduate = add(db, actor, "毕业生", 1, grade=6, entry=dt.date(2020, 9, 1), birth=dt.date(2014, 3, 2))
    add(db, actor, "仍在读", 2, grade=6, entry=dt.date(2020, 9, 1), birth=dt.date(2014, 3, 2))
    move(db, actor, graduate, EnrollmentStatus.GRADUATED, dt.date(2026, 7, 5))
    found = {i.key: i for i in db.query(indicators.compute, AUTUMN, today=TODAY).indicators}
    consolidation = found["consolidation_rate"]
    # The one still at school in grade 6 belongs to this year's class, not the one that graduated.
    assert (consolidation.numerator, consolidation.denominator, consolidation.value) == (1, 1, 1.0)
    assert consolidation.target == 0.95 and consolidation.at_least and consolidation.source
    assert "2025—2026学年" in consolidation.note


def test_the_school_years_dropout_rate_is_printed_in_the_term_report_and_the_quarterly_summary(township_db, actor,
                                                                                                  tmp_path):
    """In the spring term the school year reaches back to September: an autumn dropout counts for the
    year and not for the term. The printed term report and the quarterly summary give the year's figure
    as ``rates.dropout_rates`` from the year's first day does."""
    import pypdf

    from schoolaid.reporting import reports

    db = township_db
    pupils = [add(db, actor, f"学生{n}", n) for n in range(1, 6)]
    move(db, actor, pupils[0], EnrollmentStatus.DROPPED_OUT, dt.date(2025, 11, 3))  # autumn: the year's only
    move(db, actor, pupils[1], EnrollmentStatus.DROPPED_OUT, dt.date(2026, 3, 10))  # spring: the term's and year's
    day = dt.date(2026, 4, 20)
    year = SchoolYear(2025)
    report = db.query(term_report.term_report, day, SPRING)
    assert (report.total.term_dropouts, report.total.enrolled_at_start) == (1, 4)
    assert report.school_year == "2025—2026学年"
    assert report.school_year_rate is not None
    assert (report.school_year_rate.dropouts, report.school_year_rate.enrolled_at_start) == overall(
        db, year.start, day) == (2, 5)
    summary = db.query(quarterly.quarterly_summary, 2026, 1, day)  # January to March
    in_summary = {i.name: i for i in summary.indicators}
    assert (in_summary["义务教育辍学率"].numerator, in_summary["义务教育辍学率"].denominator) == (1, 4)
    assert (in_summary["义务教育辍学率（本学年）"].numerator, in_summary["义务教育辍学率（本学年）"].denominator) == (2, 5)
    out = tmp_path / "报告.pdf"
    db.query(reports.write_term_report, actor, out, 2026, "spring", today=day)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages).replace("\n", "")
    assert "本学年（2025—2026学年）2025年9月1日至2026年4月20日义务教育辍学率40.00%" in text
    assert "学年内辍学且报告日仍未返校2人" in text and "学年初小学和初中在读学生5人" in text
