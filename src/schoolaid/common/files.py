"""Writing files so that a power cut or a pulled USB stick never leaves one that looks complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

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
    os.close(handle)
    temporary = Path(name)
    try:
        os.chmod(temporary, 0o600)  # personal data: readable by this user only until renamed
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
        sync_folder(target.parent)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise explain_os_error(exc, target) from exc
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


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
