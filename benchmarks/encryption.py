"""The cost of encryption at rest: the same township in a plain database and in an encrypted one
(SQLCipher 4, raw 32-byte key), side by side.

    python benchmarks/encryption.py [--students 1500] [--runs 5]

Measures, on each database: a roster keystroke (the roster search service and the first screen of
rows, for each prefix of a few names typed letter by letter), posting a month (the ledger posting
service: every student, one transaction, each entry audited), and start-up (opening the database,
checking and upgrading it, and the first query; the key's unwrapping by Argon2id and the password
hash check are measured on their own, since the plain database with accounts pays the second too).
Prints the medians and the ratio encrypted / plain; the aim is within 1.2x.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from schoolaid.accounts import accounts  # noqa: E402
from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.demo import create_demo_township  # noqa: E402
from schoolaid.ledger import posting, subsidy_programmes  # noqa: E402
from schoolaid.ledger.subsidy_programmes import ProgrammeForm  # noqa: E402
from schoolaid.roster import roster  # noqa: E402
from schoolaid.storage import encryption  # noqa: E402
from schoolaid.storage.database import Database, open_database  # noqa: E402
from schoolaid.storage.models import Student  # noqa: E402

ACTOR = Actor("benchmark")
TODAY = dt.date(2026, 12, 1)
PASSWORD = "benchmark-pass-1"
SCREEN = 40  # rows on the first screen


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def build(folder: Path, students: int) -> tuple[Path, Path, bytes, float]:
    plain = folder / "plain.sqlite"
    db = open_database(plain)
    db.run(create_demo_township, ACTOR, students=students, seed=11, today=TODAY)
    db.close()
    encrypted = folder / "encrypted.sqlite"
    shutil.copy(plain, encrypted)
    start = time.perf_counter()
    made = encryption.encrypt_database(encrypted, "admin", PASSWORD)
    return plain, encrypted, made.key, time.perf_counter() - start


def prefixes(db: Database) -> list[str]:
    with db.read() as session:
        names = [s.name for s in session.query(Student).order_by(Student.id).limit(400)][::80]
    return [name[:end] for name in names for end in range(1, len(name) + 1)]


def keystroke(db: Database, text: str) -> float:
    def one() -> None:
        ids = db.query(roster.search_ids, roster.RosterFilter(text=text))
        db.query(roster.fetch_rows, ids[:SCREEN], TODAY, full_id_rights=True)

    return timed(one)


def post_month(db: Database, month: dt.date) -> float:
    programme = db.run(subsidy_programmes.create_programme, ACTOR, ProgrammeForm(
        code=f"BENCH{month:%Y%m}", name=f"测试项目{month:%Y%m}", eligibility="everyone", amount_fen=1000))
    return timed(lambda: db.run(posting.post, ACTOR, programme, month, today=TODAY))


def start_up(path: Path, key: bytes | None) -> float:
    def one() -> None:
        db = open_database(path, key=key)
        db.query(accounts.list_users)
        db.close()

    return timed(one)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="schoolaid-encryption-bench-"))
    try:
        plain, encrypted, key, conversion = build(folder, args.students)
        print(f"{args.students:,} students: {plain.stat().st_size / 1e6:.1f} MB; encrypting it took {conversion:.2f} s")
        rows = []
        # The two databases side by side, each measurement taken on one then the other, so that whatever
        # else the PC does meanwhile weighs on both alike; medians.
        databases = {"plain": (plain, None), "encrypted": (encrypted, key)}
        samples: dict[str, dict[str, list[float]]] = {label: {} for label in databases}

        def sample(label: str, name: str, seconds: float, scale: float = 1000) -> None:
            samples[label].setdefault(name, []).append(seconds * scale)

        opened = {label: open_database(path, key=db_key) for label, (path, db_key) in databases.items()}
        try:
            texts = prefixes(opened["plain"])
            for db in opened.values():  # warm, as a user's second keystroke is
                for text in texts:
                    keystroke(db, text)
            for _ in range(args.runs):
                for text in texts:
                    for label, db in opened.items():
                        sample(label, "roster keystroke (ms)", keystroke(db, text))
            for month in (dt.date(2026, m, 1) for m in (3, 4, 5, 6, 9, 10, 11)):
                for label, db in opened.items():
                    sample(label, "posting a month (s)", post_month(db, month), 1)
        finally:
            for db in opened.values():
                db.close()
        for path, db_key in databases.values():
            start_up(path, db_key)
        for _ in range(args.runs * 3):
            for label, (path, db_key) in databases.items():
                sample(label, "start-up without Argon2 (ms)", start_up(path, db_key))
        figures = {label: {name: statistics.median(values) for name, values in by_name.items()}
                   for label, by_name in samples.items()}
        for name in figures["plain"]:
            p, e = figures["plain"][name], figures["encrypted"][name]
            rows.append(f"  {name:<32} plain {p:9.2f}   encrypted {e:9.2f}   ratio {e / p:5.2f}x")
        print("\n".join(rows))
        slots = encryption.KeyFile.load(encryption.keys_path(encrypted))
        unwrap = statistics.median(timed(lambda: slots.unwrap("admin", PASSWORD)) for _ in range(args.runs))
        password_hash = accounts.HASHER.hash(PASSWORD)
        verify = statistics.median(timed(lambda: accounts.HASHER.verify(password_hash, PASSWORD))
                                   for _ in range(args.runs))
        print(f"  Argon2id key unwrap (t={encryption.ARGON2_TIME}, m={encryption.ARGON2_MEMORY_KIB // 1024} MiB, "
              f"p={encryption.ARGON2_LANES}): {unwrap * 1000:.0f} ms, paid once per sign-in on the encrypted database; "
              f"the password hash check (both): {verify * 1000:.0f} ms")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
