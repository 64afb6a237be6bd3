"""`schoolaid reconcile import` and `reconcile lists` end to end: real processes on real files (a messy
register of a few thousand people, a GBK CSV), the --json shapes exact, exit 1 with one line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from schoolaid.common.school_calendar import SchoolYear
from tests.e2e.run import CLI_TODAY, schoolaid
from tests.reference_lists import make_register_people, messy_register, write_hukou_csv

AGE_DAY = SchoolYear.containing(CLI_TODAY).age_reference_day


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "100", "--seed", "3", home=home)
    assert result.returncode == 0, result.stderr
    return home, db


def lists_json(home: Path, db: Path) -> list[dict]:
    result = schoolaid("reconcile", "lists", "--db", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["lists"]


def test_a_messy_register_imports_with_the_exact_json_and_is_kept_on_record(demo, tmp_path) -> None:
    home, db = demo
    path = tmp_path / "平地镇波西村户籍人口花名册.xlsx"
    expected = messy_register(path, village="波西村", households=800, reference_day=AGE_DAY, seed=2)
    before = lists_json(home, db)

    dry = schoolaid("reconcile", "import", str(path), "--list", "hukou", "--db", str(db), "--dry-run", "--json",
                    home=home)
    assert dry.returncode == 0, dry.stderr
    assert lists_json(home, db) == before  # a dry run writes nothing

    result = schoolaid("reconcile", "import", str(path), "--list", "hukou", "--db", str(db), "--json",
                       "--source", "平地派出所", "--received", CLI_TODAY.isoformat(), home=home)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary == json.loads(dry.stdout)
    assert list(summary) == ["list", "people", "children", "rejected", "warnings"]
    assert (summary["list"], summary["people"], summary["children"]) == ("hukou", expected.kept, expected.children)
    assert [sorted(item) for item in summary["rejected"]] == [["name", "reason", "row"]] * 3
    assert {item["row"]: item["name"] for item in summary["rejected"]} == expected.rejected
    assert all(item["reason"] for item in summary["rejected"])
    assert [item["row"] for item in summary["warnings"]] == list(expected.merged)
    assert all(sorted(item) == ["name", "reason", "row"] for item in summary["warnings"])

    stored = lists_json(home, db)[0]
    assert {key: stored[key] for key in ("list", "village", "source", "received_on", "people", "children",
                                         "rejected", "active", "file_name")} == {
        "list": "hukou", "village": "波西村", "source": "平地派出所", "received_on": CLI_TODAY.isoformat(),
        "people": expected.kept, "children": expected.children, "rejected": 3, "active": True, "file_name": path.name}

    verified = schoolaid("audit", "verify", "--db", str(db), "--json", home=home)
    assert verified.returncode == 0, verified.stdout
    assert json.loads(verified.stdout)["ok"] is True


def test_a_gbk_csv_for_a_chosen_village_replaces_that_villages_older_list(demo, tmp_path) -> None:
    home, db = demo
    people = make_register_people("双河村", 30, reference_day=AGE_DAY, seed=5)
    path = write_hukou_csv(tmp_path / "双河村.csv", people, village_column=False)
    # The demo's own register of 双河村 came some weeks ago; this one is newer, the next newer still.
    earlier = (CLI_TODAY - dt.timedelta(days=10)).isoformat()
    first = schoolaid("reconcile", "import", str(path), "--list", "hukou", "--db", str(db), "--village", "双河村",
                      "--received", earlier, home=home)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip()
    second = schoolaid("reconcile", "import", str(path), "--list", "hukou", "--db", str(db), "--village", "双河村",
                       "--json", home=home)
    assert second.returncode == 0, second.stderr
    kept = [p for p in people if p.is_child_on(AGE_DAY) or p.is_head]
    assert json.loads(second.stdout)["people"] == len(kept)
    shuanghe = [item for item in lists_json(home, db) if item["village"] == "双河村"]
    assert [(item["active"], item["received_on"]) for item in shuanghe[:2]] == [
        (True, CLI_TODAY.isoformat()), (False, earlier)]
    assert len(shuanghe) == 3 and not shuanghe[2]["active"]  # the demo's, still on record
    assert shuanghe[1]["replaced_by"] == shuanghe[0]["id"] and shuanghe[1]["people"] == len(kept)


def test_an_unreadable_file_or_an_unknown_village_exits_1_with_one_line(demo, tmp_path) -> None:
    home, db = demo
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(b"PK\x03\x04 broken")
    result = schoolaid("reconcile", "import", str(broken), "--list", "hukou", "--db", str(db), "--json", home=home)
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "坏文件.xlsx" in result.stderr

    path = write_hukou_csv(tmp_path / "r.csv", make_register_people("波西村", 3, reference_day=AGE_DAY))
    result = schoolaid("reconcile", "import", str(path), "--list", "hukou", "--db", str(db), "--village", "石门村",
                       home=home)
    assert result.returncode == 1 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and "石门村" in result.stderr

    result = schoolaid("reconcile", "import", str(path), "--list", "census", "--db", str(db), home=home)
    assert result.returncode == 2  # bad usage


def test_a_registry_export_without_a_school_column_and_the_plain_listing(demo, tmp_path) -> None:
    from schoolaid.roster.idnumber import make_number

    home, db = demo
    number = make_number("510411", CLI_TODAY.replace(year=CLI_TODAY.year - 9, month=3, day=2), 11)
    path = tmp_path / "学籍.csv"
    path.write_text(f"全国学籍号,姓名,性别,年级\nG{number},张三,男,四年级\nL2016030200001,李四,女,四年级\n",
                    encoding="utf-8")
    refused = json.loads(schoolaid("reconcile", "import", str(path), "--list", "registry", "--db", str(db), "--json",
                                   "--dry-run", home=home).stdout)
    assert refused["people"] == 0 and len(refused["rejected"]) == 2
    result = schoolaid("reconcile", "import", str(path), "--list", "registry", "--db", str(db), "--json",
                       "--school", "波西村小学", "--source", "学籍系统", home=home)
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert (summary["list"], summary["people"], summary["children"], summary["rejected"]) == ("registry", 2, 2, [])
    plain = schoolaid("reconcile", "lists", "--db", str(db), home=home)
    assert plain.returncode == 0, plain.stderr
    first = plain.stdout.splitlines()[0].split("\t")
    assert first[0] == CLI_TODAY.isoformat() and "学籍系统" in first and path.name in first
