"""School stages and grades, preschool to junior middle school.

A grade is stored as (stage, number): preschool 1–3 are 小班, 中班, 大班 (a village 学前班 is
recorded as 大班); primary 1–6; junior middle 7–9, numbered on from primary as schools do.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from schoolaid.common.i18n import current_language, translate


class Stage(str, enum.Enum):
    PRESCHOOL = "学前"
    PRIMARY = "小学"
    JUNIOR = "初中"

    def label(self) -> str:
        return {
            Stage.PRESCHOOL: translate("Vocabulary", "Preschool"),
            Stage.PRIMARY: translate("Vocabulary", "Primary"),
            Stage.JUNIOR: translate("Vocabulary", "Junior middle"),
        }[self]


@dataclass(frozen=True, order=True)
class Grade:
    stage: Stage
    number: int

    @property
    def order(self) -> int:
        """A single number that sorts grades from the youngest: 小班 = 1 … 六年级 = 9."""
        return {Stage.PRESCHOOL: 0, Stage.PRIMARY: 3, Stage.JUNIOR: 3}[self.stage] + self.number

    def label(self) -> str:
        return grade_label(self.stage, self.number)

    def entry_age(self) -> int:
        """Age a child normally has on 31 August before starting this grade."""
        return self.order + 2


ALL_GRADES = (
    *(Grade(Stage.PRESCHOOL, n) for n in (1, 2, 3)),
    *(Grade(Stage.PRIMARY, n) for n in range(1, 7)),
    *(Grade(Stage.JUNIOR, n) for n in (7, 8, 9)),
)
_VALID_GRADES = frozenset((g.stage.value, g.number) for g in ALL_GRADES)

_PRESCHOOL_NAMES = {1: "小班", 2: "中班", 3: "大班"}
_CHINESE_NUMERALS = {1: "一", 2: "二", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九"}


def grade_label(stage: Stage | str, number: int) -> str:
    """The grade's name in the UI language (Chinese: 小班, 三年级 … as schools write them)."""
    stage = Stage(stage)
    if current_language() != "en":
        return grade_name_zh(stage, number)
    if stage is Stage.PRESCHOOL:
        return {1: "Nursery class", 2: "Middle class", 3: "Senior class"}[number]
    return f"Grade {number}"


def grade_name_zh(stage: Stage | str, number: int) -> str:
    """The Chinese name used in printed documents and exports, whatever the UI language."""
    stage = Stage(stage)
    if stage is Stage.PRESCHOOL:
        return _PRESCHOOL_NAMES[number]
    return f"{_CHINESE_NUMERALS[number]}年级"


def is_valid_grade(stage: str, number: int) -> bool:
    if type(stage) is str and type(number) is int:  # the usual case, asked for every row of an import
        return (stage, number) in _VALID_GRADES
    return any(g.stage.value == stage and g.number == number for g in ALL_GRADES)


def age_on(birth_date: dt.date, day: dt.date) -> int:
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years
