"""The 比对 figures per village the printed reports give (the quarterly summary, the term-start
report): the differences still open, by kind, and the checks recorded in the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from schoolaid.reconcile.differences import KIND_ORDER, open_counts_by_village
from schoolaid.reconcile.vocabulary import DifferenceKind
from schoolaid.storage.models import ReconcileCheck, ReferenceList, Village

#: The kinds as a printed table's column heads (Chinese always: the reports go to the bureau).
KIND_HEADS: dict[DifferenceKind, str] = {
    DifferenceKind.NOT_ENROLLED: "户籍有学籍无",
    DifferenceKind.PRESCHOOL_NOT_ENROLLED: "学前未入园",
    DifferenceKind.REGISTRY_NOT_ON_ROSTER: "名在人不在",
    DifferenceKind.NOT_ON_REGISTRY: "无学籍",
    DifferenceKind.POVERTY_NOT_FLAGGED: "脱贫未标注",
    DifferenceKind.FLAGGED_NOT_ON_LIST: "标注不在名单",
}
NO_VILLAGE = "（未填村）"


@dataclass(frozen=True)
class VillageReconcile:
    village: str
    open: dict[DifferenceKind, int] = field(default_factory=dict)  # differences still to check, by kind
    checks: int = 0  # checks recorded in the period
    oldest: dt.date | None = None  # the oldest open difference was first seen on

    @property
    def open_total(self) -> int:
        return sum(self.open.values())

    def row(self) -> list[int]:
        """The open counts in the report's order of kinds, then the checks."""
        return [self.open.get(kind, 0) for kind in KIND_ORDER] + [self.checks]


def any_list(session: Session) -> bool:
    """Whether any list was ever imported: without one there is nothing to report."""
    return session.scalar(select(ReferenceList.id).limit(1)) is not None


def counts_by_village(session: Session, today: dt.date, since: dt.date) -> list[VillageReconcile]:
    """Every village with an open difference or a check recorded from ``since`` to ``today``, in the
    villages' order (people of no known village last); empty when no list was ever imported."""
    if not any_list(session):
        return []
    lines: dict[int | None, VillageReconcile] = {
        row.village_id: VillageReconcile(row.village or NO_VILLAGE, dict(row.counts), 0, row.oldest)
        for row in open_counts_by_village(session, today)}
    names: dict[int, str] = {vid: name for vid, name in session.execute(select(Village.id, Village.name))}
    for village_id, checks in session.execute(
            select(ReconcileCheck.village_id, func.count(ReconcileCheck.id))
            .where(ReconcileCheck.checked_on >= since, ReconcileCheck.checked_on <= today)
            .group_by(ReconcileCheck.village_id)):
        line = lines.get(village_id) or VillageReconcile(names.get(village_id, NO_VILLAGE) if village_id else NO_VILLAGE)
        lines[village_id] = VillageReconcile(line.village, line.open, checks, line.oldest)
    order = {village_id: n for n, village_id in enumerate(sorted(names))}
    return [lines[key] for key in sorted(lines, key=lambda v: (v is None, order.get(v, 0) if v is not None else 0))]


def total(lines: list[VillageReconcile]) -> VillageReconcile:
    """The township's line: the villages' counts added up."""
    summed: dict[DifferenceKind, int] = {}
    for line in lines:
        for kind, n in line.open.items():
            summed[kind] = summed.get(kind, 0) + n
    oldest = min((line.oldest for line in lines if line.oldest is not None), default=None)
    return VillageReconcile("合计", summed, sum(line.checks for line in lines), oldest)
