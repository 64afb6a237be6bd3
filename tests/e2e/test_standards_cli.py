"""schoolaid ledger post --dry-run --json: the preview says who and why (issue 16)."""

from __future__ import annotations

import json

from tests.e2e.run import CLI_TODAY, schoolaid


def test_the_dry_run_lists_each_line_with_its_basis(tmp_path) -> None:
    home = tmp_path
    db = home / "平地镇.sqlite"
    assert schoolaid("demo", "--db", str(db), "--students", "120", "--seed", "5", home=home).returncode == 0
    month = CLI_TODAY.strftime("%Y-%m") if CLI_TODAY.month not in (7, 8) else f"{CLI_TODAY.year}-06"
    result = schoolaid("ledger", "post", "--programme", "SHF", "--month", month, "--db", str(db), "--json",
                       "--dry-run", home=home)
    assert result.returncode == 0, result.stderr
    dry = json.loads(result.stdout)
    assert set(dry) == {"posted", "total_yuan", "total_fen", "already_posted", "not_eligible", "period", "batch_id",
                        "programme", "month", "dry_run", "lines"}
    assert dry["lines"] and len(dry["lines"]) == dry["posted"]
    assert all(set(line) == {"student_id", "name", "amount_yuan", "basis"} for line in dry["lines"])
    assert all(line["basis"].startswith("条件：") and "标准：" in line["basis"] for line in dry["lines"])
    assert round(sum(line["amount_yuan"] for line in dry["lines"]), 2) == dry["total_yuan"]
    posted = json.loads(schoolaid("ledger", "post", "--programme", "SHF", "--month", month, "--db", str(db), "--json",
                                  home=home).stdout)
    assert "lines" not in posted and posted["posted"] == dry["posted"]  # posting keeps its keys as they were
