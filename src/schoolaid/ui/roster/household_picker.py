"""Choosing a student's household: search by the head's name, phone or pinyin initials."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QPushButton, QWidget

from schoolaid.roster import households
from schoolaid.roster.categories import HouseholdCategory
from schoolaid.roster.households import HouseholdChoice
from schoolaid.township import township
from schoolaid.ui.context import AppContext
from schoolaid.ui.widgets.search_picker import SearchPicker
from schoolaid.ui.widgets.table_models import Column


class HouseholdPicker(SearchPicker[HouseholdChoice]):
    """``chosen_id`` is the household chosen, or the one just made with "New household…"."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.chosen_id: int | None = None
        self.setWindowTitle(self.tr("Choose household"))
        self.resize(560, 440)
        self.build(
            hint=self.tr("Household head's name, pinyin initials or phone"),
            narrowing=[(self.tr("All villages"), None)] + [(v.name, v.id)
                                                           for v in context.query(township.list_villages)],
            columns=[
                Column(self.tr("Household head"), lambda h: h.head_name),
                Column(self.tr("Village and group"), lambda h: f"{h.village}{h.group_name}"),
                Column(self.tr("Household category"), lambda h: HouseholdCategory(h.category).label()
                       if h.category != HouseholdCategory.GENERAL.value else "", align_center=True),
                Column(self.tr("Children"), lambda h: h.children, align_center=True),
            ])
        self.new_button = QPushButton(self.tr("New household…"))
        self.buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.new_button.clicked.connect(self._new)
        self.accepted.connect(self._note_choice)

    def matches(self, text: str, narrowed_to: int | None) -> list[HouseholdChoice]:
        return self.context.query(households.search, text, narrowed_to)

    def _note_choice(self) -> None:
        if self.chosen_id is None and self.chosen is not None:
            self.chosen_id = self.chosen.id

    def _new(self) -> None:
        from schoolaid.ui.roster.household_dialog import HouseholdDialog

        dialog = HouseholdDialog(self.context, None, self, village_id=self.narrow_combo.currentData())
        if dialog.exec() and dialog.household_id is not None:
            self.chosen_id = dialog.household_id
            self.accept()
