"""What the dropout tab's first pages show, read in one transaction (off the GUI thread: some twenty reads,
which held the window 60–90 ms when the tab was shown)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from schoolaid.dropout import absences, case_files, found_out_of_school, rules
from schoolaid.dropout.absences import AbsenceView
from schoolaid.dropout.case_files import CaseView
from schoolaid.dropout.found_out_of_school import FoundChild
from schoolaid.township import township
from schoolaid.township.township import SchoolView


@dataclass(frozen=True)
class DropoutLists:
    schools: list[SchoolView]
    cases: list[CaseView]
    open_absences_only: bool
    absences: list[AbsenceView]
    holidays: str
    found: list[FoundChild]
    attention: case_files.Attention
    suspect_days: int


def read_lists(session: Session, today: dt.date, *, classes: frozenset[tuple[int, str, int, str]] | None,
               open_absences_only: bool) -> DropoutLists:
    """The schools, the cases and the absences (open ones only if asked) a teacher's classes see, with what
    the tab says of them: the holidays, the children found out of school, what calls for attention."""
    return DropoutLists(
        township.list_schools(session), case_files.list_cases(session, classes=classes), open_absences_only,
        absences.absences(session, today, open_only=open_absences_only, classes=classes),
        rules.holidays_setting(session), found_out_of_school.cases_to_open(session, today, classes=classes),
        case_files.attention(session, today, classes=classes), rules.setting(session, "dropout.suspect_school_days"))
