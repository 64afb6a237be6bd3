"""The pairing tab driven as the aid officer and a teacher use it."""

from __future__ import annotations

import pytest

from schoolaid.pairing import pairing, staff, visits
from schoolaid.township import attachments
from schoolaid.ui.pairing import visit_panel as visit_module
from schoolaid.ui.pairing.pairing_dialogs import LeaveDialog, PairDialog
from schoolaid.ui.pairing.pairing_tab import PairingTab
from tests.conftest import TODAY


@pytest.fixture
def tab(qtbot, context) -> PairingTab:
    widget = PairingTab(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitUntil(lambda: not widget.loading, timeout=20_000)  # the overview is worked out in the background
    return widget


def test_gaps_are_always_in_view(tab, context) -> None:
    overview = context.query(pairing.overview, today=TODAY)
    assert tab.unpaired_button.text() == f"{len(overview.unpaired)} 户未结对"
    assert "超过 30 天未走访" in tab.overdue_button.text()
    assert tab.gap_count == (len(overview.unpaired) + len(overview.departed) + len(overview.overdue)
                             + len(overview.over_quota) + len(overview.under_quota))
    assert tab.unpaired_model.rowCount() == len(overview.unpaired)
    tab.unpaired_button.click()
    assert tab.sections.currentIndex() == PairingTab.GAPS


def test_pair_an_unpaired_household(qtbot, tab, context) -> None:
    before = len(context.query(pairing.unpaired_households, today=TODAY))
    tab.unpaired_table.selectRow(0)
    household = tab.unpaired_model.row_object(0)
    dialog = PairDialog(context, None, household.household_id, tab)
    qtbot.addWidget(dialog)
    selected = dialog.households_table.selectionModel().selectedRows()
    assert dialog.households_model.row_object(selected[0].row()).household_id == household.household_id
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(context.query(pairing.unpaired_households, today=TODAY)) == before - 1
    assert tab.loading and tab.unpaired_button.text() == tab.tr("Counting…")  # 正在统计…, not a frozen window
    qtbot.waitUntil(lambda: not tab.loading, timeout=20_000)
    assert tab.unpaired_model.rowCount() == before - 1  # the tab refreshed itself
    assert tab.unpaired_button.text() == f"{before - 1} 户未结对"


def test_log_a_visit_with_a_photo_in_quick_entry(qtbot, tab, context, tmp_path, monkeypatch) -> None:
    photo = tmp_path / "走访.jpg"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a photo of the visit")
    monkeypatch.setattr(visit_module, "choose_files", lambda parent: [("走访.jpg", photo.read_bytes())])
    panel = tab.visit_panel
    tab.sections.setCurrentIndex(PairingTab.VISITS)
    qtbot.waitUntil(lambda: not panel.busy(), timeout=20_000)  # the helpers and the log are read in the background
    assert panel.household_combo.count() > 0
    household_id = panel.household_combo.currentData()
    panel.done_edit.insert("送去棉被两床")
    panel.problems_edit.insert("房屋漏雨")
    panel.add_files_button.click()
    assert "走访.jpg" in panel.files_label.text()
    panel.save_button.click()
    assert panel.done_edit.text() == "" and panel.entry_problems.text() == ""
    qtbot.waitUntil(lambda: not panel.busy(), timeout=20_000)  # the log read again in the background
    latest = context.query(visits.list_visits, household_id=household_id)[0]
    assert (latest.done, latest.problems, latest.evidence) == ("送去棉被两床", "房屋漏雨", 1)
    assert latest.visit_date == TODAY
    assert panel.model.row_object(0).id == latest.id  # the log shows it first
    [evidence] = context.query(attachments.list_for, "visit", latest.id)
    assert context.query(attachments.content, evidence.id)[1] == photo.read_bytes()


def test_quick_entry_refuses_an_empty_visit(tab, context) -> None:
    panel = tab.visit_panel
    count = len(context.query(visits.list_visits))
    panel.save_button.click()
    assert "做了什么" in panel.entry_problems.text()
    assert len(context.query(visits.list_visits)) == count


def test_a_household_history_in_one_view(qtbot, tab, context) -> None:
    tab.staff_table.selectRow(0)
    tab.pairs_table.selectRow(0)
    view = tab.selected_pair()
    tab.history_button.click()
    assert tab.sections.currentIndex() == PairingTab.VISITS
    qtbot.waitUntil(lambda: not tab.visit_panel.busy(), timeout=20_000)  # the log is read in the background
    shown = {tab.visit_panel.model.row_object(r).household_id for r in range(tab.visit_panel.model.rowCount())}
    assert shown == {view.household_id}
    assert view.household_head in tab.visit_panel.filter_label.text()


def test_leaving_helper_hands_households_over(qtbot, tab, context) -> None:
    quotas = [q for q in context.query(pairing.quotas, today=TODAY) if q.count]
    leaving = quotas[0]
    dialog = LeaveDialog(context, leaving.staff_id, tab)
    qtbot.addWidget(dialog)
    dialog.reason_edit.insert("调往区教育局")
    receivers = {pairing_id: combo.currentData() for pairing_id, combo in dialog.receivers.items()}
    assert len(receivers) == leaving.count and all(receivers.values())
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert leaving.staff_id not in {s.id for s in context.query(staff.list_staff)}
    for pairing_id, receiver in receivers.items():
        handed = [p for p in context.query(pairing.list_pairings) if p.handed_over_from_id == pairing_id]
        assert [p.staff_id for p in handed] == [receiver]


def test_the_pairing_tab_in_the_window(qtbot, context) -> None:
    from schoolaid.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    index = window.tabs.indexOf(window.pairing_tab)
    count = context.query(pairing.gap_count, TODAY)
    assert count > 0
    qtbot.waitUntil(lambda: window.tabs.tabText(index) == f"结对帮扶 ({count})", timeout=20_000)
    window.tabs.setCurrentIndex(index)
    assert not window.count_label.isVisible()


def test_the_skills_overview_is_worked_out_when_its_page_is_shown(qtbot, tab, context) -> None:
    from schoolaid.roster import households

    assert tab.skills_rows is None  # not read while its page is hidden
    tab.sections.setCurrentIndex(PairingTab.SKILLS)
    assert tab.skills_summary.text() == tab.tr("Counting…")
    qtbot.waitUntil(lambda: tab.skills_rows is not None, timeout=20_000)
    rows = context.query(households.skills_overview)
    assert tab.skills_model.rowCount() == len(rows) > 0
    tab.without_skills_check.setChecked(True)
    assert tab.skills_model.rowCount() == sum(1 for r in rows if not r.has_skilled_labourer)


def test_ending_a_school_pairing(qtbot, tab, context) -> None:
    from schoolaid.pairing import school_pairing
    from schoolaid.ui.pairing.pairing_dialogs import EndSchoolPairingDialog
    from tests.ui.driving import save, when_shown

    tab.sections.setCurrentIndex(PairingTab.SCHOOLS)
    said = []
    tab.message.connect(said.append)
    under_way = next(p for p in context.query(school_pairing.list_pairings) if p.end_date is None)
    row = next(r for r in range(tab.schools_model.rowCount()) if tab.schools_model.row_object(r).id == under_way.id)
    tab.schools_table.selectRow(row)
    assert tab.end_school_button.isEnabled() and not tab.end_school_button.isHidden()
    shown = when_shown(EndSchoolPairingDialog, save)
    tab.end_school_button.click()
    assert shown
    ended = next(p for p in context.query(school_pairing.list_pairings) if p.id == under_way.id)
    assert ended.end_date == TODAY
    assert under_way.school in said[-1]
    # The list shows it ended, and it cannot be ended twice.
    row = next(r for r in range(tab.schools_model.rowCount()) if tab.schools_model.row_object(r).id == under_way.id)
    assert tab.schools_model.index(row, 3).data() == TODAY.isoformat()
    tab.schools_table.selectRow(row)
    assert not tab.end_school_button.isEnabled()
