"""Opening the SQLite database: checks, migrations, connection settings, and transactions.

A session per user action: ``with db.write() as s: service(s, ...)`` commits on success and rolls
back on any exception, so a failed action leaves nothing behind. Reads use ``db.read()``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import ORMExecuteState, Session, configure_mappers, sessionmaker
from sqlcipher3 import dbapi2 as sqlite3  # SQLCipher's driver: without a key, plain SQLite

from schoolaid.common.errors import DatabaseError, NotAllowed, Refusal
from schoolaid.common.files import PART_SUFFIX, create_private, make_private, owned_file, sync_folder
from schoolaid.common.i18n import translate
from schoolaid.storage import encryption

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

# Written into the SQLite header (PRAGMA application_id) so that a file can be recognised as ours:
# the ASCII bytes "SAID".
APPLICATION_ID = 0x53414944
_MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
ENCRYPTED_CACHE_KIB = 64 * 1024
_WRITE_OPTION = "schoolaid_write"
_DATABASE = "schoolaid.database"  # session.info: the Database a session belongs to
_WRITING = "schoolaid.writing"  # session.info: the session holds the write lock

T = TypeVar("T")
P = ParamSpec("P")

#: How many rows a read turns into Python objects at a time. SQLAlchemy's compiled row processing holds
#: the GIL for as many rows as it is given: 100,000 at once (a county's students, read by a background
#: task) kept the GUI thread waiting 100-170 ms; between chunks the GIL can pass to it.
ROWS_PER_CHUNK = 2000


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS_DIR))
    return config


_REVISION_LINE = re.compile(r"^(down_)?revision\s*(?::[^=]*)?=\s*(.*)$", re.MULTILINE)


@cache
def head_revision() -> str:
    """The newest migration's revision, read from the migration files' ``revision`` and
    ``down_revision`` lines: a database already at it opens without loading Alembic (half a second of
    the start). A test checks it against Alembic's own answer."""
    revisions: set[str] = set()
    replaced: set[str] = set()
    for script in (_MIGRATIONS_DIR / "versions").glob("*.py"):
        for down, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8")):
            (replaced if down else revisions).update(re.findall(r"['\"]([^'\"]+)['\"]", value))
    heads = revisions - replaced
    assert len(heads) == 1, f"the migrations have {len(heads)} heads: {sorted(heads)}"
    return heads.pop()


def _keyed(key: bytes | None) -> Callable[[sqlite3.Connection, Any], None]:
    """A connect listener giving an encrypted database its key, before any other statement reads it."""
    def give_key(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        if key is not None:
            dbapi_connection.execute(encryption.key_pragma(key))
            # Pages are decrypted (and their HMAC checked) as they enter SQLite's page cache: a cache that
            # holds a school's whole database (at most this much, filled only as pages are read) keeps a
            # keystroke's search from decrypting the same pages again.
            dbapi_connection.execute(f"PRAGMA cache_size = -{ENCRYPTED_CACHE_KIB}")
    return give_key


def _configure_connection(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Take transaction control away from the sqlite3 module (its implicit BEGIN is legacy
    # behaviour); the "begin" listener below issues BEGIN itself.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.execute("PRAGMA journal_mode = WAL")
    # FULL: a committed action survives a power cut (NORMAL may lose the last commit in WAL mode).
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _begin(connection: Any) -> None:
    # Writers take the write lock at the start, so two writers never deadlock half-way through.
    if connection.get_execution_options().get(_WRITE_OPTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        connection.exec_driver_sql("BEGIN")


def _configure_read_only(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA query_only = ON")
    cursor.close()


def _engine(url: str, key: bytes | None, **kwargs: Any) -> Engine:
    """An engine on SQLCipher's driver (the one driver for every database the app opens), with the
    key given first on every connection."""
    engine = create_engine(url, module=sqlite3, **kwargs)
    event.listen(engine, "connect", _keyed(key))
    return engine


def _make_engine(path: Path, *, read_only: bool = False, key: bytes | None = None) -> Engine:
    if read_only:
        # SQLite itself refuses every write: a backup opened for viewing cannot be changed by mistake.
        engine = _engine(f"sqlite:///file:{path.as_posix()}?mode=ro&uri=true", key,
                         connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _configure_read_only)
    else:
        engine = _engine(f"sqlite:///{path}", key, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


class Database:
    def __init__(self, path: Path, engine: Engine, *, read_only: bool = False, label: str = "",
                 key: bytes | None = None) -> None:
        self.path = path
        self.engine = engine
        self.read_only = read_only
        # An encrypted database's key (None: a plain one) and its key-slot file: the services that
        # set passwords keep the slots in step (``encryption.KeySlots``).
        self.key = key
        self.key_file = encryption.keys_path(path) if key is not None and not read_only else None
        self.label = label  # what the user opened, when it is not the file itself (a backup)
        self.on_close: list[Callable[[], None]] = []
        self._reader = sessionmaker(engine, expire_on_commit=False)
        event.listen(self._reader, "do_orm_execute", _read_in_chunks)
        self._writer = sessionmaker(engine.execution_options(**{_WRITE_OPTION: True}), expire_on_commit=False)
        # On the thread that opens the database (the sign-in's worker, at the window's start), not by the
        # first query: in the window that is on the GUI thread, where it held the first paint ~0.1 s.
        configure_mappers()

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._reader() as session, session.begin():
                session.info[_DATABASE] = self
                yield session
        except OperationalError as exc:
            raise _explained(exc, self.path) from exc
        except Refusal as exc:
            self._record_refusal(exc)
            raise

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        if self.read_only:
            raise NotAllowed(translate(
                "Database", "This is a backup opened for viewing: nothing in it can be changed. Open the school's "
                "own database to make changes."))
        try:
            with self._writer() as session, session.begin():
                session.info[_DATABASE] = self
                session.info[_WRITING] = True
                yield session
        except OperationalError as exc:
            raise _explained(exc, self.path) from exc
        except Refusal as exc:
            self._record_refusal(exc)
            raise

    def _record_refusal(self, refusal: Refusal) -> None:
        """An attempt outside one's role is recorded, in a transaction of its own: the refused one
        has rolled back."""
        if self.read_only or refusal.recorded:
            return
        refusal.recorded = True  # once, though it passes through a transaction nested in another
        try:
            with self._writer() as session, session.begin():
                refusal.record(session)
        except OperationalError:
            log.warning("could not record a refused action")

    def run(self, service: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run one service function in its own write transaction."""
        with self.write() as session:
            return service(session, *args, **kwargs)

    def query(self, service: Callable[Concatenate[Session, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run one read-only service function in its own transaction."""
        with self.read() as session:
            return service(session, *args, **kwargs)

    def close(self) -> None:
        self.engine.dispose()
        for action in self.on_close:
            action()
        self.on_close.clear()


def _read_in_chunks(state: ORMExecuteState) -> None:
    """A read transaction's queries fetch their rows ``ROWS_PER_CHUNK`` at a time (the same rows, in the
    same order). Only reads: a write transaction reading while it changes the same tables would see its
    own changes half-way through a result."""
    options = state.local_execution_options
    # Not the ORM's own loads of one object (``Session.get``, a refresh: they ask for unique rows).
    if (state.is_select and not state.is_relationship_load and not state.is_column_load
            and "yield_per" not in options and "_sa_orm_load_options" not in options):
        state.update_execution_options(yield_per=ROWS_PER_CHUNK)


def database_of(session: Session) -> Database:
    """The database a service's session belongs to (for the few services that work on its file)."""
    db = session.info.get(_DATABASE)
    if not isinstance(db, Database):
        raise TypeError("a session made by Database.read() or Database.write() is needed")
    return db


def record_first(session: Session, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Run the write ``service(session, *args)`` so that what it records is committed before the
    caller goes on: a full-ID export is on the record before its file exists, even if writing the
    file then fails, and without holding the write lock while a long file is written.

    From a read session, in a transaction of its own (the reader keeps its snapshot, so the count
    recorded is the count written); from a write session, in that transaction (it holds the lock)."""
    db = database_of(session)
    if session.info.get(_WRITING):
        return service(session, *args, **kwargs)
    return db.run(service, *args, **kwargs)


def _explained(error: OperationalError, path: Path) -> Exception:
    """The environment problems a user can fix, in words; anything else stays a bug report."""
    detail = str(error.orig).lower()
    if "disk is full" in detail or "disk i/o error" in detail:
        return DatabaseError(translate(
            "Database", "The disk holding the database is full or failing, so nothing was saved. Free some space "
            "(or move the database to another disk) and try again.") + f" ({path})")
    if "locked" in detail or "busy" in detail:
        return DatabaseError(translate(
            "Database", "The database is busy with another SchoolAid window or program, so nothing was saved. "
            "Close the other one and try again."))
    if "readonly" in detail or "read-only" in detail:
        return DatabaseError(translate(
            "Database", "The database file cannot be written (it is read-only or on a locked USB stick), so "
            "nothing was saved.") + f" ({path})")
    return error


def _inspect_file(path: Path, key: bytes | None = None) -> tuple[int, set[str], str | None]:
    """The file's application id, its table names and its migration revision."""
    with path.open("rb") as f:
        header = f.read(16)
    if header and header != encryption.SQLITE_HEADER:
        # An encrypted database's header is random bytes: ours if its key-slot file is beside it (or a key
        # is given) and the key opens it.
        if key is None:
            if encryption.keys_path(path).exists():
                raise encryption.KeysMissing(encryption.encrypted_no_key_message(path))
            raise DatabaseError(translate(
                "Database", "{path} is not a SchoolAid database (it is not an SQLite file). Choose another file.").format(
                    path=path) + " " + translate(
                "Database", "If it is an encrypted SchoolAid database whose key file {keys} was lost, sign in with the "
                "recovery key.").format(keys=encryption.keys_path(path).name))
    elif key is not None:
        key = None  # a plain database opens without one
    connection = encryption.connect(f"file:{path}?mode=ro", key, uri=True)
    try:
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            if key is not None:  # the first page did not decrypt
                raise encryption.WrongKey(encryption.wrong_key_message(path)) from exc
            raise
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(translate(
            "Database", "The database {path} is damaged and cannot be opened ({detail}). Restore it from a backup.").format(
                path=path, detail=exc)) from exc
    finally:
        connection.close()
    return application_id, tables, revision


def copy_database(source_path: Path, target: Path, key: bytes | None = None) -> None:
    """A consistent copy of a database file (its write-ahead log included), by SQLite's backup API,
    readable by this user only; an encrypted one stays encrypted under the same ``key``, and its key-slot
    file is copied beside the copy. Written under a hidden ``.part`` name first: a copy cut short never
    looks like a copy, and the next start removes it."""
    target = Path(target)
    partial = target.with_name(f".{target.name}{PART_SUFFIX}")
    partial.unlink(missing_ok=True)
    try:
        with owned_file(partial):
            source = encryption.connect(source_path, key, timeout=30)
            try:
                destination = encryption.connect(partial, key)
                try:
                    source.backup(destination)
                finally:
                    destination.close()
            finally:
                source.close()
            with partial.open("rb+") as written:
                os.fsync(written.fileno())
        if key is not None:
            encryption.KeyFile.load(encryption.keys_path(source_path)).save(encryption.keys_path(target))
        os.replace(partial, target)
        sync_folder(target.parent)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _copy_aside(path: Path, revision: str, key: bytes | None = None) -> Path:
    """A consistent copy of the database before a migration touches it."""
    # The clock names the file and nothing else (no judgement is made on it): the one read of the
    # clock allowed below the window and the CLI, besides the records' own stamps (models.utcnow).
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-upgrade-{revision}-{stamp}{path.suffix}")
    copy_database(path, target, key)
    log.info("copied database to %s before upgrading", target)
    return target


def _migrate(path: Path, key: bytes | None = None) -> None:
    # Migrations run on a connection without foreign-key enforcement: Alembic's batch mode
    # rebuilds tables (copy, drop, rename), which would otherwise cascade or fail. The keys are
    # checked afterwards instead.
    engine = _engine(f"sqlite:///{path}", key)

    def no_implicit_transactions(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    event.listen(engine, "connect", no_implicit_transactions)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    try:
        # One transaction for the whole upgrade: SQLite DDL is transactional once the sqlite3
        # module stops committing on its own, so a power cut mid-upgrade leaves the old schema.
        with engine.begin() as connection:
            from alembic import command

            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise DatabaseError(translate(
                    "Database", "The database upgrade left broken references ({n}). Restore the copy saved "
                    "beside the database before the upgrade.").format(n=len(problems)))
            connection.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
    finally:
        engine.dispose()


def open_database(path: Path | str, *, upgrade: bool = True, key: bytes | None = None) -> Database:
    """Open (creating if needed) and upgrade the database at ``path``; an encrypted one with its ``key``
    (from ``accounts.unlocking``, which signs in first).

    Refuses a file that is not ours, a database made by a newer SchoolAid, and an encrypted database
    without its key or with a wrong one (``encryption.KeysMissing``, ``encryption.WrongKey``).
    """
    path = Path(path).expanduser().resolve()
    if encryption.state(path) != encryption.ENCRYPTED:
        key = None
    _prepare(path, upgrade=upgrade, key=key)
    return Database(path, _make_engine(path, key=key), key=key)


def open_read_only(path: Path, label: str = "", key: bytes | None = None) -> Database:
    """A database already at the current schema, opened so that nothing can change it."""
    return Database(path, _make_engine(path, read_only=True, key=key), read_only=True, label=label, key=key)


def prepare_file(path: Path, key: bytes | None = None) -> None:
    """Check a database file and bring it up to this version's schema, without opening it for use."""
    _prepare(Path(path).resolve(), upgrade=True, key=key)


def _prepare(path: Path, *, upgrade: bool, key: bytes | None = None) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(translate(
            "Database", "Cannot create the folder {folder} ({detail}).").format(folder=path.parent, detail=exc)) from exc
    _make_file_private(path)
    head = head_revision()
    if path.exists() and path.stat().st_size > 0:
        application_id, tables, revision = _inspect_file(path, key)
        if application_id not in (0, APPLICATION_ID) or (application_id == 0 and tables and revision is None):
            raise DatabaseError(translate(
                "Database", "{path} belongs to another program, not SchoolAid. Choose another file.").format(path=path))
        if revision == head:
            return  # the usual start: nothing to upgrade, and Alembic not loaded
        if revision is not None:
            from alembic.script import ScriptDirectory

            try:
                ScriptDirectory.from_config(alembic_config()).get_revision(revision)
            except Exception:
                revision_known = False
            else:
                revision_known = True
            if not revision_known:
                raise DatabaseError(translate(
                    "Database", "The database {path} was written by a newer version of SchoolAid. Install "
                    "the newer version to open it; this version will not change it.").format(path=path))
        if revision != head:
            if not upgrade:
                raise DatabaseError(translate(
                    "Database", "The database {path} needs an upgrade before it can be used.").format(path=path))
            if revision is not None:
                _copy_aside(path, revision, key)
            _migrate(path, key)
    else:
        _migrate(path)


def _make_file_private(path: Path) -> None:
    """The database is created readable by this user only (0600; SQLite gives its -wal and -shm the
    same mode), and an older one made readable by everyone is tightened. On Windows the file inherits
    the ACL of its folder (the user's profile by default; see ``common.files``)."""
    try:
        if not path.exists():
            create_private(path)  # an empty file is an empty database; SQLite keeps its mode
        for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            make_private(file)
    except FileExistsError:
        pass  # made meanwhile by another SchoolAid
    except OSError as exc:
        log.warning("could not make %s private: %s", path, exc)


def fetch_ids(session: Session, query: Any, *, indexed_by: tuple[str, str] | None = None) -> list[int]:
    """The first column of a query's rows, straight from the SQLite cursor: at 100,000 rows,
    building SQLAlchemy rows costs twice as much as the query itself. ``indexed_by`` (table, index)
    makes SQLite read the query's table through that index (SQLAlchemy cannot say so for SQLite)."""
    return [row[0] for row in raw_rows(session, query, indexed_by=indexed_by)]


def raw_rows(session: Session, query: Any, *, indexed_by: tuple[str, str] | None = None) -> list[tuple]:
    """A Core query's rows as the driver gives them (dates as ISO text, flags as 0 and 1), the statement
    compiled once for each shape of query, as SQLAlchemy's own cache does: for a search that finds a few
    rows, compiling it, or SQLAlchemy's execution and result objects, cost more than SQLite's work.
    ``indexed_by`` as for ``fetch_ids``."""
    sql, parameters = _compiled(session, query)
    if indexed_by is not None:
        table, index = indexed_by
        sql, found = re.subn(rf"\bFROM {table}\b", f"FROM {table} INDEXED BY {index}", sql, count=1)
        if not found:
            raise ValueError(f"no FROM {table} in {sql}")
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, parameters)
        return list(cursor.fetchall())
    finally:
        cursor.close()


_COMPILED: dict[tuple[str, Any], Any] = {}  # by dialect and the query's cache key
_MOST_COMPILED = 500  # shapes of query kept; a roster's filters make a few dozen


def _compiled(session: Session, query: Any) -> tuple[str, list[Any]]:
    """The SQL of a query with its values bound as SQLAlchemy binds them, compiled once per shape."""
    dialect = session.get_bind().dialect
    cache_key = query._generate_cache_key()
    if cache_key is None:  # a query SQLAlchemy does not cache: compiled for this once
        compiled = query.compile(dialect=dialect)
        parameters = compiled.construct_params(_no_postcompile=True)
    else:
        compiled = _COMPILED.get((dialect.name, cache_key.key))
        if compiled is None:
            if len(_COMPILED) >= _MOST_COMPILED:
                _COMPILED.clear()
            compiled = _COMPILED[(dialect.name, cache_key.key)] = query.compile(dialect=dialect, cache_key=cache_key)
        parameters = compiled.construct_params(extracted_parameters=cache_key.bindparams, _no_postcompile=True)
    expanded = compiled._process_parameters_for_postcompile(parameters)  # IN (…) written out for its values
    processors = expanded.processors
    return expanded.statement, [processors[name](expanded.parameters[name]) if name in processors
                                else expanded.parameters[name] for name in expanded.positiontup or ()]


def reserve_ids(session: Session, table: Any, count: int) -> list[int]:
    """Ids for rows about to be inserted in bulk. Safe because a write transaction holds SQLite's
    write lock from its BEGIN IMMEDIATE: nobody else can take the same numbers meanwhile."""
    first = (session.scalar(select(func.max(table.id))) or 0) + 1
    return list(range(first, first + count))


def insert_rows(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows (each with the same columns) through the driver's executemany, each value bound
    exactly as SQLAlchemy binds it. ``insert(table)`` with a list does the same, but its per-row
    parameter handling costs more than SQLite's own work at import sizes (10,000 rows)."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    preparer = dialect.identifier_preparer
    names = list(rows[0])
    processors = [table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names]
    statement = (f"INSERT INTO {preparer.format_table(table)} ({', '.join(preparer.quote(n) for n in names)}) "
                 f"VALUES ({', '.join('?' for _ in names)})")
    columns = [[row[name] for row in rows] for name in names]
    for position, process in enumerate(processors):
        if process is None:
            continue
        values = columns[position]
        try:  # a column's values repeat (the same time, true and false): convert each once
            converted = {value: process(value) for value in set(values)}
        except TypeError:  # an unhashable value: no shortcut
            columns[position] = [process(value) for value in values]
        else:
            columns[position] = [converted[value] for value in values]
    connection.exec_driver_sql(statement, list(zip(*columns, strict=True)))
