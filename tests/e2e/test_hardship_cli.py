"""The assessment of need through the command line, as the township's scripts read it: list (exact
keys), propose the priority groups, confirm them, the 公示 refused when too short and printed when not,
on file after it ends."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pypdf
import pytest

from schoolaid.common.school_calendar import SchoolYear
from tests.e2e.run import CLI_TODAY, schoolaid

YEAR = str(SchoolYear.containing(CLI_TODAY).start_year)
KEYS = {"id", "name", "level", "basis", "status"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "200", home=home)
    assert result.returncode == 0, result.stderr
    return home, db


def run(demo, *words: str) -> str:
    home, db = demo
    result = schoolaid("hardship", *words, "--db", str(db), home=home)
    assert result.returncode == 0, result.stderr
    return result.stdout


def listed(demo, *options: str) -> list[dict]:
    data = json.loads(run(demo, "list", "--year", YEAR, "--json", *options))
    assert list(data) == ["students"]
    return data["students"]


def next_monday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=7 - day.weekday())


def test_propose_decide_publicity_and_file(demo, tmp_path):
    home, db = demo
    pending = listed(demo)
    assert pending and all(KEYS <= set(s) for s in pending)
    assert {s["status"] for s in pending} == {"待申请"} and all(s["basis"] and s["level"] == "" for s in pending)
    out = run(demo, "propose", "--year", YEAR)
    assert str(len(pending)) in out and out.count("\n") == 1
    assert json.loads(run(demo, "propose", "--year", YEAR, "--json"))["proposed"] == 0
    proposed = listed(demo, "--status", "已申请")
    assert {s["id"] for s in proposed} == {s["id"] for s in pending}
    decided = json.loads(run(demo, "decide", "--proposed", YEAR, "--level", "困难", "--json"))
    assert decided == {"decided": len(pending), "level": "困难"}
    assert {(s["status"], s["level"]) for s in listed(demo)} == {("已认定", "困难")}
    # Friday to Tuesday: three working days, refused with the reason.
    friday = CLI_TODAY + dt.timedelta(days=(4 - CLI_TODAY.weekday()) % 7)
    refused = schoolaid("hardship", "publicity", "--year", YEAR, "--from", friday.isoformat(), "--to",
                        (friday + dt.timedelta(days=4)).isoformat(), "--phone", "0812-1234567", "--db", str(db),
                        home=home)
    assert refused.returncode == 1 and "5" in refused.stderr and "3" in refused.stderr
    monday = next_monday(CLI_TODAY) + dt.timedelta(days=14)  # clear of any holiday a moved clock lands near
    pdf = tmp_path / "公示表.pdf"
    shown = json.loads(run(demo, "publicity", "--year", YEAR, "--from", monday.isoformat(), "--to",
                           (monday + dt.timedelta(days=4)).isoformat(), "--phone", "0812-1234567",
                           "--out", str(pdf), "--json"))
    assert shown["students"] == len(pending) and shown["pages"] >= 1
    text = "".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    assert pending[0]["name"] in text and "异议电话" in text
    assert {s["status"] for s in listed(demo)} == {"公示中"}
    too_early = schoolaid("hardship", "file", "--publicity", str(shown["publicity"]), "--date", monday.isoformat(),
                          "--db", str(db), home=home)
    assert too_early.returncode == 1


def test_apply_and_print_the_form(demo, tmp_path):
    # Standing alone or after the test above: the first application is taken, the second refused.
    students = listed(demo)
    if students[0]["status"] == "待申请":
        run(demo, "apply", "--student", str(students[0]["id"]), "--year", YEAR, "--reasons", "因病")
    bad = schoolaid("hardship", "apply", "--student", str(students[0]["id"]), "--year", YEAR, "--reasons", "因病",
                    "--db", str(demo[1]), home=demo[0])
    assert bad.returncode == 1 and students[0]["name"] in bad.stderr  # already applied or assessed this year
    form = tmp_path / "申请表.pdf"
    run(demo, "form", "--student", str(students[0]["id"]), "--year", YEAR, "--out", str(form))
    assert "家庭经济困难学生认定申请表" in "".join(p.extract_text() for p in pypdf.PdfReader(form).pages)
