"""The one way the window runs an operation: the views told once, a refusal shown in Chinese, a bug
handed to the crash handler, slow work behind a progress dialog whose Cancel undoes it."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtWidgets import QMessageBox, QProgressBar, QPushButton, QWidget

from schoolaid.township import township
from schoolaid.ui.context import Entity
from schoolaid.ui.operations import PROGRESS_DELAY_MS, Access, State, run_op, running


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def told(township_context) -> list[frozenset[str]]:
    heard: list[frozenset[str]] = []
    township_context.changed.connect(heard.append)
    return heard


def village_names(context) -> list[str]:
    return [v.name for v in context.query(township.list_villages)]


def test_a_change_tells_the_views_once(township_context, parent, told) -> None:
    done = []
    op = run_op(township_context, parent, township.add_village, "新村", False,
                affects={Entity.TOWNSHIP, Entity.HOUSEHOLD}, on_success=done.append)
    assert op.state is State.SUCCEEDED and done == [op.result]
    assert told == [frozenset({Entity.TOWNSHIP, Entity.HOUSEHOLD})]
    assert "新村" in village_names(township_context)


def test_a_refusal_is_shown_in_chinese_and_nothing_changes(township_context, parent, told, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *args: shown.append(text))
    op = run_op(township_context, parent, township.add_village, "波西村", False, affects={Entity.TOWNSHIP})
    assert op.state is State.FAILED and not op.succeeded
    assert len(shown) == 1 and "波西村" in shown[0] and "没有保存" in shown[0]
    assert told == []


def test_a_refusal_can_be_shown_by_the_caller(township_context, parent, monkeypatch) -> None:
    refused = []
    op = run_op(township_context, parent, township.add_village, "波西村", False, affects={Entity.TOWNSHIP},
                on_failure=refused.append)
    assert refused == [op.error]


def test_a_bug_goes_to_the_crash_handler(township_context, parent, told, monkeypatch) -> None:
    caught = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: caught.append(value))

    def broken(_session, _actor) -> None:
        raise ZeroDivisionError("a bug")

    op = run_op(township_context, parent, broken, affects={Entity.TOWNSHIP})
    assert op.state is State.FAILED and isinstance(caught[0], ZeroDivisionError)
    assert told == []


def test_slow_work_shows_a_progress_dialog_whose_cancel_undoes_it(qtbot, township_context, parent, told) -> None:
    started, released = threading.Event(), threading.Event()
    cancelled = []

    def slow_add(session, actor, name, progress) -> int:
        village_id = township.add_village(session, actor, name, False)
        started.set()
        released.wait(10)
        progress.report(0.5, "still working")  # the user cancelled meanwhile: stops here
        return village_id

    op = run_op(township_context, parent, slow_add, "慢村", affects={Entity.TOWNSHIP}, background=True,
                title="慢", on_cancel=lambda: cancelled.append(True))
    assert started.wait(10) and op.state is State.RUNNING and op in running(parent)
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=PROGRESS_DELAY_MS * 5)
    op.dialog.findChild(QPushButton).click()  # Cancel
    released.set()
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert op.state is State.CANCELLED and cancelled == [True]
    assert "慢村" not in village_names(township_context)  # the transaction rolled back
    assert told == [] and op not in running()


def test_background_work_reports_its_result_on_the_gui_thread(qtbot, township_context, parent, told) -> None:
    threads = []

    def count(session, progress) -> int:
        progress.report(1.0)
        return len(township.list_villages(session))

    op = run_op(township_context, parent, count, access=Access.READ, background=True, title="数",
                on_success=lambda result: threads.append((threading.current_thread(), result)))
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert threads == [(threading.main_thread(), 2)]
    assert op.dialog is None and told == []  # nothing to refresh after a read


def test_work_whose_window_closed_meanwhile_still_tells_the_views(qtbot, township_context, told) -> None:
    released = threading.Event()
    answered = []

    def slow_add(session, actor, progress) -> int:
        released.wait(10)
        return township.add_village(session, actor, "晚村", False)

    dialog = QWidget()
    op = run_op(township_context, dialog, slow_add, affects={Entity.TOWNSHIP}, background=True, title="晚",
                on_success=answered.append)
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not _alive(dialog), timeout=5_000)
    released.set()
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert op.succeeded and answered == []  # no one to answer
    assert told == [frozenset({Entity.TOWNSHIP})]


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


def test_the_progress_bar_moves_says_the_time_left_and_is_full_only_at_the_end(qtbot, township_context,
                                                                               parent) -> None:
    reported, finishing = threading.Event(), threading.Event()

    def slow_count(session, progress) -> int:
        for step in range(1, 11):
            time.sleep(0.15)
            progress.report(step / 10, f"第 {step} 步")
        reported.set()
        finishing.wait(10)  # said 100 %, and still working (writing the file, say)
        return len(township.list_villages(session))

    op = run_op(township_context, parent, slow_count, access=Access.READ, background=True, title="数")
    shown: list[int] = []
    qtbot.waitUntil(lambda: op.dialog is not None and op.dialog.isVisible(), timeout=PROGRESS_DELAY_MS * 5)
    op.dialog.findChild(QProgressBar).valueChanged.connect(shown.append)
    qtbot.waitUntil(lambda: "第 8 步" in op.dialog.labelText(), timeout=5_000)
    assert "还剩" in op.dialog.labelText()  # the time left, from the rate so far
    assert reported.wait(10)
    qtbot.wait(100)
    assert op.state is State.RUNNING
    assert 900 <= op.dialog.value() < op.dialog.maximum()  # not full while the work goes on
    assert shown == sorted(shown) and len(set(shown)) >= 3
    finishing.set()
    qtbot.waitUntil(lambda: op.done, timeout=10_000)
    assert op.succeeded and op.result == 2


def test_at_most_two_operations_work_at_once_and_the_others_wait_their_turn(qtbot, township_context, parent) -> None:
    """With four workers in Python at once the GUI thread lost the GIL turn after turn; the others wait
    without asking for it, and every one of them still ends."""
    lock = threading.Lock()
    working: list[int] = []
    most = [0]
    release = threading.Event()

    def counted(session, n: int) -> int:
        with lock:
            working.append(n)
            most[0] = max(most[0], len(working))
        release.wait(10)
        time.sleep(0.05)
        with lock:
            working.remove(n)
        return n

    ops = [run_op(township_context, parent, counted, n, access=Access.READ, background=True, quiet=True)
           for n in range(5)]
    qtbot.waitUntil(lambda: len(working) == 2, timeout=5_000)
    qtbot.wait(200)
    assert len(working) == 2 and all(op.state is State.RUNNING for op in ops)  # three waiting their turn
    release.set()
    qtbot.waitUntil(lambda: all(op.done for op in ops), timeout=10_000)
    assert most[0] == 2 and [op.result for op in ops] == [0, 1, 2, 3, 4]


def test_unasked_work_runs_one_at_a_time_and_leaves_a_place_for_what_the_user_asks(qtbot, township_context,
                                                                                      parent) -> None:
    """Badges and the home figures (unasked) never work two at once: two workers in Python starved the GUI
    thread of the GIL for 160-260 ms at the start. Work the user asks for meanwhile starts at once beside them."""
    lock = threading.Lock()
    working: list[str] = []
    most_unasked = [0]
    release = threading.Event()

    def counted(session, name: str) -> str:
        with lock:
            working.append(name)
            most_unasked[0] = max(most_unasked[0], sum(1 for n in working if n.startswith("badge")))
        release.wait(10)
        with lock:
            working.remove(name)
        return name

    badges = [run_op(township_context, parent, counted, f"badge {n}", access=Access.READ, background=True,
                     quiet=True, unasked=True) for n in range(3)]
    qtbot.waitUntil(lambda: len(working) == 1, timeout=5_000)
    qtbot.wait(200)
    assert len(working) == 1 and working[0].startswith("badge")  # the other two wait, though a place is free
    asked = run_op(township_context, parent, counted, "search", access=Access.READ, background=True, quiet=True)
    qtbot.waitUntil(lambda: "search" in working, timeout=5_000)  # not behind the badges
    assert len(working) == 2
    release.set()
    qtbot.waitUntil(lambda: all(op.done for op in [*badges, asked]), timeout=10_000)
    assert most_unasked[0] == 1
    assert [op.result for op in badges] == ["badge 0", "badge 1", "badge 2"] and asked.result == "search"


def test_work_called_off_while_it_waits_its_turn_never_starts(qtbot, township_context, parent) -> None:
    release = threading.Event()
    started: list[str] = []

    def counted(session, name: str) -> str:
        started.append(name)
        if name == "first":
            release.wait(10)
        return name

    first = run_op(township_context, parent, counted, "first", access=Access.READ, background=True, quiet=True,
                   unasked=True)
    qtbot.waitUntil(lambda: started == ["first"], timeout=5_000)
    moot = run_op(township_context, parent, counted, "moot", access=Access.READ, background=True, quiet=True,
                  unasked=True)
    moot.call_off()  # returns at once, though the first still holds the place
    assert not moot.done
    release.set()
    qtbot.waitUntil(lambda: first.done and moot.done, timeout=10_000)
    assert first.succeeded and moot.state is State.CANCELLED and started == ["first"]
