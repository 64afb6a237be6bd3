"""Running the command line as the township's scripts do: a real process, its own data folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def schoolaid(*args: str, home: Path, stdin: str | None = None, timeout: int = 180) -> subprocess.CompletedProcess:
    env = {**os.environ, "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
           "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "schoolaid", *args], capture_output=True, text=True, env=env,
                          input=stdin, timeout=timeout)
