"""A payment batch's 公示 through the command line: the dates with the phone for objections (refused
without a phone), the printed 公示表, the notice taken down (not before it ends, once), and payment
before the notice ends still refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pypdfium2
import pytest

from schoolaid.ledger import batches
from schoolaid.storage.database import open_database
from schoolaid.storage.models import Student
from tests.e2e.run import TERM_NOW, schoolaid

# In term time: a demo made in the summer holidays has every batch of the year noticed and paid.
TODAY = TERM_NOW.date()


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> tuple[Path, Path, int]:
    home = tmp_path_factory.mktemp("home")
    db_path = home / "平地镇.sqlite"
    result = schoolaid("demo", "--db", str(db_path), "--students", "60", home=home, now=TERM_NOW)
    assert result.returncode == 0, result.stderr
    db = open_database(db_path)
    try:
        waiting = [b for b in db.query(batches.list_batches) if b.notice_from is None and b.entries]
    finally:
        db.close()
    assert waiting
    return home, db_path, waiting[0].id


def ledger(demo, *words: str):
    home, db, _ = demo
    return schoolaid("ledger", *words, "--db", str(db), home=home, now=TERM_NOW)


def test_notice_printed_and_taken_down(demo, tmp_path):
    home, db_path, batch = demo
    start = TODAY - dt.timedelta(days=TODAY.weekday() + 35)  # a Monday five weeks back
    end = start + dt.timedelta(days=11)  # the Friday after next: ten working days, clear of a holiday or two
    dates = ["--batch", str(batch), "--from", start.isoformat(), "--to", end.isoformat()]
    no_phone = ledger(demo, "notice", *dates)
    assert no_phone.returncode == 2 and "--phone" in no_phone.stderr
    not_a_phone = ledger(demo, "notice", *dates, "--phone", "12345")
    assert not_a_phone.returncode == 1 and "12345" in not_a_phone.stderr
    done = ledger(demo, "notice", *dates, "--phone", "0812-2911035", "--json")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert (shown["id"], shown["notice_from"], shown["notice_to"], shown["notice_phone"]) == (
        batch, start.isoformat(), end.isoformat(), "08122911035")
    assert shown["notice_taken_down_on"] is None and shown["stage"] == "待发放"

    pdf = tmp_path / "公示表.pdf"
    printed = schoolaid("print", "batch-notice", str(batch), "--out", str(pdf), "--db", str(db_path), home=home,
                        now=TERM_NOW)
    assert printed.returncode == 0, printed.stderr
    assert str(pdf) in printed.stdout
    document = pypdfium2.PdfDocument(pdf)
    # Line breaks taken out: a long programme's title wraps (“…资助名\r\n单公示”).
    text = "".join("".join(document[i].get_textpage().get_text_range() for i in range(len(document))).split())
    document.close()
    db = open_database(db_path)
    try:
        with db.read() as session:
            from sqlalchemy import select

            from schoolaid.storage.models import LedgerEntry

            pupils = session.scalars(select(Student).join(LedgerEntry, LedgerEntry.student_id == Student.id)
                                     .where(LedgerEntry.batch_id == batch)).all()
            names = [p.name for p in pupils]
            ids = [p.id_number for p in pupils if p.id_number]
    finally:
        db.close()
    assert names and all(name in text for name in names)
    assert "资助名单公示" in text and "08122911035" in text and start.strftime("%Y年%-m月%-d日") in text
    assert not [number for number in ids if number in text]

    early = ledger(demo, "notice-down", "--batch", str(batch), "--on", end.isoformat())
    assert early.returncode == 1 and end.isoformat() in early.stderr
    not_a_date = ledger(demo, "notice-down", "--batch", str(batch), "--on", "2026-13-01")
    assert not_a_date.returncode == 2
    down = ledger(demo, "notice-down", "--batch", str(batch), "--on", (end + dt.timedelta(days=3)).isoformat(), "--json")
    assert down.returncode == 0, down.stderr
    assert json.loads(down.stdout)["notice_taken_down_on"] == (end + dt.timedelta(days=3)).isoformat()
    twice = ledger(demo, "notice-down", "--batch", str(batch))
    assert twice.returncode == 1 and (end + dt.timedelta(days=3)).isoformat() in twice.stderr
