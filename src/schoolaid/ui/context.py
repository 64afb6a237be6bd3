"""What every window needs: the open database, who is working, and news of changes.

Widgets never open a session: they pass a service function to ``query`` (read) or ``change``
(write, one transaction, recorded under the current operator), and listen to ``changed``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

from schoolaid.audit import Actor
from schoolaid.database import Database
from schoolaid.ui.preferences import Preferences

T = TypeVar("T")


class Entity:
    """Names for the kinds of record a change can touch; views refresh on the ones they show."""

    STUDENT = "student"
    HOUSEHOLD = "household"
    PAIRING = "pairing"  # staff, pairings, visits, school pairings
    LEDGER = "ledger"  # programmes, batches, entries
    DROPOUT = "dropout"  # absences, cases, persuasion attempts, notices
    TOWNSHIP = "township"
    ALL = "all"


class AppContext(QObject):
    changed = Signal(str)  # an Entity name
    operator_changed = Signal(str)

    def __init__(self, db: Database, preferences: Preferences, operator: str = "") -> None:
        super().__init__()
        self.db = db
        self.preferences = preferences
        self._operator = operator

    @property
    def operator(self) -> str:
        return self._operator

    def set_operator(self, name: str) -> None:
        self._operator = name.strip()
        self.preferences.last_operator = self._operator
        self.operator_changed.emit(self._operator)

    @property
    def actor(self) -> Actor:
        return Actor(self._operator)

    def query(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return self.db.query(service, *args, **kwargs)

    def change(self, entity: str, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a service that changes data as the current operator, then tell the views."""
        result = self.db.run(service, self.actor, *args, **kwargs)
        self.changed.emit(entity)
        return result
