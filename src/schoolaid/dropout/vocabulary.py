"""The fixed words of dropout control (控辍保学): a case's status and its workflow, the reasons a child
leaves school, and the ways of persuading the family.
"""

from __future__ import annotations

import enum

from schoolaid.common.i18n import translate


class CaseStatus(str, enum.Enum):
    PERSUADING = "劝返中"
    RETURNED = "已返校"
    HOME_TEACHING = "送教上门"
    TRANSFERRED = "转学"
    OTHER = "其他"

    def label(self) -> str:
        return {
            CaseStatus.PERSUADING: translate("Vocabulary", "Persuading"),
            CaseStatus.RETURNED: translate("Vocabulary", "Back at school"),
            CaseStatus.HOME_TEACHING: translate("Vocabulary", "Taught at home"),
            CaseStatus.TRANSFERRED: translate("Vocabulary", "Transferred"),
            CaseStatus.OTHER: translate("Vocabulary", "Other outcome"),
        }[self]

    @property
    def is_open(self) -> bool:
        return self is CaseStatus.PERSUADING


# The workflow: from persuading to one of four outcomes; a child taught at home may come back.
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    CaseStatus.PERSUADING: frozenset({CaseStatus.RETURNED, CaseStatus.HOME_TEACHING, CaseStatus.TRANSFERRED,
                                      CaseStatus.OTHER}),
    CaseStatus.HOME_TEACHING: frozenset({CaseStatus.RETURNED}),
    CaseStatus.RETURNED: frozenset(),
    CaseStatus.TRANSFERRED: frozenset(),
    CaseStatus.OTHER: frozenset(),
}


class Reason(str, enum.Enum):
    LEARNING = "学习困难/厌学"
    POVERTY = "家庭经济困难"
    MIGRATION = "外出务工/随父母外出"
    EARLY_MARRIAGE = "早婚早育"
    ILLNESS = "疾病/残疾"
    PARENTS = "家长不重视"
    OTHER = "其他"

    def label(self) -> str:
        return {
            Reason.LEARNING: translate("Vocabulary", "Learning difficulties or weariness"),
            Reason.POVERTY: translate("Vocabulary", "Family hardship"),
            Reason.MIGRATION: translate("Vocabulary", "Working away or with migrant parents"),
            Reason.EARLY_MARRIAGE: translate("Vocabulary", "Early marriage or childbirth"),
            Reason.ILLNESS: translate("Vocabulary", "Illness or disability"),
            Reason.PARENTS: translate("Vocabulary", "Parents do not value school"),
            Reason.OTHER: translate("Vocabulary", "Other"),
        }[self]


class Method(str, enum.Enum):
    HOME_VISIT = "入户劝返"
    PHONE = "电话劝返"
    TALK = "约谈家长"
    VILLAGE = "村委会调解"
    TOWNSHIP = "乡镇督办"
    OTHER = "其他"

    def label(self) -> str:
        return {
            Method.HOME_VISIT: translate("Vocabulary", "Persuasion at home"),
            Method.PHONE: translate("Vocabulary", "Persuasion by phone"),
            Method.TALK: translate("Vocabulary", "Talk with the parents"),
            Method.VILLAGE: translate("Vocabulary", "Village committee mediation"),
            Method.TOWNSHIP: translate("Vocabulary", "Township supervision"),
            Method.OTHER: translate("Vocabulary", "Other"),
        }[self]
