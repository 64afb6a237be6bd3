"""Small shared checks and clean-ups for form input (names, phone numbers)."""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from schoolaid.common.errors import Problem, Severity, ValidationFailed

_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
_WHITESPACE = re.compile(r"\s+")
_PHONE_SEPARATORS = re.compile(r"[\s\-－—()（）]+")
_PHONE = re.compile(r"^(1\d{10}|0\d{9,11}|\d{7,8})$")


def clean_name(raw: str) -> str:
    """Chinese names lose every space (including the full-width ones Excel users type);
    other names keep single spaces."""
    raw = raw.strip()
    if _CJK.search(raw):
        return _WHITESPACE.sub("", raw)
    return _WHITESPACE.sub(" ", raw)


def clean_phone(raw: str) -> str:
    return _PHONE_SEPARATORS.sub("", raw.strip())


def looks_like_phone(phone: str) -> bool:
    return bool(_PHONE.match(phone))


def error(field: str, code: str, message: str) -> Problem:
    return Problem(field, code, Severity.ERROR, message)


def warning(field: str, code: str, message: str) -> Problem:
    return Problem(field, code, Severity.WARNING, message)


def raise_unconfirmed(problems: Sequence[Problem], confirmed: Collection[str]) -> None:
    """Refuse the save if there is an error, or a warning whose code the user has not confirmed."""
    blocking = [p for p in problems if p.is_error or p.code not in confirmed]
    if blocking:
        raise ValidationFailed(blocking)
