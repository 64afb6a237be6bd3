import shutil
from pathlib import Path

import pytest
from sqlcipher3 import (
    dbapi2 as sqlite3,  # the app's driver: two SQLite libraries on one file in one process break its locks
)

from schoolaid.common.errors import DatabaseError
from schoolaid.roster import roster
from schoolaid.storage.database import APPLICATION_ID, head_revision, open_database
from schoolaid.township import township
from tests.conftest import TODAY

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def test_connection_settings(db) -> None:
    with db.write() as session:
        pragma = session.connection().exec_driver_sql
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
        assert pragma("PRAGMA application_id").scalar() == APPLICATION_ID


def test_new_database_is_at_the_newest_revision(db) -> None:
    connection = sqlite3.connect(db.path)
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    connection.close()


def test_a_newer_database_is_refused_and_left_alone(tmp_path) -> None:
    path = tmp_path / "newer.sqlite"
    open_database(path).close()
    connection = sqlite3.connect(path)
    connection.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="更新版本"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path) -> None:
    path = tmp_path / "roster.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(DatabaseError, match="不是校助数据库"):
        open_database(path)


def test_another_programs_database_is_refused(tmp_path) -> None:
    path = tmp_path / "other.sqlite"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE accounts (id INTEGER)")
    connection.commit()
    connection.close()
    with pytest.raises(DatabaseError, match="其他程序"):
        open_database(path)


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("schoolaid-rev*.sqlite")))
def test_every_kept_database_opens_with_its_data(tmp_path, fixture) -> None:
    """Databases written by earlier versions (named by their migration revision) keep opening."""
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    db = open_database(path)
    try:
        assert db.query(township.township_name) == "平地镇"
        assert db.query(roster.count_students) == 40
        assert db.query(roster.list_rows, roster.RosterFilter(), today=TODAY)[0].name
    finally:
        db.close()


def test_revision_0001_is_upgraded_after_a_copy_is_set_aside(tmp_path) -> None:
    """schoolaid-rev0001.sqlite was written before the roster sort indexes."""
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0001.sqlite", path)
    db = open_database(path)
    try:
        assert db.query(township.township_name) == "平地镇"
        assert len(db.query(township.list_schools)) == 5
        with db.read() as session:
            revision = session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
            indexes = {row[1] for row in session.connection().exec_driver_sql("PRAGMA index_list(students)")}
        assert revision == head_revision()
        assert "ix_students_sort_name" in indexes
    finally:
        db.close()
    copies = list(tmp_path.glob("old.before-upgrade-0001-*.sqlite"))
    assert len(copies) == 1
    connection = sqlite3.connect(copies[0])
    assert connection.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert connection.execute("SELECT count(*) FROM students").fetchone()[0] == 40
    connection.close()


def test_copy_aside_is_a_complete_database(demo_db, tmp_path) -> None:
    from schoolaid.storage.database import _copy_aside

    copy = _copy_aside(demo_db.path, "0001")
    assert copy.name.startswith("schoolaid.before-upgrade-0001-")
    connection = sqlite3.connect(copy)
    assert connection.execute("SELECT count(*) FROM students").fetchone()[0] == 150
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_a_full_disk_is_explained_and_nothing_is_saved(township_db, actor) -> None:
    from schoolaid.roster import roster
    from tests.conftest import student_form

    forms = [student_form(township_db, f"学生{n}", sequence=n, notes="备注" * 2000) for n in range(1, 40)]
    with township_db.write() as session:
        pages = session.connection().exec_driver_sql("PRAGMA page_count").scalar()

    def add_all(session, actor):
        # SQLite reports SQLITE_FULL once the file may not grow: the same error as a full disk.
        session.connection().exec_driver_sql(f"PRAGMA max_page_count = {pages + 2}")
        for form in forms:
            roster.add_student(session, actor, form, today=TODAY)

    with pytest.raises(DatabaseError, match="磁盘"):
        township_db.run(add_all, actor)
    assert township_db.query(roster.count_students) == 0


def _schema_differences(path: Path) -> list:
    """What Alembic's autogenerate would change to make the database match the models."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine

    from schoolaid.storage.models import Base

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            return compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()


def test_the_models_and_the_migrations_agree(db) -> None:
    """A database made by the migrations is exactly what the models describe: names of constraints
    and indexes, columns, types. A model changed without a migration (or the reverse) shows here."""
    assert _schema_differences(db.path) == []


@pytest.mark.parametrize("fixture", sorted(p.name for p in FIXTURES.glob("schoolaid-rev*.sqlite")))
def test_an_upgraded_database_agrees_with_the_models(tmp_path, fixture) -> None:
    path = tmp_path / fixture
    shutil.copy(FIXTURES / fixture, path)
    open_database(path).close()
    assert _schema_differences(path) == []


def test_revision_0020_gets_search_keys_for_every_student(tmp_path) -> None:
    """Revision 0021 adds the roster's search keys: built for the students already there, no row lost."""
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schoolaid-rev0020.sqlite", path)
    before = sqlite3.connect(path)
    tables = [name for (name,) in before.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    counts = {table: before.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in tables
              if table != "alembic_version"}
    before.close()
    open_database(path).close()
    after = sqlite3.connect(path)
    try:
        assert {table: after.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in counts} == counts
        without_keys = after.execute("SELECT count(*) FROM students WHERE id NOT IN "
                                     "(SELECT student_id FROM student_search_keys)").fetchone()[0]
        assert counts["students"] == 40 and without_keys == 0
        name, pinyin, initials, student = after.execute(
            "SELECT name, name_pinyin, name_initials, id FROM students ORDER BY id LIMIT 1").fetchone()
        keys = set(after.execute("SELECT kind, key FROM student_search_keys WHERE student_id = ?", (student,)))
        assert keys == ({("p", reading) for reading in (pinyin + initials).split()}
                        | {("n", name[start:]) for start in range(len(name))})
    finally:
        after.close()


def test_raw_rows_are_the_rows_sqlalchemy_reads_for_each_shape_and_value(demo_db) -> None:
    """``raw_rows`` compiles each shape of query once and binds each call's values as SQLAlchemy binds them:
    lists of any length in IN (…), dates, flags; the same shape with other values reads other rows."""
    import datetime as dt

    from sqlalchemy import String, select, type_coerce

    from schoolaid.storage.database import fetch_ids, raw_rows
    from schoolaid.storage.models import LedgerEntry, Student

    def both(session, query):
        return raw_rows(session, query), [tuple(row) for row in session.execute(query)]

    def check(session) -> None:
        for statuses in (["在读"], ["在读", "休学"], ["转出", "毕业", "在读"]):
            for born_after in (dt.date(2012, 1, 1), dt.date(2016, 9, 1)):
                for boarder in (True, False):
                    query = (select(Student.id, Student.name, Student.boarder, type_coerce(Student.birth_date, String))
                             .where(Student.status.in_(statuses), Student.birth_date > born_after,
                                    Student.boarder == boarder).order_by(Student.id))
                    ours, theirs = both(session, query)
                    assert [(i, n, bool(b), d) for i, n, b, d in ours] == theirs
                    assert fetch_ids(session, query) == [row[0] for row in theirs]
        some = fetch_ids(session, select(Student.id).order_by(Student.id))
        assert len(some) > 100
        for moment in (dt.datetime(2020, 1, 1, 8, 30), dt.datetime(2099, 1, 1)):
            query = select(LedgerEntry.id).where(LedgerEntry.posted_at < moment).order_by(LedgerEntry.id)
            assert fetch_ids(session, query) == list(session.scalars(query))

    demo_db.query(check)
