"""Errors the user can act on. Each carries a message already translated for the user.

Anything else that escapes is a bug and goes to the crash handler instead.
"""

from __future__ import annotations

import abc
import enum
from dataclasses import dataclass
from typing import Any


class SchoolAidError(Exception):
    """A problem with the user's input or environment, with a message saying what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class Severity(enum.Enum):
    ERROR = "error"  # blocks saving
    WARNING = "warning"  # saving needs the user's explicit confirmation


@dataclass(frozen=True)
class Problem:
    field: str  # the form field it concerns, e.g. "id_number"
    code: str  # stable machine name, e.g. "id.check_digit"
    severity: Severity
    message: str  # translated, for the user

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class ValidationFailed(SchoolAidError):
    """Input was refused; nothing was saved.

    ``problems`` lists every error, and every warning the caller had not confirmed.
    """

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.message for p in problems))

    @property
    def only_warnings(self) -> bool:
        return all(not p.is_error for p in self.problems)


class NotFound(SchoolAidError):
    pass


class NotAllowed(SchoolAidError):
    """The action is not possible for this record (e.g. deleting a student with history)."""


class Refusal(SchoolAidError, metaclass=abc.ABCMeta):
    """An action refused because of who asked. The database records it after the refused
    transaction has rolled back, in one of its own; the subclass knows how (the audit trail sits
    above the database, so the database only asks)."""

    recorded = False  # set once recorded: the refusal may pass through a nested transaction

    @abc.abstractmethod
    def record(self, session: Any) -> None:
        """Write the refusal to the audit trail in ``session``."""


class DatabaseError(SchoolAidError):
    """The database file cannot be used as it is (newer version, not ours, damaged, locked)."""
