"""The assessment of need in the ledger tab, driven as the aid officer does: propose the priority
groups, confirm them at a level, the 公示 (too short refused, then accepted) and its table printed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QMessageBox

from schoolaid.ledger import hardship
from schoolaid.ui.ledger.hardship_page import ConfirmDialog, PublicityDialog
from schoolaid.ui.ledger.ledger_tab import LedgerTab
from tests.ui.driving import save, when_shown


@pytest.fixture
def page(qtbot, context):
    tab = LedgerTab(context)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    tab.sections.setCurrentIndex(LedgerTab.HARDSHIP)
    return tab.hardship_page


def statuses(page) -> set[str]:
    return {page.model.row_object(r).status for r in range(page.model.rowCount())}


def test_propose_confirm_notice_and_print(qtbot, qtmodeltester, page, context, monkeypatch) -> None:
    qtmodeltester.check(page.model)
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: told.append(text))
    pending = page.model.rowCount()
    assert pending > 0 and statuses(page) == {"待申请"}
    assert f"待申请 {pending}" in page.summary.text()
    page.buttons["propose"].click()
    assert told and str(pending) in told[-1]
    assert statuses(page) == {"已申请"} and page.model.rowCount() == pending

    def confirm(dialog: ConfirmDialog) -> None:
        dialog.level_combo.setCurrentIndex(dialog.level_combo.findData("一般困难"))
        save(dialog)

    when_shown(ConfirmDialog, confirm)
    page.buttons["confirm"].click()
    assert statuses(page) == {"已认定"}
    assert {page.model.row_object(r).level for r in range(pending)} == {"一般困难"}

    refused: list[str] = []

    def notice(dialog: PublicityDialog) -> None:
        dialog.phone_edit.setText("0812-1234567")
        # Friday 27 November to Tuesday 1 December 2026: three working days.
        dialog.from_edit.setDate(QDate(2026, 11, 27))
        dialog.to_edit.setDate(QDate(2026, 12, 1))
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        refused.append(dialog.field_errors.message_for("end"))  # at the end date
        assert dialog.isVisible()
        dialog.to_edit.setDate(QDate(2026, 12, 3))
        save(dialog)

    when_shown(PublicityDialog, notice)
    page.buttons["publicity"].click()
    assert "5" in refused[0] and "3" in refused[0]
    qtbot.waitUntil(lambda: getattr(page, "last_preview", None) is not None, timeout=30_000)
    preview = page.last_preview
    assert preview.path.read_bytes().startswith(b"%PDF") and preview.pages.page_count() >= 1
    preview.close()
    assert statuses(page) == {"公示中"}
    views = context.query(hardship.list_assessments, 2026, dt.date(2026, 11, 20))
    assert {(v.publicity_from, v.publicity_to) for v in views} == {(dt.date(2026, 11, 27), dt.date(2026, 12, 3))}


def test_todays_work_opens_the_assessments(qtbot, context) -> None:
    from schoolaid.reporting.work_list import Kind
    from schoolaid.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    window.open_work_item(Kind.NOT_ASSESSED, 2026)
    assert window.tabs.currentWidget() is window.ledger_tab
    assert window.ledger_tab.sections.currentWidget() is window.ledger_tab.hardship_page
    assert window.ledger_tab.hardship_page.model.rowCount() > 0
