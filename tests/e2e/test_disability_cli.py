"""Children with disabilities from the command line (issue 19): `disability set`, `disability visit`,
`disability list --json`, and `print home-teaching` read back; bad input refused in one line, nothing written.
The demo's home-taught child is on the list, placed 送教上门, with their visits — and not a closed case."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.run import CLI_TODAY, schoolaid

KEYS = {"student_id", "name", "school", "grade", "status", "record", "last_visit", "visits", "visit_overdue"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "300", "--seed", "11", home=home)
    assert result.returncode == 0, result.stderr
    return home, db


def listed(home: Path, db: Path) -> list[dict]:
    result = schoolaid("disability", "list", "--db", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert set(found) == {"children"}
    return found["children"]


def refused_in_one_line(result) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("schoolaid: ")


def a_pupil(home: Path, db: Path, taken: set[int]) -> int:
    result = schoolaid("roster", "list", "--db", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    rows = rows["students"] if isinstance(rows, dict) else rows
    return next(r["id"] for r in rows if r["status"] == "在读" and r["id"] not in taken)


def test_the_demos_home_taught_child_is_a_placement_with_visits(demo) -> None:
    home, db = demo
    [child] = [c for c in listed(home, db) if c["record"]["placement"] == "送教上门"]
    assert KEYS <= set(child) and child["status"] == "在读" and child["visits"] == 4
    assert child["visit_overdue"] is False and child["record"]["assessed_on"]
    cases = schoolaid("cases", "list", "--db", str(db), "--json", home=home)
    assert cases.returncode == 0 and "送教上门" not in cases.stdout


def test_set_visit_list_and_print(demo, tmp_path) -> None:
    home, db = demo
    sid = a_pupil(home, db, {c["student_id"] for c in listed(home, db)})
    placed_on = (CLI_TODAY - dt.timedelta(days=20)).isoformat()
    done = schoolaid("disability", "set", str(sid), "--category", "听力", "--grade", "二级", "--assessed-on",
                     (CLI_TODAY - dt.timedelta(days=25)).isoformat(), "--decision", "不能到校就读，送教上门",
                     "--placement", "送教上门", "--since", placed_on, "--db", str(db), "--json", home=home)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert (record["student_id"], record["category"], record["grade"], record["placement"], record["since"]) == (
        sid, "听力", "二级", "送教上门", placed_on)
    visit_day = (CLI_TODAY - dt.timedelta(days=3)).isoformat()
    photo = tmp_path / "照片.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n fake")
    logged = schoolaid("disability", "visit", str(sid), "--on", visit_day, "--teacher", "周老师", "--hours", "1.5",
                       "--content", "手语：日常问候二十个", "--evidence", str(photo), "--db", str(db), home=home)
    assert logged.returncode == 0, logged.stderr
    [mine] = [c for c in listed(home, db) if c["student_id"] == sid]
    assert (mine["visits"], mine["last_visit"], mine["visit_overdue"]) == (1, visit_day, False)
    text = schoolaid("disability", "list", "--db", str(db), home=home)
    assert text.returncode == 0 and "听力残疾二级，送教上门" in text.stdout
    out = tmp_path / "register.pdf"
    printed = schoolaid("print", "home-teaching", "--db", str(db), "--out", str(out), home=home)
    assert printed.returncode == 0, printed.stderr
    words = "".join(page.extract_text() for page in PdfReader(out).pages).replace(" ", "")
    for expected in ("送教上门登记表", "共2人", mine["name"], "听力残疾", visit_day, "周老师", "1.5", "手语：日常问候二十个"):
        assert expected in words, expected
    school = mine["school"]
    one = schoolaid("print", "home-teaching", "--db", str(db), "--out", str(out), "--school", school, "--year",
                    str(CLI_TODAY.year if CLI_TODAY.month >= 9 else CLI_TODAY.year - 1), home=home)
    assert one.returncode == 0, one.stderr
    assert f"{school}送教上门登记表" in "".join(p.extract_text() for p in PdfReader(out).pages).replace(" ", "")


def test_bad_input_is_refused_in_one_line_and_nothing_is_written(demo, tmp_path) -> None:
    home, db = demo
    before = listed(home, db)
    sid = a_pupil(home, db, {c["student_id"] for c in before})
    base = ["disability", "set", str(sid), "--grade", "一级", "--placement", "随班就读", "--db", str(db)]
    refused_in_one_line(schoolaid(*base, "--category", "近视", home=home))
    refused_in_one_line(schoolaid(*base, "--category", "视力", "--assessed-on", "2026-13-01", home=home))
    refused_in_one_line(schoolaid("disability", "visit", str(sid), "--on", CLI_TODAY.isoformat(), "--teacher", "周老师",
                                  "--hours", "2", "--content", "识字", "--db", str(db), home=home))  # not placed 送教上门
    refused_in_one_line(schoolaid("print", "home-teaching", "--db", str(db), "--out", str(tmp_path / "x.pdf"),
                                  "--school", "没有这所学校", home=home))
    assert listed(home, db) == before and not (tmp_path / "x.pdf").exists()
