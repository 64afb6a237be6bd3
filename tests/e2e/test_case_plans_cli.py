"""One plan per child (一人一案) and the follow-up after the return through the command line (issue 19):
``cases plan``, ``cases follow-up`` and ``cases show --json`` on the demo township."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.e2e.run import CLI_TODAY, schoolaid


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db), "--students", "200", home=home)
    assert result.returncode == 0, result.stderr
    return home, db


def run(demo, *args: str) -> tuple[int, str, str]:
    home, db = demo
    result = schoolaid("cases", *args, "--db", str(db), home=home)
    return result.returncode, result.stdout, result.stderr


def shown(demo, case_id: int) -> dict:
    code, out, err = run(demo, "show", str(case_id), "--json")
    assert code == 0, err
    return json.loads(out)


def cases(demo) -> list[dict]:
    code, out, err = run(demo, "list", "--json")
    assert code == 0, err
    return json.loads(out)["cases"]


def test_the_demos_cases_carry_their_plan_and_the_returned_one_its_follow_up(demo) -> None:
    found = cases(demo)
    for case in found:
        data = shown(demo, case["id"])
        if case["status"] == "劝返中":  # every open case has its plan
            plan = data["plan"]
            assert plan["leader"] and plan["teacher"] and plan["cadre"] and plan["measures"]
            assert plan["cause"] == case["reason"] and plan["placement"] is None
    [returned] = [c for c in found if c["status"] == "已返校"]
    data = shown(demo, returned["id"])
    assert data["plan"]["placement"] == "插班" and data["plan"]["placement_label"].startswith("插班（")
    assert [p["revision"] for p in data["plan_history"]] == [1, 2]  # the placement is a revision of its own
    follow_up = data["follow_up"]
    assert follow_up["done"] == len(data["follow_ups"]) >= 1
    assert dt.date.fromisoformat(follow_up["next_due"]) <= CLI_TODAY  # one due (or, over a long holiday, missed)
    assert follow_up["due"] or follow_up["missed"]


def test_a_plan_set_and_changed_from_the_command_line(demo) -> None:
    case_id = next(c["id"] for c in cases(demo) if c["status"] == "劝返中")
    before = len(shown(demo, case_id)["plan_history"])
    code, out, err = run(demo, "plan", str(case_id), "--leader", "王校长", "--teacher", "李老师", "--cadre",
                         "波西村委会 张主任", "--cause", "厌学", "--measures", "每周家访一次，安排学习帮扶", "--json")
    assert code == 0, err
    assert json.loads(out)["revisions"] == before + 1
    code, out, err = run(demo, "plan", str(case_id), "--measures", "与家长签订返校承诺书")  # the rest stays
    assert code == 0, err
    assert "与家长签订返校承诺书" in out
    data = shown(demo, case_id)
    latest, previous = data["plan_history"][-1], data["plan_history"][-2]
    assert (latest["revision"], latest["leader"], latest["cadre"], latest["cause"], latest["measures"]) == (
        before + 2, "王校长", "波西村委会 张主任", "学习困难/厌学", "与家长签订返校承诺书")
    assert previous["measures"] == "每周家访一次，安排学习帮扶"  # kept, not overwritten
    assert data["reason"] == "学习困难/厌学"
    code, _out, err = run(demo, "plan", str(case_id), "--cause", "失恋")
    assert code == 2 and "失恋" in err
    code, _out, err = run(demo, "follow-up", str(case_id), "--by", "李老师", "--note", "在校")
    assert code == 1 and "已返校" in err  # only a child back at school is followed up


def test_a_follow_up_recorded_from_the_command_line(demo) -> None:
    case_id = next(c["id"] for c in cases(demo) if c["status"] == "已返校")
    done = shown(demo, case_id)["follow_up"]["done"]
    code, out, err = run(demo, "follow-up", str(case_id), "--on", CLI_TODAY.isoformat(), "--by", "班主任 许老师",
                         "--note", "近两天未到校，家长称生病", "--absent", "--json")
    assert code == 0, err
    assert json.loads(out)["done"] == done + 1
    data = shown(demo, case_id)
    last = data["follow_ups"][-1]
    assert (last["date"], last["by"], last["attending"], last["kind"]) == (
        CLI_TODAY.isoformat(), "班主任 许老师", False, "follow_up")
    code, out, err = run(demo, "show", str(case_id))
    assert code == 0 and "近两天未到校" in out and "插班" in out
    code, _out, err = run(demo, "follow-up", str(case_id), "--on", (CLI_TODAY + dt.timedelta(days=1)).isoformat(),
                          "--by", "x", "--note", "y")
    assert code == 1 and err  # not in the future


def test_the_plan_prints_as_the_record_holds_it(demo, tmp_path) -> None:
    import pypdf

    home, db = demo
    [returned] = [c for c in cases(demo) if c["status"] == "已返校"]
    data = shown(demo, returned["id"])
    out = tmp_path / "一人一案.pdf"
    result = schoolaid("print", "plan", str(returned["id"]), "--db", str(db), "--out", str(out), home=home)
    assert result.returncode == 0, result.stderr
    text = "".join(page.extract_text() for page in pypdf.PdfReader(out).pages).replace("\n", "")
    plan = data["plan"]
    for part in ("一人一案", returned["student"], plan["leader"], plan["teacher"], plan["cadre"],
                 plan["placement_label"], "劝返记录", "巩固跟踪"):
        assert part in text, part
    assert f"已完成{data['follow_up']['done']}次" in text
    missing = schoolaid("print", "plan", "9999", "--db", str(db), "--out", str(tmp_path / "x.pdf"), home=home)
    assert missing.returncode == 1 and "9999" in missing.stderr and not (tmp_path / "x.pdf").exists()
