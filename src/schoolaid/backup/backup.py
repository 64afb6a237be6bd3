"""Backups to carry to the township: export the live database into an encrypted .sabk file, verify
one, restore one into a new or the current database, and open one read-only.

The file format is in ``backup_file``; this module adds the database: a consistent snapshot taken
while the app may be writing (read in one transaction, and WAL lets the writer go on) — in memory
when it fits, so no plain copy of the data is ever a file; else a private file removed whatever
happens — the checks of a decrypted database, and replacing a database file safely. Work files are
private (0600 in 0700 folders) and owned while in use: ``remove_leftovers`` removes those of a
SchoolAid killed half-way, at the next start.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from schoolaid import __version__
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.backup.backup_file import (
    BackupError,
    BackupWriter,
    DamagedBackup,
    authenticated_header,
    check_password,
    decrypt,
    read_header,
)
from schoolaid.common.errors import DatabaseError, SchoolAidError
from schoolaid.common.files import (
    EVIDENCE_FOLDER_PREFIX,
    PART_SUFFIX,
    PRINT_FOLDER_PREFIX,
    atomic_path,
    create_private,
    explain_os_error,
    new_owned_folder,
    open_private,
    owned_folder,
    remove_if_abandoned,
    remove_owned_folder,
    sync_folder,
)
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Cancelled, Progress
from schoolaid.storage.database import (
    APPLICATION_ID,
    Database,
    copy_database,
    database_of,
    open_read_only,
    prepare_file,
)
from schoolaid.township import township

SUFFIX = ".sabk"
READ_SIZE = 1024 * 1024
# A database up to this size is snapshot into memory for a backup, never into a file (a typical
# school's is about 11 MB; with photos of evidence it grows).
IN_MEMORY_LIMIT = 256 * 1024 * 1024
LAST_EXPORT_SETTING = "last_backup_export"

# Records counted into the header: the township sees what a file holds before decrypting it, and
# verification compares them with what the decrypted database really holds.
COUNTED_TABLES = {
    "schools": "schools", "students": "students", "households": "households", "staff": "staff",
    "pairings": "pairings", "visits": "visits", "ledger_entries": "ledger_entries",
    "dropout_cases": "dropout_cases", "persuasion_attempts": "persuasion_attempts",
    "urging_notices": "urging_notices", "attachments": "attachments", "audit_events": "audit_events",
}


@dataclass(frozen=True)
class BackupInfo:
    """What a backup file says about itself, readable without the password."""

    path: Path
    school: str
    township: str
    created: dt.datetime
    counts: dict[str, int]
    app_version: str
    schema: str
    size: int
    audit_rows: int = 0
    audit_head: str = ""
    header: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)

    @classmethod
    def from_header(cls, path: Path, header: dict[str, Any]) -> BackupInfo:
        try:
            created = dt.datetime.fromisoformat(str(header.get("created", "")))
        except ValueError:
            created = dt.datetime.min
        counts = header.get("counts")
        trail = header.get("audit")
        if not isinstance(trail, dict):
            trail = {}
        return cls(path=path, school=str(header.get("school", "")), township=str(header.get("township", "")),
                   created=created, counts={str(k): int(v) for k, v in counts.items()} if isinstance(counts, dict)
                   else {}, app_version=str(header.get("app_version", "")), schema=str(header.get("schema", "")),
                   size=path.stat().st_size if path.exists() else 0, audit_rows=int(trail.get("rows", 0) or 0),
                   audit_head=str(trail.get("head", "") or ""), header=header)


def default_file_name(school: str, day: dt.date) -> str:
    """平地镇中心校_备份_20261129.sabk: the school and the day are what the clerk sorts by."""
    cleaned = "".join(c for c in school if c not in '\\/:*?"<>|').strip() or "SchoolAid"
    return f"{cleaned}_备份_{day:%Y%m%d}{SUFFIX}"


def read_info(path: Path) -> BackupInfo:
    path = Path(path)
    with _open_backup(path) as source:
        header, _prefix = read_header(source)
    return BackupInfo.from_header(path, header)


def read_authenticated_info(path: Path, password: str) -> BackupInfo:
    """What the header says, once the password has proven it unchanged (``authenticated_header``):
    what ``audit verify --against`` relies on."""
    path = Path(path)
    with _open_backup(path) as source:
        header = authenticated_header(source, password)
    return BackupInfo.from_header(path, header)


WORK_PREFIX = ".schoolaid-backup-"
VIEW_PREFIX = "schoolaid-view-"
# Work folders of this and earlier versions: beside the database, and in the system's temporary folder.
_WORK_FOLDERS_BESIDE = (WORK_PREFIX, ".schoolaid-restore-")
_WORK_FOLDERS_IN_TEMP = (WORK_PREFIX, WORK_PREFIX.lstrip("."), VIEW_PREFIX, "schoolaid-township-", PRINT_FOLDER_PREFIX,
                         EVIDENCE_FOLDER_PREFIX)


@contextlib.contextmanager
def work_folder(near: Path) -> Iterator[Path]:
    """A private folder (0700) for decrypted or snapshot data, removed afterwards whatever happens;
    after a kill, ``remove_leftovers`` removes it at the next start."""
    with owned_folder(WORK_PREFIX, near) as folder:
        yield folder


def remove_leftovers(db_path: Path) -> list[Path]:
    """Remove what a SchoolAid killed in the middle of its work left behind (snapshots and decrypted
    copies of the database, half-written copies and backups): the work folders and ``.part`` files
    beside the database, in its safety-copy folder and in the system's temporary folder, that no
    running SchoolAid owns. Called by the window's start and every command that opens the database,
    which say what was removed. Returns the removed paths."""
    db_path = Path(db_path).expanduser().resolve()
    candidates: list[Path] = []

    def scan(folder: Path, prefixes: tuple[str, ...], parts: bool) -> None:
        try:
            entries = list(folder.iterdir())
        except OSError:
            return
        for entry in entries:
            name = entry.name
            if name.startswith(prefixes) or (parts and name.startswith(".") and name.endswith(PART_SUFFIX)):
                candidates.append(entry)

    scan(db_path.parent, _WORK_FOLDERS_BESIDE, parts=True)
    scan(db_path.parent / "safety-copies", (), parts=True)
    scan(Path(tempfile.gettempdir()), _WORK_FOLDERS_IN_TEMP, parts=False)
    own = getattr(os, "getuid", lambda: None)()
    removed = []
    for path in candidates:
        try:
            if own is not None and path.lstat().st_uid != own:
                continue  # another user's, on a shared temporary folder
        except OSError:
            continue
        if remove_if_abandoned(path):
            removed.append(path)
    return removed


def describe_leftovers(removed: list[Path]) -> str:
    """One line telling the user what ``remove_leftovers`` removed."""
    return translate(
        "Backup", "Removed {n} temporary file(s) left by an earlier SchoolAid that was stopped in the middle of its "
        "work (they may have held a copy of the data): {names}.").format(
            n=len(removed), names=", ".join(str(p) for p in removed[:3]) + (" …" if len(removed) > 3 else ""))


def snapshot(db_path: Path, target: Path, progress: Progress = NO_PROGRESS) -> None:
    """A consistent, compacted copy of the database at ``target`` (created 0600: it holds everything),
    taken while the app may be writing; cancellable."""
    try:
        if not target.exists():  # else the caller made it private (``owned_file``)
            create_private(target)  # VACUUM INTO fills an empty file and keeps its mode
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    connection = sqlite3.connect(db_path, timeout=30)
    try:
        # Checked every few thousand SQLite steps: a non-zero answer interrupts VACUUM INTO.
        connection.set_progress_handler(lambda: int(progress.cancel_event.is_set()), 10_000)
        connection.execute("VACUUM INTO ?", (str(target),))
    except sqlite3.OperationalError as exc:
        if progress.cancel_event.is_set():
            raise Cancelled() from exc
        raise _explain_sqlite(exc, target) from exc
    finally:
        connection.close()


def _explain_sqlite(error: sqlite3.Error, path: Path) -> SchoolAidError:
    detail = str(error).lower()
    if "full" in detail:
        return SchoolAidError(translate(
            "Backup", "The disk is full: there is no room for a copy of the database beside {path}. Free some space "
            "and try again.").format(path=path.parent))
    if "locked" in detail or "busy" in detail:
        return DatabaseError(translate(
            "Backup", "The database is busy; try again in a moment."))
    return DatabaseError(translate("Backup", "The database could not be copied: {detail}.").format(detail=error))


def database_facts(path: Path) -> dict[str, Any]:
    """The school, township, schema and record counts of a database file."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return _facts(connection)
    finally:
        connection.close()


def _facts(connection: sqlite3.Connection) -> dict[str, Any]:
    """``database_facts`` of an open connection."""
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    counts = {key: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608 - fixed names
              for key, table in COUNTED_TABLES.items() if table in tables}
    school = township = schema = ""
    if "schools" in tables:
        row = connection.execute("SELECT name FROM schools ORDER BY is_central DESC, sort_order, id LIMIT 1").fetchone()
        school = row[0] if row else ""
    if "settings" in tables:
        row = connection.execute("SELECT value FROM settings WHERE key = 'township_name'").fetchone()
        township = row[0] if row else ""
    if "alembic_version" in tables:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        schema = row[0] if row else ""
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    audit = {"rows": counts.get("audit_events", 0), "head": ""}
    columns = {row[1] for row in connection.execute("PRAGMA table_info(audit_events)")}
    if "hash" in columns:
        row = connection.execute("SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
        audit["head"] = row[0] if row else ""
    return {"school": school, "township": township, "schema": schema, "counts": counts,
            "application_id": application_id, "audit": audit}


@requires(Permission.BACKUP)
def export_backup(session: Session, actor: Actor, out: Path | str, password: str, progress: Progress = NO_PROGRESS,
                  *, now: dt.datetime) -> BackupInfo:
    """An encrypted backup of the session's database to ``out`` (a file, or a folder to put the
    default-named file in), for someone whose role may; the file appears only once complete.
    ``record_export`` then notes it for the reminder."""
    return write_backup(database_of(session).path, out, password, progress, now=now)


def write_backup(db_path: Path, out: Path | str, password: str, progress: Progress = NO_PROGRESS, *,
                 now: dt.datetime) -> BackupInfo:
    """Write an encrypted backup of the database file at ``db_path`` (not opened: also an older
    one, as the tests make) to ``out``. The window and the command line go through
    ``export_backup``, which checks who asks."""
    check_password(password)
    now = now.replace(microsecond=0)
    db_path = Path(db_path)
    progress.report(0.0, translate("Backup", "Copying the database…"))
    if hasattr(sqlite3.Connection, "serialize") and _database_bytes(db_path) <= IN_MEMORY_LIMIT:
        # The usual school's database: the snapshot is never a file, so a kill leaves no plain copy.
        data, facts = snapshot_in_memory(db_path, progress)
        out = _backup_path(out, facts, now)
        _encrypt(io.BytesIO(data), len(data), out, facts, password, progress, now=now)
        del data
    else:
        # Too big to hold in memory: a private file (0600 in a 0700 folder) removed whatever happens,
        # and at the next start after a kill.
        with work_folder(db_path.parent) as work:
            copy = work / "snapshot.sqlite"
            snapshot(db_path, copy, progress)
            facts = database_facts(copy)
            out = _backup_path(out, facts, now)
            with copy.open("rb") as source:
                _encrypt(source, copy.stat().st_size, out, facts, password, progress, now=now)
    return read_info(out)


def _database_bytes(db_path: Path) -> int:
    return sum(p.stat().st_size for p in (db_path, Path(f"{db_path}-wal")) if p.exists())


def snapshot_in_memory(db_path: Path, progress: Progress = NO_PROGRESS) -> tuple[bytes, dict[str, Any]]:
    """A consistent, compacted copy of the database as bytes, never written to a file, and its facts."""
    if progress.cancel_event.is_set():
        raise Cancelled()
    source = sqlite3.connect(db_path, timeout=30)
    memory = sqlite3.connect(":memory:")
    try:
        source.backup(memory)  # in one step: one read transaction, while the app may be writing
        memory.set_progress_handler(lambda: int(progress.cancel_event.is_set()), 10_000)
        memory.execute("VACUUM")  # as VACUUM INTO: deleted records' free pages are not carried along
        facts = _facts(memory)
        data: bytes = memory.serialize()  # type: ignore[attr-defined]  # Python 3.11+: see write_backup
        return data, facts
    except sqlite3.OperationalError as exc:
        if progress.cancel_event.is_set():
            raise Cancelled() from exc
        raise _explain_sqlite(exc, db_path) from exc
    finally:
        memory.close()
        source.close()


def _backup_path(out: Path | str, facts: dict[str, Any], now: dt.datetime) -> Path:
    if Path(out).is_dir() or str(out).endswith(("/", os.sep)) or not Path(out).suffix:
        return Path(out) / default_file_name(facts["school"], now.date())
    return Path(out)


def _encrypt(source: BinaryIO, total: int, out: Path, facts: dict[str, Any], password: str, progress: Progress, *,
             now: dt.datetime) -> None:
    header = {"school": facts["school"], "township": facts["township"], "created": now.isoformat(),
              "app_version": __version__, "schema": facts["schema"], "counts": facts["counts"],
              "database_bytes": total,
              # The trail's head and length: a later backup whose chain does not pass through this head
              # at this row, or has fewer rows, had rows removed.
              "audit": facts["audit"]}
    progress.report(0.05, translate("Backup", "Encrypting…"))
    with atomic_path(out) as part, part.open("wb") as sink:
        writer = BackupWriter(sink, header, password)
        done = 0
        while piece := source.read(READ_SIZE):
            writer.write(piece)
            done += len(piece)
            progress.report(0.05 + 0.95 * done / max(total, 1))
        writer.close()
        sink.flush()


def _open_backup(path: Path) -> BinaryIO:
    try:
        return Path(path).open("rb")
    except FileNotFoundError as exc:
        raise BackupError(translate("Backup", "There is no file at {path}.").format(path=path)) from exc
    except OSError as exc:
        raise explain_os_error(exc, path, reading=True) from exc


def _decrypt_to(path: Path, password: str, target: Path, progress: Progress) -> BackupInfo:
    path = Path(path)
    with _open_backup(path) as source:
        header, _prefix = read_header(source)
        source.seek(0)
        try:
            with open_private(target) as sink:
                for data in decrypt(source, password, os.fstat(source.fileno()).st_size, progress):
                    sink.write(data)
                sink.flush()
                os.fsync(sink.fileno())
        except OSError as exc:
            raise explain_os_error(exc, target) from exc
    return BackupInfo.from_header(path, header)


@dataclass(frozen=True)
class Verification:
    info: BackupInfo
    counts: dict[str, int]  # found in the decrypted database
    checks: list[str]  # what was checked, in words


def _check_database(path: Path, info: BackupInfo) -> Verification:
    """The decrypted database is whole and holds what the header says."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        broken_keys = connection.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        raise DamagedBackup(translate(
            "Backup", "The backup decrypts but its database is unreadable ({detail}). Export the backup again on the "
            "school's PC.").format(detail=exc)) from exc
    finally:
        connection.close()
    if integrity != ["ok"]:
        raise DamagedBackup(translate(
            "Backup", "The backup's database is damaged (SQLite integrity check: {detail}). Export the backup again on "
            "the school's PC.").format(detail="; ".join(integrity[:3])))
    if broken_keys:
        raise DamagedBackup(translate(
            "Backup", "The backup's database has {n} broken references between records. Export the backup again on "
            "the school's PC.").format(n=len(broken_keys)))
    facts = database_facts(path)
    if facts["application_id"] not in (0, APPLICATION_ID):
        raise DamagedBackup(translate("Backup", "The backup holds a database of another program."))
    differing = [key for key, expected in info.counts.items() if facts["counts"].get(key) != expected]
    if differing:
        raise DamagedBackup(translate(
            "Backup", "The backup's database does not hold what its header says ({names}). Export the backup again on "
            "the school's PC.").format(names=", ".join(
                f"{key}: {facts['counts'].get(key)} ≠ {info.counts[key]}" for key in differing)))
    checks = [
        translate("Backup", "password right; every block authentic, the end marker present"),
        translate("Backup", "SQLite integrity check: ok"),
        translate("Backup", "references between records: ok"),
        translate("Backup", "record counts as in the header: {n} kinds").format(n=len(info.counts)),
    ]
    return Verification(info, facts["counts"], checks)


def decrypted_copy(path: Path, password: str, target: Path, progress: Progress = NO_PROGRESS) -> BackupInfo:
    """The database in a backup, decrypted and checked, at ``target``; the backup's header."""
    info = _decrypt_to(path, password, target, progress)
    _check_database(target, info)
    return info


def verify_backup(path: Path, password: str, progress: Progress = NO_PROGRESS) -> Verification:
    """Decrypt the whole file and check the database in it; raises ``BackupError`` saying what is
    wrong, and keeps nothing decrypted."""
    path = Path(path)
    with work_folder(Path(tempfile.gettempdir())) as work:
        target = work / "verify.sqlite"
        info = _decrypt_to(path, password, target, progress)
        return _check_database(target, info)


@dataclass(frozen=True)
class Restored:
    info: BackupInfo
    database: Path
    kept: Path | None  # the database that was there before, set aside


def restore_backup(path: Path, password: str, target: Path, progress: Progress = NO_PROGRESS, *,
                   now: dt.datetime) -> Restored:
    """Restore a backup into ``target``. A database already there is first kept as a dated copy;
    a backup older than this version of the app is upgraded."""
    target = Path(target).expanduser().resolve()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    with work_folder(target.parent) as work:
        info, restored = prepare_restore(path, password, work, progress)
        kept = replace_database(target, restored, now=now)
    return Restored(info, target, kept)


def prepare_restore(path: Path, password: str, folder: Path, progress: Progress = NO_PROGRESS) -> tuple[
        BackupInfo, Path]:
    """The first, slow half of a restore, done while the current database stays in use: the backup
    decrypted, checked and upgraded into ``folder`` (on the database's disk, so the swap is a rename)."""
    restored = folder / "restored.sqlite"
    info = decrypted_copy(path, password, restored, progress)
    prepare_file(restored)  # upgrade an older backup before it takes the place of anything
    return info, restored


def replace_database(target: Path, replacement: Path, *, now: dt.datetime) -> Path | None:
    """Put ``replacement`` (on the same disk) in the place of the database ``target``; the database
    that was there is kept beside it as a dated copy, whose path is returned."""
    kept = None
    if target.exists() and target.stat().st_size > 0:
        stamp = now.strftime("%Y%m%d-%H%M%S")
        kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
        _copy_database(target, kept)
        _release(target)
    try:
        os.replace(replacement, target)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        sync_folder(target.parent)
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    return kept


def _copy_database(source_path: Path, target: Path) -> None:
    try:
        copy_database(source_path, target)
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise _explain_sqlite(exc, target) from exc


def _release(path: Path) -> None:
    """Fold the write-ahead log into the file and make sure no one else has the database open: its
    log must not be replayed onto the restored file."""
    connection = sqlite3.connect(path, timeout=1)
    try:
        busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except sqlite3.Error as exc:
        raise _explain_sqlite(exc, path) from exc
    finally:
        connection.close()
    if busy:
        raise DatabaseError(translate(
            "Backup", "The database {path} is open in another SchoolAid window. Close it, then restore.").format(
                path=path))


def open_for_viewing(path: Path, password: str, progress: Progress = NO_PROGRESS) -> Database:
    """The database in a backup, decrypted into a private temporary folder (removed when it is
    closed) and opened so that nothing can be changed."""
    path = Path(path)
    folder, owner = new_owned_folder(VIEW_PREFIX)
    try:
        copy = folder / "backup.sqlite"
        decrypted_copy(path, password, copy, progress)
        prepare_file(copy)
        db = open_read_only(copy, label=str(path))
    except BaseException:
        remove_owned_folder(folder, owner)
        raise
    db.on_close.append(lambda: remove_owned_folder(folder, owner))
    return db


@requires(Permission.BACKUP)
def record_export(session: Session, actor: Actor, info: BackupInfo) -> None:
    """Remember when the last backup left the PC: the home tab reminds the officer after 30 days."""
    township.set_setting(session, actor, LAST_EXPORT_SETTING, info.created.isoformat())


def last_export(session: Session) -> dt.datetime | None:
    value = township.get_setting(session, LAST_EXPORT_SETTING)
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
