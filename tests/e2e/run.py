"""Running the command line as the township's scripts do: a real process, its own data folders, and
the tests' clock (the moved one of a clock-shifted run, or the tests' pinned moment)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import CLOCK_VARIABLE, NOW, moved_clock

#: The moment the command line believes it is: what its output is checked against.
CLI_NOW = moved_clock() or NOW
CLI_TODAY = CLI_NOW.date()
#: A moment in term time on the tests' clock: in the summer holidays (July, August) mid-June of the same
#: year. For the tests of work that only term months have (a month's aid not yet posted, a batch waiting
#: for its notice): the demo made in the holidays has posted and paid every month of the year already.
TERM_NOW = CLI_NOW if CLI_TODAY.month not in (7, 8) else CLI_NOW.replace(month=6, day=15)
LAUNCHER = Path(__file__).with_name("launch.py")


def command(*args: str) -> list[str]:
    return [sys.executable, str(LAUNCHER), *args]


def environment(home: Path, now: dt.datetime = CLI_NOW) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
            "QT_QPA_PLATFORM": "offscreen", CLOCK_VARIABLE: now.isoformat()}


def schoolaid(*args: str, home: Path, stdin: str | None = None, timeout: int = 180,
              now: dt.datetime = CLI_NOW) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), capture_output=True, text=True, env=environment(home, now), input=stdin,
                          timeout=timeout)
