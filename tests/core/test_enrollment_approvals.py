"""The age rule (应入学) and the 延缓入学 / 休学 approvals, at their boundary dates."""

import datetime as dt

import pytest
from sqlalchemy import select

from schoolaid.common.errors import ValidationFailed
from schoolaid.dropout import ledgers
from schoolaid.reporting import work_list
from schoolaid.roster import enrollment_approvals, roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.enrollment_approvals import ApprovalForm, ApprovalKind, Flag
from schoolaid.storage.models import AuditEvent
from tests.conftest import TODAY, student_form

AUGUST_31 = dt.date(2026, 8, 31)


def preschooler(db, actor, birth: dt.date, sequence: int = 1) -> int:
    form = student_form(db, name=f"学前{sequence}", birth=birth, sequence=sequence, stage="学前", grade=3)
    _, problems = db.query(roster.validate, form, today=TODAY)
    return db.run(roster.add_student, actor, form, confirmed=[p.code for p in problems], today=TODAY)


def flag(db, student_id: int, today: dt.date = TODAY) -> Flag | None:
    return db.query(enrollment_approvals.flags, today, [student_id]).get(student_id)


def deferral(until: dt.date, approved_on: dt.date = dt.date(2026, 7, 1)) -> ApprovalForm:
    return ApprovalForm(kind=ApprovalKind.DEFERRED.value, approving_body="平地镇人民政府", approved_on=approved_on,
                        document_no="平府教〔2026〕3号", ends_on=until)


def suspension(start: dt.date, end: dt.date, approved_on: dt.date = dt.date(2026, 9, 10)) -> ApprovalForm:
    return ApprovalForm(kind=ApprovalKind.SUSPENDED.value, approving_body="仁和区教育和体育局", approved_on=approved_on,
                        reason="因病", starts_on=start, ends_on=end)


@pytest.mark.parametrize(("birth", "flagged"), [
    (dt.date(2020, 8, 30), True),  # six the day before 31 August
    (AUGUST_31.replace(year=2020), True),  # six on 31 August
    (dt.date(2020, 9, 1), False),  # six the day after: next year's entrant
])
def test_a_preschooler_six_on_31_august_is_due_to_enroll(township_db, actor, birth, flagged) -> None:
    sid = preschooler(township_db, actor, birth)
    assert (flag(township_db, sid) is Flag.DUE_TO_ENROLL) is flagged
    row = township_db.query(roster.fetch_rows, [sid], TODAY, full_id_rights=False)[sid]
    assert (row.flag is Flag.DUE_TO_ENROLL) is flagged


@pytest.mark.parametrize(("today", "flagged"), [
    (dt.date(2026, 8, 30), False),  # still 2025—2026学年: the child was five on its reference day
    (AUGUST_31, False),
    (dt.date(2026, 9, 1), True),  # 2026—2027学年: six on 31 August 2026
])
def test_the_school_year_decides_which_31_august_counts(township_db, actor, today, flagged) -> None:
    sid = preschooler(township_db, actor, dt.date(2020, 5, 1))
    assert (flag(township_db, sid, today) is Flag.DUE_TO_ENROLL) is flagged


def test_a_province_reckoning_ages_on_another_day_sets_it(township_db, actor) -> None:
    sid = preschooler(township_db, actor, dt.date(2020, 9, 15))
    assert flag(township_db, sid) is None
    township_db.run(enrollment_approvals.set_age_reference_day, actor, "09-30")
    assert flag(township_db, sid) is Flag.DUE_TO_ENROLL
    with pytest.raises(ValidationFailed):
        township_db.run(enrollment_approvals.set_age_reference_day, actor, "09-31")


def test_a_deferral_lifts_the_flag_until_its_expiry_day(township_db, actor) -> None:
    sid = preschooler(township_db, actor, dt.date(2020, 3, 1))
    expiry = dt.date(2027, 8, 31)
    township_db.run(enrollment_approvals.record_approval, actor, sid, deferral(expiry), today=TODAY)
    assert flag(township_db, sid) is None
    assert flag(township_db, sid, expiry - dt.timedelta(days=1)) is None
    assert flag(township_db, sid, expiry) is Flag.DUE_TO_ENROLL  # flagged again from the expiry day
    assert flag(township_db, sid, expiry + dt.timedelta(days=1)) is Flag.DUE_TO_ENROLL


def test_a_deferral_expiring_today_flags_the_child_today(township_db, actor) -> None:
    sid = preschooler(township_db, actor, dt.date(2020, 3, 1))
    township_db.run(enrollment_approvals.record_approval, actor, sid, deferral(TODAY), today=TODAY)
    assert flag(township_db, sid) is Flag.DUE_TO_ENROLL
    assert flag(township_db, sid, TODAY - dt.timedelta(days=1)) is None


def test_a_newer_approval_supersedes_and_the_older_stays_on_record(township_db, actor) -> None:
    sid = preschooler(township_db, actor, dt.date(2020, 3, 1))
    township_db.run(enrollment_approvals.record_approval, actor, sid, deferral(dt.date(2027, 8, 31)), today=TODAY)
    township_db.run(enrollment_approvals.record_approval, actor, sid,
                    deferral(dt.date(2026, 11, 1), approved_on=dt.date(2026, 10, 1)), today=TODAY)
    assert flag(township_db, sid) is Flag.DUE_TO_ENROLL
    assert [a.ends_on for a in township_db.query(enrollment_approvals.history, sid)] == [
        dt.date(2027, 8, 31), dt.date(2026, 11, 1)]
    with township_db.read() as session:
        recorded = session.scalars(select(AuditEvent.summary).where(
            AuditEvent.entity == enrollment_approvals.ENTITY)).all()
    assert recorded == ["学前1：延缓入学"] * 2


def test_a_deferral_needs_its_body_document_and_expiry(township_db, actor) -> None:
    sid = preschooler(township_db, actor, dt.date(2020, 3, 1))
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(enrollment_approvals.record_approval, actor, sid,
                        ApprovalForm(kind=ApprovalKind.DEFERRED.value, approved_on=TODAY + dt.timedelta(days=1)),
                        today=TODAY)
    assert {p.code for p in failure.value.problems} == {
        "approval.body", "approval.document", "approval.ends_on", "approval.approved_on_future"}
    pupil = township_db.run(roster.add_student, actor, student_form(township_db, sequence=9), today=TODAY)
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(enrollment_approvals.record_approval, actor, pupil, deferral(dt.date(2027, 8, 31)),
                        today=TODAY)
    assert [p.code for p in failure.value.problems] == ["approval.not_preschool"]


def test_a_suspension_puts_the_pupil_on_休学_and_is_flagged_once_run_out(township_db, actor) -> None:
    sid = township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    start, end = dt.date(2026, 9, 10), dt.date(2027, 1, 20)
    township_db.run(enrollment_approvals.record_approval, actor, sid, suspension(start, end), today=TODAY)
    assert township_db.query(roster.get_summary, sid).status is EnrollmentStatus.SUSPENDED
    assert township_db.query(roster.status_history, sid)[-1].effective_date == start
    assert flag(township_db, sid) is None
    assert flag(township_db, sid, end) is None  # the last day away is covered
    assert flag(township_db, sid, end + dt.timedelta(days=1)) is Flag.SUSPENSION_EXPIRED
    township_db.run(roster.change_status, actor, sid, EnrollmentStatus.ENROLLED, TODAY, "复学", today=TODAY)
    assert flag(township_db, sid, end + dt.timedelta(days=1)) is None


def test_a_suspension_ending_yesterday_is_flagged_today(township_db, actor) -> None:
    sid = township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    township_db.run(enrollment_approvals.record_approval, actor, sid,
                    suspension(dt.date(2026, 9, 10), TODAY - dt.timedelta(days=1)), today=TODAY)
    assert flag(township_db, sid) is Flag.SUSPENSION_EXPIRED


def test_休学_without_an_approval_is_flagged(township_db, actor) -> None:
    sid = township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    township_db.run(roster.change_status, actor, sid, EnrollmentStatus.SUSPENDED, TODAY, "因病", today=TODAY)
    assert flag(township_db, sid) is Flag.SUSPENSION_UNAPPROVED
    assert [f.flag for f in township_db.query(enrollment_approvals.flagged_students, TODAY)] == [
        Flag.SUSPENSION_UNAPPROVED]
    township_db.run(enrollment_approvals.record_approval, actor, sid, suspension(TODAY, dt.date(2027, 6, 30)),
                    today=TODAY)
    assert flag(township_db, sid) is None


def test_a_suspension_of_more_than_one_year_is_refused(township_db, actor) -> None:
    sid = township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    start = dt.date(2026, 9, 1)
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(enrollment_approvals.record_approval, actor, sid, suspension(start, dt.date(2027, 9, 1)),
                        today=TODAY)
    assert [p.code for p in failure.value.problems] == ["approval.too_long"]
    assert "2027-08-31" in failure.value.problems[0].message
    assert township_db.query(roster.get_summary, sid).status is EnrollmentStatus.ENROLLED  # nothing written
    township_db.run(enrollment_approvals.record_approval, actor, sid, suspension(start, dt.date(2027, 8, 31)),
                    today=TODAY)



def test_the_school_age_ledger_says_why_each_child_is_away_or_due(township_db, actor) -> None:
    due = preschooler(township_db, actor, dt.date(2020, 3, 1), sequence=1)
    deferred = preschooler(township_db, actor, dt.date(2020, 4, 1), sequence=2)
    township_db.run(enrollment_approvals.record_approval, actor, deferred, deferral(dt.date(2027, 9, 1)), today=TODAY)
    away = township_db.run(roster.add_student, actor, student_form(township_db, sequence=3), today=TODAY)
    township_db.run(enrollment_approvals.record_approval, actor, away,
                    suspension(dt.date(2026, 9, 10), dt.date(2026, 11, 1)), today=TODAY)
    lines = {row.student_id: row for row in township_db.query(ledgers.school_age_ledger, TODAY)}
    assert lines[due].note.startswith("应入学")
    assert lines[deferred].note == "延缓入学至2027-09-01（平地镇人民政府平府教〔2026〕3号）"
    assert lines[away].status_text == "休学" and "2026-11-01" in lines[away].note


def test_today_s_work_counts_the_flagged_children(township_db, actor) -> None:
    first = preschooler(township_db, actor, dt.date(2020, 3, 1), sequence=1)
    second = preschooler(township_db, actor, dt.date(2020, 4, 1), sequence=2)
    away = township_db.run(roster.add_student, actor, student_form(township_db, sequence=3), today=TODAY)
    township_db.run(roster.change_status, actor, away, EnrollmentStatus.SUSPENDED, TODAY, "因病", today=TODAY)
    items = township_db.query(work_list.today_work, TODAY)
    # A line a child, each opening that child: the home tab counts them in their school's group.
    due = [item for item in items if item.kind == work_list.Kind.DUE_TO_ENROLL]
    assert sorted(item.target for item in due) == sorted([first, second])
    assert all(item.urgent and item.place == "平地镇中心校" and "应入学" in item.text for item in due)
    assert [item.target for item in items if item.kind == work_list.Kind.SUSPENSION] == [away]


def test_the_demo_shows_a_deferral_an_expired_one_and_both_kinds_of_休学(demo_db) -> None:
    approvals = demo_db.query(enrollment_approvals.latest_approvals)
    deferrals = [a for (_sid, kind), a in approvals.items() if kind is ApprovalKind.DEFERRED]
    suspensions = [a for (_sid, kind), a in approvals.items() if kind is ApprovalKind.SUSPENDED]
    assert sorted(a.in_force(TODAY) for a in deferrals) == [False, True, True]
    assert sorted(a.in_force(TODAY) for a in suspensions) == [False, True]
    found = demo_db.query(enrollment_approvals.flags, TODAY)
    expired = next(a.student_id for a in deferrals if not a.in_force(TODAY))
    assert found[expired] is Flag.DUE_TO_ENROLL
    assert Flag.SUSPENSION_EXPIRED in found.values()
