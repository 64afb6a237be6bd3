"""Backups to carry to the township: export the live database into an encrypted .sabk file, verify
one, restore one into a new or the current database, and open one read-only.

The file format is in ``backup_file``; this module adds the database: a consistent snapshot taken
while the app may be writing (read in one transaction, and WAL lets the writer go on), the checks of a
decrypted database, and replacing a database file safely. Work files are private (0600 in 0700
folders) and owned while in use: ``leftovers.remove_leftovers`` removes those of a SchoolAid killed half-way, at
the next start.

The payload (encrypted with the backup's password by ``backup_file``): backups made by this version
carry ``PAYLOAD_MAGIC``, the database key and the key-slot file (JSON, length-prefixed), then the
snapshot itself, encrypted under that key (SQLCipher). The snapshot is therefore never a plain file,
not while it is written, verified, restored or viewed. An encrypted database's backup carries its own
key and slots, so a restore keeps every account working; a plain database's carries a random key used
for the snapshot only (and is restored plain). Older backups hold the plain SQLite file alone, and are
read as before.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.orm import Session
from sqlcipher3 import dbapi2 as sqlite3  # the one driver (SQLCipher; plain SQLite without a key)

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
from schoolaid.backup.leftovers import VIEW_PREFIX, WORK_PREFIX
from schoolaid.common.errors import DatabaseError, SchoolAidError
from schoolaid.common.files import (
    atomic_path,
    create_private,
    explain_os_error,
    new_owned_folder,
    open_private,
    owned_folder,
    remove_owned_folder,
    sync_folder,
)
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Cancelled, Progress
from schoolaid.storage import encryption
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
# Read (and reported) in pieces of this size: a big database's progress moves every quarter MB.
READ_SIZE = 256 * 1024
# The page cache of a copy being written: small, so that the copy grows on disk as it is written and
# its growth is the progress shown (at SQLCipher's 4 KiB pages, every quarter MB).
COPY_CACHE_PAGES = 64
# SQLite steps between two looks at a copy's growth (and at the user's cancel).
WATCH_STEPS = 2_000
# Rough seconds each step takes per MB of database, and for the password's key (measured on the demo
# township): a long task shares its progress bar among its steps by them, so the bar moves at an even
# pace and no step sits still at the end of it.
SECONDS_PER_MB = {"copy": 0.05, "encrypt": 0.09, "decrypt": 0.02, "check": 0.03, "write": 0.2}
KEY_SECONDS = 1.1
FIXED_SECONDS = 0.05  # a step that hardly depends on the size (counting the records, the schema check)
MB = 1024 * 1024
# The start of a payload that carries the database key and key slots (this version on); an older
# payload starts with SQLite's own header.
PAYLOAD_MAGIC = b"SchoolAid+key\x00v2"
_LENGTH_BYTES = 4
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
    # Once decrypted (``decrypted_copy``): the key the decrypted database is encrypted under (None: an
    # older backup, whose database is plain) and the key-slot file it carried (None: a plain database's).
    key: bytes | None = field(repr=False, compare=False, default=None)
    keys_file: str | None = field(repr=False, compare=False, default=None)

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


@contextlib.contextmanager
def work_folder(near: Path) -> Iterator[Path]:
    """A private folder (0700) for decrypted or snapshot data, removed afterwards whatever happens;
    after a kill, ``leftovers.remove_leftovers`` removes it at the next start."""
    with owned_folder(WORK_PREFIX, near) as folder:
        yield folder


def snapshot(db_path: Path, target: Path, progress: Progress = NO_PROGRESS, key: bytes | None = None) -> None:
    """A consistent, compacted copy of the database at ``target`` (created 0600: it holds everything),
    taken while the app may be writing; cancellable. An encrypted database's copy is encrypted under
    the same ``key``."""
    try:
        if not target.exists():  # else the caller made it private (``owned_file``)
            create_private(target)  # VACUUM INTO fills an empty file and keeps its mode
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    connection = encryption.connect(db_path, key, timeout=30)
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


def _shares(progress: Progress, **seconds: float) -> dict[str, Progress]:
    """``progress`` shared among steps in proportion to the seconds each is expected to take."""
    total = sum(seconds.values()) or 1.0
    parts, start = {}, 0.0
    for step, expected in seconds.items():
        parts[step] = progress.part(start / total, (start + expected) / total)
        start += expected
    return parts


def _file_bytes(db_path: Path) -> int:
    """A database's size on disk, its write-ahead log included."""
    return sum(path.stat().st_size for path in (db_path, Path(f"{db_path}-wal")) if path.exists())


def _database_bytes(connection: sqlite3.Connection, schema: str = "main") -> int:
    """The size of the database open on ``connection``: what a copy of it grows to, near enough."""
    pages = connection.execute(f"PRAGMA {schema}.page_count").fetchone()[0]
    return int(pages) * int(connection.execute(f"PRAGMA {schema}.page_size").fetchone()[0])


def _watch_growth(connection: sqlite3.Connection, target: Path, total: int, progress: Progress, message: str) -> None:
    """While ``connection`` writes the copy ``target`` (of about ``total`` bytes), report how far it has
    grown, and interrupt the statement once the user has cancelled."""
    last = -1

    def check() -> int:
        nonlocal last
        if progress.cancel_event.is_set():
            return 1
        try:
            size = target.stat().st_size
        except OSError:
            return 0
        if size != last:
            last = size
            try:
                progress.amount(min(size, total), total, message)
            except Cancelled:
                return 1
        return 0

    connection.set_progress_handler(check, WATCH_STEPS)


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


def database_facts(path: Path, key: bytes | None = None) -> dict[str, Any]:
    """The school, township, schema and record counts of a database file (encrypted: under ``key``)."""
    connection = encryption.connect(f"file:{path}?mode=ro", key, uri=True)
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
    db = database_of(session)
    return write_backup(db.path, out, password, progress, now=now, key=db.key)


def write_backup(db_path: Path, out: Path | str, password: str, progress: Progress = NO_PROGRESS, *,
                 now: dt.datetime, key: bytes | None = None) -> BackupInfo:
    """Write an encrypted backup of the database file at ``db_path`` (not opened: also an older
    one, as the tests make; an encrypted one with its ``key``) to ``out``. The window and the command
    line go through ``export_backup``, which checks who asks."""
    check_password(password)
    now = now.replace(microsecond=0)
    db_path = Path(db_path)
    progress.report(0.0, translate("Backup", "Copying the database…"))
    size = _file_bytes(db_path) / MB
    steps = _shares(progress, copy=size * SECONDS_PER_MB["copy"], count=FIXED_SECONDS,
                    encrypt=KEY_SECONDS + size * SECONDS_PER_MB["encrypt"])
    # The snapshot is a private file (0600 in a 0700 folder, removed whatever happens, and at the next
    # start after a kill) encrypted under the database's key, or a random one for a plain database:
    # never a plain copy of the data.
    snapshot_key = key if key is not None else encryption.new_key()
    keys_file = None
    if key is not None:
        try:
            keys_file = encryption.keys_path(db_path).read_text(encoding="utf-8")
        except OSError as exc:
            raise explain_os_error(exc, encryption.keys_path(db_path), reading=True) from exc
    with work_folder(db_path.parent) as work:
        copy = work / "snapshot.sqlite"
        encrypted_snapshot(db_path, copy, key, snapshot_key, steps["copy"])
        steps["count"].report(0.0, translate("Backup", "Counting the records…"))
        facts = database_facts(copy, snapshot_key)
        out = _backup_path(out, facts, now)
        carried = json.dumps({"key": snapshot_key.hex(), "keys_file": keys_file}).encode("utf-8")
        prefix = PAYLOAD_MAGIC + len(carried).to_bytes(_LENGTH_BYTES, "big") + carried
        with copy.open("rb") as source:
            _encrypt(_Prefixed(prefix, source), len(prefix) + copy.stat().st_size, out, facts, password,
                     steps["encrypt"], now=now)
    return read_info(out)


class _Prefixed:
    """``prefix`` then the file ``rest``, read as one stream."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self.prefix = prefix
        self.rest = rest

    def read(self, size: int) -> bytes:
        if self.prefix:
            piece, self.prefix = self.prefix[:size], self.prefix[size:]
            return piece
        return self.rest.read(size)


def encrypted_snapshot(db_path: Path, target: Path, key: bytes | None, snapshot_key: bytes,
                       progress: Progress = NO_PROGRESS) -> None:
    """A consistent copy of the database (encrypted under ``key``, or plain) at ``target``, a new
    private file, encrypted under ``snapshot_key``; taken in one read transaction while the app may be
    writing; cancellable."""
    if progress.cancel_event.is_set():
        raise Cancelled()
    try:
        create_private(target)
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    source = encryption.connect(db_path, key, timeout=30, isolation_level=None)
    try:
        _watch_growth(source, target, _database_bytes(source), progress,
                      translate("Backup", "Copying the database: {done} of {total} MB copied…"))
        encryption.export_encrypted(source, target, snapshot_key, cache_pages=COPY_CACHE_PAGES)
    except sqlite3.OperationalError as exc:
        if progress.cancel_event.is_set():
            raise Cancelled() from exc
        raise _explain_sqlite(exc, target) from exc
    finally:
        source.close()


def _backup_path(out: Path | str, facts: dict[str, Any], now: dt.datetime) -> Path:
    if Path(out).is_dir() or str(out).endswith(("/", os.sep)) or not Path(out).suffix:
        return Path(out) / default_file_name(facts["school"], now.date())
    return Path(out)


def _encrypt(source: BinaryIO | _Prefixed, total: int, out: Path, facts: dict[str, Any], password: str, progress: Progress, *,
             now: dt.datetime) -> None:
    header = {"school": facts["school"], "township": facts["township"], "created": now.isoformat(),
              "app_version": __version__, "schema": facts["schema"], "counts": facts["counts"],
              "database_bytes": total,
              # The trail's head and length: a later backup whose chain does not pass through this head
              # at this row, or has fewer rows, had rows removed.
              "audit": facts["audit"]}
    steps = _shares(progress, key=KEY_SECONDS, encrypt=total / MB * SECONDS_PER_MB["encrypt"])
    message = translate("Backup", "Encrypting: {done} of {total} MB written…")
    steps["key"].report(0.0, translate("Backup", "Deriving the encryption key from the password…"))
    with atomic_path(out) as part, part.open("wb") as sink:
        writer = BackupWriter(sink, header, password)
        done = 0
        steps["encrypt"].amount(done, total, message)
        while piece := source.read(READ_SIZE):
            writer.write(piece)
            done += len(piece)
            steps["encrypt"].amount(done, total, message)
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
    """The backup's database at ``target`` (encrypted under the key it carries, or plain for an older
    backup), and its header with the key and key-slot file it carries."""
    path = Path(path)
    carried: dict[str, Any] = {}
    with _open_backup(path) as source:
        header, _prefix = read_header(source)
        source.seek(0)
        size = os.fstat(source.fileno()).st_size
        steps = _shares(progress, key=KEY_SECONDS, decrypt=size / MB * SECONDS_PER_MB["decrypt"])
        message = translate("Backup", "Decrypting: {done} of {total} MB read…")
        steps["key"].report(0.0, translate("Backup", "Checking the password…"))
        reading = Progress(lambda fraction, _message: steps["decrypt"].amount(round(fraction * size), size, message),
                           progress.cancel_event)
        try:
            with open_private(target) as sink:
                start: bytes | None = b""
                for data in decrypt(source, password, size, reading):
                    if start is not None:
                        start += data
                        if len(start) < len(PAYLOAD_MAGIC) + _LENGTH_BYTES:
                            continue
                        if not start.startswith(PAYLOAD_MAGIC):
                            sink.write(start)  # an older backup: the plain database alone
                            start = None
                            continue
                        length = int.from_bytes(start[len(PAYLOAD_MAGIC):len(PAYLOAD_MAGIC) + _LENGTH_BYTES], "big")
                        end = len(PAYLOAD_MAGIC) + _LENGTH_BYTES + length
                        if len(start) < end:
                            continue
                        carried = _carried(start[len(PAYLOAD_MAGIC) + _LENGTH_BYTES:end])
                        sink.write(start[end:])
                        start = None
                        continue
                    sink.write(data)
                if start:
                    sink.write(start)
                sink.flush()
                os.fsync(sink.fileno())
        except OSError as exc:
            raise explain_os_error(exc, target) from exc
    info = BackupInfo.from_header(path, header)
    if carried:
        info = dataclasses.replace(info, key=carried["key"], keys_file=carried["keys_file"])
    return info


def _carried(data: bytes) -> dict[str, Any]:
    try:
        value = json.loads(data.decode("utf-8"))
        key = bytes.fromhex(value["key"])
        keys_file = value.get("keys_file")
        if len(key) != encryption.KEY_BYTES or not (keys_file is None or isinstance(keys_file, str)):
            raise ValueError("bad key")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
        raise DamagedBackup(translate(
            "Backup", "The backup decrypts but what it carries with its database is unreadable. Export the backup "
            "again on the school's PC.")) from exc
    return {"key": key, "keys_file": keys_file}


@dataclass(frozen=True)
class Verification:
    info: BackupInfo
    counts: dict[str, int]  # found in the decrypted database
    checks: list[str]  # what was checked, in words


def _check_database(path: Path, info: BackupInfo, progress: Progress = NO_PROGRESS) -> Verification:
    """The decrypted database is whole and holds what the header says."""
    connection = encryption.connect(f"file:{path}?mode=ro", info.key, uri=True)
    try:
        connection.set_progress_handler(lambda: int(progress.cancel_event.is_set()), WATCH_STEPS)
        progress.report(0.0, translate("Backup", "Checking that the database is whole…"))
        integrity = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        progress.report(0.7, translate("Backup", "Checking the references between records…"))
        broken_keys = connection.execute("PRAGMA foreign_key_check").fetchall()
        progress.report(0.9, translate("Backup", "Counting the records…"))
    except sqlite3.OperationalError as exc:
        if progress.cancel_event.is_set():
            raise Cancelled() from exc
        raise DamagedBackup(translate(
            "Backup", "The backup decrypts but its database is unreadable ({detail}). Export the backup again on the "
            "school's PC.").format(detail=exc)) from exc
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
    facts = database_facts(path, info.key)
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
    """The database in a backup, decrypted and checked, at ``target``; the backup's header. The database
    at ``target`` is encrypted under ``info.key`` (None: an older backup's plain database): open it with
    that key."""
    steps = _reading_steps(path, progress)
    info = _decrypt_to(path, password, target, steps["decrypt"])
    _check_database(target, info, steps["check"])
    return info


def _reading_steps(path: Path, progress: Progress, **after: float) -> dict[str, Progress]:
    """``progress`` shared among decrypting the backup at ``path``, checking its database, and the
    steps ``after`` (expected seconds)."""
    try:
        size = Path(path).stat().st_size / MB
    except OSError:
        size = 0.0  # said by ``_open_backup``, next
    return _shares(progress, decrypt=KEY_SECONDS + size * SECONDS_PER_MB["decrypt"],
                   check=FIXED_SECONDS + size * SECONDS_PER_MB["check"], **after)


def verify_backup(path: Path, password: str, progress: Progress = NO_PROGRESS) -> Verification:
    """Decrypt the whole file and check the database in it; raises ``BackupError`` saying what is
    wrong, and keeps nothing decrypted."""
    path = Path(path)
    with work_folder(Path(tempfile.gettempdir())) as work:
        target = work / "verify.sqlite"
        steps = _reading_steps(path, progress)
        info = _decrypt_to(path, password, target, steps["decrypt"])
        return _check_database(target, info, steps["check"])


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
    try:
        size = Path(path).stat().st_size / MB
    except OSError:
        size = 0.0
    steps = _shares(progress, read=KEY_SECONDS + size * (SECONDS_PER_MB["decrypt"] + SECONDS_PER_MB["check"]),
                    write=size * SECONDS_PER_MB["write"], upgrade=FIXED_SECONDS)
    info = decrypted_copy(path, password, restored, steps["read"])
    if info.key is not None and info.keys_file is None:
        # A plain database's backup: its snapshot was encrypted for the backup only; restored plain.
        encrypted, restored = restored, folder / "restored-plain.sqlite"
        create_private(restored)
        source = encryption.connect(encrypted, info.key, isolation_level=None)
        try:
            _watch_growth(source, restored, _database_bytes(source), steps["write"],
                          translate("Backup", "Writing the restored database: {done} of {total} MB…"))
            source.execute("ATTACH DATABASE ? AS plain KEY ''", (str(restored),))
            source.execute(f"PRAGMA plain.cache_size = {COPY_CACHE_PAGES}")
            source.execute("SELECT sqlcipher_export('plain')")
            for pragma in ("application_id", "user_version"):
                value = int(source.execute(f"PRAGMA main.{pragma}").fetchone()[0])
                source.execute(f"PRAGMA plain.{pragma} = {value}")
            source.execute("DETACH DATABASE plain")
        except sqlite3.OperationalError as exc:
            if progress.cancel_event.is_set():
                raise Cancelled() from exc
            raise _explain_sqlite(exc, restored) from exc
        finally:
            source.close()
        encrypted.unlink()
        info = dataclasses.replace(info, key=None)
    elif info.keys_file is not None:
        # An encrypted database's: restored encrypted under the same key, with its key slots beside it,
        # so every account signs in as before.
        with atomic_path(encryption.keys_path(restored)) as part:
            part.write_text(info.keys_file, encoding="utf-8")
    steps["upgrade"].report(0.0, translate("Backup", "Bringing the restored database up to this version…"))
    prepare_file(restored, info.key)  # upgrade an older backup before it takes the place of anything
    return info, restored


def replace_database(target: Path, replacement: Path, *, now: dt.datetime, key: bytes | None = None) -> Path | None:
    """Put ``replacement`` (on the same disk) in the place of the database ``target``; the database
    that was there (encrypted: under ``key``, when known) is kept beside it as a dated copy, with its
    key-slot file, whose path is returned. The replacement's key-slot file, if it has one beside it,
    takes the place of the target's; a plain replacement leaves none."""
    kept = None
    target_keys, replacement_keys = encryption.keys_path(target), encryption.keys_path(replacement)
    if target.exists() and target.stat().st_size > 0:
        stamp = now.strftime("%Y%m%d-%H%M%S")
        kept = target.with_name(f"{target.stem}.before-restore-{stamp}{target.suffix}")
        if encryption.state(target) == encryption.ENCRYPTED and key is None:
            _copy_closed_encrypted(target, kept)
        else:
            _copy_database(target, kept, key)
            _release(target, key)
    try:
        # The key slots first: killed between the two renames, the old database stays with the new
        # slots, and the kept copy (with its own slots) or the backup restores it again.
        if replacement_keys.exists():
            os.replace(replacement_keys, target_keys)
        elif target_keys.exists():
            target_keys.unlink()  # a plain database now; the old slots are beside the kept copy
        os.replace(replacement, target)
        for leftover in (Path(f"{target}-wal"), Path(f"{target}-shm")):
            leftover.unlink(missing_ok=True)
        sync_folder(target.parent)
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    return kept


def _copy_database(source_path: Path, target: Path, key: bytes | None = None) -> None:
    try:
        copy_database(source_path, target, key)
    except sqlite3.Error as exc:
        target.unlink(missing_ok=True)
        raise _explain_sqlite(exc, target) from exc


def _copy_closed_encrypted(source_path: Path, target: Path) -> None:
    """An encrypted database no one has open, copied as its files are (its log and key slots along)."""
    try:
        for suffix in ("", "-wal", encryption.KEYS_SUFFIX):
            source = Path(f"{source_path}{suffix}")
            if source.exists():
                with atomic_path(Path(f"{target}{suffix}")) as part, source.open("rb") as reading, \
                        part.open("wb") as writing:
                    shutil.copyfileobj(reading, writing)
    except OSError as exc:
        raise explain_os_error(exc, target) from exc


def _release(path: Path, key: bytes | None = None) -> None:
    """Fold the write-ahead log into the file and make sure no one else has the database open: its
    log must not be replayed onto the restored file."""
    connection = encryption.connect(path, key, timeout=1)
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
        steps = _shares(progress, read=1.0, open=0.1)
        info = decrypted_copy(path, password, copy, steps["read"])
        key = info.key
        if key is None:
            # An older backup's database is plain: encrypted under a fresh key held in memory only, and
            # the plain file removed, before it is viewed.
            key = encryption.new_key()
            encrypted = folder / "backup-view.sqlite"
            create_private(encrypted)
            source = encryption.connect(copy, None, isolation_level=None)
            try:
                encryption.export_encrypted(source, encrypted, key)
            finally:
                source.close()
            copy.unlink()
            copy = encrypted
        # This version's backups stay encrypted in the folder, under the key they carry (in memory only).
        steps["open"].report(0.0, translate("Backup", "Opening the backup's database…"))
        prepare_file(copy, key)
        db = open_read_only(copy, label=str(path), key=key)
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
