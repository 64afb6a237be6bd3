"""Any file a school can be sent is read within bounded memory, or refused with one clear line.

The tests build the hostile files themselves (tests/hostile_files.py): a sparse far cell, a zip bomb,
a huge field, an "xls" that is an HTML page, formulas, UTF-16 and Big5 text.
"""

from __future__ import annotations

import datetime as dt
import json
import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from schoolaid.documents.spreadsheet import UnreadableFile, read_workbook
from schoolaid.roster import roster_import
from schoolaid.roster.roster_columns import MAX_LENGTH, Field
from schoolaid.roster.roster_import import Outcome
from tests import hostile_files as hostile
from tests.core.test_roster_import import plan_for
from tests.sheets import id_for

TODAY = dt.date(2026, 11, 29)
TABLE = [hostile.HEADER, *hostile.ROWS]
ROOT = Path(__file__).resolve().parents[2]


def refusal(path: Path) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_workbook(path)
    message = caught.value.message
    assert "\n" not in message and "Traceback" not in message
    return message


@pytest.mark.parametrize(("row", "column", "dimension", "shown"), [
    (1048576, 16384, "auto", "A1:XFD1048576"),  # declared: refused from the first bytes of the sheet
    (1048576, 16384, None, "A1:XFD1048576"),  # no dimension: the cells' own references tell
    (1048576, 16384, "A1:E4", "A1:XFD1048576"),  # a dimension that lies
    (200_000, 2_000, "A1:E4", "A1:BXX200000"),
])
def test_a_sparse_far_cell_is_refused_naming_the_range(tmp_path, row, column, dimension, shown) -> None:
    path = hostile.far_cell(tmp_path / "花名册.xlsx", row, column, dimension)
    assert path.stat().st_size < 6000
    message = refusal(path)
    assert shown in message and "学生名单" in message


def test_a_far_cell_without_references_is_placed_as_calamine_places_it(tmp_path) -> None:
    cells = hostile.roster_cells()
    cells[2][1] = '<c\nr="XFD1048576" t="inlineStr"><is><t>x</t></is></c>'  # a tag spelt unusually
    message = refusal(hostile.xlsx(tmp_path / "odd.xlsx", hostile.sheet_xml(cells, "A1:E4")))
    assert "XFD1048576" in message
    unnumbered = {r: [c.replace(' r="', ' data-r="') for c in row] for r, row in hostile.roster_cells().items()}
    unnumbered[4] = unnumbered[4] + ["<c/>"] * 20_000  # 20,000 cells without r= in one row, at row 4
    text = hostile.sheet_xml(unnumbered, None).replace("<row r=\"4\">", "<row r=\"1000000\">")
    assert "1000000" in refusal(hostile.xlsx(tmp_path / "wide.xlsx", text))


def test_an_old_xls_with_a_far_cell_is_refused_from_its_records(tmp_path) -> None:
    xlwt = pytest.importorskip("xlwt")
    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("学生名单")
    for row, values in enumerate(TABLE):
        for column, value in enumerate(values):
            sheet.write(row, column, value)
    workbook.save(str(tmp_path / "ok.xls"))
    assert [s.rows for s in read_workbook(tmp_path / "ok.xls")] == [TABLE]
    sheet.write(65535, 255, "x")
    workbook.add_sheet("空白")
    workbook.save(str(tmp_path / "far.xls"))
    assert (tmp_path / "far.xls").stat().st_size < 10_000
    message = refusal(tmp_path / "far.xls")  # calamine would take 1.3 GB for it
    assert "A1:IV65536" in message and "学生名单" in message


def test_an_ods_reads_and_one_with_a_far_cell_is_refused(tmp_path) -> None:
    sound = read_workbook(hostile.ods(tmp_path / "ok.ods"))[0]
    assert [row[:5] for row in sound.rows if any(row)] == TABLE
    message = refusal(hostile.ods(tmp_path / "far.ods", far=True))
    assert "A1:WQK1000005" in message and "学生名单" in message


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path) -> None:
    path = hostile.zip_bomb(tmp_path / "bomb.xlsx", megabytes=120)
    assert path.stat().st_size < 1_000_000
    assert "bomb.xlsx" in refusal(path)


def test_a_sound_workbook_without_dimension_reads(tmp_path) -> None:
    path = hostile.xlsx(tmp_path / "ok.xlsx", hostile.sheet_xml(hostile.roster_cells(), None))
    assert read_workbook(path)[0].rows == TABLE


def test_formulas_are_read_as_their_values(tmp_path, township_db) -> None:
    cells = hostile.roster_cells()
    cells[2][0] = hostile.cell_xml(2, 1, "张三", formula='"张"&"三"')
    cells[3][0] = hostile.cell_xml(3, 1, "", formula='HYPERLINK("http://x","a")')
    cells[4][0] = hostile.cell_xml(4, 1, "=cmd|' /C calc'!A0")  # text that looks like a formula stays text
    path = hostile.xlsx(tmp_path / "formulas.xlsx", hostile.sheet_xml(cells, "A1:E4"))
    rows = read_workbook(path)[0].rows
    assert [r[0] for r in rows] == ["姓名", "张三", "", "=cmd|' /C calc'!A0"]
    plan = plan_for(township_db, path)
    assert [r.outcome for r in plan.rows][:2] == [Outcome.NEW, Outcome.REJECT]
    assert "姓名" in plan.rows[1].reason


@pytest.mark.parametrize("field", ["x" * 30_000_000, "张" * 10_000_000])
def test_huge_csv_field_is_one_clear_line(tmp_path, field) -> None:
    path = tmp_path / "huge.csv"
    path.write_bytes(("姓名,性别\n\"" + field + "\",男\n").encode())
    assert "100000" in refusal(path)


def test_html_saved_as_xls_is_read_as_its_first_table(tmp_path, township_db) -> None:
    path = hostile.html_xls(tmp_path / "学生名单.xls")
    rows = read_workbook(path)[0].rows
    assert rows[0] == ["平地镇中心校学生名单", "", "", "", ""]  # colspan keeps the columns under their headers
    assert rows[1:] == TABLE  # the second table is not read
    plan = plan_for(township_db, path)
    assert [(r.name, r.outcome) for r in plan.rows] == [
        ("张三", Outcome.NEW), ("李四", Outcome.NEW), ("王五", Outcome.NEW)]


def test_utf16_text_as_excel_saves_it_is_read(tmp_path) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes(hostile.csv_bytes(TABLE, "utf-16", "\t"))
    assert read_workbook(path)[0].rows == TABLE


def test_gbk_and_big5_are_told_apart(tmp_path) -> None:
    traditional = [["姓名", "性別", "出生日期", "學校", "年級"], ["陳大文", "男", "2016-03-02", "平地鎮中心校", "四年級"],
                   ["林美麗", "女", "2016-05-06", "平地鎮中心校", "四年級"]]
    (tmp_path / "big5.csv").write_bytes(hostile.csv_bytes(traditional, "big5"))
    assert read_workbook(tmp_path / "big5.csv")[0].rows == traditional
    (tmp_path / "gbk.csv").write_bytes(hostile.csv_bytes(TABLE, "gbk"))
    assert read_workbook(tmp_path / "gbk.csv")[0].rows == TABLE


def test_text_in_no_known_encoding_says_which_were_tried(tmp_path) -> None:
    path = tmp_path / "garbage.csv"
    path.write_bytes(b"\x81\xff\xff\x80abc,def\n")
    message = refusal(path)
    assert "GBK" in message and "Big5" in message


def test_every_field_has_a_length_limit_and_a_long_one_rejects_the_row(tmp_path, township_db) -> None:
    assert set(MAX_LENGTH) == set(Field) and all(reason for _limit, reason in MAX_LENGTH.values())
    number = id_for(dt.date(2016, 3, 2), 1)
    rows = [["姓名", "性别", "出生日期", "身份证号", "学校", "年级", "家庭住址"],
            ["张" * 60_000, "男", "2016-03-02", number, "平地镇中心校", "四年级", "波西村"],
            ["李四", "女", "2016-05-06", "", "平地镇中心校", "四年级", "波" * 201],
            ["王五", "男", "2016-07-01", "", "平地镇中心校", "四年级", "波" * 200]]
    cells = {r: [hostile.cell_xml(r, c, v) for c, v in enumerate(row, start=1)] for r, row in enumerate(rows, 1)}
    path = hostile.xlsx(tmp_path / "long.xlsx", hostile.sheet_xml(cells, "A1:G4"))
    plan = plan_for(township_db, path)
    by_row = {r.row: r for r in plan.rows}
    assert by_row[2].outcome is Outcome.REJECT and "60000" in by_row[2].reason and "50" in by_row[2].reason
    assert len(by_row[2].name) <= 51 and len(by_row[2].values[0]) <= 32_767  # fits a cell of the rejected file
    assert by_row[3].outcome is Outcome.REJECT and "200" in by_row[3].reason and "住址" in by_row[3].reason
    assert by_row[4].outcome is Outcome.NEW
    assert roster_import.save_rejected(plan, tmp_path / "退回.xlsx") == 2


_MEASURE = textwrap.dedent("""
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))  # a regression fails instead of eating the machine
    from schoolaid.common.errors import SchoolAidError
    from schoolaid.roster import roster_import
    outcome = {}
    for name in sys.argv[1:]:
        try:
            source = roster_import.read_source(name)
            outcome[name] = sum(len(h.sheet.rows) for h in source.headers)
        except SchoolAidError as exc:
            outcome[name] = exc.message
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"outcome": outcome, "peak": peak}, ensure_ascii=False))
""")


def test_peak_memory_of_reading_hostile_and_large_files_stays_under_1_gb(tmp_path) -> None:
    files = {
        "far": hostile.far_cell(tmp_path / "far.xlsx", dimension="A1:E4"),
        "bomb": hostile.zip_bomb(tmp_path / "bomb.xlsx", megabytes=120),
        "web": hostile.html_xls(tmp_path / "web.xls"),
    }
    (tmp_path / "huge.csv").write_bytes(("姓名,性别\n\"" + "x" * 30_000_000 + "\",男\n").encode())
    files["huge"] = tmp_path / "huge.csv"
    files["ods"] = hostile.ods(tmp_path / "far.ods", far=True)
    xlwt = pytest.importorskip("xlwt")
    workbook = xlwt.Workbook()
    workbook.add_sheet("学生名单").write(65535, 255, "x")
    workbook.save(str(tmp_path / "far.xls"))
    files["xls"] = tmp_path / "far.xls"
    # 20 MB of short cells: the most Python objects a file of that size makes.
    line = "张三{0},男,2016-03-02,平地镇中心校,四年级,1班,张大山,13912345678,波西村\n"
    body = "".join(line.format(i % 10) for i in range(20 * 1024 * 1024 // len(line.encode())))
    (tmp_path / "big.csv").write_bytes(("姓名,性别,出生日期,学校,年级,班级,监护人,联系电话,村\n" + body).encode())
    files["big"] = tmp_path / "big.csv"
    assert 19 * 1024 * 1024 < files["big"].stat().st_size <= 21 * 1024 * 1024
    done = subprocess.run([sys.executable, "-c", _MEASURE, *map(str, files.values())], capture_output=True,
                          text=True, timeout=120, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    outcome = {key: report["outcome"][str(path)] for key, path in files.items()}
    assert "XFD1048576" in outcome["far"] and "bomb.xlsx" in outcome["bomb"] and "100000" in outcome["huge"]
    assert "IV65536" in outcome["xls"] and "WQK1000005" in outcome["ods"]
    assert outcome["web"] == 5 and outcome["big"] > 200_000
    assert report["peak"] < 1 << 30, f"peak {report['peak'] >> 20} MB"
    assert resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024 < 2 << 30


def test_a_library_failure_never_reaches_the_user_as_a_traceback(tmp_path, monkeypatch) -> None:
    import python_calamine

    def broken(*_args: object) -> None:
        raise RuntimeError("panicked at 'index out of bounds'")

    monkeypatch.setattr(python_calamine.CalamineWorkbook, "from_path", broken)
    path = hostile.xlsx(tmp_path / "ok.xlsx", hostile.sheet_xml(hostile.roster_cells(), "A1:E4"))
    assert "RuntimeError" in refusal(path)
