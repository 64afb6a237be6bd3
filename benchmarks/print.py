"""Printing at scale: 500 enrollment-urging notices in one PDF, and the quarterly summary of a
5,000-student township.

    python benchmarks/print.py [--students 5000] [--notices 500] [--db PATH]

Prints the time to issue the notices (services, audited), and the median time to write them as one
PDF (every character checked, fonts embedded, subset) against the floor measured in the same run: a
bare reportlab canvas writing the same notices' text (the receipt's too), 28 characters a line and 22
lines a page, each notice from a new page, in the same body face embedded the same way — then the
ratio, with the aim (issue 21: ≤ 3×). Then the time to gather and write the quarterly summary (and
the other printouts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from sqlalchemy import select  # noqa: E402

from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.common.school_calendar import DEFAULT_HOLIDAYS, nth_school_day, school_days_before  # noqa: E402
from schoolaid.demo import create_demo_township  # noqa: E402
from schoolaid.documents.pdf import fonts  # noqa: E402
from schoolaid.documents.pdf.layout import (  # noqa: E402
    BODY_SIZE,
    GRID_CHARS,
    GRID_LINES,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PITCH,
    TOP,
)
from schoolaid.dropout import absences, case_files, notice_pdf, notices, persuasion  # noqa: E402
from schoolaid.dropout.persuasion import AttemptEntry  # noqa: E402
from schoolaid.dropout.vocabulary import Method, Party  # noqa: E402
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
        absence_id = absences.record_absence(session, actor, student_id, began, today=today)
        opened = nth_school_day(began, 5, DEFAULT_HOLIDAYS)
        case_id = case_files.open_case(session, actor, student_id, absence_id, today=opened)
        # The log a notice needs: failed attempts by the school with the village, then the township.
        for k, parties in enumerate(((Party.SCHOOL.value, Party.VILLAGE.value), (Party.TOWNSHIP.value,))):
            persuasion.log_attempt(session, actor, case_id, AttemptEntry(
                min(today, opened + dt.timedelta(days=2 + 3 * k)), "班主任", "家长", Method.HOME_VISIT.value, "家长未同意",
                parties=parties), today=today)
        issued.append(notices.issue_notice(session, actor, case_id, today, today=today))
    return issued


def timed(label: str, action):  # noqa: ANN001, ANN202
    start = time.perf_counter()
    result = action()
    print(f"{label:<44} {time.perf_counter() - start:7.2f} s")
    return result


AIM = 3.0


def median_seconds(action, runs: int) -> tuple[float, list[float]]:  # noqa: ANN001
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times


def bare_canvas(path: Path, texts: list[str]) -> int:
    """The floor: each text from a new page, 28 characters a line, 22 lines a page, drawn by a bare
    reportlab canvas in the body face (registered once, embedded and subset as ours). Returns the pages."""
    face = fonts.choose_faces().body
    name = f"bare-{face.name}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(face.path), subfontIndex=face.subfont))
    canvas = Canvas(str(path), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), pageCompression=1, initialFontName=name)
    pages = 0
    for text in texts:
        lines = [text[k:k + GRID_CHARS] for k in range(0, len(text), GRID_CHARS)]
        for first in range(0, len(lines), GRID_LINES):
            canvas.setFont(name, BODY_SIZE)
            for row, line in enumerate(lines[first:first + GRID_LINES]):
                canvas.drawString(LEFT, PAGE_HEIGHT - TOP - (row + 1) * PITCH, line)
            canvas.showPage()
            pages += 1
    canvas.save()
    return pages


def notice_pdf_against_floor(db, ids: list[int], folder: Path, runs: int) -> None:  # noqa: ANN001
    out = folder / "notices.pdf"
    pages = db.query(notice_pdf.write_notices, ACTOR, ids, out)  # the fonts loaded, as in a running app
    ours, our_times = median_seconds(lambda: db.query(notice_pdf.write_notices, ACTOR, ids, out), runs)
    print(f"{f'{len(ids)} notices in one PDF (median of {runs})':<44} {ours:7.2f} s  "
          f"({pages} pages, {out.stat().st_size / 1e6:.1f} MB; runs: {', '.join(f'{t:.2f}' for t in our_times)})")
    texts = db.query(lambda session: [notice_pdf.notice_page(session, i, text).all_text()
                                      for i, text in zip(ids, notice_pdf.notice_texts(session, ids), strict=True)])
    bare = folder / "bare.pdf"
    bare_pages = bare_canvas(bare, texts)
    floor, floor_times = median_seconds(lambda: bare_canvas(bare, texts), runs)
    print(f"{'floor: bare reportlab canvas, same text':<44} {floor:7.2f} s  "
          f"({bare_pages} pages, {bare.stat().st_size / 1e6:.1f} MB; runs: {', '.join(f'{t:.2f}' for t in floor_times)})")
    ratio = ours / floor
    print(f"{'ratio':<44} {ratio:7.2f}×  (aim ≤ {AIM:.0f}×: {'met' if ratio <= AIM else 'NOT met'})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=5_000)
    parser.add_argument("--notices", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
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
    notice_pdf_against_floor(db, ids, folder, args.runs)
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
