import datetime as dt

from schoolaid.reconcile import differences as compare
from schoolaid.reconcile.differences import person_key
from schoolaid.reconcile.lists import ListedPerson, store_list
from schoolaid.reconcile.vocabulary import DifferenceKind, ListKind
from schoolaid.roster import roster
from schoolaid.storage.models import ReconcileCheck
from tests import reconcile_township as planted
from tests.conftest import TODAY, school_id, student_form, village_id


def found(db, **options) -> dict[DifferenceKind, list[str]]:
    by_kind: dict[DifferenceKind, list[str]] = {}
    for difference in db.query(compare.differences, TODAY, **options):
        by_kind.setdefault(difference.kind, []).append(difference.name)
    return by_kind


def test_exactly_the_planted_differences(township_db, actor) -> None:
    planted.build(township_db, actor)
    assert found(township_db) == {kind: [name] for kind, name in planted.PLANTED.items()}


def test_a_difference_says_what_was_found(township_db, actor) -> None:
    ids = planted.build(township_db, actor)
    by_kind = {d.kind: d for d in township_db.query(compare.differences, TODAY)}
    zhou = by_kind[DifferenceKind.NOT_ENROLLED]
    assert zhou.person_key == planted.ZHOU and zhou.id_number == planted.ZHOU
    assert zhou.village == "波西村" and zhou.birth_date == dt.date(2018, 4, 4)
    assert zhou.detail == "户籍：波西村3组 户主周大，8岁；花名册：无"
    assert zhou.since == planted.REGISTER_RECEIVED and zhou.is_open and zhou.check is None
    assert zhou.as_json()["id_number_masked"] == f"**************{planted.ZHOU[-4:]}"
    assert zhou.as_json(full_id_rights=True)["id_number_masked"] == f"5104**********{planted.ZHOU[-4:]}"
    assert set(zhou.as_json()) >= {"kind", "name", "village", "birth_date", "id_number_masked", "detail"}
    zhang = by_kind[DifferenceKind.POVERTY_NOT_FLAGGED]
    assert zhang.student_id == ids["张三"] and not zhang.weak_match
    assert zhang.detail == "名单：波西村3组 户主张大山，脱贫户；花名册：一般户"
    wang = by_kind[DifferenceKind.NOT_ON_REGISTRY]
    assert wang.since == planted.REGISTRY_RECEIVED and "学籍：无" in wang.detail
    li = by_kind[DifferenceKind.FLAGGED_NOT_ON_LIST]
    assert li.since == planted.POVERTY_RECEIVED


def test_oldest_first_and_filters(township_db, actor) -> None:
    planted.build(township_db, actor)
    listed = township_db.query(compare.differences, TODAY)
    assert [d.since for d in listed] == sorted(d.since for d in listed)
    assert listed[0].kind is DifferenceKind.REGISTRY_NOT_ON_ROSTER  # the registry came first (15 September)
    assert found(township_db, kinds=[DifferenceKind.NOT_ENROLLED]) == {DifferenceKind.NOT_ENROLLED: ["周九"]}
    assert found(township_db, village_id=village_id(township_db, "辣子哨村")) == {}


def test_no_lists_no_differences(township_db, actor) -> None:
    assert township_db.query(compare.differences, TODAY) == []
    assert township_db.query(compare.open_counts_by_village, TODAY) == []


def test_a_not_enrolled_student_is_on_our_roster(township_db, actor) -> None:
    """A 未入学 child is on the roster (and in the ledgers): the register child is no difference."""
    planted.build(township_db, actor)
    township_db.run(roster.add_student, actor, planted_form(township_db), today=TODAY)
    assert DifferenceKind.NOT_ENROLLED not in found(township_db)


def planted_form(db):
    return student_form(db, name="周九", birth=dt.date(2018, 4, 4), id_number=planted.ZHOU, grade=2)


def test_a_weak_match_is_flagged_in_the_status(township_db, actor) -> None:
    planted.build(township_db, actor)
    status = township_db.query(compare.child_status, TODAY).by_key
    assert status[planted.ZHAO] == "已比对（姓名+出生日期）"
    assert status[planted.QIAN] == "已比对"  # the register's lowercase, spaced number is the same number
    assert status[planted.ZHOU] == "户籍有、学籍无（待核查）"
    assert status[planted.WU] == "学前适龄未入园（待核查）"
    assert planted.ZHENG not in status and planted.BABY not in status


def test_counts_by_village(township_db, actor) -> None:
    planted.build(township_db, actor)
    rows = township_db.query(compare.open_counts_by_village, TODAY)
    assert len(rows) == 2
    unknown, bx = rows  # 冯十一 and 王五 (of no known village) came with the registry, the oldest list
    assert unknown.village_id is None and unknown.oldest == planted.REGISTRY_RECEIVED
    assert unknown.counts == {DifferenceKind.REGISTRY_NOT_ON_ROSTER: 1, DifferenceKind.NOT_ON_REGISTRY: 1}
    assert bx.village == "波西村" and bx.total == 4 and bx.oldest == planted.REGISTER_RECEIVED
    assert bx.counts == {DifferenceKind.NOT_ENROLLED: 1, DifferenceKind.PRESCHOOL_NOT_ENROLLED: 1,
                         DifferenceKind.POVERTY_NOT_FLAGGED: 1, DifferenceKind.FLAGGED_NOT_ON_LIST: 1}


def _check(db, kind: DifferenceKind, key: str, result: str, **fields) -> None:
    def add(session):
        session.add(ReconcileCheck(kind=kind.value, person_key=key, name="周九", result=result, checked_by="村干部",
                                   checked_on=TODAY, **fields))
    db.run(add)


def test_a_check_closes_and_an_expired_deferral_opens_again(township_db, actor) -> None:
    planted.build(township_db, actor)
    _check(township_db, DifferenceKind.NOT_ENROLLED, planted.ZHOU, "延缓入学", approval_body="平地镇中心校",
           approval_document="平中校〔2026〕5号", approval_expires_on=dt.date(2027, 8, 31))
    assert DifferenceKind.NOT_ENROLLED not in found(township_db)
    closed = [d for d in township_db.query(compare.differences, TODAY, include_checked=True)
              if d.kind is DifferenceKind.NOT_ENROLLED]
    assert len(closed) == 1 and not closed[0].is_open and closed[0].check.result == "延缓入学"
    later = township_db.query(compare.differences, dt.date(2027, 8, 31))
    assert [d.name for d in later if d.kind is DifferenceKind.NOT_ENROLLED] == ["周九"]
    assert township_db.query(compare.child_status, TODAY).by_key[planted.ZHOU] == \
        "延缓入学（平地镇中心校，平中校〔2026〕5号，至2027-08-31）"


def test_a_checked_difference_that_no_longer_holds_stays_on_record(township_db, actor) -> None:
    planted.build(township_db, actor)
    _check(township_db, DifferenceKind.NOT_ENROLLED, planted.ZHOU, "失学")
    student = township_db.run(roster.add_student, actor, planted_form(township_db), today=TODAY)
    checked = [d for d in township_db.query(compare.differences, TODAY, include_checked=True)
               if d.kind is DifferenceKind.NOT_ENROLLED]
    assert len(checked) == 1 and checked[0].student_id == student and not checked[0].is_open


def test_person_key() -> None:
    assert person_key("周九", dt.date(2018, 4, 4), None) == "周九|2018-04-04"
    assert person_key("周九", None, " 510411 20180404 023x") == "51041120180404023X"


def test_a_newer_registry_replaces_the_older_and_places_children_by_their_school(township_db, actor) -> None:
    planted.build(township_db, actor)
    bx_school = school_id(township_db, "波西村小学")
    wei = planted.number(dt.date(2016, 10, 10), 33)
    newer = [ListedPerson(name="卫十二", row=4, birth_date=dt.date(2016, 10, 10), id_number=wei,
                          registry_no=f"G{wei}", school_id=bx_school, school_name="波西村小学", grade_text="四年级")]
    township_db.run(store_list, actor, ListKind.REGISTRY, newer, today=TODAY, source="学籍系统",
                    received_on=dt.date(2026, 11, 1), village_id=None, school_year=2026)
    registry = {(d.kind, d.name): d for d in township_db.query(compare.differences, TODAY)
                if d.kind in (DifferenceKind.REGISTRY_NOT_ON_ROSTER, DifferenceKind.NOT_ON_REGISTRY)}
    # The older export's people are no longer in force: 冯十一 is gone, the central school no longer covered.
    assert set(registry) == {(DifferenceKind.REGISTRY_NOT_ON_ROSTER, "卫十二"),
                             (DifferenceKind.NOT_ON_REGISTRY, "褚小")}
    assert registry[(DifferenceKind.REGISTRY_NOT_ON_ROSTER, "卫十二")].village == "波西村"  # the school's village
    assert registry[(DifferenceKind.NOT_ON_REGISTRY, "褚小")].village == "辣子哨村"  # the household's


def test_the_ledger_line_of_a_student_matched_by_name_and_birth_shows_the_match(township_db, actor) -> None:
    """赵六 is on the roster without an ID number and on the register with one: his own line says how he
    was matched, as does 钱七's (matched by the number)."""
    from schoolaid.dropout.ledgers import school_age_ledger

    ids = planted.build(township_db, actor)
    rows = {row.student_id: row for row in township_db.query(school_age_ledger, TODAY) if row.student_id}
    assert rows[ids["赵六"]].reconcile == "已比对（姓名+出生日期）"
    assert rows[ids["钱七"]].reconcile == "已比对"
    statuses = township_db.query(compare.child_status, TODAY)
    assert statuses.of(ids["赵六"], person_key("赵六", dt.date(2017, 2, 2), None)) == "已比对（姓名+出生日期）"


def test_a_head_of_the_same_name_is_not_the_listed_household(township_db, actor) -> None:
    """Two households in 波西村 are headed by a 张大山; the poverty list gives one of them with its members'
    ID numbers (张三's). The other household's children are not on the list, whatever the head's name."""
    from schoolaid.roster import households
    from schoolaid.roster.households import HouseholdForm

    planted.build(township_db, actor)
    other = township_db.run(households.create_household, actor,
                            HouseholdForm(head_name="张大山", village_id=village_id(township_db, "波西村"),
                                          group_name="7"), today=TODAY)
    with_number = planted.number(dt.date(2016, 6, 1), 41)
    for name, number, confirmed in (("张小花", with_number, ()), ("张小二", "", ("id.missing",))):
        form = student_form(township_db, name=name, birth=dt.date(2016, 6, 1), id_number=number, grade=4,
                            household_id=other)
        township_db.run(roster.add_student, actor, form, confirmed=confirmed, today=TODAY)
    poverty = found(township_db).get(DifferenceKind.POVERTY_NOT_FLAGGED, [])
    assert poverty == ["张三"]  # by the number; neither child of the other 张大山's household
    # 褚小's household is listed by its head alone (褚大, 辣子哨村): the head's name still finds it.
    # (the same category on both, so no difference to show: the comparison itself says how it matched)
    compared = township_db.query(compare._compared, TODAY, {DifferenceKind.POVERTY_NOT_FLAGGED})
    matched = {item.name: item for item, _difference in compared}
    assert matched["褚小"].weak_match and not matched["褚小"].present
    assert not matched["张三"].weak_match and "张小花" not in matched and "张小二" not in matched
