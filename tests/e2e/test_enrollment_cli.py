"""The 延缓入学 and 休学 approvals from the command line: `roster defer`, `roster suspend`, and the flag
in `roster list --json`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.e2e.run import CLI_TODAY, schoolaid


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "300", "--seed", "11", home=home)
    assert result.returncode == 0, result.stderr
    return home, db


def listed(home: Path, db: Path) -> dict[int, dict]:
    result = schoolaid("roster", "list", "--db", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    return {s["id"]: s for s in json.loads(result.stdout)}


def test_a_deferral_takes_the_应入学_flag_off_the_roster(demo) -> None:
    home, db = demo
    students = listed(home, db)
    assert {s["flag"] for s in students.values()} <= {None, "应入学", "休学无批准", "休学已到期", "转出待核实"}
    due = next(s for s in students.values() if s["flag"] == "应入学")
    assert due["stage"] == "学前"
    until = CLI_TODAY + dt.timedelta(days=200)
    result = schoolaid("roster", "defer", str(due["id"]), "--body", "平地镇人民政府", "--document", "平府教〔2026〕9号",
                       "--approved-on", CLI_TODAY.isoformat(), "--until", until.isoformat(), "--db", str(db), "--json",
                       home=home)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["kind"] == "延缓入学"
    assert listed(home, db)[due["id"]]["flag"] is None


def test_a_suspension_longer_than_a_year_is_refused_in_one_line(demo) -> None:
    home, db = demo
    pupil = next(s for s in listed(home, db).values() if s["status"] == "在读" and s["stage"] == "小学")
    start = CLI_TODAY - dt.timedelta(days=10)
    arguments = ["roster", "suspend", str(pupil["id"]), "--reason", "因病", "--body", "仁和区教育和体育局",
                 "--approved-on", start.isoformat(), "--from", start.isoformat(), "--db", str(db)]
    refused = schoolaid(*arguments, "--to", (start + dt.timedelta(days=400)).isoformat(), home=home)
    assert refused.returncode == 1
    assert refused.stdout == "" and len(refused.stderr.strip().splitlines()) == 1
    assert refused.stderr.startswith("schoolaid: ")
    assert listed(home, db)[pupil["id"]]["status"] == "在读"  # nothing written

    done = schoolaid(*arguments, "--to", (CLI_TODAY + dt.timedelta(days=60)).isoformat(), home=home)
    assert done.returncode == 0, done.stderr
    after = listed(home, db)[pupil["id"]]
    assert (after["status"], after["flag"]) == ("休学", None)


def test_a_deferral_without_its_document_number_is_refused(demo) -> None:
    home, db = demo
    due = next((s for s in listed(home, db).values() if s["stage"] == "学前"), None)
    assert due is not None
    result = schoolaid("roster", "defer", str(due["id"]), "--body", "平地镇人民政府", "--document", " ",
                       "--approved-on", CLI_TODAY.isoformat(), "--until", CLI_TODAY.isoformat(), "--db", str(db),
                       home=home)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
