"""The fixed words of the subsidy ledger: who a programme is for, whether it pays per month or per
term, and the kinds of entry (paid, fee waived, reversal).
"""

from __future__ import annotations

import enum

from schoolaid.common.i18n import translate


class Eligibility(str, enum.Enum):
    REGISTERED_POOR = "registered_poor"
    LEFT_BEHIND = "left_behind"
    BOARDER = "boarder"
    EVERYONE = "everyone"
    LIST = "list"

    def label(self) -> str:
        return {
            Eligibility.REGISTERED_POOR: translate("Vocabulary", "Children of lifted and monitored households"),
            Eligibility.LEFT_BEHIND: translate("Vocabulary", "Left-behind children"),
            Eligibility.BOARDER: translate("Vocabulary", "Boarders"),
            Eligibility.EVERYONE: translate("Vocabulary", "Everyone in the stage"),
            Eligibility.LIST: translate("Vocabulary", "A hand-kept list"),
        }[self]


class Per(str, enum.Enum):
    MONTH = "month"
    TERM = "term"
    DAY = "day"  # per school day, posted by month

    def label(self) -> str:
        return {Per.MONTH: translate("Vocabulary", "per month"), Per.TERM: translate("Vocabulary", "per term"),
                Per.DAY: translate("Vocabulary", "per school day")}[self]


class EntryKind(str, enum.Enum):
    PAYMENT = "payment"
    WAIVER = "waiver"
    REVERSAL = "reversal"

    def label(self) -> str:
        return {
            EntryKind.PAYMENT: translate("Vocabulary", "Paid"),
            EntryKind.WAIVER: translate("Vocabulary", "Fee waived"),
            EntryKind.REVERSAL: translate("Vocabulary", "Reversal"),
        }[self]

    @property
    def chinese(self) -> str:
        """As printed in ledgers, whatever the interface language."""
        return {EntryKind.PAYMENT: "发放", EntryKind.WAIVER: "减免", EntryKind.REVERSAL: "冲销"}[self]
