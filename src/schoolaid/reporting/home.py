"""What the home tab shows, read in one transaction: a term's indicators and today's work."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.common.school_calendar import Term
from schoolaid.reporting import indicators, work_list
from schoolaid.reporting.indicators import SchoolIndicators


def home_figures(session: Session, term: Term | None, school_id: int | None, today: dt.date,
                 actor: Actor | None = None) -> tuple[SchoolIndicators, list[work_list.WorkItem]]:
    return indicators.compute(session, term, school_id, today=today), work_list.today_work(session, today, actor)
