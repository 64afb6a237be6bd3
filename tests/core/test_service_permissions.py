"""Rules in the services, with nothing that bypasses them: every public core function that writes
carries a permission (or stands on a short, explained list); every export and printout, as a service
and as a command, is checked for every role; settings are changed only by those whose role allows."""

from __future__ import annotations

import argparse
import ast
import datetime as dt
import functools
import importlib
import inspect
import json
import pkgutil
import textwrap
import types
from pathlib import Path
from types import SimpleNamespace

import openpyxl
import pytest
from argon2 import PasswordHasher
from sqlalchemy import select
from sqlcipher3 import (
    dbapi2 as sqlite3,  # the app's driver: two SQLite libraries on one file in one process break its locks
)

import schoolaid
from schoolaid.accounts import accounts, audit_log
from schoolaid.accounts.accounts import ClassRef, UserForm
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import NotPermitted, Permission, Role
from schoolaid.backup import backup
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.progress import Progress
from schoolaid.demo import create_demo_township
from schoolaid.dropout import case_files, escalation, notice_pdf, notices, plan_pdf, rules
from schoolaid.dropout import export as dropout_export
from schoolaid.dropout.receipts import Service
from schoolaid.ledger import batch_notice, batches, hardship, hardship_printouts
from schoolaid.ledger import export as ledger_export
from schoolaid.pairing import pairing_export
from schoolaid.reconcile import report_export
from schoolaid.reporting import home_teaching, monthly, reports, summary, township_summary
from schoolaid.roster import roster_export
from schoolaid.storage.database import open_database
from schoolaid.storage.models import AuditEvent, Student
from schoolaid.township import township
from tests.conftest import UTC_NOW
from tests.permission_table import COMMANDS, SERVICES, allowed, service_name

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
    outcome = db.run(accounts.sign_in, username, PASSWORD, now=UTC_NOW)
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
    before = demo_db.query(rules.setting, "dropout.notice_deadline_days")
    with pytest.raises(NotPermitted, match="李老师") as refused:
        demo_db.run(township.set_setting, teacher, "dropout.notice_deadline_days", "60")
    assert str(refused.value).endswith("：请找管理员。")  # the refusal names the role that can
    assert demo_db.query(rules.setting, "dropout.notice_deadline_days") == before
    refusal = refusals(demo_db)[-1]
    assert (refusal.actor, refusal.role) == ("李老师", Role.TEACHER.value)
    assert json.loads(refusal.after)["permission"] == Permission.EDIT_SETTINGS.value
    # Any key at all: a setting of no known family is the administrator's.
    with pytest.raises(NotPermitted):
        demo_db.run(township.set_setting, teacher, "something_new", "1")
    demo_db.run(township.set_setting, admin, "dropout.notice_deadline_days", "20")
    assert demo_db.query(rules.setting, "dropout.notice_deadline_days") == 20


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


# --- every public core function that writes carries a permission ----------------------------------
# Read from the source: a function writes when it adds, deletes, flushes or merges through its
# session, inserts, updates or deletes in SQL, or records in the audit trail; or calls a core
# function that does without a permission checked on the way. It carries a permission when it is
# marked by ``requires`` or calls ``check`` (``check_class``, ``check_role``) itself.

CORE_EXCLUDED = ("schoolaid.ui", "schoolaid.cli", "schoolaid.storage.migrations", "schoolaid.__main__")
SESSION_WRITES = {"add", "add_all", "delete", "merge", "flush", "bulk_save_objects", "bulk_insert_mappings"}
AUDIT_WRITES = {"record", "record_many"}
SQL_WRITES = {"insert", "update", "delete", "insert_rows"}  # insert_rows: storage.database's executemany
CHECKS = {"check", "check_class", "check_role"}
FILE_WRITERS = {("schoolaid.documents.workbook", "save"), ("schoolaid.documents.pdf.layout", "build"),
                ("schoolaid.common.files", "atomic_path")}


def _public_functions() -> list[tuple[str, types.FunctionType]]:
    """Every public module-level function of the core (everything but the window and the command line)."""
    found = []
    for info in pkgutil.walk_packages(schoolaid.__path__, "schoolaid."):
        if info.name.startswith(CORE_EXCLUDED):
            continue
        module = importlib.import_module(info.name)
        for name, member in vars(module).items():
            if inspect.isfunction(member) and member.__module__ == module.__name__ and not name.startswith("_"):
                found.append((f"{module.__name__.removeprefix('schoolaid.')}.{name}", member))
    return found


@functools.cache
def _calls(fn) -> tuple[list[ast.Call], dict]:
    """The calls in a function's own source, and the names it can see (its module's, and what it
    imports in its body)."""
    fn = inspect.unwrap(fn)
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(fn)))
    except (OSError, TypeError):
        return [], {}
    names = dict(fn.__globals__)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("schoolaid"):
            module = importlib.import_module(node.module)
            names.update((alias.asname or alias.name, getattr(module, alias.name, None)) for alias in node.names)
    return [node for node in ast.walk(tree) if isinstance(node, ast.Call)], names


def _name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _callee(call: ast.Call, names: dict):
    """The core function a call reaches (``helper(...)`` or ``module.service(...)``), if any."""
    target = None
    if isinstance(call.func, ast.Name):
        target = names.get(call.func.id)
    elif isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name):
        owner = names.get(call.func.value.id)
        if isinstance(owner, types.ModuleType):
            target = getattr(owner, call.func.attr, None)
    if inspect.isfunction(target) and target.__module__.startswith("schoolaid.") \
            and not target.__module__.startswith(CORE_EXCLUDED):
        return target
    return None


def _guarded(fn) -> bool:
    return hasattr(fn, "permission") or any(_name(call) in CHECKS for call in _calls(fn)[0])


def _direct_db_writes(fn) -> list[str]:
    calls, names = _calls(fn)
    found = []
    for call in calls:
        name = _name(call)
        on_session = isinstance(call.func, ast.Attribute) and getattr(call.func.value, "id", "") == "session"
        if on_session and name in SESSION_WRITES:
            found.append(f"session.{name}")
        elif name in AUDIT_WRITES and _callee(call, names) is not None:
            found.append(name)
        elif isinstance(call.func, ast.Name) and name in SQL_WRITES:
            found.append(name)
    return found


def _unguarded_writes(fn, seen: set | None = None) -> list[str]:
    """What ``fn`` writes to the database with no permission checked on the way."""
    seen = set() if seen is None else seen
    if fn in seen or _guarded(fn):
        return []
    seen.add(fn)
    found = _direct_db_writes(fn)
    calls, names = _calls(fn)
    for call in calls:
        callee = _callee(call, names)
        if callee is not None:
            found += [f"{callee.__name__}: {w}" for w in _unguarded_writes(callee, seen)][:1]
    return found


def _writes_files(fn, seen: set | None = None) -> bool:
    """Whether ``fn`` writes a document file (through the workbook, PDF or atomic-file writers)."""
    seen = set() if seen is None else seen
    if fn in seen:
        return False
    seen.add(fn)
    calls, names = _calls(fn)
    for call in calls:
        callee = _callee(call, names)
        if callee is not None and ((callee.__module__, callee.__name__) in FILE_WRITERS
                                   or _writes_files(callee, seen)):
            return True
    return False


# Public functions that take a session and write with no permission, and why that is right.
UNGUARDED = {
    "accounts.accounts.create_first_administrator": "the first start, before anyone can sign in; refused once an "
                                                     "account exists",
    "accounts.accounts.sign_in": "anyone may try to sign in: attempts, lockouts and sign-ins are recorded",
    "accounts.accounts.change_own_password": "one's own password, given the current one",
    "accounts.accounts.record_failed_unlocks": "failed sign-ins journaled while the encrypted database could not be "
                                               "opened, recorded at the next sign-in as sign_in records them",
    "accounts.accounts.recover_administrator": "the recovery key is the permission: the caller opened the encrypted "
                                               "database with it (accounts.unlocking.recover)",
    "accounts.accounts.record_encrypted": "the audit row of the encryption, as the administrator whose first account "
                                          "or sign-in encrypted the database",
    "accounts.audit.record": "the audit trail itself, written by services that checked (and for refusals)",
    "dropout.receipts.open_receipt": "numbers a document's proof of service (送达回证) for the services that issue or "
                                     "serve it (notices.issue_notice and record_receipt, escalation.issue_step and "
                                     "record_service), which checked",
    "dropout.receipts.fill": "writes the service on a receipt for notices.record_receipt and escalation.record_service, "
                             "which checked",
    "accounts.audit.record_many": "the audit trail itself, in bulk (imports, the demo), after their checks",
}
# Public functions that write files and are not export services, and why.
FILE_BUILDING_BLOCKS = {
    "documents.workbook.save": "saves a finished workbook atomically, for the export services",
    "dropout.document_pdf.write": "draws the dropout documents on the notice's page, atomically, for the printing "
                                  "services (notice_pdf.write_notices, escalation.print_step)",
    "documents.workbook.workbook_to": "the workbook an export service fills, saved atomically when it is done (and "
                                      "no file if the service stops)",
    "documents.pdf.layout.build": "writes a finished PDF story atomically, for the printout services",
    "backup.backup.write_backup": "the .sabk of a database file, for export_backup (which checks) and for tests on "
                                  "older files that cannot be opened",
    "backup.backup.prepare_restore": "puts the restored database's key-slot file beside it in the work folder: part "
                                     "of a restore (the window and the command line check the backup permission)",
    "backup.backup.restore_backup": "the same, through prepare_restore and replace_database",
    "backup.backup.replace_database": "moves the restored database's key-slot file into place, or copies the replaced "
                                      "one's beside the kept copy: part of a restore",
    "backup.safety_copies.restore": "keeps the database's key-slot file beside the restored copy: part of a restore",
    "documents.pdf.recovery_sheet.write_sheet": "the recovery-key sheet, printed once for whoever's first account or "
                                                "sign-in encrypted the database (the key is given, no session)",
    "roster.roster_import.save_rejected": "writes back the rejected rows of the user's own sheet, nothing from the "
                                          "database",
}


def test_every_public_function_that_writes_carries_a_permission():
    functions = dict(_public_functions())
    assert len(functions) > 300  # the walk found the core
    unguarded = {name: writes for name, fn in functions.items()
                 if "session" in inspect.signature(fn).parameters and (writes := _unguarded_writes(fn))}
    assert set(unguarded) - set(UNGUARDED) == set(), {n: unguarded[n] for n in set(unguarded) - set(UNGUARDED)}
    assert set(UNGUARDED) <= set(unguarded)  # no stale excuse on the list


def test_the_walk_sees_writes_and_checks():
    """Not vacuous: a service's body is seen to write, and its permission is seen."""
    from schoolaid.roster import roster

    assert {"session.add", "record"} <= set(_direct_db_writes(township.add_village))
    assert _guarded(township.add_village) and _guarded(roster.add_student) and _guarded(township.set_setting)
    assert _unguarded_writes(accounts.sign_in)
    assert not _guarded(accounts.sign_in)
    assert _writes_files(roster_export.export_roster) and not _writes_files(roster.list_rows)


def test_every_file_writer_is_a_checked_service_or_an_explained_building_block():
    writers = {name for name, fn in _public_functions() if _writes_files(fn)}
    services = {service_name(key) for key in SERVICES if not isinstance(key, tuple)}
    assert writers - services == set(FILE_BUILDING_BLOCKS), writers - services - set(FILE_BUILDING_BLOCKS)
    assert services <= writers


# --- every export and printout, as a service, for every role ---------------------------------------

TODAY = dt.date(2026, 11, 29)
ROLE_USERS = {Role.ADMIN: "admin", Role.AID_OFFICER: "zhang", Role.LEADERSHIP: "wang", Role.TEACHER: "li",
              Role.TOWNSHIP_VIEWER: "xiang"}


@pytest.fixture(scope="module")
def school(tmp_path_factory):
    """A demo township with an account of every role, and what the exports need: a batch, a case with
    its notice, a backup file."""
    folder = tmp_path_factory.mktemp("school")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(accounts, "HASHER", PasswordHasher(time_cost=1, memory_cost=256, parallelism=1))
        db = open_database(folder / "school.sqlite")
        db.run(create_demo_township, Actor("李老师"), students=150, seed=7, today=TODAY)
        admin = db.run(accounts.create_first_administrator, "admin", "王管理", PASSWORD)
        with db.read() as session:
            student = session.scalars(select(Student).where(Student.status == "在读", Student.stage == "小学")
                                      .order_by(Student.id)).first()
            mine = ClassRef(student.school_id, student.stage, student.grade, student.class_name)
        actors = {Role.ADMIN: admin,
                  Role.AID_OFFICER: add(db, admin, "zhang", "张专干", Role.AID_OFFICER),
                  Role.LEADERSHIP: add(db, admin, "wang", "王校长", Role.LEADERSHIP),
                  Role.TEACHER: add(db, admin, "li", "李老师", Role.TEACHER, [mine]),
                  Role.TOWNSHIP_VIEWER: add(db, admin, "xiang", "乡镇刘", Role.TOWNSHIP_VIEWER)}
    batch = db.query(batches.list_batches)[0].id
    case = next(c for c in db.query(case_files.list_cases) if c.notice is not None)
    notice_ids = [n.id for n in db.query(notices.notices, case.id)]
    _escalate(db, actors[Role.LEADERSHIP], case.id)
    backup_file = backup.write_backup(db.path, folder / "school.sabk", PASSWORD, now=dt.datetime(2026, 11, 29, 9))
    password = folder / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    officer = actors[Role.AID_OFFICER]
    db.run(hardship.propose, officer, 2026, TODAY)
    db.run(hardship.confirm_proposed, officer, 2026, "困难", TODAY, today=TODAY)
    publicity = db.run(hardship.start_publicity, officer, 2026, dt.date(2026, 11, 30), dt.date(2026, 12, 4),
                       "08121234567", today=TODAY)
    assessed = db.query(hardship.list_assessments, 2026, TODAY)[0].student_id
    yield SimpleNamespace(db=db, actors=actors, batch=batch, case=case.id, notice_ids=notice_ids,
                          backup=backup_file.path, password=password, publicity=publicity, assessed=assessed)
    db.close()


def _escalate(db, actor, case_id: int) -> None:
    """Every document of the escalation issued and served on the case (its notice's deadline has passed):
    the printing commands print them as issued. Services take the day from the caller: the later steps
    are issued on the days they fall due."""
    for kind in escalation.KINDS:
        where = db.query(escalation.chain, case_id)
        day = max(where.next_due, TODAY)
        db.run(escalation.issue_step, actor, case_id, kind, day, today=day)
        db.run(escalation.record_service, actor, case_id, kind, Service(day, "监护人", "直接送达", "李老师"), today=day)


def _call(key, school, actor, out: Path) -> object:
    """Run one entry point of the table with real arguments, as ``actor``, writing ``out``."""
    db = school.db
    service = key[0] if isinstance(key, tuple) else key
    full = isinstance(key, tuple)
    calls = {
        roster_export.export_roster: lambda: db.query(service, actor, out, full_ids=full, today=TODAY),
        roster_export.export_survey: lambda: db.query(service, actor, out, TODAY),
        ledger_export.export_ledger: lambda: db.query(service, actor, out, full_ids=full, today=TODAY),
        ledger_export.export_notice: lambda: db.query(service, actor, school.batch, out, TODAY),
        ledger_export.export_sign_off: lambda: db.query(service, actor, school.batch, out, TODAY),
        ledger_export.export_gaps: lambda: db.query(service, actor, "2026-10", out, TODAY),
        hardship_printouts.write_application: lambda: db.query(service, actor, school.assessed, 2026, out, TODAY),
        hardship_printouts.write_publicity: lambda: db.query(service, actor, school.publicity, out, TODAY),
        batch_notice.write_batch_notice: lambda: db.query(service, actor, school.batch, out, TODAY),
        pairing_export.export_register: lambda: db.query(service, actor, out, TODAY),
        pairing_export.export_visit_sheets: lambda: db.query(service, actor, out, today=TODAY),
        dropout_export.export_ledgers: lambda: db.query(service, actor, out, TODAY),
        dropout_export.export_cases: lambda: db.query(service, actor, out, TODAY),
        dropout_export.export_term_report: lambda: db.query(service, actor, out, TODAY),
        reports.write_term_report: lambda: db.query(service, actor, out, 2026, "autumn", today=TODAY),
        reports.write_dropout_ledgers: lambda: db.query(service, actor, out, TODAY),
        reports.write_register: lambda: db.query(service, actor, out, TODAY),
        reports.write_sign_off: lambda: db.query(service, actor, school.batch, out, TODAY),
        home_teaching.write_register: lambda: db.query(service, actor, out, TODAY, year=2026),
        summary.write_quarterly: lambda: db.query(service, actor, 2026, 3, out, TODAY),
        monthly.write_monthly: lambda: db.query(service, actor, 2026, 9, out, today=TODAY),
        notice_pdf.write_notices: lambda: db.query(service, actor, school.notice_ids, out),
        plan_pdf.write_plan: lambda: db.query(service, actor, out, TODAY, school.case),
        notice_pdf.print_case_notice: lambda: db.run(service, actor, school.case, out, TODAY),
        notice_pdf.print_due_notices: lambda: db.run(service, actor, out, TODAY),
        escalation.print_step: lambda: db.run(service, actor, school.case, "report", out, TODAY),
        report_export.write_report: lambda: db.query(service, actor, out, today=TODAY, full_ids=full),
        audit_log.export: lambda: db.query(service, actor, audit_log.AuditFilter(), out, today=TODAY),
        backup.export_backup: lambda: db.query(service, actor, out, PASSWORD, now=dt.datetime(2026, 11, 29, 10)),
        township_summary.summarize: lambda: service(actor, [school.backup], PASSWORD, out, TODAY),
    }
    return calls[service]()


def _suffix(key) -> str:
    service = key[0] if isinstance(key, tuple) else key
    if service is backup.export_backup:
        return ".sabk"
    return ".pdf" if service.__module__.endswith(("reports", "summary", "notice", "hardship_printouts",
                                                  "home_teaching", "plan_pdf")) else ".xlsx"


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("key", list(SERVICES), ids=service_name)
def test_every_export_service_for_every_role(school, tmp_path, key, role):
    actor = school.actors[role]
    out = tmp_path / f"out{_suffix(key)}"
    refused_before = len(refusals(school.db))
    if allowed(role, SERVICES[key]):
        result = _call(key, school, actor, out)
        assert out.exists() or result == []  # no notice due: nothing to print
    else:
        with pytest.raises(NotPermitted) as refusal:
            _call(key, school, actor, out)
        assert actor.name in refusal.value.message and "不能" in refusal.value.message  # said in Chinese
        assert not out.exists() and not list(tmp_path.iterdir())  # not even a partial file
        if key is not township_summary.summarize:  # on no database: nowhere to record it
            assert len(refusals(school.db)) == refused_before + 1


def test_the_table_matches_what_the_services_declare():
    """The permission each service checks first is in the table; the table misses no export service."""
    for key, needs in SERVICES.items():
        service = key[0] if isinstance(key, tuple) else key
        declared = getattr(service, "permission", None)
        if service is township_summary.summarize:
            continue  # checks the role itself: it has no session
        assert declared in needs, service_name(key)


# --- full ID numbers: on the record, with the real count, before the file exists ---------------------


def _reveals(path: Path) -> list[dict]:
    """The reveals committed so far, read as another program would."""
    connection = sqlite3.connect(path)
    try:
        return [json.loads(after) for (after,) in connection.execute(
            "SELECT after FROM audit_events WHERE action = 'reveal' ORDER BY id")]
    finally:
        connection.close()


def test_a_full_id_roster_export_is_on_the_record_before_its_file_exists(school, tmp_path):
    officer = school.actors[Role.AID_OFFICER]
    out = tmp_path / "花名册.xlsx"
    before = len(_reveals(school.db.path))
    seen = []

    def writing(fraction: float, _message: str = "") -> None:
        seen.append((out.exists(), _reveals(school.db.path)[before:]))

    written = school.db.query(roster_export.export_roster, officer, out, full_ids=True, today=TODAY,
                              progress=Progress(writing))
    assert seen and all(not exists and recorded == [{"students": written}] for exists, recorded in seen)
    rows = list(openpyxl.load_workbook(out).active.iter_rows(min_row=4, values_only=True))
    assert written == len(rows) == 150


def test_a_full_id_ledger_export_records_the_students_in_it_before_the_file_exists(school, tmp_path):
    leader = school.actors[Role.LEADERSHIP]
    out = tmp_path / "台账.xlsx"
    before = len(_reveals(school.db.path))
    seen = []
    entries = school.db.query(ledger_export.export_ledger, leader, out, full_ids=True, today=TODAY,
                              progress=Progress(lambda _f, _m="": seen.append((out.exists(),
                                                                               _reveals(school.db.path)[before:]))))
    rows = [r for r in openpyxl.load_workbook(out).active.iter_rows(min_row=4, values_only=True) if r[0]]
    students = {r[3] for r in rows}  # 身份证号
    assert entries == len(rows) > len(students) > 1  # several entries a student
    assert seen and all(not exists and recorded == [{"students": len(students)}] for exists, recorded in seen)


def test_a_full_id_export_that_cannot_be_written_stays_on_the_record(school, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    before = len(_reveals(school.db.path))
    with pytest.raises(SchoolAidError):
        school.db.query(roster_export.export_roster, school.actors[Role.AID_OFFICER], blocker / "x.xlsx",
                        full_ids=True, today=TODAY)
    assert _reveals(school.db.path)[before:] == [{"students": 150}]


def test_a_teacher_is_refused_a_full_id_export_and_nothing_is_revealed(school, tmp_path):
    teacher = school.actors[Role.TEACHER]
    before = len(_reveals(school.db.path))
    with pytest.raises(NotPermitted, match="李老师"):
        school.db.query(roster_export.export_roster, teacher, tmp_path / "x.xlsx", full_ids=True, today=TODAY)
    assert _reveals(school.db.path)[before:] == [] and not list(tmp_path.iterdir())


# --- every export and printout, as a command, for every role ---------------------------------------


def _command_line(words: tuple[str, ...], school, out: Path) -> list[str]:
    """The command as the township's scripts type it."""
    target = {("roster", "export"): [str(out)], ("roster", "survey"): [str(out)],
              ("pairing", "register"): [str(out)], ("pairing", "visits"): [str(out)],
              ("ledger", "export"): [str(out)], ("cases", "ledgers"): [str(out)],
              ("hardship", "form"): ["--student", str(school.assessed), "--year", "2026", "--out", str(out)],
              ("print", "notice"): [str(school.case), "--out", str(out)],
              ("print", "plan"): [str(school.case), "--out", str(out)],
              ("print", "due-notices"): ["--out", str(out)],
              **{("print", kind): [str(school.case), "--out", str(out)] for kind in escalation.KINDS},
              ("print", "quarterly"): ["--year", "2026", "--quarter", "3", "--out", str(out)],
              ("print", "term-report"): ["--year", "2026", "--term", "autumn", "--out", str(out)],
              ("print", "monthly"): ["--year", "2026", "--month", "9", "--out", str(out)],
              ("print", "ledgers"): ["--out", str(out)], ("print", "register"): ["--out", str(out)],
              ("print", "home-teaching"): ["--out", str(out), "--year", "2026"],
              ("print", "sign-off"): [str(school.batch), "--out", str(out)],
              ("print", "batch-notice"): [str(school.batch), "--out", str(out)],
              ("backup", "export"): ["--out", str(out), "--password-file", str(school.password)]}[words[:2]]
    return [*words[:2], *target, *words[2:]]


@pytest.mark.parametrize("role", list(Role), ids=lambda r: r.value)
@pytest.mark.parametrize("words", list(COMMANDS), ids=" ".join)
def test_every_export_command_for_every_role(school, tmp_path, capsys, words, role):
    from schoolaid.cli.main import main

    suffix = ".sabk" if words[0] == "backup" else ".pdf" if words[0] in ("print", "hardship") else ".xlsx"
    out = tmp_path / f"out{suffix}"
    user = school.actors[role]
    refused_before = len(refusals(school.db))
    code = main([*_command_line(words, school, out), "--db", str(school.db.path), "--user", ROLE_USERS[role],
                 "--user-password-file", str(school.password)])
    stderr = capsys.readouterr().err
    if allowed(role, COMMANDS[words]):
        assert code == 0, stderr
        assert out.exists() or words == ("print", "due-notices")  # no notice due: no file
    else:
        assert code == 1 and user.name in stderr and "不能" in stderr
        assert not out.exists() and not list(tmp_path.iterdir())
        assert len(refusals(school.db)) == refused_before + 1


def _subparser(parser: argparse.ArgumentParser, words: tuple[str, ...]) -> argparse.ArgumentParser:
    for word in words:
        action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = action.choices[word]
    return parser


def test_every_command_declares_its_permission_as_the_table_says():
    from schoolaid.cli import command, main

    parser = main.build_parser()
    declared = {}
    for spec in command.COMMANDS:
        words = (spec.group.name, spec.name) if spec.group is not None else (spec.name,)
        assert _subparser(parser, words).get_default("command_spec") is spec  # every declaration is on the parser
        declared[words] = spec.needs.permission
    for words, needs in COMMANDS.items():
        assert declared[words[:2]] in needs, words
    # Every command that writes a document or a backup is in the table (a restore replaces the database).
    writing = {Permission.EXPORT, Permission.ISSUE_NOTICE, Permission.BACKUP}
    assert {w for w, p in declared.items() if p in writing} - {("backup", "restore")} == {w[:2] for w in COMMANDS}


def test_a_refusal_names_the_roles_that_may_the_least_powerful_first():
    from schoolaid.accounts.permissions import roles_allowed

    assert roles_allowed(Permission.ISSUE_NOTICE) == [Role.LEADERSHIP]
    assert roles_allowed(Permission.EDIT_ROSTER) == [Role.AID_OFFICER, Role.LEADERSHIP]
    assert roles_allowed(Permission.RECORD_ABSENCE)[0] is Role.TEACHER
