"""Every dialog fits a 1,366 × 768 screen (issue 20): its size hint, and the least it can shrink to, stay within
the screen less the taskbar and the title bar, so that no button falls off the bottom. The dialogs are those the
stress test opens, the print preview among them."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from schoolaid.ui.main_window import MainWindow
from tests.ui.driving import quiet_window
from tests.ui.test_dialog_stress import _openers

# A 1,366 × 768 laptop: a 40-pixel taskbar below, the window's title bar above the dialog's client area.
TASKBAR = 40
USABLE = QSize(1366, 768 - TASKBAR - 30)


@pytest.fixture
def window(qtbot, context, monkeypatch) -> MainWindow:
    # The offscreen screen is 800 × 800: a dialog that sizes itself to the screen sees the laptop's instead.
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _screen: QRect(0, 0, 1366, 768 - TASKBAR))
    return quiet_window(qtbot, context, monkeypatch)


def _fits(size: QSize) -> bool:
    return size.width() <= USABLE.width() and size.height() <= USABLE.height()


def test_every_dialog_fits_a_1366_by_768_screen(qtbot, window, tmp_path):
    measured = {}
    failures = []
    for opener in _openers(window, tmp_path, 0):
        dialog = opener.make()
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        QApplication.processEvents()
        hint, least, shown = dialog.sizeHint(), dialog.minimumSizeHint(), dialog.size()
        measured[opener.name] = (hint.width(), hint.height())
        for what, size in (("size hint", hint), ("minimum size hint", least), ("size", shown)):
            if not _fits(size):
                failures.append(f"{opener.name}: {what} {size.width()} × {size.height()}")
        if shiboken6.isValid(dialog):
            dialog.reject()
            dialog.deleteLater()
        QApplication.processEvents()
    assert "print preview" in measured and "dropout rules" in measured
    print("\n".join(f"{name}: {w} × {h}" for name, (w, h) in sorted(measured.items(), key=lambda i: -i[1][1])))
    assert not failures, "\n".join(failures)


def test_the_print_preview_keeps_its_buttons_on_a_768_pixel_screen(qtbot, window, tmp_path):
    preview = next(o for o in _openers(window, tmp_path, 0) if o.name == "print preview").make()
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    assert preview.height() <= 768 - TASKBAR - 30  # it was 860 high: the buttons fell off the bottom
    assert preview.width() >= 700 and preview.height() >= 600  # still big enough to read a page
    buttons = preview.findChild(QDialogButtonBox)
    for button in [*buttons.buttons(), preview.print_button, preview.save_button]:
        where = QRect(button.mapTo(preview, button.rect().topLeft()), button.size())
        assert preview.rect().contains(where), button.text()


def test_the_rules_dialog_shows_a_long_list_of_holidays_whole(qtbot, context):
    from schoolaid.ui.dropout.dropout_dialogs import DropoutRulesDialog

    dialog = DropoutRulesDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    holidays = "01-20~02-20, 04-04~04-06, 05-01~05-05, 06-01~06-02, 07-01~08-31, 10-01~10-07"
    dialog.holidays_edit.setText(holidays)
    QApplication.processEvents()
    field = dialog.holidays_edit
    assert field.text() == holidays
    layout = field.document().documentLayout()
    lines = round(layout.documentSize().height())  # a plain-text layout counts lines
    assert 1 < lines and lines * field.fontMetrics().lineSpacing() <= field.viewport().height()
    assert not field.verticalScrollBar().isVisible() and not field.horizontalScrollBar().isVisible()
