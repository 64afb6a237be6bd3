"""What the comparison page (比对核查) shows, read in one transaction off the GUI thread: a township's
register takes a while to compare."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from schoolaid.reconcile import differences, lists
from schoolaid.reconcile.differences import Difference


@dataclass(frozen=True)
class Comparison:
    """Every difference (checked ones too), and whether any list was imported."""

    differences: list[Difference]
    lists_imported: bool


def compare(session: Session, today: dt.date) -> Comparison:
    return Comparison(differences.differences(session, today, include_checked=True), bool(lists.list_lists(session)))
