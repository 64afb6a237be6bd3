"""Search keys for Chinese names: ``zs`` and ``zhangsan`` both find 张三.

Every reading of a polyphonic character is kept (曾 is zeng and ceng), up to a limit, so that a
user typing either reading finds the child. Readings are looked up per character and remembered:
an import of 10,000 names must not ask pypinyin 10,000 times.

The keys are stored when a name is written (``student_search_keys``, ``name_pinyin``): searching needs
no dictionary, so pypinyin is loaded by the first name written (its character dictionary only: 0.3 s).
"""

from __future__ import annotations

import itertools
import os
import sys
from functools import cache, lru_cache

_MAX_READINGS = 16
# Surnames read differently from the character's everyday reading. The first key of a name is
# its usual reading, which is also how the roster sorts.
_SURNAME_READINGS = {
    "曾": "zeng", "单": "shan", "仇": "qiu", "解": "xie", "区": "ou", "查": "zha", "朴": "piao", "盖": "ge",
    "乐": "yue", "覃": "qin", "翟": "zhai", "缪": "miao", "尉": "yu", "华": "hua", "任": "ren", "沈": "shen",
    "秘": "bi", "繁": "po", "长": "chang", "种": "chong", "员": "yun", "召": "shao", "句": "gou", "阚": "kan",
}


def _load_dictionary() -> None:
    """pypinyin without its phrase dictionary: readings are looked up one character at a time, where
    phrases play no part (the readings of all 41,923 characters in its dictionary are the same either
    way), and loading the phrases took three quarters of its time and 45 MiB."""
    if "pypinyin" not in sys.modules:
        os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
        os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")


def load_dictionary() -> None:
    """Load pypinyin's character dictionary now (in the background, ahead of the first name written: loading it
    on the GUI thread held the first save of a student about 0.1 s)."""
    _load_dictionary()
    import pypinyin  # noqa: F401 - loaded for its dictionary


@cache
def _char_readings(char: str) -> tuple[str, ...]:
    """A character's readings, the most common first; a character pypinyin does not know reads as itself."""
    _load_dictionary()
    from pypinyin import Style, pinyin

    options = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda chars: chars.lower())
    readings = tuple(dict.fromkeys(o.lower() for o in options[0] if o.strip())) if options else ()
    return readings or (char.lower(),)


@lru_cache(maxsize=16_384)  # names repeat (a household head is many children's guardian)
def search_keys(name: str) -> tuple[str, str]:
    """(full pinyin keys, initials keys), each a space-separated list with a leading space."""
    name = "".join(name.split())
    if not name:
        return "", ""
    readings = [_char_readings(char) for char in name]
    usual = [r[0] for r in readings]
    if name[0] in _SURNAME_READINGS:
        usual[0] = _SURNAME_READINGS[name[0]]
    full: list[str] = []
    initials: list[str] = []
    combinations = itertools.islice(itertools.product(*readings), _MAX_READINGS)
    for combination in itertools.chain([tuple(usual)], combinations):
        full.append("".join(combination))
        initials.append("".join(part[0] for part in combination))
    return " " + " ".join(dict.fromkeys(full)), " " + " ".join(dict.fromkeys(initials))
