"""What a SchoolAid killed in the middle of its work leaves behind, removed at the next start: its own
module, with nothing of the database machinery, because the window's start sweeps it before its first
window (the sign-in) is drawn."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from schoolaid.common.files import (
    EVIDENCE_FOLDER_PREFIX,
    PART_SUFFIX,
    PRINT_FOLDER_PREFIX,
    remove_if_abandoned,
)
from schoolaid.common.i18n import translate

WORK_PREFIX = ".schoolaid-backup-"
VIEW_PREFIX = "schoolaid-view-"
# Work folders of this and earlier versions: beside the database, and in the system's temporary folder.
_WORK_FOLDERS_BESIDE = (WORK_PREFIX, ".schoolaid-restore-")
_WORK_FOLDERS_IN_TEMP = (WORK_PREFIX, WORK_PREFIX.lstrip("."), VIEW_PREFIX, "schoolaid-township-", PRINT_FOLDER_PREFIX,
                         EVIDENCE_FOLDER_PREFIX)


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
