"""Dropout control at scale: a township of many students with hundreds of absences and cases.

    python benchmarks/dropout.py [--students 20000] [--cases 300] [--db PATH]

Prints the time of what the tab does on every change anywhere (the badge's attention count, the
case list, the open absences), of what it works out when a page is shown (the three ledgers, the
dropout rate of the school year, the term-start report), and of the whole tab built and shown.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import select  # noqa: E402

from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.common.school_calendar import (  # noqa: E402
    DEFAULT_HOLIDAYS,
    SchoolYear,
    nth_school_day,
    school_days_before,
)
from schoolaid.demo import create_demo_township  # noqa: E402
from schoolaid.dropout import absences, case_files, ledgers, persuasion, rates, term_report  # noqa: E402
from schoolaid.dropout.persuasion import AttemptEntry  # noqa: E402
from schoolaid.dropout.vocabulary import CaseStatus, Method  # noqa: E402
from schoolaid.roster.enrollment import EnrollmentStatus  # noqa: E402
from schoolaid.storage.database import open_database  # noqa: E402
from schoolaid.storage.models import Absence, Student  # noqa: E402

ACTOR = Actor("benchmark")


def median_ms(action, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def add_cases(session, actor: Actor, count: int) -> None:
    """``count`` absences, two thirds with a case: a third of those closed as returned, each case
    with two or three attempts."""
    rng = random.Random(5)
    today = dt.date.today()
    taken = set(session.scalars(select(Absence.student_id)))
    ids = [i for i in session.scalars(select(Student.id).where(Student.status == EnrollmentStatus.ENROLLED.value))
           if i not in taken]
    for n, student_id in enumerate(rng.sample(ids, count)):
        began = school_days_before(today, rng.randrange(6, 60), DEFAULT_HOLIDAYS)
        absence_id = absences.record_absence(session, actor, student_id, began, today=today)
        if n % 3 == 0:
            continue
        opened = nth_school_day(began, 5, DEFAULT_HOLIDAYS)
        case_id = case_files.open_case(session, actor, student_id, absence_id, today=opened)
        for k in range(rng.randrange(2, 4)):
            day = min(today, opened + dt.timedelta(days=2 + 3 * k))
            persuasion.log_attempt(session, actor, case_id, AttemptEntry(day, "班主任", "家长", Method.HOME_VISIT.value,
                                                                     "家长未同意"), today=today)
        if n % 3 == 1 and n % 2:
            case_files.move_case(session, actor, case_id, CaseStatus.RETURNED, today, today=today, return_date=today)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=20_000)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "dropout.sqlite"
    fresh = not path.exists()
    db = open_database(path)
    if fresh:
        start = time.perf_counter()
        db.run(create_demo_township, ACTOR, students=args.students, seed=11, today=dt.date.today())
        db.run(add_cases, ACTOR, args.cases)
        print(f"built {args.students:,} students, {args.cases} absences in {time.perf_counter() - start:.1f} s ({path})")
    cases = db.query(case_files.list_cases)
    print(f"{len(cases)} cases, {sum(c.attempts for c in cases)} attempts, "
          f"{len(db.query(absences.absences, dt.date.today()))} open absences")
    today = dt.date.today()
    print("on every change (median of 5):")
    for name, action in (("attention (badge)", lambda: db.query(case_files.attention, today)),
                         ("case list", lambda: db.query(case_files.list_cases)),
                         ("open absences", lambda: db.query(absences.absences, today))):
        print(f"  {name:<28} {median_ms(action):8.1f} ms")
    print("when a page is shown (median of 3):")
    year = SchoolYear.containing(today).so_far(today)
    for name, action in (("school-age ledger", lambda: db.query(ledgers.school_age_ledger, today)),
                         ("suspected ledger", lambda: db.query(ledgers.suspected_ledger, today)),
                         ("dropout ledger", lambda: db.query(ledgers.dropout_ledger, today)),
                         ("dropout rate, school year", lambda: db.query(rates.dropout_rates, *year)),
                         ("cases per school", lambda: db.query(case_files.cases_per_school, today)),
                         ("term-start report", lambda: db.query(term_report.term_report, today))):
        print(f"  {name:<28} {median_ms(action, 3):8.1f} ms")

    from PySide6.QtWidgets import QApplication

    from schoolaid.ui.context import AppContext
    from schoolaid.ui.dropout.dropout_tab import DropoutTab
    from schoolaid.ui.preferences import Preferences

    app = QApplication.instance() or QApplication([])
    context = AppContext(db, Preferences(Path(tempfile.mkdtemp()) / "prefs.ini"), "benchmark")
    start = time.perf_counter()
    tab = DropoutTab(context)
    tab.resize(1300, 760)
    tab.show()
    app.processEvents()
    print(f"tab built and painted: {(time.perf_counter() - start) * 1000:.0f} ms")
    print(f"tab refresh after a change: {median_ms(tab.refresh):.0f} ms")
    for index, name in ((DropoutTab.LEDGERS, "ledgers page"), (DropoutTab.FIGURES, "figures page")):
        start = time.perf_counter()
        tab.sections.setCurrentIndex(index)
        app.processEvents()
        print(f"{name} first shown: {(time.perf_counter() - start) * 1000:.0f} ms")
    db.close()


if __name__ == "__main__":
    main()
