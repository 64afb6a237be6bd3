"""Safety copies: local snapshots of the database taken at every start and every few hours of use,
the last few kept, so that a dead disk sector or a wrong mass import costs hours, not the term.

They stay on this PC beside the database, in a folder only this user can enter (0700), each file
0600 like the database itself; the encrypted backup is what leaves it. An encrypted database's copies
are encrypted under its key (give ``key=db.key``): they open with the database's own key slots.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session
from sqlcipher3 import dbapi2 as sqlite3  # the one driver (SQLCipher; plain SQLite without a key)

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.backup.backup import database_facts, replace_database, snapshot, work_folder
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.files import (
    explain_os_error,
    make_private,
    make_private_folder,
    owned_file,
    sync_folder,
)
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.validation import error
from schoolaid.storage import encryption
from schoolaid.storage.database import prepare_file
from schoolaid.township import township

HOURS_SETTING = "safety_copy_hours"
KEEP_SETTING = "safety_copy_keep"
DEFAULT_HOURS = 4
DEFAULT_KEEP = 10
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})\.sqlite$")


@dataclass(frozen=True)
class SafetyCopy:
    path: Path
    taken: dt.datetime
    size: int


@dataclass(frozen=True)
class Schedule:
    hours: int  # a new copy after this many hours of use
    keep: int  # the newest this many are kept


def folder_for(db_path: Path) -> Path:
    return Path(db_path).parent / "safety-copies"


def schedule(session: Session) -> Schedule:
    def number(key: str, default: int) -> int:
        try:
            return int(township.get_setting(session, key, str(default)))
        except ValueError:
            return default

    return Schedule(number(HOURS_SETTING, DEFAULT_HOURS), number(KEEP_SETTING, DEFAULT_KEEP))


@requires(Permission.EDIT_SETTINGS)
def set_schedule(session: Session, actor: Actor, hours: int, keep: int) -> None:
    problems = []
    if not 1 <= hours <= 24:
        problems.append(error("hours", "safety.hours", translate(
            "SafetyCopies", "Take a safety copy every 1 to 24 hours.")))
    if not 2 <= keep <= 100:
        problems.append(error("keep", "safety.keep", translate(
            "SafetyCopies", "Keep between 2 and 100 safety copies.")))
    if problems:
        raise ValidationFailed(problems)
    township.set_setting(session, actor, HOURS_SETTING, str(hours))
    township.set_setting(session, actor, KEEP_SETTING, str(keep))


def list_copies(db_path: Path) -> list[SafetyCopy]:
    """The safety copies of this database, newest first."""
    folder = folder_for(db_path)
    copies = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match and match["stem"] == Path(db_path).stem:
                taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
                copies.append(SafetyCopy(path, taken, path.stat().st_size))
    return sorted(copies, key=lambda c: c.taken, reverse=True)


def is_due(db_path: Path, hours: int, *, now: dt.datetime) -> bool:
    copies = list_copies(db_path)
    return not copies or now - copies[0].taken >= dt.timedelta(hours=hours)


def take(db_path: Path, keep: int, progress: Progress = NO_PROGRESS, *, now: dt.datetime,
         key: bytes | None = None) -> SafetyCopy:
    """Snapshot the database into the safety-copy folder and remove the oldest beyond ``keep``."""
    db_path = Path(db_path)
    now = now.replace(microsecond=0)
    folder = folder_for(db_path)
    try:
        make_private_folder(folder)  # 0700: every copy in it holds everything
        for earlier in list_copies(db_path):  # taken by a version that left them readable by everyone
            make_private(earlier.path)
    except OSError as exc:
        raise explain_os_error(exc, folder) from exc
    target = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}.sqlite"
    # Into a temporary name first: a copy cut short by a power cut never looks like a copy.
    partial = folder / f".{target.name}.part"
    partial.unlink(missing_ok=True)
    try:
        with owned_file(partial):  # 0600, and owned: a start meanwhile does not take it for a leftover
            snapshot(db_path, partial, progress, key)
            with partial.open("rb+") as written:
                os.fsync(written.fileno())
        os.replace(partial, target)
        sync_folder(folder)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    for old in list_copies(db_path)[max(keep, 1):]:
        old.path.unlink(missing_ok=True)
    return SafetyCopy(target, now, target.stat().st_size)


def describe(copy: SafetyCopy, key: bytes | None = None) -> dict[str, int]:
    """The record counts of a copy; empty for a copy that cannot be read (or not with ``key``)."""
    try:
        return database_facts(copy.path, key)["counts"]
    except sqlite3.Error:
        return {}


def restore(copy: SafetyCopy, db_path: Path, *, now: dt.datetime, key: bytes | None = None) -> Path | None:
    """Put a safety copy in the database's place; the current database is kept as a dated copy,
    whose path is returned. The caller closes the database first. An encrypted database's copy is
    restored under the same ``key`` and keeps the current key slots."""
    db_path = Path(db_path)
    with work_folder(db_path.parent) as work:
        replacement = work / "restored.sqlite"
        snapshot(copy.path, replacement, key=key)  # the copy itself stays, to restore again if need be
        if key is not None:
            keys = encryption.keys_path(db_path)
            encryption.KeyFile.load(keys).save(encryption.keys_path(replacement))
        prepare_file(replacement, key)
        return replace_database(db_path, replacement, now=now, key=key)
