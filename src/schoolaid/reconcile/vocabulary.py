"""The fixed words of 四查三比对 (教基厅函〔2024〕15号): the lists compared, the kinds of difference
found between them and the roster, and the results a door-to-door check records.
"""

from __future__ import annotations

import enum

from schoolaid.common.i18n import translate


class ListKind(str, enum.Enum):
    HUKOU = "hukou"  # the household register (户籍), from the police station or the village
    POVERTY = "poverty"  # the 脱贫户 / 防止返贫监测对象 list
    REGISTRY = "registry"  # the national student registry's export for our schools (学籍)

    def label(self) -> str:
        return {
            ListKind.HUKOU: translate("Vocabulary", "Household register"),
            ListKind.POVERTY: translate("Vocabulary", "Poverty list"),
            ListKind.REGISTRY: translate("Vocabulary", "Student registry"),
        }[self]


class DifferenceKind(str, enum.Enum):
    NOT_ENROLLED = "not_enrolled"  # school-age on the register, on no roster of ours: 户籍有、学籍无
    PRESCHOOL_NOT_ENROLLED = "preschool_not_enrolled"  # 3–5 on the register, in no kindergarten class of ours
    REGISTRY_NOT_ON_ROSTER = "registry_not_on_roster"  # on the registry for our school, not on the roster
    NOT_ON_REGISTRY = "not_on_registry"  # 在读 on the roster, not on the registry export: 无学籍
    POVERTY_NOT_FLAGGED = "poverty_not_flagged"  # on the poverty list, the household on the roster is not
    FLAGGED_NOT_ON_LIST = "flagged_not_on_list"  # flagged on the roster, not on the poverty list

    def label(self) -> str:
        return {
            DifferenceKind.NOT_ENROLLED: translate("Vocabulary", "On the register, not at school"),
            DifferenceKind.PRESCHOOL_NOT_ENROLLED: translate("Vocabulary", "Preschool age, in no kindergarten"),
            DifferenceKind.REGISTRY_NOT_ON_ROSTER: translate("Vocabulary", "On the registry, not on the roster"),
            DifferenceKind.NOT_ON_REGISTRY: translate("Vocabulary", "On the roster, not on the registry"),
            DifferenceKind.POVERTY_NOT_FLAGGED: translate("Vocabulary", "On the poverty list, not flagged"),
            DifferenceKind.FLAGGED_NOT_ON_LIST: translate("Vocabulary", "Flagged, not on the poverty list"),
        }[self]


class CheckResult(str, enum.Enum):
    STUDYING_ELSEWHERE = "在外地就读"  # school, place, how it was confirmed and with whom
    AT_OUR_SCHOOL = "已在本校"  # linked to the student
    DEFERRED = "延缓入学"  # approval: body, document, expiry
    AWAY = "随迁/户在人不在"
    MOVED_OUT = "迁出"
    DECEASED = "死亡"
    DUPLICATE = "重复人员"
    OUT_OF_SCHOOL = "失学"  # opens a student record (未入学) and proposes a dropout case
    NOT_IN_KINDERGARTEN = "未入园"  # preschool age, at home: recorded, no case (preschool is not compulsory)
    CORRECTED = "已更正"  # the roster or the registry was put right (registry number, household category)
    LIST_WRONG = "名单有误"  # the list handed over is wrong; the roster stands

    def label(self) -> str:
        return {
            CheckResult.STUDYING_ELSEWHERE: translate("Vocabulary", "Studying elsewhere"),
            CheckResult.AT_OUR_SCHOOL: translate("Vocabulary", "Already at our school"),
            CheckResult.DEFERRED: translate("Vocabulary", "Deferred enrollment"),
            CheckResult.AWAY: translate("Vocabulary", "Away with the family / registered but not living here"),
            CheckResult.MOVED_OUT: translate("Vocabulary", "Moved out"),
            CheckResult.DECEASED: translate("Vocabulary", "Deceased"),
            CheckResult.DUPLICATE: translate("Vocabulary", "Duplicate person"),
            CheckResult.OUT_OF_SCHOOL: translate("Vocabulary", "Out of school"),
            CheckResult.NOT_IN_KINDERGARTEN: translate("Vocabulary", "Not in kindergarten"),
            CheckResult.CORRECTED: translate("Vocabulary", "Corrected"),
            CheckResult.LIST_WRONG: translate("Vocabulary", "The list is wrong"),
        }[self]


_CHILD_NOT_FOUND = (CheckResult.STUDYING_ELSEWHERE, CheckResult.AT_OUR_SCHOOL, CheckResult.AWAY,
                    CheckResult.MOVED_OUT, CheckResult.DECEASED, CheckResult.DUPLICATE)

#: The results a check of each kind of difference may record.
RESULTS: dict[DifferenceKind, tuple[CheckResult, ...]] = {
    DifferenceKind.NOT_ENROLLED: (*_CHILD_NOT_FOUND, CheckResult.DEFERRED, CheckResult.OUT_OF_SCHOOL),
    DifferenceKind.PRESCHOOL_NOT_ENROLLED: (*_CHILD_NOT_FOUND, CheckResult.NOT_IN_KINDERGARTEN),
    DifferenceKind.REGISTRY_NOT_ON_ROSTER: (*_CHILD_NOT_FOUND, CheckResult.OUT_OF_SCHOOL, CheckResult.LIST_WRONG),
    DifferenceKind.NOT_ON_REGISTRY: (CheckResult.CORRECTED, CheckResult.LIST_WRONG, CheckResult.DUPLICATE),
    DifferenceKind.POVERTY_NOT_FLAGGED: (CheckResult.CORRECTED, CheckResult.LIST_WRONG, CheckResult.DUPLICATE),
    DifferenceKind.FLAGGED_NOT_ON_LIST: (CheckResult.CORRECTED, CheckResult.LIST_WRONG),
}

#: Ages on 31 August of the school year (the roster's and the ledgers' reference day).
SCHOOL_AGES = range(6, 16)  # compulsory education: 6 to 15
PRESCHOOL_AGES = range(3, 6)
CHILD_AGES = range(0, 18)  # the register's people kept as children
