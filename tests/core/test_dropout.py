"""Dropout control (控辍保学): the five-school-day rule, absences, the case workflow, the append-only
persuasion log, enrollment-urging notices, the three ledgers, the dropout rate and the term report.

Services check dates against the real calendar, so every date here lies before 2026-11-29 and the
services that accept ``today=`` are given one.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from dataclasses import replace

import pytest
from sqlalchemy.exc import IntegrityError

from schoolaid.accounts import audit
from schoolaid.common.errors import NotAllowed, NotFound, ValidationFailed
from schoolaid.common.school_calendar import DEFAULT_HOLIDAYS, nth_school_day
from schoolaid.dropout import (
    absences,
    case_files,
    ledgers,
    notices,
    persuasion,
    rules,
    term_report,
    vocabulary,
)
from schoolaid.dropout.case_files import CaseForm
from schoolaid.dropout.persuasion import AttemptEntry
from schoolaid.dropout.rates import RateRow, dropout_rates
from schoolaid.dropout.vocabulary import CaseStatus, Method, Reason
from schoolaid.roster import disabilities, households, roster, transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.households import HouseholdForm
from schoolaid.roster.idnumber import make_number
from schoolaid.township import attachments, township
from tests.conftest import school_id, student_form, village_id

MONDAY = dt.date(2026, 10, 12)  # an absence from this Monday …
FRIDAY = dt.date(2026, 10, 16)  # … reaches five school days on the Friday: a suspected dropout
DROPOUT_DAY = FRIDAY + dt.timedelta(days=30)  # 2026-11-15, thirty days later: a dropout
TODAY = dt.date(2026, 11, 20)
CLOSING = dt.date(2026, 11, 2)  # when cases are moved in the workflow tests
#: The receiving school's confirmation a case closed as 转学 needs.
CONFIRMED = transfers.Confirmation(transfers.ConfirmedHow.REGISTRY.value, "红旗小学教务处李老师", CLOSING)
HOME_VISIT = Method.HOME_VISIT.value


def codes(refused: pytest.ExceptionInfo) -> set[str]:
    return {p.code for p in refused.value.problems}


def fields_and_codes(refused: pytest.ExceptionInfo) -> set[tuple[str, str]]:
    return {(p.field, p.code) for p in refused.value.problems}


def pupil(db, actor, name: str, sequence: int, *, confirmed: tuple[str, ...] = (),
          status: EnrollmentStatus = EnrollmentStatus.ENROLLED, **changes: object) -> int:
    changes.setdefault("guardian_name", f"{name[0]}大山")
    changes.setdefault("entry_date", dt.date(2022, 9, 1))
    return db.run(roster.add_student, actor, student_form(db, name, sequence=sequence, **changes),
                  confirmed=confirmed, status=status, today=TODAY)


def case_for(db, actor, student_id: int, start: dt.date = MONDAY, form: CaseForm | None = None) -> int:
    """An unexplained absence from ``start``, and the case opened the day it reaches five school days."""
    absence_id = db.run(absences.record_absence, actor, student_id, start, today=TODAY)
    return db.run(case_files.open_case, actor, student_id, absence_id, form, today=nth_school_day(start, 5, DEFAULT_HOLIDAYS))


#: The school, the village committee and the township together: what a notice needs among the failed attempts.
TOGETHER = tuple(p.value for p in vocabulary.Party)


def entry(day: dt.date, *, succeeded: bool = False, result: str = "家长仍不同意返校",
          method: str = HOME_VISIT) -> AttemptEntry:
    return AttemptEntry(day, "班主任 李老师、村委会 王主任、镇政府 杨副镇长", "张大山（祖父）", method, result, succeeded,
                        TOGETHER)


def disabled(db, actor, student_id: int, placement: str = "待安置") -> int:
    """The disability record 送教上门 needs: 送教上门 is a placement, not a dropout outcome (issue 19)."""
    return db.run(disabilities.set_disability, actor, student_id, disabilities.DisabilityForm(
        "肢体", "一级", placement, dt.date(2026, 10, 1), dt.date(2026, 9, 28), "不能到校就读"), today=TODAY)


def log(db, actor, case_id: int, day: dt.date, **kwargs: object) -> int:
    return db.run(persuasion.log_attempt, actor, case_id, entry(day, **kwargs), today=TODAY)


def ready(db, actor, case_id: int, first: dt.date = FRIDAY) -> None:
    """The two failed attempts (the three parties together) a notice needs, from ``first``."""
    log(db, actor, case_id, first)
    log(db, actor, case_id, first + dt.timedelta(days=1))


def case(db, case_id: int) -> case_files.CaseView:
    return db.query(case_files.get_case, case_id)


def status_of(db, student_id: int) -> str:
    return next(r.status.value for r in db.query(roster.list_rows, roster.RosterFilter(),
                                                 today=TODAY) if r.id == student_id)


@pytest.fixture
def school(township_db, actor):
    """Four primary pupils of 平地镇: three at the central school, one at 波西村小学, with households."""
    db = township_db
    bosi = db.run(households.create_household, actor, HouseholdForm(head_name="张大山", village_id=village_id(db, "波西村")), today=TODAY)
    lazi = db.run(households.create_household, actor, HouseholdForm(head_name="李大河",
                                                                   village_id=village_id(db, "辣子哨村")), today=TODAY)
    ids = {
        "张小明": pupil(db, actor, "张小明", 1, household_id=bosi),
        "李小红": pupil(db, actor, "李小红", 2, male=False, household_id=lazi),
        "王小刚": pupil(db, actor, "王小刚", 3, household_id=lazi),
        "赵小花": pupil(db, actor, "赵小花", 4, male=False, household_id=bosi,
                        school_id=school_id(db, "波西村小学"), grade=3),
    }
    return db, ids


# --- The five-school-day rule ------------------------------------------------------------------------------


def test_an_unexplained_absence_is_suspected_on_the_fifth_school_day_not_the_fourth(school, actor) -> None:
    db, ids = school
    wednesday = dt.date(2026, 10, 14)  # Wed, Thu, Fri, Mon = 4 school days; Tuesday the 20th is the 5th
    db.run(absences.record_absence, actor, ids["张小明"], wednesday, today=TODAY)
    [fourth] = db.query(absences.absences, dt.date(2026, 10, 19))
    assert (fourth.school_days, fourth.suspected_on, fourth.state(dt.date(2026, 10, 19))) == (4, None, "absent")
    assert db.query(absences.cases_to_open, dt.date(2026, 10, 19)) == []
    [fifth] = db.query(absences.absences, dt.date(2026, 10, 20))
    assert (fifth.school_days, fifth.suspected_on, fifth.state(dt.date(2026, 10, 20))) == (
        5, dt.date(2026, 10, 20), "suspected")
    assert [a.student for a in db.query(absences.cases_to_open, dt.date(2026, 10, 20))] == ["张小明"]
    assert [r.name for r in db.query(ledgers.suspected_ledger, dt.date(2026, 10, 20))] == ["张小明"]
    assert db.query(ledgers.suspected_ledger, dt.date(2026, 10, 19)) == []


def test_an_absence_with_a_known_reason_is_never_suspected(school, actor) -> None:
    db, ids = school
    db.run(absences.record_absence, actor, ids["李小红"], dt.date(2026, 9, 7), reason_known=True,
           reason="肺炎住院，家长已请假", today=TODAY)
    [absence] = db.query(absences.absences, TODAY)
    assert absence.school_days > 30 and absence.reason == "肺炎住院，家长已请假"
    assert (absence.suspected_on, absence.dropout_on, absence.state(TODAY)) == (None, None, "absent")
    assert db.query(absences.cases_to_open, TODAY) == []
    assert db.query(ledgers.suspected_ledger, TODAY) == db.query(ledgers.dropout_ledger, TODAY) == []


def test_cases_to_open_stops_proposing_once_the_case_is_open(school, actor) -> None:
    db, ids = school
    absence_id = db.run(absences.record_absence, actor, ids["王小刚"], MONDAY, today=TODAY)
    [proposed] = db.query(absences.cases_to_open, TODAY)
    assert (proposed.id, proposed.student_id, proposed.case_id) == (absence_id, ids["王小刚"], None)
    case_id = db.run(case_files.open_case, actor, ids["王小刚"], absence_id, today=FRIDAY)
    assert db.query(absences.cases_to_open, TODAY) == []
    [absence] = db.query(absences.absences, TODAY)
    assert (absence.case_id, absence.case_status) == (case_id, CaseStatus.PERSUADING)


def test_no_case_is_proposed_for_a_student_who_already_has_an_open_case(school, actor) -> None:
    db, ids = school
    db.run(absences.record_absence, actor, ids["王小刚"], MONDAY, today=TODAY)
    db.run(case_files.open_case, actor, ids["王小刚"], None, today=FRIDAY)  # opened from the student's page
    assert db.query(absences.cases_to_open, TODAY) == []


def test_the_dropout_threshold_is_thirty_days_after_suspected_or_the_setting(school, actor) -> None:
    db, ids = school
    db.run(absences.record_absence, actor, ids["张小明"], MONDAY, today=TODAY)
    [absence] = db.query(absences.absences, TODAY)
    assert (absence.suspected_on, absence.dropout_on) == (FRIDAY, DROPOUT_DAY)
    assert absence.state(DROPOUT_DAY - dt.timedelta(days=1)) == "suspected"
    assert absence.state(DROPOUT_DAY) == "dropout"
    before = DROPOUT_DAY - dt.timedelta(days=1)
    assert [r.name for r in db.query(ledgers.suspected_ledger, before)] == ["张小明"]
    assert db.query(ledgers.dropout_ledger, before) == []
    assert [r.name for r in db.query(ledgers.dropout_ledger, DROPOUT_DAY)] == ["张小明"]
    assert db.query(ledgers.suspected_ledger, DROPOUT_DAY) == []

    db.run(rules.set_setting, actor, "dropout.dropout_days", 28)  # four weeks, as some provinces count
    assert db.query(rules.setting, "dropout.dropout_days") == 28
    [absence] = db.query(absences.absences, TODAY)
    assert absence.dropout_on == FRIDAY + dt.timedelta(days=28)
    assert [r.name for r in db.query(ledgers.dropout_ledger, FRIDAY + dt.timedelta(days=28))] == ["张小明"]


def test_a_shorter_suspect_threshold_flags_earlier(school, actor) -> None:
    db, ids = school
    db.run(rules.set_setting, actor, "dropout.suspect_school_days", 3)
    db.run(absences.record_absence, actor, ids["张小明"], MONDAY, today=TODAY)
    [absence] = db.query(absences.absences, TODAY)
    assert absence.suspected_on == dt.date(2026, 10, 14)


@pytest.mark.parametrize(("key", "value"), [
    ("dropout.suspect_school_days", 0), ("dropout.suspect_school_days", 31), ("dropout.dropout_days", 6),
    ("dropout.dropout_days", 121), ("dropout.attempts_before_notice", 0), ("dropout.notice_deadline_days", 2),
])
def test_settings_out_of_range_are_refused(township_db, actor, key: str, value: int) -> None:
    default = rules.SETTINGS[key][0]
    with pytest.raises(ValidationFailed) as refused:
        township_db.run(rules.set_setting, actor, key, value)
    assert fields_and_codes(refused) == {(key, "dropout.setting")}
    assert township_db.query(rules.setting, key) == default


def test_a_damaged_stored_setting_falls_back_to_the_default(township_db, actor) -> None:
    township_db.run(township.set_setting, actor, "dropout.dropout_days", "四周")
    assert township_db.query(rules.setting, "dropout.dropout_days") == 30
    township_db.run(township.set_setting, actor, "dropout.dropout_days", "500")
    assert township_db.query(rules.setting, "dropout.dropout_days") == 30


# --- Recording absences --------------------------------------------------------------------------------------


def test_an_absence_starting_in_the_future_is_refused(school, actor) -> None:
    db, ids = school
    with pytest.raises(ValidationFailed) as refused:
        db.run(absences.record_absence, actor, ids["张小明"], TODAY + dt.timedelta(days=1), today=TODAY)
    assert fields_and_codes(refused) == {("start_date", "absence.future")}
    assert db.query(absences.absences, TODAY, open_only=False) == []


def test_an_absence_ending_before_it_begins_is_refused(school, actor) -> None:
    db, ids = school
    with pytest.raises(ValidationFailed) as refused:
        db.run(absences.record_absence, actor, ids["张小明"], MONDAY, MONDAY - dt.timedelta(days=1), today=TODAY)
    assert fields_and_codes(refused) == {("end_date", "absence.end")}
    absence_id = db.run(absences.record_absence, actor, ids["张小明"], MONDAY, today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        db.run(absences.end_absence, actor, absence_id, MONDAY - dt.timedelta(days=1))
    assert codes(refused) == {"absence.end"}


def test_overlapping_absences_are_refused(school, actor) -> None:
    db, ids = school
    sid = ids["张小明"]
    db.run(absences.record_absence, actor, sid, MONDAY, FRIDAY, today=TODAY)
    for start, end in ((FRIDAY, dt.date(2026, 10, 20)), (dt.date(2026, 10, 5), MONDAY), (dt.date(2026, 10, 13), None),
                       (dt.date(2026, 10, 1), None)):
        with pytest.raises(ValidationFailed) as refused:
            db.run(absences.record_absence, actor, sid, start, end, today=TODAY)
        assert fields_and_codes(refused) == {("start_date", "absence.overlap")}, (start, end)
    db.run(absences.record_absence, actor, sid, dt.date(2026, 10, 19), today=TODAY)  # the next week: fine
    with pytest.raises(ValidationFailed) as refused:  # an open absence runs on: nothing later may start
        db.run(absences.record_absence, actor, sid, TODAY, today=TODAY)
    assert codes(refused) == {"absence.overlap"}
    db.run(absences.record_absence, actor, ids["李小红"], MONDAY, today=TODAY)  # another child, same days
    assert len(db.query(absences.absences, TODAY, open_only=False)) == 3


@pytest.mark.parametrize("status", [EnrollmentStatus.TRANSFERRED_OUT, EnrollmentStatus.NOT_ENROLLED])
def test_only_students_on_the_roll_can_be_absent(school, actor, status: EnrollmentStatus) -> None:
    db, ids = school
    if status is EnrollmentStatus.TRANSFERRED_OUT:
        sid = ids["张小明"]
        db.run(roster.change_status, actor, sid, status, dt.date(2026, 9, 30), "随父母迁居", destination="昆明市某小学",
               today=TODAY)
    else:
        sid = pupil(db, actor, "周小小", 9, birth=dt.date(2019, 5, 1), grade=1, status=status, entry_date=None)
    with pytest.raises(ValidationFailed) as refused:
        db.run(absences.record_absence, actor, sid, MONDAY, today=TODAY)
    assert fields_and_codes(refused) == {("student_id", "absence.status")}
    assert db.query(absences.absences, TODAY, open_only=False) == []


def test_every_problem_of_an_absence_is_reported_at_once(school, actor) -> None:
    db, ids = school
    with pytest.raises(ValidationFailed) as refused:
        db.run(absences.record_absence, actor, ids["张小明"], TODAY + dt.timedelta(days=3), TODAY, reason_known=True,
               reason="  ", today=TODAY)
    assert fields_and_codes(refused) == {("start_date", "absence.future"), ("end_date", "absence.end"),
                                         ("reason", "absence.reason")}
    with pytest.raises(NotFound):
        db.run(absences.record_absence, actor, 9999, MONDAY, today=TODAY)


def test_recording_an_absence_is_audited(school, actor) -> None:
    db, ids = school
    absence_id = db.run(absences.record_absence, actor, ids["张小明"], MONDAY, today=TODAY)
    db.run(absences.end_absence, actor, absence_id, FRIDAY, reason="家中有事，已补假条")
    history = db.query(audit.history, absences.ABSENCE, absence_id)
    assert [(h.action, h.actor) for h in history] == [("create", "李老师"), ("update", "李老师")]
    assert history[1].after["end_date"] == FRIDAY.isoformat() and history[1].after["reason_known"] is True
    assert db.query(absences.absences, TODAY) == []  # ended: no longer an open absence


# --- The workflow ------------------------------------------------------------------------------------------


def reach(db, actor, student_id: int, status: CaseStatus) -> int:
    """A case brought to ``status`` the way a school would."""
    case_id = case_for(db, actor, student_id)
    moved_on = dt.date(2026, 10, 23)
    if status is CaseStatus.RETURNED:
        db.run(case_files.move_case, actor, case_id, status, moved_on, return_date=moved_on, today=TODAY,
               placement="单独编班")
    elif status is CaseStatus.HOME_TEACHING:
        disabled(db, actor, student_id)
        db.run(case_files.move_case, actor, case_id, status, moved_on, note="每周两次送教上门", today=TODAY)
    elif status is CaseStatus.TRANSFERRED:
        db.run(case_files.move_case, actor, case_id, status, moved_on, transfer_to="昆明市五华区红旗小学", today=TODAY,
               confirmation=replace(CONFIRMED, on=moved_on))
    elif status is CaseStatus.OTHER:
        db.run(case_files.move_case, actor, case_id, status, moved_on, note="随家人迁居外省，去向核实中", today=TODAY)
    return case_id


@pytest.mark.parametrize(("source", "target"), list(itertools.product(CaseStatus, CaseStatus)),
                         ids=lambda status: status.name)
def test_a_case_moves_exactly_as_the_workflow_allows(school, actor, source: CaseStatus, target: CaseStatus) -> None:
    db, ids = school
    case_id = reach(db, actor, ids["张小明"], source)
    assert case(db, case_id).status is source
    if target is CaseStatus.HOME_TEACHING and source is not CaseStatus.HOME_TEACHING:
        disabled(db, actor, ids["张小明"])
    move = (case_files.move_case, actor, case_id, target, CLOSING)
    extras = {"return_date": CLOSING, "transfer_to": "攀枝花市东区炳草岗小学", "note": "结案说明", "today": TODAY,
              "confirmation": CONFIRMED, "placement": "插班", "placement_grade": 4}
    if target in vocabulary.TRANSITIONS[source]:
        db.run(*move, **extras)
        assert (case(db, case_id).status, case(db, case_id).closed_on) == (target, CLOSING)
    else:
        with pytest.raises(ValidationFailed) as refused:
            db.run(*move, **extras)
        assert fields_and_codes(refused) == {("status", "case.move")}
        assert case(db, case_id).status is source


def test_the_workflow_persuades_to_one_of_four_outcomes() -> None:
    assert case_files.allowed_moves("劝返中") == [CaseStatus.RETURNED, CaseStatus.HOME_TEACHING, CaseStatus.TRANSFERRED,
                                              CaseStatus.OTHER]
    assert case_files.allowed_moves(CaseStatus.HOME_TEACHING) == [CaseStatus.RETURNED]
    assert [s for s in CaseStatus if s.is_open] == [CaseStatus.PERSUADING]
    for final in (CaseStatus.RETURNED, CaseStatus.TRANSFERRED, CaseStatus.OTHER):
        assert case_files.allowed_moves(final) == []


def test_each_outcome_needs_its_details(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    attempts = {
        (CaseStatus.RETURNED, ()): {("return_date", "case.return_date"), ("placement", "case.placement")},
        (CaseStatus.TRANSFERRED, (("transfer_to", "  "),)): {("transfer_to", "case.transfer"),
                                                            ("confirmation", "case.transfer_unconfirmed")},
        (CaseStatus.TRANSFERRED, (("transfer_to", "昆明市五华区红旗小学"),)): {
            ("confirmation", "case.transfer_unconfirmed")},
        (CaseStatus.OTHER, ()): {("note", "case.note")},
        (CaseStatus.HOME_TEACHING, (("note", " "),)): {("note", "case.note"), ("status", "case.no_disability")},
        (CaseStatus.RETURNED, (("return_date", MONDAY - dt.timedelta(days=1)), ("placement", "插班"))): {
            ("return_date", "case.return_range"), ("placement_grade", "case.placement_grade")},
        (CaseStatus.RETURNED, (("return_date", dt.date(2026, 12, 25)), ("placement", "单独编班"))): {
            ("return_date", "case.return_range")},
    }
    for (target, extras), expected in attempts.items():
        with pytest.raises(ValidationFailed) as refused:
            db.run(case_files.move_case, actor, case_id, target, CLOSING, today=TODAY, **dict(extras))
        assert fields_and_codes(refused) == expected, target
    for on in (FRIDAY - dt.timedelta(days=1), dt.date(2026, 12, 25)):  # before the case, or in the future
        with pytest.raises(ValidationFailed) as refused:
            db.run(case_files.move_case, actor, case_id, CaseStatus.OTHER, on, note="去向不明", today=TODAY)
        assert fields_and_codes(refused) == {("on", "case.date")}
    assert case(db, case_id).status is CaseStatus.PERSUADING


def test_bringing_a_dropout_back_writes_them_off_but_keeps_the_file(school, actor) -> None:
    """劝返一个、销号一个: the child leaves the dropout ledger; the case and the history stay."""
    db, ids = school
    sid = ids["张小明"]
    case_id = case_for(db, actor, sid)
    with pytest.raises(NotAllowed):  # not yet thirty days after becoming a suspected dropout
        db.run(case_files.confirm_dropout, actor, case_id, today=DROPOUT_DAY - dt.timedelta(days=1))
    db.run(case_files.confirm_dropout, actor, case_id, today=TODAY)
    db.run(case_files.confirm_dropout, actor, case_id, today=TODAY)  # twice is harmless
    assert status_of(db, sid) == "辍学"
    [row] = db.query(ledgers.dropout_ledger, TODAY)
    assert (row.student_id, row.case_id, row.status) == (sid, case_id, EnrollmentStatus.DROPPED_OUT)

    back = dt.date(2026, 11, 18)
    db.run(case_files.move_case, actor, case_id, CaseStatus.RETURNED, back, return_date=back, today=TODAY,
           placement="插班", placement_grade=4)

    assert status_of(db, sid) == "在读"
    assert db.query(absences.absences, TODAY) == []
    [absence] = db.query(absences.absences, TODAY, open_only=False)
    assert absence.end_date == back - dt.timedelta(days=1)  # away until the day before the return
    [kept] = db.query(case_files.list_cases)
    assert (kept.id, kept.status, kept.closed_on, kept.student_status) == (
        case_id, CaseStatus.RETURNED, back, EnrollmentStatus.ENROLLED)
    assert kept.status.value == "已返校"
    assert db.query(ledgers.dropout_ledger, TODAY) == db.query(ledgers.suspected_ledger, TODAY) == []
    changes = [(c.from_status.value, c.to_status.value, c.effective_date) for c in db.query(roster.status_history, sid)]
    assert changes == [("在读", "辍学", DROPOUT_DAY), ("辍学", "在读", back)]
    statuses = [h.after.get("status") for h in db.query(audit.history, roster.ENTITY, sid) if h.action == "status"]
    assert statuses == ["辍学", "在读"]
    case_changes = {c.field: (c.before, c.after) for c in db.query(audit.history, case_files.CASE, case_id)[-1].changes}
    assert case_changes["status"] == ("劝返中", "已返校")
    assert case_changes["return_date"] == (None, back.isoformat())


def test_a_transfer_records_the_student_as_transferred_out(school, actor) -> None:
    db, ids = school
    sid = ids["李小红"]
    case_id = case_for(db, actor, sid)
    db.run(case_files.move_case, actor, case_id, CaseStatus.TRANSFERRED, CLOSING, transfer_to="  昆明市五华区红旗小学 ",
           today=TODAY, confirmation=CONFIRMED)
    assert status_of(db, sid) == "转出"
    last = db.query(roster.status_history, sid)[-1]
    assert (last.to_status, last.effective_date, last.destination) == (
        EnrollmentStatus.TRANSFERRED_OUT, CLOSING, "昆明市五华区红旗小学")
    [absence] = db.query(absences.absences, TODAY, open_only=False)
    assert absence.end_date == CLOSING
    assert case(db, case_id).status is CaseStatus.TRANSFERRED and not case(db, case_id).status.is_open
    [transfer] = db.query(transfers.history, sid)
    assert (transfer.school, transfer.since, transfer.confirmed_how, transfer.confirmed_on) == (
        "昆明市五华区红旗小学", CLOSING, "学籍系统", CLOSING)


def test_a_case_is_not_closed_as_transferred_on_a_parents_word(school, actor) -> None:
    """Case 5 of the issue: a parent's phone call (学校核实中) is no confirmation. The child recorded 转出
    meanwhile stays 转出待核实 and the case open, until the receiving school is confirmed."""
    db, ids = school
    sid = ids["李小红"]
    case_id = case_for(db, actor, sid)
    with pytest.raises(ValidationFailed) as refused:
        db.run(case_files.move_case, actor, case_id, CaseStatus.TRANSFERRED, CLOSING, transfer_to="昆明市五华区红旗小学",
               today=TODAY)
    assert fields_and_codes(refused) == {("confirmation", "case.transfer_unconfirmed")}
    assert "李小红" in refused.value.problems[0].message
    db.run(roster.change_status, actor, sid, EnrollmentStatus.TRANSFERRED_OUT, CLOSING, "家长电话称已转学",
           destination="昆明市五华区红旗小学", today=TODAY)
    with pytest.raises(ValidationFailed):
        db.run(case_files.move_case, actor, case_id, CaseStatus.TRANSFERRED, CLOSING, transfer_to="昆明市五华区红旗小学",
               today=TODAY)
    assert case(db, case_id).status is CaseStatus.PERSUADING
    db.run(case_files.move_case, actor, case_id, CaseStatus.TRANSFERRED, CLOSING, transfer_to="昆明市五华区红旗小学",
           today=TODAY, confirmation=CONFIRMED)
    assert case(db, case_id).status is CaseStatus.TRANSFERRED
    [transfer] = db.query(transfers.history, sid)
    assert transfer.confirmed and transfer.confirmed_with == "红旗小学教务处李老师"


def test_home_teaching_keeps_a_dropout_on_the_roll(school, actor) -> None:
    db, ids = school
    sid = ids["王小刚"]
    case_id = case_for(db, actor, sid)
    db.run(case_files.confirm_dropout, actor, case_id, today=TODAY)
    with pytest.raises(ValidationFailed) as refused:  # 送教上门 is a placement: it needs the disability record
        db.run(case_files.move_case, actor, case_id, CaseStatus.HOME_TEACHING, TODAY, note="重度残疾，每周两次送教上门",
               today=TODAY)
    assert fields_and_codes(refused) == {("status", "case.no_disability")}
    assert status_of(db, sid) == "辍学" and case(db, case_id).status is CaseStatus.PERSUADING
    disabled(db, actor, sid)  # 待安置 until the case closes
    db.run(case_files.move_case, actor, case_id, CaseStatus.HOME_TEACHING, TODAY, note="重度残疾，每周两次送教上门",
           today=TODAY)
    assert status_of(db, sid) == "在读"
    # The placement is recorded in the same transaction, the 待安置 record kept as history.
    assert [(r.placement.value, r.since) for r in db.query(disabilities.history, sid)] == [
        ("待安置", dt.date(2026, 10, 1)), ("送教上门", TODAY)]
    assert db.query(ledgers.dropout_ledger, TODAY) == []
    with pytest.raises(NotAllowed):  # no longer being persuaded
        log(db, actor, case_id, TODAY)


def test_one_open_case_per_student(school, actor) -> None:
    db, ids = school
    sid = ids["张小明"]
    first = case_for(db, actor, sid)
    with pytest.raises(NotAllowed):
        db.run(case_files.open_case, actor, sid, None, today=TODAY)
    # Back on 16 October and followed up for a month (issue 19): away again after that, a new episode, a new file.
    db.run(rules.set_setting, actor, "dropout.follow_up_months", 1)
    back = dt.date(2026, 10, 16)
    db.run(case_files.move_case, actor, first, CaseStatus.RETURNED, back, return_date=back, today=TODAY,
           placement="插班", placement_grade=4)
    second = case_for(db, actor, sid, start=dt.date(2026, 11, 17))
    assert [c.id for c in db.query(case_files.list_cases)] == [second, first]  # open first
    assert [c.id for c in db.query(case_files.list_cases, open_only=True)] == [second]


def test_a_case_cannot_take_another_students_absence(school, actor) -> None:
    db, ids = school
    absence_id = db.run(absences.record_absence, actor, ids["张小明"], MONDAY, today=TODAY)
    with pytest.raises(NotFound):
        db.run(case_files.open_case, actor, ids["李小红"], absence_id, today=FRIDAY)
    with pytest.raises(NotFound):
        db.run(case_files.open_case, actor, 9999, None, today=FRIDAY)
    assert db.query(case_files.list_cases) == []


def test_the_case_form_is_checked_and_kept(school, actor) -> None:
    db, ids = school
    with pytest.raises(ValidationFailed) as refused:
        case_for(db, actor, ids["张小明"], form=CaseForm(reason_category="不想读", reported_township_on=dt.date(2026, 12, 1),
                                                          class_teacher_id=9999))
    assert fields_and_codes(refused) == {("reason_category", "case.reason"), ("reported_township_on", "case.report_date"),
                                         ("class_teacher_id", "case.teacher")}
    absence_id = db.query(absences.absences, TODAY)[0].id
    form = CaseForm(reason_category=Reason.MIGRATION.value, reason_text=" 随父母到昆明打工 ", reported_township_on=FRIDAY)
    case_id = db.run(case_files.open_case, actor, ids["张小明"], absence_id, form, today=FRIDAY)
    kept = db.query(case_files.case_form, case_id)
    assert (kept.reason_category, kept.reason_text, kept.reported_township_on) == (
        "外出务工/随父母外出", "随父母到昆明打工", FRIDAY)
    kept.current_situation, kept.remedies = "仍在昆明", "返校后安排补课"
    db.run(case_files.update_case, actor, case_id, kept, today=TODAY)
    assert db.query(case_files.case_form, case_id).remedies == "返校后安排补课"
    view = case(db, case_id)
    assert (view.reason, view.absence_began, view.opened_on, view.grade, view.village) == (
        Reason.MIGRATION, MONDAY, FRIDAY, "四年级", "波西村")


def test_a_student_with_a_case_file_cannot_be_deleted(school, actor) -> None:
    db, ids = school
    case_for(db, actor, ids["张小明"])
    with pytest.raises(NotAllowed):
        db.run(roster.delete_student, actor, ids["张小明"])


# --- The persuasion log -------------------------------------------------------------------------------------


def test_a_correction_is_a_new_entry_pointing_at_the_old(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    wrong = log(db, actor, case_id, dt.date(2026, 10, 17), result="家长同意返校")
    other = log(db, actor, case_id, dt.date(2026, 10, 20))
    fixed = db.run(persuasion.correct_attempt, actor, wrong, entry(dt.date(2026, 10, 17), result="家长未同意，仍需再访"),
                   today=TODAY)
    rows = {a.id: a for a in db.query(persuasion.attempts, case_id)}
    assert set(rows) == {wrong, other, fixed}  # nothing removed
    assert (rows[wrong].result, rows[wrong].corrected_by, rows[wrong].counts) == ("家长同意返校", fixed, False)
    assert (rows[fixed].result, rows[fixed].corrects_id, rows[fixed].counts) == ("家长未同意，仍需再访", wrong, True)
    assert rows[other].counts and rows[fixed].recorded_by == "李老师"
    assert (case(db, case_id).attempts, case(db, case_id).failed_attempts) == (2, 2)

    with pytest.raises(NotAllowed):  # the old entry has its correction already
        db.run(persuasion.correct_attempt, actor, wrong, entry(dt.date(2026, 10, 17)), today=TODAY)
    again = db.run(persuasion.correct_attempt, actor, fixed, entry(dt.date(2026, 10, 18)), today=TODAY)
    rows = {a.id: a for a in db.query(persuasion.attempts, case_id)}
    assert (rows[again].corrects_id, rows[fixed].counts, case(db, case_id).attempts) == (fixed, False, 2)
    assert [h.action for h in db.query(audit.history, persuasion.ATTEMPT, again)] == ["create"]


def test_the_database_refuses_to_change_or_delete_the_log(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    log(db, actor, case_id, dt.date(2026, 10, 17))
    for statement in ("UPDATE persuasion_attempts SET result = '已返校', succeeded = 1",
                      "DELETE FROM persuasion_attempts"):
        with pytest.raises(IntegrityError, match="never"):
            with db.write() as session:
                session.connection().exec_driver_sql(statement)
    [kept] = db.query(persuasion.attempts, case_id)
    assert (kept.result, kept.succeeded) == ("家长仍不同意返校", False)


def test_attempts_are_logged_only_on_open_cases_and_after_the_absence(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    with pytest.raises(ValidationFailed) as refused:
        log(db, actor, case_id, MONDAY - dt.timedelta(days=1))
    assert fields_and_codes(refused) == {("attempt_date", "attempt.early")}
    with pytest.raises(ValidationFailed) as refused:
        db.run(persuasion.log_attempt, actor, case_id, AttemptEntry(TODAY + dt.timedelta(days=1), " ", "", "托人带话", ""),
               today=TODAY)
    assert fields_and_codes(refused) == {("attempt_date", "attempt.date"), ("visitors", "attempt.visitors"),
                                         ("method", "attempt.method"), ("result", "attempt.result")}
    logged = log(db, actor, case_id, MONDAY)  # the day the absence began is fine
    db.run(case_files.move_case, actor, case_id, CaseStatus.OTHER, CLOSING, note="随家人迁居外省", today=TODAY)
    with pytest.raises(NotAllowed):
        log(db, actor, case_id, CLOSING)
    # A closed case's log can still be put right: the correction is not a new attempt.
    db.run(persuasion.correct_attempt, actor, logged, entry(MONDAY, result="家长电话未接通"), today=TODAY)
    assert case(db, case_id).attempts == 1


def test_evidence_files_are_counted_on_the_attempt(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    attempt_id = db.run(persuasion.log_attempt, actor, case_id, entry(dt.date(2026, 10, 17)),
                        files=[("入户照片.jpg", b"\xff\xd8photo"), ("签字记录.pdf", b"%PDF-1.4")], today=TODAY)
    bare = log(db, actor, case_id, dt.date(2026, 10, 19))
    db.run(persuasion.add_evidence, actor, attempt_id, "补拍照片.png", b"\x89PNG")
    evidence = {a.id: a.evidence for a in db.query(persuasion.attempts, case_id)}
    assert evidence == {attempt_id: 3, bare: 0}
    names = [f.file_name for f in db.query(attachments.list_for, persuasion.ATTEMPT, attempt_id)]
    assert sorted(names) == sorted(["入户照片.jpg", "签字记录.pdf", "补拍照片.png"])
    with pytest.raises(NotFound):
        db.run(persuasion.add_evidence, actor, 9999, "照片.png", b"\x89PNG")


# --- Escalation: the enrollment-urging notice -----------------------------------------------------------------


def test_the_notice_is_proposed_after_repeated_failure(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    log(db, actor, case_id, dt.date(2026, 10, 17), succeeded=True, result="家长答应送回，但未兑现")
    log(db, actor, case_id, dt.date(2026, 10, 19))
    assert not case(db, case_id).notice_due  # one failure so far; a "success" is not a failure
    log(db, actor, case_id, dt.date(2026, 10, 21), method=Method.VILLAGE.value)
    assert (case(db, case_id).failed_attempts, case(db, case_id).notice_due) == (2, True)
    db.run(rules.set_setting, actor, "dropout.attempts_before_notice", 3)
    assert not case(db, case_id).notice_due
    db.run(rules.set_setting, actor, "dropout.attempts_before_notice", 2)
    db.run(notices.issue_notice, actor, case_id, dt.date(2026, 10, 23), today=TODAY)
    assert not case(db, case_id).notice_due  # issued: no longer proposed


def test_notices_are_numbered_per_year(school, actor) -> None:
    db, ids = school
    assert db.query(rules.notice_prefix) == "平府教"
    last_year = case_for(db, actor, ids["张小明"], start=dt.date(2025, 11, 10))
    ready(db, actor, last_year, dt.date(2025, 11, 20))
    first = db.run(notices.issue_notice, actor, last_year, dt.date(2025, 12, 1), today=TODAY)
    this_year = [case_for(db, actor, ids[name]) for name in ("李小红", "王小刚")]
    for case_id in this_year:
        ready(db, actor, case_id)
    numbers = [db.run(notices.issue_notice, actor, case_id, dt.date(2026, 10, 23),
                      today=TODAY) for case_id in this_year]
    documents = {n.id: n.document_number for c in [last_year, *this_year] for n in db.query(notices.notices, c)}
    assert [documents[first], *(documents[n] for n in numbers)] == [
        "平府教〔2025〕1号", "平府教〔2026〕1号", "平府教〔2026〕2号"]
    db.run(township.set_setting, actor, "dropout.notice_prefix", "平教督")
    another = case_for(db, actor, ids["赵小花"])
    ready(db, actor, another)
    db.run(notices.issue_notice, actor, another, dt.date(2026, 10, 26), today=TODAY)
    assert case(db, another).notice.document_number == "平教督〔2026〕3号"


def test_the_notice_deadline(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    ready(db, actor, case_id)
    issued = dt.date(2026, 10, 23)
    for deadline in (issued, issued - dt.timedelta(days=1)):
        with pytest.raises(ValidationFailed) as refused:
            db.run(notices.issue_notice, actor, case_id, issued, deadline, today=TODAY)
        assert fields_and_codes(refused) == {("deadline", "notice.deadline")}
    for day in (FRIDAY - dt.timedelta(days=1), dt.date(2026, 12, 1)):  # before the case, or in the future
        with pytest.raises(ValidationFailed) as refused:
            db.run(notices.issue_notice, actor, case_id, day, today=TODAY)
        assert fields_and_codes(refused) == {("issued_on", "notice.date")}
    db.run(notices.issue_notice, actor, case_id, issued, today=TODAY)
    notice = case(db, case_id).notice
    assert (notice.issued_on, notice.deadline, notice.guardian) == (issued, issued + dt.timedelta(days=15), "张大山")
    other = case_for(db, actor, ids["李小红"])
    ready(db, actor, other)
    db.run(rules.set_setting, actor, "dropout.notice_deadline_days", 20)
    db.run(notices.issue_notice, actor, other, issued, guardian="李大河（父亲）", today=TODAY)
    notice = case(db, other).notice
    assert (notice.deadline, notice.guardian) == (issued + dt.timedelta(days=20), "李大河（父亲）")


def test_a_notice_needs_an_open_case_and_a_guardian(school, actor) -> None:
    db, ids = school
    orphan = pupil(db, actor, "孤儿", 8, guardian_name="")
    case_id = case_for(db, actor, orphan)
    ready(db, actor, case_id)
    with pytest.raises(ValidationFailed) as refused:
        db.run(notices.issue_notice, actor, case_id, dt.date(2026, 10, 23), today=TODAY)
    assert fields_and_codes(refused) == {("guardian", "notice.guardian")}
    closed = reach(db, actor, ids["张小明"], CaseStatus.RETURNED)
    with pytest.raises(ValidationFailed) as refused:
        db.run(notices.issue_notice, actor, closed, dt.date(2026, 10, 26), today=TODAY)
    assert codes(refused) == {"notice.closed"}
    assert db.query(notices.notices, closed) == []


def test_the_receipt_and_the_expired_deadline(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    ready(db, actor, case_id)
    issued = dt.date(2026, 10, 23)
    notice_id = db.run(notices.issue_notice, actor, case_id, issued, today=TODAY)
    with pytest.raises(ValidationFailed) as refused:
        db.run(notices.record_receipt, actor, notice_id, issued - dt.timedelta(days=1), " ", today=TODAY)
    assert fields_and_codes(refused) == {("served_on", "notice.served"), ("served_to", "notice.served_to")}
    db.run(notices.record_receipt, actor, notice_id, dt.date(2026, 10, 24), "张大山", "由村委会送达，祖父代签", today=TODAY)
    [notice] = db.query(notices.notices, case_id)
    assert (notice.served_on, notice.served_to) == (dt.date(2026, 10, 24), "张大山")

    deadline = issued + dt.timedelta(days=15)
    view = case(db, case_id)
    assert not view.notice_expired(deadline)  # the last day still counts
    assert view.notice_expired(deadline + dt.timedelta(days=1))
    assert view.as_json(TODAY)["notice_expired"] is True
    db.run(case_files.move_case, actor, case_id, CaseStatus.RETURNED, TODAY, return_date=TODAY, today=TODAY,
           placement="插班", placement_grade=4)
    assert not case(db, case_id).notice_expired(TODAY)  # back at school: nothing overdue


# --- The three ledgers ------------------------------------------------------------------------------------


def test_the_school_age_ledger_lists_children_of_six_to_fifteen_on_31_august(school, actor) -> None:
    db, ids = school
    # Ages on 31 August 2026: the boundaries of compulsory education are 6 and 15 included.
    six = pupil(db, actor, "六岁", 11, birth=dt.date(2020, 8, 31), status=EnrollmentStatus.NOT_ENROLLED, grade=1,
                entry_date=None)
    pupil(db, actor, "五岁", 12, birth=dt.date(2020, 9, 1), stage="学前", grade=3, confirmed=("age.grade",))
    fifteen = pupil(db, actor, "十五", 13, birth=dt.date(2011, 8, 31), stage="初中", grade=9, confirmed=("age.grade",))
    pupil(db, actor, "十六", 14, birth=dt.date(2010, 8, 31), stage="初中", grade=9, confirmed=("age.grade",))
    rows = {r.student_id: r for r in db.query(ledgers.school_age_ledger, TODAY)}
    assert set(rows) == {*ids.values(), six, fifteen}
    assert rows[six].status is EnrollmentStatus.NOT_ENROLLED and rows[six].note  # a child not at school
    assert (rows[six].age, rows[fifteen].age) == (6, 15)
    assert all(not rows[sid].note for sid in ids.values())
    assert rows[ids["张小明"]].village == "波西村" and rows[ids["张小明"]].grade == "四年级1班"
    db.run(roster.change_status, actor, ids["王小刚"], EnrollmentStatus.DROPPED_OUT, dt.date(2026, 10, 9), "外出务工", today=TODAY)
    assert {r.student_id for r in db.query(ledgers.school_age_ledger, TODAY) if r.note} == {six, ids["王小刚"]}


def test_the_suspected_and_dropout_ledgers(school, actor) -> None:
    db, ids = school
    suspected_case = case_for(db, actor, ids["李小红"], start=dt.date(2026, 11, 9))  # suspected on the 13th
    db.run(absences.record_absence, actor, ids["张小明"], MONDAY, today=TODAY)  # past the dropout threshold
    db.run(roster.change_status, actor, ids["王小刚"], EnrollmentStatus.DROPPED_OUT, dt.date(2026, 9, 20), "外出务工", today=TODAY)
    db.run(absences.record_absence, actor, ids["赵小花"], MONDAY, reason_known=True, reason="骨折", today=TODAY)

    [suspected] = db.query(ledgers.suspected_ledger, TODAY)
    assert (suspected.name, suspected.case_id, suspected.village) == ("李小红", suspected_case, "辣子哨村")
    assert "2026-11-09" in suspected.note
    dropouts = {r.name: r for r in db.query(ledgers.dropout_ledger, TODAY)}
    assert set(dropouts) == {"张小明", "王小刚"}
    assert dropouts["王小刚"].status is EnrollmentStatus.DROPPED_OUT and dropouts["王小刚"].case_id is None
    assert dropouts["张小明"].status is EnrollmentStatus.ENROLLED and MONDAY.isoformat() in dropouts["张小明"].note
    assert [r.name for r in db.query(ledgers.dropout_ledger, TODAY)] == ["张小明", "王小刚"]  # 波西村 before 辣子哨村


# --- The dropout rate --------------------------------------------------------------------------------------

TERM = (dt.date(2026, 9, 1), dt.date(2026, 11, 13))  # a period that ended a week before TODAY


@pytest.fixture
def five_hundred(township_db, actor):
    """500 primary pupils on the roll since last year: 400 at the central school, 100 at 波西村小学."""
    db = township_db
    template = student_form(db, "学生", entry_date=dt.date(2025, 9, 1))
    central, village = school_id(db, "平地镇中心校"), school_id(db, "波西村小学")
    forms = [(replace(template, name=f"学生{n:03d}", sex="男" if n % 2 else "女",
                      id_number=make_number("510411", template.birth_date, n),
                      school_id=central if n < 400 else village), ()) for n in range(500)]
    ids = db.run(roster.add_students, actor, forms, today=TODAY)
    return db, ids[:400], ids[400:]


def rates(db, stage: str = "小学") -> tuple[dict[str, RateRow], RateRow]:
    rows, overall = db.query(dropout_rates, *TERM, (stage,))
    return {r.school: r for r in rows}, overall


def drop(db, actor, student_id: int, day: dt.date) -> None:
    db.run(roster.change_status, actor, student_id, EnrollmentStatus.DROPPED_OUT, day, "外出务工", today=TODAY)


def test_one_dropout_in_five_hundred_meets_the_target_two_do_not(five_hundred, actor) -> None:
    db, central, village = five_hundred
    schools, overall = rates(db)
    assert (overall.enrolled_at_start, overall.dropouts, overall.rate, overall.meets_target) == (500, 0, 0.0, True)
    drop(db, actor, central[0], dt.date(2026, 10, 10))
    schools, overall = rates(db)
    assert (overall.dropouts, overall.rate, overall.meets_target) == (1, 0.002, True)  # 0.2 %: just within
    assert (schools["平地镇中心校"].enrolled_at_start, schools["平地镇中心校"].dropouts) == (400, 1)
    assert not schools["平地镇中心校"].meets_target  # 0.25 % for the school alone
    assert (schools["波西村小学"].enrolled_at_start, schools["波西村小学"].rate) == (100, 0.0)
    drop(db, actor, village[0], dt.date(2026, 11, 2))
    schools, overall = rates(db)
    assert (overall.dropouts, overall.rate, overall.meets_target) == (2, 0.004, False)
    assert sum(r.dropouts for r in schools.values()) == overall.dropouts
    assert sum(r.enrolled_at_start for r in schools.values()) == overall.enrolled_at_start


def test_who_counts_in_the_dropout_rate(five_hundred, actor) -> None:
    db, central, village = five_hundred
    # Brought back within the period: not a dropout.
    drop(db, actor, village[1], dt.date(2026, 10, 12))
    db.run(roster.change_status, actor, village[1], EnrollmentStatus.ENROLLED, dt.date(2026, 10, 26), "劝返复学",
           today=TODAY)
    # Out since before the period: neither enrolled at its start nor a dropout of it.
    drop(db, actor, central[1], dt.date(2026, 6, 15))
    # Dropped out after the period ended: not in this period.
    drop(db, actor, central[2], dt.date(2026, 11, 16))
    # Joined during the period: not in the base.
    pupil(db, actor, "插班生", 1, birth=dt.date(2016, 4, 1), entry_date=dt.date(2026, 10, 8))
    # A junior middle pupil is counted with junior middle, not primary.
    junior = pupil(db, actor, "初中生", 2, birth=dt.date(2013, 3, 2), stage="初中", grade=7,
                   entry_date=dt.date(2025, 9, 1))
    drop(db, actor, junior, dt.date(2026, 10, 15))
    schools, overall = rates(db)
    assert (overall.enrolled_at_start, overall.dropouts) == (499, 0)
    assert (schools["平地镇中心校"].enrolled_at_start, schools["波西村小学"].enrolled_at_start) == (399, 100)
    _schools, junior_overall = rates(db, "初中")
    assert (junior_overall.enrolled_at_start, junior_overall.dropouts, junior_overall.rate) == (1, 1, 1.0)


# --- The term report ---------------------------------------------------------------------------------------


def test_the_term_report_counts_per_school_and_names_the_dropouts(school, actor) -> None:
    db, ids = school
    form = CaseForm(reason_category=Reason.MIGRATION.value, reason_text="随父母到昆明打工",
                    current_situation="仍在昆明，未返校", remedies="返校后安排学习帮扶")
    gone = case_for(db, actor, ids["张小明"], form=form)
    log(db, actor, gone, dt.date(2026, 10, 17), method=Method.PHONE.value)
    log(db, actor, gone, dt.date(2026, 10, 21), method=Method.VILLAGE.value)
    db.run(case_files.confirm_dropout, actor, gone, today=TODAY)
    back = reach(db, actor, ids["王小刚"], CaseStatus.RETURNED)
    case_for(db, actor, ids["赵小花"], start=dt.date(2026, 11, 9))  # 波西村小学: suspected, being persuaded

    report = db.query(term_report.term_report, TODAY)
    assert report.title == "平地镇2026—2027学年秋季学期开学辍学情况报告"
    assert (report.as_of, report.since) == (TODAY, dt.date(2026, 2, 1))  # the spring term began in February
    lines = {line.school: line for line in report.schools}
    central, village = lines["平地镇中心校"], lines["波西村小学"]
    assert (central.enrolled, central.suspected, central.dropouts, central.returned, central.open_cases) == (2, 0, 1, 1, 1)
    assert (village.enrolled, village.suspected, village.dropouts, village.returned, village.open_cases) == (1, 1, 0, 0, 1)
    assert central.rate == pytest.approx(1 / 3)
    assert (report.total.enrolled, report.total.dropouts, report.total.open_cases) == (3, 1, 2)
    [named] = report.dropouts
    assert (named.name, named.school, named.grade, named.village, named.guardian) == (
        "张小明", "平地镇中心校", "四年级1班", "波西村", "张大山")
    assert (named.since, named.reason, named.attempts, named.situation, named.remedies) == (
        MONDAY.isoformat(), "外出务工/随父母外出", 2, "仍在昆明，未返校", "返校后安排学习帮扶")
    assert case(db, back).status is CaseStatus.RETURNED


def test_the_term_report_names_a_repeat_dropout_with_the_current_case(school, actor) -> None:
    db, ids = school
    sid = ids["张小明"]
    # Back on 11 September, followed up for one month: away again after that, a new case (issue 19).
    db.run(rules.set_setting, actor, "dropout.follow_up_months", 1)
    first = case_for(db, actor, sid, start=dt.date(2026, 9, 7), form=CaseForm(reason_category=Reason.POVERTY.value))
    log(db, actor, first, dt.date(2026, 9, 11), succeeded=True, result="家长同意返校")
    back = dt.date(2026, 9, 11)
    db.run(case_files.move_case, actor, first, CaseStatus.RETURNED, back, return_date=back, today=TODAY,
           placement="插班", placement_grade=4)
    current = case_for(db, actor, sid, form=CaseForm(reason_category=Reason.MIGRATION.value,
                                                     current_situation="在昆明", remedies="补课"))
    log(db, actor, current, dt.date(2026, 10, 17))
    log(db, actor, current, dt.date(2026, 10, 24))
    db.run(case_files.confirm_dropout, actor, current, today=TODAY)
    [named] = db.query(term_report.term_report, TODAY).dropouts
    assert (named.since, named.reason, named.attempts, named.situation, named.remedies) == (
        MONDAY.isoformat(), "外出务工/随父母外出", 2, "在昆明", "补课")


# --- What the township's scripts read ------------------------------------------------------------------


def test_the_case_json_keeps_its_names(school, actor) -> None:
    db, ids = school
    case_id = case_for(db, actor, ids["张小明"])
    log(db, actor, case_id, dt.date(2026, 10, 17))
    data = case(db, case_id).as_json(TODAY)
    assert {"id", "student", "status", "opened", "attempts", "notice_deadline"} <= set(data)
    assert (data["id"], data["student"], data["status"], data["opened"], data["attempts"], data["notice_deadline"]) == (
        case_id, "张小明", "劝返中", "2026-10-16", 1, None)
    assert data["days_open"] == (TODAY - FRIDAY).days and data["closed"] is None
    log(db, actor, case_id, dt.date(2026, 10, 19))
    db.run(notices.issue_notice, actor, case_id, dt.date(2026, 10, 23), today=TODAY)
    data = json.loads(json.dumps(case(db, case_id).as_json(TODAY), ensure_ascii=False))
    assert (data["notice_deadline"], data["notice_number"]) == ("2026-11-07", "平府教〔2026〕1号")


# --- Holidays -------------------------------------------------------------------------------------------------


def test_holidays_setting_is_checked_and_used(school, actor) -> None:
    db, ids = school
    for bad in ("07-01", "13-01~13-05", "02-30~03-01", "暑假", "01-01~12-31"):
        with pytest.raises(ValidationFailed) as refused:
            db.run(rules.set_holidays, actor, bad)
        assert refused.value.problems[0].code == "calendar.holidays"
    # A school whose October week off is longer: the absence reaches five school days later.
    db.run(absences.record_absence, actor, ids["王小刚"], dt.date(2026, 9, 28), today=dt.date(2026, 10, 30))
    [before] = db.query(absences.absences, dt.date(2026, 10, 30))
    db.run(rules.save_rules, actor, {}, db.query(rules.notice_prefix), "07-01~08-31，10-01~10-09")
    assert db.query(rules.holidays_setting) == "07-01~08-31, 10-01~10-09"
    [after] = db.query(absences.absences, dt.date(2026, 10, 30))
    assert after.suspected_on is not None and before.suspected_on is not None
    assert after.suspected_on > before.suspected_on
    assert after.school_days < before.school_days
