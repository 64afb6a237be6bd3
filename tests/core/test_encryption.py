"""Encryption at rest (issue 15, section 4): the database file encrypted under a random key, a key slot
per account, failed unlocks journaled into the audit trail, the recovery key, conversion of a plain
database, and a kill in the middle of it."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlcipher3 import (
    dbapi2 as sqlite3,  # the app's driver: two SQLite libraries on one file in one process break its locks
)

from schoolaid.accounts import accounts, unlocking
from schoolaid.accounts.accounts import UserForm
from schoolaid.accounts.audit import Action
from schoolaid.accounts.permissions import Role
from schoolaid.common.errors import DatabaseError, ValidationFailed
from schoolaid.storage import encryption
from schoolaid.storage.database import open_database
from schoolaid.storage.models import AuditEvent, Student, User
from tests.conftest import UTC_NOW

ADMIN_PASSWORD = "admin-pass-1"
PASSWORD = "secret-pass-1"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    """Argon2 at full strength costs 0.2 s a slot; these tests open databases dozens of times."""
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))
    monkeypatch.setattr(encryption, "ARGON2_TIME", 1)
    monkeypatch.setattr(encryption, "ARGON2_MEMORY_KIB", 256)
    monkeypatch.setattr(encryption, "ARGON2_LANES", 1)


@pytest.fixture
def encrypted(demo_db):
    """The demo township with its first account, encrypted as the first account makes it: (path, key)."""
    actor = demo_db.run(accounts.create_first_administrator, "admin", "王管理", ADMIN_PASSWORD)
    db, made = unlocking.encrypt_open_database(demo_db, "admin", ADMIN_PASSWORD, actor)
    teacher = UserForm("teacher1", "李老师", Role.AID_OFFICER.value, PASSWORD)
    db.run(accounts.add_user, actor, teacher)
    path = db.path
    db.close()
    return path, made.key


def open_as(path: Path, name: str, password: str, now: dt.datetime = UTC_NOW) -> unlocking.Opened:
    return unlocking.sign_in_and_open(path, name, password, now=now)


def signed_in(path: Path, name: str, password: str):
    opened = open_as(path, name, password)
    assert opened.db is not None, opened.outcome.message
    return opened.db, opened.actor


def file_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_the_file_on_disk_holds_no_id_number_or_name_once_encrypted(demo_db):
    with demo_db.read() as session:
        students = session.scalars(select(Student).limit(20)).all()
        secrets = [(s.id_number, s.name) for s in students]
    assert any(s[0].encode() in file_bytes(demo_db.path) for s in secrets), "the plain file holds them"
    actor = demo_db.run(accounts.create_first_administrator, "admin", "王管理", ADMIN_PASSWORD)
    db, made = unlocking.encrypt_open_database(demo_db, "admin", ADMIN_PASSWORD, actor)
    db.run(accounts.add_user, actor, UserForm("teacher1", "李老师", Role.AID_OFFICER.value, PASSWORD))
    raw = file_bytes(db.path)
    for id_number, name in secrets:
        assert id_number.encode() not in raw
        assert name.encode("utf-8") not in raw
    assert b"SQLite format 3" not in raw[:16]
    keys = encryption.keys_path(db.path).read_bytes()
    assert b"admin" not in keys and b"teacher1" not in keys and made.key.hex().encode() not in keys
    assert oct(db.path.stat().st_mode & 0o777) == "0o600"
    assert oct(encryption.keys_path(db.path).stat().st_mode & 0o777) == "0o600"
    db.close()
    with pytest.raises(sqlite3.DatabaseError):  # without the key, SQLite sees no database
        sqlite3.connect(db.path).execute("SELECT count(*) FROM students").fetchone()


def test_every_account_opens_it_with_its_own_password_and_nothing_else(encrypted):
    path, _key = encrypted
    for name, password in (("admin", ADMIN_PASSWORD), ("TEACHER1", PASSWORD)):
        db, actor = signed_in(path, name, password)
        assert db.key is not None and actor.user_id is not None
        db.close()
    refused = {open_as(path, "admin", PASSWORD).outcome.message, open_as(path, "nobody", PASSWORD).outcome.message,
               open_as(path, "teacher1", ADMIN_PASSWORD).outcome.message}
    assert refused == {accounts.sign_in_refused_message()}  # one answer, whatever was wrong
    assert all(open_as(path, n, p).db is None for n, p in (("admin", "wrong-pass"), ("nobody", "x" * 8)))
    with pytest.raises(encryption.KeysMissing, match="加密|encrypted"):
        open_database(path)  # without a key: a clear message, not "file is not a database"
    with pytest.raises(encryption.WrongKey):
        open_database(path, key=bytes(32))


def test_failed_unlocks_are_journaled_then_land_in_the_audit_and_lock_the_account(encrypted):
    path, _key = encrypted
    attempts = [UTC_NOW + dt.timedelta(seconds=i) for i in range(5)]
    for at in attempts:
        assert open_as(path, "teacher1", "wrong-pass", at).db is None
    assert open_as(path, "猜的名字", "wrong-pass", UTC_NOW).db is None
    journal = encryption.journal_path(path).read_text(encoding="utf-8")
    assert "teacher1" in journal and "wrong-pass" not in journal
    db, _admin = signed_in(path, "admin", ADMIN_PASSWORD)
    assert not encryption.journal_path(path).exists()
    with db.read() as session:
        failed = session.scalars(select(AuditEvent).where(AuditEvent.action == Action.SIGN_IN_FAILED)).all()
        locked = session.scalars(select(AuditEvent).where(AuditEvent.action == Action.LOCKED)).all()
        teacher = session.scalar(select(User).where(User.username == "teacher1"))
        assert teacher.locked_until == attempts[-1] + dt.timedelta(minutes=accounts.LOCK_MINUTES)
    assert len(failed) == 6 and len(locked) == 1
    guessed = [json.loads(e.after) for e in failed if e.actor == "猜的名字"]
    assert guessed == [{"username": "猜的名字", "reason": "unknown", "attempted_at": UTC_NOW.isoformat()}]
    db.close()
    # Locked: the right password now gets the one answer too, and that is recorded.
    assert open_as(path, "teacher1", PASSWORD, attempts[-1] + dt.timedelta(minutes=1)).db is None


def test_slots_follow_password_changes_resets_renames_and_deactivation(encrypted):
    path, _key = encrypted
    db, admin = signed_in(path, "admin", ADMIN_PASSWORD)
    teacher_id = next(u.id for u in db.query(accounts.list_users) if u.username == "teacher1")
    db.run(accounts.reset_password, admin, teacher_id, "reset-pass-2")
    db.close()
    assert open_as(path, "teacher1", PASSWORD).db is None
    db, teacher = signed_in(path, "teacher1", "reset-pass-2")
    db.run(accounts.change_own_password, teacher, "reset-pass-2", "own-pass-3")
    db.close()
    assert open_as(path, "teacher1", "reset-pass-2").db is None
    db, admin = signed_in(path, "admin", ADMIN_PASSWORD)
    db.run(accounts.update_user, admin, teacher_id, UserForm("teacher2", "李老师", Role.AID_OFFICER.value))
    db.close()
    db, _ = signed_in(path, "teacher2", "own-pass-3")  # renamed, same slot
    db.close()
    db, admin = signed_in(path, "admin", ADMIN_PASSWORD)
    db.run(accounts.update_user, admin, teacher_id, UserForm("teacher2", "李老师", Role.AID_OFFICER.value), active=False)
    db.run(accounts.update_user, admin, teacher_id, UserForm("teacher2", "李老师", Role.AID_OFFICER.value), active=True)
    assert [u.needs_password_reset for u in db.query(accounts.list_users) if u.username == "teacher2"] == [True]
    db.close()
    assert open_as(path, "teacher2", "own-pass-3").db is None  # deactivation removed the slot
    db, admin = signed_in(path, "admin", ADMIN_PASSWORD)
    db.run(accounts.reset_password, admin, teacher_id, "again-pass-4")
    assert [u.needs_password_reset for u in db.query(accounts.list_users)] == [False, False]
    db.close()
    db, _ = signed_in(path, "teacher2", "again-pass-4")
    db.close()


def test_the_recovery_key_opens_a_database_whose_key_file_is_lost_and_sets_a_new_admin_password(encrypted):
    path, key = encrypted
    encryption.keys_path(path).unlink()
    with pytest.raises(DatabaseError, match="恢复密钥|recovery key"):
        open_as(path, "admin", ADMIN_PASSWORD)
    with pytest.raises(encryption.WrongKey):
        unlocking.recover(path, encryption.format_recovery_key(bytes(32)), "admin", "new-admin-pass", now=UTC_NOW)
    with pytest.raises(encryption.WrongKey):
        unlocking.recover(path, "ABCD-EFGH", "admin", "new-admin-pass", now=UTC_NOW)
    typed = encryption.format_recovery_key(key).lower().replace("-", " ")  # as read off the paper
    with pytest.raises(ValidationFailed):
        unlocking.recover(path, typed, "teacher1", "new-admin-pass", now=UTC_NOW)  # administrators only
    opened = unlocking.recover(path, typed, "admin", "new-admin-pass", now=UTC_NOW)
    assert opened.actor is not None and opened.actor.role == Role.ADMIN.value
    users = {u.username: u.needs_password_reset for u in opened.db.query(accounts.list_users)}
    with opened.db.read() as session:
        assert session.scalars(select(AuditEvent.actor).where(
            AuditEvent.summary == accounts.translate("Accounts", "password set with the recovery key"))).all() == ["王管理"]
    opened.db.close()
    assert users == {"admin": False, "teacher1": True}
    db, _ = signed_in(path, "admin", "new-admin-pass")
    db.close()
    assert open_as(path, "admin", ADMIN_PASSWORD).db is None


def dump(connection) -> dict[str, list[tuple]]:
    tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {t: connection.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}  # noqa: S608


def test_a_database_of_the_previous_version_is_converted_with_every_row_and_audit_row_identical(tmp_path):
    path = tmp_path / "school.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0006.sqlite", path)
    open_database(path).close()  # upgraded as before
    with contextlib.closing(sqlite3.connect(path)) as plain:
        before = dump(plain)
        schema = plain.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert before["audit_events"] and before["students"]
    made = encryption.encrypt_database(path, "admin", ADMIN_PASSWORD)
    connection = encryption.connect(path, made.key)
    try:
        assert dump(connection) == before
        assert connection.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    finally:
        connection.close()
    db = open_database(path, key=encryption.KeyFile.load(encryption.keys_path(path)).unwrap("admin", ADMIN_PASSWORD))
    db.close()


def test_an_administrators_sign_in_converts_a_plain_database_and_others_then_need_a_reset(demo_db):
    admin = demo_db.run(accounts.create_first_administrator, "admin", "王管理", ADMIN_PASSWORD)
    demo_db.run(accounts.add_user, admin, UserForm("teacher1", "李老师", Role.AID_OFFICER.value, PASSWORD))
    path = demo_db.path
    demo_db.close()
    opened = open_as(path, "teacher1", PASSWORD)  # not an administrator: stays plain
    assert opened.db is not None and not opened.recovery_key
    opened.db.close()
    assert encryption.state(path) == encryption.PLAIN
    opened = open_as(path, "admin", ADMIN_PASSWORD)
    assert opened.recovery_key and encryption.state(path) == encryption.ENCRYPTED
    assert encryption.parse_recovery_key(opened.recovery_key) == opened.db.key
    assert {u.username: u.needs_password_reset for u in opened.db.query(accounts.list_users)} == {
        "admin": False, "teacher1": True}
    # Nor on the open database (the window's "change user" or its idle lock): the same one answer.
    refused = opened.db.run(accounts.sign_in, "teacher1", PASSWORD, now=UTC_NOW)
    assert refused.actor is None and refused.message == accounts.sign_in_refused_message()
    opened.db.close()
    assert open_as(path, "teacher1", PASSWORD).outcome.message == accounts.sign_in_refused_message()
    assert not list(path.parent.glob(".*.part"))


_KILLED = """
import os, signal, sys
from pathlib import Path
from schoolaid.common.progress import Progress
from schoolaid.storage import encryption
encryption.ARGON2_TIME, encryption.ARGON2_MEMORY_KIB, encryption.ARGON2_LANES = 1, 256, 1
after = float(sys.argv[2])
def report(fraction, _message):
    if fraction > after:
        os.kill(os.getpid(), signal.SIGKILL)
encryption.encrypt_database(Path(sys.argv[1]), "admin", "admin-pass-1", Progress(report))
"""


@pytest.mark.parametrize("after", [0.0, 0.6, 0.8, 0.95])
def test_a_kill_during_the_conversion_leaves_a_database_that_opens_with_every_row(demo_db, after):
    demo_db.run(accounts.create_first_administrator, "admin", "王管理", ADMIN_PASSWORD)
    path = demo_db.path
    demo_db.close()
    with contextlib.closing(sqlite3.connect(path)) as plain:
        before = dump(plain)
    run = subprocess.run([sys.executable, "-c", _KILLED, str(path), str(after)], cwd=ROOT, capture_output=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr
    from schoolaid.backup import leftovers

    leftovers.remove_leftovers(path)
    assert not list(path.parent.glob(".*.part"))
    if encryption.state(path) == encryption.PLAIN:
        assert not encryption.keys_path(path).exists()  # the stale slots of an interrupted encryption
        key = None
    else:
        key = encryption.KeyFile.load(encryption.keys_path(path)).unwrap("admin", ADMIN_PASSWORD)
    connection = encryption.connect(path, key)
    try:
        after_kill = dump(connection)
    finally:
        connection.close()
    assert after_kill == before
    db = open_database(path, key=key)
    db.close()


def test_opening_a_file_that_is_not_ours_still_says_so(tmp_path):
    path = tmp_path / "other.sqlite"
    path.write_bytes(os.urandom(4096))
    with pytest.raises(DatabaseError, match="校助|SchoolAid"):
        open_database(path)


BACKUP_PASSWORD = "backup-pass-1"
BACKUP_NOW = dt.datetime(2026, 11, 29, 9, 30)


def test_a_backup_of_an_encrypted_database_restores_with_every_account_signing_in(encrypted, tmp_path):
    from schoolaid.backup import backup

    path, key = encrypted
    db, officer = signed_in(path, "teacher1", PASSWORD)  # the aid officer's work
    info = db.query(backup.export_backup, officer, tmp_path / "out" / "b.sabk", BACKUP_PASSWORD, now=BACKUP_NOW)
    db.close()
    assert backup.verify_backup(info.path, BACKUP_PASSWORD).counts == info.counts
    # Into a new place: the database encrypted under the same key, its key slots beside it.
    target = tmp_path / "other-pc" / "schoolaid.sqlite"
    backup.restore_backup(info.path, BACKUP_PASSWORD, target, now=BACKUP_NOW)
    assert encryption.state(target) == encryption.ENCRYPTED
    for name, password in (("admin", ADMIN_PASSWORD), ("teacher1", PASSWORD)):
        restored, _actor = signed_in(target, name, password)
        assert restored.key == key
        restored.close()
    # Over the school's own database: the one replaced is kept, with its key slots, and opens.
    restored = backup.restore_backup(info.path, BACKUP_PASSWORD, path, now=BACKUP_NOW)
    assert restored.kept is not None and encryption.keys_path(restored.kept).exists()
    kept = open_database(restored.kept, key=key)
    kept.close()
    db, _ = signed_in(path, "teacher1", PASSWORD)
    db.close()
    assert not [p for p in path.parent.rglob("*") if p.name.startswith(".schoolaid-backup-")]


def test_viewing_or_verifying_a_backup_leaves_no_plain_copy_of_the_data(encrypted, tmp_path, monkeypatch):
    import tempfile

    from schoolaid.backup import backup

    path, _key = encrypted
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    db, officer = signed_in(path, "teacher1", PASSWORD)  # the aid officer's work
    info = db.query(backup.export_backup, officer, tmp_path / "b.sabk", BACKUP_PASSWORD, now=BACKUP_NOW)
    db.close()
    viewed = backup.open_for_viewing(info.path, BACKUP_PASSWORD)
    try:
        assert viewed.read_only and viewed.key is not None
        files = [p for p in (tmp_path / "temp").rglob("*") if p.is_file()]
        assert files and all(not p.read_bytes().startswith(b"SQLite format 3") for p in files)
        assert viewed.query(accounts.list_users)
    finally:
        viewed.close()
    assert not list((tmp_path / "temp").iterdir())


def test_a_plain_databases_backup_restores_plain_and_an_old_backup_still_restores(demo_db, tmp_path):
    from schoolaid.backup import backup

    info = backup.write_backup(demo_db.path, tmp_path / "b.sabk", BACKUP_PASSWORD, now=BACKUP_NOW)
    target = tmp_path / "restored" / "schoolaid.sqlite"
    backup.restore_backup(info.path, BACKUP_PASSWORD, target, now=BACKUP_NOW)
    assert encryption.state(target) == encryption.PLAIN and not encryption.keys_path(target).exists()
    with contextlib.closing(sqlite3.connect(target)) as restored, \
            contextlib.closing(sqlite3.connect(demo_db.path)) as source:
        assert dump(restored)["students"] == dump(source)["students"]


def test_safety_copies_of_an_encrypted_database_are_encrypted_and_restore(encrypted):
    from schoolaid.backup import safety_copies

    path, key = encrypted
    copy = safety_copies.take(path, 3, now=BACKUP_NOW, key=key)
    assert not copy.path.read_bytes().startswith(b"SQLite format 3")
    assert safety_copies.describe(copy, key)["students"] > 0
    kept = safety_copies.restore(copy, path, now=BACKUP_NOW + dt.timedelta(hours=1), key=key)
    assert kept is not None
    db, _ = signed_in(path, "teacher1", PASSWORD)
    db.close()


def test_an_old_backup_with_a_plain_database_is_viewed_encrypted_and_restores_plain(demo_db, tmp_path, monkeypatch):
    import tempfile

    from schoolaid.backup import backup
    from schoolaid.common.progress import NO_PROGRESS

    demo_db.close()
    old = tmp_path / "old.sabk"  # as the previous version wrote it: the plain SQLite file is the payload
    facts = backup.database_facts(demo_db.path)
    with demo_db.path.open("rb") as source:
        backup._encrypt(source, demo_db.path.stat().st_size, old, facts, BACKUP_PASSWORD, NO_PROGRESS,
                        now=BACKUP_NOW)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    viewed = backup.open_for_viewing(old, BACKUP_PASSWORD)
    try:
        files = [p for p in (tmp_path / "temp").rglob("*") if p.is_file() and p.name != ".owner"]
        assert files and all(not p.read_bytes().startswith(b"SQLite format 3") for p in files)
        with viewed.read() as session:
            assert session.query(Student).count() == facts["counts"]["students"]
    finally:
        viewed.close()
    target = tmp_path / "restored" / "schoolaid.sqlite"
    backup.restore_backup(old, BACKUP_PASSWORD, target, now=BACKUP_NOW)
    assert encryption.state(target) == encryption.PLAIN
