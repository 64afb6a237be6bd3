"""Accounts, roles and the tamper-evident audit trail: every role against every service, lockout
and unlock, the two-person reversal, a teacher's own classes, refusals on the record, the hash
chain with each kind of tampering, full ID numbers revealed on the record."""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
import pkgutil

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, text
from sqlcipher3 import (
    dbapi2 as sqlite3,  # the app's driver: two SQLite libraries on one file in one process break its locks
)

import schoolaid
from schoolaid.accounts import accounts, audit_verify
from schoolaid.accounts.accounts import ClassRef, UserForm
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import GRANTS, NotPermitted, Permission, Role, accounts_enabled
from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.dropout import absences
from schoolaid.ledger import corrections, posting, subsidy_programmes
from schoolaid.pairing import visits
from schoolaid.roster import roster
from schoolaid.storage.models import AuditEvent, LedgerEntry, Student, Visit
from tests.conftest import TODAY, UTC_NOW

ADMIN_PASSWORD = "admin-pass-1"
PASSWORD = "secret-pass-1"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """Argon2 at full strength takes 0.2 s a hash; the tests sign in hundreds of times."""
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))


def test_passwords_are_hashed_with_argon2id_at_full_strength():
    hasher = importlib.reload(accounts).HASHER
    assert (hasher.time_cost, hasher.memory_cost) == (3, 65536)
    assert hasher.hash("abcdefgh").startswith("$argon2id$")


@pytest.fixture
def admin(demo_db) -> Actor:
    return demo_db.run(accounts.create_first_administrator, "admin", "王管理", ADMIN_PASSWORD)


def add(db, admin: Actor, username: str, name: str, role: Role, classes=(), staff_id=None) -> Actor:
    db.run(accounts.add_user, admin, UserForm(username, name, role.value, PASSWORD, staff_id, tuple(classes)))
    outcome = db.run(accounts.sign_in, username, PASSWORD, now=UTC_NOW)
    assert outcome.actor is not None, outcome.message
    return outcome.actor


def a_student(db) -> Student:
    with db.read() as session:
        return session.scalars(select(Student).where(Student.status == "在读", Student.stage == "小学")
                               .order_by(Student.id)).first()


def test_first_administrator_then_everyone_signs_in(demo_db, admin):
    assert admin.role == Role.ADMIN.value and admin.user_id
    with pytest.raises(SchoolAidError):
        demo_db.run(accounts.create_first_administrator, "admin2", "又一个", ADMIN_PASSWORD)
    # The operator name of the days before accounts no longer opens anything.
    with pytest.raises(NotPermitted, match="登录"):
        demo_db.run(roster.change_status, Actor("李老师"), 1, roster.EnrollmentStatus.SUSPENDED, TODAY, "病",
                    today=TODAY)
    stored = sqlite3.connect(demo_db.path).execute("SELECT password_hash FROM users").fetchone()[0]
    assert ADMIN_PASSWORD not in stored and stored.startswith("$argon2id$")
    trail = sqlite3.connect(demo_db.path).execute("SELECT group_concat(coalesce(after, '')) FROM audit_events").fetchone()
    assert ADMIN_PASSWORD not in trail[0] and "$argon2" not in trail[0]


def test_account_rules(demo_db, admin):
    with pytest.raises(ValidationFailed) as short:
        demo_db.run(accounts.add_user, admin, UserForm("li", "李老师", Role.TEACHER.value, "1234567"))
    codes = {p.code for p in short.value.problems}
    assert {"password.short", "classes.missing"} <= codes
    add(demo_db, admin, "zhang", "张专干", Role.AID_OFFICER)
    with pytest.raises(ValidationFailed, match="已被使用|taken"):
        demo_db.run(accounts.add_user, admin, UserForm("ZHANG", "另一个张", Role.AID_OFFICER.value, PASSWORD))
    me = next(u for u in demo_db.query(accounts.list_users) if u.username == "admin")
    with pytest.raises(ValidationFailed, match="管理员"):
        demo_db.run(accounts.update_user, admin, me.id, UserForm("admin", "王管理", Role.AID_OFFICER.value))


def test_five_wrong_passwords_lock_the_account_for_15_minutes(demo_db, admin):
    add(demo_db, admin, "zhang", "张专干", Role.AID_OFFICER)
    start = dt.datetime(2026, 11, 29, 8, 0)
    for _ in range(4):
        outcome = demo_db.run(accounts.sign_in, "zhang", "wrong", now=start)
        assert outcome.actor is None and outcome.message == accounts.sign_in_refused_message()
    locked = demo_db.run(accounts.sign_in, "zhang", "wrong", now=start)
    assert locked.actor is None and "15" in locked.message
    assert next(u for u in demo_db.query(accounts.list_users) if u.username == "zhang").locked(start)
    # Even the right password waits out the lock.
    assert demo_db.run(accounts.sign_in, "zhang", PASSWORD, now=start + dt.timedelta(minutes=14)).actor is None
    assert demo_db.run(accounts.sign_in, "zhang", PASSWORD, now=start + dt.timedelta(minutes=16)).actor is not None
    with demo_db.read() as session:
        actions = [e.action for e in session.scalars(select(AuditEvent).where(AuditEvent.entity == "user"))]
    assert Action.LOCKED in actions and Action.SIGN_IN in actions


def test_the_administrator_unlocks_and_resets(demo_db, admin):
    add(demo_db, admin, "zhang", "张专干", Role.AID_OFFICER)
    for _ in range(5):
        demo_db.run(accounts.sign_in, "zhang", "wrong", now=UTC_NOW)
    user = next(u for u in demo_db.query(accounts.list_users) if u.username == "zhang")
    assert user.locked(UTC_NOW)
    demo_db.run(accounts.unlock, admin, user.id)
    assert demo_db.run(accounts.sign_in, "zhang", PASSWORD, now=UTC_NOW).actor is not None
    demo_db.run(accounts.reset_password, admin, user.id, "brand-new-pass")
    assert demo_db.run(accounts.sign_in, "zhang", PASSWORD, now=UTC_NOW).actor is None
    officer = demo_db.run(accounts.sign_in, "zhang", "brand-new-pass", now=UTC_NOW).actor
    with pytest.raises(NotPermitted):  # an aid officer cannot manage accounts
        demo_db.run(accounts.unlock, officer, user.id)
    assert demo_db.run(accounts.sign_in, "nobody", PASSWORD, now=UTC_NOW).actor is None


def decorated_services() -> list[tuple[str, object]]:
    """Every service in the package that declares the permission it needs."""
    found = []
    for module_info in pkgutil.walk_packages(schoolaid.__path__, "schoolaid."):
        if ".ui" in module_info.name or module_info.name.endswith("__main__") or ".migrations" in module_info.name:
            continue
        module = importlib.import_module(module_info.name)
        for name, member in inspect.getmembers(module, inspect.isfunction):
            if hasattr(member, "permission") and member.__module__ == module.__name__:
                found.append((f"{module.__name__}.{name}", member))
    return found


def test_every_role_against_every_service(demo_db, admin):
    services = decorated_services()
    assert len(services) >= 55
    actors = {role: Actor(f"测试{role.value}", role=role.value, user_id=900 + i)
              for i, role in enumerate(Role)}
    outcomes = {}
    for name, service in services:
        for role, actor in actors.items():
            session_cm = demo_db.write()
            session = session_cm.__enter__()
            try:
                service(session, actor)  # no arguments: past the check, the call itself fails
            except NotPermitted:
                outcomes[(name, role)] = "refused"
            except Exception:  # noqa: BLE001 - a missing argument or record: the check let it through
                outcomes[(name, role)] = "allowed"
            else:
                outcomes[(name, role)] = "allowed"
            finally:
                session.rollback()
                session_cm.__exit__(None, None, None)
    for name, service in services:
        for role in Role:
            expected = "allowed" if service.permission in GRANTS[role] else "refused"
            assert outcomes[(name, role)] == expected, (name, role)
    # Spot checks of the table itself, as the issue states it.
    assert outcomes[("schoolaid.ledger.corrections.reverse", Role.LEADERSHIP)] == "allowed"
    assert outcomes[("schoolaid.ledger.corrections.reverse", Role.AID_OFFICER)] == "refused"
    assert outcomes[("schoolaid.ledger.posting.post", Role.AID_OFFICER)] == "allowed"
    assert outcomes[("schoolaid.dropout.notices.issue_notice", Role.AID_OFFICER)] == "refused"
    assert outcomes[("schoolaid.accounts.accounts.add_user", Role.ADMIN)] == "allowed"
    assert outcomes[("schoolaid.roster.roster.add_student", Role.ADMIN)] == "refused"
    # The township only reads: every service that changes something refuses it.
    assert all(outcomes[(name, Role.TOWNSHIP_VIEWER)] == "refused" for name, service in services
               if service.permission not in (Permission.VIEW, Permission.VIEW_AUDIT))


def test_a_refusal_is_explained_and_recorded(demo_db, admin):
    viewer = add(demo_db, admin, "xiang", "乡镇刘", Role.TOWNSHIP_VIEWER)
    student = a_student(demo_db)
    with pytest.raises(NotPermitted, match="乡镇刘（乡镇查看）不能|乡镇刘 \\(乡镇查看\\)"):
        demo_db.run(roster.change_status, viewer, student.id, roster.EnrollmentStatus.SUSPENDED, TODAY, "x",
                    today=TODAY)
    with demo_db.read() as session:
        refusal = session.scalars(select(AuditEvent).where(AuditEvent.action == Action.REFUSED)).one()
    assert refusal.actor == "乡镇刘" and refusal.role == Role.TOWNSHIP_VIEWER.value
    assert json.loads(refusal.after)["permission"] == Permission.EDIT_ROSTER.value
    assert demo_db.query(roster.get_summary, student.id).status == roster.EnrollmentStatus.ENROLLED


def test_a_reversal_needs_a_second_person(demo_db, admin):
    principal = add(demo_db, admin, "wang", "王校长", Role.LEADERSHIP)
    deputy = add(demo_db, admin, "zhao", "赵副校长", Role.LEADERSHIP)
    student = a_student(demo_db)
    programme = demo_db.run(subsidy_programmes.create_programme, principal, subsidy_programmes.ProgrammeForm(
        code="TEST1", name="测试补助", eligibility="everyone", amount_fen=1000))
    demo_db.run(posting.post, principal, programme, "2026-10", [student.id], today=TODAY)
    with demo_db.read() as session:
        entry = session.scalars(select(LedgerEntry.id).where(LedgerEntry.programme_id == programme)).one()
    with pytest.raises(NotPermitted, match="王校长"):
        demo_db.run(corrections.reverse, principal, entry, "录错了")
    reversal = demo_db.run(corrections.reverse, deputy, entry, "录错了")
    assert reversal


def teacher_of(db, admin, student: Student) -> Actor:
    return add(db, admin, "li", "李老师", Role.TEACHER,
               [ClassRef(student.school_id, student.stage, student.grade, student.class_name)])


def test_a_teacher_works_on_their_own_classes_only(demo_db, admin):
    mine = a_student(demo_db)
    teacher = teacher_of(demo_db, admin, mine)
    with demo_db.read() as session:
        other = session.scalars(select(Student).where(Student.status == "在读", Student.class_name != mine.class_name,
                                                      Student.stage == "小学")).first()
    monday = TODAY - dt.timedelta(days=TODAY.weekday() + 7)
    assert demo_db.run(absences.record_absence, teacher, mine.id, monday, today=TODAY)
    with pytest.raises(NotPermitted, match=other.name):
        demo_db.run(absences.record_absence, teacher, other.id, monday, today=TODAY)
    shown = demo_db.query(roster.list_rows, roster.RosterFilter(classes=teacher.classes), today=TODAY)
    assert shown and all((r.school, r.class_name) == (shown[0].school, mine.class_name) for r in shown)
    assert mine.id in {r.id for r in shown} and other.id not in {r.id for r in shown}
    with pytest.raises(NotPermitted):  # no roster edits for a teacher
        demo_db.run(roster.change_status, teacher, mine.id, roster.EnrollmentStatus.SUSPENDED, TODAY, "x",
                    today=TODAY)


def test_a_teacher_logs_only_their_own_visits(demo_db, admin):
    with demo_db.read() as session:
        visit = session.scalars(select(Visit)).first()
        staff_id, household_id = visit.staff_id, visit.household_id
    student = a_student(demo_db)
    own = add(demo_db, admin, "helper", "结对老师", Role.TEACHER,
              [ClassRef(student.school_id, student.stage, student.grade, student.class_name)], staff_id=staff_id)
    other = add(demo_db, admin, "other", "别的老师", Role.TEACHER,
                [ClassRef(student.school_id, student.stage, student.grade, student.class_name)])
    entry = visits.VisitEntry(staff_id=staff_id, household_id=household_id, visit_date=TODAY,
                              done="送去文具", problems="", next_step="")
    assert demo_db.run(visits.add_visit, own, entry, today=TODAY)
    with pytest.raises(NotPermitted):
        demo_db.run(visits.add_visit, other, entry, today=TODAY)


def test_full_ids_are_revealed_only_to_those_who_need_them_and_on_the_record(demo_db, admin):
    officer = add(demo_db, admin, "zhang", "张专干", Role.AID_OFFICER)
    student = a_student(demo_db)
    numbers = demo_db.run(roster.reveal_id_numbers, officer, [student.id], "核对资助名单")
    assert len(numbers[student.id]) == 18
    with pytest.raises(NotPermitted):
        demo_db.run(roster.reveal_id_numbers, admin, [student.id], "看看")
    with demo_db.read() as session:
        reveal = session.scalars(select(AuditEvent).where(AuditEvent.action == Action.REVEAL)).one()
    assert reveal.actor == "张专干" and reveal.entity_id == student.id and "核对资助名单" in reveal.summary
    assert numbers[student.id] not in (reveal.after or "")


# --- the chain ------------------------------------------------------------------------------------


def raw(db) -> sqlite3.Connection:
    """Plain SQL on the file, as someone with the database and a SQLite tool would use it."""
    connection = sqlite3.connect(db.path, isolation_level=None)
    connection.execute("DROP TRIGGER IF EXISTS audit_events_never_updated")
    connection.execute("DROP TRIGGER IF EXISTS audit_events_never_deleted")
    connection.execute("DROP TRIGGER IF EXISTS ledger_entries_never_updated")
    return connection


def test_the_trail_refuses_changes_and_verifies_intact(demo_db, admin):
    report = demo_db.query(audit_verify.verify)
    assert report.ok, report.first_problem
    assert report.rows > 500 and report.checked_records > 300
    connection = sqlite3.connect(demo_db.path)
    for statement in ("UPDATE audit_events SET actor = 'x' WHERE id = 5", "DELETE FROM audit_events WHERE id = 5"):
        with pytest.raises(sqlite3.IntegrityError, match="audit trail"):
            connection.execute(statement)
    connection.close()


def test_an_edited_audit_row_is_named(demo_db, admin):
    raw(demo_db).execute("UPDATE audit_events SET summary = summary || '改' WHERE id = 40")
    report = demo_db.query(audit_verify.verify)
    assert not report.ok and report.first_problem.event_id == 40
    assert "40" in report.first_problem.message


def test_a_removed_audit_row_is_named(demo_db, admin):
    raw(demo_db).execute("DELETE FROM audit_events WHERE id = 77")
    report = demo_db.query(audit_verify.verify)
    assert report.first_problem.event_id == 78 and "78" in report.first_problem.message


def test_a_ledger_entry_changed_behind_the_apps_back_is_found(demo_db, admin):
    with demo_db.read() as session:
        entry_id = session.scalars(select(LedgerEntry.id).order_by(LedgerEntry.id)).first()
    raw(demo_db).execute("UPDATE ledger_entries SET amount_fen = amount_fen * 10 WHERE id = ?", (entry_id,))
    report = demo_db.query(audit_verify.verify)
    assert not report.chain  # the trail itself is intact…
    assert [f.entity_id for f in report.records] == [entry_id]  # …but the entry no longer matches it
    assert "amount_fen" in report.records[0].message


def test_records_added_or_removed_behind_the_apps_back_are_found(demo_db, admin):
    connection = raw(demo_db)
    visit = connection.execute("SELECT * FROM visits ORDER BY id LIMIT 1").fetchone()
    columns = [c[1] for c in connection.execute("PRAGMA table_info(visits)")]
    values = dict(zip(columns, visit, strict=True))
    values["id"] = 99_999
    connection.execute(f"INSERT INTO visits ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                       list(values.values()))
    attempt = connection.execute("SELECT id FROM persuasion_attempts ORDER BY id LIMIT 1").fetchone()[0]
    connection.execute("DROP TRIGGER IF EXISTS persuasion_attempts_never_deleted")
    connection.execute("DELETE FROM attachments WHERE owner = 'persuasion' AND owner_id = ?", (attempt,))
    connection.execute("PRAGMA foreign_keys = OFF")
    connection.execute("DELETE FROM persuasion_attempts WHERE id = ?", (attempt,))
    report = demo_db.query(audit_verify.verify)
    found = {(f.entity, f.entity_id) for f in report.records}
    assert ("visit", 99_999) in found and ("persuasion", attempt) in found


def test_newest_rows_removed_show_against_an_earlier_head(demo_db, admin):
    with demo_db.read() as session:
        rows, head = audit_verify.chain_head(session)
    assert demo_db.query(audit_verify.continues_from, rows, head) is None
    raw(demo_db).execute("DELETE FROM audit_events WHERE id = (SELECT max(id) FROM audit_events)")
    report = demo_db.query(audit_verify.verify)
    assert report.ok  # the chain up to the new end is whole: only the earlier head shows the cut
    finding = demo_db.query(audit_verify.continues_from, rows, head)
    assert finding is not None and str(rows) in finding.message


def test_events_of_one_transaction_chain_in_order(demo_db, admin):
    officer = add(demo_db, admin, "zhang", "张专干", Role.AID_OFFICER)
    with demo_db.write() as session:
        for n in range(3):
            accounts.audit.record(session, officer, Action.UPDATE, "setting", None, f"n{n}")
    with demo_db.read() as session:
        last = session.execute(text("SELECT id, prev_hash, hash FROM audit_events ORDER BY id DESC LIMIT 4")).all()
    assert [row[1] for row in last[:3]] == [row[2] for row in last[1:4]]
    assert demo_db.query(audit_verify.verify).ok


def test_an_older_database_is_chained_on_upgrade(tmp_path):
    """The events written before this version are chained in order by the migration, and the trail
    is unchangeable from then on."""
    import shutil
    from pathlib import Path

    from schoolaid.storage.database import open_database

    path = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).resolve().parent.parent / "fixtures" / "schoolaid-rev0005.sqlite", path)
    db = open_database(path)
    try:
        report = db.query(audit_verify.verify)
        assert report.ok, report.first_problem
        assert report.rows == 298 and report.checked_records > 0
        assert not db.query(accounts_enabled)
    finally:
        db.close()
    with pytest.raises(sqlite3.IntegrityError):
        sqlite3.connect(path).execute("DELETE FROM audit_events WHERE id = 1")


def failures(db) -> list[dict]:
    with db.read() as session:
        return [json.loads(e.after) if isinstance(e.after, str) else e.after for e in session.scalars(
            select(AuditEvent).where(AuditEvent.action == Action.SIGN_IN_FAILED).order_by(AuditEvent.id))]


def test_every_failed_sign_in_is_recorded_from_the_first(demo_db, admin):
    add(demo_db, admin, "zhang", "张专干", Role.AID_OFFICER)
    start = dt.datetime(2026, 11, 29, 8, 0)
    for n in range(1, 6):
        demo_db.run(accounts.sign_in, "zhang", "wrong-guess", now=start)
        recorded = failures(demo_db)
        assert len(recorded) == n
        assert recorded[-1]["username"] == "zhang" and recorded[-1]["reason"] == "wrong_password"
    assert [r["failed_attempts"] for r in failures(demo_db)] == [1, 2, 3, 4, 5]
    demo_db.run(accounts.sign_in, "zhang", PASSWORD, now=start)  # locked: refused, and on the record
    assert failures(demo_db)[-1]["reason"] == "locked"
    demo_db.run(accounts.sign_in, " Nobody ", "wrong-guess", now=start)
    assert failures(demo_db)[-1] == {"username": "Nobody", "reason": "unknown"}
    with demo_db.read() as session:
        trail = " ".join(f"{e.actor} {e.summary} {e.before} {e.after}" for e in session.scalars(select(AuditEvent)))
    assert "wrong-guess" not in trail and PASSWORD not in trail


def test_unknown_names_get_the_same_answer_as_real_accounts(demo_db, admin):
    add(demo_db, admin, "zhang", "张专干", Role.AID_OFFICER)
    start = dt.datetime(2026, 11, 29, 8, 0)
    for _ in range(6):  # through the lock and past it
        known = demo_db.run(accounts.sign_in, "zhang", "wrong", now=start)
        unknown = demo_db.run(accounts.sign_in, "nobody", "wrong", now=start)
        assert known.actor is None and unknown.actor is None
        assert known.message == unknown.message == accounts.sign_in_refused_message()
    # Locked, even the right password gets the same answer (which names the lock as a possible cause).
    right = demo_db.run(accounts.sign_in, "zhang", PASSWORD, now=start)
    assert right.actor is None and right.message == unknown.message
    assert "15" in right.message


def test_without_accounts_the_operator_has_full_id_rights(township_db):
    from schoolaid.accounts.permissions import has_full_id_rights

    assert township_db.query(has_full_id_rights, Actor("李老师"))


def test_full_id_rights_per_role_and_every_exporter_has_them(demo_db, admin):
    from schoolaid.accounts.permissions import has_full_id_rights

    with demo_db.read() as session:
        rights = {role: has_full_id_rights(session, Actor("某人", role=role.value)) for role in Role}
        assert not has_full_id_rights(session, Actor("没登录"))  # accounts exist: sign in first
    assert rights == {Role.ADMIN: False, Role.AID_OFFICER: True, Role.LEADERSHIP: True, Role.TEACHER: False,
                      Role.TOWNSHIP_VIEWER: False}
    # Exports and printouts mask ID numbers the full-rights way ("5104**********1234") and carry birth
    # dates: right only while everyone who may export has full-ID rights.
    assert all(Permission.VIEW_FULL_ID in grants for grants in GRANTS.values() if Permission.EXPORT in grants)
