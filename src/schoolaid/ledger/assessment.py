"""The assessment of need (家庭经济困难学生认定) as the ledger reads it: which students are assessed,
at which level, for the school year containing a day.

This is the extension point the hardship module fills: until it exists no student is assessed, so a
programme's condition "认定" / "认定寄宿生" selects no one and the ledger export's 认定等级 column is
empty. The hardship helper replaces the body of ``assessed_levels`` (and nothing else here).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from sqlalchemy.orm import Session


def assessed_levels(session: Session, student_ids: Collection[int], on: dt.date) -> dict[int, str]:
    """{student id: level (特别困难 / 困难 / 一般困难 or as set locally)} for those of ``student_ids``
    assessed as in financial difficulty and on file on ``on``. Empty until hardship fills it."""
    del session, student_ids, on
    return {}
