"""Tabs whose contents are built the first time they are shown.

At the start only the first screen is wanted: building every tab (its module imported, its widgets
made, its first queries run) held the main window's first paint for a second, and for seconds at
county scale. ``LazyTabs.add_lazy_tab(build, title)`` adds a page with its title (and, later, its
badge) at once; ``build()`` makes the real widget when the page is first shown — its tab chosen —
or when something asks for it (an action of the menus on that tab, a line of today's work).

The tab widget speaks of contents, not of the pages around them: ``indexOf``, ``setCurrentWidget``,
``currentWidget`` and ``widget`` take and give the built widget (building it if need be), so that
callers need not know a page was lazy. The page itself (``page(index)``) is for code that must not
build anything, such as a badge's title.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget


class LazyPage(QWidget):
    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build: Callable[[], QWidget] | None = build
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)

    @property
    def built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        """The real widget, built now if it was not yet."""
        if self._content is None:
            assert self._build is not None
            build, self._build = self._build, None  # nothing of the window kept once it has been used
            self._content = build()
            self._layout.addWidget(self._content)
            self._content.show()  # shown with the page (at once if the page is showing)
        return self._content

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self.content()
        super().showEvent(event)


class LazyTabs(QTabWidget):
    def add_lazy_tab(self, build: Callable[[], QWidget], title: str) -> LazyPage:
        page = LazyPage(build)
        self.addTab(page, title)
        return page

    def page(self, index: int) -> QWidget | None:
        """The page at ``index`` as the tab bar holds it, never building its content."""
        return super().widget(index)

    @staticmethod
    def _content_of(page: QWidget) -> QWidget:
        return page.content() if isinstance(page, LazyPage) else page

    def indexOf(self, widget: QWidget) -> int:  # noqa: N802 - Qt's name
        for index in range(self.count()):
            page = self.page(index)
            if page is widget or (isinstance(page, LazyPage) and page.built and page.content() is widget):
                return index
        return -1

    def setCurrentWidget(self, widget: QWidget) -> None:  # noqa: N802 - Qt's name
        index = self.indexOf(widget)
        if index >= 0:
            self.setCurrentIndex(index)

    def currentWidget(self) -> QWidget:  # noqa: N802 - Qt's name
        return self._content_of(super().currentWidget())

    def widget(self, index: int) -> QWidget | None:
        page = super().widget(index)
        return None if page is None else self._content_of(page)
