"""The assessment of need (家庭经济困难学生认定) as the ledger reads it: which students are assessed,
at which level, on a day.

The extension point the hardship module fills (``ledger.hardship``): a programme's condition "认定" /
"认定寄宿生" selects the students with a level in force on the day (decided on or before it, not yet
ended by an adjustment or a withdrawal), and the ledger export's 认定等级 column shows it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy.orm import Session

from schoolaid.ledger import hardship


def assessed_levels(session: Session, student_ids: Collection[int] | None, on: dt.date) -> dict[int, str]:
    """{student id: level (特别困难 / 困难 / 一般困难 or as set locally)} for those of ``student_ids`` (None:
    every student) assessed as in financial difficulty on ``on``: decided by then, through its 公示 or on file, and
    neither adjusted nor withdrawn by then (the adjusted record's successor counts instead)."""
    return hardship.assessed_levels(session, on, None if student_ids is None else list(student_ids))
