"""The search keys' readings are looked up without pypinyin's phrase dictionary (a quarter of the time
and memory to load): every character's readings are the same as with it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"

READINGS = """
import hashlib, sys
if sys.argv[1] == "ours":
    from schoolaid.roster.pinyin_search import _char_readings as readings
    readings("张")  # pypinyin loaded as the search keys load it
    import pypinyin.constants
    assert pypinyin.constants.PHRASES_DICT == {}
else:
    from pypinyin import Style, pinyin
    def readings(char):
        options = pinyin(char, style=Style.NORMAL, heteronym=True, errors=lambda chars: chars.lower())
        found = tuple(dict.fromkeys(o.lower() for o in options[0] if o.strip())) if options else ()
        return found or (char.lower(),)
from pypinyin.pinyin_dict import pinyin_dict
digest = hashlib.sha256()
for code in sorted(pinyin_dict):
    digest.update(repr(readings(chr(code))).encode())
print(len(pinyin_dict), digest.hexdigest())
"""


def readings_digest(which: str) -> str:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYPINYIN_")}
    return subprocess.run([sys.executable, "-c", READINGS, which], capture_output=True, text=True, check=True,
                          timeout=120, env={**environment, "PYTHONPATH": str(SRC)}).stdout


def test_every_characters_readings_are_those_of_the_full_dictionary() -> None:
    ours = readings_digest("ours")
    assert int(ours.split()[0]) > 40_000
    assert ours == readings_digest("full")
