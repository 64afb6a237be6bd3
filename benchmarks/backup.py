"""The backup at scale: export and verify a database of 100,000 students and 1,000,000 ledger
entries, compared with a bare SQLite backup plus gzip of the same file.

    python benchmarks/backup.py [--students 100000] [--entries 1000000] [--db PATH]

Prints the database size, the export time (snapshot, compress, encrypt, fsync), the verify time
(decrypt, decompress, integrity and foreign-key checks, counts), the restore time, the file sizes,
and the bare sqlite3-backup + gzip time for comparison. The first run builds the database (several
minutes); pass --db to keep and reuse it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from ledger import fill_entries  # noqa: E402

from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.backup import backup  # noqa: E402
from schoolaid.demo import create_demo_township  # noqa: E402
from schoolaid.storage.database import open_database  # noqa: E402

PASSWORD = "benchmark-password"


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def megabytes(path: Path) -> str:
    return f"{path.stat().st_size / 1024 / 1024:.0f} MB"


def bare_backup_and_gzip(source: Path, target: Path) -> None:
    copy = target.with_suffix(".sqlite")
    connection = sqlite3.connect(source)
    destination = sqlite3.connect(copy)
    connection.backup(destination)
    destination.close()
    connection.close()
    with copy.open("rb") as raw, gzip.open(target, "wb", compresslevel=6) as packed:
        shutil.copyfileobj(raw, packed, 1024 * 1024)
    copy.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=100_000)
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp(prefix="bench-backup-db-")) / "school.sqlite"
    if not path.exists():
        db = open_database(path)
        seconds, _ = timed(lambda: db.run(create_demo_township, Actor("benchmark"), students=args.students, seed=4,
                                                   today=dt.date.today()))
        print(f"built {args.students:,} students in {seconds:.0f} s")
        seconds, _ = timed(lambda: fill_entries(db, args.entries))
        print(f"filled the ledger to {args.entries:,} entries in {seconds:.0f} s")
        db.close()
    print(f"database: {megabytes(path)} ({path})")
    work = Path(tempfile.mkdtemp(prefix="bench-backup-out-"))
    try:
        seconds, info = timed(lambda: backup.write_backup(path, work / "school.sabk", PASSWORD,
                                                                now=dt.datetime.now()))
        print(f"export (snapshot, zlib, ChaCha20-Poly1305, fsync): {seconds:.1f} s -> {megabytes(info.path)}; "
              f"{info.counts.get('students', 0):,} students, {info.counts.get('ledger_entries', 0):,} ledger entries")
        seconds, _ = timed(lambda: backup.verify_backup(info.path, PASSWORD))
        print(f"verify (decrypt, decompress, integrity_check, foreign_key_check, counts): {seconds:.1f} s")
        seconds, _ = timed(lambda: backup.restore_backup(info.path, PASSWORD, work / "restored.sqlite",
                                                                 now=dt.datetime.now()))
        print(f"restore into a new file: {seconds:.1f} s")
        gz = work / "bare.sqlite.gz"
        seconds, _ = timed(lambda: bare_backup_and_gzip(path, gz))
        print(f"bare sqlite3 backup + gzip -6 (no encryption, no checks): {seconds:.1f} s -> {megabytes(gz)}")
        print(f"of which the scrypt key derivation (N=2^17, r=8, p=1), once per export and per verify: "
              f"{_kdf_seconds():.2f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if os.environ.get("KEEP_BENCH_DB") is None and args.db is None:
            shutil.rmtree(path.parent, ignore_errors=True)


def _kdf_seconds() -> float:
    from schoolaid.backup.backup_file import KeyDerivation

    derivation = KeyDerivation.new()
    return timed(lambda: derivation.derive(PASSWORD))[0]


if __name__ == "__main__":
    main()
