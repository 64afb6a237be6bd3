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

Chosen by the user, a page is made in steps, each its own turn of the event loop, so that the window
answers in between (at a county's size each took about 100 ms): first the page with "Opening…", then
the tab built (hidden), then shown — when it reads what it shows. A tab made ``in_steps``
(``made_in_steps``) builds only its first part in its constructor and leaves the rest as ``steps_left``,
taken one a turn before it is shown (at a county's size a whole tab took 60–150 ms in one go); asked for
by code (``content()``), it is finished at once.

What the tabs' modules need of the slow libraries is loaded in the background once the tabs are first
shown (``ui.warm_up``); then the tabs' own modules (``add_lazy_tab``'s ``module``), one per turn of the
event loop on the GUI thread (they make Qt classes: no other thread may load them), each 20–65 ms that its
tab's first showing paid before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from schoolaid.ui import warm_up
from schoolaid.ui.operations import running

# How long after the tabs are first shown the tabs' libraries start loading: after the first screen's
# own work has started.
WARM_UP_AFTER_MS = 1_000
# Between two tab modules loaded ahead (and between looks at whether the libraries are loaded yet).
MODULE_STEP_MS = 150


def made_in_steps(steps: Iterator[None], in_steps: bool) -> Iterator[None] | None:
    """A widget's construction (a generator that yields between its parts), its first part taken now: the rest
    too unless ``in_steps``, when what is left is returned for ``LazyPage`` to take one part a turn."""
    next(steps, None)
    if in_steps:
        return steps
    for _part in steps:
        pass
    return None


def take_step(widget: QWidget) -> bool:
    """Take the next step left of the widget's construction; whether there was one."""
    steps: Iterator[None] | None = getattr(widget, "steps_left", None)
    if steps is None:
        return False
    try:
        next(steps)
    except StopIteration:
        widget.steps_left = None  # type: ignore[attr-defined]
    return True


class LazyPage(QWidget):
    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None, *, module: str = "") -> None:
        super().__init__(parent)
        self._build: Callable[[], QWidget] | None = build
        self.module = module  # what ``build`` imports, loaded ahead by ``LazyTabs``
        self._content: QWidget | None = None
        self._shown = False  # the content shown (its first reads made)
        self._step_due = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(0)
        self._opening: QLabel | None = QLabel(self.tr("Opening…"))
        self._opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self._opening)

    @property
    def built(self) -> bool:
        """Whether the real widget is made, every step of it."""
        return self._content is not None and getattr(self._content, "steps_left", None) is None

    @property
    def built_content(self) -> QWidget | None:
        """The real widget if it is built (building nothing, showing nothing)."""
        return self._content

    def content(self) -> QWidget:
        """The real widget, built now if it was not yet, and shown with the page (at once if the page is
        showing)."""
        if self._content is None:
            self._make()
        assert self._content is not None
        while take_step(self._content):
            pass
        self._show_content()
        assert self._content is not None
        return self._content

    def _make(self) -> None:
        assert self._build is not None
        build, self._build = self._build, None  # nothing of the window kept once it has been used
        warm_up.wait()  # the tab's modules import what may be loading in the background
        self._content = build()
        # Hidden until its steps are taken and it is shown: a child added to a shown page is otherwise shown by
        # the layout on the next turn of the event loop.
        self._content.hide()
        self._layout.addWidget(self._content)

    def _show_content(self) -> None:
        if self._shown:
            return
        self._shown = True
        if self._opening is not None:
            self._opening.deleteLater()
            self._layout.removeWidget(self._opening)
            self._opening = None
        assert self._content is not None
        self._content.show()

    def _step(self) -> None:
        """The next step of making the page, while it is showing: build the tab, then show it."""
        self._step_due = False
        if self._shown or not self.isVisible():
            return  # made meanwhile, or hidden again: the next showing goes on
        if self._content is None:
            self._make()
            self._step_soon()
        elif take_step(self._content):
            self._step_soon()
        else:
            self._show_content()

    def _step_soon(self) -> None:
        if not self._step_due:
            self._step_due = True
            QTimer.singleShot(0, self._step)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._shown:
            self._step_soon()


class LazyTabs(QTabWidget):
    _warming = False

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._warming and any(isinstance(page, LazyPage) and not page.built
                                     for page in map(self.page, range(self.count()))):
            self._warming = True
            QTimer.singleShot(WARM_UP_AFTER_MS, self, self._warm_up)

    def _modules_to_load(self) -> list[str]:
        return [page.module for page in map(self.page, range(self.count()))
                if isinstance(page, LazyPage) and not page.built and page.module and page.module not in sys.modules]

    def _warm_up(self) -> None:
        warm_up.start_tab_libraries()
        QTimer.singleShot(MODULE_STEP_MS, self, self._load_next_module)

    def _load_next_module(self) -> None:
        """One tab's module, once the libraries it needs are loaded in the background and no work runs in the
        background: with another thread busy in Python, an import that takes 50 ms alone waits for the GIL at
        every step and held the window for 280 ms."""
        modules = self._modules_to_load()
        if not modules:
            return
        if warm_up.loading() or running():
            QTimer.singleShot(MODULE_STEP_MS, self, self._load_next_module)
            return
        warm_up.import_module(modules[0])
        if len(modules) > 1:
            QTimer.singleShot(MODULE_STEP_MS, self, self._load_next_module)

    def add_lazy_tab(self, build: Callable[[], QWidget], title: str, *, module: str = "") -> LazyPage:
        page = LazyPage(build, module=module)
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
            if page is widget or (isinstance(page, LazyPage) and page.built_content is widget):
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
