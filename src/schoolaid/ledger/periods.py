"""The months and periods the ledger is posted and looked at by: a month (2026-09) or a quarter
(2026-Q3).
"""

from __future__ import annotations

import datetime as dt
import re

from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import Quarter
from schoolaid.common.validation import error

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(text: str) -> dt.date:
    """``2026-09`` → 2026-09-01."""
    match = _MONTH.match(text.strip())
    if not match or not 1 <= int(match[2]) <= 12:
        raise ValidationFailed([error("month", "ledger.month", translate(
            "Ledger", "\u201c{text}\u201d is not a month: write it like 2026-09.").format(text=text))])
    return dt.date(int(match[1]), int(match[2]), 1)


def months_of_period(text: str) -> list[dt.date]:
    """The months of ``2026-09`` or ``2026-Q3``."""
    try:
        return Quarter.from_key(text).months()
    except ValueError:
        pass
    if _MONTH.match(text.strip()):
        return [parse_month(text)]
    raise ValidationFailed([error("period", "ledger.period", translate(
        "Ledger", "\u201c{text}\u201d is not a period: write a month like 2026-09 or a quarter like 2026-Q3.").format(
            text=text))])
