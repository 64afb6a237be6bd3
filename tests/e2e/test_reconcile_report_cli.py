"""四查三比对 end to end: the report of the planted township as a script reads it, the check sheets, and
a check recorded through the command line changing the report."""

from __future__ import annotations

import json

from python_calamine import CalamineWorkbook

from schoolaid.reconcile.vocabulary import DifferenceKind
from tests import reconcile_township as planted
from tests.conftest import NOW
from tests.e2e.run import schoolaid

KEYS = {"kind", "name", "village", "birth_date", "id_number_masked", "detail"}


def run(home, *args: str):
    # The planted township's ages are those of the tests' day: the command line runs on it too.
    return schoolaid(*args, home=home, now=NOW)


def report(home, db, *options: str) -> dict:
    result = run(home, "reconcile", "report", "--db", str(db), "--json", *options)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_report_lists_exactly_the_planted_differences(township_db, actor, tmp_path) -> None:
    planted.build(township_db, actor)
    db = tmp_path / "schoolaid.sqlite"
    found = report(tmp_path, db)
    assert found["counts"] == {kind.value: 1 for kind in DifferenceKind}
    assert {(d["kind"], d["name"]) for d in found["differences"]} == {
        (kind.value, name) for kind, name in planted.PLANTED.items()}
    assert all(KEYS <= set(d) for d in found["differences"])
    zhou = next(d for d in found["differences"] if d["kind"] == "not_enrolled")
    assert zhou == {**zhou, "name": "周九", "village": "波西村", "birth_date": "2018-04-04",
                    "id_number_masked": f"5104**********{planted.ZHOU[-4:]}",
                    "detail": "户籍：波西村3组 户主周大，8岁；花名册：无", "key": "周九|2018-04-04", "open": True}
    assert planted.ZHOU not in json.dumps(found)  # no full ID number in the report

    text = run(tmp_path, "reconcile", "report", "--db", str(db))
    assert text.returncode == 0 and "周九" in text.stdout and "6" in text.stderr


def test_the_workbook_and_a_check_through_the_command_line(township_db, actor, tmp_path) -> None:
    planted.build(township_db, actor)
    db = tmp_path / "schoolaid.sqlite"
    out = tmp_path / "核查表.xlsx"
    result = run(tmp_path, "reconcile", "report", "--db", str(db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    book = CalamineWorkbook.from_path(str(out))
    assert len(book.sheet_names) == 6
    assert book.get_sheet_by_name("户籍有学籍无").to_python()[3][1] == "周九"

    missing = run(tmp_path, "reconcile", "check", "not_enrolled", "周九|2018-04-04", "--result", "在外地就读",
                  "--checked-by", "村干部", "--db", str(db))
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1  # one line: what is missing

    checked = run(tmp_path, "reconcile", "check", "not_enrolled", "周九|2018-04-04", "--result", "在外地就读",
                  "--checked-by", "村干部", "--school", "攀枝花市第二小学", "--place", "攀枝花市东区",
                  "--how", "学籍系统", "--evidence", "学籍截图", "--db", str(db), "--json")
    assert checked.returncode == 0, checked.stderr
    assert json.loads(checked.stdout)["result"] == "在外地就读"
    assert report(tmp_path, db)["counts"]["not_enrolled"] == 0
    everything = report(tmp_path, db, "--all")
    zhou = next(d for d in everything["differences"] if d["kind"] == "not_enrolled")
    assert zhou["open"] is False and zhou["check"]["result"] == "在外地就读"

    out_of_school = run(tmp_path, "reconcile", "check", "preschool_not_enrolled", planted.WU, "--result", "失学",
                        "--checked-by", "村干部", "--db", str(db))
    assert out_of_school.returncode == 1  # 失学 is not a result for a preschool child (preschool is not compulsory)
    opened = run(tmp_path, "reconcile", "check", "registry_not_on_roster", planted.FENG, "--result", "失学",
                 "--checked-by", "村干部", "--into-school", "波西村小学", "--into-grade", "4", "--db", str(db),
                 "--json")
    assert opened.returncode == 0, opened.stderr
    student = json.loads(opened.stdout)["student_id"]
    listed = run(tmp_path, "roster", "list", "--db", str(db), "--json", "--status", "未入学")
    assert [(s["id"], s["name"], s["school"], s["grade_number"]) for s in json.loads(listed.stdout)] == [
        (student, "冯十一", "波西村小学", 4)]
    assert report(tmp_path, db)["counts"]["registry_not_on_roster"] == 0
