"""Who is eligible and who is covered.

A student is eligible in a month when the programme's rule selects them and they are enrolled
(在读) on the 15th of that month (or today, for the current month before the 15th): joining by
mid-month counts for the month, leaving before it does not. A student is covered for a
programme and period when the entries for them add up to more than zero.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from schoolaid.common.school_calendar import month_reference_day
from schoolaid.ledger.subsidy_programmes import ProgrammeView
from schoolaid.ledger.vocabulary import Eligibility
from schoolaid.roster import roster
from schoolaid.roster.categories import lifted_or_monitored_condition
from schoolaid.storage.database import fetch_ids
from schoolaid.storage.models import Household, LedgerEntry, ProgrammeMember, Student


def _selected(session: Session, programme: ProgrammeView, on: dt.date | None = None) -> Select:
    """The students the programme's rule selects, before enrollment is checked (categories as on ``on``)."""
    query = select(Student.id).outerjoin(Household, Student.household_id == Household.id)
    if programme.stage:
        query = query.where(Student.stage == programme.stage)
    rule = programme.eligibility
    if rule is Eligibility.REGISTERED_POOR:
        query = query.where(lifted_or_monitored_condition(on))  # categories.is_lifted_or_monitored
    elif rule is Eligibility.LEFT_BEHIND:
        query = query.where(Student.left_behind.is_(True))
    elif rule is Eligibility.BOARDER:
        query = query.where(Student.boarder.is_(True))
    elif rule is Eligibility.LIST:
        query = query.where(Student.id.in_(select(ProgrammeMember.student_id).where(
            ProgrammeMember.programme_id == programme.id)))
    return query


def eligible_ids(session: Session, programme: ProgrammeView, month: dt.date, today: dt.date,
                 enrolled: set[int] | None = None) -> set[int]:
    if not programme.active or not programme.pays_in(month):
        return set()
    selected = set(fetch_ids(session, _selected(session, programme, month_reference_day(month, today))))
    enrolled = enrolled if enrolled is not None else roster.enrolled_on(session, month_reference_day(month, today), selected)
    return selected & enrolled


def covered_ids(session: Session, programme_id: int, period: str) -> set[int]:
    """Students whose entries for the programme and period add up to more than zero."""
    query = (select(LedgerEntry.student_id).where(LedgerEntry.programme_id == programme_id,
                                                   LedgerEntry.period == period)
             .group_by(LedgerEntry.student_id).having(func.sum(LedgerEntry.amount_fen) > 0))
    return set(fetch_ids(session, query))
