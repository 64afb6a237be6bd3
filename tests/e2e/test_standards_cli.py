"""schoolaid ledger post --dry-run --json: the preview says who and why (issue 16)."""

from __future__ import annotations

import json

from tests.e2e.run import TERM_NOW, schoolaid


def test_the_dry_run_lists_each_line_with_its_basis(tmp_path) -> None:
    home = tmp_path
    db = home / "平地镇.sqlite"
    # In term time: this month is not posted yet (the demo posts the months before it).
    assert schoolaid("demo", "--db", str(db), "--students", "120", "--seed", "5", home=home,
                     now=TERM_NOW).returncode == 0
    month = TERM_NOW.strftime("%Y-%m")
    result = schoolaid("ledger", "post", "--programme", "SHF", "--month", month, "--db", str(db), "--json",
                       "--dry-run", home=home, now=TERM_NOW)
    assert result.returncode == 0, result.stderr
    dry = json.loads(result.stdout)
    assert set(dry) == {"posted", "total_yuan", "total_fen", "already_posted", "not_eligible", "period", "batch_id",
                        "programme", "month", "dry_run", "lines"}
    assert dry["lines"] and len(dry["lines"]) == dry["posted"]
    assert all(set(line) == {"student_id", "name", "amount_yuan", "basis"} for line in dry["lines"])
    assert all(line["basis"].startswith("条件：") and "标准：" in line["basis"] for line in dry["lines"])
    assert round(sum(line["amount_yuan"] for line in dry["lines"]), 2) == dry["total_yuan"]
    posted = json.loads(schoolaid("ledger", "post", "--programme", "SHF", "--month", month, "--db", str(db), "--json",
                                  home=home, now=TERM_NOW).stdout)
    assert "lines" not in posted and posted["posted"] == dry["posted"]  # posting keeps its keys as they were


def test_the_programmes_list_their_dated_standards(tmp_path) -> None:
    db = tmp_path / "镇.sqlite"
    assert schoolaid("demo", "--db", str(db), "--students", "60", "--seed", "2", home=tmp_path).returncode == 0
    programmes = {p["code"]: p for p in json.loads(schoolaid("ledger", "programmes", "--db", str(db), "--json",
                                                             home=tmp_path).stdout)}
    living = programmes["SHBZ"]
    assert {"id", "code", "name", "stage", "eligibility", "amount_yuan", "amount_fen", "per", "kind", "funding_source",
            "active_months", "active", "grades", "boarder", "categories", "standards"} == set(living)
    rates = {(s["effective_from"], s["stage"], s["boarder"]): s["amount_yuan"] for s in living["standards"]}
    assert rates[("2024-02-01", "小学", "yes")] == 1250.0 and rates[("2024-02-01", "初中", "no")] == 750.0
    assert rates[("2019-09-01", "小学", "no")] == 500.0 and rates[("2011-09-01", "初中", "yes")] == 1250.0
    assert all(s["source"] for s in living["standards"])
    assert programmes["ZXJ"]["active"] is False and programmes["BYJY"]["standards"] == []
