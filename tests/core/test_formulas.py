"""No live formulas in what we write (issue 15 §2): a name such as ``=HYPERLINK(...)`` that reached the
database is written back by every export as text, which Excel and WPS show as typed and the importer
reads back unchanged; and names no person has are refused where they are entered."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree as ET

import pytest
from openpyxl.cell import WriteOnlyCell
from sqlalchemy import select

import schoolaid
from schoolaid.accounts import audit_log
from schoolaid.accounts.audit import Actor
from schoolaid.backup import backup
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.validation import clean_name, name_problem
from schoolaid.common.vocabulary import Relation, StaffRole
from schoolaid.demo import create_demo_township
from schoolaid.documents.spreadsheet import read_workbook
from schoolaid.documents.workbook import cell, new_workbook, save, start_sheet
from schoolaid.dropout import export as dropout_export
from schoolaid.ledger import batches
from schoolaid.ledger import export as ledger_export
from schoolaid.pairing import pairing_export, staff
from schoolaid.pairing.staff import StaffForm
from schoolaid.reconcile import report_export as reconcile_export
from schoolaid.reporting import township_summary
from schoolaid.roster import households, roster, roster_export, roster_import
from schoolaid.roster.households import HouseholdForm, MemberForm
from schoolaid.roster.roster_columns import Field
from schoolaid.roster.roster_import import Outcome
from schoolaid.storage.database import open_database
from schoolaid.storage.models import (
    DropoutCase,
    Household,
    HouseholdMember,
    Programme,
    ReferencePerson,
    School,
    Setting,
    Staff,
    Student,
    Village,
    Visit,
)
from tests.conftest import TODAY, school_id, student_form, village_id
from tests.permission_table import SERVICES

HOSTILE = ['=HYPERLINK("http://x","a")', "=cmd|' /C calc'!A0", "+1", "-2", "@x", "\tTab", "\rCR"]
# What else a cell's XML must carry exactly: a line break pair, Excel's own escape typed as text, a
# control character, an error code's spelling, and digits that are an ID number, not a number.
AWKWARD = ["a\r\nb", "_x000D_", "bell\x07", "#N/A", "0012345", "510411201603020013"]
PASSWORD = "correct horse battery"


def formulas(path: Path) -> list[str]:
    """Every formula (``<f>`` element) in the workbook's sheets, as ``sheet!cell: text``."""
    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                root = ET.fromstring(archive.read(name))
                for c in root.iter():
                    if c.tag.endswith("}c"):
                        found += [f"{name}!{c.get('r')}: {f.text}" for f in c if f.tag.endswith("}f")]
    return found


def texts(path: Path) -> set[str]:
    """Every text the importer's reader finds in the file."""
    return {value for sheet in read_workbook(path) for row in sheet.rows for value in row if isinstance(value, str)}


# --- the one place cells are made -----------------------------------------------------------------


def test_every_way_of_writing_a_cell_writes_data(tmp_path):
    values = HOSTILE + AWKWARD
    workbook = new_workbook()
    sheet = start_sheet(workbook, "名单", "=标题", "+副标题", ["=表头", "@列"], [10, 10])
    sheet.append(values)  # plain values
    sheet.append(cell(sheet, value, text=True) for value in values)  # made by cell(), from a generator
    sheet.append([WriteOnlyCell(sheet, value=value.replace("\x07", "")) for value in values])  # made elsewhere
    sheet.append([3, 2.5, dt.date(2026, 9, 1), None, True, cell(sheet, "=1+1", wrap=True)])
    path = tmp_path / "data.xlsx"
    save(workbook, path)

    assert formulas(path) == []
    rows = read_workbook(path)[0].rows
    assert [rows[0][0], rows[1][0], rows[2][:2]] == ["=标题", "+副标题", ["=表头", "@列"]]
    assert rows[3][:len(values)] == values
    assert rows[4][:len(values)] == values
    assert rows[5][:len(values)] == [v.replace("\x07", "") for v in values]
    assert rows[6][:6] == [3, 2.5, dt.date(2026, 9, 1), "", True, "=1+1"]
    xml = zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    assert '<c r="A4" t="inlineStr"><is><t>=HYPERLINK' in xml  # a string cell: Excel and WPS show the text
    assert "'=" not in xml  # no apostrophe put in front of the value: the data stays as it was


def test_a_sheet_named_after_a_hostile_name_is_still_written(tmp_path):
    workbook = new_workbook()
    start_sheet(workbook, '=HYPERLINK("http://x","a")', "标题", "", ["姓名"], [10])
    start_sheet(workbook, "'[张三]'", "标题", "", ["姓名"], [10])
    save(workbook, tmp_path / "sheets.xlsx")
    assert [s.name for s in read_workbook(tmp_path / "sheets.xlsx")] == ['=HYPERLINK("http___x","a")', "_张三_"]


def test_no_writer_makes_its_own_workbook_or_cells():
    """Only documents/workbook.py makes workbooks and cells, so no writer can put a formula in a file."""
    package = Path(schoolaid.__file__).parent
    makers = re.compile(r"openpyxl\.Workbook\(|\bWorkbook\(|WriteOnlyCell|from openpyxl(\.cell)? import .*\b(Cell|Workbook)\b"
                        r"|from openpyxl\.cell\b|\.cell\(row=|load_workbook")
    offenders = [f"{path.relative_to(package)}:{number}: {line.strip()}"
                 for path in package.rglob("*.py") if path.relative_to(package).as_posix() != "documents/workbook.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                 if makers.search(line)]
    assert offenders == []


# --- every export, with hostile names in the database ---------------------------------------------


def _plant(session, actor):
    """What an import before the name rule (or an old database) may hold: hostile names and notes."""
    del actor
    cycle = HOSTILE + AWKWARD[:4]

    def hostile(n: int) -> str:
        return cycle[n % len(cycle)]

    for n, student in enumerate(session.scalars(select(Student).order_by(Student.id))):
        if n % 2 == 0:
            student.name = hostile(n // 2)
            student.guardian_name = hostile(n // 2 + 1)
            student.notes = hostile(n // 2 + 2)
    for n, household in enumerate(session.scalars(select(Household).order_by(Household.id))):
        household.head_name, household.address = hostile(n), hostile(n + 3)
    for n, member in enumerate(session.scalars(select(HouseholdMember).order_by(HouseholdMember.id))):
        member.name = hostile(n)
    for n, person in enumerate(session.scalars(select(Staff).order_by(Staff.id))):
        person.name = hostile(n)
    for n, visit in enumerate(session.scalars(select(Visit).order_by(Visit.id))):
        visit.done, visit.problems, visit.next_step = hostile(n), hostile(n + 1), hostile(n + 2)
    for n, case in enumerate(session.scalars(select(DropoutCase).order_by(DropoutCase.id))):
        case.reason_text, case.current_situation, case.remedies = hostile(n), hostile(n + 1), hostile(n + 2)
        case.township_action = case.village_action = hostile(n + 3)
    for n, programme in enumerate(session.scalars(select(Programme).order_by(Programme.id))):
        programme.name = f"{hostile(n)}{n}"
    for n, person in enumerate(session.scalars(select(ReferencePerson).order_by(ReferencePerson.id))):
        person.head_name, person.address, person.group_name = hostile(n), hostile(n + 1), hostile(n + 2)
        if n % 2 == 0:
            person.name = hostile(n + 3)
    village_school = session.scalars(select(School).where(School.is_central.is_(False)).order_by(School.id)).first()
    village_school.name = HOSTILE[1]
    poor_village = session.scalars(select(Village).where(Village.is_poor_village.is_(True)).order_by(Village.id)).first()
    poor_village.name = HOSTILE[0]
    township = session.get(Setting, "township_name")
    township.value = HOSTILE[4]


@pytest.fixture(scope="module")
def hostile_school(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    db = open_database(folder / "school.sqlite")
    actor = Actor("李老师")
    db.run(create_demo_township, actor, students=150, seed=7, today=TODAY)
    db.run(_plant, actor)
    # Someone working under a hostile name: the audit records it, and its export lists it.
    db.run(staff.create_staff, Actor(HOSTILE[1]), StaffForm("张老师", school_id(db, "平地镇中心校"), "教师"))
    batch = db.query(batches.list_batches)[0].id
    backup_file = backup.write_backup(db.path, folder / "school.sabk", PASSWORD, now=dt.datetime(2026, 11, 29, 9))
    yield SimpleNamespace(db=db, actor=actor, batch=batch, backup=backup_file.path)
    db.close()


def _rejected_rows(db, actor, out: Path) -> int:
    """The rejected-rows file of a sheet that holds hostile names (typed by a school, refused on import)."""
    sheet = tmp = out.with_name("incoming.xlsx")
    workbook = new_workbook()
    page = workbook.create_sheet("学生名单")
    page.append(["姓名", "性别", "出生日期", "身份证号", "年级", "班级", "监护人", "备注"])
    for n, name in enumerate(HOSTILE + AWKWARD[:3]):
        page.append([name, "男", dt.date(2016, 3, 2), f"00{n}", "四年级", "1班", HOSTILE[n % len(HOSTILE)], name])
    save(workbook, sheet)
    plan = db.query(roster_import.make_plan, roster_import.read_source(tmp), roster_import.ImportOptions(
        default_school_id=school_id(db, "平地镇中心校")), today=TODAY)
    return roster_import.save_rejected(plan, out)


EXPORTS = {
    "roster": (roster_export.export_roster, lambda s, out: s.db.query(
        roster_export.export_roster, s.actor, out, today=TODAY)),
    "roster, full ID numbers": ((roster_export.export_roster, "full_ids"), lambda s, out: s.db.query(
        roster_export.export_roster, s.actor, out, full_ids=True, today=TODAY)),
    "poor villages' survey": (roster_export.export_survey, lambda s, out: s.db.query(
        roster_export.export_survey, s.actor, out, TODAY)),
    "ledger": (ledger_export.export_ledger, lambda s, out: s.db.query(
        ledger_export.export_ledger, s.actor, out, today=TODAY)),
    "ledger, full ID numbers": ((ledger_export.export_ledger, "full_ids"), lambda s, out: s.db.query(
        ledger_export.export_ledger, s.actor, out, full_ids=True, today=TODAY)),
    "payment notice": (ledger_export.export_notice, lambda s, out: s.db.query(
        ledger_export.export_notice, s.actor, s.batch, out, TODAY)),
    "sign-off sheet": (ledger_export.export_sign_off, lambda s, out: s.db.query(
        ledger_export.export_sign_off, s.actor, s.batch, out, TODAY)),
    "coverage gaps": (ledger_export.export_gaps, lambda s, out: s.db.query(
        ledger_export.export_gaps, s.actor, "2026-11", out, TODAY)),
    "pairing register": (pairing_export.export_register, lambda s, out: s.db.query(
        pairing_export.export_register, s.actor, out, TODAY)),
    "visit sheets": (pairing_export.export_visit_sheets, lambda s, out: s.db.query(
        pairing_export.export_visit_sheets, s.actor, out, today=TODAY)),
    "the three dropout ledgers": (dropout_export.export_ledgers, lambda s, out: s.db.query(
        dropout_export.export_ledgers, s.actor, out, TODAY)),
    "dropout cases": (dropout_export.export_cases, lambda s, out: s.db.query(
        dropout_export.export_cases, s.actor, out, TODAY)),
    "term-start dropout report": (dropout_export.export_term_report, lambda s, out: s.db.query(
        dropout_export.export_term_report, s.actor, out, TODAY)),
    "四查三比对 check sheet": (reconcile_export.write_report, lambda s, out: s.db.query(
        reconcile_export.write_report, s.actor, out, today=TODAY, include_checked=True)),
    "四查三比对 check sheet, full ID numbers": ((reconcile_export.write_report, "full_ids"), lambda s, out: s.db.query(
        reconcile_export.write_report, s.actor, out, today=TODAY, full_ids=True)),
    "audit log": (audit_log.export, lambda s, out: s.db.query(
        audit_log.export, s.actor, audit_log.AuditFilter(), out, today=TODAY)),
    "township summary": (township_summary.summarize, lambda s, out: township_summary.summarize(
        s.actor, [s.backup], PASSWORD, out, TODAY)),
    "rejected rows": (roster_import.save_rejected, lambda s, out: _rejected_rows(s.db, s.actor, out)),
}


def test_the_list_holds_every_spreadsheet_export():
    spreadsheets = {key for key in SERVICES
                    if (key[0] if isinstance(key, tuple) else key).__module__.endswith(("_export", "audit_log",
                                                                                       "township_summary"))}
    assert spreadsheets <= {key for key, _run in EXPORTS.values()}


@pytest.mark.parametrize("export", list(EXPORTS))
def test_every_export_writes_hostile_names_as_text(hostile_school, tmp_path, export):
    out = tmp_path / "out.xlsx"
    EXPORTS[export][1](hostile_school, out)
    assert formulas(out) == []
    written = texts(out)
    assert any(name in written for name in HOSTILE), "the hostile names are in the file, as they were typed"
    assert not any(text.startswith("'=") for text in written)


def test_the_roster_export_reads_back_unchanged(township_db, actor, tmp_path):
    """Exported, then imported again: every name read from the file is the one in the database."""
    names = ["阿不都·热合曼", "𠮷䶮", "John Smith", *HOSTILE]
    ids = [township_db.run(roster.add_student, actor, student_form(township_db, f"学生{chr(0x4e00 + n)}",
                                                                   sequence=n + 1, guardian_name="张大山"),
                           today=TODAY)
           for n in range(len(names))]

    def rename(session, actor):
        del actor
        for student_id, name in zip(ids, names, strict=True):
            session.get(Student, student_id).name = name
            session.get(Student, student_id).guardian_name = name

    township_db.run(rename, actor)
    path = tmp_path / "花名册.xlsx"
    township_db.query(roster_export.export_roster, actor, path, full_ids=True, today=TODAY)
    assert formulas(path) == []

    source = roster_import.read_source(path)
    header = source.headers[0]
    name_column = next(c for c, f in header.mapping.items() if f is Field.NAME)
    guardian_column = next(c for c, f in header.mapping.items() if f is Field.GUARDIAN)
    read = [row for row in header.sheet.rows[header.row + 1:] if row[name_column]]
    assert sorted(row[name_column] for row in read) == sorted(names)
    assert all(row[guardian_column] == row[name_column] for row in read)

    plan = township_db.query(roster_import.make_plan, source, today=TODAY)
    outcome = {r.values[name_column]: r for r in plan.rows}
    # Read as typed; the import cleans the tab and the CR off, as the form does: nothing to change.
    assert {name for name in names if outcome[name].outcome is Outcome.UNCHANGED} == {*names[:3], "\tTab", "\rCR"}
    assert outcome["\tTab"].form.name == "Tab"
    for name in ("+1", "-2", "@x", HOSTILE[0], HOSTILE[1]):  # refused, with the reason, the name intact
        assert outcome[name].outcome is Outcome.REJECT and "name.invalid" in {p.code for p in outcome[name].problems}

    back = tmp_path / "退回.xlsx"
    assert roster_import.save_rejected(plan, back) == 5
    assert formulas(back) == []
    assert {"+1", "-2", "@x", HOSTILE[0], HOSTILE[1]} <= texts(back)


# --- names a person can have ----------------------------------------------------------------------


ACCEPTED = ["张三", "𠮷䶮", "阿不都·热合曼", "买买提•吐尔逊", "John Smith", "Jean-Pierre", "Zoë", "李〇", "欧阳 娜娜"]
REJECTED = {
    '=HYPERLINK("http://x","a")': "=", "=cmd|' /C calc'!A0": "=", "+1": "+", "-2": "-", "@x": "@",
    "张|三": "|", "张三!": "!", "<b>": "<", '"张三"': '"', "O'Brien": "'", "张;三": ";", "张三\x07": "U+0007",
    "张\u200b三": "U+200B", "张三（女）": "（",
}


@pytest.mark.parametrize("raw", ACCEPTED)
def test_names_people_have_are_accepted(raw):
    assert name_problem(clean_name(raw)) is None


@pytest.mark.parametrize("raw", list(REJECTED))
def test_names_no_person_has_are_refused_with_the_reason(raw):
    reason = name_problem(clean_name(raw))
    assert reason is not None and REJECTED[raw] in reason


def test_every_entry_point_refuses_such_a_name(township_db, actor):
    bad = "=cmd|' /C calc'!A0"
    with pytest.raises(ValidationFailed) as refused:
        township_db.run(roster.add_student, actor, student_form(township_db, bad), today=TODAY)
    assert {p.code for p in refused.value.problems} >= {"name.invalid"}
    with pytest.raises(ValidationFailed) as refused:
        township_db.run(roster.add_student, actor, student_form(township_db, "张三", guardian_name="@张大山"),
                        today=TODAY)
    assert {p.field for p in refused.value.problems if p.is_error} == {"guardian_name"}
    village = village_id(township_db, "波西村")
    with pytest.raises(ValidationFailed) as refused:
        township_db.run(households.create_household, actor, HouseholdForm(head_name="+1", village_id=village),
                        today=TODAY)
    assert "head.invalid" in {p.code for p in refused.value.problems}
    with pytest.raises(ValidationFailed) as refused:
        township_db.run(households.create_household, actor, HouseholdForm(
            head_name="张大山", village_id=village,
            members=[MemberForm(name="张<小>山", relation=Relation.CHILD.value)]), today=TODAY)
    assert "member.name" in {p.code for p in refused.value.problems}
    with pytest.raises(ValidationFailed) as refused:
        township_db.run(staff.create_staff, actor, StaffForm("李|老师", school_id(township_db, "平地镇中心校"),
                                                              StaffRole.TEACHER.value))
    assert "staff.name_invalid" in {p.code for p in refused.value.problems}
    # The names people have go in as typed.
    student = township_db.run(roster.add_student, actor, student_form(
        township_db, "阿不都·热合曼", guardian_name="𠮷䶮"), today=TODAY)
    assert township_db.query(roster.get_form, student).name == "阿不都·热合曼"
