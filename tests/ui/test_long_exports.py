"""Long exports run off the GUI thread: the window keeps answering while the ledger, the pairing
register, the visit sheets and the dropout ledgers and cases are written; a progress dialog appears
when the work is slow, and its Cancel leaves no file behind."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from schoolaid.dropout import case_files, ledgers
from schoolaid.ledger import entry_search
from schoolaid.pairing import pairing, visits
from schoolaid.ui import operations
from schoolaid.ui.dropout import dropout_tab
from schoolaid.ui.dropout.dropout_tab import DropoutTab
from schoolaid.ui.ledger import ledger_tab
from schoolaid.ui.ledger.ledger_tab import LedgerTab
from schoolaid.ui.operations import PROGRESS_DELAY_MS, State
from schoolaid.ui.pairing import pairing_tab
from schoolaid.ui.pairing.pairing_tab import PairingTab
from schoolaid.ui.roster import export_dialog


class Held:
    """Holds the export's worker inside one of the functions it calls (off the GUI thread only: the
    tab itself reads through the same functions), until the test lets it go on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
        self.inside, self.released = threading.Event(), threading.Event()
        original: Callable[..., object] = getattr(module, name)

        def held(*args: object, **kwargs: object) -> object:
            if threading.current_thread() is not threading.main_thread() and not self.released.is_set():
                self.inside.set()
                self.released.wait(20)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, held)


def the_operation() -> operations.Operation:
    """The export: the one operation with a progress dialog (a tab's own figures load quietly beside it)."""
    (running,) = [op for op in operations.running() if op.dialog is not None]
    return running


# (tab class, its module, the button, the function its export calls first, the file's name)
EXPORTS = [
    (LedgerTab, ledger_tab, "export_button", (entry_search, "fetch_entry_rows"), "资助台账.xlsx"),
    (PairingTab, pairing_tab, "register_button", (pairing, "list_pairings"), "结对帮扶花名册.xlsx"),
    (PairingTab, pairing_tab, "visit_sheets_button", (visits, "list_visits"), "走访记录表.xlsx"),
    (DropoutTab, dropout_tab, "ledgers_export_button", (ledgers, "school_age_ledger"), "三本台账.xlsx"),
    (DropoutTab, dropout_tab, "cases_export_button", (case_files, "list_cases"), "控辍保学台账.xlsx"),
]


@pytest.mark.parametrize(("tab_class", "module", "button", "held_at", "name"), EXPORTS,
                         ids=[e[2] + "@" + e[0].__name__ for e in EXPORTS])
def test_a_long_export_keeps_the_window_answering_and_cancels_to_no_file(
        qtbot, context, tmp_path, monkeypatch, tab_class, module, button, held_at, name) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / name
    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)  # no full ID numbers
    tab: QWidget = tab_class(context)
    qtbot.addWidget(tab)
    tab.show()
    held = Held(monkeypatch, *held_at)
    getattr(tab, button).click()
    assert held.inside.wait(20), "the export never started"
    op = the_operation()
    try:
        assert op.state is State.RUNNING
        ticked = []
        QTimer.singleShot(0, lambda: ticked.append(True))
        qtbot.waitUntil(lambda: bool(ticked), timeout=10_000)  # the GUI thread is free meanwhile
        # The dialog shows after PROGRESS_DELAY_MS; a loaded CI machine may take longer to paint it.
        qtbot.waitUntil(lambda: op.done or (op.dialog is not None and op.dialog.isVisible()),
                        timeout=PROGRESS_DELAY_MS * 30)
        assert not op.done, f"the export ended before its progress showed: {op.state} {op.error!r}"
        op.dialog.findChild(QPushButton).click()  # Cancel
    finally:
        held.released.set()  # never leave the export waiting for the next test
    qtbot.waitUntil(lambda: op.done, timeout=30_000)
    assert op.state is State.CANCELLED
    assert list(folder.iterdir()) == []  # no file, and no half-written one beside it


@pytest.mark.parametrize(("tab_class", "module", "button", "held_at", "name"), EXPORTS,
                         ids=[e[2] + "@" + e[0].__name__ for e in EXPORTS])
def test_a_long_export_writes_its_file_and_says_so(qtbot, context, tmp_path, monkeypatch, tab_class, module, button,
                                                   held_at, name) -> None:
    target = tmp_path / name
    monkeypatch.setattr(export_dialog.QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)  # no full ID numbers
    tab = tab_class(context)
    qtbot.addWidget(tab)
    said: list[str] = []
    tab.message.connect(said.append)
    getattr(tab, button).click()
    qtbot.waitUntil(lambda: bool(said), timeout=60_000)
    assert str(target) in said[0]
    assert openpyxl.load_workbook(target).sheetnames


def test_the_ledger_export_reports_its_rows(context, tmp_path) -> None:
    """The core reports after each batch of rows, then while saving: what the progress dialog shows."""
    from schoolaid.common.progress import Progress
    from schoolaid.ledger import export as ledger_export
    from tests.conftest import TODAY

    said: list[tuple[float, str]] = []
    count = context.db.query(ledger_export.export_ledger, context.actor, Path(tmp_path / "l.xlsx"),
                             entry_search.EntryFilter(), today=TODAY, progress=Progress(lambda f, m: said.append((f, m))))
    assert count > 0 and said[-1] == (1.0, "正在保存文件…")
    assert any(message.startswith(f"已写入 {count} 行") for _f, message in said)
    assert [f for f, _m in said] == sorted(f for f, _m in said)
