"""Resident ID numbers (居民身份证号, GB 11643): checking, reading birth date and sex, masking.

Length, format, check digit and birth date are errors: such a number cannot be real. A region code
that python-stdnum does not know for the birth year is only a warning, because real numbers fail
that check (codes were created, renamed and merged, and the library's table is incomplete).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumValidationError

from schoolaid.common.errors import Problem, Severity
from schoolaid.common.i18n import current_language, translate
from schoolaid.common.vocabulary import Sex

FIELD = "id_number"
_SPACES = re.compile(r"[\s\u3000\-]+")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?[eE]\+?\d+$")
_FULL_WIDTH = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789XX")


def normalize(raw: str) -> str:
    """What people type or paste: spaces, full-width digits, a lowercase x."""
    if raw.isascii() and raw.isalnum():  # most numbers, asked about several times a row in an import
        return raw.upper()
    return _SPACES.sub("", raw.translate(_FULL_WIDTH)).upper()


@dataclass(frozen=True)
class IdCheck:
    number: str
    problems: tuple[Problem, ...] = ()
    birth_date: dt.date | None = None
    sex: Sex | None = None
    birth_place: str = ""

    @property
    def is_valid(self) -> bool:
        return not any(p.is_error for p in self.problems)


def _error(code: str, message: str) -> Problem:
    return Problem(FIELD, code, Severity.ERROR, message)


def _warning(code: str, message: str) -> Problem:
    return Problem(FIELD, code, Severity.WARNING, message)


def check(raw: str, *, today: dt.date) -> IdCheck:
    """Check an ID number on its own. An empty number gives an empty result with no problems."""
    return _check(raw, today, current_language())


@lru_cache(maxsize=8192)  # an import checks each number several times (preview, then save)
def _check(raw: str, today: dt.date, _language: str) -> IdCheck:
    result = _Result(normalize(raw))
    _find_problems(raw, today, result)
    return IdCheck(result.number, tuple(result.problems), result.birth_date, result.sex, result.birth_place)


@dataclass
class _Result:
    number: str
    problems: list[Problem] = field(default_factory=list)
    birth_date: dt.date | None = None
    sex: Sex | None = None
    birth_place: str = ""


def _find_problems(raw: str, today: dt.date, result: _Result) -> None:
    number = result.number
    if not number:
        return
    if _SCIENTIFIC.match(raw.strip()):
        result.problems.append(_error("id.excel_number", translate(
            "IdNumber",
            "The ID number {raw} was turned into a number by Excel: its last digits are lost and "
            "cannot be recovered. Type the full 18-character number again.").format(raw=raw.strip())))
        return
    if len(number) != 18:
        result.problems.append(_error("id.length", translate(
            "IdNumber", "An ID number has 18 characters; this one has {n}.").format(n=len(number))))
        return
    if not (number[:17].isdigit() and number[:17].isascii() and (number[17].isdigit() or number[17] == "X")):
        result.problems.append(_error("id.format", translate(
            "IdNumber", "An ID number is 17 digits followed by a digit or X.")))
        return
    try:  # what ric.get_birth_date reads, without cleaning the number again (imports check thousands)
        birth = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        result.problems.append(_error("id.birth_date", translate(
            "IdNumber", "The birth date in the ID number ({digits}) is not a real date.").format(
                digits=number[6:14])))
        return
    if birth > today or birth.year < 1900:
        result.problems.append(_error("id.birth_date", translate(
            "IdNumber", "The birth date in the ID number ({date}) is impossible.").format(date=birth.isoformat())))
        return
    expected = ric.calc_check_digit(number)
    if number[17] != expected:
        result.problems.append(_error("id.check_digit", translate(
            "IdNumber",
            "The check digit (last character) is wrong: it should be {expected} for these first 17 "
            "digits. One of the digits was probably mistyped.").format(expected=expected)))
        return
    result.birth_date = birth
    result.sex = Sex.MALE if int(number[16]) % 2 else Sex.FEMALE
    place = _birth_place(number[:6], birth.year)
    if place is not None:
        result.birth_place = place
    else:
        result.problems.append(_warning("id.region", translate(
            "IdNumber",
            "The region code {code} is not in the reference list for {year}. Real numbers can fail "
            "this check; compare the number with the household register and confirm if it is right.").format(
                code=number[:6], year=birth.year)))


def load_reference() -> None:
    """Read the reference list of region codes now (in the background, ahead of the first ID number checked:
    parsing it on the GUI thread held the first save of a student about 0.1 s)."""
    from stdnum import numdb

    numdb.get("cn/loc")


@lru_cache(maxsize=4096)
def _birth_place(region: str, year: int) -> str | None:
    """The place a region code named in a year, or None if the reference list does not know it.
    Remembered: the lookup is slow, and a township's children share a handful of codes."""
    try:
        place = ric.get_birth_place(f"{region}{year}0101000")
    except StdnumValidationError:
        return None
    return place.get("province", "") + place.get("county", "")


def check_against(result: IdCheck, birth_date: dt.date | None, sex: Sex | str | None) -> list[Problem]:
    """Warnings where the birth date or sex typed in the form disagree with the ID number."""
    problems: list[Problem] = []
    if result.birth_date and birth_date and birth_date != result.birth_date:
        problems.append(Problem("birth_date", "id.birth_date_mismatch", Severity.WARNING, translate(
            "IdNumber", "The birth date {entered} differs from the one in the ID number ({from_id}).").format(
                entered=birth_date.isoformat(), from_id=result.birth_date.isoformat())))
    if result.sex and sex and Sex(sex) != result.sex:
        problems.append(Problem("sex", "id.sex_mismatch", Severity.WARNING, translate(
            "IdNumber", "The sex {entered} differs from the one in the ID number ({from_id}).").format(
                entered=Sex(sex).label(), from_id=result.sex.label())))
    return problems


def mask(number: str | None, *, full_id_rights: bool = True) -> str:
    """``5104**********1234`` for someone with full-ID rights (the region is shown: it helps tell two
    children apart in an aid officer's lists); ``**************1234`` for everyone else.

    The region and the 8-digit birth date are half of the number and derivable from where the child
    lives and their birthday, so a role without ``Permission.VIEW_FULL_ID`` sees no more than the
    last four characters.
    """
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    if not full_id_rights:
        return "*" * (len(number) - 4) + number[-4:]
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def make_number(region: str, birth: dt.date, sequence: int) -> str:
    """A well-formed number for a region, birth date and 3-digit sequence (odd = male)."""
    body = f"{region}{birth:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")
