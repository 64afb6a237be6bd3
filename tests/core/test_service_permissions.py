"""Rules in the services, with nothing that bypasses them: every public core function that writes
carries a permission (or stands on a short, explained list); every export and printout, as a service
and as a command, is checked for every role; settings are changed only by those whose role allows."""

from __future__ import annotations

import json

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from schoolaid.accounts import accounts
from schoolaid.accounts.accounts import ClassRef, UserForm
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import NotPermitted, Permission, Role
from schoolaid.dropout import dropout
from schoolaid.storage.models import AuditEvent, Student
from schoolaid.township import township

ADMIN_PASSWORD = "admin-pass-1"
PASSWORD = "secret-pass-1"


@pytest.fixture(autouse=True)
def quick_hashes(monkeypatch):
    monkeypatch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))


@pytest.fixture
def admin(demo_db) -> Actor:
    return demo_db.run(accounts.create_first_administrator, "admin", "王管理", ADMIN_PASSWORD)


def add(db, admin: Actor, username: str, name: str, role: Role, classes=(), staff_id=None) -> Actor:
    db.run(accounts.add_user, admin, UserForm(username, name, role.value, PASSWORD, staff_id, tuple(classes)))
    outcome = db.run(accounts.sign_in, username, PASSWORD)
    assert outcome.actor is not None, outcome.message
    return outcome.actor


@pytest.fixture
def teacher(demo_db, admin) -> Actor:
    with demo_db.read() as session:
        student = session.scalars(select(Student).where(Student.status == "在读", Student.stage == "小学")
                                  .order_by(Student.id)).first()
        mine = ClassRef(student.school_id, student.stage, student.grade, student.class_name)
    return add(demo_db, admin, "li", "李老师", Role.TEACHER, [mine])


def refusals(db) -> list[AuditEvent]:
    with db.read() as session:
        return list(session.scalars(select(AuditEvent).where(AuditEvent.action == Action.REFUSED)
                                    .order_by(AuditEvent.id)))


# --- settings --------------------------------------------------------------------------------------


def test_a_teacher_cannot_change_a_setting_and_the_attempt_is_recorded(demo_db, admin, teacher):
    before = demo_db.query(dropout.setting, "dropout.notice_deadline_days")
    with pytest.raises(NotPermitted, match="李老师"):
        demo_db.run(township.set_setting, teacher, "dropout.notice_deadline_days", "60")
    assert demo_db.query(dropout.setting, "dropout.notice_deadline_days") == before
    refusal = refusals(demo_db)[-1]
    assert (refusal.actor, refusal.role) == ("李老师", Role.TEACHER.value)
    assert json.loads(refusal.after)["permission"] == Permission.EDIT_SETTINGS.value
    # Any key at all: a setting of no known family is the administrator's.
    with pytest.raises(NotPermitted):
        demo_db.run(township.set_setting, teacher, "something_new", "1")
    demo_db.run(township.set_setting, admin, "dropout.notice_deadline_days", "20")
    assert demo_db.query(dropout.setting, "dropout.notice_deadline_days") == 20


def test_each_family_of_settings_has_its_permission(demo_db, admin):
    officer = add(demo_db, admin, "zhang", "张专干", Role.AID_OFFICER)
    demo_db.run(township.set_setting, officer, "last_backup_export", "2026-11-29T09:00:00")  # their backup
    for key in (township.TOWNSHIP_NAME, "dropout.dropout_days", "pairing.overdue_days", "safety_copy_hours"):
        with pytest.raises(NotPermitted):
            demo_db.run(township.set_setting, officer, key, "30")
    with pytest.raises(NotPermitted):  # accounts are the administrator's to turn on, never an officer's
        demo_db.run(township.set_setting, officer, "accounts_enabled", "0")
    with pytest.raises(NotPermitted):  # the administrator keeps settings, not backups
        demo_db.run(township.set_setting, admin, "last_backup_export", "2026-11-29T09:00:00")
