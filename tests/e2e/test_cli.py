"""The command line end to end, as the township's scripts call it: a real process, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schoolaid import __version__
from schoolaid.roster import idnumber
from tests.conftest import TODAY
from tests.e2e.run import CLI_TODAY, schoolaid


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "300", "--seed", "11", home=home)
    assert result.returncode == 0, result.stderr
    assert "300 名学生" in result.stdout
    return home, db


def test_roster_list_json_shape(demo) -> None:
    home, db = demo
    result = schoolaid("roster", "list", "--db", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    students = json.loads(result.stdout)
    assert len(students) == 300
    for key in ("id", "name", "sex", "birth_date", "school", "grade", "status"):
        assert key in students[0]
    assert {s["sex"] for s in students} == {"男", "女"}
    assert {s["status"] for s in students} >= {"在读"}
    assert all("*" * 10 in s["id_number_masked"] for s in students)
    assert "id_number" not in students[0]
    # The categories came in beside the key earlier scripts read, which stays.
    assert {s["registered_poor"] for s in students if s["category"] in ("脱贫户", "防止返贫监测对象")} == {True}
    assert {s["registered_poor"] for s in students if s["category"] == "一般户"} == {False}


def test_roster_list_full_ids_only_on_request(demo) -> None:
    home, db = demo
    students = json.loads(schoolaid("roster", "list", "--db", str(db), "--json", "--full-id", home=home).stdout)
    assert all(idnumber.check(s["id_number"], today=TODAY).is_valid for s in students)


def test_roster_list_search_and_status_filters(demo) -> None:
    home, db = demo
    everyone = json.loads(schoolaid("roster", "list", "--db", str(db), "--json", home=home).stdout)
    name = everyone[0]["name"]
    found = json.loads(schoolaid("roster", "list", "--db", str(db), "--json", "--search", name, home=home).stdout)
    assert name in [s["name"] for s in found]
    transferred = json.loads(schoolaid("roster", "list", "--db", str(db), "--json", "--status", "转出",
                                       home=home).stdout)
    assert transferred and {s["status"] for s in transferred} == {"转出"}


def test_plain_listing_is_a_tab_separated_table_in_chinese(demo) -> None:
    home, db = demo
    result = schoolaid("roster", "list", "--db", str(db), home=home)
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:3] == ["姓名", "性别", "出生日期"]
    assert len(lines) == 301
    assert "共 300 名学生" in result.stderr


def test_demo_refuses_a_database_with_data(demo) -> None:
    home, db = demo
    result = schoolaid("demo", "--db", str(db), home=home)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "已有数据" in result.stderr


def test_bad_input_exits_1_with_one_line(tmp_path) -> None:
    missing = schoolaid("roster", "list", "--db", str(tmp_path / "nowhere.sqlite"), home=tmp_path)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "没有数据库" in missing.stderr
    assert not (tmp_path / "nowhere.sqlite").exists()
    spreadsheet = tmp_path / "roster.xlsx"
    spreadsheet.write_bytes(b"PK\x03\x04 this is a spreadsheet")
    wrong = schoolaid("roster", "list", "--db", str(spreadsheet), home=tmp_path)
    assert wrong.returncode == 1 and "不是校助数据库" in wrong.stderr


def test_bad_usage_exits_2(tmp_path) -> None:
    assert schoolaid("roster", "lst", home=tmp_path).returncode == 2
    assert schoolaid("demo", "--students", "many", home=tmp_path).returncode == 2


def test_version_and_help(tmp_path) -> None:
    version = schoolaid("--version", home=tmp_path)
    assert version.returncode == 0 and version.stdout.strip() == f"SchoolAid {__version__}"
    help_text = schoolaid("--help", home=tmp_path)
    assert help_text.returncode == 0 and "学生花名册" in help_text.stdout


def test_default_database_lives_in_the_user_data_folder(tmp_path) -> None:
    result = schoolaid("demo", "--students", "5", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "SchoolAid" / "schoolaid.sqlite").exists()
    listing = json.loads(schoolaid("roster", "list", "--json", home=tmp_path).stdout)
    assert len(listing) == 5


def test_pairing_list_json_shape(demo) -> None:
    home, db = demo
    result = schoolaid("pairing", "list", "--db", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    for key in ("pairings", "unpaired_households", "over_quota", "under_quota", "overdue_visits"):
        assert isinstance(report[key], list)
    assert report["pairings"] and report["unpaired_households"]
    first = report["pairings"][0]
    assert {"staff", "household_head", "start_date", "last_visit"} <= set(first)
    assert {p["poverty_status"] for p in report["pairings"]} <= {"一般户", "已脱贫", "监测户"}
    assert {h["poverty_status"] for h in report["unpaired_households"]} <= {"一般户", "已脱贫", "监测户"}
    plain = schoolaid("pairing", "list", "--db", str(db), home=home)
    assert plain.returncode == 0 and "户需要结对" in plain.stderr


def test_pairing_register_and_visit_sheets(demo, tmp_path) -> None:
    import openpyxl

    home, db = demo
    register = tmp_path / "结对帮扶花名册.xlsx"
    assert schoolaid("pairing", "register", str(register), "--db", str(db), home=home).returncode == 0
    assert openpyxl.load_workbook(register).active["A1"].value.endswith("结对帮扶花名册")
    sheets = tmp_path / "走访记录表.xlsx"
    result = schoolaid("pairing", "visits", str(sheets), "--db", str(db), home=home)
    assert result.returncode == 0 and "走访记录表" in result.stdout
    assert len(openpyxl.load_workbook(sheets).sheetnames) >= 5


def test_ledger_programmes_post_and_gaps(demo, tmp_path) -> None:
    home, db = demo
    programmes = json.loads(schoolaid("ledger", "programmes", "--db", str(db), "--json", home=home).stdout)
    assert {p["code"] for p in programmes} >= {"BYJY", "SHF", "ZXJ"}
    byjy = next(p for p in programmes if p["code"] == "BYJY")
    assert (byjy["amount_yuan"], byjy["per"], byjy["name"]) == (40.0, "month", "保育教育费资助")
    month = CLI_TODAY.strftime("%Y-%m")
    if CLI_TODAY.month in (7, 8):
        month = f"{CLI_TODAY.year}-06"
    quarter = f"{month[:4]}-Q{(int(month[5:]) - 1) // 3 + 1}"
    gaps_before = json.loads(schoolaid("ledger", "gaps", "--period", quarter, "--db", str(db), "--json",
                                       home=home).stdout)["gaps"]
    dry = json.loads(schoolaid("ledger", "post", "--programme", "SHF", "--month", month, "--db", str(db), "--json",
                               "--dry-run", home=home).stdout)
    first = json.loads(schoolaid("ledger", "post", "--programme", "SHF", "--month", month, "--db", str(db), "--json",
                                 home=home).stdout)
    assert first["posted"] == dry["posted"] and first["total_yuan"] == dry["total_yuan"]
    again = json.loads(schoolaid("ledger", "post", "--programme", "SHF", "--month", month, "--db", str(db), "--json",
                                 home=home).stdout)
    assert again["posted"] == 0 and again["total_yuan"] == 0
    gaps_after = json.loads(schoolaid("ledger", "gaps", "--period", quarter, "--db", str(db), "--json",
                                      home=home).stdout)["gaps"]
    assert len(gaps_after) == len(gaps_before) - first["posted"]
    holiday = schoolaid("ledger", "post", "--programme", "SHF", "--month", f"{month[:4]}-08", "--db", str(db),
                        home=home)
    assert holiday.returncode == 1 and "假期" in holiday.stderr
    bad_period = schoolaid("ledger", "gaps", "--period", "last month", "--db", str(db), home=home)
    assert bad_period.returncode == 1
    out = tmp_path / "资助台账.xlsx"
    exported = schoolaid("ledger", "export", str(out), "--db", str(db), home=home)
    assert exported.returncode == 0 and out.exists()
