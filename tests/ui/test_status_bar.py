"""The status bar: one message at a time, on the left; the roster's counts, the operator and the database
in permanent widgets on the right, which no message covers."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

from schoolaid.ui.main_window import MainWindow


def _covering(window: MainWindow, text: str) -> list[QWidget]:
    """The visible status-bar widgets lying where ``text`` is drawn."""
    bar = window.statusBar()
    drawn = QRect(0, 0, bar.fontMetrics().horizontalAdvance(text) + 12, bar.height())
    return [child for child in bar.findChildren(QWidget)
            if child.isVisible() and child.parentWidget() is bar and child.geometry().intersects(drawn)]


def test_one_message_at_a_time_beside_the_counts(qtbot, context, tmp_path) -> None:
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.roster_tab)
    counts = window.count_label.text()
    assert "显示" in counts and window.count_label.isVisible()

    window.backup_actions.safety_copy_taken.emit("已保存安全副本 safety.sqlite")
    assert window.statusBar().currentMessage() == "已保存安全副本 safety.sqlite"
    window.roster_tab.message.emit("已导出花名册")
    assert window.statusBar().currentMessage() == "已导出花名册"  # the later replaces the earlier

    # Going to another tab and back once brought the counts back over the message.
    window.tabs.setCurrentWidget(window.ledger_tab)
    window.tabs.setCurrentWidget(window.roster_tab)
    qtbot.wait(50)
    assert window.count_label.isVisible() and window.count_label.text() == counts
    assert window.statusBar().currentMessage() == "已导出花名册"
    assert _covering(window, "已导出花名册") == []
    window.statusBar().grab().save(str(tmp_path / "status-bar.png"))

    # The end of the roster's passing hint clears the hint only, not a message that came after it.
    window.roster_tab.hint_changed.emit("请至少输入 4 位数字")
    assert window.statusBar().currentMessage() == "请至少输入 4 位数字"
    window.show_message("已保存安全副本 safety.sqlite")
    window.roster_tab.hint_changed.emit("")
    assert window.statusBar().currentMessage() == "已保存安全副本 safety.sqlite"
    window.roster_tab.hint_changed.emit("请至少输入 4 位数字")
    window.roster_tab.hint_changed.emit("")
    assert window.statusBar().currentMessage() == ""
