import datetime as dt

import pytest

from schoolaid.accounts import audit, audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import NotPermitted, Role
from schoolaid.common.errors import NotFound, ValidationFailed
from schoolaid.reconcile import checks
from schoolaid.reconcile import differences as compare
from schoolaid.reconcile.checks import CheckForm
from schoolaid.reconcile.vocabulary import DifferenceKind
from schoolaid.roster import households, roster
from schoolaid.storage.models import ReconcileCheck, Student
from tests import reconcile_township as planted
from tests.conftest import TODAY, school_id

NOT_ENROLLED = DifferenceKind.NOT_ENROLLED


def open_kinds(db, today=TODAY) -> dict[DifferenceKind, list[str]]:
    found: dict[DifferenceKind, list[str]] = {}
    for difference in db.query(compare.differences, today):
        found.setdefault(difference.kind, []).append(difference.name)
    return found


def form(result: str, **fields) -> CheckForm:
    return CheckForm(result=result, checked_by="村干部王五", checked_on=TODAY - dt.timedelta(days=2), **fields)


def refused(db, actor, kind, key, check_form) -> set[str]:
    with pytest.raises(ValidationFailed) as failure:
        db.run(checks.record_check, actor, kind, key, check_form, today=TODAY)
    return {p.code for p in failure.value.problems}


@pytest.fixture
def town(township_db, actor):
    planted.build(township_db, actor)
    return township_db


def test_studying_elsewhere_needs_where_and_how(town, actor) -> None:
    assert refused(town, actor, NOT_ENROLLED, planted.ZHOU, form("在外地就读")) == {
        "check.school", "check.place", "check.confirmed_how"}
    assert refused(town, actor, NOT_ENROLLED, planted.ZHOU, form(
        "在外地就读", school_name="攀枝花市第二小学", place="攀枝花市东区", confirmed_how="电话")) == {"check.confirmed_with"}
    outcome = town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, form(
        "在外地就读", school_name="攀枝花市第二小学", place="攀枝花市东区", confirmed_how="电话",
        confirmed_with="周大 13912345678"), today=TODAY)
    assert NOT_ENROLLED not in open_kinds(town)
    closed = [d for d in town.query(compare.differences, TODAY, include_checked=True) if d.kind is NOT_ENROLLED]
    assert closed[0].check.id == outcome.check_id
    assert closed[0].check.summary() == "在外地就读（攀枝花市第二小学，攀枝花市东区，电话，周大 13912345678）"
    event = town.query(audit.history, "reconcile_check", outcome.check_id)[0]
    assert event.after["result"] == "在外地就读" and event.after["person_key"] == planted.ZHOU
    assert town.query(audit_verify.verify).ok


def test_the_result_must_fit_the_kind_and_the_day(town, actor) -> None:
    assert refused(town, actor, DifferenceKind.FLAGGED_NOT_ON_LIST, planted.LI, form("在外地就读")) == {"check.result"}
    late = CheckForm(result="死亡", checked_by="", checked_on=TODAY + dt.timedelta(days=1))
    assert refused(town, actor, NOT_ENROLLED, planted.ZHOU, late) == {"check.checked_by", "check.checked_on_future"}
    with pytest.raises(NotFound):
        town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHANG, form("死亡"), today=TODAY)
    assert town.query(lambda s: s.query(ReconcileCheck).count()) == 0


def test_at_our_school_links_the_student(town, actor) -> None:
    ids = {s.name: s.id for s in town.query(lambda s: s.query(Student).all())}
    kind = DifferenceKind.REGISTRY_NOT_ON_ROSTER
    assert refused(town, actor, kind, planted.FENG, form("已在本校")) == {"check.student"}
    outcome = town.run(checks.record_check, actor, kind, planted.FENG, form("已在本校", student_id=ids["钱七"]),
                       today=TODAY)
    assert outcome.student_id == ids["钱七"]
    assert kind not in open_kinds(town)


def test_a_deferral_closes_until_it_ends(town, actor) -> None:
    ends = dt.date(2027, 8, 31)
    assert refused(town, actor, NOT_ENROLLED, planted.ZHOU, form("延缓入学")) == {
        "check.approval_body", "check.approval_document", "check.approval_expires"}
    assert refused(town, actor, NOT_ENROLLED, planted.ZHOU, form(
        "延缓入学", approval_body="平地镇中心校", approval_document="平中校〔2026〕5号",
        approval_expires_on=TODAY - dt.timedelta(days=2))) == {"check.approval_expired"}
    town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, form(
        "延缓入学", approval_body="平地镇中心校", approval_document="平中校〔2026〕5号", approval_expires_on=ends),
        today=TODAY)
    assert NOT_ENROLLED not in open_kinds(town)
    assert NOT_ENROLLED not in open_kinds(town, ends - dt.timedelta(days=1))
    assert open_kinds(town, ends)[NOT_ENROLLED] == ["周九"]


def test_out_of_school_puts_the_child_on_the_roster_as_not_enrolled(town, actor) -> None:
    placement = town.query(checks.proposed_placement, planted.ZHOU, TODAY)
    assert placement.label() == "波西村小学三年级"  # 8 on 31 August, of 波西村
    outcome = town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, form("失学"), today=TODAY)
    student = town.query(lambda s: s.get(Student, outcome.student_id))
    assert (student.name, student.status, student.stage, student.grade, student.sex) == ("周九", "未入学", "小学", 3, "男")
    assert student.id_number == planted.ZHOU and student.school_id == school_id(town, "波西村小学")
    assert NOT_ENROLLED not in open_kinds(town)
    checked = [d for d in town.query(compare.differences, TODAY, include_checked=True) if d.kind is NOT_ENROLLED]
    assert [(d.student_id, d.check.result, d.is_open) for d in checked] == [(outcome.student_id, "失学", False)]
    assert town.query(compare.child_status, TODAY).by_key[planted.ZHOU] == "失学"
    # A newer check supersedes; the older stays on record and the student is not opened twice.
    again = town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU, form("失学", note="复核"), today=TODAY)
    assert again.student_id == outcome.student_id
    assert [c.result for c in town.query(checks.history, NOT_ENROLLED, planted.ZHOU)] == ["失学", "失学"]


def test_out_of_school_placement_may_be_chosen(town, actor) -> None:
    outcome = town.run(checks.record_check, actor, NOT_ENROLLED, planted.ZHOU,
                       form("失学", school_id=school_id(town, "平地镇中心校"), stage="小学", grade=2), today=TODAY)
    student = town.query(lambda s: s.get(Student, outcome.student_id))
    assert (student.school_id, student.grade) == (school_id(town, "平地镇中心校"), 2)


def test_a_teacher_records_no_check(town) -> None:
    teacher = Actor("班主任", role=Role.TEACHER.value)
    with pytest.raises(NotPermitted):
        town.run(checks.record_check, teacher, NOT_ENROLLED, planted.ZHOU, form("死亡"), today=TODAY)


def test_corrected_sets_the_household_category_from_the_list(town, actor) -> None:
    ids = {s.name: (s.id, s.household_id) for s in town.query(lambda s: s.query(Student).all())}
    kind = DifferenceKind.POVERTY_NOT_FLAGGED
    outcome = town.run(checks.record_check, actor, kind, planted.ZHANG, form("已更正"), today=TODAY)
    household_id = ids["张三"][1]
    assert outcome.household_id == household_id
    corrected = town.query(households.get_form, household_id)
    assert (corrected.category, corrected.lifted_year) == ("脱贫户", 2016)
    assert town.query(audit.history, "household", household_id)[-1].after["category"] == "脱贫户"
    assert kind not in open_kinds(town)
    kind = DifferenceKind.FLAGGED_NOT_ON_LIST
    town.run(checks.record_check, actor, kind, planted.LI, form("已更正"), today=TODAY)
    corrected = town.query(households.get_form, ids["李四"][1])
    assert (corrected.category, corrected.lifted_year) == ("一般户", None)
    assert kind not in open_kinds(town)
    assert [d.kind for d in town.query(compare.differences, TODAY, include_checked=True)
            if not d.is_open].count(kind) == 1


def test_list_wrong_leaves_the_roster_alone(town, actor) -> None:
    kind = DifferenceKind.NOT_ON_REGISTRY
    wang = next(d for d in town.query(compare.differences, TODAY) if d.kind is kind)
    outcome = town.run(checks.record_check, actor, kind, wang.person_key, form("名单有误", evidence="学籍系统截图"),
                       today=TODAY)
    assert outcome.student_id == wang.student_id
    assert kind not in open_kinds(town)
    student = town.query(lambda s: s.get(Student, wang.student_id))
    assert student.status == "在读"
    assert town.query(roster.get_form, wang.student_id).registry_no == ""
