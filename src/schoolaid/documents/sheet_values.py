"""What Excel and people do to values, undone: dates in five spellings, yes/no as ticks, grades in
words or digits, numbers where text was meant.

Each parser returns the clean value, or raises ``BadValue`` with the reason in the user's language.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from schoolaid.common.grades import Stage
from schoolaid.common.i18n import translate
from schoolaid.common.school_calendar import SchoolYear

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (with Excel's 1900 leap-year quirk)
_SPACES = re.compile(r"[\s\u3000]+")


class BadValue(ValueError):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def text(value: Any) -> str:
    """A cell as text: integral floats lose their ``.0``; dates become ISO dates."""
    if type(value) is str:  # most cells: checked first, an import reads hundreds of thousands
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def is_blank(value: Any) -> bool:
    if value == "" or value is None:
        return True
    return text(value) == ""


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\s.*)?$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)
_MONTH_PATTERNS = (  # 出生年月: a month is all some sheets give
    re.compile(r"^(\d{4})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月?$"),
    re.compile(r"^(\d{4})(\d{2})$"),
)


def date(value: Any) -> dt.date | None:
    """``2015-03-02``, ``2015/3/2``, ``2015.3.2``, ``20150302``, ``2015年3月2日``, an Excel serial, or a
    date cell; ``2015.3`` gives the first of the month. Blank gives None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 1 <= value < 80000:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raw = text(value)
    else:
        raw = _SPACES.sub("", text(value))
    if not raw:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(raw)
        if match:
            return _make_date(raw, int(match[1]), int(match[2]), int(match[3]))
    for pattern in _MONTH_PATTERNS:
        match = pattern.match(raw)
        if match:
            return _make_date(raw, int(match[1]), int(match[2]), 1)
    if re.fullmatch(r"\d{5}(\.\d+)?", raw):
        return EXCEL_EPOCH + dt.timedelta(days=int(float(raw)))
    raise BadValue(translate("SheetValues", "\u201c{value}\u201d is not a date (write it like 2015-03-02).").format(
        value=raw))


def _make_date(raw: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        raise BadValue(translate("SheetValues", "\u201c{value}\u201d is not a real date.").format(value=raw)) from exc


_YES = {"是", "√", "✓", "✔", "1", "y", "yes", "true", "有", "对", "是的", "☑"}
_NO = {"否", "×", "✗", "0", "n", "no", "false", "无", "不是", "", "/", "-", "—"}


def yes_no(value: Any) -> bool:
    """是/否, √/×, 1/0, Y/N; blank is no."""
    if isinstance(value, bool):
        return value
    raw = _SPACES.sub("", text(value)).lower()
    if raw in _YES:
        return True
    if raw in _NO:
        return False
    raise BadValue(translate("SheetValues", "\u201c{value}\u201d is neither yes nor no (write 是 or 否).").format(
        value=text(value)))


def sex(value: Any) -> str | None:
    raw = _SPACES.sub("", text(value)).lower()
    if not raw:
        return None
    if raw in ("男", "男性", "男生", "m", "male", "1"):
        return "男"
    if raw in ("女", "女性", "女生", "f", "female", "2"):
        return "女"
    raise BadValue(translate("SheetValues", "\u201c{value}\u201d is not a sex (write 男 or 女).").format(value=text(value)))


_NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "1": 1, "2": 2, "3": 3,
             "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9}
_PRESCHOOL = {"小班": 1, "中班": 2, "大班": 3, "学前班": 3, "学前": 3, "幼儿班": 3}
_GRADE = re.compile(r"^([一二三四五六七八九1-9])(?:年级?|$)")
_COHORT = re.compile(r"^(20\d\d)级")
_JUNIOR = re.compile(r"^初([一二三])")


def grade(value: Any, today: dt.date) -> tuple[Stage, int] | None:
    """一年级, 1年级, 1, 小班 … 学前班 (= 大班), 七年级, 初一, or a primary cohort such as 2021级
    (the year it entered grade 1). Blank gives None."""
    raw = _SPACES.sub("", text(value))
    if not raw:
        return None
    cohort = _COHORT.match(raw)
    if cohort:
        number = SchoolYear.containing(today).start_year - int(cohort[1]) + 1
        if 1 <= number <= 9:
            return (Stage.PRIMARY, number) if number <= 6 else (Stage.JUNIOR, number)
    for name, number in _PRESCHOOL.items():
        if raw.startswith(name):
            return Stage.PRESCHOOL, number
    match = _JUNIOR.match(raw)
    if match:
        return Stage.JUNIOR, 6 + _NUMERALS[match[1]]
    match = _GRADE.match(raw)
    if match:
        number = _NUMERALS[match[1]]
        return (Stage.PRIMARY, number) if number <= 6 else (Stage.JUNIOR, number)
    raise BadValue(translate("SheetValues", "\u201c{value}\u201d is not a grade (write 一年级 … 六年级, 小班, 中班 "
                                           "or 大班).").format(value=raw))


_CLASS = re.compile(r"[（(]?(\d{1,2}|[一二三四五六七八九])[)）]?班$")


def class_name(value: Any) -> str:
    """``2``, ``(2)班``, ``二班``, ``三年级2班`` → ``2班``; anything else is kept as written."""
    raw = _SPACES.sub("", text(value))
    if raw.isdigit():
        return f"{int(raw)}班"
    match = _CLASS.search(raw)
    if match:
        number = match[1]
        return f"{int(number) if number.isdigit() else _NUMERALS[number]}班"
    return raw


def grade_in_class(value: Any, today: dt.date) -> tuple[Stage, int] | None:
    """The grade written inside a class name (``三年级2班``, ``2021级3班``), if any."""
    raw = _SPACES.sub("", text(value))
    if not (_GRADE.match(raw) or _COHORT.match(raw) or any(raw.startswith(p) for p in _PRESCHOOL)):
        return None
    try:
        return grade(raw, today)
    except BadValue:
        return None


def ethnicity(value: Any) -> str:
    raw = _SPACES.sub("", text(value))
    if raw and not raw.endswith("族") and raw not in ("穿青人", "未识别民族"):
        return raw + "族"
    return raw
