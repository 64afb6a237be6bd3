"""The lists of 四查三比对 kept on record: stored with their people, replaced by a newer list of the
same kind and village without deleting anything, audited with the digest of their people."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from schoolaid.accounts import accounts, audit_verify
from schoolaid.accounts.permissions import NotPermitted
from schoolaid.common.errors import ValidationFailed
from schoolaid.reconcile import lists
from schoolaid.reconcile.lists import ListedPerson
from schoolaid.reconcile.vocabulary import ListKind
from schoolaid.roster.idnumber import make_number
from schoolaid.storage.models import AuditEvent, ReferenceList, ReferencePerson
from tests.conftest import TODAY, village_id

YEAR = 2026


def child(name: str, birth: dt.date, village: int | None, sequence: int = 1, **changes: object) -> ListedPerson:
    return ListedPerson(name=name, birth_date=birth, id_number=make_number("510411", birth, sequence),
                        sex="男" if sequence % 2 else "女", village_id=village, **changes)


def store(db, actor, kind=ListKind.HUKOU, people=(), *, village=None, received=TODAY, source="平地派出所", **more):
    return db.run(lists.store_list, actor, kind, list(people), today=TODAY, source=source, received_on=received,
                  village_id=village, school_year=YEAR, **more)


def test_a_list_is_stored_with_its_people_counted_and_audited(township_db, actor):
    bosi = village_id(township_db, "波西村")
    people = [child("张小明", dt.date(2016, 5, 1), bosi, 1, row=4, household_no="001", head_name="张大山", relation="子"),
              child("张小红", dt.date(2019, 2, 3), bosi, 2, row=5, household_no="001", head_name="张大山", relation="女"),
              ListedPerson(name="张大山", birth_date=dt.date(1985, 1, 1), is_child=False, village_id=bosi, row=3,
                           relation="户主")]
    stored = store(township_db, actor, people=people, village=bosi, file_name="波西村户籍.xlsx", rejected=2)
    with township_db.read() as session:
        reference = session.get(ReferenceList, stored.id)
        assert (reference.kind, reference.people, reference.children, reference.rejected) == ("hukou", 3, 2, 2)
        assert reference.people_digest == lists.people_digest(session, stored.id) != ""
        event = session.scalars(select(AuditEvent).where(AuditEvent.entity == "reference_list")).one()
        assert json.loads(event.after)["people_digest"] == reference.people_digest
        assert [p.name for p in lists.active_people(session, ListKind.HUKOU)] == ["张小明", "张小红", "张大山"]
        assert [p.name for p in lists.active_people(session, ListKind.HUKOU, children_only=True)] == ["张小明", "张小红"]
        assert lists.active_people(session, ListKind.POVERTY) == []
        views = lists.list_lists(session)
    assert [(v.kind, v.village, v.people, v.children, v.active, v.imported_by) for v in views] == [
        (ListKind.HUKOU, "波西村", 3, 2, True, "李老师")]
    assert views[0].as_json()["list"] == "hukou" and views[0].as_json()["village"] == "波西村"
    assert township_db.query(audit_verify.verify).ok


def test_a_newer_list_of_the_same_village_replaces_the_older_ones_people_which_stay_on_record(township_db, actor):
    bosi, lazi = village_id(township_db, "波西村"), village_id(township_db, "辣子哨村")
    first = store(township_db, actor, people=[child("甲", dt.date(2015, 1, 1), bosi, 1)], village=bosi,
                  received=TODAY - dt.timedelta(days=30))
    other = store(township_db, actor, people=[child("乙", dt.date(2015, 1, 1), lazi, 3)], village=lazi,
                  received=TODAY - dt.timedelta(days=30))
    poverty = store(township_db, actor, ListKind.POVERTY, [child("甲", dt.date(2015, 1, 1), bosi, 1)], village=bosi)
    second = store(township_db, actor, people=[child("甲", dt.date(2015, 1, 1), bosi, 1),
                                               child("丙", dt.date(2017, 1, 1), bosi, 5)], village=bosi)
    with township_db.read() as session:
        old = session.get(ReferenceList, first.id)
        assert (old.replaced_by_id, old.replaced_on, old.people) == (second.id, TODAY, 1)
        assert session.get(ReferenceList, other.id).replaced_by_id is None  # another village
        assert session.get(ReferenceList, poverty.id).replaced_by_id is None  # another kind
        assert [p.active for p in session.scalars(select(ReferencePerson).where(ReferencePerson.list_id == first.id))] == [
            False]
        assert sorted(p.name for p in lists.active_people(session, ListKind.HUKOU)) == ["丙", "乙", "甲"]
        assert [p.name for p in lists.active_people(session, ListKind.HUKOU, village_id=lazi)] == ["乙"]
        assert old.people_digest == lists.people_digest(session, first.id)
        views = lists.list_lists(session)
    assert [(v.id, v.active) for v in views if v.kind is ListKind.HUKOU and v.village == "波西村"] == [
        (second.id, True), (first.id, False)]
    assert township_db.query(audit_verify.verify).ok


def test_an_older_list_cannot_replace_a_newer_one(township_db, actor):
    store(township_db, actor, people=[child("甲", dt.date(2015, 1, 1), None)], received=TODAY)
    for refused, changes in (("reference_list.older", {"received": TODAY - dt.timedelta(days=1)}),
                             ("reference_list.received_on", {"received": TODAY + dt.timedelta(days=1)}),
                             ("reference_list.source", {"source": "派" * 65}),
                             ("reference_list.village", {"village": 999})):
        with pytest.raises(ValidationFailed) as failure:
            store(township_db, actor, people=[], **changes)
        assert [p.code for p in failure.value.problems] == [refused]
    assert len(township_db.query(lists.list_lists)) == 1


def test_register_villages_a_village_list_and_the_villages_a_township_list_reaches(township_db, actor):
    bosi, lazi = village_id(township_db, "波西村"), village_id(township_db, "辣子哨村")
    assert township_db.query(lists.register_villages, YEAR) == set()
    store(township_db, actor, ListKind.POVERTY, [child("甲", dt.date(2015, 1, 1), lazi)])
    store(township_db, actor, people=[child("甲", dt.date(2015, 1, 1), bosi)], village=bosi)
    assert township_db.query(lists.register_villages, YEAR) == {bosi}
    store(township_db, actor, people=[child("乙", dt.date(2015, 1, 1), lazi, 3), child("丁", dt.date(2015, 1, 1), None, 5)])
    assert township_db.query(lists.register_villages, YEAR) == {bosi, lazi}
    assert township_db.query(lists.register_villages, YEAR - 1) == set()  # no register that year yet


def test_importing_a_list_needs_the_right_to_edit_the_roster(township_db, monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))
    admin = township_db.run(accounts.create_first_administrator, "admin", "王管理", "admin-pass-1")
    with pytest.raises(NotPermitted):  # the administrator keeps the accounts, not the roster
        store(township_db, admin, people=[child("甲", dt.date(2015, 1, 1), None)])
    assert township_db.query(lists.list_lists) == []
