"""Choosing one student: search by name, pinyin initials or the end of the ID number."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtWidgets import QWidget

from schoolaid.roster import roster
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.roster import RosterFilter, RosterRow
from schoolaid.township import township
from schoolaid.ui.context import AppContext
from schoolaid.ui.widgets.search_picker import SearchPicker
from schoolaid.ui.widgets.table_models import Column

SHOWN = 200  # a search that matches more is narrowed by typing, not by scrolling


class StudentPicker(SearchPicker[RosterRow]):
    def __init__(self, context: AppContext, statuses: Collection[EnrollmentStatus] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.statuses = frozenset(statuses) if statuses is not None else None
        self.setWindowTitle(self.tr("Choose student"))
        self.resize(640, 460)
        self.build(
            hint=self.tr("Name, pinyin initials or the last digits of the ID number"),
            narrowing=[(self.tr("All schools"), None)] + [(s.name, s.id) for s in context.query(township.list_schools)],
            columns=[
                Column(self.tr("Name"), lambda r: r.name),
                Column(self.tr("Sex"), lambda r: r.sex, align_center=True),
                Column(self.tr("School"), lambda r: r.school),
                Column(self.tr("Grade"), lambda r: f"{r.grade_label}{r.class_name}"),
                Column(self.tr("Village"), lambda r: r.village),
                Column(self.tr("Status"), lambda r: r.status.label(), align_center=True),
            ], fit_contents=True)

    def matches(self, text: str, narrowed_to: int | None) -> list[RosterRow]:
        flt = RosterFilter(text=text, school_id=narrowed_to, statuses=self.statuses,
                           full_id_rights=self.context.full_id_rights)
        ids = self.context.query(roster.search_ids, flt)[:SHOWN]
        rows = self.context.query(roster.fetch_rows, ids, self.context.today(), full_id_rights=flt.full_id_rights)
        return [rows[i] for i in ids if i in rows]
