"""Our schools and villages found by the names sheets use: exactly, inside a longer place name
(平地镇波西村3组), or without the 村."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.common.validation import clean_name
from schoolaid.storage.models import School, Village


class PlaceNames:
    def __init__(self, session: Session) -> None:
        self.schools = {name: sid for sid, name in session.execute(select(School.id, School.name))}
        self.villages = {name: vid for vid, name in session.execute(select(Village.id, Village.name))}
        self._longest_first = sorted(self.villages, key=len, reverse=True)
        self._found: dict[str, int | None] = {}  # a register repeats each address hundreds of times

    def school(self, raw: str) -> int | None:
        name = clean_name(raw)
        if name in self.schools:
            return self.schools[name]
        close = [sid for known, sid in self.schools.items() if name and (name in known or known in name)]
        return close[0] if len(close) == 1 else None

    def village(self, raw: str) -> int | None:
        if raw not in self._found:
            self._found[raw] = self._village(raw)
        return self._found[raw]

    def _village(self, raw: str) -> int | None:
        name = clean_name(raw)
        if not name:
            return None
        if name in self.villages:
            return self.villages[name]
        # A village written inside a longer place name (平地镇波西村3组), or without its 村.
        for known in self._longest_first:
            if known in name or (len(name) >= 2 and known.rstrip("村") == name.rstrip("村")):
                return self.villages[known]
        return None
