"""Migration 0009 on the databases earlier versions wrote (tests/fixtures, revisions 0004 on): every
posted ledger entry, case log and audit row unchanged, the old 建档立卡 status migrated to the
categories (未脱贫/已脱贫 → 脱贫户 with its year, 监测户 → 防止返贫监测对象), each changed household with
its event appended to the chain, and the new fields compared from then on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlite3  # the app's driver

from schoolaid.accounts import audit_verify
from schoolaid.roster.categories import category_from_history, priority_groups
from schoolaid.storage.database import open_database
from tests.conftest import TODAY

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
# The fixtures written before the categories (0009) and after the households' poverty fields (0004).
FROM_0004 = sorted(p.name for p in FIXTURES.glob("schoolaid-rev*.sqlite")
                   if "schoolaid-rev0004" <= p.name < "schoolaid-rev0009")
#: The records that never change once written: the ledger, the dropout case log, the audit trail.
KEPT = ("ledger_entries", "ledger_batches", "dropout_cases", "persuasion_attempts", "urging_notices", "absences",
        "audit_events")


def rows(path: Path) -> dict[str, list[dict]]:
    connection = sqlite3.connect(path)
    try:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        found = {}
        for table in KEPT:
            if table in tables:
                cursor = connection.execute(f"SELECT * FROM {table} ORDER BY rowid")  # noqa: S608
                names = [d[0] for d in cursor.description]
                found[table] = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        return found
    finally:
        connection.close()


def as_written(kept: list[dict], now: list[dict]) -> list[dict]:
    """The rows now, with only the columns the old version wrote (0006 added the chain's columns to
    the audit rows of older databases: their values are compared as they were)."""
    return [{name: row[name] for name in old} for old, row in zip(kept, now, strict=False)]


def test_the_fixtures_from_0004_to_0008_are_all_kept() -> None:
    assert FROM_0004 == [f"schoolaid-rev000{n}.sqlite" for n in range(4, 9)]


@pytest.mark.parametrize("fixture", FROM_0004)
def test_an_old_database_keeps_every_record_and_gets_its_categories(tmp_path, fixture) -> None:
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    before = rows(path)
    connection = sqlite3.connect(path)
    history = {hid: (status, bool(registered), year) for hid, status, registered, year in connection.execute(
        "SELECT id, poverty_status, registered_poor, poor_year FROM households")}
    connection.close()
    assert any(status != "一般户" for status, _r, _y in history.values())

    db = open_database(path)
    try:
        report = db.query(audit_verify.verify)
    finally:
        db.close()
    assert report.ok, report.first_problem
    after = rows(path)
    for table, kept in before.items():
        assert len(after[table]) >= len(kept)
        assert as_written(kept, after[table]) == kept, table  # never changed
        if table != "audit_events":
            assert len(after[table]) == len(kept), table  # and none added; new events come after the old

    connection = sqlite3.connect(path)
    try:
        found = {r[0]: r[1:] for r in connection.execute(
            "SELECT id, category, lifted_year, monitoring_type, poverty_status, registered_poor, poor_year "
            "FROM households")}
        events = connection.execute("SELECT entity_id, summary, after FROM audit_events WHERE id > ? AND entity = "
                                    "'household'", (len(before["audit_events"]),)).fetchall()
    finally:
        connection.close()
    for hid, (status, registered, year) in history.items():
        expected = category_from_history(status, registered, year)
        category, lifted_year, monitoring_type, *kept_history = found[hid]
        assert (category, lifted_year, monitoring_type) == (
            expected["category"], expected["lifted_year"], expected["monitoring_type"])
        assert tuple(kept_history) == (status, registered, year)  # the history stays
        if status in ("未脱贫", "已脱贫"):
            assert (category, lifted_year) == ("脱贫户", year)
        if status == "监测户":
            assert category == "防止返贫监测对象"
    changed = {hid for hid, (status, registered, _y) in history.items() if status != "一般户" or registered}
    explained = {hid: summary for hid, summary, _after in events if summary.startswith("家庭类别由")}
    assert set(explained) == changed
    for hid in changed:
        assert found[hid][0] in explained[hid]
    recorded = {hid: json.loads(after_json) for hid, _s, after_json in events}
    assert all(recorded[hid]["category"] == found[hid][0] for hid in recorded)


@pytest.mark.parametrize("fixture", ["schoolaid-rev0004.sqlite", "schoolaid-rev0008.sqlite"])
def test_a_category_changed_behind_the_apps_back_after_the_upgrade_is_found(tmp_path, fixture) -> None:
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    open_database(path).close()
    connection = sqlite3.connect(path)
    household = connection.execute("SELECT id FROM households WHERE category = '一般户' LIMIT 1").fetchone()[0]
    student = connection.execute("SELECT id FROM students LIMIT 1").fetchone()[0]
    connection.execute(f"UPDATE households SET category = '脱贫户', lifted_year = 2016 WHERE id = {household}")
    connection.execute(f"UPDATE students SET orphan = 1 WHERE id = {student}")
    connection.commit()
    connection.close()
    db = open_database(path)
    try:
        found = {(f.entity, f.entity_id): f.fields for f in db.query(audit_verify.verify).records}
    finally:
        db.close()
    assert found == {("household", household): ("category", "lifted_year"), ("student", student): ("orphan",)}


def test_an_old_disability_is_kept_under_its_new_name(tmp_path) -> None:
    """The old free ``disability`` text becomes disability_category: 肢体残疾 → 肢体; the child then
    belongs to the 残疾 priority group."""
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0008.sqlite", path)
    connection = sqlite3.connect(path)
    student = connection.execute("SELECT id FROM students ORDER BY id LIMIT 1").fetchone()[0]
    connection.execute(f"UPDATE students SET disability = '肢体残疾' WHERE id = {student}")
    connection.commit()
    connection.close()
    open_database(path).close()
    connection = sqlite3.connect(path)
    category, grade = connection.execute(
        f"SELECT disability_category, disability_grade FROM students WHERE id = {student}").fetchone()
    connection.close()
    assert (category, grade) == ("肢体", "")

    class Child:
        orphan = unsupported = martyr_child = False
        disability_category = category

    assert priority_groups(None, Child(), TODAY) == ["残疾"]


def test_a_database_upgraded_twice_by_hand_gets_no_second_migration(tmp_path) -> None:
    path = tmp_path / "twice.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0007.sqlite", path)
    open_database(path).close()
    connection = sqlite3.connect(path)
    events = connection.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    connection.execute("UPDATE alembic_version SET version_num = '0008'")
    connection.commit()
    connection.close()
    db = open_database(path)
    try:
        assert db.query(audit_verify.verify).ok
    finally:
        db.close()
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM audit_events").fetchone()[0] == events
    connection.close()
