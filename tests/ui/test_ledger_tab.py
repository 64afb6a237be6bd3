"""The ledger tab: posting a month as the aid officer does, reversing an entry, the gap badge."""

from __future__ import annotations

import pytest

from schoolaid.common.school_calendar import Quarter, month_key, working_days_between
from schoolaid.ledger import (
    batches,
    coverage,
    currency,
    eligibility,
    entry_search,
    subsidy_programmes,
    totals,
)
from schoolaid.ledger.entry_search import EntryFilter
from schoolaid.ui.ledger.ledger_dialogs import NoticeDialog, ReverseDialog
from schoolaid.ui.ledger.ledger_tab import LedgerTab
from schoolaid.ui.operations import running


@pytest.fixture
def tab(qtbot, context) -> LedgerTab:
    widget = LedgerTab(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_post_the_month_for_everyone(qtbot, tab, context) -> None:
    shf = context.query(subsidy_programmes.programme_by_code, "SHF")
    this_month = tab.post_month.itemData(0)
    choose(tab.post_programme, shf.id)
    tab.post_month.setCurrentIndex(0)
    quarter = Quarter.containing(context.today()).key
    gaps_before = context.query(coverage.gap_count, quarter, context.today())
    tab.preview_button.click()
    tab.wait_for_preview()
    assert tab.plan is not None and tab.plan_model.rowCount() == len(tab.plan.lines) > 0
    assert f"{len(tab.plan.lines)} 名学生" in tab.post_summary.text()
    tab.post_all_button.click()
    posted = context.query(eligibility.covered_ids, shf.id, month_key(this_month))
    assert len(posted) == len(tab.plan.lines if tab.plan else posted)
    assert context.query(coverage.gap_count, quarter, context.today()) < gaps_before
    tab.preview_button.click()  # posting again posts nothing twice
    tab.wait_for_preview()
    assert tab.plan.lines == [] and not tab.post_all_button.isEnabled()


def test_post_selected_students_only(qtbot, tab, context) -> None:
    shf = context.query(subsidy_programmes.programme_by_code, "SHF")
    choose(tab.post_programme, shf.id)
    tab.post_month.setCurrentIndex(0)
    tab.preview_button.click()
    tab.wait_for_preview()
    first = tab.plan_model.row_object(0)
    tab.plan_table.selectRow(0)
    tab.post_selected_button.click()
    assert context.query(eligibility.covered_ids, shf.id, month_key(tab.post_month.itemData(0))) == {
        first.student_id}


def test_the_ledger_view_shows_totals_and_reverses(qtbot, tab, context) -> None:
    tab.sections.setCurrentIndex(LedgerTab.ENTRIES)
    assert tab.filter_from.currentData()  # this school year by default
    tab.filter_from.setCurrentIndex(0)  # (any): the whole ledger
    assert tab.entries_loading and tab.entries_summary.text() == tab.tr("Counting…")
    qtbot.waitUntil(lambda: not tab.entries_loading, timeout=20_000)
    count, total = context.query(entry_search.entry_total, EntryFilter())
    assert tab.entries_model.rowCount() == count
    assert currency.format_yuan(total) in tab.entries_summary.text()
    tab.entries_table.selectRow(5)
    entry = tab.selected_entry()
    dialog = ReverseDialog(context, entry, tab)
    qtbot.addWidget(dialog)
    dialog.reason_edit.insert("误发")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    qtbot.waitUntil(lambda: not tab.entries_loading, timeout=20_000)
    assert tab.entries_model.rowCount() == count + 1
    newest = tab.entries_model.row_object(0)
    assert (newest.reverses_id, newest.amount_fen) == (entry.id, -entry.amount_fen)
    assert "冲销第" in tab.entries_model.index(0, 9).data()


def test_filters_narrow_the_ledger(qtbot, tab, context) -> None:
    byjy = context.query(subsidy_programmes.programme_by_code, "BYJY")
    choose(tab.filter_programme, byjy.id)
    qtbot.waitUntil(lambda: not tab.entries_loading, timeout=20_000)
    programmes = {tab.entries_model.row_object(r).programme for r in range(min(50, tab.entries_model.rowCount()))}
    assert programmes == {"保育教育费资助"}


def test_totals_are_worked_out_when_looked_at(qtbot, tab, context) -> None:
    assert tab.totals_model.rowCount() == 0
    tab.sections.setCurrentIndex(LedgerTab.TOTALS)
    assert tab.totals_summary.text() == tab.tr("Counting…")  # in the background, the window answering
    qtbot.waitUntil(lambda: tab.totals_model.rowCount() > 0, timeout=20_000)
    assert tab.totals_model.rowCount() == len(context.query(totals.totals, "programme"))
    total = context.query(entry_search.entry_total, EntryFilter())[1]
    assert currency.format_yuan(total) in tab.totals_summary.text()


def test_gaps_tab_lists_and_posts(qtbot, tab, context) -> None:
    tab.sections.setCurrentIndex(LedgerTab.GAPS)
    qtbot.waitUntil(lambda: not tab.gaps_loading, timeout=20_000)
    assert tab.gaps_model.rowCount() == tab.gap_count > 0
    before = tab.gap_count
    tab.gaps_table.selectRow(0)
    gap = tab.gaps_model.row_object(0)
    tab.gaps_post_button.click()
    assert gap.student_id in context.query(eligibility.covered_ids, gap.programme_id, gap.period)
    qtbot.waitUntil(lambda: not tab.gaps_loading, timeout=20_000)
    assert tab.gaps_model.rowCount() == tab.gap_count == before - 1  # one fewer now


def test_the_gaps_page_says_it_is_counting_then_shows_the_rows(qtbot, tab, context, monkeypatch) -> None:
    import threading

    release = threading.Event()
    slow_gaps = coverage.gaps

    def held_gaps(session, period, today):
        release.wait(10)
        return slow_gaps(session, period, today)

    monkeypatch.setattr(coverage, "gaps", held_gaps)
    tab.sections.setCurrentIndex(LedgerTab.GAPS)
    # The window is not frozen meanwhile: the page says what it is doing and offers nothing to post.
    assert tab.gaps_summary.text() == tab.tr("Counting…")  # 正在统计…
    assert not tab.gaps_table.isEnabled() and not tab.gaps_post_button.isEnabled()
    assert tab.gaps_model.rowCount() == 0
    release.set()
    qtbot.waitUntil(lambda: tab.gaps_model.rowCount() > 0, timeout=20_000)
    expected = context.query(coverage.gaps, Quarter.containing(context.today()).key, context.today())
    assert tab.gaps_model.rowCount() == len(expected)
    assert f"<b>{len(expected)}</b>" in tab.gaps_summary.text()
    assert tab.gaps_table.isEnabled() and tab.gaps_post_button.isEnabled()


def test_a_hidden_ledger_is_read_again_only_when_shown(qtbot, context) -> None:
    from schoolaid.ui.context import Entity
    from schoolaid.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    ledger = window.ledger_tab
    assert ledger.when_shown.refreshes == 0 and ledger.programmes_model.rowCount() == 0  # never shown yet
    window.tabs.setCurrentWidget(ledger)
    assert ledger.when_shown.refreshes == 1 and ledger.programmes_model.rowCount() > 0
    window.tabs.setCurrentWidget(window.roster_tab)
    context.notify({Entity.LEDGER})
    context.notify({Entity.STUDENT})
    assert ledger.when_shown.refreshes == 1 and ledger.when_shown.stale  # hidden: marked, not read
    window.tabs.setCurrentWidget(ledger)
    assert ledger.when_shown.refreshes == 2 and not ledger.when_shown.stale  # read once, when shown
    context.notify({Entity.LEDGER})
    assert ledger.when_shown.refreshes == 3  # seen: read at once
    window.home_tab.wait()


def test_batch_notice_dialog(qtbot, tab, context) -> None:
    unnoticed = next(b for b in context.query(batches.list_batches) if b.notice_from is None)
    dialog = NoticeDialog(context, unnoticed.id, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    # The phone for objections is offered as given last (the demo's), and is required.
    assert dialog.phone_edit.isVisible() and dialog.phone_edit.text() == "08122911035"
    dialog.phone_edit.clear()
    save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
    save.click()
    assert dialog.result() != dialog.DialogCode.Accepted and "异议电话" in dialog.field_errors.message_for("phone")
    qtbot.keyClicks(dialog.phone_edit, "0812-6543210")
    save.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    batch = next(b for b in context.query(batches.list_batches) if b.id == unnoticed.id)
    # five working days by default: Friday 20 November 2026 to Thursday 26 November
    assert batch.notice_from is not None and working_days_between(batch.notice_from, batch.notice_to) == 5
    assert batch.notice_phone == "08126543210"


def test_the_batches_page_prints_the_notice_and_records_its_end(qtbot, tab, context, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from schoolaid.ui.ledger import ledger_dialogs
    from schoolaid.ui.widgets import pdf_preview

    assert tab.notice_print_button.text() == "打印公示表…" and tab.notice_down_button.text() == "记录公示结束…"
    import datetime as dt

    unnoticed = next(b for b in context.query(batches.list_batches) if b.notice_from is None)
    context.db.run(batches.record_notice, context.actor, unnoticed.id, context.today() - dt.timedelta(days=21),
                   context.today() - dt.timedelta(days=7), "0812-2911035")
    tab.refresh()
    noticed = context.query(batches.get_batch_view, unnoticed.id)
    # The batches are read in the background: the list shows the notice once they are back.
    qtbot.waitUntil(lambda: any(tab.batches_model.row_object(r) == noticed for r in range(tab.batches_model.rowCount())),
                    timeout=20_000)
    row = next(r for r in range(tab.batches_model.rowCount()) if tab.batches_model.row_object(r).id == noticed.id)
    tab.batches_table.selectRow(row)
    shown = []
    monkeypatch.setattr(pdf_preview, "show_preview", lambda parent, path, title, name: shown.append((path, name)))
    tab.notice_print_button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    path, name = shown[0]
    assert path.exists() and name.endswith(f"公示表_{noticed.period}.pdf")
    opened = []

    def fill(dialog_self):
        dialog_self.down_edit.setDate(noticed.notice_to)  # the last day of the notice: too early
        dialog_self.buttons.button(dialog_self.buttons.StandardButton.Save).click()
        opened.append((dialog_self, dialog_self.refusal_text()))
        dialog_self.down_edit.setDate(context.today())
        dialog_self.buttons.button(dialog_self.buttons.StandardButton.Save).click()
        return dialog_self.result()

    monkeypatch.setattr(ledger_dialogs.NoticeDownDialog, "exec", lambda self: fill(self))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: pytest.fail("a batch was selected"))
    tab.notice_down_button.click()
    [(dialog, refused)] = opened
    assert noticed.notice_to.isoformat() in refused and dialog.result() == dialog.DialogCode.Accepted
    batch = context.query(batches.get_batch_view, noticed.id)
    assert batch.notice_taken_down_on == context.today()


def test_the_ledger_badge_in_the_window(qtbot, context) -> None:
    from schoolaid.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    index = window.tabs.indexOf(window.ledger_tab)
    count = context.query(coverage.gap_count, Quarter.containing(context.today()).key, context.today())
    assert count > 0
    qtbot.waitUntil(lambda: window.tabs.tabText(index) == f"资助台账 ({count})", timeout=20_000)


def test_a_badge_count_from_an_older_request_is_dropped(qtbot, context, monkeypatch) -> None:
    import threading

    from schoolaid.ui.context import Entity
    from schoolaid.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    index = window.tabs.indexOf(window.ledger_tab)
    latest = window.badge_requests["ledger"]
    qtbot.waitUntil(lambda: not running(window), timeout=20_000)
    first_asked, release_first = threading.Event(), threading.Event()
    answers = iter([(first_asked, release_first, 111), (None, None, 7)])

    def counted(_session, _period, _today):
        asked, release, answer = next(answers)
        if asked is not None:
            asked.set()
            release.wait(10)  # the older count comes back last
        return answer

    monkeypatch.setattr(coverage, "gap_count", counted)
    shown: list[str] = []
    context.notify({Entity.LEDGER})
    assert first_asked.wait(10)
    context.notify({Entity.LEDGER})  # asked while the first is still counting
    dropped = latest.dropped
    release_first.set()  # the older answer comes back now, after the newer question
    qtbot.waitUntil(lambda: latest.dropped == dropped + 1, timeout=20_000)
    shown.append(window.tabs.tabText(index))
    qtbot.waitUntil(lambda: window.tabs.tabText(index) == "资助台账 (7)", timeout=20_000)
    assert "111" not in shown[0]  # the older answer was never shown
    assert window.tabs.tabText(index) == "资助台账 (7)"  # the newer answer stays


def test_a_badge_count_asked_again_before_its_turn_is_never_worked_out(qtbot, context, monkeypatch) -> None:
    """Counts nobody asked for run one at a time (operations.UNASKED_AT_ONCE): one made moot by a newer question
    while it waited its turn is called off instead of taking its turn (a second at a county's size)."""
    import threading

    from schoolaid.ui.context import Entity
    from schoolaid.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    index = window.tabs.indexOf(window.ledger_tab)
    qtbot.waitUntil(lambda: not running(window), timeout=20_000)
    first_asked, release_first = threading.Event(), threading.Event()
    worked_out: list[int] = []

    def counted(_session, _period, _today):
        worked_out.append(len(worked_out) + 1)
        if len(worked_out) == 1:
            first_asked.set()
            release_first.wait(10)
            return 111
        return 7

    monkeypatch.setattr(coverage, "gap_count", counted)
    context.notify({Entity.LEDGER})
    assert first_asked.wait(10)
    context.notify({Entity.LEDGER})  # waits its turn behind the first …
    context.notify({Entity.LEDGER})  # … and is made moot by this one
    release_first.set()
    qtbot.waitUntil(lambda: window.tabs.tabText(index) == "资助台账 (7)", timeout=20_000)
    qtbot.waitUntil(lambda: not running(window), timeout=20_000)
    assert worked_out == [1, 2]  # the first, then the latest: the one called off never ran


def test_a_change_seen_on_the_gaps_page_counts_the_gaps_once_for_the_page_and_the_badge(qtbot, context,
                                                                                     monkeypatch) -> None:
    from schoolaid.ui.context import Entity
    from schoolaid.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    tab = window.ledger_tab
    window.tabs.setCurrentWidget(tab)
    tab.sections.setCurrentIndex(LedgerTab.GAPS)  # this quarter's gaps
    qtbot.waitUntil(lambda: not running(window) and not tab.gaps_loading, timeout=20_000)
    index = window.tabs.indexOf(tab)
    count = context.query(coverage.gap_count, Quarter.containing(context.today()).key, context.today())
    assert count > 0
    counted = []
    real = coverage.gap_count
    monkeypatch.setattr(coverage, "gap_count", lambda *args, **kwargs: counted.append(args) or real(*args, **kwargs))
    window.tabs.setTabText(index, "资助台账")  # cleared, to see the badge given its count again
    context.notify({Entity.STUDENT})  # a student saved
    assert tab.gaps_loading
    qtbot.waitUntil(lambda: not running(window) and not tab.gaps_loading, timeout=20_000)
    assert counted == []  # the page's count is the badge's
    assert tab.gaps_model.rowCount() == count and window.tabs.tabText(index) == f"资助台账 ({count})"
    tab.sections.setCurrentIndex(LedgerTab.TOTALS)  # the gaps out of sight: the window counts them for its badge
    context.notify({Entity.STUDENT})
    qtbot.waitUntil(lambda: not running(window), timeout=20_000)
    assert len(counted) == 1 and window.tabs.tabText(index) == f"资助台账 ({count})"


def test_the_hand_kept_list_is_kept_from_the_programmes_page(qtbot, tab, context) -> None:
    from schoolaid.ledger.vocabulary import Eligibility
    from schoolaid.ui.ledger.ledger_dialogs import MembersDialog, ProgrammeDialog
    from schoolaid.ui.widgets.student_picker import StudentPicker
    from tests.ui.driving import save, when_shown

    tab.sections.setCurrentIndex(LedgerTab.PROGRAMMES)
    # A programme for the students the school decides on, made as the aid officer makes it.
    dialog = ProgrammeDialog(context, None, tab)
    qtbot.addWidget(dialog)
    dialog.code_edit.setText("KNBZ")
    dialog.name_edit.setText("困难学生临时补助")
    choose(dialog.eligibility_combo, Eligibility.LIST.value)
    dialog.amount_edit.setText("100")
    save(dialog)
    rows = {tab.programmes_model.row_object(r).code: r for r in range(tab.programmes_model.rowCount())}
    tab.programmes_table.selectRow(rows["SHF"])
    assert not tab.members_button.isEnabled()  # a rule decides who gets SHF: no list to keep
    tab.programmes_table.selectRow(rows["KNBZ"])
    assert tab.members_button.isEnabled() and not tab.members_button.isHidden()
    programme = tab.selected_programme()

    picked = []

    def add_one(members: MembersDialog) -> None:
        def pick(picker: StudentPicker) -> None:
            picker.table.selectRow(0)
            picked.append(picker.model.row_object(0))
            picker.buttons.button(picker.buttons.StandardButton.Ok).click()

        when_shown(StudentPicker, pick)
        members.add_button.click()
        assert members.model.rowCount() == 1 and "1 名" in members.count_label.text()
        members.reason_edit.setText("家庭突发重大疾病")
        save(members)

    shown = when_shown(MembersDialog, add_one)
    tab.members_button.click()
    assert shown and picked
    assert context.query(subsidy_programmes.members, programme.id) == [picked[0].id]
    # Posting pays the one on the list.
    choose(tab.post_programme, programme.id)
    tab.post_month.setCurrentIndex(0)
    tab.preview_button.click()
    tab.wait_for_preview()
    assert [line.student_id for line in tab.plan.lines] == [picked[0].id]

    def take_off(members: MembersDialog) -> None:
        members.table.selectRow(0)
        members.remove_button.click()
        assert members.model.rowCount() == 0
        save(members)

    tab.sections.setCurrentIndex(LedgerTab.PROGRAMMES)
    tab.programmes_table.selectRow(rows["KNBZ"])
    when_shown(MembersDialog, take_off)
    tab.members_button.click()
    assert context.query(subsidy_programmes.members, programme.id) == []


def test_the_preview_shows_as_soon_as_a_programme_and_month_are_chosen(qtbot, tab, context, tmp_path) -> None:
    """No button: choosing is enough, and a month that cannot be posted says why (the ledger's words)."""
    shf = context.query(subsidy_programmes.programme_by_code, "SHF")
    choose(tab.post_programme, shf.id)
    tab.post_month.setCurrentIndex(0)
    qtbot.waitUntil(lambda: tab.plan is not None and tab.plan_model.rowCount() > 0, timeout=3000)
    assert tab.plan.programme.id == shf.id and tab.plan.month == tab.post_month.itemData(0)
    assert f"{len(tab.plan.lines)} 名学生" in tab.post_summary.text()
    assert currency.format_yuan(tab.plan.total_fen) in tab.post_summary.text()
    assert tab.post_all_button.isEnabled()
    tab.sections.widget(LedgerTab.POST).grab().save(str(tmp_path / "ledger-posting-preview.png"))

    # Scrolling through the months previews only the month stopped on; a stale plan is never postable.
    tab.post_month.setCurrentIndex(1)
    assert tab.plan is None and not tab.post_all_button.isEnabled()
    tab.post_month.setCurrentIndex(2)
    qtbot.waitUntil(lambda: tab.plan is not None, timeout=3000)
    assert tab.plan.month == tab.post_month.itemData(2)

    # A holiday month: not payable, and why.
    holiday = next(i for i in range(tab.post_month.count()) if not shf.pays_in(tab.post_month.itemData(i)))
    tab.post_month.setCurrentIndex(holiday)
    qtbot.waitUntil(lambda: "不能" in tab.post_summary.text() or "cannot" in tab.post_summary.text(), timeout=3000)
    assert tab.plan is None and tab.plan_model.rowCount() == 0 and not tab.post_all_button.isEnabled()
    assert month_key(tab.post_month.itemData(holiday)) in tab.post_summary.text()
    assert "假期" in tab.post_summary.text() or "holiday" in tab.post_summary.text()
    tab.sections.widget(LedgerTab.POST).grab().save(str(tmp_path / "ledger-posting-holiday.png"))

    # A month posted already: said so, with the batch.
    tab.post_month.setCurrentIndex(0)
    qtbot.waitUntil(lambda: tab.plan is not None and bool(tab.plan.lines), timeout=3000)
    tab.post_all_button.click()
    qtbot.waitUntil(lambda: tab.plan is not None and not tab.plan.lines, timeout=3000)
    posted = context.query(batches.list_batches)[0]
    assert str(posted.id) in tab.post_summary.text()
    assert not tab.post_all_button.isEnabled()
    tab.sections.widget(LedgerTab.POST).grab().save(str(tmp_path / "ledger-posting-posted.png"))


def test_who_would_be_paid_is_shown_only_to_those_who_may_post(qtbot, demo_db, preferences) -> None:
    from schoolaid.accounts.audit import Actor
    from schoolaid.accounts.permissions import Role
    from schoolaid.ui.context import AppContext

    viewer = AppContext(demo_db, preferences, actor=Actor("乡镇干部", role=Role.TOWNSHIP_VIEWER.value))
    widget = LedgerTab(viewer)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: "资助专干" in widget.post_summary.text(), timeout=3000)
    assert widget.plan is None and widget.plan_model.rowCount() == 0


def test_an_answer_for_a_programme_no_longer_chosen_is_never_shown(qtbot, tab, context) -> None:
    """The preview runs in the background: one for the old choice that comes back late is dropped."""
    shf = context.query(subsidy_programmes.programme_by_code, "SHF")
    choose(tab.post_programme, shf.id)
    tab.post_month.setCurrentIndex(0)
    tab.preview_button.click()  # asked now for 生活补助 …
    other = next(tab.post_programme.itemData(i) for i in range(tab.post_programme.count())
                 if tab.post_programme.itemData(i) not in (None, shf.id))
    choose(tab.post_programme, other)  # … and another programme chosen before the answer came
    pending = tab._preview_task
    assert pending is not None
    pending.wait_here()
    assert tab.plan is None or tab.plan.programme.id == other  # 生活补助's plan never shows
    tab.wait_for_preview()
    qtbot.waitUntil(lambda: not tab.preview_loading and tab.post_summary.text() != "", timeout=5000)
    assert tab.plan is None or tab.plan.programme.id == other


def test_the_programme_to_post_is_shown_in_full(qtbot, tab) -> None:
    """Its choices come after the tab is first shown: the box is sized to them then, not cut to a few characters."""
    qtbot.waitUntil(lambda: tab.post_programme.count() > 0, timeout=3000)
    metrics = tab.post_programme.fontMetrics()
    longest = max(metrics.horizontalAdvance(tab.post_programme.itemText(i)) for i in range(tab.post_programme.count()))
    qtbot.waitUntil(lambda: tab.post_programme.width() >= longest, timeout=3000)
    assert "（" in tab.post_programme.currentText()  # the name with its code
