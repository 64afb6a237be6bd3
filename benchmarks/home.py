"""The home tab's figures at the size of a township: the six indicators with four terms of trend,
each school's, and today's work — against the floor, a bare sqlite3 count of the students per school
and status in the same database (the least any figure of the home tab reads).

    python benchmarks/home.py [--students 5000] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.demo import create_demo_township  # noqa: E402
from schoolaid.reporting import (
    indicators,  # noqa: E402
    work_list,
)
from schoolaid.storage.database import open_database  # noqa: E402
from schoolaid.township import township  # noqa: E402
from schoolaid.township.township import is_empty  # noqa: E402


def timed(action, runs: int = 3) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="schoolaid-home-")) / "school.sqlite"
    db = open_database(path)
    if is_empty(db):
        db.run(create_demo_township, Actor("benchmark"), students=args.students, seed=3, today=dt.date.today())
    today = dt.date.today()
    schools = [school.id for school in db.query(township.list_schools)]
    with sqlite3.connect(path) as bare:
        floor = statistics.median(timed(lambda: bare.execute(
            "SELECT school_id, status, count(*) FROM students GROUP BY school_id, status").fetchall()))
    print(f"floor: bare sqlite3 count per school and status: {floor * 1000:.1f} ms")
    for label, action in (
            ("township indicators, 4 terms", lambda: db.query(indicators.compute, today=today)),
            ("every school's indicators, this term", lambda: [
                db.query(indicators.compute, school_id=school, today=today) for school in schools]),
            ("today's work", lambda: db.query(work_list.today_work, today))):
        times = timed(action)
        print(f"{label}: median {statistics.median(times) * 1000:.0f} ms (runs: "
              f"{', '.join(f'{t * 1000:.0f}' for t in times)} ms) = {statistics.median(times) / floor:.0f}× the floor")
    db.close()


if __name__ == "__main__":
    main()
