"""Transfers from the command line: `transfers list --json` with its exact keys, `transfers confirm`, and
`transfers destination`; bad input refused with exit 1 in one line, nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.run import CLI_TODAY, schoolaid

KEYS = {"student", "direction", "school", "since", "confirmed", "overdue"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "300", "--seed", "11", home=home)
    assert result.returncode == 0, result.stderr
    return home, db


def listed(home: Path, db: Path) -> list[dict]:
    result = schoolaid("transfers", "list", "--db", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert set(found) == {"transfers"}
    return found["transfers"]


def refused_in_one_line(result) -> None:
    assert result.returncode == 1, result.stderr
    assert result.stdout == "" and len(result.stderr.strip().splitlines()) == 1
    assert result.stderr.startswith("schoolaid: ")


def test_the_list_has_the_transfers_with_the_agreed_keys(demo) -> None:
    home, db = demo
    found = listed(home, db)
    assert found and all(KEYS <= set(t) for t in found)
    assert {t["direction"] for t in found} <= {"转出", "转入"}
    assert all(isinstance(t["confirmed"], bool) and isinstance(t["overdue"], bool) for t in found)
    assert all(not (t["confirmed"] and t["overdue"]) for t in found)
    text = schoolaid("transfers", "list", "--db", str(db), home=home)
    assert text.returncode == 0 and found[0]["student"] in text.stdout


def test_confirming_a_transfer_and_its_bad_input(demo) -> None:
    home, db = demo
    pending = next(t for t in listed(home, db) if t["direction"] == "转出" and not t["confirmed"])
    arguments = ["transfers", "confirm", str(pending["id"]), "--with", "接收学校教务处李老师", "--db", str(db)]
    refused_in_one_line(schoolaid(*arguments, "--how", "微信", "--on", CLI_TODAY.isoformat(), home=home))
    refused_in_one_line(schoolaid(*arguments, "--how", "学籍系统", "--on", "2026-13-01", home=home))
    refused_in_one_line(schoolaid("transfers", "confirm", "999999", "--how", "电话", "--with", "李老师", "--on",
                                  CLI_TODAY.isoformat(), "--db", str(db), home=home))
    assert next(t for t in listed(home, db) if t["id"] == pending["id"])["confirmed"] is False  # nothing written
    done = schoolaid(*arguments, "--how", "学籍系统", "--on", CLI_TODAY.isoformat(), "--json", home=home)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["confirmed"] is True
    after = next(t for t in listed(home, db) if t["id"] == pending["id"])
    assert (after["confirmed"], after["overdue"], after["confirmed_how"]) == (True, False, "学籍系统")
    refused_in_one_line(schoolaid(*arguments, "--how", "电话", "--on", CLI_TODAY.isoformat(), home=home))


def test_a_graduates_destination(demo) -> None:
    home, db = demo
    result = schoolaid("roster", "list", "--db", str(db), "--json", "--status", "毕业", home=home)
    assert result.returncode == 0, result.stderr
    graduate = json.loads(result.stdout)[0]
    arguments = ["transfers", "destination", str(graduate["id"]), "--db", str(db)]
    refused_in_one_line(schoolaid(*arguments, "--to", "未升学", home=home))  # no reason
    done = schoolaid(*arguments, "--to", "升学", "--school", "平地镇中学", "--how", "接收学校回执", "--with", "平地镇中学王老师",
                     "--on", CLI_TODAY.isoformat(), "--json", home=home)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["confirmed"] is True


def test_a_transfer_in_says_where_the_child_came_from(demo) -> None:
    home, db = demo
    result = schoolaid("roster", "list", "--db", str(db), "--json", home=home)
    pupil = next(s for s in json.loads(result.stdout) if s["status"] == "在读" and s["stage"] == "小学")
    arguments = ["transfers", "in", str(pupil["id"]), "--from", "会理市城关小学", "--db", str(db)]
    refused_in_one_line(schoolaid(*arguments, "--place", " ", "--on", CLI_TODAY.isoformat(), home=home))
    done = schoolaid(*arguments, "--place", "凉山州会理市", "--on", CLI_TODAY.isoformat(), "--json", home=home)
    assert done.returncode == 0, done.stderr
    [came_in] = [t for t in listed(home, db) if t["direction"] == "转入" and t["student_id"] == pupil["id"]]
    assert (came_in["school"], came_in["place"], came_in["confirmed"], came_in["overdue"]) == (
        "会理市城关小学", "凉山州会理市", False, False)
