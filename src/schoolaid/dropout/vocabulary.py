"""The fixed words of dropout control (控辍保学): a case's status and its workflow, the reasons a child
leaves school, and the ways of persuading the family.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

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


class Party(str, enum.Enum):
    """Who took part in a persuasion attempt; an attempt made together names several."""

    SCHOOL = "学校"
    VILLAGE = "村民委员会"
    TOWNSHIP = "乡镇人民政府"

    def label(self) -> str:
        return {
            Party.SCHOOL: translate("Vocabulary", "School"),
            Party.VILLAGE: translate("Vocabulary", "Village committee"),
            Party.TOWNSHIP: translate("Vocabulary", "Township government"),
        }[self]


PARTY_SEPARATOR = "、"


def join_parties(parties: Iterable[Party | str]) -> str:
    """The parties as stored: in the order school, village committee, township, joined by 、."""
    chosen = {Party(p) for p in parties}
    return PARTY_SEPARATOR.join(p.value for p in Party if p in chosen)


def split_parties(text: str) -> tuple[Party, ...]:
    values = {part for part in text.split(PARTY_SEPARATOR) if part}
    return tuple(p for p in Party if p.value in values)


class Manner(str, enum.Enum):
    """How a document was served (送达方式)."""

    DIRECT = "直接送达"
    LEFT = "留置送达"  # the recipient refused: left at the home before witnesses
    ENTRUSTED = "委托送达"

    def label(self) -> str:
        return {
            Manner.DIRECT: translate("Vocabulary", "Handed over in person"),
            Manner.LEFT: translate("Vocabulary", "Left at the home (refused, before witnesses)"),
            Manner.ENTRUSTED: translate("Vocabulary", "Served through another body"),
        }[self]
