"""The dropout tab's first pages, read in one transaction: the same as each list read on its own."""

from __future__ import annotations

from schoolaid.dropout import absences, case_files, found_out_of_school, rules
from schoolaid.reporting.dropout_lists import read_lists
from schoolaid.township import township
from tests.conftest import TODAY


def test_the_lists_read_together_are_those_read_one_by_one(demo_db) -> None:
    for open_only in (True, False):
        lists = demo_db.query(read_lists, TODAY, classes=None, open_absences_only=open_only)
        assert lists.open_absences_only is open_only
        assert lists.schools == demo_db.query(township.list_schools)
        assert lists.cases == demo_db.query(case_files.list_cases, classes=None)
        assert lists.cases, "the demo township has cases"
        assert lists.absences == demo_db.query(absences.absences, TODAY, open_only=open_only, classes=None)
        assert lists.holidays == demo_db.query(rules.holidays_setting)
        assert lists.found == demo_db.query(found_out_of_school.cases_to_open, TODAY, classes=None)
        assert lists.attention == demo_db.query(case_files.attention, TODAY, classes=None)
        assert lists.suspect_days == demo_db.query(rules.setting, "dropout.suspect_school_days") > 0
    every = demo_db.query(read_lists, TODAY, classes=None, open_absences_only=False)
    only_open = demo_db.query(read_lists, TODAY, classes=None, open_absences_only=True)
    assert {a.id for a in only_open.absences} <= {a.id for a in every.absences}
