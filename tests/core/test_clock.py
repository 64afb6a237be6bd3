"""Nothing below the window and the command line reads the clock: services are given ``today`` (or
``now``) by their caller, and the window and the CLI each read the clock in one place."""

from __future__ import annotations

import ast
from pathlib import Path

import schoolaid

PACKAGE = Path(schoolaid.__file__).parent
CLOCK_READS = {("date", "today"), ("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"),
               ("time", "time"), ("time", "time_ns"), ("QDate", "currentDate"), ("QDateTime", "currentDateTime")}
# Where the clock may be read, and why.
ALLOWED = {
    "ui/context.py": "AppContext.now(): the window's one clock",
    "cli/session.py": "clock_now(): the command line's one clock",
    "storage/models.py": "utcnow(): a record's own creation, posting or audit stamp, never a judgement",
    "storage/database.py": "the file name of the copy made before a migration",
}


def clock_reads(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if (name, node.func.attr) in CLOCK_READS:
                lines.append(node.lineno)
    return lines


def test_the_clock_is_read_only_where_allowed() -> None:
    found = {str(path.relative_to(PACKAGE)): reads for path in sorted(PACKAGE.rglob("*.py"))
             if (reads := clock_reads(path))}
    assert found.keys() <= ALLOWED.keys(), {k: v for k, v in found.items() if k not in ALLOWED}
    assert {key: len(reads) for key, reads in found.items()} == {key: 1 for key in ALLOWED}  # once each
