"""The comparison page's read (比对核查): every difference, checked ones too, and whether a list was imported."""

from __future__ import annotations

from schoolaid.reconcile import differences, lists
from schoolaid.reporting.comparison import compare
from tests.conftest import TODAY


def test_the_comparison_holds_every_difference_checked_ones_too(demo_db) -> None:
    comparison = demo_db.query(compare, TODAY)
    assert comparison.lists_imported and demo_db.query(lists.list_lists)  # the demo township has lists
    assert comparison.differences, "and differences to check"
    assert comparison.differences == demo_db.query(differences.differences, TODAY, include_checked=True)
    open_only = demo_db.query(differences.differences, TODAY)
    assert len(comparison.differences) >= len(open_only)


def test_a_township_without_lists_has_nothing_to_compare(township_db) -> None:
    comparison = township_db.query(compare, TODAY)
    assert comparison.lists_imported is False
    assert comparison.differences == []
