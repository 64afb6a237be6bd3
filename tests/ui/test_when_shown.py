"""A view told of a change while hidden re-reads when it is shown, once; a seen view at once. Only the
answer to the latest request is used."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget

from schoolaid.ui.widgets.latest import Latest
from schoolaid.ui.widgets.when_shown import WhenShown


def test_a_hidden_view_is_read_when_shown_and_a_seen_one_at_once(qtbot) -> None:
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    seen, hidden = QLabel(), QLabel()
    tabs.addTab(seen, "seen")
    tabs.addTab(hidden, "hidden")
    reads = {"seen": 0, "hidden": 0}

    def reader(name: str):
        def read() -> None:
            reads[name] += 1
        return read

    seen_view = WhenShown(seen, reader("seen"))
    hidden_view = WhenShown(hidden, reader("hidden"))
    assert reads == {"seen": 0, "hidden": 0}  # nothing read before the window shows
    tabs.show()
    assert reads == {"seen": 1, "hidden": 0}
    for _change in range(3):
        seen_view.changed()
        hidden_view.changed()
    assert reads == {"seen": 4, "hidden": 0} and hidden_view.stale
    tabs.setCurrentWidget(hidden)
    assert reads == {"seen": 4, "hidden": 1} and not hidden_view.stale  # three changes, one read
    tabs.setCurrentWidget(seen)
    tabs.setCurrentWidget(hidden)
    assert reads == {"seen": 4, "hidden": 1}  # shown again with nothing changed: nothing read


def test_only_the_latest_answer_is_used() -> None:
    latest = Latest()
    shown: list[int] = []
    first = latest.only(latest.start(), shown.append)
    second = latest.only(latest.start(), shown.append)
    second(2)
    first(1)  # the older answer, late
    assert shown == [2] and latest.dropped == 1
