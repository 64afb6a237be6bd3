"""Importing the sheets schools really have: every outcome of every kind of mess."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from schoolaid.accounts import audit
from schoolaid.documents.spreadsheet import UnreadableFile
from schoolaid.roster import households, roster, roster_export, roster_import
from schoolaid.roster.roster import RosterFilter
from schoolaid.roster.roster_columns import Field
from schoolaid.roster.roster_import import Choice, ImportOptions, Outcome
from schoolaid.storage.models import AuditEvent, Household, Student
from tests.conftest import school_id, student_form, village_id
from tests.sheets import id_for, registry_export, student_row

TODAY = dt.date(2026, 11, 29)


def plan_for(db, path: Path, **options) -> roster_import.ImportPlan:
    return db.query(roster_import.make_plan, roster_import.read_source(path), ImportOptions(**options),
                    today=TODAY)


def by_row(plan: roster_import.ImportPlan) -> dict[int, roster_import.RowResult]:
    return {r.row: r for r in plan.rows}


def count(db, model=Student) -> int:
    with db.read() as session:
        return session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def messy(tmp_path) -> Path:
    return registry_export(tmp_path / "花名册.xlsx", [
        student_row("张\u3000三 ", dt.date(2016, 3, 2), 1),  # row 4
        student_row("李四", dt.date(2016, 5, 6), 2, male=False, birth_cell="2016.5.6",
                    id_number=id_for(dt.date(2016, 5, 6), 2, False).lower()),  # row 5
        student_row("王五", dt.date(2016, 7, 1), 3, id_number=5.10411201607010e17),  # row 6
        student_row("", dt.date(2016, 7, 9), 4),  # row 7
        student_row("赵六", dt.date(2016, 8, 1), 5, birth_cell="2016年8月2日"),  # row 8
        student_row("张三", dt.date(2016, 3, 2), 1, klass="(2)班"),  # row 9: same ID as row 4
        student_row("孙七", dt.date(2016, 1, 1), 6, school="不存在小学"),  # row 10
        student_row("周八", dt.date(2016, 2, 2), 7, birth_cell=42402.0, guardian="周大海",
                    address="平地镇辣子哨村5组", poor="否", boarder="", phone="13800001111"),  # row 11
    ])


def test_header_found_below_the_title_and_footer_rows_skipped(township_db, messy) -> None:
    source = roster_import.read_source(messy)
    assert [(h.sheet.name, h.excel_row) for h in source.headers] == [("学生名单", 3)]
    assert source.headers[0].mapping[1] is Field.NAME and source.headers[0].mapping[5] is Field.ID_NUMBER
    plan = plan_for(township_db, messy)
    assert [r.row for r in plan.rows] == list(range(4, 12))  # 合计, 制表人 and the blank line are not rows


def test_every_outcome_of_the_messy_sheet(township_db, messy) -> None:
    plan = plan_for(township_db, messy)
    rows = by_row(plan)
    assert rows[4].outcome is Outcome.NEW and rows[4].name == "张三"
    assert rows[5].outcome is Outcome.NEW and rows[5].form.id_number.endswith(
        id_for(dt.date(2016, 5, 6), 2, False)[-1].upper())
    assert rows[5].form.birth_date == dt.date(2016, 5, 6)
    assert rows[6].outcome is Outcome.REJECT and "Excel" in rows[6].reason and "无法恢复" in rows[6].reason
    assert rows[7].outcome is Outcome.REJECT and "姓名" in rows[7].reason
    assert rows[8].outcome is Outcome.NEW and [p.code for p in rows[8].warnings] == ["id.birth_date_mismatch"]
    assert rows[9].outcome is Outcome.SKIP and rows[9].same_as_row == 4
    assert rows[4].form.class_name == "2班"  # the later copy's values win
    assert rows[10].outcome is Outcome.REJECT and "不存在小学" in rows[10].reason
    assert rows[11].outcome is Outcome.NEW and rows[11].form.birth_date == dt.date(2016, 2, 2)  # Excel serial
    summary = plan.summary_json()
    assert (summary["new"], summary["updated"], len(summary["rejected"])) == (4, 0, 3)
    assert {w["row"] for w in summary["warnings"]} == {8, 9}
    assert all(r["reason"] for r in summary["rejected"])


def test_values_are_normalised_on_the_way_in(township_db, messy, actor) -> None:
    township_db.run(roster_import.apply_plan, actor, plan_for(township_db, messy), today=TODAY)
    rows = {r.name: r for r in township_db.query(roster.list_rows, RosterFilter(), today=TODAY)}
    zhang = township_db.query(roster.get_form, rows["张三"].id)
    assert zhang.guardian_phone == "13912345678"
    assert zhang.boarder is True and zhang.left_behind is False
    assert (zhang.stage, zhang.grade) == ("小学", 4)
    assert rows["张三"].category == "脱贫户" and rows["周八"].category == "一般户"  # 是否建档立卡 → 脱贫户


def test_households_are_matched_or_created_from_guardian_and_village(township_db, messy, actor) -> None:
    existing = township_db.run(households.create_household, actor, households.HouseholdForm(
        head_name="周大海", village_id=village_id(township_db, "辣子哨村")), today=TODAY)
    plan = plan_for(township_db, messy)
    assert plan.households_to_create == 1  # 张大山 of 波西村, shared by three children
    township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    rows = {r.name: r for r in township_db.query(roster.list_rows, RosterFilter(), today=TODAY)}
    assert rows["周八"].household_id == existing
    assert rows["张三"].household_id == rows["李四"].household_id == rows["赵六"].household_id
    view = township_db.query(households.view, rows["张三"].household_id, today=TODAY)
    assert (view.head_name, view.village, view.group_name) == ("张大山", "波西村", "3组")
    assert (view.category, view.lifted_year) == ("脱贫户", None)  # the year asked for in the dialog


def test_import_writes_everything_with_an_audit_trail(township_db, messy, actor) -> None:
    plan = plan_for(township_db, messy)
    result = township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    assert (result.new, result.updated, result.households_created) == (4, 0, 2)
    assert count(township_db) == 4
    student_id = township_db.query(roster.search_ids, RosterFilter(text="赵六"))[0]
    history = township_db.query(audit.history, "student", student_id)
    assert history[0].action == "create" and history[0].actor == "李老师"
    assert history[0].after["birth_date"] == "2016-08-02"


def test_same_id_already_on_the_roster_is_updated_or_skipped_never_doubled(township_db, messy, actor) -> None:
    existing = township_db.run(roster.add_student, actor, student_form(township_db, "张三", class_name="5班"),
                               today=TODAY)
    plan = plan_for(township_db, messy)
    assert by_row(plan)[4].outcome is Outcome.UPDATE and by_row(plan)[4].student_id == existing
    assert "已在花名册中" in by_row(plan)[4].known_as
    skip = plan_for(township_db, messy, existing=Choice.SKIP)
    assert by_row(skip)[4].outcome is Outcome.SKIP
    township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    assert len(township_db.query(roster.search_ids, RosterFilter(text="张三"))) == 1
    assert township_db.query(roster.get_form, existing).class_name == "2班"
    assert [h.action for h in township_db.query(audit.history, "student", existing)] == ["create", "update"]


def test_the_user_decides_row_by_row(township_db, messy, actor) -> None:
    township_db.run(roster.add_student, actor, student_form(township_db, "张三"), today=TODAY)
    plan = plan_for(township_db, messy, decisions={("学生名单", 4): Choice.SKIP})
    assert by_row(plan)[4].outcome is Outcome.SKIP


def test_a_dry_run_writes_nothing_and_a_failed_import_leaves_nothing(township_db, messy, actor, monkeypatch) -> None:
    plan = plan_for(township_db, messy)
    events = count(township_db, AuditEvent)

    def power_cut(*args, **kwargs):
        raise RuntimeError("power cut after the households and half the students")

    monkeypatch.setattr(roster, "update_student", power_cut)
    monkeypatch.setattr(roster_import.roster, "add_students", lambda *a, **k: power_cut())
    with pytest.raises(RuntimeError):
        township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    assert count(township_db) == 0 and count(township_db, Household) == 0
    assert count(township_db, AuditEvent) == events


def test_a_roster_changed_since_the_preview_is_refused(township_db, messy, actor) -> None:
    plan = plan_for(township_db, messy)
    township_db.run(roster.add_student, actor, student_form(township_db, "张三"),
                    today=TODAY)  # someone adds him meanwhile
    with pytest.raises(roster_import.PreviewOutdated):
        township_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    assert count(township_db) == 1


def test_masked_ids_and_missing_grades_are_rejected(township_db, tmp_path) -> None:
    number = id_for(dt.date(2016, 3, 2), 1)
    path = registry_export(tmp_path / "masked.xlsx", [
        student_row("张三", dt.date(2016, 3, 2), 1, id_number=number[:4] + "*" * 10 + number[-4:]),
        student_row("李四", dt.date(2016, 3, 2), 2, grade="", klass="2班"),
        student_row("王五", dt.date(2016, 3, 2), 3, grade="", klass="三年级2班"),
        student_row("赵六", dt.date(2016, 3, 2), 4, grade="高年级"),
    ], footer=False)
    rows = by_row(plan_for(township_db, path))
    assert rows[4].outcome is Outcome.REJECT and "完整" in rows[4].reason
    assert rows[5].outcome is Outcome.REJECT and "年级" in rows[5].reason
    assert rows[6].outcome is Outcome.NEW and (rows[6].form.stage, rows[6].form.grade) == ("小学", 3)
    assert rows[7].outcome is Outcome.REJECT and "高年级" in rows[7].reason


def test_sheet_without_school_column_uses_the_chosen_school(township_db, tmp_path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["学生姓名", "身份证件号", "年级", "班别"])
    sheet.append(["张三", id_for(dt.date(2016, 3, 2), 1), "四年级", "1"])
    workbook.save(tmp_path / "no_school.xlsx")
    plan = plan_for(township_db, tmp_path / "no_school.xlsx")
    assert plan.rows[0].outcome is Outcome.REJECT and "学校" in plan.rows[0].reason
    chosen = plan_for(township_db, tmp_path / "no_school.xlsx", default_school_id=school_id(township_db, "波西村小学"))
    assert chosen.rows[0].outcome is Outcome.NEW
    assert chosen.rows[0].form.sex == "男"  # read from the ID number
    assert chosen.rows[0].form.class_name == "1班"


def test_two_row_header_with_merged_cells(township_db, tmp_path) -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["波西村小学学生信息表"])
    sheet.append(["姓名", "性别", "学生信息", None, "家庭信息", None])
    sheet.append([None, None, "身份证号", "年级", "家长姓名", "联系电话"])
    for cell in ("A2:A3", "B2:B3", "C2:D2", "E2:F2"):
        sheet.merge_cells(cell)
    sheet.append(["张三", "男", id_for(dt.date(2016, 3, 2), 1), "四年级", "张大山", "13912345678"])
    workbook.save(tmp_path / "two_rows.xlsx")
    header = roster_import.read_source(tmp_path / "two_rows.xlsx").headers[0]
    assert header.excel_row == 3
    assert set(header.mapping.values()) == {Field.NAME, Field.SEX, Field.ID_NUMBER, Field.GRADE, Field.GUARDIAN,
                                            Field.PHONE}
    plan = plan_for(township_db, tmp_path / "two_rows.xlsx", default_school_id=school_id(township_db, "波西村小学"))
    assert plan.rows[0].outcome is Outcome.NEW and plan.rows[0].form.guardian_name == "张大山"


def test_gbk_csv_and_utf8_csv(township_db, tmp_path) -> None:
    text = ("姓名,性别,出生日期,身份证号,学校,年级,班级,是否留守儿童\n"
            f"张三,男,20160302,{id_for(dt.date(2016, 3, 2), 1)},平地镇中心校,4,2,Y\n"
            f"李四,女,2016/5/6,{id_for(dt.date(2016, 5, 6), 2, False)},平地镇中心校,四年级,3班,否\n")
    for encoding in ("gbk", "utf-8-sig"):
        path = tmp_path / f"{encoding}.csv"
        path.write_bytes(text.encode(encoding))
        plan = plan_for(township_db, path)
        assert [(r.name, r.outcome) for r in plan.rows] == [("张三", Outcome.NEW), ("李四", Outcome.NEW)]
        assert plan.rows[0].form.left_behind is True and plan.rows[0].form.birth_date == dt.date(2016, 3, 2)


def test_old_xls_files_are_read(township_db, tmp_path) -> None:
    import xlwt

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("一年级1班")
    for column, value in enumerate(["姓名", "性别", "身份证号", "学校", "年级"]):
        sheet.write(0, column, value)
    for column, value in enumerate(["张三", "男", id_for(dt.date(2019, 3, 2), 1), "平地镇中心校", "一年级"]):
        sheet.write(1, column, value)
    workbook.save(str(tmp_path / "old.xls"))
    plan = plan_for(township_db, tmp_path / "old.xls")
    assert [(r.sheet, r.name, r.outcome) for r in plan.rows] == [("一年级1班", "张三", Outcome.NEW)]


@pytest.mark.parametrize(("content", "name", "words"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "locked.xlsx", "密码"),
    (b"PK\x03\x04 broken zip", "broken.xlsx", "不是"),
    (b"just some words\nno header here\n", "notes.csv", "表头"),
])
def test_files_that_cannot_be_read_say_why(tmp_path, content, name, words) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=words):
        roster_import.read_source(path)


def test_rejected_rows_are_saved_to_send_back(township_db, messy, tmp_path) -> None:
    plan = plan_for(township_db, messy)
    written = roster_import.save_rejected(plan, tmp_path / "退回.xlsx")
    assert written == 3
    sheet = openpyxl.load_workbook(tmp_path / "退回.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:4] == ("原表行号", "问题", "序号", "姓名")
    assert [r[0] for r in rows[2:]] == [6, 7, 10]
    assert "Excel" in rows[2][1]


def test_export_then_import_changes_nothing(demo_db, actor, tmp_path) -> None:
    path = tmp_path / "roster.xlsx"
    written = demo_db.query(roster_export.export_roster, actor, path, full_ids=True, today=TODAY)
    assert written == 150
    before = count(demo_db, AuditEvent)

    def categories() -> tuple[list[tuple], list[tuple]]:
        with demo_db.read() as session:
            homes = session.execute(select(Household.id, Household.category, Household.lifted_year,
                                           Household.monitoring_type, Household.dibao, Household.tekun)
                                    .order_by(Household.id)).all()
            kids = session.execute(select(Student.id, Student.orphan, Student.unsupported, Student.disability_category,
                                          Student.disability_grade, Student.disability_certificate,
                                          Student.parent_disabled, Student.martyr_child, Student.in_difficulty)
                                   .order_by(Student.id)).all()
        return homes, kids

    homes, kids = categories()
    # The demo has every household category and some children's categories to carry through the sheet.
    assert {h[1] for h in homes} == {"一般户", "脱贫户", "防止返贫监测对象"}
    assert any(k[3] for k in kids) and any(k[8] for k in kids)
    plan = demo_db.query(roster_import.make_plan, roster_import.read_source(path), today=TODAY)
    assert plan.count(Outcome.UNCHANGED) == 150
    assert not plan.rejected and not plan.warned
    demo_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    assert count(demo_db, AuditEvent) == before
    assert count(demo_db) == 150
    assert categories() == (homes, kids)


def test_export_keeps_id_digits_and_masks_by_default(demo_db, actor, tmp_path) -> None:
    demo_db.query(roster_export.export_roster, actor, tmp_path / "masked.xlsx", today=TODAY)
    demo_db.query(roster_export.export_roster, actor, tmp_path / "full.xlsx", full_ids=True, today=TODAY)
    masked = openpyxl.load_workbook(tmp_path / "masked.xlsx").active
    full = openpyxl.load_workbook(tmp_path / "full.xlsx").active
    assert masked["A1"].value.endswith("学生花名册") and masked.freeze_panes == "C4"
    header = [c.value for c in full[3]]
    id_column = header.index("身份证号") + 1
    assert full.cell(4, id_column).data_type == "s" and len(full.cell(4, id_column).value) == 18
    assert full.cell(4, id_column).number_format == "@"
    assert "*" * 10 in masked.cell(4, id_column).value


def test_the_poor_villages_survey(demo_db, actor, tmp_path) -> None:
    from schoolaid.roster.enrollment import EnrollmentStatus

    dropout = demo_db.query(roster.search_ids, RosterFilter(statuses=frozenset({EnrollmentStatus.ENROLLED})))[0]
    demo_db.run(roster.change_status, actor, dropout, EnrollmentStatus.DROPPED_OUT, TODAY, "外出务工",
                today=TODAY)
    villages = demo_db.query(roster_export.survey)
    assert len(villages) == 10
    named = [child["name"] for v in villages for child in v.named]
    assert demo_db.query(roster.get_summary, dropout).name in named
    total = sum(sum(v.counts.values()) for v in villages)
    assert total == count(demo_db)  # every demo household lives in a poor village
    demo_db.query(roster_export.export_survey, actor, tmp_path / "survey.xlsx", today=TODAY)
    workbook = openpyxl.load_workbook(tmp_path / "survey.xlsx")
    assert workbook.sheetnames == ["汇总", "辍学及未入学名单"]
    summary = workbook["汇总"]
    assert summary["A1"].value == roster_export.SURVEY_TITLE
    assert [c.value for c in summary[4]][2:7] == ["在校", "休学", "转外地就读", "辍学", "未入学"]
    assert summary.cell(summary.max_row, 2).value == "合计"
    assert workbook["辍学及未入学名单"].cell(4, 3).value in named


def test_the_masked_export_filled_in_by_teachers_imports_back(demo_db, actor, tmp_path) -> None:
    """The common workflow: export with the numbers masked, class teachers fill in a column in Excel,
    import it back. Name, birth date and the digits shown identify each student: exactly the changed
    cells are written, no ID number is touched, nothing is rejected."""
    path = tmp_path / "roster.xlsx"
    assert demo_db.query(roster_export.export_roster, actor, path, today=TODAY) == 150
    workbook = openpyxl.load_workbook(path)
    sheet = workbook.active
    header = [c.value for c in sheet[3]]
    boarder, phone, name_column = header.index("是否寄宿生") + 1, header.index("联系电话") + 1, header.index("姓名") + 1
    assert "*" * 10 in sheet.cell(4, header.index("身份证号") + 1).value
    changed = {}
    for row in (4, 9, 20):
        sheet.cell(row, boarder).value = "" if sheet.cell(row, boarder).value else "是"
        changed[sheet.cell(row, name_column).value] = "boarder"
    sheet.cell(30, phone).value = "13800001111"
    changed[sheet.cell(30, name_column).value] = "phone"
    workbook.save(path)
    with demo_db.read() as session:
        before_ids = dict(session.execute(select(Student.id, Student.id_number)).all())
        before = {s.name: (s.boarder, s.guardian_phone) for s in session.scalars(select(Student))}
    plan = demo_db.query(roster_import.make_plan, roster_import.read_source(path), today=TODAY)
    assert not plan.rejected
    updated = [r for r in plan.rows if r.outcome is Outcome.UPDATE]
    assert sorted(r.name for r in updated) == sorted(changed)
    assert all("身份证号保持不变" in r.known_as for r in updated)
    assert plan.count(Outcome.UNCHANGED) == 146
    demo_db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    with demo_db.read() as session:
        assert dict(session.execute(select(Student.id, Student.id_number)).all()) == before_ids
        after = {s.name: (s.boarder, s.guardian_phone) for s in session.scalars(select(Student))}
    for name, (was_boarder, was_phone) in before.items():
        if changed.get(name) == "boarder":
            assert after[name] == (not was_boarder, was_phone)
        elif changed.get(name) == "phone":
            assert after[name] == (was_boarder, "13800001111")
        else:
            assert after[name] == (was_boarder, was_phone)


def test_a_masked_number_that_names_no_single_student_is_rejected(township_db, actor, tmp_path) -> None:
    number = id_for(dt.date(2016, 3, 2), 1)
    township_db.run(roster.add_student, actor, student_form(township_db, "张三"), today=TODAY)
    on_roster = township_db.query(roster.get_form, 1).id_number
    assert roster_import.masked_matches(on_roster[:4] + "*" * 10 + on_roster[-4:], on_roster)
    assert not roster_import.masked_matches(on_roster[:4] + "*" * 10 + "0000", on_roster)
    path = registry_export(tmp_path / "masked.xlsx", [
        student_row("张三", dt.date(2016, 3, 2), 1, id_number=on_roster[:4] + "*" * 10 + on_roster[-4:]),
        student_row("张三", dt.date(2016, 3, 2), 2, id_number=number[:4] + "*" * 10 + "0000"),  # other digits
        student_row("李四", dt.date(2016, 3, 2), 3, id_number=on_roster[:4] + "*" * 10 + on_roster[-4:]),  # name
    ], footer=False)
    rows = by_row(plan_for(township_db, path))
    assert rows[4].outcome in (Outcome.UPDATE, Outcome.UNCHANGED) and rows[4].student_id == 1
    assert rows[5].outcome is Outcome.REJECT and "完整" in rows[5].reason
    assert rows[6].outcome is Outcome.REJECT and "完整" in rows[6].reason
