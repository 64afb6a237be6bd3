"""Accounts and the audit trail through the command line: the first administrator, signing in
with --user, roles obeyed (a viewer cannot post, a teacher sees only their class and no full ID),
full IDs revealed on the record, `audit verify` catching each kind of tampering."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest

from schoolaid.storage import encryption
from tests.e2e.run import schoolaid

PASSWORD = "secret-pass-1"
FULL_ID = re.compile(r"(?<!\d)\d{17}[\dXx](?!\d)")



@pytest.fixture(scope="module")
def school(tmp_path_factory) -> dict[str, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "school.sqlite"
    assert schoolaid("demo", "--db", str(db), "--students", "120", home=home).returncode == 0
    password = home / "pw.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    connection = sqlite3.connect(db)  # still plain: no account yet
    school_name, stage, grade, class_name = connection.execute(
        "SELECT schools.name, stage, grade, class_name FROM students JOIN schools ON schools.id = school_id "
        "WHERE stage = '小学' AND class_name != '' ORDER BY students.id LIMIT 1").fetchone()
    connection.close()
    first = schoolaid("users", "add", "--db", str(db), "--username", "admin", "--name", "王管理", "--role", "admin",
                      "--new-password-file", str(password), home=home)
    assert first.returncode == 0, first.stderr
    as_admin = ("--user", "admin", "--user-password-file", str(password))
    for username, name, role, extra in (("zhang", "张专干", "aid_officer", ()),
                                        ("li", "李老师", "teacher", ("--class", f"{school_name}/{stage}/{grade}/{class_name}")),
                                        ("xiang", "乡镇刘", "township_viewer", ())):
        result = schoolaid("users", "add", "--db", str(db), "--username", username, "--name", name, "--role", role,
                           *extra, "--new-password-file", str(password), *as_admin, home=home)
        assert result.returncode == 0, result.stderr
    return {"home": home, "db": db, "password": password, "class": class_name}


def connect(path: Path, **kwargs):
    """The school's database, encrypted by its first account: opened with the key the administrator's
    password unwraps from its key slot."""
    key = encryption.KeyFile.load(encryption.keys_path(path)).unwrap("admin", PASSWORD)
    return encryption.connect(path, key, **kwargs)


def as_user(school, username: str) -> tuple[str, ...]:
    return ("--db", str(school["db"]), "--user", username, "--user-password-file", str(school["password"]))


def test_a_database_with_accounts_needs_a_signed_in_user(school):
    bare = schoolaid("roster", "list", "--db", str(school["db"]), home=school["home"])
    assert bare.returncode == 1 and "--user" in bare.stderr
    wrong = schoolaid("roster", "list", "--db", str(school["db"]), "--user", "zhang", "--user-password-file", "-",
                      home=school["home"], stdin="not-it\n")
    assert wrong.returncode == 1 and "密码不正确" in wrong.stderr
    listed = schoolaid("users", "list", *as_user(school, "admin"), "--json", home=school["home"])
    users = {u["username"]: u for u in json.loads(listed.stdout)["users"]}
    assert users["li"]["role"] == "teacher" and len(users["li"]["classes"]) == 1
    assert users["zhang"]["locked"] is False


def test_roles_are_obeyed_and_refusals_recorded(school):
    home = school["home"]
    refused = schoolaid("ledger", "post", "--programme", "LIVING", "--month", "2026-10", *as_user(school, "xiang"),
                        home=home)
    assert refused.returncode == 1 and "乡镇刘" in refused.stderr and "不能" in refused.stderr
    connection = connect(school["db"])
    refusals = connection.execute("SELECT actor, role FROM audit_events WHERE action = 'refused'").fetchall()
    connection.close()
    assert ("乡镇刘", "township_viewer") in refusals
    admin_roster = schoolaid("roster", "export", str(home / "x.xlsx"), *as_user(school, "admin"), home=home)
    assert admin_roster.returncode == 1  # the administrator manages accounts, not children's data


def test_a_teacher_sees_their_class_and_no_full_id(school):
    result = schoolaid("roster", "list", "--json", *as_user(school, "li"), home=school["home"])
    assert result.returncode == 0, result.stderr
    students = json.loads(result.stdout)
    assert students and {s["class"] for s in students} == {school["class"]}
    assert not FULL_ID.search(result.stdout)
    full = schoolaid("roster", "list", "--json", "--full-id", *as_user(school, "li"), home=school["home"])
    assert full.returncode == 1 and not FULL_ID.search(full.stdout)
    mine = {s["id"] for s in students}
    cases = json.loads(schoolaid("cases", "list", "--json", *as_user(school, "li"), home=school["home"]).stdout)
    assert all(case["student_id"] in mine for case in cases["cases"])


def test_masked_unless_asked_and_a_full_id_export_is_on_the_record(school, tmp_path):
    home = school["home"]
    masked = schoolaid("roster", "list", "--json", *as_user(school, "zhang"), home=home)
    assert masked.returncode == 0 and not FULL_ID.search(masked.stdout)
    full = schoolaid("roster", "list", "--json", "--full-id", *as_user(school, "zhang"), home=home)
    assert full.returncode == 0 and FULL_ID.search(full.stdout)
    assert "完整身份证号" in full.stderr
    connection = connect(school["db"])
    reveals = connection.execute("SELECT actor, after FROM audit_events WHERE action = 'reveal'").fetchall()
    connection.close()
    assert reveals and reveals[-1][0] == "张专干" and json.loads(reveals[-1][1])["students"] == 120


def tampered_copy(school, tmp_path: Path, *statements: str) -> Path:
    copy = tmp_path / f"tampered{len(list(tmp_path.glob('tampered*')))}.sqlite"
    source = connect(school["db"])
    source.execute(f"VACUUM INTO '{copy}'")  # encrypted under the same key: its key slots go along
    source.close()
    shutil.copy(encryption.keys_path(school["db"]), encryption.keys_path(copy))
    connection = connect(copy, isolation_level=None)
    for trigger in ("audit_events_never_updated", "audit_events_never_deleted", "ledger_entries_never_updated"):
        connection.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    for statement in statements:
        connection.execute(statement)
    connection.close()
    return copy


def verify(school, db: Path, *extra: str) -> subprocess.CompletedProcess:
    return schoolaid("audit", "verify", "--db", str(db), "--user", "admin", "--user-password-file",
                     str(school["password"]), *extra, home=school["home"])


def test_audit_verify_finds_each_kind_of_tampering(school, tmp_path):
    intact = verify(school, school["db"])
    assert intact.returncode == 0, intact.stderr
    assert "完整" in intact.stdout
    edited = verify(school, tampered_copy(school, tmp_path, "UPDATE audit_events SET actor = '别人' WHERE id = 30"))
    assert edited.returncode == 1 and "第 30 条" in edited.stderr
    changed = verify(school, tampered_copy(
        school, tmp_path, "UPDATE ledger_entries SET amount_fen = 1 WHERE id = (SELECT min(id) FROM ledger_entries)"))
    assert changed.returncode == 1 and "ledger_entries" in changed.stderr and "amount_fen" in changed.stderr


def test_newest_rows_removed_show_against_the_last_backup(school, tmp_path):
    home = school["home"]
    exported = schoolaid("backup", "export", *as_user(school, "zhang"), "--out", str(tmp_path / "b.sabk"),
                         "--password-file", str(school["password"]), home=home)
    assert exported.returncode == 0, exported.stderr
    header = json.loads(schoolaid("backup", "info", str(tmp_path / "b.sabk"), "--json", home=home).stdout)
    cut = tampered_copy(school, tmp_path, "DELETE FROM audit_events WHERE id > (SELECT max(id) - 3 FROM audit_events)")
    assert verify(school, cut).returncode in (0, 1)
    against = verify(school, cut, "--against", str(tmp_path / "b.sabk"))
    assert against.returncode == 1 and "备份" in against.stderr
    assert header["counts"]["audit_events"] > 0


def test_each_role_gets_the_id_and_birth_date_its_rights_allow(school):
    home = school["home"]
    teacher = json.loads(schoolaid("roster", "list", "--json", *as_user(school, "li"), home=home).stdout)
    officer = {s["id"]: s for s in json.loads(schoolaid("roster", "list", "--json", *as_user(school, "zhang"),
                                                        home=home).stdout)}
    viewer = json.loads(schoolaid("roster", "list", "--json", *as_user(school, "xiang"), home=home).stdout)
    for student in teacher + viewer:  # no full-ID rights: the last four, the year and month of birth
        assert re.fullmatch(r"\*{14}[\dX]{4}", student["id_number_masked"])
        assert student["birth_date"] is None and re.fullmatch(r"\d{4}-\d{2}", student["birth_month"])
        assert officer[student["id"]]["birth_date"].startswith(student["birth_month"])
        assert officer[student["id"]]["id_number_masked"][-4:] == student["id_number_masked"][-4:]
    for student in officer.values():  # the aid officer keeps the region and the last four
        assert re.fullmatch(r"\d{4}\*{10}[\dX]{4}", student["id_number_masked"])


def test_a_search_by_id_digits_without_full_id_rights_is_limited_to_the_last_four(school):
    home = school["home"]
    student = json.loads(schoolaid("roster", "list", "--json", *as_user(school, "li"), home=home).stdout)[0]
    connection = connect(school["db"])
    number = connection.execute("SELECT id_number FROM students WHERE id = ?", (student["id"],)).fetchone()[0]
    connection.close()
    by_six = schoolaid("roster", "list", "--json", "--search", number[-6:], *as_user(school, "li"), home=home)
    assert by_six.returncode == 0 and json.loads(by_six.stdout) == [] and "4" in by_six.stderr
    by_four = json.loads(schoolaid("roster", "list", "--json", "--search", number[-4:], *as_user(school, "li"),
                                   home=home).stdout)
    assert student["id"] in {s["id"] for s in by_four}
    officer = json.loads(schoolaid("roster", "list", "--json", "--search", number[-6:], *as_user(school, "zhang"),
                                   home=home).stdout)
    assert student["id"] in {s["id"] for s in officer}


def test_an_unknown_name_is_answered_like_a_wrong_password_and_recorded(school):
    home = school["home"]
    wrong = schoolaid("roster", "list", "--db", str(school["db"]), "--user", "xiang", "--user-password-file", "-",
                      home=home, stdin="not-it\n")
    unknown = schoolaid("roster", "list", "--db", str(school["db"]), "--user", "ghost", "--user-password-file", "-",
                        home=home, stdin="not-it\n")
    assert wrong.returncode == unknown.returncode == 1 and wrong.stderr == unknown.stderr
    # Journaled beside the encrypted database (it cannot be written without a right password); the next
    # sign-in moves them into the audit trail.
    assert schoolaid("users", "list", *as_user(school, "admin"), home=home).returncode == 0
    connection = connect(school["db"])
    failed = connection.execute("SELECT actor, after FROM audit_events WHERE action = 'sign_in_failed'").fetchall()
    connection.close()
    assert ("ghost", "unknown") in {(actor, json.loads(after)["reason"]) for actor, after in failed}
    assert ("乡镇刘", "wrong_password") in {(actor, json.loads(after)["reason"]) for actor, after in failed}
    assert not any("not-it" in after for _actor, after in failed)
