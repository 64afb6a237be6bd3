"""Every choice box of the window shows its longest choice in full (issue 20, "screens that fit"): boxes filled
after their tab is first shown were sized once, nearly empty, by Qt's default, and cut 保育教育费资助（BYJY） to
保育教育 and every school's name to its first characters."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QTabWidget

from schoolaid.ui.main_window import MainWindow


def text_room(box: QComboBox) -> int:
    option = QStyleOptionComboBox()
    box.initStyleOption(option)
    return box.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                      QStyle.SubControl.SC_ComboBoxEditField, box).width()


def cut_choices(window: MainWindow, where: str) -> list[str]:
    cut = []
    for box in window.findChildren(QComboBox):
        if not box.isVisible() or box.count() == 0:
            continue
        metrics = box.fontMetrics()
        longest = max((box.itemText(i) for i in range(box.count())), key=metrics.horizontalAdvance)
        if text_room(box) < metrics.horizontalAdvance(longest):
            cut.append(f"{where}: «{longest}» in {text_room(box)} px")
    return cut


def test_every_choice_box_of_every_tab_shows_its_longest_choice_in_full(qtbot, context) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1366, 740)
    window.show()
    qtbot.waitExposed(window)
    cut: list[str] = []
    looked_at = 0
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        tab = window.tabs.currentWidget()
        qtbot.waitUntil(tab.isVisible, timeout=5_000)
        qtbot.wait(300)  # the tab's first reads, which fill its boxes
        pages = [sections for sections in tab.findChildren(QTabWidget) if sections.isVisible()]
        for sections in pages or [None]:
            for page in range(sections.count()) if sections is not None else [None]:
                if sections is not None:
                    sections.setCurrentIndex(page)
                    qtbot.wait(300)
                where = window.tabs.tabText(index) + (f"/{sections.tabText(page)}" if sections is not None else "")
                cut += cut_choices(window, where)
                looked_at += 1
    assert looked_at >= 10  # every tab and its pages
    assert cut == []
