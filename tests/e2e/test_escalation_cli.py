"""The escalation after a notice's deadline, end to end on the demo township in real processes: the
demo's case whose notice expired shows the report due (``cases escalate``), ``print report`` issues and
writes it, ``cases serve`` records its proof of service, the order to correct follows and is served by
留置送达 with its witnesses, the demand is refused before the order's period ran; each PDF read back."""

from __future__ import annotations

import json
from pathlib import Path

import pdfplumber
import pytest

from tests.e2e.run import CLI_TODAY, schoolaid


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "200", home=home)
    assert result.returncode == 0, result.stderr
    return home, db


def run(demo, *args: str) -> str:
    home, db = demo
    result = schoolaid(*args, "--db", str(db), home=home)
    assert result.returncode == 0, result.stderr
    return result.stdout


def text_of(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "".join((page.extract_text() or "").replace("\n", "") for page in pdf.pages)


def test_the_expired_notice_leads_to_the_report_then_the_order(demo, tmp_path) -> None:
    cases = json.loads(run(demo, "cases", "list", "--json"))["cases"]
    case = next(c for c in cases if c["notice_expired"])
    where = json.loads(run(demo, "cases", "escalate", str(case["id"]), "--json"))
    assert (where["stage"], where["next"]) == ("notice", "report")
    assert dt_le(where["next_due"], CLI_TODAY.isoformat())
    assert where["steps"][0]["number"] == case["notice_number"] and where["steps"][0]["served"]

    report = tmp_path / "报告.pdf"
    out = run(demo, "print", "report", str(case["id"]), "--out", str(report))
    text = text_of(report)
    for expected in ("关于辍学学生劝返无效情况的书面报告", "区教育局：", case["student"], case["notice_number"],
                     "《中华人民共和国未成年人保护法》第二十八条", "先后2次劝返无果", "送 达 回 证"):
        assert expected in text, expected
    where = json.loads(run(demo, "cases", "escalate", str(case["id"]), "--json"))
    report_number = where["steps"][1]["number"]
    assert report_number in text and report_number in out and str(report) in out
    assert where["next"] == "penalty" and where["next_due"] is None  # not served yet

    run(demo, "cases", "serve", str(case["id"]), "--document", "report", "--to", "区教育局 收文员", "--by", "李校长")
    where = json.loads(run(demo, "cases", "escalate", str(case["id"]), "--json"))
    assert (where["next"], where["next_due"]) == ("penalty", CLI_TODAY.isoformat())

    penalty = tmp_path / "责令.pdf"
    run(demo, "print", "penalty", str(case["id"]), "--out", str(penalty))
    home, db = demo
    refused = schoolaid("cases", "serve", str(case["id"]), "--document", "penalty", "--to", "监护人",
                        "--manner", "留置送达", "--db", str(db), home=home)
    assert refused.returncode != 0 and ("见证人" in refused.stderr or "witnesses" in refused.stderr)
    run(demo, "cases", "serve", str(case["id"]), "--document", "penalty", "--to", "监护人", "--manner", "留置送达",
        "--by", "镇政府 杨副镇长", "--witnesses", "村委会 王主任、村民 赵四", "--refused-reason", "拒绝签收")
    where = json.loads(run(demo, "cases", "escalate", str(case["id"]), "--json"))
    [order] = [s for s in where["steps"] if s["kind"] == "penalty"]
    assert order["manner"] == "留置送达" and order["served"] == CLI_TODAY.isoformat()
    assert where["next"] == "demand" and where["next_due"] > CLI_TODAY.isoformat()  # after the order's period
    # Printed again, the order shows how it was served.
    again = tmp_path / "again.pdf"
    run(demo, "print", "penalty", str(case["id"]), "--out", str(again))
    text = text_of(again)
    assert "责令限期改正决定书" in text and order["number"] in text and "■留置送达" in text and "拒绝签收" in text
    # The demand is not due yet: refused, nothing written.
    demand = tmp_path / "催告.pdf"
    refused = schoolaid("print", "demand", str(case["id"]), "--out", str(demand), "--db", str(db), home=home)
    assert refused.returncode != 0 and not demand.exists()


def dt_le(first: str | None, second: str) -> bool:
    return first is not None and first <= second
