import datetime as dt

import pytest

from schoolaid.accounts import audit
from schoolaid.common.errors import NotAllowed, ValidationFailed
from schoolaid.roster import households, roster
from schoolaid.roster.households import HouseholdForm, MemberForm, SkillForm
from tests.conftest import TODAY, student_form, village_id


def poor_household(db, **changes) -> HouseholdForm:
    form = HouseholdForm(
        head_name="王大树", village_id=village_id(db, "波西村"), group_name="3", phone="139 1234 5678",
        category="脱贫户", lifted_year=2016,
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


def refused(db, actor, form, **kwargs) -> list[str]:
    with pytest.raises(ValidationFailed) as failure:
        db.run(households.create_household, actor, form, today=TODAY, **kwargs)
    return [p.code for p in failure.value.problems]


@pytest.mark.parametrize(("changes", "code"), [
    ({"lifted_year": 2012}, "category.lifted_year_range"),
    ({"lifted_year": 2027}, "category.lifted_year_range"),  # after the year of today (2026)
    ({"category": "一般户"}, "category.lifted_year_general"),
    ({"category": "贫困户"}, "category.invalid"),
    ({"category": "一般户", "lifted_year": None, "dibao": True, "monitoring_type": "边缘易致贫户"},
     "category.monitoring_not_monitored"),
    ({"category": "防止返贫监测对象", "monitoring_type": "返贫户", "monitoring_identified_on": dt.date(2024, 1, 1)},
     "category.monitoring_type"),
    ({"category": "防止返贫监测对象", "monitoring_identified_on": dt.date(2025, 5, 1),
      "risk_removed_on": dt.date(2025, 4, 30)}, "category.removed_before_identified"),
    ({"category": "防止返贫监测对象", "monitoring_identified_on": TODAY + dt.timedelta(days=1)},
     "category.identified_future"),
])
def test_the_categories_rules_are_the_services(township_db, actor, changes, code) -> None:
    """The year of a 脱贫户 (2013 … the year of today), the monitoring type and dates only on a 监测对象,
    the risk not removed before the household was identified (中农组发〔2021〕7号)."""
    assert refused(township_db, actor, poor_household(township_db, **changes)) == [code]


def test_each_category_is_recorded_and_audited(township_db, actor) -> None:
    form = poor_household(township_db, category="防止返贫监测对象", monitoring_type="脱贫不稳定户",
                          monitoring_identified_on=dt.date(2023, 4, 10), risk_removed_on=dt.date(2025, 6, 30),
                          dibao=True, tekun=True)
    household_id = township_db.run(households.create_household, actor, form, today=TODAY)
    view = township_db.query(households.view, household_id, today=TODAY)
    assert (view.category, view.lifted_year, view.monitoring_type) == ("防止返贫监测对象", 2016, "脱贫不稳定户")
    assert (view.monitoring_identified_on, view.risk_removed_on) == (dt.date(2023, 4, 10), dt.date(2025, 6, 30))
    assert view.dibao and view.tekun
    after = township_db.query(audit.history, "household", household_id)[0].after
    assert (after["category"], after["risk_removed_on"], after["dibao"]) == ("防止返贫监测对象", "2025-06-30", True)
    # A monitored household without the date identified, a 脱贫户 without its year: warnings to confirm.
    for code, changes in (("category.identified_missing", {"category": "防止返贫监测对象", "lifted_year": None}),
                          ("category.lifted_year_missing", {"lifted_year": None})):
        form = poor_household(township_db, head_name="李四海", **changes)
        assert refused(township_db, actor, form) == [code]
        township_db.run(households.create_household, actor, form, confirmed={code}, today=TODAY)


def test_the_old_registration_fields_are_kept_as_history(township_db, actor) -> None:
    form = poor_household(township_db, registered_poor=True, poor_card_no="5104110000123", poor_year=2015,
                          poverty_status="已脱贫")
    household_id = township_db.run(households.create_household, actor, form, today=TODAY)
    form = township_db.query(households.get_form, household_id)
    form.lifted_year = 2017
    township_db.run(households.update_household, actor, household_id, form, today=TODAY)
    form = township_db.query(households.get_form, household_id)
    assert (form.registered_poor, form.poor_card_no, form.poor_year, form.poverty_status) == (
        True, "5104110000123", 2015, "已脱贫")
    assert form.lifted_year == 2017


def test_update_replaces_members_and_is_audited(township_db, actor) -> None:
    household_id = township_db.run(households.create_household, actor, poor_household(township_db),
                                   today=TODAY)
    form = township_db.query(households.get_form, household_id)
    form.members[1].is_main_labourer = True
    form.members[1].skills.append(SkillForm("家政服务", 2020, "平地镇农业服务中心"))
    form.category = "防止返贫监测对象"
    form.monitoring_identified_on = dt.date(2024, 9, 1)
    township_db.run(households.update_household, actor, household_id, form, today=TODAY)
    view = township_db.query(households.view, household_id, today=TODAY)
    assert [m.name for m in view.main_labourers] == ["王大树", "李秀英"]
    history = township_db.query(audit.history, "household", household_id)
    assert [h.action for h in history] == ["create", "update"]
    assert {c.field for c in history[1].changes} == {"members", "category", "monitoring_identified_on"}


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
