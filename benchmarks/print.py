"""Printing at scale: 500 enrollment-urging notices in one PDF, and the quarterly summary of a
5,000-student township.

    python benchmarks/print.py [--students 5000] [--notices 500] [--db PATH]

Prints the time to issue the notices (services, audited), to write them as one PDF (every character
checked, fonts embedded), the PDF's pages and size, and the time to gather and write the quarterly
summary (and the other printouts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.common.school_calendar import DEFAULT_HOLIDAYS, nth_school_day, school_days_before  # noqa: E402
from schoolaid.demo import create_demo_township  # noqa: E402
from schoolaid.dropout import (
    dropout,  # noqa: E402
    notice,  # noqa: E402
)
from schoolaid.reporting import quarterly, reports, summary
from schoolaid.roster.enrollment import EnrollmentStatus  # noqa: E402
from schoolaid.storage.database import open_database  # noqa: E402
from schoolaid.storage.models import Absence, Student, UrgingNotice  # noqa: E402

ACTOR = Actor("benchmark")


def issue_notices(session, actor: Actor, count: int) -> list[int]:
    rng = random.Random(9)
    today = dt.date.today()
    taken = set(session.scalars(select(Absence.student_id)))
    ids = [i for i in session.scalars(select(Student.id).where(Student.status == EnrollmentStatus.ENROLLED.value))
           if i not in taken]
    issued = []
    for student_id in rng.sample(ids, min(count, len(ids))):
        began = school_days_before(today, rng.randrange(20, 40), DEFAULT_HOLIDAYS)
        absence_id = dropout.record_absence(session, actor, student_id, began, today=today)
        case_id = dropout.open_case(session, actor, student_id, absence_id, today=nth_school_day(began, 5, DEFAULT_HOLIDAYS))
        issued.append(dropout.issue_notice(session, actor, case_id, today, today=today))
    return issued


def timed(label: str, action):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    result = action()
    print(f"{label:<44} {time.perf_counter() - start:7.2f} s")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=5_000)
    parser.add_argument("--notices", type=int, default=500)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    path = args.db or folder / "print.sqlite"
    fresh = not path.exists()
    db = open_database(path)
    if fresh:
        timed(f"demo township of {args.students:,} students", lambda: db.run(
            create_demo_township, ACTOR, students=args.students, seed=5, today=dt.date.today()))
    ids = [i for (i,) in db.query(lambda s: s.execute(select(UrgingNotice.id)).all())]
    if len(ids) < args.notices:
        ids += timed(f"issue {args.notices - len(ids)} notices", lambda: db.run(issue_notices, ACTOR,
                                                                                args.notices - len(ids)))
    ids = ids[:args.notices]
    out = folder / "notices.pdf"
    pages = timed(f"{len(ids)} notices in one PDF", lambda: db.query(notice.write_notices, ACTOR, ids, out))
    print(f"{'':<44} {pages} pages, {out.stat().st_size / 1e6:.1f} MB")
    today = dt.date.today()
    quarter = (today.month - 1) // 3 + 1
    timed("quarterly summary: the figures", lambda: db.query(quarterly.quarterly_summary, today.year, quarter, today))
    pages = timed("quarterly summary: figures and PDF", lambda: db.query(
        summary.write_quarterly, ACTOR, today.year, quarter, folder / "quarterly.pdf", today))
    print(f"{'':<44} {pages} pages")
    timed("term-start report", lambda: db.query(reports.write_term_report, ACTOR, folder / "term.pdf", today=today))
    pages = timed("the three ledgers", lambda: db.query(reports.write_dropout_ledgers, ACTOR, folder / "ledgers.pdf", today))
    print(f"{'':<44} {pages} pages")
    timed("pairing register", lambda: db.query(reports.write_register, ACTOR, folder / "register.pdf", today))
    db.close()


if __name__ == "__main__":
    main()
