"""Large results let go a slice at a time.

Freeing a list of a hundred thousand rows is one call into the interpreter: it drops every row, and each
row its fields, without once giving up the GIL. Done by the home tab's figures on a worker thread at the
size of a county, that held the window's thread for 50–500 ms at a time (benchmarks/gui_freezes.py
--trace showed the worker at a function's return). Emptied from the end a slice at a time, the
interpreter can hand the GIL over between slices.
"""

from __future__ import annotations

from typing import Any

# Rows freed between two chances for another thread to take the GIL: about a millisecond's work.
SLICE = 2_000


def release(*containers: list[Any] | dict[Any, Any] | set[Any]) -> None:
    """Empty each container, the large ones a slice at a time (what else still refers to their items keeps
    them). Dictionaries and sets go first, so that the lists, emptied last, free the items themselves."""
    for container in sorted(containers, key=lambda c: isinstance(c, list)):
        if isinstance(container, list):
            while container:
                del container[-SLICE:]
        elif len(container) <= SLICE:
            container.clear()
        else:
            while container:
                _drop_some(container)


def _drop_some(container: dict[Any, Any] | set[Any]) -> None:
    if isinstance(container, dict):
        for _ in range(min(SLICE, len(container))):
            container.popitem()
    else:
        for _ in range(min(SLICE, len(container))):
            container.pop()
