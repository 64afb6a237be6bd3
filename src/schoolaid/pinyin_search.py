"""Search keys for Chinese names: ``zs`` and ``zhangsan`` both find 张三.

Every reading of a polyphonic character is kept (曾 is zeng and ceng), up to a limit, so that a
user typing either reading finds the child.
"""

from __future__ import annotations

import itertools

from pypinyin import Style, pinyin

_MAX_READINGS = 16


def _readings(name: str) -> list[list[str]]:
    per_char = pinyin(name, style=Style.NORMAL, heteronym=True, errors=lambda chars: [c.lower() for c in chars])
    cleaned = []
    for options in per_char:
        unique = list(dict.fromkeys(o.lower() for o in options if o.strip()))
        cleaned.append(unique or ["?"])
    return cleaned


def search_keys(name: str) -> tuple[str, str]:
    """(full pinyin keys, initials keys), each a space-separated list with a leading space."""
    name = "".join(name.split())
    if not name:
        return "", ""
    readings = _readings(name)
    full: list[str] = []
    initials: list[str] = []
    for combination in itertools.islice(itertools.product(*readings), _MAX_READINGS):
        full.append("".join(combination))
        initials.append("".join(part[0] for part in combination))
    return " " + " ".join(dict.fromkeys(full)), " " + " ".join(dict.fromkeys(initials))
