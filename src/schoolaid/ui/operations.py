"""The one way the window runs an operation.

``run_op(context, parent, service, *args, affects=..., ...)`` runs a service in one transaction
through the context's database — on the GUI thread, or (``background=True``) on a worker thread
behind a progress dialog that appears only when the work is slow and whose Cancel stops it — and
then, on the GUI thread:

- on success, tells the views about the kinds of record it ``affects``, once, and calls
  ``on_success(result)``;
- on a problem the user can act on (``SchoolAidError``), calls ``on_failure(error)``, or shows the
  message when there is no ``on_failure``;
- on a bug, hands the exception to the crash handler (``sys.excepthook``);
- when the user cancels, calls ``on_cancel()`` (the transaction rolled back).

``access`` says what the service is given (Anki has CollectionOp and QueryOp; here it is a flag):
``CHANGE`` a write transaction and the signed-in person, ``service(session, actor, *args)``;
``READ_AS`` a read transaction and the person — exports, printouts, the audit trail: services that
check what the person may take and record a full-ID reveal themselves; ``READ`` a read
transaction, ``service(session, *args)``; ``WRITE`` a write transaction without a person (signing
in, before anyone is); ``FILES`` no database at all (backups, other files), ``service(*args)``: the
only access with no context (``context=None``), for the work that opens the database at the start. Work in the background is also given ``progress=`` when the service takes
it: it reports with it, and stops (``Cancelled``, its transaction rolled back) once the user has
cancelled; a service that never reports runs to its end, and Cancel only stops the waiting. The
dialog shows the work's words with the time left (from the rate so far), and its bar never goes back
and is never full before the work has ended. ``quiet=True`` (reads only) runs in the background with
no progress dialog: figures a view loads for itself, saying "counting…" where they will appear, while
the user goes on working. ``unasked=True`` marks work nobody asked for just now (a tab's badge, the home
tab's figures): such work runs one at a time, so that it never takes both places of work
(``WORKING_AT_ONCE``) and what the user does meanwhile always finds one free.

The returned ``Operation`` says how it ended (at once for work on the GUI thread).
"""

from __future__ import annotations

import _thread
import contextlib
import enum
import inspect
import sys
import threading
import time
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from schoolaid.common.errors import SchoolAidError
from schoolaid.common.progress import Cancelled, Progress
from schoolaid.ui.widgets.messages import show_error

if TYPE_CHECKING:  # not loaded for them: the sign-in at the start runs its work here before the database machinery
    from schoolaid.accounts.audit import Actor
    from schoolaid.ui.context import AppContext

# As Anki does: quick work never flashes a dialog.
PROGRESS_DELAY_MS = 600
# The progress bar's steps; the bar stops one short of full until the work has really ended (a bar at
# 100 % while the work goes on looks stuck).
PROGRESS_STEPS = 1000
PROGRESS_SHOWN_BEFORE_THE_END = PROGRESS_STEPS - 5
# The time left is shown once the work has run this long and gone this far: earlier, the rate says little.
ESTIMATE_AFTER_SECONDS = 1.0
ESTIMATE_AFTER_FRACTION = 0.02


class Access(enum.Enum):
    CHANGE = "change"
    READ_AS = "read as"
    READ = "read"
    WRITE = "write"
    FILES = "files"


class State(enum.Enum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    CANCELLED = "cancelled"


# Operations still running, so that none is collected while its worker runs, and so that a
# closing window can stop its own.
_running: set[Operation] = set()


class Operation(QObject):
    _progressed = Signal(float, str)
    _ended = Signal(object, object)  # State, the result or the exception
    finished = Signal()  # once it has ended and its callbacks have run

    def __init__(self, context: AppContext | None, parent: QWidget | None, service: Callable[..., Any],
                 args: tuple[Any, ...], kwargs: dict[str, Any], *, affects: Iterable[str], access: Access,
                 title: str, on_success: Callable[[Any], None] | None,
                 on_failure: Callable[[SchoolAidError], None] | None, on_cancel: Callable[[], None] | None) -> None:
        # No Qt parent: the operation outlives a dialog closed while it works (it then tells the
        # views, and no one else); ``_running`` keeps it while it works.
        super().__init__()
        self.context = context
        self.title = title
        self.affects = frozenset(affects)
        self.state = State.RUNNING
        self.result: Any = None
        self.error: BaseException | None = None
        self.progress = Progress()
        self.dialog: QProgressDialog | None = None
        # Held weakly: a dialog keeping its operation (``self.task``) makes no cycle through it.
        self._parent_ref = weakref.ref(parent) if parent is not None else None
        self._call: Callable[[], Any] | None = lambda: _call(context, access, service, args, kwargs)
        self._lanes: tuple[threading.BoundedSemaphore, ...] = ()
        self._callbacks = (on_success, on_failure, on_cancel)
        self._worked: threading.Event | None = None  # set when the worker has finished (work in the background)
        self._started = 0.0  # time.monotonic() when the work began: the rate so far gives the time left
        self._message = ""  # the work's last words, kept when it reports without any

    # --- how it ended ---------------------------------------------------------------------------

    @property
    def done(self) -> bool:
        return self.state is not State.RUNNING

    @property
    def succeeded(self) -> bool:
        return self.state is State.SUCCEEDED

    @property
    def window(self) -> QWidget | None:
        parent = self._parent()
        return parent.window() if parent is not None else None

    def _parent(self) -> QWidget | None:
        """The widget that asked, while it lives."""
        parent = self._parent_ref() if self._parent_ref is not None else None
        return parent if parent is not None and shiboken6.isValid(parent) else None

    # --- running --------------------------------------------------------------------------------

    def run_here(self) -> Operation:
        assert self._call is not None
        try:
            result = self._call()
        except Cancelled:
            self._end(State.CANCELLED, None)
        except BaseException as exc:  # noqa: BLE001 - reported below, by kind
            self._end(State.FAILED, exc)
        else:
            self._end(State.SUCCEEDED, result)
        return self

    def run_in_background(self, with_progress: Callable[[Progress], Callable[[], Any]], *,
                          quiet: bool = False, unasked: bool = False) -> Operation:
        # Taken in this order by every worker: no two wait for each other's place.
        self._lanes = (_unasked, _working) if unasked else (_working,)
        self.progress = Progress(callback=self._progressed.emit)
        self._call = with_progress(self.progress)
        if not quiet:
            dialog = QProgressDialog(self.title, self.tr("Cancel"), 0, PROGRESS_STEPS, self._parent())
            dialog.setWindowTitle(self.title)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(PROGRESS_DELAY_MS)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.progress.cancel)
            self.dialog = dialog
            self._progressed.connect(self._show_progress)
            dialog.setValue(0)
        self._ended.connect(self._end)
        _running.add(self)
        self._started = time.monotonic()
        self._worked = threading.Event()
        # A bare thread: ``threading.Thread.start`` waits until the new thread runs, and while other work
        # holds the GIL that kept the GUI thread waiting 10-30 ms for each operation started (a save starts
        # three or four). Like a daemon thread, it does not hold up the program's end.
        _thread.start_new_thread(self._work, ())
        return self

    def _work(self) -> None:
        assert self._call is not None and self._worked is not None
        try:
            with contextlib.ExitStack() as places:
                for lane in self._lanes:
                    places.enter_context(lane)
                if self.progress.cancel_event.is_set():
                    raise Cancelled  # called off while it waited its turn: never started
                outcome: tuple[State, Any] = (State.SUCCEEDED, self._call())
        except Cancelled:
            outcome = (State.CANCELLED, None)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, which reports it
            outcome = (State.FAILED, exc)
        try:
            self._ended.emit(*outcome)
        finally:
            self._worked.set()

    def _show_progress(self, fraction: float, message: str) -> None:
        if self.dialog is None or not shiboken6.isValid(self.dialog):
            return
        if message:
            self._message = message
        left = self.time_left(fraction, time.monotonic() - self._started)
        label = self._message or self.title
        self.dialog.setLabelText(f"{label}\n{left}" if left else label)
        # Never backwards (a step that starts over), never full before the end.
        shown = min(round(fraction * PROGRESS_STEPS), PROGRESS_SHOWN_BEFORE_THE_END)
        self.dialog.setValue(max(shown, self.dialog.value()))

    def time_left(self, fraction: float, elapsed: float) -> str:
        """"About 2 minutes left", from the rate so far; empty while it says too little."""
        if fraction < ESTIMATE_AFTER_FRACTION or elapsed < ESTIMATE_AFTER_SECONDS or fraction >= 1.0:
            return ""
        seconds = elapsed * (1.0 - fraction) / fraction
        if seconds < 5:
            return self.tr("A few seconds left")
        if seconds < 60:
            return self.tr("About {n} seconds left").format(n=max(5, round(seconds / 5) * 5))
        return self.tr("About {n} minutes left").format(n=round(seconds / 60))

    def _end(self, state: State, value: Any) -> None:
        """On the GUI thread: close the progress, tell the views, then the caller."""
        if self.done:
            return
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.canceled.disconnect(self.progress.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = None
        self.state = state
        on_success, on_failure, on_cancel = self._callbacks
        parent = self._parent()
        if self._parent_ref is not None and parent is None:
            on_success, on_failure, on_cancel = None, (lambda _error: None), None  # the asker is gone
        # Nothing is kept that could hold widgets alive once the operation is over.
        self._call, self._callbacks = None, (None, None, None)
        self.progress.callback = None
        _running.discard(self)
        try:
            if state is State.SUCCEEDED:
                self.result = value
                if self.affects and self.context is not None:
                    self.context.notify(self.affects)
                if on_success is not None:
                    on_success(value)
            elif state is State.CANCELLED:
                if on_cancel is not None:
                    on_cancel()
            else:
                self.error = value
                if isinstance(value, SchoolAidError):
                    if on_failure is not None:
                        on_failure(value)
                    else:
                        show_error(parent, value)
                else:
                    sys.excepthook(type(value), value, value.__traceback__)
        finally:
            self.finished.emit()

    def wait_here(self) -> Operation:
        """Keep the GUI thread's events going until the work has ended (for the steps of the start,
        which come one after another before there is a window)."""
        if not self.done:
            loop = QEventLoop()
            self.finished.connect(loop.quit)
            if not self.done:
                loop.exec()
        return self

    # --- stopping -------------------------------------------------------------------------------

    def wait(self, timeout: float | None = None) -> None:
        """Wait for the worker (not for the GUI thread to hear of it)."""
        if self._worked is not None:
            self._worked.wait(timeout)

    def call_off(self) -> None:
        """Moot now (a newer request replaces it), without waiting: work still waiting its turn never starts;
        work already going stops at its next report, if it reports."""
        if not self.done:
            self.progress.cancel()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the work to stop and wait for it (a closing window must not leave it writing). The
        asker is going away: it hears nothing more, and nothing here keeps it alive meanwhile; the
        views still hear of what the work changed, if it had finished."""
        if not self.done:
            self.progress.cancel()
            self.wait(timeout)
            self._callbacks = (None, _ignore, None)


def _ignore(_error: SchoolAidError) -> None:
    """A refusal that no one is left to hear of."""


def _call(context: AppContext | None, access: Access, service: Callable[..., Any], args: tuple[Any, ...],
          kwargs: dict[str, Any], actor: Actor | None = None) -> Any:
    if access is Access.FILES:
        return service(*args, **kwargs)
    assert context is not None, "only work on files runs without a context"
    db = context.db
    if access is Access.CHANGE:
        return db.run(service, actor or context.actor, *args, **kwargs)
    if access is Access.READ_AS:
        return db.query(service, actor or context.actor, *args, **kwargs)
    if access is Access.READ:
        return db.query(service, *args, **kwargs)
    if access is Access.WRITE:
        return db.run(service, *args, **kwargs)
    return service(*args, **kwargs)


def _takes_progress(service: Callable[..., Any]) -> bool:
    try:
        return "progress" in inspect.signature(service).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        return False


# At most this many operations work at once; the others wait their turn without asking for the GIL. Each
# worker in Python competes with the GUI thread for it, and with four at once (the start's badges and home
# figures) the GUI thread lost it turn after turn: the window stalled for 400-550 ms at a county's size.
WORKING_AT_ONCE = 2
_working = threading.BoundedSemaphore(WORKING_AT_ONCE)
# Work nobody asked for just now (badges, the home figures) runs one at a time. Two workers in Python at once
# can starve the GUI thread on their own: each hands the GIL to the other whenever SQLite lets it go, and a
# thread waiting for it asks the holder to let go only after a whole switch interval without any hand-over.
# The window stalled 160-260 ms so while the start's badges and home figures worked two at a time.
UNASKED_AT_ONCE = 1
_unasked = threading.BoundedSemaphore(UNASKED_AT_ONCE)


def run_op(context: AppContext | None, parent: QWidget | None, service: Callable[..., Any], *args: Any,
           affects: Iterable[str] = (), access: Access = Access.CHANGE, background: bool = False, quiet: bool = False,
           unasked: bool = False, title: str = "",
           on_success: Callable[[Any], None] | None = None,
           on_failure: Callable[[SchoolAidError], None] | None = None,
           on_cancel: Callable[[], None] | None = None, **kwargs: Any) -> Operation:
    """Run ``service`` as described in this module's docstring; keyword arguments not named here go
    to the service."""
    operation = Operation(context, parent, service, args, kwargs, affects=affects, access=access, title=title,
                          on_success=on_success, on_failure=on_failure, on_cancel=on_cancel)
    if not background:
        return operation.run_here()
    # The person is read now, on the GUI thread: whoever started the work is who it runs as.
    try:
        actor = context.actor if context is not None and access in (Access.CHANGE, Access.READ_AS) else None
    except SchoolAidError as exc:  # nobody named to work as
        operation._end(State.FAILED, exc)
        return operation

    def with_progress(progress: Progress) -> Callable[[], Any]:
        given = {**kwargs, "progress": progress} if _takes_progress(service) else kwargs

        def call() -> Any:
            return _call(context, access, service, args, given, actor)

        return call

    return operation.run_in_background(with_progress, quiet=quiet, unasked=unasked)


def running(window: QWidget | None = None) -> list[Operation]:
    """The operations still working (those of one window, when it is given)."""
    return [op for op in _running if window is None or op.window is window]


def stop_running(window: QWidget) -> None:
    for operation in running(window):
        operation.stop()
