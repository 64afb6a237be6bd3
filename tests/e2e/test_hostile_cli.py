"""Hostile files through the command line, as the township's scripts run it: one line, never a traceback,
and the process stays within 2 GiB of address space (a regression fails instead of eating the machine)."""

from __future__ import annotations

import json
import resource
import subprocess
from pathlib import Path

from tests import hostile_files as hostile
from tests.e2e import run


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


def schoolaid(*args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run(run.command(*args), capture_output=True, text=True, env=run.environment(home),
                          timeout=300, preexec_fn=_limited)


def test_hostile_files_are_refused_in_one_line_and_a_web_xls_is_imported(tmp_path) -> None:
    db = tmp_path / "平地镇.sqlite"
    assert schoolaid("demo", "--db", str(db), "--students", "5", home=tmp_path).returncode == 0
    far = hostile.far_cell(tmp_path / "花名册.xlsx", dimension=None)
    bomb = hostile.zip_bomb(tmp_path / "bomb.xlsx", megabytes=120)
    for path, words in ((far, "A1:XFD1048576"), (bomb, "bomb.xlsx")):
        done = schoolaid("roster", "import", str(path), "--db", str(db), "--dry-run", home=tmp_path)
        assert done.returncode == 1, done.stderr
        assert words in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and done.stdout == ""
    web = hostile.html_xls(tmp_path / "学生名单.xls")
    done = schoolaid("roster", "import", str(web), "--db", str(db), "--dry-run", "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["new"] == 3 and report["rejected"] == []
