"""Search keys for Chinese names: ``zs`` and ``zhangsan`` both find 张三.

Every reading of a polyphonic character is kept (曾 is zeng and ceng), up to a limit, so that a
user typing either reading finds the child.
"""

from __future__ import annotations

import itertools

from pypinyin import Style, lazy_pinyin, pinyin

_MAX_READINGS = 16
# Surnames read differently from the character's everyday reading. The first key of a name is
# its usual reading, which is also how the roster sorts.
_SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "解": "xie", "区": "ou", "查": "zha", "朴": "piao", "盖": "ge",
    "乐": "yue", "覃": "qin", "翟": "zhai", "缪": "miao", "尉": "yu", "华": "hua", "任": "ren", "沈": "shen",
    "秘": "bi", "繁": "po", "长": "chang", "种": "chong", "员": "yun", "召": "shao", "句": "gou", "阚": "kan",
}


def _usual_reading(name: str) -> list[str]:
    readings = [r.lower() for r in lazy_pinyin(name, errors=lambda chars: list(chars))]
    if name[0] in _SURNAME_READINGS and readings:
        readings[0] = _SURNAME_READINGS[name[0]]
    return readings


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
    usual = _usual_reading(name)
    full: list[str] = []
    initials: list[str] = []
    combinations = itertools.islice(itertools.product(*readings), _MAX_READINGS)
    for combination in itertools.chain([tuple(usual)] if len(usual) == len(readings) else [], combinations):
        full.append("".join(combination))
        initials.append("".join(part[0] for part in combination))
    return " " + " ".join(dict.fromkeys(full)), " " + " ".join(dict.fromkeys(initials))
