"""Importing the lists of 四查三比对 as they are handed over: a messy register of a few thousand people
(title rows, a merged two-row header, people of all ages, mangled ID numbers, a duplicate, a footer), the
same as a GBK CSV, a poverty list and a registry export; every row's outcome with its reason, nothing
written until applied, and then all of it or nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from schoolaid.accounts import audit
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.documents.spreadsheet import UnreadableFile
from schoolaid.reconcile import list_import, lists
from schoolaid.reconcile.list_columns import ListField
from schoolaid.reconcile.list_import import ListImportOptions, RowOutcome
from schoolaid.reconcile.vocabulary import ListKind
from schoolaid.storage.models import ReferenceList, ReferencePerson
from tests.conftest import TODAY, school_id, village_id
from tests.reference_lists import (
    RegistryStudent,
    make_register_people,
    messy_register,
    poverty_members,
    write_hukou_csv,
    write_hukou_workbook,
    write_poverty_workbook,
    write_registry_workbook,
)

AGE_DAY = SchoolYear.containing(TODAY).age_reference_day


def plan(db, path, kind=ListKind.HUKOU, **options):
    return db.query(list_import.read_and_plan, path, kind, ListImportOptions(**options), today=TODAY)


def apply(db, actor, the_plan, village=None, received=TODAY):
    return db.run(list_import.apply_list, actor, the_plan, today=TODAY, source="平地派出所", received_on=received,
                  village_id=village)


@pytest.fixture(scope="module")
def register(tmp_path_factory):
    path = tmp_path_factory.mktemp("register") / "平地镇波西村户籍人口花名册.xlsx"
    return path, messy_register(path, village="波西村", households=900, reference_day=AGE_DAY)


def test_a_messy_register_of_a_few_thousand_people_imports_right(township_db, actor, register):
    path, expected = register
    assert len(expected.people) > 3000
    the_plan = plan(township_db, path)
    header = the_plan.source.headers[0]
    assert header.excel_row == 4  # the lower row of the two-row header, under the title and 填报单位
    assert set(header.mapping.values()) >= {ListField.HOUSEHOLD_NO, ListField.HEAD, ListField.RELATION,
                                            ListField.NAME, ListField.ID_NUMBER, ListField.BIRTH_DATE}
    summary = the_plan.summary_json()
    assert list(summary) == ["list", "people", "children", "rejected", "warnings"]
    assert (summary["list"], summary["people"], summary["children"]) == ("hukou", expected.kept, expected.children)
    assert the_plan.count(RowOutcome.DROPPED) == expected.dropped
    assert {r["row"]: r["name"] for r in summary["rejected"]} == expected.rejected
    reasons = [r["reason"] for r in summary["rejected"]]
    assert sum("被 Excel 转成了数字" in reason for reason in reasons) == 2
    assert sum("校验码" in reason for reason in reasons) == 1
    assert {r.row: r.same_as_row for r in the_plan.rows if r.outcome is RowOutcome.MERGED} == expected.merged
    [merged] = [r for r in the_plan.rows if r.outcome is RowOutcome.MERGED]
    assert [p.code for p in merged.problems] == ["list.duplicate"] and str(merged.same_as_row) in merged.reason
    assert [w["row"] for w in summary["warnings"]] == [merged.row]
    by_name = {p.name: p for p in the_plan.people}
    for name, number in expected.cleaned.items():  # the lowercase x and the spaces cleaned
        assert by_name[name].id_number == number
    bosi = village_id(township_db, "波西村")
    assert the_plan.village_id == bosi and {p.village_id for p in the_plan.people} == {bosi}
    children = [p for p in the_plan.people if p.is_child]
    assert all(p.head_name and p.household_no for p in children)  # the merged 户主 cells read for every member
    assert all(p.relation == "户主" for p in the_plan.people if not p.is_child)
    assert township_db.query(lists.list_lists) == []  # nothing written by the preview

    stored = apply(township_db, actor, the_plan, village=the_plan.village_id)
    with township_db.read() as session:
        reference = session.get(ReferenceList, stored.id)
        assert (reference.people, reference.children, reference.rejected, reference.village_id) == (
            expected.kept, expected.children, 3, bosi)
        assert reference.file_name == path.name and reference.school_year == SchoolYear.containing(TODAY).start_year
        assert session.scalar(select(func.count()).select_from(ReferencePerson)) == expected.kept


def test_the_same_register_as_a_gbk_csv_with_a_village_column(township_db, actor, tmp_path):
    people = (make_register_people("波西村", 40, reference_day=AGE_DAY, seed=3)
              + make_register_people("辣子哨村", 40, reference_day=AGE_DAY, seed=4, first_household=41))
    path = write_hukou_csv(tmp_path / "户籍.csv", people)
    assert path.read_bytes().decode("gbk")  # really GBK
    the_plan = plan(township_db, path)
    expected = [p for p in people if p.is_child_on(AGE_DAY) or p.is_head]
    assert the_plan.summary_json()["people"] == len(expected) and not the_plan.rejected
    villages = {p.name: p.village_id for p in the_plan.people}
    assert {villages[p.name] for p in expected if p.village == "辣子哨村"} == {village_id(township_db, "辣子哨村")}
    assert the_plan.village_id is None  # two villages: a township-wide list
    assert {p.group_name for p in the_plan.people} <= {f"{n}组" for n in range(1, 7)}
    apply(township_db, actor, the_plan)
    assert township_db.query(lists.register_villages, SchoolYear.containing(TODAY).start_year) == {
        village_id(township_db, "波西村"), village_id(township_db, "辣子哨村")}


def test_unknown_villages_are_warned_and_a_chosen_village_covers_the_whole_file(township_db, tmp_path):
    people = make_register_people("石门村", 5, reference_day=AGE_DAY, seed=5)
    path = write_hukou_csv(tmp_path / "户籍.csv", people)
    the_plan = plan(township_db, path)
    assert the_plan.warned and all("石门村" in r.reason and [p.code for p in r.problems] == ["list.village_unknown"]
                                   for r in the_plan.warned)
    assert the_plan.summary_json()["warnings"][0]["row"] is None  # the file names no village of ours
    bosi = village_id(township_db, "波西村")
    chosen = plan(township_db, path, village_id=bosi)
    assert {p.village_id for p in chosen.people} == {bosi} and chosen.village_id == bosi


def test_rows_are_refused_with_a_clear_reason(township_db, tmp_path):
    base = make_register_people("波西村", 3, reference_day=AGE_DAY, seed=6)
    child = next(p for p in base if p.is_child_on(AGE_DAY))
    from dataclasses import replace

    rows = [replace(child, name="", id_cell=""),
            replace(child, name="王五", id_cell="5104**********1234"),
            replace(child, name="赵六", id_cell="51041120150"),
            replace(child, name="钱七", id_number=None, id_cell=""),
            replace(child, name="孙八", id_cell="510411" + "20991231" + "0011")]
    path = write_hukou_workbook(tmp_path / "r.xlsx", rows, merge_households=False)
    the_plan = plan(township_db, path)
    codes = {r.row: [p.code for p in r.errors] for r in the_plan.rejected}
    # 钱七 has no ID number but the birth date column: kept
    assert codes == {5: ["name.missing"], 6: ["list.id_masked"], 7: ["id.length"], 9: ["id.birth_date"]}
    assert all(r.reason for r in the_plan.rejected) and "5104**********1234" in the_plan.rejected[1].reason
    assert "18 位" in the_plan.rejected[2].reason and [p.name for p in the_plan.people] == ["钱七"]


def test_a_poverty_list_with_categories_on_the_heads_rows_only(township_db, actor, tmp_path):
    people = make_register_people("波西村", 30, reference_day=AGE_DAY, seed=8)
    heads = [p.name for p in people if p.is_head]
    categories = {heads[0]: "脱贫户", heads[1]: "脱贫不稳定户", heads[2]: "边缘易致贫户", heads[3]: "突发严重困难户"}
    members = poverty_members(people, categories, {heads[0]: "2016", heads[1]: "2022-05-10"})
    path = write_poverty_workbook(tmp_path / "脱贫户.xlsx", members)
    the_plan = plan(township_db, path, ListKind.POVERTY)
    assert not the_plan.rejected and not the_plan.warned
    assert len(the_plan.people) == len(members)
    by_head = {p.head_name: p for p in the_plan.people if p.relation != "户主"}
    assert (by_head[heads[0]].category, by_head[heads[0]].lifted_year) == ("脱贫户", 2016)
    assert (by_head[heads[1]].category, by_head[heads[1]].monitoring_type, by_head[heads[1]].identified_on) == (
        "防止返贫监测对象", "脱贫不稳定户", dt.date(2022, 5, 10))
    assert {p.monitoring_type for p in the_plan.people} == {"", "脱贫不稳定户", "边缘易致贫户", "突发严重困难户"}
    assert all(p.head_id_number for p in the_plan.people)
    stored = apply(township_db, actor, the_plan)
    assert stored.kind == "poverty"


def test_a_registry_export_refuses_rows_of_schools_not_ours(township_db, tmp_path):
    birth = dt.date(2016, 3, 2)
    from schoolaid.roster.idnumber import make_number

    students = [RegistryStudent("张三", True, birth, make_number("510411", birth, 11), "平地镇中心校"),
                RegistryStudent("李四", False, birth, make_number("510411", birth, 12), "波西村小学",
                                registry_no=f"L{birth:%Y%m%d}0001"),
                RegistryStudent("王五", True, birth, make_number("510411", birth, 13), "攀枝花市实验小学")]
    path = write_registry_workbook(tmp_path / "学籍.xlsx", students)
    the_plan = plan(township_db, path, ListKind.REGISTRY)
    kept = {p.name: p for p in the_plan.people}
    assert kept["张三"].school_id == school_id(township_db, "平地镇中心校")
    assert kept["张三"].registry_no == f"G{students[0].id_number}" and kept["李四"].registry_no.startswith("L")
    assert kept["张三"].grade_text == "四年级 1班" and kept["张三"].is_child
    [refused] = the_plan.summary_json()["rejected"]
    assert refused["name"] == "王五" and "攀枝花市实验小学" in refused["reason"]
    assert [p.code for p in the_plan.rejected[0].problems] == ["list.school_unknown"]


def test_an_unreadable_file_or_one_without_a_header_raises(township_db, tmp_path):
    broken = tmp_path / "x.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    with pytest.raises(UnreadableFile):
        plan(township_db, broken)
    other = tmp_path / "other.csv"
    other.write_text("甲,乙\n1,2\n", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="other.csv"):
        plan(township_db, other)


def test_a_failure_while_applying_leaves_nothing(township_db, actor, register, monkeypatch):
    path, _expected = register
    the_plan = plan(township_db, path)

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(audit, "record", broken)
    with pytest.raises(OSError):
        apply(township_db, actor, the_plan)
    with township_db.read() as session:
        assert session.scalar(select(func.count()).select_from(ReferencePerson)) == 0
        assert session.scalar(select(func.count()).select_from(ReferenceList)) == 0


def test_a_newer_register_of_the_village_replaces_the_older_ones_people(township_db, actor, tmp_path):
    bosi = village_id(township_db, "波西村")
    people = make_register_people("波西村", 20, reference_day=AGE_DAY, seed=9)
    first = apply(township_db, actor, plan(township_db, write_hukou_workbook(tmp_path / "a.xlsx", people)),
                  village=bosi, received=TODAY - dt.timedelta(days=60))
    second = apply(township_db, actor, plan(township_db, write_hukou_workbook(tmp_path / "b.xlsx", people[:30])),
                   village=bosi)
    views = {v.id: v for v in township_db.query(lists.list_lists)}
    assert not views[first.id].active and views[first.id].replaced_by_id == second.id
    assert views[first.id].people > views[second.id].people  # the old import stays on record, counts and all
    with township_db.read() as session:
        active = lists.active_people(session, ListKind.HUKOU)
    assert {p.list_id for p in active} == {second.id}


def test_heads_without_a_relation_column_and_the_same_person_without_an_id_number(township_db, tmp_path):
    path = tmp_path / "村委会.csv"
    path.write_text("\n".join([
        "波西村户籍人口登记表",
        "户主,姓名,出生日期,住址",
        "张大山,张大山,1980-01-02,波西村3组",  # the head: the same name as 户主, no relation column
        "张大山,李秀英,1982-03-04,波西村3组",  # his wife: an adult, left out
        "张大山,张小明,2016-05-06,波西村3组",
        "张大山,张小明,2016-05-06,波西村三组",  # the same child again, no ID number either time
        "合计,4人",
    ]), encoding="gbk")
    the_plan = plan(township_db, path)
    outcomes = {r.row: r.outcome for r in the_plan.rows}
    assert outcomes == {3: RowOutcome.KEPT, 4: RowOutcome.DROPPED, 5: RowOutcome.KEPT, 6: RowOutcome.MERGED}
    assert [p.code for p in the_plan.rows[-1].problems] == ["list.duplicate"]
    child = next(p for p in the_plan.people if p.is_child)
    assert (child.head_name, child.group_name, child.village_id) == ("张大山", "3组", village_id(township_db, "波西村"))
    assert the_plan.summary_json()["people"] == 2 and the_plan.summary_json()["children"] == 1


@pytest.mark.parametrize(("written", "category", "monitoring_type"), [
    ("脱贫户", "脱贫户", ""), ("已脱贫", "脱贫户", ""), ("脱贫不稳定户", "防止返贫监测对象", "脱贫不稳定户"),
    ("边缘易致贫户（已消除风险）", "防止返贫监测对象", "边缘易致贫户"), ("突发严重困难户", "防止返贫监测对象", "突发严重困难户"),
    ("监测户", "防止返贫监测对象", ""), ("一般户", "", ""), ("低收入", "", ""),
])
def test_the_poverty_lists_categories_as_written(township_db, tmp_path, written, category, monitoring_type):
    from schoolaid.roster.idnumber import make_number

    number = make_number("510411", dt.date(2015, 4, 1), 21)
    path = tmp_path / "p.csv"
    path.write_text(f"户主,户主身份证号,类别\n王大,{number},{written}\n", encoding="utf-8")
    [row] = plan(township_db, path, ListKind.POVERTY).rows
    assert row.outcome is RowOutcome.KEPT and row.person.relation == "户主" and row.person.name == "王大"
    assert (row.person.category, row.person.monitoring_type) == (category, monitoring_type)
    assert bool(row.warnings) == (category == "")


def test_hostile_cells_are_refused_row_by_row(township_db, tmp_path):
    from schoolaid.roster.idnumber import make_number

    number = make_number("510411", dt.date(2015, 4, 1), 21)
    path = tmp_path / "h.csv"
    path.write_text("\n".join([
        "姓名,出生日期,公民身份号码,住址",
        f"=HYPERLINK(\"http://x\"),2015-04-01,{number},波西村",
        f"{'长' * 60},2015-04-01,{number},波西村",
        f"王小,2015-04-01,{number},{'波' * 300}",
        "赵小,2015-04-01,,波西村",
    ]), encoding="utf-8")
    the_plan = plan(township_db, path)
    codes = {r.row: [p.code for p in r.errors] for r in the_plan.rejected}
    assert codes == {2: ["name.invalid"], 3: ["list.name"], 4: ["list.address"]}
    assert [p.name for p in the_plan.people] == ["赵小"]


def test_a_file_where_no_one_can_be_kept_is_not_stored(township_db, actor, tmp_path):
    from schoolaid.common.errors import ValidationFailed

    path = tmp_path / "e.csv"
    path.write_text("姓名,出生日期\n张三,1970-01-01\n李四,不详\n", encoding="utf-8")
    the_plan = plan(township_db, path)
    assert not the_plan.people and the_plan.count(RowOutcome.DROPPED) == 1 and len(the_plan.rejected) == 1
    with pytest.raises(ValidationFailed) as refused:
        apply(township_db, actor, the_plan)
    assert [p.code for p in refused.value.problems] == ["list.empty"]
    assert township_db.query(lists.list_lists) == []


def test_a_township_register_with_a_sheet_per_village(township_db, tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for village, seed in (("波西村", 11), ("辣子哨村", 12)):
        sheet = workbook.create_sheet(village)
        sheet.append(["户号", "户主姓名", "与户主关系", "姓名", "出生日期", "公民身份号码", "住址"])
        for person in make_register_people(village, 5, reference_day=AGE_DAY, seed=seed):
            sheet.append([person.household_no, person.head_name, person.relation, person.name,
                          person.birth_date.isoformat(), person.id_number, person.group])  # 住址: only the 组
    path = tmp_path / "平地镇户籍.xlsx"
    workbook.save(path)
    the_plan = plan(township_db, path)
    assert [h.sheet.name for h in the_plan.source.headers] == ["波西村", "辣子哨村"]
    by_sheet = {(r.sheet, r.person.village_id) for r in the_plan.rows if r.outcome is RowOutcome.KEPT}
    assert by_sheet == {("波西村", village_id(township_db, "波西村")), ("辣子哨村", village_id(township_db, "辣子哨村"))}
    assert the_plan.village_id is None and not the_plan.notes
