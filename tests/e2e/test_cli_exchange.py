"""Roster exchange through the command line on real files: xlsx in, xlsx out, and a killed import."""

from __future__ import annotations

import datetime as dt
import json
import signal
import sqlite3
import subprocess
from pathlib import Path

import openpyxl
import pytest

from schoolaid.common.school_calendar import SchoolYear
from tests.e2e import run
from tests.sheets import id_for, registry_export, student_row

BORN = SchoolYear.containing(run.CLI_TODAY).start_year - 10  # the fourth graders' year of birth, as the sheets say


def schoolaid(*args: str, home: Path) -> subprocess.CompletedProcess:
    return run.schoolaid(*args, home=home, timeout=300)


@pytest.fixture
def township(tmp_path) -> Path:
    db = tmp_path / "平地镇.sqlite"
    assert schoolaid("demo", "--db", str(db), "--students", "30", home=tmp_path).returncode == 0
    return db


def messy_sheet(path: Path) -> Path:
    return registry_export(path, [
        student_row("新同学", dt.date(BORN, 3, 2), 401),
        student_row("王五", dt.date(BORN, 7, 1), 402, id_number=5.10411201607010e17),
        student_row("", dt.date(BORN, 7, 9), 403),
        student_row("赵六", dt.date(BORN, 8, 1), 404, birth_cell=f"{BORN}年8月2日"),
    ])


def test_import_json_shape_and_exit_status(township, tmp_path) -> None:
    sheet = messy_sheet(tmp_path / "roster.xlsx")
    dry = schoolaid("roster", "import", str(sheet), "--db", str(township), "--dry-run", "--json", home=tmp_path)
    assert dry.returncode == 0, dry.stderr
    report = json.loads(dry.stdout)
    assert (report["new"], report["updated"]) == (2, 0)
    assert [(r["row"], r["name"]) for r in report["rejected"]] == [(5, "王五"), (6, "")]
    assert all(r["reason"] for r in report["rejected"]) and "Excel" in report["rejected"][0]["reason"]
    assert [(w["row"], w["name"]) for w in report["warnings"]] == [(7, "赵六")]
    listed = json.loads(schoolaid("roster", "list", "--db", str(township), "--json", home=tmp_path).stdout)
    assert len(listed) == 30  # the dry run wrote nothing

    rejected = tmp_path / "退回.xlsx"
    done = schoolaid("roster", "import", str(sheet), "--db", str(township), "--rejected", str(rejected),
                     home=tmp_path)
    assert done.returncode == 0 and "新增 2 名" in done.stdout and "拒绝：" in done.stdout
    assert len(json.loads(schoolaid("roster", "list", "--db", str(township), "--json", home=tmp_path).stdout)) == 32
    assert openpyxl.load_workbook(rejected).active.cell(3, 1).value == 5


def test_unreadable_files_exit_1_with_one_line(township, tmp_path) -> None:
    photo = tmp_path / "photo.xlsx"
    photo.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    result = schoolaid("roster", "import", str(photo), "--db", str(township), home=tmp_path)
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and "photo.xlsx" in result.stderr
    headless = tmp_path / "notes.csv"
    headless.write_text("今天开会\n明天放假\n", encoding="utf-8")
    result = schoolaid("roster", "import", str(headless), "--db", str(township), home=tmp_path)
    assert result.returncode == 1 and "表头" in result.stderr


def test_export_then_import_changes_nothing(township, tmp_path) -> None:
    out = tmp_path / "花名册.xlsx"
    exported = schoolaid("roster", "export", str(out), "--db", str(township), "--full-id", home=tmp_path)
    assert exported.returncode == 0 and "30 名学生" in exported.stdout
    report = json.loads(schoolaid("roster", "import", str(out), "--db", str(township), "--json",
                                  home=tmp_path).stdout)
    assert (report["new"], report["updated"], report["unchanged"], report["rejected"]) == (0, 0, 30, [])


def test_survey_export(township, tmp_path) -> None:
    out = tmp_path / "survey.xlsx"
    result = schoolaid("roster", "survey", str(out), "--db", str(township), home=tmp_path)
    assert result.returncode == 0 and "10 个贫困村" in result.stdout
    assert openpyxl.load_workbook(out)["汇总"]["A1"].value == "贫困村儿童、青少年接受教育情况调查表"


def test_a_killed_import_leaves_the_database_as_it_was(township, tmp_path) -> None:
    rows = [student_row(f"学生{n}", dt.date(BORN, 1, 1) + dt.timedelta(days=n % 300), n // 300 + 1) for n in range(3000)]
    sheet = registry_export(tmp_path / "big.xlsx", rows)
    before = sqlite3.connect(township).execute("SELECT count(*) FROM students").fetchone()[0]
    # Killed (a power cut) once the import reports its first 500 students added, in the middle of the write.
    killed = subprocess.run(run.command("roster", "import", str(sheet), "--db", str(township)), capture_output=True,
                            text=True, timeout=300, env={**run.environment(tmp_path), "SCHOOLAID_TEST_KILL_DURING":
                                                         "schoolaid.roster.roster_import:apply_plan:0.3"})
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    connection = sqlite3.connect(township)
    after = connection.execute("SELECT count(*) FROM students").fetchone()[0]
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    assert after == before  # nothing of the half-done import is left
    done = schoolaid("roster", "import", str(sheet), "--db", str(township), home=tmp_path)
    assert done.returncode == 0, done.stderr  # and the same import then goes through whole
    assert sqlite3.connect(township).execute("SELECT count(*) FROM students").fetchone()[0] == before + 3000


def test_a_mistyped_id_is_rejected_with_the_right_check_digit(township, tmp_path) -> None:
    number = id_for(dt.date(BORN, 3, 2), 300)
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    sheet = registry_export(tmp_path / "ids.xlsx", [student_row("甲", dt.date(BORN, 3, 2), 300, id_number=wrong)])
    report = json.loads(schoolaid("roster", "import", str(sheet), "--db", str(township), "--json", "--dry-run",
                                  home=tmp_path).stdout)
    assert report["new"] == 0 and "校验码" in report["rejected"][0]["reason"]
    assert number[17] in report["rejected"][0]["reason"]


def test_the_masked_export_comes_back_with_a_column_filled_in(township, tmp_path) -> None:
    """Export as it is by default (numbers masked), a class teacher fills in the phones, import: exactly those
    rows are updated, none rejected."""
    out = tmp_path / "花名册.xlsx"
    assert schoolaid("roster", "export", str(out), "--db", str(township), home=tmp_path).returncode == 0
    workbook = openpyxl.load_workbook(out)
    sheet = workbook.active
    header = [c.value for c in sheet[3]]
    assert "*" * 10 in sheet.cell(4, header.index("身份证号") + 1).value
    phone = header.index("联系电话") + 1
    for row in (4, 5):
        sheet.cell(row, phone).value = f"1390000000{row}"
    workbook.save(out)
    report = json.loads(schoolaid("roster", "import", str(out), "--db", str(township), "--json",
                                  home=tmp_path).stdout)
    assert (report["new"], report["updated"], report["unchanged"], report["rejected"]) == (0, 2, 28, [])
    names = [sheet.cell(row, header.index("姓名") + 1).value for row in (4, 5)]
    connection = sqlite3.connect(township)
    phones = dict(connection.execute("SELECT name, guardian_phone FROM students").fetchall())
    assert all(len(number) == 18 and "*" not in number
               for (number,) in connection.execute("SELECT id_number FROM students"))
    connection.close()
    assert [phones[name] for name in names] == ["13900000004", "13900000005"]


def school_less_sheet(path: Path, above: list[list[str]]) -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in above:
        sheet.append(row)
    sheet.append(["姓名", "性别", "出生日期", "身份证号", "年级", "班级"])
    for n, name in enumerate(("钱一", "孙二"), start=1):
        born = dt.date(BORN, 3, n)
        sheet.append([name, "男", born.isoformat(), id_for(born, 200 + n), "四年级", "1班"])
    workbook.save(path)
    return path


def test_a_title_above_the_header_names_the_school(township, tmp_path) -> None:
    sheet = school_less_sheet(tmp_path / "名册.xlsx", [["仁和区平地镇中心校 2026年秋季学期 在校学生名册"],
                                                     ["填报人：李老师", "", "填报日期：2026年9月1日"]])
    result = schoolaid("roster", "import", str(sheet), "--db", str(township), "--json", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["new"] == 2 and "平地镇中心校" in result.stderr
    listed = json.loads(schoolaid("roster", "list", "--db", str(township), "--json", home=tmp_path).stdout)
    assert {s["school"] for s in listed if s["name"] in ("钱一", "孙二")} == {"平地镇中心校"}


def test_a_sheet_naming_no_school_asks_for_one_in_one_line(township, tmp_path) -> None:
    sheet = school_less_sheet(tmp_path / "名册.xlsx", [["2026年秋季学期 在校学生名册"]])
    result = schoolaid("roster", "import", str(sheet), "--db", str(township), home=tmp_path)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert "--school" in result.stderr and "平地镇中心校" in result.stderr and "波西村小学" in result.stderr
    listed = json.loads(schoolaid("roster", "list", "--db", str(township), "--json", home=tmp_path).stdout)
    assert len(listed) == 30  # nothing written
