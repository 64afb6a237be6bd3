"""Writing files so that a power cut or a pulled USB stick never leaves one that looks complete, and
so that what holds children's data is readable by this user only.

Private means: files 0600 and folders 0700 on POSIX, created with that mode from the start (never
created open and tightened afterwards; the umask can only take more away). On Windows the mode bits
do not apply: a file inherits the ACL of its folder, which under the user's profile (where the
database lives by default) grants only the user, SYSTEM and the administrators.

Work files (a snapshot, a decrypted backup, a ``.part`` being written) are *owned* while in use: the
process holds a lock on them (``flock`` on POSIX; on Windows the open handle itself, which forbids
deleting the file). A work file whose lock can be taken was left by a process that died (a kill, a
power cut): ``remove_if_abandoned`` removes it, and nothing a running SchoolAid is using.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.i18n import translate


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target`` to write to; on success it is synced and renamed over
    ``target``, on failure removed. Readers see the old file or the new one, never half of one."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=target.suffix + ".part", dir=target.parent)
    except OSError as exc:
        raise explain_os_error(exc, target) from exc
    temporary = Path(name)  # mkstemp creates it 0600: personal data, readable by this user only
    owner: int | None = _hold(handle)  # a running writer's .part is never taken for a leftover
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        _release(owner)
        owner = None
        os.replace(temporary, target)
        sync_folder(target.parent)
    except OSError as exc:
        _release(owner)
        temporary.unlink(missing_ok=True)
        raise explain_os_error(exc, target) from exc
    except BaseException:
        _release(owner)
        temporary.unlink(missing_ok=True)
        raise


PART_SUFFIX = ".part"
OWNER_FILE = ".owner"
# A work folder without its owner file is one whose process died in the instant between making it
# and locking it, or one being made right now: left alone until it is this old.
_UNOWNED_GRACE_SECONDS = 600


def create_private(path: Path) -> None:
    """Create ``path`` as an empty file readable by this user only (0600); it must not exist. SQLite
    keeps the mode of a file it finds, and gives its -wal and -shm files the same mode."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600))


@contextlib.contextmanager
def owned_file(path: Path) -> Iterator[Path]:
    """Create ``path`` empty and private (0600; it must not exist) and own it while the block writes
    it: ``remove_if_abandoned`` then leaves it alone. The caller renames or removes it."""
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    owner = None
    try:
        owner = _hold(descriptor)
        yield path
    finally:
        _release(owner if owner is not None else descriptor)


def open_private(path: Path) -> BinaryIO:
    """``path`` opened for writing from the start, created 0600 if new (truncated if not)."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    return os.fdopen(descriptor, "wb")


def make_private_folder(path: Path) -> None:
    """A folder only this user can enter (0700); an existing one is tightened."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    make_private(path)


def make_private(path: Path) -> None:
    """Take away what others may do with an existing file or folder (POSIX; see the module's note on
    Windows). Missing files are ignored."""
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, mode & 0o700)
    except FileNotFoundError:
        pass


def _hold(descriptor: int) -> int:
    """Lock the open file ``descriptor`` as its owner's (released by the system if the process dies)."""
    if os.name == "posix":
        import fcntl

        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return descriptor


def _release(descriptor: int | None) -> None:
    if descriptor is not None:
        with contextlib.suppress(OSError):
            os.close(descriptor)


@contextlib.contextmanager
def owned_folder(prefix: str, near: Path | None = None) -> Iterator[Path]:
    """A new private work folder (0700) in ``near`` (else the system's temporary folder), owned by this
    process while in use and removed afterwards whatever happens; after a kill, ``remove_if_abandoned``
    removes it."""
    folder, owner = new_owned_folder(prefix, near)
    try:
        yield folder
    finally:
        remove_owned_folder(folder, owner)


def new_owned_folder(prefix: str, near: Path | None = None) -> tuple[Path, int]:
    """A new private work folder and its owner lock, for work that outlives one block; give both to
    ``remove_owned_folder`` when done."""
    try:
        folder = Path(tempfile.mkdtemp(prefix=prefix, dir=near))  # mkdtemp makes it 0700
    except OSError:
        if near is None:
            raise
        folder = Path(tempfile.mkdtemp(prefix=prefix.lstrip(".")))
    try:
        owner = _hold(os.open(folder / OWNER_FILE, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder, owner


#: The window's folders in the system's temporary folder: printouts waiting in the preview, and evidence
#: files opened in another program. Both hold children's data, so a window killed mid-work must not
#: leave them for good (``leftovers.remove_leftovers`` sweeps them).
PRINT_FOLDER_PREFIX = "schoolaid-print-"
EVIDENCE_FOLDER_PREFIX = "schoolaid-evidence-"


class ProcessFolder:
    """A private folder in the system's temporary folder, made when first needed, owned by this process
    while it runs (another SchoolAid's start leaves it alone) and removed when the process ends; after a
    kill or a power cut, the next start removes it."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self._made: tuple[Path, int] | None = None

    @property
    def path(self) -> Path:
        if self._made is None or not self._made[0].is_dir():
            self._made = new_owned_folder(self.prefix)
            atexit.register(remove_owned_folder, *self._made)
        return self._made[0]


def remove_owned_folder(folder: Path, owner: int) -> None:
    _release(owner)
    shutil.rmtree(folder, ignore_errors=True)


def remove_if_abandoned(path: Path) -> bool:
    """Remove the work folder or ``.part`` file ``path`` if no running process owns it; whether it
    was removed."""
    try:
        if path.is_dir() and not path.is_symlink():
            owner_file = path / OWNER_FILE
            if not owner_file.exists():
                if time.time() - path.stat().st_mtime < _UNOWNED_GRACE_SECONDS:
                    return False
            elif not _abandoned(owner_file):
                return False
            else:
                owner_file.unlink()  # on Windows this fails while the owner holds it open
            shutil.rmtree(path)
            return True
        if path.is_file() and _abandoned(path):
            path.unlink()
            return True
    except OSError:
        return False  # in use (Windows), or not ours to remove: left alone
    return False


def _abandoned(path: Path) -> bool:
    """Nobody holds the owner lock of ``path``. On Windows, an owned file cannot be deleted at all,
    which the caller's removal finds out."""
    if os.name != "posix":
        return True
    import fcntl

    descriptor = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True
    finally:
        os.close(descriptor)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` survive a power cut."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def explain_os_error(error: OSError, target: Path, *, reading: bool = False) -> SchoolAidError:
    """A file error in words a user can act on."""
    import errno

    if reading:
        return SchoolAidError(translate(
            "Files", "{path} could not be read: {detail}. If it is on a USB stick, copy it to this PC first.").format(
                path=target, detail=error.strerror or error))
    if error.errno == errno.ENOSPC:
        return SchoolAidError(translate(
            "Files", "The disk is full: {path} was not written. Free some space or choose another disk.").format(
                path=target))
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return SchoolAidError(translate(
            "Files", "{path} cannot be written here (no permission, or a write-protected USB stick). Choose "
            "another folder.").format(path=target))
    return SchoolAidError(translate("Files", "{path} could not be written: {detail}.").format(
        path=target, detail=error.strerror or error))
