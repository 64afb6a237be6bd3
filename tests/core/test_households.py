import pytest

from schoolaid.accounts import audit
from schoolaid.common.errors import NotAllowed, ValidationFailed
from schoolaid.roster import households, roster
from schoolaid.roster.households import HouseholdForm, MemberForm, SkillForm
from tests.conftest import TODAY, student_form, village_id


def poor_household(db, **changes) -> HouseholdForm:
    form = HouseholdForm(
        head_name="王大树", village_id=village_id(db, "波西村"), group_name="3", phone="139 1234 5678",
        registered_poor=True, poor_card_no="5104110000123", poor_year=2015, poverty_status="已脱贫",
        members=[
            MemberForm(name="王大树", relation="户主", sex="男", birth_year=1982, is_main_labourer=True,
                       work="外出务工", skills=[SkillForm("电焊", 2018, "仁和区人社局")]),
            MemberForm(name="李秀英", relation="配偶", sex="女", birth_year=1985),
        ])
    for key, value in changes.items():
        setattr(form, key, value)
    return form


def test_household_with_members_and_skills(township_db, actor) -> None:
    household_id = township_db.run(households.create_household, actor, poor_household(township_db),
                                   today=TODAY)
    view = township_db.query(households.view, household_id, today=TODAY)
    assert view.group_name == "3组" and view.phone == "13912345678"
    assert view.village == "波西村" and view.is_poor_village
    assert [m.name for m in view.main_labourers] == ["王大树"]
    assert view.has_skilled_labourer
    assert view.members[0].skills[0].skill == "电焊"
    history = township_db.query(audit.history, "household", household_id)
    assert history[0].after["members"][0]["skills"][0]["skill"] == "电焊"


def test_children_appear_in_the_household_view(township_db, actor) -> None:
    household_id = township_db.run(households.create_household, actor, poor_household(township_db),
                                   today=TODAY)
    township_db.run(roster.add_student, actor, student_form(township_db, household_id=household_id),
                    today=TODAY)
    view = township_db.query(households.view, household_id, today=TODAY)
    assert [c.name for c in view.children] == ["张三"]
    with pytest.raises(NotAllowed):
        township_db.run(households.delete_household, actor, household_id)


def test_poverty_status_must_agree_with_registration(township_db, actor) -> None:
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(households.create_household, actor, poor_household(township_db, poverty_status="一般户"),
                        today=TODAY)
    assert failure.value.problems[0].code == "poverty.registered_not_poor"
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(households.create_household, actor, poor_household(
            township_db, registered_poor=False, poverty_status="未脱贫"), today=TODAY)
    assert failure.value.problems[0].code == "poverty.not_registered"


def test_missing_card_number_is_a_warning(township_db, actor) -> None:
    form = poor_household(township_db, poor_card_no="")
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(households.create_household, actor, form, today=TODAY)
    assert failure.value.only_warnings
    township_db.run(households.create_household, actor, form, confirmed={"poverty.card_missing"}, today=TODAY)


def test_update_replaces_members_and_is_audited(township_db, actor) -> None:
    household_id = township_db.run(households.create_household, actor, poor_household(township_db),
                                   today=TODAY)
    form = township_db.query(households.get_form, household_id)
    form.members[1].is_main_labourer = True
    form.members[1].skills.append(SkillForm("家政服务", 2020, "平地镇农业服务中心"))
    form.poverty_status = "监测户"
    township_db.run(households.update_household, actor, household_id, form, today=TODAY)
    view = township_db.query(households.view, household_id, today=TODAY)
    assert [m.name for m in view.main_labourers] == ["王大树", "李秀英"]
    history = township_db.query(audit.history, "household", household_id)
    assert [h.action for h in history] == ["create", "update"]
    assert {c.field for c in history[1].changes} == {"members", "poverty_status"}


def test_household_without_skills_is_noticed(township_db, actor) -> None:
    form = poor_household(township_db)
    form.members[0].skills = []
    household_id = township_db.run(households.create_household, actor, form, today=TODAY)
    assert not township_db.query(households.view, household_id, today=TODAY).has_skilled_labourer


def test_search_by_name_and_initials(township_db, actor) -> None:
    township_db.run(households.create_household, actor, poor_household(township_db), today=TODAY)
    township_db.run(households.create_household, actor, poor_household(
        township_db, head_name="张小河", village_id=village_id(township_db, "辣子哨村"), members=[]), today=TODAY)
    assert [h.head_name for h in township_db.query(households.search, "大树")] == ["王大树"]
    assert [h.head_name for h in township_db.query(households.search, "zxh")] == ["张小河"]
    assert [h.head_name for h in township_db.query(
        households.search, "", village_id(township_db, "辣子哨村"))] == ["张小河"]
