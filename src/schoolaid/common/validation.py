"""Small shared checks and clean-ups for form input (names, phone numbers)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from functools import lru_cache

from schoolaid.common.errors import Problem, Severity, ValidationFailed
from schoolaid.common.i18n import translate

_CJK = re.compile(r"[\u3400-\u9fff\U00020000-\U0003ffff]")
_WHITESPACE = re.compile(r"\s+")
_PHONE_SEPARATORS = re.compile(r"[\s\-－—()（）]+")
_PHONE = re.compile(r"^(1\d{10}|0\d{9,11}|\d{7,8})$")


@lru_cache(maxsize=65_536)  # an import cleans each row's names several times (sheet, form, household)
def clean_name(raw: str) -> str:
    """Chinese names lose every space (including the full-width ones Excel users type);
    other names keep single spaces."""
    raw = raw.strip()
    if _CJK.search(raw):
        return _WHITESPACE.sub("", raw)
    return _WHITESPACE.sub(" ", raw)


# What a person's name may hold besides letters of any script (Chinese characters of every extension
# plane, Latin letters with their accents), their combining marks, digits and 〇: the space between
# foreign names' parts, the hyphen inside them (Jean-Pierre), and the middle dot that separates the
# parts of minority names (阿不都·热合曼) with its look-alikes typed by input methods.
_NAME_PUNCTUATION = frozenset(" -\u00b7\u2022\u2027\u30fb\uff65")
_NAME_CATEGORIES = ("L", "M", "Nd", "Nl", "Co")  # Co: rare characters some systems keep in the private use area
_FORMULA_START = frozenset("=+-@")


@lru_cache(maxsize=65_536)  # an import asks about every student's, guardian's and head's name, often twice
def _is_plain_name(name: str) -> bool:
    """Whether ``name_problem`` finds nothing wrong with ``name`` (the same three rules, no message)."""
    if name[:1] in _FORMULA_START:
        return False
    for char in name:
        category = unicodedata.category(char)
        if (category[0] in "CZ" and char != " ") or (
                char not in _NAME_PUNCTUATION and not category.startswith(_NAME_CATEGORIES)):
            return False
    return True


def name_problem(name: str) -> str | None:
    """Why ``name`` (as ``clean_name`` left it) cannot be a person's name, or None if it can. Every
    service that takes a student's, guardian's, household member's or staff member's name asks this."""
    if _is_plain_name(name):
        return None
    for char in name:
        if unicodedata.category(char)[0] in "CZ" and char != " ":
            return translate("Validation", "The name contains an invisible control character (U+{code:04X}): "
                             "delete it and type the name again.").format(code=ord(char))
    if name[:1] in _FORMULA_START:
        return translate("Validation", "A name cannot begin with \u201c{char}\u201d (spreadsheets take it for a "
                         "formula).").format(char=name[0])
    for char in name:
        if char not in _NAME_PUNCTUATION and not unicodedata.category(char).startswith(_NAME_CATEGORIES):
            return translate("Validation", "A name cannot contain \u201c{char}\u201d: write it with Chinese "
                             "characters, the middle dot \u00b7 of minority names, Latin letters and "
                             "spaces.").format(char=char)
    return None


@lru_cache(maxsize=65_536)  # likewise for the guardian's phone
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
