"""``schoolaid print`` end to end on the demo township, in real processes: a case's notice issued and
printed (and printed again under the same number), the quarterly summary and the term-start
report, each read back from its PDF; a case that does not exist, a quarter that is not one and one
that has not begun refused with the usual exit statuses and no file written."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from schoolaid.common.school_calendar import Quarter, Term
from tests.e2e.run import CLI_TODAY, schoolaid

A4 = (595.28, 841.89)



@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "200", home=home)
    assert result.returncode == 0, result.stderr
    return home, db


def cases_of(demo) -> list[dict]:
    home, db = demo
    result = schoolaid("cases", "list", "--db", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["cases"]


@pytest.fixture(scope="module")
def cases(demo) -> list[dict]:
    """The demo's cases as ``schoolaid cases list --json`` gives them before anything is printed."""
    return cases_of(demo)


def read_pdf(path: Path) -> list[str]:
    """The text of each page, after checking that the file is a PDF of A4 pages in embedded fonts."""
    assert path.read_bytes().startswith(b"%PDF-")
    for page in pypdf.PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            font = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            assert (float(page.width), float(page.height)) == pytest.approx(A4, abs=1)
        return [page.extract_text() or "" for page in pdf.pages]


def this_quarter(today: dt.date) -> tuple[int, int]:
    quarter = Quarter.containing(today)
    return quarter.year, quarter.number


def this_term(today: dt.date) -> tuple[int, str]:
    """The term under way, as ``--year``/``--term`` say it."""
    term = Term.containing(today)
    return term.year, term.season.value


def test_print_notice_issues_the_cases_notice_and_writes_it(demo, cases, tmp_path) -> None:
    home, db = demo
    case = next(c for c in cases if c["status"] == "劝返中" and c["notice_number"] is None)
    out = tmp_path / "通知书.pdf"
    # Refused while the log lacks the village committee's and the township's part: nothing written.
    result = schoolaid("print", "notice", str(case["id"]), "--db", str(db), "--out", str(out), home=home)
    assert result.returncode != 0 and not out.exists()
    assert ("村民委员会" in result.stderr) or ("village committee" in result.stderr)  # what the log lacks
    for day, parties in ((CLI_TODAY - dt.timedelta(days=2), "学校"), (CLI_TODAY - dt.timedelta(days=1),
                                                                      "学校、村民委员会、乡镇人民政府")):
        logged = schoolaid("cases", "log", str(case["id"]), "--on", day.isoformat(), "--visitors", "班主任、村主任、副镇长",
                           "--result", "家长仍不同意返校", "--parties", parties, "--db", str(db), home=home)
        assert logged.returncode == 0, logged.stderr
    result = schoolaid("print", "notice", str(case["id"]), "--db", str(db), "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    [issued] = [c for c in cases_of(demo) if c["id"] == case["id"]]
    number = issued["notice_number"]
    assert re.fullmatch(rf"平府教〔{CLI_TODAY.year}〕\d+号", number)  # recorded on the case
    assert number in result.stdout and str(out) in result.stdout
    deadline = dt.date.fromisoformat(issued["notice_deadline"])
    text = "\n".join(read_pdf(out))  # the notice runs over to a second page, its receipt at the end
    lines = text.splitlines()
    assert lines[:2] == ["敦促入学通知书", number]
    flat = text.replace("\n", "")
    assert f"你的子女{case['student']}" in flat and f"{case['school']}{case['grade']}" in flat
    assert f"（{deadline.year}年{deadline.month}月{deadline.day}日前）" in flat
    assert "第五十八条" in flat and "平地镇人民政府（盖章）" in flat and "送 达 回 证" in text
    assert f"先后{case['failed_attempts'] + 2}次劝返无果" in flat  # the attempts the log shows, not more
    assert text.count(number) == 2  # the notice and its receipt
    assert all(not line or line[0] not in "，。；：！？、》”’）" for line in lines)  # no line starts with these


def test_print_notice_again_reprints_the_number_issued(demo, cases, tmp_path) -> None:
    home, db = demo
    case = next(c for c in cases if c["notice_number"])
    out = tmp_path / "again.pdf"
    result = schoolaid("print", "notice", str(case["id"]), "--db", str(db), "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    assert case["notice_number"] in read_pdf(out)[0]
    [after] = [c for c in cases_of(demo) if c["id"] == case["id"]]
    assert (after["notice_number"], after["notice_deadline"]) == (case["notice_number"], case["notice_deadline"])


def test_print_notice_of_a_case_that_does_not_exist_exits_1(demo, cases, tmp_path) -> None:
    home, db = demo
    missing = max(c["id"] for c in cases) + 100
    out = tmp_path / "通知书.pdf"
    result = schoolaid("print", "notice", str(missing), "--db", str(db), "--out", str(out), home=home)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "档案已不存在" in result.stderr
    assert not out.exists()


def test_print_quarterly_writes_the_summary(demo, cases, tmp_path) -> None:
    home, db = demo
    year, quarter = this_quarter(CLI_TODAY)
    out = tmp_path / "季度汇总.pdf"
    result = schoolaid("print", "quarterly", "--year", str(year), "--quarter", str(quarter), "--db", str(db),
                       "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    texts = read_pdf(out)
    assert f"（共 {len(texts)} 页）" in result.stdout
    for number, text in enumerate(texts, start=1):
        assert f"第 {number} 页 共 {len(texts)} 页" in text
    whole = "\n".join(texts)
    assert whole.startswith(f"平地镇{year}年第{'一二三四'[quarter - 1]}季度教育帮扶工作汇总")
    for heading in ("一、学生基本情况", "二、学生资助", "三、结对帮扶", "四、控辍保学", "五、四查三比对情况",
                    "六、主要指标完成情况"):  # the demo has its household register: the 比对 section is in
        assert heading in whole
    for school in {c["school"] for c in cases}:
        assert school in whole
    assert re.search(r"^合计 \d+ \d+ \d+ \d+ \d+$", whole, re.MULTILINE)  # the students' totals row
    assert "小学辍学率 ≤0.20%" in whole


@pytest.mark.parametrize("quarter", ["5", "0"])
def test_print_quarterly_with_a_quarter_that_is_not_one_exits_2(demo, tmp_path, quarter: str) -> None:
    home, db = demo
    out = tmp_path / "季度汇总.pdf"
    result = schoolaid("print", "quarterly", "--year", "2026", "--quarter", quarter, "--db", str(db),
                       "--out", str(out), home=home)
    assert result.returncode == 2 and "--quarter" in result.stderr
    assert not out.exists()


def test_print_quarterly_of_a_quarter_not_begun_exits_1(demo, tmp_path) -> None:
    home, db = demo
    year = CLI_TODAY.year + 1
    out = tmp_path / "季度汇总.pdf"
    result = schoolaid("print", "quarterly", "--year", str(year), "--quarter", "4", "--db", str(db),
                       "--out", str(out), home=home)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"{year} 年第 4 季度还没有开始" in result.stderr
    assert not out.exists()


def test_print_term_report_writes_the_report(demo, tmp_path) -> None:
    home, db = demo
    year, term = this_term(CLI_TODAY)
    out = tmp_path / "开学报告.pdf"
    result = schoolaid("print", "term-report", "--year", str(year), "--term", term, "--db", str(db),
                       "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    texts = read_pdf(out)
    assert f"（共 {len(texts)} 页）" in result.stdout
    whole = "\n".join(texts)
    season = "秋季" if term == "autumn" else "春季"
    assert whole.splitlines()[0].startswith("平地镇") and f"{season}学期开学辍学情况报告" in whole.splitlines()[0]
    assert "区教育局、镇人民政府：" in whole and "平地镇中心校（盖章）" in whole
    for heading in ("一、各校情况", "二、辍学学生名单", "三、适龄未入学儿童名单"):
        assert heading in whole
    assert f"第 1 页 共 {len(texts)} 页" in texts[0]
    later = schoolaid("print", "term-report", "--year", str(year + 1), "--term", term, "--db", str(db),
                      "--out", str(tmp_path / "later.pdf"), home=home)
    assert later.returncode == 1 and "还没有开始" in later.stderr and not (tmp_path / "later.pdf").exists()


def test_print_monthly_writes_the_report(demo, tmp_path) -> None:
    home, db = demo
    ended = CLI_TODAY.replace(day=1) - dt.timedelta(days=1)  # the month just ended
    out = tmp_path / "月报.pdf"
    result = schoolaid("print", "monthly", "--year", str(ended.year), "--month", str(ended.month), "--db", str(db),
                       "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    texts = read_pdf(out)
    assert str(out) in result.stdout  # (its Chinese is folded into the catalogue at the merge)
    whole = "\n".join(texts)
    assert whole.startswith(f"平地镇{ended.year}年{ended.month}月控辍保学月报")
    for heading in ("一、各校情况", "二、劝返中的档案", "三、四查三比对情况"):
        assert heading in whole
    assert re.search(r"^合计( \d+){8}$", whole, re.MULTILINE)  # the schools' total row
    assert "审计链：共" in texts[-1]


@pytest.mark.parametrize("month", ["13", "0"])
def test_print_monthly_with_a_month_that_is_not_one_exits_2(demo, tmp_path, month: str) -> None:
    home, db = demo
    out = tmp_path / "月报.pdf"
    result = schoolaid("print", "monthly", "--year", "2026", "--month", month, "--db", str(db), "--out", str(out),
                       home=home)
    assert result.returncode == 2 and "--month" in result.stderr
    assert not out.exists()


def test_print_monthly_of_a_month_not_begun_exits_1(demo, tmp_path) -> None:
    home, db = demo
    out = tmp_path / "月报.pdf"
    result = schoolaid("print", "monthly", "--year", str(CLI_TODAY.year + 1), "--month", "1", "--db", str(db),
                       "--out", str(out), home=home)
    assert result.returncode == 1 and result.stdout == "" and not out.exists()
