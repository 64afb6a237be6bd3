import datetime as dt
import json

import pytest
from sqlalchemy import select

from schoolaid.accounts import audit
from schoolaid.common.errors import NotAllowed, ValidationFailed
from schoolaid.common.grades import Grade, Stage
from schoolaid.roster import households, roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.households import HouseholdForm
from schoolaid.roster.roster import RosterFilter
from schoolaid.storage.models import AuditEvent, Student
from tests.conftest import TODAY, school_id, student_form, village_id


def count(db, model=Student) -> int:
    with db.read() as s:
        return len(s.scalars(select(model.id)).all())


def test_adding_a_student_records_an_audit_event(township_db, actor) -> None:
    student_id = township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    history = township_db.query(audit.history, "student", student_id)
    assert [h.action for h in history] == ["create"]
    assert history[0].actor == "李老师"
    assert history[0].after["name"] == "张三"
    form = township_db.query(roster.get_form, student_id)
    assert form.id_number.startswith("510411")
    row = township_db.query(roster.fetch_rows, [student_id], today=TODAY, full_id_rights=True)[student_id]
    assert row.id_masked == form.id_number[:4] + "*" * 10 + form.id_number[-4:]


def test_invalid_id_saves_nothing(township_db, actor) -> None:
    events_before = count(township_db, AuditEvent)
    form = student_form(township_db)
    form.id_number = form.id_number[:17] + ("1" if form.id_number[17] != "1" else "2")
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(roster.add_student, actor, form, today=TODAY)
    assert [p.code for p in failure.value.problems] == ["id.check_digit"]
    assert count(township_db) == 0
    assert count(township_db, AuditEvent) == events_before


def test_the_same_id_is_never_a_second_student(township_db, actor) -> None:
    township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(roster.add_student, actor, student_form(township_db, name="张三丰"), today=TODAY)
    assert failure.value.problems[0].code == "id.duplicate"
    assert "张三" in failure.value.problems[0].message


def test_warnings_need_confirmation(township_db, actor) -> None:
    form = student_form(township_db, birth_date=dt.date(2016, 3, 5))  # differs from the ID
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(roster.add_student, actor, form, today=TODAY)
    assert failure.value.only_warnings
    assert {p.code for p in failure.value.problems} == {"id.birth_date_mismatch"}
    student_id = township_db.run(roster.add_student, actor, form, confirmed={"id.birth_date_mismatch"},
                                 today=TODAY)
    assert township_db.query(roster.get_form, student_id).birth_date == dt.date(2016, 3, 5)


def test_birth_date_is_taken_from_the_id_when_missing(township_db, actor) -> None:
    form = student_form(township_db, birth_date=None)
    student_id = township_db.run(roster.add_student, actor, form, today=TODAY)
    assert township_db.query(roster.get_form, student_id).birth_date == dt.date(2016, 3, 2)


def test_missing_name_and_school_are_errors(township_db) -> None:
    form = student_form(township_db, name="  ", school_id=None)
    _, problems = township_db.query(roster.validate, form, today=TODAY)
    assert {"name.missing", "school.missing"} <= {p.code for p in problems if p.is_error}


def test_names_lose_full_width_spaces(township_db, actor) -> None:
    student_id = township_db.run(roster.add_student, actor, student_form(township_db, name="张\u3000三 "),
                                 today=TODAY)
    assert township_db.query(roster.get_form, student_id).name == "张三"


def test_update_records_before_and_after_and_skips_no_change(township_db, actor) -> None:
    student_id = township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    form = township_db.query(roster.get_form, student_id)
    form.grade = 5
    township_db.run(roster.update_student, actor, student_id, form, today=TODAY)
    township_db.run(roster.update_student, actor, student_id, form, today=TODAY)  # nothing changed: no event
    history = township_db.query(audit.history, "student", student_id)
    assert [h.action for h in history] == ["create", "update"]
    assert [(c.field, c.before, c.after) for c in history[1].changes] == [("grade", 4, 5)]


def test_status_changes_follow_the_rules(township_db, actor) -> None:
    student_id = township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    today = TODAY
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(roster.change_status, actor, student_id, EnrollmentStatus.TRANSFERRED_OUT, today, "",
                        today=TODAY)
    assert {p.code for p in failure.value.problems} == {"reason.missing", "destination.missing"}
    township_db.run(roster.change_status, actor, student_id, EnrollmentStatus.TRANSFERRED_OUT, today,
                    "随父母外出", destination="攀枝花市东区炳草岗小学", today=TODAY)
    summary = township_db.query(roster.get_summary, student_id)
    assert summary.status is EnrollmentStatus.TRANSFERRED_OUT
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(roster.change_status, actor, student_id, EnrollmentStatus.GRADUATED, today, "毕业",
                        today=TODAY)
    assert failure.value.problems[0].code == "status.not_allowed"
    township_db.run(roster.change_status, actor, student_id, EnrollmentStatus.ENROLLED, today, "",
                    today=TODAY)
    changes = township_db.query(roster.status_history, student_id)
    assert [(c.from_status, c.to_status) for c in changes] == [
        (EnrollmentStatus.ENROLLED, EnrollmentStatus.TRANSFERRED_OUT),
        (EnrollmentStatus.TRANSFERRED_OUT, EnrollmentStatus.ENROLLED)]
    assert changes[0].destination == "攀枝花市东区炳草岗小学"
    form = township_db.query(roster.get_form, student_id)
    assert form.entry_date is not None
    history = township_db.query(audit.history, "student", student_id)
    assert history[1].after["status_reason"] == "随父母外出"


def test_status_change_dates_cannot_go_backwards_or_into_the_future(township_db, actor) -> None:
    student_id = township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    today = TODAY
    with pytest.raises(ValidationFailed):
        township_db.run(roster.change_status, actor, student_id, EnrollmentStatus.SUSPENDED,
                        today + dt.timedelta(days=1), "生病", today=TODAY)
    township_db.run(roster.change_status, actor, student_id, EnrollmentStatus.SUSPENDED, today, "生病",
                    today=TODAY)
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(roster.change_status, actor, student_id, EnrollmentStatus.ENROLLED,
                        today - dt.timedelta(days=3), "", today=TODAY)
    assert failure.value.problems[0].code == "date.before_last_change"


def test_a_student_with_history_is_never_deleted(township_db, actor) -> None:
    mistaken = township_db.run(roster.add_student, actor, student_form(township_db, sequence=5), today=TODAY)
    township_db.run(roster.delete_student, actor, mistaken)
    assert township_db.query(audit.history, "student", mistaken)[-1].action == "delete"
    kept = township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    township_db.run(roster.change_status, actor, kept, EnrollmentStatus.SUSPENDED, TODAY, "生病", today=TODAY)
    with pytest.raises(NotAllowed):
        township_db.run(roster.delete_student, actor, kept)
    assert township_db.query(roster.count_students) == 1


def test_a_failed_action_leaves_nothing_behind(township_db, actor) -> None:
    form = student_form(township_db)

    def add_then_fail(session, actor):
        roster.add_student(session, actor, form, today=TODAY)
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        township_db.run(add_then_fail, actor)
    assert count(township_db) == 0
    with township_db.read() as s:
        assert not [e for e in s.scalars(select(AuditEvent)) if e.entity == "student"]


# --- search ---------------------------------------------------------------------------------


@pytest.fixture
def searchable(township_db, actor):
    household = township_db.run(households.create_household, actor, HouseholdForm(
        head_name="张大山", village_id=village_id(township_db, "波西村"), category="脱贫户",
        lifted_year=2018), today=TODAY)
    ids = {}
    ids["张三"] = township_db.run(roster.add_student, actor, student_form(
        township_db, "张三", household_id=household, left_behind=True), today=TODAY)
    ids["张三丰"] = township_db.run(roster.add_student, actor, student_form(
        township_db, "张三丰", birth=dt.date(2017, 5, 1), sequence=2, grade=3, boarder=True), today=TODAY)
    ids["李四"] = township_db.run(roster.add_student, actor, student_form(
        township_db, "李四", birth=dt.date(2020, 1, 1), male=False, sequence=3, stage="学前", grade=3,
        school_id=school_id(township_db, "波西村小学")), today=TODAY)
    ids["曾小明"] = township_db.run(roster.add_student, actor, student_form(
        township_db, "曾小明", birth=dt.date(2016, 8, 8), sequence=4), today=TODAY)
    return township_db, ids


def names(db, flt: RosterFilter, sort: str = "name", descending: bool = False) -> list[str]:
    return [r.name for r in db.query(roster.list_rows, flt, sort, today=TODAY)] if not descending else [
        db.query(roster.fetch_rows, [i], today=TODAY, full_id_rights=True)[i].name for i in db.query(roster.search_ids, flt, sort, True)]


def test_search_by_pinyin_initials_name_and_id_digits(searchable) -> None:
    db, ids = searchable
    assert names(db, RosterFilter(text="zs")) == ["张三", "张三丰"]
    assert names(db, RosterFilter(text="ZSF")) == ["张三丰"]
    assert names(db, RosterFilter(text="zhangsan")) == ["张三", "张三丰"]
    assert names(db, RosterFilter(text="三")) == ["张三", "张三丰"]
    # 曾 reads zeng and ceng: either finds him.
    assert names(db, RosterFilter(text="zxm")) == ["曾小明"]
    assert names(db, RosterFilter(text="cxm")) == ["曾小明"]
    number = db.query(roster.get_form, ids["李四"]).id_number
    assert names(db, RosterFilter(text=number[-6:], full_id_rights=True)) == ["李四"]
    assert names(db, RosterFilter(text=number[-4:], full_id_rights=True)) == ["李四"]
    # One to three digits match nearly every ID: the search waits for the fourth.
    assert len(names(db, RosterFilter(text=number[-3:], full_id_rights=True))) == 4
    assert names(db, RosterFilter(text="%")) == []


def test_filters(searchable, actor) -> None:
    db, ids = searchable
    assert names(db, RosterFilter(school_id=school_id(db, "波西村小学"))) == ["李四"]
    assert names(db, RosterFilter(grade=Grade(Stage.PRIMARY, 3))) == ["张三丰"]
    assert names(db, RosterFilter(village_id=village_id(db, "波西村"))) == ["张三"]
    assert names(db, RosterFilter(category="脱贫户")) == ["张三"]
    assert names(db, RosterFilter(left_behind=True)) == ["张三"]
    assert names(db, RosterFilter(boarder=True)) == ["张三丰"]
    db.run(roster.change_status, actor, ids["李四"], EnrollmentStatus.TRANSFERRED_OUT, TODAY, "搬家",
           destination="米易县", today=TODAY)
    enrolled = RosterFilter(statuses=frozenset({EnrollmentStatus.ENROLLED}))
    assert "李四" not in names(db, enrolled)
    assert names(db, RosterFilter(statuses=frozenset({EnrollmentStatus.TRANSFERRED_OUT}))) == ["李四"]
    assert db.query(roster.count_students) == 4


@pytest.mark.parametrize("key", roster.SORT_KEYS)
def test_every_column_sorts_both_ways(searchable, key) -> None:
    db, _ = searchable
    ascending = db.query(roster.search_ids, RosterFilter(), key, False)
    descending = db.query(roster.search_ids, RosterFilter(), key, True)
    assert sorted(ascending) == sorted(descending) and len(ascending) == 4


def test_sort_by_name_follows_pinyin_and_by_age_youngest_first(searchable) -> None:
    db, _ = searchable
    assert names(db, RosterFilter()) == ["李四", "曾小明", "张三", "张三丰"]
    assert names(db, RosterFilter(), "age") == ["李四", "张三丰", "曾小明", "张三"]
    assert names(db, RosterFilter(), "age", descending=True) == ["张三", "曾小明", "张三丰", "李四"]


def test_audit_json_is_readable_chinese(township_db, actor) -> None:
    township_db.run(roster.add_student, actor, student_form(township_db), today=TODAY)
    with township_db.read() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.entity == "student")).one()
    assert "张三" in event.after and json.loads(event.after)["sex"] == "男"


@pytest.mark.parametrize("key", ["name", "age", "school", "village", "grade"])
def test_cached_display_order_agrees_with_sql_sorting(demo_db, key) -> None:
    order = demo_db.query(roster.display_order, key, True)
    for flt in (RosterFilter(), RosterFilter(text="z"), RosterFilter(category="脱贫户"),
                RosterFilter(statuses=frozenset({EnrollmentStatus.ENROLLED}), grade=Grade(Stage.PRIMARY, 4))):
        expected = demo_db.query(roster.search_ids, flt, key, True)
        assert order.arrange(demo_db.query(roster.matching_ids, flt)) == expected


def test_students_added_after_sorting_come_last() -> None:
    order = roster.DisplayOrder([9, 3, 1, *range(100, 200)])
    assert order.arrange([5, 1, 9]) == [9, 1, 5]  # few: arranged by rank
    many = [5, 1, 9, *range(100, 150)]
    assert order.arrange(many) == [9, 1, *range(100, 150), 5]  # many: arranged by a scan


def test_without_full_id_rights_an_id_search_matches_the_last_four_digits_only(searchable) -> None:
    db, ids = searchable
    number = db.query(roster.get_form, ids["李四"]).id_number
    assert names(db, RosterFilter(text=number[-4:])) == ["李四"]  # what the list shows them
    # More digits, or digits from the hidden middle, would let them test guesses: nothing is found.
    assert names(db, RosterFilter(text=number[-6:])) == []
    assert names(db, RosterFilter(text=number[6:14])) == []
    assert names(db, RosterFilter(text=number[6:14], full_id_rights=True)) == ["李四"]
    assert roster.is_refused_id_search(number[-6:], full_id_rights=False)
    assert not roster.is_refused_id_search(number[-4:], full_id_rights=False)
    assert not roster.is_refused_id_search(number[-6:], full_id_rights=True)


def test_rows_without_full_id_rights_show_the_last_four_and_no_birth_date(searchable) -> None:
    db, ids = searchable
    number = db.query(roster.get_form, ids["李四"]).id_number
    full = db.query(roster.fetch_rows, [ids["李四"]], TODAY, full_id_rights=True)[ids["李四"]]
    assert full.id_masked == number[:4] + "*" * 10 + number[-4:]
    assert full.birth_date == dt.date(2020, 1, 1)
    limited = db.query(roster.fetch_rows, [ids["李四"]], TODAY, full_id_rights=False)[ids["李四"]]
    assert limited.id_masked == "*" * 14 + number[-4:]
    assert limited.birth_date is None
    assert (limited.age, limited.birth_month) == (full.age, "2020-01")
    assert [r.id_masked for r in db.query(roster.list_rows, RosterFilter(text="ls"), today=TODAY)] == [
        "*" * 14 + number[-4:]]


def test_search_keys_follow_every_change_of_name(searchable, actor) -> None:
    """The keys are kept by the database itself (triggers), in the transaction that writes the name."""
    db, ids = searchable
    form = db.query(roster.get_form, ids["张三"])
    form.name = "王五"
    db.run(roster.update_student, actor, ids["张三"], form, today=TODAY)
    assert names(db, RosterFilter(text="zs")) == ["张三丰"]
    assert names(db, RosterFilter(text="ww")) == ["王五"]
    assert names(db, RosterFilter(text="wangw")) == ["王五"]
    assert names(db, RosterFilter(text="五")) == ["王五"]
    assert names(db, RosterFilter(text="张三")) == ["张三丰"]
    db.run(roster.delete_student, actor, ids["张三丰"])
    with db.read() as session:
        keys = session.connection().exec_driver_sql(
            "SELECT count(*) FROM student_search_keys WHERE student_id = ?", (ids["张三丰"],)).scalar()
    assert keys == 0
    assert names(db, RosterFilter(text="三")) == []


def test_latin_letters_in_a_name_are_found_as_written_not_as_pinyin(township_db, actor) -> None:
    """A name's text and its readings are separate keys: "nn" is inside "Anna" but starts no reading."""
    township_db.run(roster.add_student, actor, student_form(township_db, "Anna Li"), today=TODAY)
    assert names(township_db, RosterFilter(text="nn")) == []
    assert names(township_db, RosterFilter(text="nna")) == []
    assert names(township_db, RosterFilter(text="anna")) == ["Anna Li"]
    assert names(township_db, RosterFilter(text="AnnaL")) == ["Anna Li"]


@pytest.mark.parametrize("key", ["name", "age", "school", "village", "grade"])
def test_a_search_page_is_the_count_and_the_start_of_the_sorted_search(demo_db, key) -> None:
    for flt in (RosterFilter(), RosterFilter(text="z"), RosterFilter(text="张"), RosterFilter(category="脱贫户"),
                RosterFilter(statuses=frozenset({EnrollmentStatus.ENROLLED}), grade=Grade(Stage.PRIMARY, 4))):
        for descending in (False, True):
            expected = demo_db.query(roster.search_ids, flt, key, descending)
            page = demo_db.query(roster.search_page, flt, key, descending, limit=7)
            assert (page.count, page.ids) == (len(expected), expected[:7])


def test_a_page_read_along_the_sort_index_is_the_same_page(demo_db, monkeypatch) -> None:
    flt = RosterFilter(text="z")
    for key in ("name", "age"):
        for descending in (False, True):
            sorted_page = demo_db.query(roster.search_page, flt, key, descending, limit=20)
            monkeypatch.setattr(roster, "_READ_IN_ORDER_FROM", 1)
            assert demo_db.query(roster.search_page, flt, key, descending, limit=20) == sorted_page
            monkeypatch.setattr(roster, "_READ_IN_ORDER_FROM", 10**9)
            assert demo_db.query(roster.search_page, flt, key, descending, limit=20) == sorted_page
