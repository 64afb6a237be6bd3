"""Printing from the window: the notice of a case issued and previewed, the preview printing every
page to a printer and saving a copy, the quarterly summary from the Print menu."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from schoolaid.dropout import case_files, notices, persuasion
from schoolaid.dropout.monthly_report import month_to_report
from schoolaid.dropout.vocabulary import Method, Party
from schoolaid.ui.dropout.dropout_tab import DropoutTab
from tests.conftest import TODAY


@pytest.fixture
def tab(qtbot, context) -> DropoutTab:
    widget = DropoutTab(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitUntil(lambda: not widget.busy(), timeout=20_000)  # the lists are read in the background
    return widget


def test_print_a_case_notice_issues_it_and_previews_it(qtbot, tab, context, monkeypatch, tmp_path) -> None:
    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: answers.append(args[2])
                        or QMessageBox.StandardButton.Yes)
    case = next(tab.cases_model.row_object(r) for r in range(tab.cases_model.rowCount())
                if tab.cases_model.row_object(r).notice is None and tab.cases_model.row_object(r).status.is_open)
    # The log shows the failed attempts a notice needs, the village committee and the township among them.
    for parties in ((Party.SCHOOL.value,), tuple(p.value for p in Party)):
        context.db.run(persuasion.log_attempt, context.actor, case.id, persuasion.AttemptEntry(
            TODAY, "班主任、村主任、副镇长", "监护人", Method.HOME_VISIT.value, "家长仍不同意返校", False, parties),
                       today=TODAY)
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)  # the lists read again in the background
    tab.select_case(case.id)
    tab.print_notice_button.click()
    assert len(answers) == 1 and case.student in answers[0]  # asked before issuing
    qtbot.waitUntil(lambda: getattr(tab, "last_preview", None) is not None, timeout=20_000)
    preview = tab.last_preview
    qtbot.addWidget(preview)
    assert preview.pages.page_count() == 2  # the notice runs over; its receipt at the end
    assert "2" in preview.pages_label.text()
    shown = preview.grab()
    shown.save(str(tmp_path / "preview.png"))
    assert preview.view.visible_pages() == [0]
    assert _ink_on_page(preview) > 0.005  # the notice's text is drawn, not a blank sheet
    issued = context.query(case_files.get_case, case.id).notice
    assert issued is not None and issued.document_number.endswith("号")
    # The case list shows it once read again (in the background).
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)
    assert any(tab.cases_model.row_object(r).notice is not None for r in range(tab.cases_model.rowCount())
               if tab.cases_model.row_object(r).id == case.id)
    saved = preview.save_as(tmp_path / "通知书.pdf")
    assert saved is not None and saved.read_bytes().startswith(b"%PDF")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_to(printer) == 2
    assert (tmp_path / "printed.pdf").stat().st_size > 1000
    # Printing again prints the same notice: no second number.
    tab.print_notice_button.click()
    qtbot.waitUntil(lambda: tab.last_preview is not preview, timeout=20_000)
    assert len(answers) == 1  # nothing to confirm: the notice exists
    assert [n.document_number for n in context.query(notices.notices, case.id)] == [issued.document_number]


def test_quarterly_summary_from_the_print_menu(qtbot, context) -> None:
    from schoolaid.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.print_quarterly(*_this_quarter())
    qtbot.waitUntil(lambda: getattr(window, "last_preview", None) is not None, timeout=30_000)
    preview = window.last_preview
    qtbot.addWidget(preview)
    assert preview.pages.page_count() >= 2
    assert "季度工作汇总" in preview.suggested_name
    # Fit to width: the first page fills the width of the view; the others are below it, scrolled to.
    preview.resize(700, 600)
    qtbot.waitUntil(lambda: preview.view.page_rects[0].width() == preview.view.viewport().width() - 2 * 12)
    assert preview.view.visible_pages() == [0]
    bar = preview.view.verticalScrollBar()
    bar.setValue(preview.view.page_rects[1].top())
    assert 1 in preview.view.visible_pages()
    assert _ink_on_page(preview, 1) > 0.005


def _ink_on_page(preview, page: int = 0) -> float:
    """The share of the page's pixels that are not white, as the preview shows them on screen."""
    view = preview.view
    shown = view.page_rects[page].translated(0, -view.verticalScrollBar().value())
    image = view.viewport().grab(shown.intersected(view.viewport().rect())).toImage()
    step = 2
    dark = sum(1 for x in range(0, image.width(), step) for y in range(0, image.height(), step)
               if image.pixelColor(x, y).lightness() < 200)
    return dark / ((image.width() // step) * (image.height() // step))


def _this_quarter() -> tuple[int, int]:

    today = TODAY
    return today.year, (today.month - 1) // 3 + 1


def test_monthly_report_from_the_print_menu_for_the_month_chosen(qtbot, context) -> None:
    from schoolaid.ui.main_window import MainWindow
    from schoolaid.ui.widgets.period_dialog import PeriodDialog
    from tests.ui.driving import when_shown

    window = MainWindow(context)
    qtbot.addWidget(window)
    proposed: list[tuple[int, int]] = []

    def choose(dialog: PeriodDialog) -> None:
        proposed.append((dialog.year, int(dialog.part)))
        dialog.part_combo.setCurrentIndex(dialog.part_combo.findData(9))  # September instead
        dialog.accept()

    when_shown(PeriodDialog, choose)
    window.print_monthly()
    qtbot.waitUntil(lambda: getattr(window, "last_preview", None) is not None, timeout=30_000)
    preview = window.last_preview
    qtbot.addWidget(preview)
    year, _month = month_to_report(TODAY)
    assert proposed == [month_to_report(TODAY)]  # the month just ended (on the 20th)
    assert preview.suggested_name == f"控辍保学月报_{year}-09.pdf"
    assert preview.pages.page_count() >= 1
    assert _ink_on_page(preview) > 0.005
