"""The roster's search keys written in one statement by whatever inserts students (revision 0022)
are the keys revision 0021's trigger wrote a row at a time: after an import, a student added in a
dialog and the demo township; and a database at revision 0021 upgrades without losing one."""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from schoolaid.accounts import accounts
from schoolaid.accounts.accounts import UserForm
from schoolaid.accounts.permissions import Role
from schoolaid.demo import create_demo_township
from schoolaid.roster import roster, roster_import
from schoolaid.storage.database import open_database
from schoolaid.township import township
from schoolaid.township.township import SchoolEntry, SetupForm
from tests.conftest import student_form
from tests.sheets import registry_export, student_row

TODAY = dt.date(2026, 11, 29)
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# Revision 0021's trigger as that revision made it (kept by 0022 for its downgrade).
OLD_TRIGGER = __import__("importlib").import_module(
    "schoolaid.storage.migrations.versions.0022_search_keys_written_in_bulk")._INSERT_TRIGGER
NAMES = ["张三", "曾小单", "阿依古丽·买买提", "李四", "Anna Li", "乐乐", "覃长春", "王二小", "张三"]


def _township(path: Path, actor, *, old_trigger: bool):
    db = open_database(path)
    db.run(township.initial_setup, actor, SetupForm(
        township="平地镇", central_school="平地镇中心校", villages=[("波西村", True), ("辣子哨村", True)],
        village_schools=[SchoolEntry("波西村小学", "波西村")]))
    if old_trigger:
        with db.write() as session:
            session.connection().exec_driver_sql(OLD_TRIGGER)
    return db


def _keys(db) -> set[tuple[str, str, str, int]]:
    with db.read() as session:
        return set(session.connection().exec_driver_sql(
            "SELECT kind, key, students.name, students.id FROM student_search_keys "
            "JOIN students ON students.id = student_id"))


def _import_and_add(db, actor, sheet: Path) -> None:
    plan = db.query(roster_import.make_plan, roster_import.read_source(sheet), today=TODAY)
    db.run(roster_import.apply_plan, actor, plan, today=TODAY)
    db.run(roster.add_student, actor, student_form(db, "欧阳娜娜", sequence=40), today=TODAY)


def test_import_and_dialog_write_the_keys_the_old_trigger_wrote(tmp_path, actor, monkeypatch) -> None:
    sheet = registry_export(tmp_path / "花名册.xlsx", [
        student_row(name, dt.date(2016, 3, 2), n, guardian=f"{name[0]}大山") for n, name in enumerate(NAMES, 1)])
    new = _township(tmp_path / "new.sqlite", actor, old_trigger=False)
    _import_and_add(new, actor, sheet)
    with monkeypatch.context() as patched:
        patched.setattr(roster, "write_search_keys", lambda *args: None)
        old = _township(tmp_path / "old.sqlite", actor, old_trigger=True)
        _import_and_add(old, actor, sheet)
    try:
        keys = _keys(new)
        assert keys == _keys(old)
        assert {name for _, _, name, _ in keys} == set(NAMES) | {"欧阳娜娜"}
        assert ("p", "zengxiaoshan", "曾小单", 2) in keys and ("n", "买买提", "阿依古丽·买买提", 3) in keys
        assert len(keys) > 8 * len(NAMES)
    finally:
        new.close()
        old.close()


def test_the_demo_writes_the_keys_the_old_trigger_wrote(tmp_path, actor, monkeypatch) -> None:
    new = open_database(tmp_path / "new.sqlite")
    new.run(create_demo_township, actor, students=150, seed=7, today=TODAY)
    with monkeypatch.context() as patched:
        patched.setattr("schoolaid.demo.write_search_keys", lambda *args: None)
        old = open_database(tmp_path / "old.sqlite")
        with old.write() as session:
            session.connection().exec_driver_sql(OLD_TRIGGER)
        old.run(create_demo_township, actor, students=150, seed=7, today=TODAY)
    try:
        with new.read() as session:
            students = session.connection().exec_driver_sql("SELECT count(*) FROM students").scalar()
        keys = _keys(new)
        assert keys == _keys(old) and len({student for *_, student in keys}) == students >= 150
    finally:
        new.close()
        old.close()


def test_revision_0021_upgrades_with_every_key_and_the_rename_trigger(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0021.sqlite", path)
    with sqlite3.connect(path) as before:
        keys_before = set(before.execute("SELECT kind, key, student_id FROM student_search_keys"))
        triggers_before = {n for (n,) in before.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    before.close()
    assert "student_search_keys_on_insert" in triggers_before and len(keys_before) > 200
    db = open_database(path)
    try:
        with db.read() as session:
            connection = session.connection()
            assert connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0022"
            assert set(connection.exec_driver_sql("SELECT kind, key, student_id FROM student_search_keys")) \
                == keys_before
            triggers = {n for (n,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert triggers == triggers_before - {"student_search_keys_on_insert"}
        admin = db.run(accounts.sign_in, "admin", "fixture-pass-1", now=TODAY).actor
        db.run(accounts.add_user, admin, UserForm("zhang", "张专干", Role.AID_OFFICER.value, "secret-pass-1"))
        officer = db.run(accounts.sign_in, "zhang", "secret-pass-1", now=TODAY).actor
        added = db.run(roster.add_student, officer, student_form(db, "曾小单", sequence=90), today=TODAY)
        with db.read() as session:
            connection = session.connection()
            added_keys = set(connection.exec_driver_sql(
                "SELECT kind, key FROM student_search_keys WHERE student_id = ?", (added,)))
            pinyin, initials = connection.exec_driver_sql(
                "SELECT name_pinyin, name_initials FROM students WHERE id = ?", (added,)).one()
        assert added_keys == ({("p", reading) for reading in (pinyin + initials).split()}
                              | {("n", "曾小单"), ("n", "小单"), ("n", "单")})
        assert {("p", "zengxiaoshan"), ("p", "cengxiaodan"), ("p", "zxs")} <= added_keys
    finally:
        db.close()
