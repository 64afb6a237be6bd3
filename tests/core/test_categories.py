"""The categories: the priority groups a child belongs to on a day, 建档立卡's replacement for the
ledger and pairing, the students' categories validated and audited, and the roster's sheet columns
read and written."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import openpyxl
import pytest
from sqlalchemy import select

from schoolaid.accounts import audit
from schoolaid.common.errors import ValidationFailed
from schoolaid.roster import households, roster, roster_export, roster_import
from schoolaid.roster.categories import (
    PRIORITY_RULES,
    PriorityGroup,
    category_from_history,
    is_lifted_or_monitored,
    priority_groups,
)
from schoolaid.roster.households import HouseholdForm
from schoolaid.roster.roster import RosterFilter
from schoolaid.roster.roster_import import Outcome
from schoolaid.storage.models import Household, Student
from tests.conftest import TODAY, student_form, village_id
from tests.sheets import id_for, registry_export


@dataclass
class Home:
    category: str = "一般户"
    risk_removed_on: dt.date | None = None
    dibao: bool = False
    tekun: bool = False


@dataclass
class Child:
    orphan: bool = False
    unsupported: bool = False
    disability_category: str = ""
    martyr_child: bool = False


@pytest.mark.parametrize(("home", "child", "groups"), [
    (Home(), Child(), []),
    (None, Child(), []),
    (Home("脱贫户"), Child(), ["脱贫户"]),
    (Home("防止返贫监测对象"), Child(), ["防止返贫监测对象"]),
    (Home("防止返贫监测对象", risk_removed_on=TODAY + dt.timedelta(days=1)), Child(), ["防止返贫监测对象"]),
    (Home("防止返贫监测对象", risk_removed_on=TODAY), Child(), []),  # removed: on record, no longer a priority
    (Home(dibao=True), Child(), ["低保"]),
    (Home(tekun=True), Child(), ["特困供养"]),
    (None, Child(orphan=True), ["孤儿"]),
    (None, Child(unsupported=True), ["事实无人抚养"]),
    (Home(), Child(disability_category="听力"), ["残疾"]),
    (Home(), Child(martyr_child=True), ["烈士子女"]),
    (Home("脱贫户", dibao=True, tekun=True), Child(True, False, "智力", True),
     ["脱贫户", "低保", "特困供养", "孤儿", "残疾", "烈士子女"]),
])
def test_each_priority_group(home, child, groups) -> None:
    assert priority_groups(home, child, TODAY) == groups


def test_the_priority_table_names_its_source_for_every_group() -> None:
    assert [rule[0] for rule in PRIORITY_RULES] == list(PriorityGroup)
    assert all("号" in source for _group, _rule, source in PRIORITY_RULES)
    assert {g.label() for g in PriorityGroup}  # each group has its words


def test_lifted_or_monitored_replaces_registered_poor() -> None:
    assert is_lifted_or_monitored(Home("脱贫户"), TODAY)
    assert is_lifted_or_monitored(Home("防止返贫监测对象"), TODAY)
    assert not is_lifted_or_monitored(Home("防止返贫监测对象", risk_removed_on=TODAY), TODAY)
    assert not is_lifted_or_monitored(Home(dibao=True), TODAY)
    assert not is_lifted_or_monitored(None, TODAY)


@pytest.mark.parametrize(("status", "registered", "year", "expected"), [
    ("一般户", False, None, ("一般户", None, "")),
    ("未脱贫", True, 2016, ("脱贫户", 2016, "")),
    ("已脱贫", True, 2014, ("脱贫户", 2014, "")),
    ("一般户", True, 2015, ("脱贫户", 2015, "")),  # 建档立卡 alone
    ("监测户", False, None, ("防止返贫监测对象", None, "")),
    ("监测户", True, 2017, ("防止返贫监测对象", 2017, "脱贫不稳定户")),
])
def test_the_old_status_maps_to_the_categories(status, registered, year, expected) -> None:
    found = category_from_history(status, registered, year)
    assert (found["category"], found["lifted_year"], found["monitoring_type"]) == expected


# --- the students' categories -------------------------------------------------------------------------


def test_the_students_categories_are_kept_and_audited(township_db, actor) -> None:
    form = student_form(township_db, orphan=True, unsupported=False, disability_category="肢体残疾",
                        disability_grade="二级", disability_certificate="51041120160302001x42", parent_disabled=True,
                        martyr_child=True, in_difficulty=True)
    student = township_db.run(roster.add_student, actor, form, today=TODAY)
    saved = township_db.query(roster.get_form, student)
    assert (saved.disability_category, saved.disability_grade, saved.disability_certificate) == (
        "肢体", "二级", "51041120160302001X42")
    assert saved.orphan and saved.parent_disabled and saved.martyr_child and saved.in_difficulty
    after = township_db.query(audit.history, "student", student)[0].after
    assert (after["orphan"], after["disability_category"], after["martyr_child"]) == (True, "肢体", True)


@pytest.mark.parametrize(("changes", "code"), [
    ({"disability_category": "腿脚不便"}, "disability.category"),
    ({"disability_category": "视力", "disability_grade": "五级"}, "disability.grade"),
    ({"disability_grade": "一级"}, "disability.missing"),
    ({"disability_certificate": "5104112016"}, "disability.missing"),
])
def test_the_disability_fields_are_validated(township_db, actor, changes, code) -> None:
    with pytest.raises(ValidationFailed) as failure:
        township_db.run(roster.add_student, actor, student_form(township_db, **changes), today=TODAY)
    assert [p.code for p in failure.value.problems] == [code]


def test_the_roster_is_filtered_and_sorted_by_category(township_db, actor) -> None:
    db = township_db
    homes = {category: db.run(households.create_household, actor, HouseholdForm(
        head_name=head, village_id=village_id(db, "波西村"), category=category,
        lifted_year=2018 if category == "脱贫户" else None,
        monitoring_identified_on=dt.date(2024, 1, 1) if category == "防止返贫监测对象" else None), today=TODAY)
        for head, category in (("甲户主", "脱贫户"), ("乙户主", "防止返贫监测对象"), ("丙户主", "一般户"))}
    for n, (name, category) in enumerate((("脱贫生", "脱贫户"), ("监测生", "防止返贫监测对象"), ("一般生", "一般户")),
                                         start=1):
        db.run(roster.add_student, actor, student_form(db, name, sequence=n, household_id=homes[category]),
               today=TODAY)
    db.run(roster.add_student, actor, student_form(db, "无户生", sequence=9), today=TODAY)

    def names(category: str) -> list[str]:
        return [r.name for r in db.query(roster.list_rows, RosterFilter(category=category), today=TODAY)]

    assert names("脱贫户") == ["脱贫生"]
    assert names("防止返贫监测对象") == ["监测生"]
    assert sorted(names("一般户")) == ["一般生", "无户生"]  # no household counts as 一般户
    rows = db.query(roster.list_rows, RosterFilter(), "category", today=TODAY)
    assert {r.name: r.category for r in rows}["监测生"] == "防止返贫监测对象"


# --- sheets ------------------------------------------------------------------------------------------

HEADER = ["序号", "姓名", "性别", "民族", "出生日期", "身份证号", "学校", "年级", "班级", "监护人", "家庭住址",
          "家庭类别", "脱贫年度", "是否监测对象", "监测类型", "是否低保", "是否特困", "孤儿", "事实无人抚养",
          "残疾类别", "残疾等级", "残疾证号", "残疾人子女", "烈士子女", "困境儿童"]


def row(name: str, sequence: int, guardian: str, *categories: object) -> list[object]:
    birth = dt.date(2016, 3, sequence)
    return [name, "男", "汉族", birth, id_for(birth, sequence), "平地镇中心校", "四年级", "1班", guardian,
            f"平地镇波西村{sequence}组", *categories]


def test_an_import_reads_every_category_column(township_db, actor, tmp_path) -> None:
    path = registry_export(tmp_path / "类别.xlsx", [
        row("脱贫生", 1, "甲户主", "脱贫户", "2016年", "否", "", "是", "", "", "", "肢体残疾", "2级", "5104", "", "", ""),
        row("监测生", 2, "乙户主", "边缘易致贫户", "", "", "", "", "是", "是", "", "", "", "", "是", "是", "是"),
        row("监测二", 3, "丙户主", "一般户", "", "是", "突发严重困难户", "", "", "", "是", "", "", "", "", "", ""),
        row("一般生", 4, "丁户主", "", "", "", "", "", "", "", "", "无", "", "", "", "", ""),
    ], header=HEADER)
    plan = township_db.query(roster_import.make_plan, roster_import.read_source(path), today=TODAY)
    assert [r.outcome for r in plan.rows] == [Outcome.NEW] * 4, [r.problems for r in plan.rows]
    township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    with township_db.read() as session:
        homes = {h.head_name: h for h in session.scalars(select(Household))}
        kids = {s.name: s for s in session.scalars(select(Student))}
        assert (homes["甲户主"].category, homes["甲户主"].lifted_year, homes["甲户主"].dibao) == ("脱贫户", 2016, True)
        assert (homes["乙户主"].category, homes["乙户主"].monitoring_type, homes["乙户主"].tekun) == (
            "防止返贫监测对象", "边缘易致贫户", True)
        assert (homes["丙户主"].category, homes["丙户主"].monitoring_type) == ("防止返贫监测对象", "突发严重困难户")
        assert homes["丁户主"].category == "一般户"
        first = kids["脱贫生"]
        assert (first.disability_category, first.disability_grade, first.disability_certificate) == (
            "肢体", "二级", "5104")
        second = kids["监测生"]
        assert (second.orphan, second.martyr_child, second.in_difficulty, second.unsupported) == (
            True, True, True, False)
        assert kids["监测二"].unsupported and not kids["一般生"].disability_category


@pytest.mark.parametrize("header", ["是否脱贫户", "是否建档立卡户", "建档立卡户", "是否建档立卡"])
def test_the_old_and_new_yes_no_headers_mean_lifted(township_db, actor, tmp_path, header) -> None:
    path = registry_export(tmp_path / "旧表.xlsx", [row("脱贫生", 1, "甲户主", "是", "2015")],
                           header=[*HEADER[:11], header, "脱贫年度"])
    plan = township_db.query(roster_import.make_plan, roster_import.read_source(path), today=TODAY)
    township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    with township_db.read() as session:
        home = session.scalars(select(Household)).one()
        assert (home.category, home.lifted_year) == ("脱贫户", 2015)


def test_an_unreadable_category_is_a_warning_and_a_different_one_on_the_roster_is_left(township_db, actor,
                                                                                        tmp_path) -> None:
    db = township_db
    home = db.run(households.create_household, actor, HouseholdForm(
        head_name="甲户主", village_id=village_id(db, "波西村"), category="脱贫户", lifted_year=2018), today=TODAY)
    path = registry_export(tmp_path / "类别.xlsx", [
        row("脱贫生", 1, "甲户主", "一般户"), row("怪类别", 2, "乙户主", "五保户")], header=HEADER[:12])
    plan = db.query(roster_import.make_plan, roster_import.read_source(path), today=TODAY)
    warned = {r.name: [p.code for p in r.warnings] for r in plan.rows}
    assert warned == {"脱贫生": ["import.household_category"], "怪类别": ["import.category"]}
    db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    assert db.query(households.view, home, today=TODAY).category == "脱贫户"


def test_the_export_writes_the_category_columns(demo_db, actor, tmp_path) -> None:
    path = tmp_path / "roster.xlsx"
    demo_db.query(roster_export.export_roster, actor, path, today=TODAY)
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[3]]
    for name in ("家庭类别", "脱贫年度", "是否监测对象", "监测类型", "是否低保", "是否特困", "孤儿", "事实无人抚养",
                 "残疾类别", "残疾等级", "残疾证号", "残疾人子女", "烈士子女", "困境儿童"):
        assert name in header, name
    assert "是否建档立卡" not in header
    values = {c.value for row_cells in sheet.iter_rows(min_row=4) for c in row_cells[header.index("家庭类别"):][:1]}
    assert {"脱贫户", "防止返贫监测对象", "一般户"} <= values
