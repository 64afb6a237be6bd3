"""Transfers out stay 转出待核实 until the receiving school is confirmed; unconfirmed past the setting's days
they are suspected dropouts; transfers in say where the child came from; graduates' destinations, and
primary graduates with no confirmed junior school after 30 September — each rule at its boundary dates."""

import datetime as dt
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from schoolaid.accounts import audit_verify
from schoolaid.common.errors import NotAllowed, ValidationFailed
from schoolaid.dropout import ledgers
from schoolaid.reporting import work_list
from schoolaid.roster import roster, transfers
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.transfers import Confirmation, ConfirmedHow, DestinationForm, Direction
from schoolaid.storage.database import open_database
from schoolaid.storage.models import AuditEvent, Student
from schoolaid.township import township
from tests.conftest import TODAY, student_form

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
LEFT = dt.date(2026, 10, 1)  # the day the pupil transferred out
RECEIVING = "昆明市五华区红旗小学"


def pupil(db, actor, name: str = "张三", sequence: int = 1, **changes) -> int:
    form = student_form(db, name=name, sequence=sequence, **changes)
    _, problems = db.query(roster.validate, form, today=TODAY)
    return db.run(roster.add_student, actor, form, confirmed=[p.code for p in problems], today=TODAY)


def transferred(db, actor, confirmation: Confirmation | None = None, left: dt.date = LEFT) -> int:
    sid = pupil(db, actor)
    db.run(roster.change_status, actor, sid, EnrollmentStatus.TRANSFERRED_OUT, left, "随父母务工地就读",
           destination=RECEIVING, today=TODAY, confirmation=confirmation)
    return sid


def by_phone(on: dt.date = TODAY) -> Confirmation:
    return Confirmation(ConfirmedHow.PHONE.value, "红旗小学教务处李老师", on)


def suspected(db, today: dt.date) -> set[int | None]:
    return {row.student_id for row in db.query(ledgers.suspected_ledger, today)}


def work_kinds(db, today: dt.date) -> set[str]:
    return {item.kind for item in db.query(work_list.today_work, today)}


def test_a_change_to_transferred_out_records_the_transfer_unconfirmed(township_db, actor) -> None:
    sid = transferred(township_db, actor)
    [view] = township_db.query(transfers.history, sid)
    assert (view.direction, view.school, view.since, view.confirmed) == (Direction.OUT, RECEIVING, LEFT, False)
    assert view.summary() == f"转出至{RECEIVING}，待核实"
    assert township_db.query(transfers.unconfirmed_out, [sid]) == {sid}
    with township_db.read() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == transfers.ENTITY)).one()
    assert event.entity_id == view.id and "待核实" in event.summary


def test_a_transfer_out_needs_the_receiving_school(township_db, actor) -> None:
    sid = pupil(township_db, actor)
    with pytest.raises(ValidationFailed) as refused:
        township_db.run(roster.change_status, actor, sid, EnrollmentStatus.TRANSFERRED_OUT, LEFT, "搬家",
                        destination=" ", today=TODAY)
    assert "destination" in {p.field for p in refused.value.problems}
    assert township_db.query(transfers.history, sid) == []


def test_a_transfer_given_with_its_confirmation_is_confirmed_at_once(township_db, actor) -> None:
    sid = transferred(township_db, actor, by_phone(LEFT))
    [view] = township_db.query(transfers.history, sid)
    assert (view.confirmed_how, view.confirmed_with, view.confirmed_on) == ("电话", "红旗小学教务处李老师", LEFT)
    assert township_db.query(transfers.unconfirmed_out, [sid]) == set()


def test_confirming_says_how_with_whom_and_when_and_happens_once(township_db, actor) -> None:
    sid = transferred(township_db, actor)
    [view] = township_db.query(transfers.history, sid)
    for bad, field in ((Confirmation("微信", "李老师", TODAY), "confirmed_how"),
                       (Confirmation("电话", " ", TODAY), "confirmed_with"),
                       (Confirmation("电话", "李老师", None), "confirmed_on"),
                       (Confirmation("电话", "李老师", TODAY + dt.timedelta(days=1)), "confirmed_on"),
                       (Confirmation("电话", "李老师", LEFT - dt.timedelta(days=1)), "confirmed_on")):
        with pytest.raises(ValidationFailed) as refused:
            township_db.run(transfers.confirm_transfer, actor, view.id, bad, today=TODAY)
        assert {p.field for p in refused.value.problems} == {field}
    township_db.run(transfers.confirm_transfer, actor, view.id,
                    Confirmation(ConfirmedHow.RECEIPT.value, "红旗小学王校长", TODAY), today=TODAY)
    [view] = township_db.query(transfers.history, sid)
    assert view.confirmation_text() == f"{TODAY.isoformat()}经接收学校回执核实（红旗小学王校长）"
    with pytest.raises(NotAllowed):
        township_db.run(transfers.confirm_transfer, actor, view.id, by_phone(), today=TODAY)
    assert township_db.query(audit_verify.verify).ok


@pytest.mark.parametrize(("days_after", "overdue"), [(29, False), (30, False), (31, True)])
def test_an_unconfirmed_transfer_is_a_suspected_dropout_after_30_days(township_db, actor, days_after, overdue) -> None:
    sid = transferred(township_db, actor)
    today = LEFT + dt.timedelta(days=days_after)
    assert (sid in suspected(township_db, today)) is overdue
    assert (work_list.Kind.TRANSFER_UNCONFIRMED in work_kinds(township_db, today)) is overdue
    if overdue:
        [row] = [r for r in township_db.query(ledgers.suspected_ledger, today) if r.student_id == sid]
        assert "转出待核实" in row.note and RECEIVING in row.note


def test_the_days_are_a_setting(township_db, actor) -> None:
    sid = transferred(township_db, actor)
    township_db.run(township.set_setting, actor, transfers.CONFIRM_DAYS_SETTING, "10")
    assert township_db.query(transfers.confirm_days) == 10
    assert sid not in suspected(township_db, LEFT + dt.timedelta(days=10))
    assert sid in suspected(township_db, LEFT + dt.timedelta(days=11))


def test_a_confirmed_transfer_is_never_a_suspected_dropout(township_db, actor) -> None:
    sid = transferred(township_db, actor)
    [view] = township_db.query(transfers.history, sid)
    township_db.run(transfers.confirm_transfer, actor, view.id, by_phone(LEFT + dt.timedelta(days=40)),
                    today=LEFT + dt.timedelta(days=40))
    assert sid not in suspected(township_db, LEFT + dt.timedelta(days=41))


def test_a_child_back_from_a_transfer_is_no_longer_followed(township_db, actor) -> None:
    sid = transferred(township_db, actor)
    township_db.run(roster.change_status, actor, sid, EnrollmentStatus.ENROLLED, LEFT + dt.timedelta(days=5), "",
                    today=TODAY)
    assert township_db.query(transfers.current_transfers) == []
    assert sid not in suspected(township_db, LEFT + dt.timedelta(days=31))


def test_a_transfer_in_records_where_the_child_came_from(township_db, actor) -> None:
    sid = pupil(township_db, actor)
    with pytest.raises(ValidationFailed) as refused:
        township_db.run(transfers.record_transfer_in, actor, sid, " ", "", LEFT, today=TODAY)
    assert {p.field for p in refused.value.problems} == {"school", "place"}
    township_db.run(transfers.record_transfer_in, actor, sid, "会理市城关小学", "凉山州会理市", LEFT, today=TODAY)
    [view] = township_db.query(transfers.current_transfers)
    assert (view.direction, view.school, view.place, view.overdue(TODAY, 1)) == (
        Direction.IN, "会理市城关小学", "凉山州会理市", False)
    assert view.summary() == f"{LEFT.isoformat()}转入，来自会理市城关小学，凉山州会理市"


# --- graduates -----------------------------------------------------------------------------------

GRADUATED = dt.date(2026, 7, 5)


def graduate(db, actor, stage: str = "小学", grade: int = 6, sequence: int = 2) -> int:
    sid = pupil(db, actor, name=f"毕业生{sequence}", sequence=sequence, stage=stage, grade=grade,
                birth=dt.date(2014, 3, 2))
    db.run(roster.change_status, actor, sid, EnrollmentStatus.GRADUATED, GRADUATED, "小学毕业", today=TODAY)
    return sid


@pytest.mark.parametrize(("today", "unplaced"), [(dt.date(2026, 9, 30), False), (dt.date(2026, 10, 1), True)])
def test_a_primary_graduate_with_no_junior_school_is_suspected_from_1_october(township_db, actor, today,
                                                                               unplaced) -> None:
    sid = graduate(township_db, actor)
    assert (sid in suspected(township_db, today)) is unplaced
    assert (work_list.Kind.GRADUATE_UNPLACED in work_kinds(township_db, today)) is unplaced


def test_only_a_confirmed_junior_school_places_a_primary_graduate(township_db, actor) -> None:
    sid = graduate(township_db, actor)
    october = dt.date(2026, 10, 1)
    township_db.run(transfers.record_destination, actor, sid,
                    DestinationForm(Direction.NEXT_SCHOOL.value, "平地镇中学"), today=TODAY)
    assert sid in suspected(township_db, october)
    [destination] = township_db.query(transfers.history, sid)
    township_db.run(transfers.confirm_transfer, actor, destination.id, Confirmation("学籍系统", "平地镇中学教务处", TODAY),
                    today=TODAY)
    assert sid not in suspected(township_db, october)
    [entry] = township_db.query(transfers.graduates)
    assert entry.destination_text().startswith("升入平地镇中学，")


def test_a_graduate_not_going_on_says_why_and_stays_followed(township_db, actor) -> None:
    sid = graduate(township_db, actor)
    with pytest.raises(ValidationFailed) as refused:
        township_db.run(transfers.record_destination, actor, sid, DestinationForm(Direction.NO_FURTHER.value),
                        today=TODAY)
    assert {p.field for p in refused.value.problems} == {"reason"}
    township_db.run(transfers.record_destination, actor, sid,
                    DestinationForm(Direction.NO_FURTHER.value, reason="家长不同意"), today=TODAY)
    [row] = [r for r in township_db.query(ledgers.suspected_ledger, dt.date(2026, 10, 1)) if r.student_id == sid]
    assert "未升学（家长不同意）" in row.note


def test_a_junior_graduate_is_not_followed_and_a_pupil_has_no_destination(township_db, actor) -> None:
    sid = graduate(township_db, actor, stage="初中", grade=9)
    assert sid not in suspected(township_db, dt.date(2026, 10, 1))
    township_db.run(transfers.record_destination, actor, sid,
                    DestinationForm(Direction.WORK.value, reason="到攀枝花务工"), today=TODAY)
    other = pupil(township_db, actor, name="在读生", sequence=3)
    with pytest.raises(ValidationFailed):
        township_db.run(transfers.record_destination, actor, other,
                        DestinationForm(Direction.NEXT_SCHOOL.value, "平地镇中学"), today=TODAY)


# --- the upgrade -----------------------------------------------------------------------------------


def test_the_upgrade_records_the_pupils_already_transferred_out_as_unconfirmed(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0014.sqlite", path)
    db = open_database(path)
    try:
        with db.read() as session:
            gone = set(session.scalars(select(Student.id).where(Student.status == EnrollmentStatus.TRANSFERRED_OUT.value)))
        views = db.query(transfers.current_transfers)
        assert gone and {v.student_id for v in views} == gone
        assert all(v.school and not v.confirmed and v.direction is Direction.OUT for v in views)
        assert db.query(audit_verify.verify).ok
    finally:
        db.close()
