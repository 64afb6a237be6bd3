"""The quicker paths of an import (issue 21) give what the slower ones gave: a sheet already on the
roster planned from its students' forms loaded together gives the same plan as one loaded a student at
a time, in a number of queries that does not grow with the rows; the audit's quicker encoding hashes
the same text; cached clean-ups clean as before; the cycle collector comes back after a pause."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import hashlib
import json
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import event, select

from schoolaid.accounts import audit, audit_chain, audit_verify
from schoolaid.common import validation
from schoolaid.common.collection import collection_paused
from schoolaid.roster import idnumber, roster, roster_import
from schoolaid.roster.roster_import import Outcome
from schoolaid.storage.models import AuditEvent, Student
from tests.conftest import student_form
from tests.sheets import id_for, registry_export, student_row

TODAY = dt.date(2026, 11, 29)


def _on_roster(db, actor) -> list[int]:
    """Students of every kind a re-imported sheet meets: plain, with a disability, without an ID number."""
    forms = [
        student_form(db, "张三", dt.date(2016, 3, 2), sequence=1, guardian_name="张大山", guardian_phone="13912345678"),
        student_form(db, "李四", dt.date(2016, 5, 6), male=False, sequence=2, disability_category="肢体",
                     disability_grade="二级", disability_certificate="51041120160506221X", boarder=True),
        student_form(db, "王五", dt.date(2016, 7, 1), sequence=3, id_number="", sex="男"),
        student_form(db, "赵六", dt.date(2016, 8, 1), sequence=5, entry_date=dt.date(2022, 9, 1), notes="转入"),
    ]
    return [db.run(roster.add_student, actor, form, confirmed={"id.missing"}, today=TODAY) for form in forms]


@pytest.fixture
def tricky(township_db, actor, tmp_path) -> Path:
    """A sheet of students mostly on the roster, with the rows that make an import think."""
    _on_roster(township_db, actor)
    zhang = id_for(dt.date(2016, 3, 2), 1)
    zhao = id_for(dt.date(2016, 8, 1), 5)
    path = registry_export(tmp_path / "再次导入.xlsx", [
        student_row("张三", dt.date(2016, 3, 2), 1, guardian="", phone="13912345678", address="", poor="",
                    boarder=""),  # 4: on the roster as it is
        student_row("李四", dt.date(2016, 5, 6), 2, male=False, phone="13800001111"),  # 5: a new phone
        student_row("王五", dt.date(2016, 7, 1), 3, id_number=""),  # 6: no ID: name and birth date
        student_row("赵六", dt.date(2016, 8, 1), 5, id_number=zhao[:4] + "*" * 10 + zhao[-4:]),  # 7: masked
        student_row("李四", dt.date(2016, 5, 6), 2, male=False, klass="(2)班",
                    phone="13800001111"),  # 8: same ID as row 5, in the file
        student_row("孙七", dt.date(2016, 1, 1), 6, birth_cell="2016.13.40"),  # 9: a date that is none
        student_row("周八", dt.date(2016, 2, 2), 7, guardian="周大海", address="平地镇辣子哨村5组"),  # 10: new
        student_row("吴九", dt.date(2015, 2, 2), 8, id_number=zhang[:-1] + ("0" if zhang[-1] != "0" else "1")),  # 11
        student_row("郑十", dt.date(2015, 4, 4), 9),  # 12: its school merged down from row 11
    ])
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    school_column = 7
    sheet.cell(15, school_column).value = None
    sheet.merge_cells(start_row=14, start_column=school_column, end_row=15, end_column=school_column)
    workbook.save(path)
    return path


def _seen(plan: roster_import.ImportPlan) -> list[tuple]:
    """Everything a plan says about its rows, as the dialog and the write see it."""
    return [(r.sheet, r.row, r.name, r.outcome, [(p.field, p.code, p.severity, p.message) for p in r.problems],
             r.values, r.form, r.student_id, r.known_as, r.same_as_row, r.validated,
             None if r.household is None else (r.household.key, r.household.existing_id, r.household.form))
            for r in plan.rows]


def _plan_one_student_at_a_time(db, path: Path, monkeypatch) -> roster_import.ImportPlan:
    with monkeypatch.context() as patch:
        patch.setattr(roster, "get_forms", lambda session, ids: {})  # every form then asked for alone
        return db.query(roster_import.make_plan, roster_import.read_source(path), today=TODAY)


def test_forms_loaded_together_plan_as_forms_loaded_one_at_a_time(township_db, tricky, actor, monkeypatch) -> None:
    together = township_db.query(roster_import.make_plan, roster_import.read_source(tricky), today=TODAY)
    alone = _plan_one_student_at_a_time(township_db, tricky, monkeypatch)
    assert _seen(together) == _seen(alone)
    outcomes = {r.row: r.outcome for r in together.rows}
    # 6 and 7 are found by name and birth date (and the digits shown): their households are planned anew.
    assert outcomes == {4: Outcome.UNCHANGED, 5: Outcome.UPDATE, 6: Outcome.UPDATE, 7: Outcome.UPDATE,
                        8: Outcome.SKIP, 9: Outcome.REJECT, 10: Outcome.NEW, 11: Outcome.REJECT, 12: Outcome.NEW}
    rows = {r.row: r for r in together.rows}
    assert rows[5].form.class_name == "2班" and rows[8].same_as_row == 5  # the later copy's values win
    assert [r.student_id for r in together.rows[:4]] == [1, 2, 3, 4]
    assert rows[9].problems[0].field == "birth_date" and rows[11].problems[0].code == "id.check_digit"
    assert rows[12].form.school_id == rows[10].form.school_id  # the merged school cell reaches the lower row
    result = township_db.run(roster_import.apply_plan, actor, together, today=TODAY)
    assert (result.new, result.updated) == (2, 3)
    with township_db.read() as session:
        assert session.execute(select(Student.guardian_phone, Student.class_name).where(Student.name == "李四")
                               ).one() == ("13800001111", "2班")
        assert audit_verify.verify(session).ok


def test_get_forms_gives_what_get_form_gives(township_db, actor) -> None:
    ids = _on_roster(township_db, actor)
    with township_db.read() as session:
        together = roster.get_forms(session, [*ids, 999])
        assert together == {i: roster.get_form(session, i) for i in ids}
        assert together[ids[2]].id_number == ""  # a student without one: "" as in the dialog's form
        assert roster.get_forms(session, []) == {}


def _selects(db, work) -> int:
    statements = []

    def seen(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        work()
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    return len(statements)


def test_a_sheet_already_on_the_roster_is_planned_and_written_in_queries_that_do_not_grow_with_it(
        township_db, actor, tmp_path) -> None:
    def sheet(count: int, phone: str) -> Path:
        rows = [student_row(f"学生{'一二三四五六七八九十'[n % 10]}{'甲乙丙丁戊己庚辛壬癸'[n // 10]}", dt.date(2016, 1, 1)
                            + dt.timedelta(days=n), n + 1, phone=phone) for n in range(count)]
        return registry_export(tmp_path / f"{count}_{phone}.xlsx", rows)

    def queries(count: int) -> tuple[int, int]:
        plans = []
        planning = _selects(township_db, lambda: plans.append(township_db.query(
            roster_import.make_plan, roster_import.read_source(sheet(count, f"1380000{count:04d}")), today=TODAY)))
        assert plans[0].count(Outcome.UPDATE) == count
        writing = _selects(township_db, lambda: township_db.run(roster_import.apply_plan, actor, plans[0], today=TODAY))
        return planning, writing

    township_db.run(roster_import.apply_plan, actor, township_db.query(
        roster_import.make_plan, roster_import.read_source(sheet(40, "13900000000")), today=TODAY), today=TODAY)
    assert queries(20) == queries(40)


def test_rows_without_id_numbers_are_matched_by_name_and_birth_date_in_queries_that_do_not_grow(
        township_db, actor, tmp_path) -> None:
    on_roster = [student_form(township_db, f"学生{n}", dt.date(2016, 1, 1) + dt.timedelta(days=n), sequence=n + 1,
                              id_number="") for n in range(30)]
    twins = [student_form(township_db, "双胞", dt.date(2016, 6, 1), sequence=40 + n, id_number="") for n in range(2)]
    for form in on_roster + twins:
        township_db.run(roster.add_student, actor, form, confirmed={"id.missing"}, today=TODAY)

    def planned(count: int) -> tuple[int, roster_import.ImportPlan]:
        rows = [student_row(f"学生{n}", dt.date(2016, 1, 1) + dt.timedelta(days=n), n + 1, id_number="",
                            phone="13800001111") for n in range(count)]
        rows.append(student_row("双胞", dt.date(2016, 6, 1), 50, id_number=""))  # two on the roster: neither
        rows.append(student_row("学生1", dt.date(2016, 1, 9), 51, id_number=""))  # the name, another birthday
        path = registry_export(tmp_path / f"{count}.xlsx", rows)
        plans = []
        queries = _selects(township_db, lambda: plans.append(township_db.query(
            roster_import.make_plan, roster_import.read_source(path), today=TODAY)))
        return queries, plans[0]

    (few, small), (many, large) = planned(10), planned(30)
    assert few == many
    assert [r.student_id for r in large.rows] == [*range(1, 31), None, None]
    assert [r.outcome for r in large.rows[-2:]] == [Outcome.NEW, Outcome.NEW]
    assert "学生0" in large.rows[0].known_as and "2016-01-01" in large.rows[0].known_as
    assert large.rows[0].outcome is Outcome.UPDATE and large.rows[0].form.guardian_phone == "13800001111"
    assert small.rows[3].student_id == 4


# --- The audit's encoding ------------------------------------------------------------------------------------


def _hash_as_version_1_wrote_it(prev_hash: str, values: dict) -> str:
    payload = json.dumps([1, values["id"], values["at"].strftime("%Y-%m-%d %H:%M:%S.%f"), values["actor"],
                          values["user_id"], values["role"] or "", values["action"], values["entity"],
                          values["entity_id"], values["summary"] or "", values["before"], values["after"], prev_hash],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@pytest.mark.parametrize("at", [dt.datetime(2026, 11, 29, 8, 5, 3, 120), dt.datetime(2026, 1, 1),
                                dt.datetime(2026, 12, 31, 23, 59, 59, 999_999)])
def test_an_event_is_encoded_and_hashed_as_before(at) -> None:
    before = {"name": "阿不都·热合曼", "notes": 'a "quoted"\\ line\nand\ttab', "birth_date": dt.date(2016, 3, 2),
              "grade": 4, "boarder": True, "household_id": None}
    after = {**before, "name": "张三", "phone": "\u2028\U00020000"}
    values = {**audit.event_values(audit.Actor("李老师", role="principal", user_id=3), "update", "student", 7,
                                   "张三", before=before, after=after), "at": at, "id": 12}
    plain = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in before.items()}
    assert values["before"] == json.dumps(plain, ensure_ascii=False, sort_keys=True)
    assert values["after"] == json.dumps({**after, "birth_date": "2016-03-02"}, ensure_ascii=False, sort_keys=True)
    assert audit_chain.moment(at) == at.strftime("%Y-%m-%d %H:%M:%S.%f")
    assert audit_chain.moment(str(at)) == at.strftime("%Y-%m-%d %H:%M:%S.%f")
    assert audit_chain.row_hash("ab" * 32, values) == _hash_as_version_1_wrote_it("ab" * 32, values)


def test_unusual_times_keep_their_old_spelling() -> None:
    aware = dt.datetime(2026, 11, 29, 8, 5, 3, tzinfo=dt.timezone.utc)
    early = dt.datetime(999, 1, 2, 3, 4, 5, 6)
    for moment in (aware, early):
        assert audit_chain.moment(moment) == moment.strftime("%Y-%m-%d %H:%M:%S.%f")


def test_existing_audit_rows_still_verify(township_db, tricky, actor) -> None:
    """Rows written before the import (the township's setup, the students added) and by it verify as one chain."""
    with township_db.read() as session:
        earlier = [(e.id, e.hash) for e in session.scalars(select(AuditEvent).order_by(AuditEvent.id))]
    plan = township_db.query(roster_import.make_plan, roster_import.read_source(tricky), today=TODAY)
    township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    with township_db.read() as session:
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
        assert [(e.id, e.hash) for e in events[:len(earlier)]] == earlier
        previous = audit_chain.GENESIS
        for e in events:
            assert e.hash == _hash_as_version_1_wrote_it(previous, {c.key: getattr(e, c.key)
                                                                      for c in AuditEvent.__table__.columns})
            previous = e.hash
        assert audit_verify.verify(session).ok


# --- Clean-ups answered from memory --------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ["张三", " 张\u3000三 ", "Jean  Pierre ", "阿不都 · 热合曼", "", "\t", "李\u200b四"])
def test_cached_name_clean_up_is_the_clean_up(raw) -> None:
    assert validation.clean_name(raw) == validation.clean_name.__wrapped__(raw)
    assert validation.clean_name(raw) == validation.clean_name(raw)


@pytest.mark.parametrize("raw", ["139 1234 5678", "(0812)-3334444", "13912345678", ""])
def test_cached_phone_clean_up_is_the_clean_up(raw) -> None:
    assert validation.clean_phone(raw) == validation.clean_phone.__wrapped__(raw)


@pytest.mark.parametrize("raw", ["51041120160302001x", "51041120160302001X", "５１０４１１２０１６０３０２００１Ｘ",
                                 "510411 2016 0302 001x", "510411-20160302-0011", "abc", "", "5104**********1234"])
def test_id_numbers_normalised_by_the_quick_path_as_by_the_full_one(raw) -> None:
    full = idnumber._SPACES.sub("", raw.translate(idnumber._FULL_WIDTH)).upper()
    assert idnumber.normalize(raw) == full


def test_the_form_template_is_never_changed_by_planning(township_db, tricky) -> None:
    blank = dataclasses.asdict(roster_import._BLANK_FORM)
    township_db.query(roster_import.make_plan, roster_import.read_source(tricky), today=TODAY)
    assert dataclasses.asdict(roster_import._BLANK_FORM) == blank == dataclasses.asdict(
        roster.StudentForm(entry_date=None))


# --- The collector's pause -----------------------------------------------------------------------------------


def test_the_collector_runs_again_after_the_last_pause_even_after_an_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
        raise RuntimeError
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_planning_and_writing_leave_the_collector_running(township_db, tricky, actor) -> None:
    plan = township_db.query(roster_import.make_plan, roster_import.read_source(tricky), today=TODAY)
    assert gc.isenabled()
    township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    assert gc.isenabled()
