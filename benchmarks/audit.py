"""The cost of accounts and the tamper-evident trail: a sign-in (Argon2id), posting a month for
10,000 students with every entry chained, and `audit verify` over the whole trail.

    python benchmarks/audit.py [--students 10000] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from schoolaid.accounts import (
    accounts,  # noqa: E402
    audit_verify,
)
from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.accounts.permissions import accounts_enabled  # noqa: E402
from schoolaid.demo import create_demo_township  # noqa: E402
from schoolaid.ledger import ledger
from schoolaid.ledger.ledger import ProgrammeForm  # noqa: E402
from schoolaid.storage.database import open_database  # noqa: E402

PASSWORD = "benchmark-pass"


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=10_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="schoolaid-audit-")) / "school.sqlite"
    db = open_database(path)
    if not db.query(accounts_enabled):
        seconds, _ = timed(lambda: db.run(create_demo_township, Actor("benchmark"), students=args.students, seed=5,
                                                   today=dt.date.today()))
        print(f"demo township of {args.students:,} students built in {seconds:.1f} s")
        admin = db.run(accounts.create_first_administrator, "admin", "管理员", PASSWORD)
        db.run(accounts.add_user, admin, accounts.UserForm("officer", "资助专干", "aid_officer", PASSWORD))
    seconds, outcome = timed(lambda: db.run(accounts.sign_in, "officer", PASSWORD,
                                                   now=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)))
    officer = outcome.actor
    print(f"sign-in (Argon2id, 64 MiB, t=3): {seconds * 1000:.0f} ms")
    code = f"B{int(time.time())}"
    programme = db.run(ledger.create_programme, officer, ProgrammeForm(
        code=code, name="测试全体补助", eligibility="everyone", amount_fen=1000))
    month = dt.date.today().replace(day=1)
    if month.month in (7, 8):
        month = month.replace(month=6)
    seconds, result = timed(lambda: db.run(ledger.post, officer, programme, month, today=dt.date.today()))
    print(f"posting a month: {result.posted:,} entries, each with a chained audit row, in {seconds:.2f} s")
    seconds, report = timed(lambda: db.query(audit_verify.verify))
    print(f"audit verify: {report.rows:,} audit rows re-hashed and {report.checked_records:,} covered records "
          f"compared in {seconds:.1f} s ({'intact' if report.ok else 'PROBLEMS'})")
    db.close()


if __name__ == "__main__":
    main()
