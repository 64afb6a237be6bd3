"""The subsidy ledger at scale: posting a month for 10,000 students, and opening the ledger view
over 1,000,000 entries.

    python benchmarks/ledger.py [--students 10000] [--entries 1000000] [--db PATH]

Prints the time to post (one batch, every entry audited), the ledger view's search, total and first
screen, the totals, the coverage gaps, and the whole tab from nothing to painted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.common.school_calendar import SCHOOL_MONTHS, Quarter  # noqa: E402
from schoolaid.demo import create_demo_township  # noqa: E402
from schoolaid.ledger import coverage, currency, entry_search, posting, subsidy_programmes, totals  # noqa: E402
from schoolaid.ledger.entry_search import EntryFilter
from schoolaid.ledger.subsidy_programmes import ProgrammeForm  # noqa: E402
from schoolaid.storage.database import open_database, reserve_ids  # noqa: E402
from schoolaid.storage.models import LedgerEntry, Programme, Student  # noqa: E402

ACTOR = Actor("benchmark")


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def fill_entries(db, count: int) -> None:
    """Past entries, as years of monthly batches would leave them (written directly: only the
    reading side is measured with them)."""
    with db.write() as session:
        students = [i for (i,) in session.execute(Student.__table__.select().with_only_columns(Student.id))]
        programmes = [i for (i,) in session.execute(Programme.__table__.select().with_only_columns(Programme.id))]
        existing = session.query(LedgerEntry).count()
        missing = count - existing
        rng = random.Random(3)
        now = dt.datetime(2026, 1, 1)
        for start in range(0, missing, 50_000):
            size = min(50_000, missing - start)
            ids = reserve_ids(session, LedgerEntry, size)
            rows = []
            for entry_id in ids:
                year = rng.randrange(2016, 2026)
                month = rng.choice(SCHOOL_MONTHS)
                rows.append({"id": entry_id, "batch_id": None, "programme_id": rng.choice(programmes),
                             "student_id": rng.choice(students), "period": f"{year}-{month:02d}",
                             "month": f"{year}-{month:02d}", "kind": "payment", "standard_fen": 4000, "months": 1,
                             "amount_fen": 4000, "reverses_id": None, "replaces_id": None, "reason": "",
                             "posted_at": now, "posted_by": "history"})
            session.connection().execute(LedgerEntry.__table__.insert(), rows)


def gap_floor(path: Path) -> float:
    """The least the gaps read, in bare sqlite3: every student with the columns a decision looks at, and
    each programme's entries summed per student and period (what coverage is)."""
    with sqlite3.connect(path) as bare:
        start = time.perf_counter()
        bare.execute("SELECT s.id, s.stage, s.grade, s.boarder, s.status, s.entry_date, h.category, h.risk_removed_on "
                     "FROM students s LEFT JOIN households h ON s.household_id = h.id").fetchall()
        bare.execute("SELECT programme_id, period, student_id, sum(amount_fen) FROM ledger_entries "
                     "GROUP BY programme_id, period, student_id").fetchall()
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="schoolaid-ledger-")) / "ledger.sqlite"
    fresh = not path.exists()
    db = open_database(path)
    if fresh:
        seconds = timed(lambda: db.run(create_demo_township, ACTOR, students=args.students, seed=9,
                                      today=dt.date.today()))
        print(f"demo township of {args.students:,} students built in {seconds:.1f} s")
    everyone = db.run(subsidy_programmes.create_programme, ACTOR, ProgrammeForm(
        code=f"BENCH{random.randrange(10**6)}", name="全体学生测试项目", eligibility="everyone", amount_fen=1000))
    month = dt.date.today().replace(day=1)
    if month.month in (7, 8):
        month = month.replace(month=6)
    plan_time = timed(lambda: db.query(posting.plan_posting, everyone, month, today=dt.date.today()))
    result = None

    def post() -> None:
        nonlocal result
        result = db.run(posting.post, ACTOR, everyone, month, today=dt.date.today())

    post_time = timed(post)
    print(f"posting a month: {result.posted:,} students, {currency.format_yuan(result.total_fen)} yuan — "
          f"preview {plan_time:.2f} s, post (one transaction, each entry audited) {post_time:.2f} s")
    again = timed(lambda: db.run(posting.post, ACTOR, everyone, month, today=dt.date.today()))
    print(f"posting the same month again (nothing to post): {again:.2f} s")

    seconds = timed(lambda: fill_entries(db, args.entries))
    with db.read() as session:
        total_entries = session.query(LedgerEntry).count()
    print(f"ledger filled to {total_entries:,} entries in {seconds:.1f} s")

    flt = EntryFilter()
    ids_time = [timed(lambda: db.query(entry_search.search_entry_ids, flt)) for _ in range(3)]
    total_time = [timed(lambda: db.query(entry_search.entry_total, flt)) for _ in range(3)]
    ids = db.query(entry_search.search_entry_ids, flt)
    screen_time = [timed(lambda: db.query(entry_search.fetch_entry_rows, ids[:40])) for _ in range(3)]
    by_student = timed(lambda: db.query(entry_search.search_entry_ids, EntryFilter(text="张")))
    print(f"ledger view: all ids {statistics.median(ids_time):.2f} s, count and sum "
          f"{statistics.median(total_time):.2f} s, first screen {statistics.median(screen_time) * 1000:.0f} ms, "
          f"a name search {by_student:.2f} s")
    for by in ("programme", "school", "village", "quarter"):
        print(f"totals by {by}: {timed(lambda b=by: db.query(totals.totals, b)):.2f} s")
    quarter = Quarter.containing(dt.date.today()).key
    gaps_time = timed(lambda: db.query(coverage.gaps, quarter, dt.date.today()))
    count_time = timed(lambda: db.query(coverage.gap_count, quarter, dt.date.today()))
    print(f"coverage gaps of this quarter: {gaps_time:.2f} s, their count (the badge) {count_time:.2f} s — "
          f"floor {gap_floor(path):.2f} s")

    from PySide6.QtWidgets import QApplication

    from schoolaid.ui.app import create_application
    from schoolaid.ui.context import AppContext
    from schoolaid.ui.ledger.ledger_tab import LedgerTab
    from schoolaid.ui.preferences import Preferences

    with tempfile.TemporaryDirectory() as folder:
        preferences = Preferences(Path(folder) / "prefs.ini")
        _app = create_application(preferences=preferences)  # kept alive while the tab is measured
        start = time.perf_counter()
        tab = LedgerTab(AppContext(db, preferences, "benchmark"))
        tab.resize(1300, 700)
        tab.sections.setCurrentIndex(LedgerTab.ENTRIES)
        tab.show()
        tab.grab()
        QApplication.processEvents()
        print(f"the ledger tab, built and painted over {total_entries:,} entries: {time.perf_counter() - start:.2f} s")
    db.close()


if __name__ == "__main__":
    main()
