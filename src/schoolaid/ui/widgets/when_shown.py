"""Views re-read their data when someone can see them, not on every change anywhere.

A change to the data reaches every view at once (``AppContext.changed``). A view on a tab that is not
showing has no one to show its figures to: re-reading them then only freezes the window the user is
working in (at 100,000 students, a save of one student froze it for seconds while hidden tabs
recounted). ``WhenShown`` holds the view's refresh: called while the view is visible it refreshes at
once; called while it is hidden it only marks the view stale, and the refresh runs when the view is
next shown (its tab chosen, its window shown).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    def __init__(self, view: QWidget, refresh: Callable[[], None], *, stale: bool = True) -> None:
        """``stale``: whether the view has yet to be filled (it then fills on its first showing)."""
        super().__init__(view)
        self.view = view
        self._refresh = refresh
        self.stale = stale
        self.refreshes = 0  # how often the view re-read its data (the tests count them)
        view.installEventFilter(self)

    def changed(self) -> None:
        """The data the view shows changed: re-read now if it is seen, else when it is next shown."""
        self.stale = True
        if self.view.isVisible():
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self.refreshes += 1
        self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.Show and self.stale:
            self.refresh()
        return False
