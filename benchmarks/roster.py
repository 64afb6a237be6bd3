"""Roster speed at county scale: builds a 100,000-student database and prints

- how long the demo data takes to build,
- start to first painted main window (a fresh process, as a user starting the program),
- search and filter latency per keystroke in the roster model (search, count, and the first screen of rows),
- memory (peak resident set size).

    python benchmarks/roster.py [--students 100000] [--db PATH] [--keep]

Runs offscreen; the aim is every keystroke under 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIRST_PAINT_SCRIPT = r"""
import sys, time
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from schoolaid.ui.app import create_application
from schoolaid.ui.preferences import Preferences
prefs = Preferences(Path(sys.argv[2]))
app = create_application(preferences=prefs)
from schoolaid.storage.database import open_database
from schoolaid.ui.context import AppContext
from schoolaid.ui.main_window import MainWindow
db = open_database(sys.argv[1])
window = MainWindow(AppContext(db, prefs, "benchmark"))

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
window.grab()  # offscreen windows paint when grabbed
app.exec()
"""


def build(path: Path, students: int) -> float:
    from schoolaid.accounts.audit import Actor
    from schoolaid.demo import create_demo_township
    from schoolaid.storage.database import open_database

    start = time.perf_counter()
    db = open_database(path)
    db.run(create_demo_township, Actor("benchmark"), students=students, seed=2026, today=dt.date.today())
    db.close()
    return time.perf_counter() - start


def first_paint(path: Path, runs: int = 3) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for _ in range(runs):
            start = time.time()
            output = subprocess.run([sys.executable, "-c", FIRST_PAINT_SCRIPT, str(path), f"{folder}/prefs.ini"],
                                    capture_output=True, text=True, check=True).stdout
            painted = float(next(line for line in output.splitlines() if line.startswith("painted")).split()[1])
            times.append(painted - start)
    return times


def keystrokes(path: Path) -> dict[str, list[float]]:
    from schoolaid.roster import roster
    from schoolaid.storage.database import open_database
    from schoolaid.ui.app import create_application
    from schoolaid.ui.context import AppContext
    from schoolaid.ui.preferences import Preferences
    from schoolaid.ui.roster.roster_tab import RosterTab

    with tempfile.TemporaryDirectory() as folder:
        prefs = Preferences(Path(folder) / "prefs.ini")
        app = create_application(preferences=prefs)
        db = open_database(path)
        tab = RosterTab(AppContext(db, prefs, "benchmark"))
        tab.resize(1300, 700)
        tab.show()
        app.processEvents()
        everyone = db.query(roster.search_ids, roster.RosterFilter())
        sample = db.query(roster.fetch_rows, [everyone[len(everyone) // 20]], dt.date.today())
        student = next(iter(sample.values()))
        number = db.query(roster.full_id_numbers, [student.id])[student.id]
        from schoolaid.roster.pinyin_search import search_keys

        initials = search_keys(student.name)[1].split()[0]

        def timed(action) -> float:
            start = time.perf_counter()
            action()
            # What the user waits for: the search, the count, and the first screen of rows drawn.
            for row in range(min(30, tab.model.rowCount())):
                for column in range(tab.model.columnCount()):
                    tab.model.index(row, column).data()
            app.processEvents()
            return (time.perf_counter() - start) * 1000

        def type_text(text: str) -> list[float]:
            tab.search_edit.clear()
            tab.apply_filter()
            results = []
            for end in range(1, len(text) + 1):
                tab.search_edit.blockSignals(True)
                tab.search_edit.setText(text[:end])
                tab.search_edit.blockSignals(False)
                results.append(timed(tab.apply_filter))
            return results

        results = {
            f"name ({student.name})": type_text(student.name),
            f"pinyin initials ({initials})": type_text(initials),
            "ID digits (8)": type_text(number[-8:]),
        }
        tab.search_edit.clear()
        tab.apply_filter()
        filters = []
        for combo, position in ((tab.school_combo, 1), (tab.grade_combo, 6), (tab.village_combo, 3),
                                (tab.status_combo, 0)):
            filters.append(timed(lambda c=combo, p=position: c.setCurrentIndex(p)))
        filters.append(timed(tab.poor_check.click))
        filters.append(timed(tab.clear_filters))
        results["filters (school, grade, village, status, poor, clear)"] = filters
        header = []
        for column in range(tab.model.columnCount()):
            header.append(timed(lambda c=column: tab.model.sort(c)))
        results["sort on each column"] = header
        db.close()
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse (or keep) this database")
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="schoolaid-bench-"))
    path = args.db or folder / "county.sqlite"
    if not path.exists():
        seconds = build(path, args.students)
        print(f"built {args.students:,} students in {seconds:.1f} s ({path.stat().st_size / 1e6:.0f} MB)")
    else:
        print(f"using {path}")
    paints = first_paint(path)
    print(f"start to first painted window: {min(paints):.2f} s best, {statistics.median(paints):.2f} s median "
          f"of {len(paints)} cold process starts")
    results = keystrokes(path)
    print("latency per keystroke (ms, including the first screen of rows):")
    everything = []
    for name, values in results.items():
        everything.extend(values)
        print(f"  {name:55s} median {statistics.median(values):6.1f}  max {max(values):6.1f}  "
              f"[{', '.join(f'{v:.0f}' for v in values)}]")
    print(f"  {'all':55s} median {statistics.median(everything):6.1f}  max {max(everything):6.1f}  "
          f"under 100 ms: {sum(v < 100 for v in everything)}/{len(everything)}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the roster process: {peak:.0f} MB")
    if not args.keep and args.db is None:
        for file in folder.iterdir():
            file.unlink()
        folder.rmdir()


if __name__ == "__main__":
    main()
