"""Encrypted backups: the round trip, every kind of damage refused, a kill during export, restoring
over a database, a snapshot while the app writes, an older backup upgraded, read-only viewing,
safety copies and the township's summary."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import signal
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path

import openpyxl
import pytest
from alembic import command
from sqlalchemy import create_engine, event, text
from sqlcipher3 import (
    dbapi2 as sqlite3,  # the app's driver: two SQLite libraries on one file in one process break its locks
)

from schoolaid.accounts.audit import Actor
from schoolaid.backup import backup, safety_copies
from schoolaid.backup.backup_file import (
    CHUNK_SIZE,
    MAGIC,
    SCRYPT_N,
    SCRYPT_P,
    SCRYPT_R,
    TAG_SIZE,
    BackupError,
    DamagedBackup,
    KeyDerivation,
    NotABackup,
    WrongPassword,
    read_header,
)
from schoolaid.common.errors import DatabaseError, NotAllowed, SchoolAidError, ValidationFailed
from schoolaid.demo import create_demo_township
from schoolaid.reporting import township_summary
from schoolaid.roster import roster
from schoolaid.storage.database import alembic_config, head_revision, open_database
from schoolaid.township import attachments
from tests.conftest import NOW, TODAY

PASSWORD = "平地镇-backup-2026"


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, in a stable order."""
    connection = sqlite3.connect(path)
    try:
        tables = [row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {table: sorted(connection.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
                for table in tables}
    finally:
        connection.close()


def prefix_length(path: Path) -> int:
    with path.open("rb") as source:
        _header, prefix = read_header(source)
    return len(prefix)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, Path]:
    """A demo township of 150 students and its backup (several chunks long)."""
    folder = tmp_path_factory.mktemp("exported")
    db = open_database(folder / "school.sqlite")
    db.run(create_demo_township, Actor("李老师"), students=150, seed=7, today=TODAY)
    # A photo kept as evidence: it does not compress, so the backup spans several chunks.
    db.run(attachments.add, Actor("李老师"), "visit", 1, "走访.jpg", b"\xff\xd8\xff" + os.urandom(300_000))
    db.close()
    info = backup.write_backup(folder / "school.sqlite", folder, PASSWORD, now=dt.datetime(2026, 11, 29, 9, 30))
    return folder / "school.sqlite", info.path


def test_export_names_the_file_after_the_school_and_the_day_and_hides_the_data(exported):
    db_path, file = exported
    assert file.name == "平地镇中心校_备份_20261129.sabk"
    data = file.read_bytes()
    assert data.startswith(MAGIC)
    assert "平地镇中心校".encode() in data[:4096]  # the header is readable without the password
    # No personal data in the clear: a student's name and the database header appear nowhere.
    name = sqlite3.connect(db_path).execute("SELECT name FROM students LIMIT 1").fetchone()[0]
    assert name.encode() not in data
    assert b"SQLite format 3" not in data
    assert oct(file.stat().st_mode & 0o777) == "0o600"


def test_header_says_what_the_file_holds(exported):
    db_path, file = exported
    info = backup.read_info(file)
    assert (info.school, info.township) == ("平地镇中心校", "平地镇")
    assert info.created == dt.datetime(2026, 11, 29, 9, 30)
    assert info.counts["students"] == 150
    assert info.schema == head_revision()
    kdf = info.header["kdf"]
    assert kdf["name"] == "scrypt" and kdf["n"] >= 2 ** 17 and kdf["r"] >= 8 and kdf["p"] >= 1
    assert len(kdf["salt"]) >= 20  # 16 random bytes, base64


def test_round_trip_restores_every_table_equal(exported, tmp_path):
    db_path, file = exported
    verification = backup.verify_backup(file, PASSWORD)
    assert verification.counts == verification.info.counts
    restored = backup.restore_backup(file, PASSWORD, tmp_path / "restored.sqlite", now=NOW)
    assert restored.kept is None
    assert table_rows(tmp_path / "restored.sqlite") == table_rows(db_path)


def test_two_exports_of_the_same_data_differ(exported, tmp_path):
    """A fresh salt every time: the same password never gives the same key twice."""
    db_path, file = exported
    again = backup.write_backup(db_path, tmp_path / "again.sabk", PASSWORD, now=NOW)
    assert backup.read_info(again.path).header["kdf"]["salt"] != backup.read_info(file).header["kdf"]["salt"]


def test_wrong_password_is_told_apart_from_damage(exported):
    _db, file = exported
    with pytest.raises(WrongPassword, match="密码不正确|password is wrong"):
        backup.verify_backup(file, PASSWORD + "x")


def test_a_flipped_byte_anywhere_is_refused(exported, tmp_path):
    _db, file = exported
    data = file.read_bytes()
    header_end = prefix_length(file)
    positions = sorted({0, 17, 40, header_end - 2, header_end, header_end + 100, header_end + CHUNK_SIZE + 5,
                        header_end + CHUNK_SIZE + TAG_SIZE - 1, len(data) // 2, len(data) - TAG_SIZE - 1,
                        len(data) - 1})
    for position in positions:
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        target = tmp_path / f"flipped-{position}.sabk"
        target.write_bytes(bytes(damaged))
        with pytest.raises(BackupError) as caught:
            backup.verify_backup(target, PASSWORD)
        assert caught.value.message, position


def test_truncation_at_and_inside_a_chunk_is_refused(exported, tmp_path):
    _db, file = exported
    data = file.read_bytes()
    header_end = prefix_length(file)
    sealed = CHUNK_SIZE + TAG_SIZE
    assert len(data) > header_end + 2 * sealed, "the fixture must span several chunks"
    cuts = {"at a chunk boundary": header_end + sealed, "at the second boundary": header_end + 2 * sealed,
            "inside a chunk": header_end + sealed + 1000, "inside the last tag": len(data) - 5,
            "inside the header": header_end - 10, "right after the header": header_end}
    for what, length in cuts.items():
        target = tmp_path / "cut.sabk"
        target.write_bytes(data[:length])
        with pytest.raises(DamagedBackup, match="损坏|damaged"):
            backup.verify_backup(target, PASSWORD)
        assert what


def test_bytes_added_after_the_end_and_chunks_swapped_are_refused(exported, tmp_path):
    _db, file = exported
    data = file.read_bytes()
    header_end = prefix_length(file)
    sealed = CHUNK_SIZE + TAG_SIZE
    extended = tmp_path / "extended.sabk"
    extended.write_bytes(data + data[header_end:header_end + sealed])
    with pytest.raises(DamagedBackup):
        backup.verify_backup(extended, PASSWORD)
    first, second = data[header_end:header_end + sealed], data[header_end + sealed:header_end + 2 * sealed]
    swapped = tmp_path / "swapped.sabk"
    swapped.write_bytes(data[:header_end] + second + first + data[header_end + 2 * sealed:])
    with pytest.raises(DamagedBackup):
        backup.verify_backup(swapped, PASSWORD)


def rewrite_header(source: Path, target: Path, change) -> None:
    with source.open("rb") as f:
        header, prefix = read_header(f)
        rest = f.read()
    change(header)
    data = json.dumps(header, ensure_ascii=False).encode()
    target.write_bytes(MAGIC + struct.pack(">I", len(data)) + data + rest)


def test_a_changed_header_is_detected(exported, tmp_path):
    _db, file = exported
    target = tmp_path / "renamed.sabk"
    rewrite_header(file, target, lambda h: h.update(school="别的学校"))
    assert backup.read_info(target).school == "别的学校"
    with pytest.raises(DamagedBackup):
        backup.verify_backup(target, PASSWORD)
    rewrite_header(file, target, lambda h: h["counts"].update(students=9999))
    with pytest.raises(DamagedBackup):
        backup.verify_backup(target, PASSWORD)


def test_absurd_key_settings_are_refused_before_any_work(exported, tmp_path, monkeypatch):
    _db, file = exported
    target = tmp_path / "absurd.sabk"
    derived = []
    real_scrypt = hashlib.scrypt
    monkeypatch.setattr(hashlib, "scrypt", lambda *args, **kwargs: derived.append(kwargs) or real_scrypt(*args, **kwargs))
    absurd = ({"n": 2 ** 30}, {"r": 4096}, {"n": 1000}, {"p": 10 ** 6}, {"n": 2 ** 20, "r": 32, "p": 16})
    for change in absurd:
        rewrite_header(file, target, lambda h, c=change: h["kdf"].update(c))
        with pytest.raises(DamagedBackup, match="scrypt"):
            backup.verify_backup(target, PASSWORD)
        with pytest.raises(DamagedBackup, match="scrypt"):  # the key derivation itself refuses them too
            KeyDerivation(os.urandom(16), **change).derive(PASSWORD)
    assert derived == []  # refused before any key was derived
    backup.verify_backup(file, PASSWORD)  # the real settings are derived, once
    assert [(d["n"], d["r"], d["p"]) for d in derived] == [(SCRYPT_N, SCRYPT_R, SCRYPT_P)]


def test_other_files_and_newer_formats_are_refused(exported, tmp_path):
    _db, file = exported
    other = tmp_path / "photo.sabk"
    other.write_bytes(b"\xff\xd8\xff\xe0" + os.urandom(1000))
    with pytest.raises(NotABackup):
        backup.read_info(other)
    newer = tmp_path / "newer.sabk"
    rewrite_header(file, newer, lambda h: h.update(version=99))
    with pytest.raises(BackupError, match="99"):
        backup.verify_backup(newer, PASSWORD)
    with pytest.raises(BackupError):
        backup.read_info(tmp_path / "missing.sabk")


def test_short_passwords_are_refused_and_nothing_is_written(exported, tmp_path):
    db_path, _file = exported
    with pytest.raises(BackupError, match="8"):
        backup.write_backup(db_path, tmp_path / "short.sabk", "1234567", now=NOW)
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_target_is_explained_and_leaves_nothing(exported, tmp_path):
    db_path, _file = exported
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(SchoolAidError):
        backup.write_backup(db_path, blocker / "school.sabk", PASSWORD, now=NOW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-folder"]
    assert not [p for p in db_path.parent.iterdir() if p.name.startswith(".schoolaid-backup-")]


KILL_DURING_EXPORT = """
import datetime, os, signal, sys
from pathlib import Path
from schoolaid.backup import backup
from schoolaid.common.progress import Progress

def report(fraction, message):
    if 0.9 < fraction < 1.0:  # encrypting, the last step: the file half-written
        os.kill(os.getpid(), signal.SIGKILL)  # the power cut, or the USB stick pulled, half-way

backup.write_backup(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Progress(report),
                    now=datetime.datetime(2026, 11, 20, 10, 30))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_kill_during_export_leaves_no_complete_looking_file(exported, tmp_path):
    db_path, _file = exported
    # Photos kept as evidence do not compress: enough of them make the export take many chunks.
    big = tmp_path / "big.sqlite"
    sqlite3.connect(db_path).execute(f"VACUUM INTO '{big}'").connection.close()
    db = open_database(big)
    with db.write() as session:
        for n in range(3):
            attachments.add(session, Actor("李老师"), "visit", 1, f"photo{n}.jpg", b"\xff\xd8\xff" + os.urandom(4 << 20))
    db.close()
    out = tmp_path / "usb"
    out.mkdir()
    result = subprocess.run([sys.executable, "-c", KILL_DURING_EXPORT, str(big), str(out / "school.sabk"), PASSWORD],
                            capture_output=True, timeout=120)
    assert result.returncode == -signal.SIGKILL
    assert not (out / "school.sabk").exists()
    leftovers = list(out.iterdir())
    assert all(not p.name.endswith(".sabk") for p in leftovers)  # only a hidden .part, never a .sabk
    for part in leftovers:
        with pytest.raises(DamagedBackup):
            backup.verify_backup(part, PASSWORD)


def school_database(path: Path, actor, students: int) -> Path:
    """A small demo school's database, closed: the one a restore would replace."""
    db = open_database(path)
    db.run(create_demo_township, actor, students=students, seed=3, today=TODAY)
    db.close()
    return path


def test_restore_over_a_database_keeps_it(exported, tmp_path, actor):
    db_path, file = exported
    current = school_database(tmp_path / "current.sqlite", actor, 40)
    before = table_rows(current)
    restored = backup.restore_backup(file, PASSWORD, current, now=dt.datetime(2026, 11, 29, 10, 0))
    assert restored.kept == tmp_path / "current.before-restore-20261129-100000.sqlite"
    assert table_rows(restored.kept) == before
    assert table_rows(current) == table_rows(db_path)
    assert not Path(f"{current}-wal").exists() or Path(f"{current}-wal").stat().st_size == 0
    reopened = open_database(current)
    assert reopened.query(lambda s: len(roster.list_rows(s, roster.RosterFilter(), today=TODAY))) == 150
    reopened.close()


def test_a_failed_restore_leaves_the_database_untouched(exported, tmp_path, actor):
    _db_path, file = exported
    current = school_database(tmp_path / "current.sqlite", actor, 20)
    before = table_rows(current)
    with pytest.raises(WrongPassword):
        backup.restore_backup(file, "not the password", current, now=NOW)
    assert table_rows(current) == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("current.sqlite")) == []


def test_restore_refuses_a_database_open_elsewhere(exported, tmp_path, actor):
    _db_path, file = exported
    current = tmp_path / "current.sqlite"
    db = open_database(current)
    db.run(create_demo_township, actor, students=20, seed=3, today=TODAY)
    with db.read() as session:  # another window in the middle of reading
        session.execute(text("SELECT count(*) FROM students")).scalar()
        with pytest.raises(SchoolAidError, match="另一个校助窗口"):
            backup.restore_backup(file, PASSWORD, current, now=NOW)
    db.close()


def test_a_backup_taken_while_the_app_writes_is_consistent(tmp_path, actor):
    path = tmp_path / "busy.sqlite"
    db = open_database(path)
    db.run(create_demo_township, actor, students=300, seed=5, today=TODAY)
    stop = threading.Event()
    written = []

    def keep_writing() -> None:
        from schoolaid.township import township

        n = 0
        while not stop.is_set():
            db.run(township.set_setting, actor, f"note_{n}", "x" * 200)  # a change and its audit row, together
            written.append(n)
            n += 1

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        time.sleep(0.2)
        info = backup.write_backup(path, tmp_path / "busy.sabk", PASSWORD, now=NOW)
    finally:
        stop.set()
        writer.join()
    db.close()
    assert written, "the writer ran during the export"
    verification = backup.verify_backup(info.path, PASSWORD)  # integrity, references, counts as in the header
    restored = backup.restore_backup(info.path, PASSWORD, tmp_path / "restored.sqlite", now=NOW).database
    connection = sqlite3.connect(restored)
    notes = connection.execute("SELECT count(*) FROM settings WHERE key LIKE 'note_%'").fetchone()[0]
    audited = connection.execute("SELECT count(*) FROM audit_events WHERE entity = 'setting' "
                                 "AND summary LIKE 'note_%'").fetchone()[0]
    connection.close()
    assert notes == audited  # every change arrived with its audit row, none half
    assert 0 <= notes <= len(written)
    assert verification.counts["audit_events"] == info.counts["audit_events"]


def old_database(path: Path, revision: str) -> None:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", lambda c, _r: setattr(c, "isolation_level", None))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    with engine.begin() as connection:
        config = alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('township_name', '旧镇')")
    engine.dispose()


def test_an_older_backup_is_upgraded_on_restore(tmp_path):
    old = tmp_path / "old.sqlite"
    old_database(old, "0004")
    info = backup.write_backup(old, tmp_path / "old.sabk", PASSWORD, now=NOW)
    assert info.schema == "0004" and info.township == "旧镇"
    restored = backup.restore_backup(info.path, PASSWORD, tmp_path / "new.sqlite", now=NOW).database
    version = sqlite3.connect(restored).execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert version == head_revision()
    db = open_database(restored)
    from schoolaid.township import township

    assert db.query(township.township_name) == "旧镇"
    db.close()


def test_a_backup_opened_for_viewing_cannot_be_changed(exported, actor):
    _db, file = exported
    db = backup.open_for_viewing(file, PASSWORD)
    folder = db.path.parent
    try:
        assert db.read_only
        assert len(db.query(roster.list_rows, roster.RosterFilter(), today=TODAY)) == 150
        with pytest.raises(NotAllowed, match="只读|viewing|查看"):
            db.run(lambda session, who: None, actor)
        with pytest.raises(DatabaseError, match="只读|read-only"):  # SQLite refuses too, below the services
            with db.read() as session:
                session.execute(text("DELETE FROM students"))
    finally:
        db.close()
    assert not folder.exists()  # the decrypted copy is gone


def test_export_is_recorded_for_the_reminder(township_db, actor, tmp_path):
    info = township_db.query(backup.export_backup, actor, tmp_path, PASSWORD, now=dt.datetime(2026, 11, 29, 9, 0))
    township_db.run(backup.record_export, actor, info)
    assert township_db.query(backup.last_export) == dt.datetime(2026, 11, 29, 9, 0)


# --- safety copies ---------------------------------------------------------------------------


def test_safety_copies_are_rotated_and_restored(demo_db, actor):
    path = demo_db.path
    start = dt.datetime(2026, 11, 29, 8, 0)
    assert safety_copies.is_due(path, 4, now=start)
    for hour in range(3):
        safety_copies.take(path, keep=2, now=start + dt.timedelta(hours=hour))
    copies = safety_copies.list_copies(path)
    assert [c.taken.hour for c in copies] == [10, 9]  # newest first, the oldest removed
    assert not safety_copies.is_due(path, 4, now=start + dt.timedelta(hours=3))
    assert safety_copies.is_due(path, 4, now=start + dt.timedelta(hours=6))
    assert safety_copies.describe(copies[0])["students"] == 150

    from schoolaid.township import township

    demo_db.run(township.set_setting, actor, "township_name", "改过的名字")  # a change made after the copies
    after_change = table_rows(path)
    demo_db.close()
    kept = safety_copies.restore(copies[0], path, now=dt.datetime(2026, 11, 29, 12, 0))
    assert kept is not None and table_rows(kept) == after_change
    assert table_rows(path) == table_rows(copies[0].path)
    assert copies[0].path.exists()  # the copy stays, to restore again


def test_safety_copy_schedule_is_validated(township_db, actor):
    assert township_db.query(safety_copies.schedule) == safety_copies.Schedule(4, 10)
    township_db.run(safety_copies.set_schedule, actor, 2, 5)
    assert township_db.query(safety_copies.schedule) == safety_copies.Schedule(2, 5)
    with pytest.raises(ValidationFailed):
        township_db.run(safety_copies.set_schedule, actor, 0, 1)


# --- the township's summary --------------------------------------------------------------------


def test_township_summary_puts_schools_side_by_side(exported, tmp_path, actor):
    _db, file = exported
    other_db = tmp_path / "other.sqlite"
    db = open_database(other_db)
    db.run(create_demo_township, actor, students=60, seed=11, today=TODAY)
    db.close()
    other = backup.write_backup(other_db, tmp_path / "other.sabk", PASSWORD, now=NOW).path
    out = tmp_path / "summary.xlsx"
    figures = township_summary.summarize(actor, [file, other], PASSWORD, out, today=dt.date(2026, 11, 29))
    rows = list(openpyxl.load_workbook(out)["各校对比"].iter_rows(values_only=True))
    by_label = {row[0]: row[1:] for row in rows[3:] if row and row[0]}
    assert rows[2][0] == "项目" and rows[2][-1] == "合计"
    students = by_label["在读学生"]
    assert students[0] == figures[0].students and students[1] == figures[1].students
    assert students[2] == figures[0].students + figures[1].students
    assert 0 < figures[1].students <= 60
    assert any(label.startswith("资助：") for label in by_label)
    assert "小学辍学率（目标≤0.2%）" in by_label
    assert "劝返中的辍学案件" in by_label
    files = list(openpyxl.load_workbook(out)["备份文件"].iter_rows(values_only=True))
    assert {row[3] for row in files[3:]} == {file.name, "other.sabk"}


def test_township_summary_names_the_bad_file(exported, tmp_path):
    _db, file = exported
    bad = tmp_path / "坏的.sabk"
    bad.write_bytes(file.read_bytes()[:-100])
    with pytest.raises(SchoolAidError, match="坏的.sabk"):
        township_summary.collect([file, bad], PASSWORD)
