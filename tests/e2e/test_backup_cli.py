"""The backup through the command line, as the school's officer and the township's clerk use it:
export to a folder on the "USB stick", info, verify, restore, the township's summary; passwords
only from a file or standard input."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import openpyxl
import pytest

from tests.e2e.run import schoolaid

PASSWORD = "春季学期-2026"



@pytest.fixture(scope="module")
def school(tmp_path_factory) -> dict[str, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    assert schoolaid("demo", "--db", str(db), "--students", "200", home=home).returncode == 0
    password_file = home / "password.txt"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    usb = home / "usb"
    result = schoolaid("backup", "export", "--db", str(db), "--out", f"{usb}/", "--password-file",
                       str(password_file), home=home)
    assert result.returncode == 0, result.stderr
    (file,) = usb.glob("*.sabk")
    return {"home": home, "db": db, "password": password_file, "file": file}


def test_export_writes_the_named_file_and_records_it(school):
    assert school["file"].name.startswith("平地镇中心校_备份_") and school["file"].suffix == ".sabk"
    connection = sqlite3.connect(school["db"])
    recorded = connection.execute("SELECT value FROM settings WHERE key = 'last_backup_export'").fetchone()
    audited = connection.execute("SELECT count(*) FROM audit_events WHERE summary = 'last_backup_export'").fetchone()
    connection.close()
    assert recorded and audited[0] == 1


def test_info_reads_the_header_without_the_password(school):
    result = schoolaid("backup", "info", str(school["file"]), "--json", home=school["home"])
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["school"] == "平地镇中心校" and data["township"] == "平地镇"
    assert data["counts"]["students"] == 200


def test_verify_with_the_password_from_a_file_and_from_standard_input(school):
    result = schoolaid("backup", "verify", str(school["file"]), "--password-file", str(school["password"]),
                       home=school["home"])
    assert result.returncode == 0, result.stderr
    assert "✓" in result.stdout
    piped = schoolaid("backup", "verify", str(school["file"]), "--password-file", "-", "--json",
                      home=school["home"], stdin=PASSWORD + "\n")
    assert piped.returncode == 0, piped.stderr
    data = json.loads(piped.stdout)
    assert data["ok"] is True and data["found"] == data["counts"]


def test_wrong_password_damage_and_misuse_are_refused(school, tmp_path):
    home = school["home"]
    wrong = schoolaid("backup", "verify", str(school["file"]), "--password-file", "-", home=home, stdin="guess1234\n")
    assert wrong.returncode == 1
    assert "密码" in wrong.stderr
    cut = tmp_path / "cut.sabk"
    cut.write_bytes(school["file"].read_bytes()[:-300])
    damaged = schoolaid("backup", "verify", str(cut), "--password-file", str(school["password"]), home=home)
    assert damaged.returncode == 1 and "损坏" in damaged.stderr
    # The password is never an argument: there is no option for it.
    assert schoolaid("backup", "verify", str(school["file"]), "--password", PASSWORD, home=home).returncode == 2
    short = tmp_path / "short.txt"
    short.write_text("123", encoding="utf-8")
    refused = schoolaid("backup", "export", "--db", str(school["db"]), "--out", str(tmp_path / "x.sabk"),
                        "--password-file", str(short), home=home)
    assert refused.returncode == 1 and "8" in refused.stderr
    assert not (tmp_path / "x.sabk").exists()


def test_restore_into_a_new_file_and_over_an_existing_one(school, tmp_path):
    home = school["home"]
    target = tmp_path / "restored.sqlite"
    result = schoolaid("backup", "restore", str(school["file"]), "--db", str(target), "--password-file",
                       str(school["password"]), home=home)
    assert result.returncode == 0, result.stderr
    count = sqlite3.connect(target).execute("SELECT count(*) FROM students").fetchone()[0]
    assert count == 200
    again = schoolaid("backup", "restore", str(school["file"]), "--db", str(target), "--password-file",
                      str(school["password"]), home=home)
    assert again.returncode == 0, again.stderr
    kept = list(tmp_path.glob("restored.before-restore-*.sqlite"))
    assert len(kept) == 1 and str(kept[0].name) in again.stdout
    listed = schoolaid("roster", "list", "--db", str(target), "--json", home=home)
    assert len(json.loads(listed.stdout)) == 200


def test_township_summary_of_two_schools(school, tmp_path):
    home = school["home"]
    other_db = tmp_path / "other.sqlite"
    assert schoolaid("demo", "--db", str(other_db), "--students", "80", "--seed", "9", home=home).returncode == 0
    other = tmp_path / "other.sabk"
    assert schoolaid("backup", "export", "--db", str(other_db), "--out", str(other), "--password-file",
                     str(school["password"]), home=home).returncode == 0
    out = tmp_path / "summary.xlsx"
    result = schoolaid("township", "summary", str(school["file"]), str(other), "--password-file",
                       str(school["password"]), "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    rows = list(openpyxl.load_workbook(out)["各校对比"].iter_rows(values_only=True))
    students = next(row for row in rows if row[0] == "在读学生")
    assert students[3] == students[1] + students[2]
    missing = schoolaid("township", "summary", str(tmp_path / "none.sabk"), "--password-file",
                        str(school["password"]), "--out", str(out), home=home)
    assert missing.returncode == 1 and "none.sabk" in missing.stderr
