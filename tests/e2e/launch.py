"""``python -m schoolaid`` as the tests run it, with two test-only hooks set from outside:

- the clock: the command line reads it in one place (``cli.main._now``); ``SCHOOLAID_TEST_CLOCK`` moves it,
  as the test session's own clock is moved (tests/conftest.py), so a subprocess and the test that checks
  its output agree on the day;
- a kill: ``SCHOOLAID_TEST_KILL_DURING=module:function:fraction`` runs that service with a progress hook
  that kills the process (SIGKILL: a power cut) once the service reports more than ``fraction`` done,
  a known point in the middle of its work."""

from __future__ import annotations

import datetime as dt
import importlib
import os
import signal
import sys
from typing import Any

import time_machine

from schoolaid.cli.main import main
from schoolaid.common.progress import Progress


def _kill_during(spec: str) -> None:
    module_name, name, after = spec.split(":")
    module = importlib.import_module(module_name)
    service = getattr(module, name)

    def report(fraction: float, _message: str) -> None:
        if fraction > float(after):
            os.kill(os.getpid(), signal.SIGKILL)

    def killed_half_way(*args: Any, **kwargs: Any) -> Any:
        return service(*args, **{**kwargs, "progress": Progress(report)})

    setattr(module, name, killed_half_way)


if __name__ == "__main__":
    if os.environ.get("SCHOOLAID_TEST_KILL_DURING"):
        _kill_during(os.environ["SCHOOLAID_TEST_KILL_DURING"])
    with time_machine.travel(dt.datetime.fromisoformat(os.environ["SCHOOLAID_TEST_CLOCK"]), tick=True):
        code = main(sys.argv[1:])
    raise SystemExit(code)
