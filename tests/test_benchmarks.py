"""The benchmarks still run (at a small size) and print the floor they compare with: a script that
crashes gives no figures on the day they are wanted."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("script, arguments, floor", [
    ("reconcile.py", ["--people", "1500", "--students", "150"], "← the floor"),
    ("home.py", ["--students", "150"], "floor: bare sqlite3"),
    ("import.py", ["--rows", "300"], "the calamine read"),
    ("backup.py", ["--students", "150", "--entries", "2000"], "bare sqlite3 backup + gzip"),
    ("print.py", ["--students", "150", "--notices", "12", "--runs", "1"], "floor: bare reportlab canvas"),
    ("startup.py", ["--students", "150", "--runs", "1"], "floor: a bare window with a 1,000-row table"),
])
def test_the_benchmark_runs_and_prints_its_floor(script: str, arguments: list[str], floor: str, tmp_path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *arguments], capture_output=True,
                            text=True, timeout=240, cwd=tmp_path, env={**os.environ, "TMPDIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr[-2000:]
    assert floor in result.stdout, result.stdout
