"""What every window needs: the open database, who is working, and news of changes.

Widgets never open a session. A view reads what it shows with ``query(service, ...)``; everything
the user does (changes, exports, printouts, long reads) is an operation run by
``ui.operations.run_op``, which ends by telling the views, through ``changed``, which kinds of
record it touched — once per operation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any, ClassVar, TypeVar

from PySide6.QtCore import QObject, Signal

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, allows, is_teacher
from schoolaid.storage.database import Database
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
    ACCOUNTS = "accounts"
    RECONCILE = "reconcile"  # the lists of 四查三比对 and the checks of their differences
    ALL = "all"

    @staticmethod
    def touched(changed: frozenset[str], *kinds: str) -> bool:
        """Whether a change to ``changed`` concerns a view that shows ``kinds``."""
        return Entity.ALL in changed or not changed.isdisjoint(kinds)


def window_now() -> dt.datetime:
    """The local date and time as the window sees it (``AppContext.now``), also before any database
    is open (signing in at the start)."""
    return AppContext.pinned_now if AppContext.pinned_now is not None else dt.datetime.now()


def window_utcnow() -> dt.datetime:
    """``window_now()`` in UTC, as account locks are stored."""
    return window_now().astimezone(dt.timezone.utc).replace(tzinfo=None)


class AppContext(QObject):
    changed = Signal(object)  # a frozenset of Entity names, once per operation
    operator_changed = Signal(str)

    #: Tests pin the window's clock here (local time); None reads the real clock.
    pinned_now: ClassVar[dt.datetime | None] = None

    def __init__(self, db: Database, preferences: Preferences, operator: str = "",
                 actor: Actor | None = None) -> None:
        super().__init__()
        self.db = db
        self.preferences = preferences
        self._operator = actor.name if actor is not None else operator
        self._actor = actor  # the signed-in account; None on a database without accounts

    def now(self) -> dt.datetime:
        """The local date and time: the one place the window reads the clock. Every tab and dialog
        asks here (or ``today()``) and hands it to the services that judge "future", "overdue", "due"."""
        return window_now()

    def today(self) -> dt.date:
        return self.now().date()

    def utcnow(self) -> dt.datetime:
        """``now()`` in UTC, as account locks are stored."""
        return window_utcnow()

    @property
    def operator(self) -> str:
        return self._operator

    def set_operator(self, name: str) -> None:
        """The person named at the start, on a database without accounts."""
        self._operator = name.strip()
        self._actor = None
        self.preferences.last_operator = self._operator
        self.operator_changed.emit(self._operator)

    def sign_in(self, actor: Actor) -> None:
        """Someone signed in (at the start, or after the window was locked for being idle)."""
        changed = self._actor is None or actor.user_id != self._actor.user_id
        self._actor = actor
        self._operator = actor.name
        self.operator_changed.emit(self._operator)
        if changed:
            self.notify({Entity.ALL})  # a teacher sees their classes, a viewer masked numbers

    @property
    def actor(self) -> Actor:
        return self._actor if self._actor is not None else Actor(self._operator)

    @property
    def signed_in(self) -> bool:
        return self._actor is not None

    def allows(self, permission: Permission) -> bool:
        """Whether to offer an action; the services decide anyway. Without accounts, everything."""
        return self._actor is None or allows(self._actor, permission)

    @property
    def full_id_rights(self) -> bool:
        """Whether lists show the region part of ID numbers and full birth dates
        (``permissions.has_full_id_rights``; without accounts, yes)."""
        return self.allows(Permission.VIEW_FULL_ID)

    @property
    def teacher_classes(self) -> frozenset[tuple[int, str, int, str]] | None:
        """A teacher sees only their classes; None for everyone else."""
        return self._actor.classes if self._actor is not None and is_teacher(self._actor) else None

    def query(self, service: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """What a view shows (a read, on the GUI thread); anything the user does is an operation."""
        return self.db.query(service, *args, **kwargs)

    def notify(self, kinds: Iterable[str]) -> None:
        """Tell the views that records of these kinds changed (one signal, whatever the number)."""
        self.changed.emit(frozenset(kinds))
