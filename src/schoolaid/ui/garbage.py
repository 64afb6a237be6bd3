"""Python's cyclic garbage collector runs on the GUI thread only.

Left alone, the collector runs on whichever thread happens to allocate: often a background task's
(the home tab's figures, an export). If the garbage it finds holds a Qt widget, the widget's C++
destructor then runs on that worker thread while the GUI thread is using Qt, and the program dies
(a segfault, or "pure virtual method called"). Anki met the same and does what this module does:
automatic collection off, a collection on a timer of the GUI thread (as often as CPython itself
would, judged by the same per-generation thresholds), and one soon after a dialog closes.

A full collection puts what survives it out of the collector's sight (``gc.freeze``): at the size of a
county the window holds hundreds of thousands of long-lived objects, and walking them all again at every
full collection stalled the window for most of a second. So do young objects too many to walk at once
(a tab's rows just arrived from the background: ``YOUNG_WALK_LIMIT``), unwalked. What becomes garbage among
them is found by a thorough collection once nobody has used the keyboard or mouse for a minute.

Dialogs are also deleted when they close (``widgets.dialog.Dialog``), so the garbage holds no live
widget in the first place; this is the second line of defence.
"""

from __future__ import annotations

import gc
import time

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer

from schoolaid.ui.idle import IdleWatch

# The timer only looks at the counts; it collects when CPython itself would have (gen 0 beyond 700
# new objects, and so on), so most ticks cost nothing.
CHECK_INTERVAL_MS = 5_000
# After a dialog closes: once its deletion has been processed, and only once for a burst of dialogs.
AFTER_DIALOG_MS = 300
# While work runs in the background its objects (a session's rows, by the hundred thousand at the size of
# a township) are alive and would all be walked: a collection then stalled the window for half a second.
# Most of them are freed by their reference counts once the work ends, so the collection waits — at most
# this long (five minutes, far more than any figure of a township takes), however busy the window is.
LONGEST_WAIT_S = 300.0
# A full collection puts its survivors out of the collector's sight (gc.freeze); garbage among them is found
# by a thorough collection, made when nobody has touched the keyboard or mouse for this long.
THOROUGH_AFTER_IDLE_S = 60.0
# A collection walks every object made since the last one that is still alive: at a county's size that is
# often 100,000 and more (a tab's rows, arrived from the background), and walking them held the window
# 120 ms (about a microsecond each). Beyond this many, they are put out of sight unwalked instead: nearly all
# of them live on (the few cycles among them, 1-2 % at the start, are found by the thorough pass).
YOUNG_WALK_LIMIT = 40_000

_collector: GarbageCollector | None = None


class GarbageCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.collections = 0
        self.longest_pause = 0.0  # seconds: the longest the GUI thread spent in one collection
        self.waiting_since: float | None = None
        self.put_out_of_sight = 0  # times the young objects were too many to walk (YOUNG_WALK_LIMIT)
        self.unwalked = False  # some were, since the last thorough pass
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_DIALOG_MS)
        self.soon.timeout.connect(self._collect_after_dialog)
        self.full_wanted = False  # a dialog closed while the background was busy: collect once it is not
        self.idle = IdleWatch(self)

    def check(self) -> int:
        """Collect the oldest generation whose count has passed its threshold (and the younger ones),
        unless work in the background is still making objects (see ``LONGEST_WAIT_S``)."""
        if self._background_busy():
            if self.waiting_since is None:
                self.waiting_since = time.monotonic()
            if time.monotonic() - self.waiting_since < LONGEST_WAIT_S:
                return 0
        self.waiting_since = None
        if self.unwalked and self.idle.idle_seconds() >= THOROUGH_AFTER_IDLE_S:
            return self._collect(2)  # what was put out of sight unwalked, looked through now nobody is here
        if self.full_wanted:
            self.full_wanted = False
            return self._collect(2)
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                return self._collect(generation)
        return 0

    @staticmethod
    def _background_busy() -> bool:
        # Imported late: operations (and its dialogs) come after this module.
        from schoolaid.ui.operations import running

        return bool(running())

    def collect(self) -> int:
        return self._collect(2)

    def _collect_after_dialog(self) -> None:
        if self._background_busy():
            self.full_wanted = True  # the next check, once the work has ended
        else:
            self.collect()

    def collect_soon(self) -> None:
        self.soon.start()

    def _collect(self, generation: int) -> int:
        assert QThread.currentThread() is self.thread(), "garbage is collected on the GUI thread only"
        self.collections += 1
        start = time.perf_counter()
        try:
            if generation == 2 and self.idle.idle_seconds() >= THOROUGH_AFTER_IDLE_S:
                # Nobody is at the keyboard: walk everything, what was put out of sight before included.
                gc.unfreeze()
                found = gc.collect(2)
                self.unwalked = False
            elif gc.get_count()[0] > YOUNG_WALK_LIMIT:
                self.put_out_of_sight += 1
                self.unwalked = True
                gc.freeze()
                return 0
            else:
                found = gc.collect(generation)
            if generation == 2:
                # The survivors of a full collection live on (a county's rows and the window's objects, by the
                # hundred thousand): out of sight until the next thorough pass, so that the next full collection
                # walks only what is new instead of stalling the window for most of a second.
                gc.freeze()
            return found
        finally:
            self.longest_pause = max(self.longest_pause, time.perf_counter() - start)

    def stop(self) -> None:
        self.timer.stop()
        self.soon.stop()
        gc.unfreeze()
        gc.enable()


def install(app: QCoreApplication) -> GarbageCollector:
    """Turn automatic collection off and collect on ``app``'s thread from now on (once per application)."""
    global _collector
    if _collector is None or _collector.parent() is not app:
        _collector = GarbageCollector(app)
    return _collector


def uninstall() -> None:
    """Automatic collection back on (the tests, when the session ends)."""
    global _collector
    if _collector is not None:
        _collector.stop()
        _collector.deleteLater()
        _collector = None


def collect_soon() -> None:
    """A collection on the GUI thread shortly (after a dialog has closed); nothing before ``install``."""
    if _collector is not None:
        _collector.collect_soon()


def collector() -> GarbageCollector | None:
    return _collector


def freeze_startup() -> None:
    """What exists once the window is up lives as long as the program: out of the collector's sight, so
    later collections have less to walk. Not collected first: the start leaves a handful of cycles (15-17
    objects among 120,000), and walking them all held the first paint 115-170 ms; the thorough pass, once
    nobody is at the keyboard, finds those few."""
    gc.freeze()
