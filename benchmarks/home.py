"""The home tab's figures at the size of a township: the six indicators with four terms of trend,
each school's, and today's work.

    python benchmarks/home.py [--students 5000] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
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
    for label, action in (
            ("township indicators, 4 terms", lambda: db.query(indicators.compute, today=dt.date.today())),
            ("every school's indicators, this term", lambda: db.query(indicators.per_school)),
            ("today's work", lambda: db.query(work_list.today_work, dt.date.today()))):
        times = timed(action)
        print(f"{label}: median {statistics.median(times) * 1000:.0f} ms (runs: "
              f"{', '.join(f'{t * 1000:.0f}' for t in times)} ms)")
    db.close()


if __name__ == "__main__":
    main()
