"""`schoolaid indicators` as the township's scripts read it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.run import schoolaid

KEYS = ["preschool_gross_enrollment", "school_age_enrollment", "primary_boarders", "primary_dropout"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path]:
    home = tmp_path_factory.mktemp("home")
    db = home / "school.sqlite"
    assert schoolaid("demo", "--db", str(db), "--students", "150", home=home).returncode == 0
    return home, db


def test_indicators_json(demo):
    home, db = demo
    result = schoolaid("indicators", "--db", str(db), "--json", home=home)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    found = {i["key"]: i for i in data["indicators"]}
    assert [k for k in found if k in KEYS] == KEYS
    assert found["primary_dropout"]["target"] == 0.002 and found["preschool_gross_enrollment"]["target"] == 0.85
    assert found["school_age_enrollment"]["target"] == 1.0 and found["primary_boarders"]["target"] == 0.3
    consolidation = data["consolidation_rate"]
    assert consolidation == found["consolidation_rate"] and consolidation["target"] == 0.95
    assert consolidation["comparison"] == ">=" and "巩固率" in consolidation["name"] and consolidation["source"]
    assert "transferred" not in consolidation["how"] and "转入" in consolidation["how"]
    assert found["primary_dropout"]["source"].endswith("确保十三五时期小学辍学率控制在0.2%以内")
    for key, indicator in found.items():
        # A gross enrollment ratio counts every child in the kindergarten over the children of the age,
        # so it may pass 100 % (some years of the demo it does); the others are shares.
        assert indicator["value"] is None or 0.0 <= indicator["value"] <= (
            float("inf") if key == "preschool_gross_enrollment" else 1.0), key
        if indicator["denominator"]:
            assert indicator["value"] == indicator["numerator"] / indicator["denominator"]


def test_indicators_text_school_and_term(demo):
    home, db = demo
    plain = schoolaid("indicators", "--db", str(db), home=home)
    assert plain.returncode == 0 and "小学辍学率" in plain.stdout and "≤0.2%" in plain.stdout
    school = schoolaid("indicators", "--db", str(db), "--school", "平地镇中心校", "--json", home=home)
    assert json.loads(school.stdout)["school"] == "平地镇中心校"
    assert schoolaid("indicators", "--db", str(db), "--year", "2026", home=home).returncode == 1
    assert schoolaid("indicators", "--db", str(db), "--year", "2099", "--term", "autumn", home=home).returncode == 1
    assert schoolaid("indicators", "--db", str(db), "--school", "没有的学校", home=home).returncode == 1
