"""Running the command line as the township's scripts do: a real process, its own data folders, and
the tests' clock (the moved one of a clock-shifted run, or the tests' pinned moment)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import CLOCK_VARIABLE, NOW, moved_clock

#: The moment the command line believes it is: what its output is checked against.
CLI_NOW = moved_clock() or NOW
CLI_TODAY = CLI_NOW.date()
LAUNCHER = Path(__file__).with_name("launch.py")


def command(*args: str) -> list[str]:
    return [sys.executable, str(LAUNCHER), *args]


def environment(home: Path) -> dict[str, str]:
    return {**os.environ, "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
            "QT_QPA_PLATFORM": "offscreen", CLOCK_VARIABLE: CLI_NOW.isoformat()}


def schoolaid(*args: str, home: Path, stdin: str | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    return subprocess.run(command(*args), capture_output=True, text=True, env=environment(home), input=stdin,
                          timeout=timeout)
