"""The term-start check (开学摸排) on the command line: ``cases report-back`` ticks pupils of a class,
``cases term-start`` lists progress per class and who has not reported back; bad input is one line
and exit 1."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from schoolaid.accounts.audit import Actor
from schoolaid.roster import roster
from schoolaid.storage.database import open_database
from schoolaid.township import township
from schoolaid.township.township import SchoolEntry, SetupForm
from tests.conftest import student_form
from tests.e2e.run import schoolaid

FIFTH = dt.datetime(2026, 9, 7, 10, 0)  # the 5th school day of the autumn term 2026


@pytest.fixture
def school(tmp_path):
    path = tmp_path / "平地镇.sqlite"
    db = open_database(path)
    actor = Actor("李老师")
    db.run(township.initial_setup, actor, SetupForm(
        township="平地镇", central_school="平地镇中心校", villages=[("波西村", True)],
        village_schools=[SchoolEntry("波西村小学", "波西村")]))
    ids = [db.run(roster.add_student, actor, student_form(db, name, sequence=n, guardian_name="张大山",
                                                          entry_date=dt.date(2022, 9, 1)), today=dt.date(2026, 8, 20))
           for n, name in enumerate(("张一", "王二", "李三"), start=1)]
    db.close()
    return tmp_path, path, ids


def run(school, *args: str):
    home, path, _ids = school
    return schoolaid("cases", *args, "--db", str(path), home=home, now=FIFTH)


def test_report_back_and_progress(school):
    _home, _path, ids = school
    result = run(school, "report-back", "--class", "四年级1班", "--school", "平地镇中心校",
                 "--students", f"{ids[0]},{ids[1]}", "--on", "2026-09-01", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["recorded"], data["reported"], data["expected"]) == (2, 2, 3)
    result = run(school, "term-start", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["term"] == "2026秋" and data["check_ends"] == "2026-09-14"
    assert [(c["class"], c["reported"], [p["name"] for p in c["not_reported"]]) for c in data["classes"]] == [
        ("四年级1班", 2, ["李三"])]
    text = run(school, "term-start")
    assert text.returncode == 0 and "2/3" in text.stdout and "李三" in text.stdout
    withdrawn = run(school, "report-back", "--class", "四年级1班", "--school", "平地镇中心校",
                    "--students", str(ids[1]), "--withdraw", "--json")
    assert json.loads(withdrawn.stdout)["reported"] == 1


@pytest.mark.parametrize("arguments", [
    ("--class", "四年级9班", "--school", "平地镇中心校", "--students", "1"),
    ("--class", "四年级1班", "--school", "没有的学校", "--students", "1"),
    ("--class", "四年级1班", "--school", "平地镇中心校", "--students", "1,x"),
    ("--class", "四年级1班", "--school", "平地镇中心校", "--students", "999"),
    ("--class", "四年级1班", "--school", "平地镇中心校", "--students", "1", "--on", "2026-09-30"),
])
def test_bad_input_is_one_line_and_exit_1(school, arguments):
    result = run(school, "report-back", *arguments)
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and result.stderr.startswith("schoolaid:")
