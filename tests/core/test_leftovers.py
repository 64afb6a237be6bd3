"""Nothing sensitive left behind: a backup export or restore killed half-way leaves its snapshot,
decrypted copy and .part files, which the next start removes (and says so); what is still in use by
a running SchoolAid is left alone; every file holding the data is created 0600, folders 0700."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from sqlcipher3 import (
    dbapi2 as sqlite3,  # the app's driver: two SQLite libraries on one file in one process break its locks
)

from schoolaid.accounts.audit import Actor
from schoolaid.backup import backup, leftovers, safety_copies
from schoolaid.common.files import atomic_path
from schoolaid.demo import create_demo_township
from schoolaid.storage.database import open_database
from schoolaid.township import attachments
from tests.conftest import NOW, TODAY

PASSWORD = "平地镇-backup-2026"
POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def private_temp(tmp_path, monkeypatch) -> Path:
    """The system's temporary folder, for this test alone (others' work folders are not ours to judge)."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.setenv("TMPDIR", str(folder))
    return folder


@pytest.fixture(scope="module")
def school(tmp_path_factory) -> tuple[Path, Path]:
    """A school's database big enough that an export reports progress many times (photos do not
    compress), and its backup."""
    folder = tmp_path_factory.mktemp("school")
    path = folder / "school.sqlite"
    db = open_database(path)
    db.run(create_demo_township, Actor("李老师"), students=60, seed=7, today=TODAY)
    for n in range(3):
        db.run(attachments.add, Actor("李老师"), "visit", 1, f"photo{n}.jpg", b"\xff\xd8\xff" + os.urandom(3 << 20))
    db.close()
    info = backup.write_backup(path, folder / "school.sabk", PASSWORD, now=NOW)
    return path, info.path


KILLED = """
import datetime, os, signal, sys
from pathlib import Path
from schoolaid.backup import backup
from schoolaid.common.progress import Progress

def report(fraction, message):
    if fraction > 0.4:
        os.kill(os.getpid(), signal.SIGKILL)  # the power cut, half-way

now = datetime.datetime(2026, 11, 20, 10, 30)
if sys.argv[1].startswith("export"):
    backup.write_backup(Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], Progress(report), now=now)
else:
    backup.restore_backup(Path(sys.argv[2]), sys.argv[4], Path(sys.argv[3]), Progress(report), now=now)
"""


def killed(*args: str) -> None:
    result = subprocess.run([sys.executable, "-c", KILLED, *args], capture_output=True, timeout=180,
                            env={**os.environ, "TMPDIR": tempfile.gettempdir()})
    assert result.returncode == -signal.SIGKILL, result.stderr


def copy_of(source: Path, folder: Path) -> Path:
    folder.mkdir()
    db_path = folder / "school.sqlite"
    sqlite3.connect(source).execute(f"VACUUM INTO '{db_path}'").connection.close()
    return db_path


@POSIX_ONLY
def test_a_killed_export_leaves_only_an_encrypted_snapshot_which_the_next_start_removes(school, tmp_path):
    source, _file = school
    db_path = copy_of(source, tmp_path / "data")
    folder = db_path.parent
    with contextlib.closing(sqlite3.connect(db_path)) as plain:
        id_numbers = [row[0].encode() for row in plain.execute("SELECT id_number FROM students LIMIT 20")]
    killed("export", str(db_path), f"{folder}/", PASSWORD)

    (work,) = [p for p in folder.iterdir() if p.name.startswith(".schoolaid-backup-")]
    snapshot = work / "snapshot.sqlite"
    data = snapshot.read_bytes()
    assert len(data) > 9 << 20  # everything, encrypted under a key only the killed process knew
    assert not data.startswith(b"SQLite format 3") and not any(number in data for number in id_numbers)
    assert not list(Path(tempfile.gettempdir()).iterdir())
    (part,) = [p for p in folder.iterdir() if p.name.endswith(".sabk.part")]  # encrypted, but half a file
    assert mode(work) == 0o700 and mode(snapshot) == 0o600 and mode(part) == 0o600

    removed = leftovers.remove_leftovers(db_path)
    assert sorted(removed) == sorted([work, part])
    assert sorted(p.name for p in folder.iterdir()) == ["school.sqlite"]
    assert "临时文件" in leftovers.describe_leftovers(removed) or "temporary" in leftovers.describe_leftovers(removed)
    assert leftovers.remove_leftovers(db_path) == []  # said once
    db = open_database(db_path)  # the database itself is untouched
    db.close()


@POSIX_ONLY
def test_a_killed_restore_leaves_its_work_folder_which_the_next_start_removes(school, tmp_path):
    _source, file = school
    target = tmp_path / "restored" / "school.sqlite"
    killed("restore", str(file), str(target), PASSWORD)

    assert not target.exists()
    (work,) = [p for p in target.parent.iterdir() if p.name.startswith(".schoolaid-backup-")]
    assert mode(work) == 0o700
    assert mode(work / "restored.sqlite") == 0o600
    assert leftovers.remove_leftovers(target) == [work]
    assert list(target.parent.iterdir()) == []
    restored = backup.restore_backup(file, PASSWORD, target, now=NOW)
    assert mode(restored.database) == 0o600


@POSIX_ONLY
def test_what_a_running_schoolaid_uses_is_left_alone(school, tmp_path):
    source, file = school
    db_path = tmp_path / "school.sqlite"
    db_path.write_bytes(source.read_bytes())
    with backup.work_folder(db_path.parent) as work, atomic_path(tmp_path / "school.sabk") as part:
        part.write_bytes(b"half")
        viewed = backup.open_for_viewing(file, PASSWORD)
        assert leftovers.remove_leftovers(db_path) == []
        assert work.is_dir() and part.exists() and viewed.path.exists()
        (view_folder,) = Path(tempfile.gettempdir()).iterdir()
        assert mode(view_folder) == 0o700 and mode(viewed.path) == 0o600
        viewed.close()
    assert not work.exists() and not view_folder.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["school.sabk", "school.sqlite", "system-temp"]


@POSIX_ONLY
def test_leftovers_of_a_decrypted_backup_in_the_temporary_folder_are_removed(tmp_path):
    """A view or a verification killed half-way leaves a decrypted database in the system's temporary
    folder (made by an older version: no owner file, so it is removed once it is old)."""
    temp = Path(tempfile.gettempdir())
    old = temp / "schoolaid-view-abc123"
    old.mkdir()
    (old / "backup.sqlite").write_bytes(b"SQLite format 3\x00")
    # Ages are measured on the clock the program sees (CI moves it), not on the file system's own.
    now = time.time()
    os.utime(old, (now - 10 * 86400, now - 10 * 86400))
    fresh = temp / "schoolaid-view-def456"  # just being made by another SchoolAid
    fresh.mkdir()
    os.utime(fresh, (now, now))
    unrelated = temp / "somebody-else"
    unrelated.mkdir()
    assert leftovers.remove_leftovers(tmp_path / "school.sqlite") == [old]
    assert sorted(p.name for p in temp.iterdir()) == ["schoolaid-view-def456", "somebody-else"]


@pytest.fixture
def usual_umask():
    previous = os.umask(0o022)  # the usual: new files readable by everyone
    yield
    os.umask(previous)


@POSIX_ONLY
def test_files_holding_the_data_are_created_private(school, tmp_path, actor, usual_umask):
    source, file = school
    db_path = tmp_path / "new.sqlite"
    db = open_database(db_path)
    db.run(create_demo_township, actor, students=10, seed=3, today=TODAY)
    assert mode(db_path) == 0o600
    assert mode(Path(f"{db_path}-wal")) == 0o600 and mode(Path(f"{db_path}-shm")) == 0o600
    earlier = safety_copies.folder_for(db_path) / "new-20261001-080000.sqlite"  # by an earlier version
    earlier.parent.mkdir(mode=0o755)
    earlier.write_bytes(db_path.read_bytes())
    os.chmod(earlier, 0o644)
    copy = safety_copies.take(db_path, 3, now=NOW)
    assert mode(copy.path) == 0o600 and mode(copy.path.parent) == 0o700 and mode(earlier) == 0o600
    db.close()

    written = backup.write_backup(db_path, tmp_path / "usb" / "school.sabk", PASSWORD, now=NOW)
    assert mode(written.path) == 0o600
    restored = backup.restore_backup(file, PASSWORD, db_path, now=NOW)
    assert restored.kept is not None
    assert mode(restored.kept) == 0o600 and mode(db_path) == 0o600

    old = tmp_path / "old.sqlite"
    old.write_bytes(Path("tests/fixtures/schoolaid-rev0001.sqlite").read_bytes())
    os.chmod(old, 0o644)
    open_database(old).close()  # upgraded: the copy kept before the upgrade is private too
    assert mode(old) == 0o600
    (kept,) = tmp_path.glob("old.before-upgrade-*.sqlite")
    assert mode(kept) == 0o600


WINDOW_KILLED = """
import os, signal, sys
from schoolaid.common.files import EVIDENCE_FOLDER_PREFIX, PRINT_FOLDER_PREFIX, ProcessFolder

for prefix in (PRINT_FOLDER_PREFIX, EVIDENCE_FOLDER_PREFIX):
    folder = ProcessFolder(prefix).path
    (folder / "敦促入学通知书.pdf").write_bytes(b"%PDF-1.4 a child's name")
os.kill(os.getpid(), signal.SIGKILL)  # the window killed with a printout waiting in its preview
"""


@POSIX_ONLY
def test_the_windows_print_and_evidence_folders_are_private_owned_and_swept_after_a_kill(tmp_path):
    from schoolaid.common.files import PRINT_FOLDER_PREFIX, ProcessFolder

    temp = Path(tempfile.gettempdir())
    result = subprocess.run([sys.executable, "-c", WINDOW_KILLED], capture_output=True, timeout=60,
                            env={**os.environ, "TMPDIR": str(temp)})
    assert result.returncode == -signal.SIGKILL, result.stderr
    left = sorted(temp.iterdir())
    assert [p.name[:len("schoolaid-print-")] for p in left] == ["schoolaid-eviden", "schoolaid-print-"]
    assert all(mode(p) == 0o700 for p in left)

    in_use = ProcessFolder(PRINT_FOLDER_PREFIX)  # this process's own preview folder, while it runs
    (in_use.path / "notice.pdf").write_bytes(b"%PDF")
    assert sorted(leftovers.remove_leftovers(tmp_path / "school.sqlite")) == left
    assert list(temp.iterdir()) == [in_use.path]
