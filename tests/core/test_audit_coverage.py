"""`audit verify` covers every table whose change matters: each record's full row against its last
audited state, records removed or added behind the app's back, older databases' partial snapshots,
and a test that makes every new table a decision (covered or exempt, with the reason)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlcipher3 import (
    dbapi2 as sqlite3,  # the app's driver: two SQLite libraries on one file in one process break its locks
)

from schoolaid.accounts import accounts, audit_verify
from schoolaid.accounts.accounts import UserForm
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Role
from schoolaid.ledger import subsidy_programmes
from schoolaid.reporting import indicators
from schoolaid.storage.database import open_database
from schoolaid.storage.models import Base, DropoutCase, Household, LedgerEntry, Student, Visit
from schoolaid.township import township
from tests.conftest import TODAY, student_form

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))


@pytest.fixture
def admin(demo_db):
    return demo_db.run(accounts.create_first_administrator, "admin", "王管理", "admin-pass-1")


def tamper(db, *statements: str, parameters=()) -> None:
    """Plain SQL on the file, as the issue's attacker did: every protective trigger dropped first."""
    connection = sqlite3.connect(db.path, isolation_level=None)
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        connection.execute(f'DROP TRIGGER "{name}"')
    connection.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        connection.execute(statement, parameters)
    connection.close()


def first(db, column):
    with db.read() as session:
        return session.scalars(select(column).order_by(column)).first()


def findings(db) -> list[audit_verify.Finding]:
    report = db.query(audit_verify.verify)
    assert not report.chain, report.chain  # the trail itself is whole: only the records show the change
    return report.records


# --- every table is a decision -------------------------------------------------------------------


def test_every_table_of_the_schema_is_covered_or_exempt_with_a_reason():
    covered = {c.table for c in audit_verify.COVERED}
    with_parent = set(audit_verify.COVERED_WITH)
    exempt = set(audit_verify.EXEMPT)
    assert not covered & exempt and not with_parent & (covered | exempt)
    undecided = set(Base.metadata.tables) - covered - with_parent - exempt
    assert not undecided, f"tables neither covered nor exempt: {sorted(undecided)} (audit_verify.COVERED / EXEMPT)"
    assert not (covered | with_parent | exempt) - set(Base.metadata.tables), "a listed table no longer exists"
    assert all(reason.strip() for reason in audit_verify.EXEMPT.values())
    entities = {c.entity for c in audit_verify.COVERED}
    assert {entity for entity, _ in audit_verify.COVERED_WITH.values()} <= entities
    for coverage in audit_verify.COVERED:
        columns = set(Base.metadata.tables[coverage.table].columns.keys())
        assert set(coverage.unchecked) <= columns and all(r.strip() for r in coverage.unchecked.values())
        assert coverage.key in columns


def test_the_services_record_every_compared_column(demo_db, admin):
    """The demo runs most services; accounts, programmes, lists and village counts added here. No
    record of a covered table is left with a field the trail does not hold."""
    demo_db.run(accounts.add_user, admin, UserForm("li", "李老师", Role.TEACHER.value, "secret-pass-1", None, (
        accounts.ClassRef(first(demo_db, Student.school_id), "小学", 4, "1班"),)))
    officer = demo_db.run(accounts.add_user, admin, UserForm("zhang", "张专干", Role.AID_OFFICER.value, "secret-pass-1"))
    zhang = demo_db.run(accounts.sign_in, "zhang", "secret-pass-1", now=TODAY).actor
    assert officer and zhang is not None
    programme = demo_db.run(subsidy_programmes.create_programme, zhang, subsidy_programmes.ProgrammeForm(
        "LIST1", "爱心助学", "小学", "list", 50000, "term", "payment", "爱心企业", [9, 3], True, ""))
    demo_db.run(subsidy_programmes.set_members, zhang, programme, [first(demo_db, Student.id)], "家庭困难", today=TODAY)
    village = next(v.id for v in demo_db.query(township.list_villages))
    demo_db.run(indicators.set_preschool_age, admin, 2026, {village: 31})
    with demo_db.read() as session:
        left = [(c.table, key, sorted(fields)) for c, key, _action, fields in audit_verify.unaudited(session)]
    assert left == []
    report = demo_db.query(audit_verify.verify)
    assert report.ok, report.first_problem
    assert report.checked_records > 700  # fewer termly entries since the old 助学金 was retired (issue 16)


# --- each kind of tampering the issue found undetected -------------------------------------------


def test_a_students_id_number_name_or_deletion_is_found(demo_db, admin):
    student = first(demo_db, Student.id)
    other = student + 1
    tamper(demo_db, f"UPDATE students SET id_number = '510411201001010011', name = '冒名' WHERE id = {student}",
           f"DELETE FROM students WHERE id = {other}")
    found = {(f.entity, f.entity_id): f for f in findings(demo_db)}
    changed = found[("student", student)]
    assert changed.fields == ("id_number", "name")
    assert "students 表" in changed.message and "身份证号" in changed.message and "姓名" in changed.message
    assert str(student) in changed.message and "冒名" in changed.message
    removed = found[("student", other)]
    assert "删除" in removed.message and "students 表" in removed.message and str(other) in removed.message


def test_a_households_poverty_category_is_found(demo_db, admin):
    household = first(demo_db, Household.id)
    tamper(demo_db, f"UPDATE households SET poverty_status = '脱贫户' || poverty_status WHERE id = {household}")
    [finding] = findings(demo_db)
    assert (finding.entity, finding.entity_id, finding.fields) == ("household", household, ("poverty_status",))
    assert "households 表" in finding.message and "原贫困状态" in finding.message


def test_a_households_members_changed_behind_the_apps_back_are_found(demo_db, admin):
    household = first(demo_db, Household.id)
    tamper(demo_db, f"UPDATE household_members SET name = '某某' WHERE household_id = {household}")
    [finding] = findings(demo_db)
    assert (finding.entity_id, finding.fields) == (household, ("members",))


def test_a_cases_status_is_found(demo_db, admin):
    case = first(demo_db, DropoutCase.id)
    tamper(demo_db, f"UPDATE dropout_cases SET status = '已返校' WHERE id = {case}")
    [finding] = findings(demo_db)
    assert (finding.entity, finding.entity_id, finding.fields) == ("dropout_case", case, ("status",))
    assert "dropout_cases 表" in finding.message and "状态" in finding.message


def test_a_visits_problems_and_next_step_are_found(demo_db, admin):
    visit = first(demo_db, Visit.id)
    tamper(demo_db, f"UPDATE visits SET problems = '无', next_step = '无' WHERE id = {visit}")
    [finding] = findings(demo_db)
    assert (finding.entity, finding.entity_id, finding.fields) == ("visit", visit, ("next_step", "problems"))
    assert "visits 表" in finding.message and "存在问题" in finding.message and "下一步打算" in finding.message


def test_a_ledger_entrys_posted_by_is_found(demo_db, admin):
    """The field the two-person rule relies on."""
    entry = first(demo_db, LedgerEntry.id)
    tamper(demo_db, f"UPDATE ledger_entries SET posted_by = '别人' WHERE id = {entry}")
    [finding] = findings(demo_db)
    assert (finding.entity, finding.entity_id, finding.fields) == ("ledger_entry", entry, ("posted_by",))
    assert "ledger_entries 表" in finding.message and "录入人" in finding.message


def test_programme_amounts_are_found(demo_db, admin):
    tamper(demo_db, "UPDATE programmes SET amount_fen = amount_fen * 2")
    found = findings(demo_db)
    assert found and {(f.entity, f.fields) for f in found} == {("programme", ("amount_fen",))}
    assert "programmes 表" in found[0].message and "金额" in found[0].message


def test_settings_are_found(demo_db, admin):
    tamper(demo_db, "UPDATE settings SET value = '别的镇' WHERE key = 'township_name'",
           "DELETE FROM settings WHERE key = 'accounts_enabled'",
           "INSERT INTO settings (key, value) VALUES ('idle_minutes', '100000')")
    found = {f.key: f for f in findings(demo_db)}
    assert set(found) == {"township_name", "accounts_enabled", "idle_minutes"}
    assert found["township_name"].fields == ("value",) and "settings 表" in found["township_name"].message
    assert "删除" in found["accounts_enabled"].message
    assert "没有任何审计记录" in found["idle_minutes"].message


def test_a_teacher_made_administrator_is_found(demo_db, admin):
    demo_db.run(accounts.add_user, admin, UserForm("li", "李老师", Role.TEACHER.value, "secret-pass-1", None, (
        accounts.ClassRef(first(demo_db, Student.school_id), "小学", 4, "1班"),)))
    assert demo_db.query(audit_verify.verify).ok
    tamper(demo_db, "UPDATE users SET role = 'admin' WHERE username = 'li'")
    [finding] = findings(demo_db)
    assert (finding.entity, finding.fields) == ("user", ("role",))
    assert "users 表" in finding.message and "角色" in finding.message and "李老师" in finding.message


def test_a_reference_lists_people_changed_added_or_removed_behind_the_apps_back_are_found(demo_db, admin):
    import datetime as dt

    from schoolaid.reconcile import lists
    from schoolaid.reconcile.lists import ListedPerson
    from schoolaid.reconcile.vocabulary import ListKind
    from schoolaid.storage.models import ReferenceList

    officer = Actor("张专干", role=Role.AID_OFFICER.value)
    people = [ListedPerson(name=f"儿童{n}", birth_date=dt.date(2016, 1, 1 + n), row=3 + n) for n in range(3)]
    first_list = demo_db.run(lists.store_list, officer, ListKind.HUKOU, people, today=TODAY, source="平地派出所",
                             received_on=TODAY - dt.timedelta(days=9), village_id=None, school_year=2026)
    second = demo_db.run(lists.store_list, officer, ListKind.HUKOU, people[:2], today=TODAY, source="平地派出所",
                         received_on=TODAY, village_id=None, school_year=2026)
    assert demo_db.query(audit_verify.verify).ok  # the replaced list's people, now inactive, are on the record
    tamper(demo_db, f"UPDATE reference_people SET name = '冒名' WHERE list_id = {second.id} AND row = 3")
    [finding] = findings(demo_db)
    assert (finding.entity, finding.entity_id, finding.fields) == ("reference_list", second.id, ("people_digest",))
    assert "名单人员校验码" in finding.message and "reference_lists 表" in finding.message
    tamper(demo_db, f"UPDATE reference_people SET name = '儿童0' WHERE list_id = {second.id} AND row = 3",
           f"UPDATE reference_people SET active = 1 WHERE list_id = {first_list.id} AND row = 5")
    assert [f.entity_id for f in findings(demo_db)] == [first_list.id]
    tamper(demo_db, f"UPDATE reference_people SET active = 0 WHERE list_id = {first_list.id} AND row = 5",
           f"DELETE FROM reference_people WHERE list_id = {second.id} AND row = 4")
    assert [f.entity_id for f in findings(demo_db)] == [second.id]
    with demo_db.read() as session:
        assert session.get(ReferenceList, second.id).people == 2  # the list's own row is untouched: only its people


def test_a_row_inserted_behind_the_apps_back_is_found(demo_db, admin):
    tamper(demo_db, "INSERT INTO users (username, display_name, role, password_hash, active, failed_attempts, "
                    "created_at) VALUES ('x', '后门', 'admin', 'h', 1, 0, '2026-11-20 00:00:00')")
    [finding] = findings(demo_db)
    assert finding.entity == "user" and "后门" in finding.message and "没有任何审计记录" in finding.message


def test_a_deleted_record_put_back_is_found(demo_db, admin):
    from schoolaid.roster import roster

    officer = demo_db.run(accounts.add_user, admin, UserForm("zhang", "张专干", Role.AID_OFFICER.value, "secret-pass-1"))
    zhang = demo_db.run(accounts.sign_in, "zhang", "secret-pass-1", now=TODAY).actor
    assert officer and zhang is not None
    student = demo_db.run(roster.add_student, zhang, student_form(demo_db, "新生", sequence=499), today=TODAY)
    with sqlite3.connect(demo_db.path) as connection:
        row = connection.execute("SELECT * FROM students WHERE id = ?", (student,)).fetchone()
        columns = [c[1] for c in connection.execute("PRAGMA table_info(students)")]
    demo_db.run(roster.delete_student, zhang, student)
    assert demo_db.query(audit_verify.verify).ok
    tamper(demo_db, f"INSERT INTO students ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
           parameters=row)
    [finding] = findings(demo_db)
    assert finding.entity_id == student and "又出现" in finding.message


# --- older databases --------------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("schoolaid-rev*.sqlite")))
def test_an_older_database_verifies_and_is_covered_from_the_upgrade_on(tmp_path, fixture):
    """Events of older versions recorded only some fields (or none, for the shipped programmes):
    they are compared for what they recorded, and the upgrade records the rest once, so that a
    student's ID number changed after the upgrade is found in an old database too."""
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    before = sqlite3.connect(FIXTURES / fixture).execute("SELECT count(*) FROM audit_events").fetchone()[0]
    db = open_database(path)
    try:
        report = db.query(audit_verify.verify)
        assert report.ok, report.first_problem
        # The old rows kept as they were, and the upgrade's record after them where it had fields to add.
        assert report.rows >= before
        student = first(db, Student.id)
        tamper(db, f"UPDATE students SET id_number = '510411201001010011' WHERE id = {student}",
               "UPDATE programmes SET amount_fen = 1 WHERE id = 1")
        found = {(f.entity, f.entity_id): f.fields for f in findings(db)}
        assert found == {("student", student): ("id_number",), ("programme", 1): ("amount_fen",)}
    finally:
        db.close()


def test_a_database_set_back_a_revision_by_hand_gets_no_second_baseline(tmp_path, actor):
    """Rows slipped in, then the revision set back so that the upgrade would record them as found:
    the upgrade's record is made once only, and the rows stay findings."""
    from schoolaid.demo import create_demo_township

    path = tmp_path / "school.sqlite"
    db = open_database(path)
    db.run(create_demo_township, actor, students=30, seed=3, today=TODAY)
    tamper(db, "INSERT INTO settings (key, value) VALUES ('idle_minutes', '100000')",
           "UPDATE alembic_version SET version_num = '0007'")
    db.close()
    db = open_database(path)
    try:
        assert [f.key for f in findings(db)] == ["idle_minutes"]
    finally:
        db.close()


# --- the chain anchored on paper --------------------------------------------------------------------


def test_the_short_head_as_printed_and_as_typed_back():
    head = "3f2a9c01b7d4" + "e" * 52
    assert audit_verify.short_head(head) == "3F2A-9C01-B7D4"
    for typed in ("3F2A-9C01-B7D4", "3f2a9c01b7d4", " 3f2a 9c01-b7d4 ", head):
        assert head.startswith(audit_verify.parse_head(typed))
    for typed in ("3F2A-9C01", "3F2A-9C01-B7DZ", "", "审计链"):
        assert audit_verify.parse_head(typed) is None


def test_the_sign_off_workbook_carries_the_anchor_and_it_matches(demo_db, actor, tmp_path):
    from openpyxl import load_workbook

    from schoolaid.ledger import export
    from schoolaid.storage.models import LedgerBatch

    demo_db.query(export.export_sign_off, actor, first(demo_db, LedgerBatch.id), tmp_path / "签领表.xlsx", TODAY)
    cells = [c for row in load_workbook(tmp_path / "签领表.xlsx").active.iter_rows(values_only=True) for c in row if c]
    [line] = [c for c in cells if str(c).startswith("审计链")]
    with demo_db.read() as session:
        rows, head = audit_verify.chain_head(session)
    assert line == f"审计链：共 {rows} 条记录，校验码 {audit_verify.short_head(head)}"
    code = audit_verify.parse_head(line.rsplit(" ", 1)[1])
    assert demo_db.query(audit_verify.matches_paper, rows, code) is None
    assert demo_db.query(audit_verify.matches_paper, rows - 1, code) is not None  # another row: another code
    assert "少于" in demo_db.query(audit_verify.matches_paper, rows + 1, code).message
