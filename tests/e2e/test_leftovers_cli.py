"""A backup export or restore killed half-way (a power cut) leaves half a backup or a decrypted copy
of the data beside the database; the next command removes it and says so, in one line on stderr."""

from __future__ import annotations

import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e import run
from tests.e2e.run import schoolaid

PASSWORD = "春季学期-2026"
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and POSIX file modes")


def killed_during(service: str, *args: str, home: Path) -> None:
    result = subprocess.run(run.command(*args), capture_output=True, text=True, timeout=300,
                            env={**run.environment(home), "SCHOOLAID_TEST_KILL_DURING": f"schoolaid.backup.backup:{service}:0.3"})
    assert result.returncode == -signal.SIGKILL, result.stderr


def work_folders(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith(".schoolaid-backup-")]


@pytest.fixture(scope="module")
def school(tmp_path_factory) -> dict[str, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "school" / "平地镇.sqlite"
    assert schoolaid("demo", "--db", str(db), "--students", "200", home=home).returncode == 0
    password = home / "password.txt"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    return {"home": home, "db": db, "password": password}


def test_a_killed_export_is_cleaned_up_by_the_next_command(school):
    db, home = school["db"], school["home"]
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    export = ("backup", "export", "--db", str(db), "--out", f"{db.parent}/", "--password-file", str(school["password"]))
    killed_during("export_backup", *export, home=home)
    (work,) = work_folders(db.parent)  # the snapshot, encrypted under a key only the killed process knew
    assert not (work / "snapshot.sqlite").read_bytes().startswith(b"SQLite format 3")  # no plain copy of the data
    (part,) = db.parent.glob(".*.sabk.part")  # half an encrypted file
    assert stat.S_IMODE(part.stat().st_mode) == 0o600

    again = schoolaid(*export, home=home)
    assert again.returncode == 0, again.stderr
    said = [line for line in again.stderr.splitlines() if part.name in line]
    assert len(said) == 1 and "临时文件" in said[0]
    assert not work_folders(db.parent) and not list(db.parent.glob(".*.part"))
    (file,) = db.parent.glob("*.sabk")
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    school["file"] = file


def test_a_killed_restore_is_cleaned_up_by_the_next_restore(school, tmp_path):
    if "file" not in school:
        pytest.skip("needs the export of the test before")
    target = tmp_path / "restored" / "school.sqlite"
    restore = ("backup", "restore", str(school["file"]), "--db", str(target), "--password-file",
               str(school["password"]))
    killed_during("restore_backup", *restore, home=school["home"])
    (work,) = work_folders(target.parent)
    assert stat.S_IMODE(work.stat().st_mode) == 0o700 and not target.exists()

    again = schoolaid(*restore, home=school["home"])
    assert again.returncode == 0, again.stderr
    assert work.name in again.stderr and "临时文件" in again.stderr
    assert not work_folders(target.parent)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
