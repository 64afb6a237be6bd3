"""The case panel's plan (一人一案) and follow-up after the return (issue 19), driven as the aid officer
does: the plan edited in its dialog (a new revision, the old one kept), a follow-up added to the child
back at school, closing as 已返校 refused until the placement is chosen, and a new absence within the
follow-up reopening the same case."""

from __future__ import annotations

import os
from collections.abc import Callable

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from schoolaid.accounts.audit import Actor
from schoolaid.dropout import absences, case_files, case_plans
from schoolaid.dropout.case_plans import Placement
from schoolaid.dropout.vocabulary import CaseStatus
from schoolaid.ui.dropout.case_plan_dialogs import FollowUpDialog, PlanDialog
from schoolaid.ui.dropout.dropout_dialogs import MoveCaseDialog
from schoolaid.ui.dropout.dropout_tab import DropoutTab
from tests.conftest import TODAY
from tests.ui.driving import this_test


@pytest.fixture
def tab(qtbot, context) -> DropoutTab:
    widget = DropoutTab(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 860)
    widget.show()
    widget.refresh()
    qtbot.waitUntil(lambda: not widget.busy(), timeout=20_000)  # the lists are read in the background
    return widget


def in_dialog(qtbot, kind: type[QDialog], fill: Callable[[QDialog], None], *, refused: list[str] | None = None) -> None:
    """Fill the next modal dialog of this kind when it opens and press Save; a refusal is kept in
    ``refused`` (and the dialog cancelled) when the test expects one."""
    still_running = this_test()

    def act() -> None:
        if not still_running():
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, act)
            return
        fill(dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
        if dialog.isVisible():
            text = dialog.refusal_text()
            dialog.reject()
            if refused is None:
                raise AssertionError(f"the dialog refused: {text}")
            refused.append(text)

    QTimer.singleShot(0, act)


def select(tab: DropoutTab, status: CaseStatus) -> int:
    tab.case_filter.setCurrentIndex(tab.case_filter.findData("all"))
    row = next(r for r in range(tab.cases_model.rowCount()) if tab.cases_model.row_object(r).status is status)
    tab.cases_table.selectRow(row)
    case = tab.selected_case()
    assert case is not None
    return case.id


def test_edit_the_plan_from_the_case_panel(qtbot, tab, context) -> None:
    case_id = select(tab, CaseStatus.PERSUADING)
    panel = tab.plan_panel
    before = context.query(case_plans.plan_history, case_id)
    assert "一人一案" in panel.plan_label.text() and before[-1].measures in panel.plan_label.text()  # the demo's plan
    assert panel.plan_button.isEnabled() and not panel.follow_button.isEnabled()  # not back at school yet

    def fill(dialog: PlanDialog) -> None:
        assert dialog.leader_combo.currentText() == before[-1].leader  # starts from the plan in force
        dialog.cadre_edit.clear()
        dialog.cadre_edit.insert("辣子哨村委会 罗支书")
        dialog.cause_combo.setCurrentIndex(dialog.cause_combo.findData("家长不重视"))
        dialog.measures_edit.setPlainText("村支书与家长谈话，签订送子女入学承诺书")

    in_dialog(qtbot, PlanDialog, fill)
    panel.plan_button.click()
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)  # the lists read again in the background
    history = context.query(case_plans.plan_history, case_id)
    assert len(history) == len(before) + 1 and history[:-1] == before  # the old revision kept as it was
    assert (history[-1].cadre, history[-1].cause.value, history[-1].leader) == (
        "辣子哨村委会 罗支书", "家长不重视", before[-1].leader)
    text = panel.plan_label.text()
    assert f" {len(history)}" in text and "罗支书" in text and "签订送子女入学承诺书" in text


def test_add_a_follow_up_to_the_child_back_at_school(qtbot, tab, context, tmp_path) -> None:
    case_id = select(tab, CaseStatus.RETURNED)
    panel = tab.plan_panel
    state = context.query(case_plans.follow_up_state, case_id)
    assert state is not None and state.is_due(TODAY)  # the demo's returned case has one due
    assert "插班" in panel.plan_label.text()
    assert panel.follow_model.rowCount() == state.done >= 1
    assert panel.follow_button.isEnabled()

    def fill(dialog: FollowUpDialog) -> None:
        assert dialog.by_edit.text()  # the teacher of the plan
        dialog.note_edit.setPlainText("按时到校，数学成绩有进步")

    in_dialog(qtbot, FollowUpDialog, fill)
    panel.follow_button.click()
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)  # the lists read again in the background
    assert panel.follow_model.rowCount() == state.done + 1
    last = panel.follow_model.rowCount() - 1
    assert panel.follow_model.index(last, 0).data() == TODAY.isoformat()
    assert panel.follow_model.index(last, 2).data() == "按时到校，数学成绩有进步"
    assert panel.follow_model.row_object(last).attending
    assert context.query(case_plans.follow_up_state, case_id).done == state.done + 1
    shot = os.environ.get("SCHOOLAID_GRAB")  # a look at the panel: SCHOOLAID_GRAB=/tmp/panel.png
    if shot:
        tab.grab().save(shot)


def test_back_at_school_asks_for_the_placement(qtbot, tab, context) -> None:
    case_id = select(tab, CaseStatus.PERSUADING)
    refused: list[str] = []

    def without(dialog: MoveCaseDialog) -> None:
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(CaseStatus.RETURNED.value))
        dialog.return_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
        assert dialog.placement.combo.isVisible() and not dialog.placement.grade_spin.isVisible()

    in_dialog(qtbot, MoveCaseDialog, without, refused=refused)
    tab.move_button.click()
    assert refused and "插班" in refused[0]
    assert tab.selected_case() is not None and tab.selected_case().status is CaseStatus.PERSUADING

    def placed(dialog: MoveCaseDialog) -> None:
        dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(CaseStatus.RETURNED.value))
        dialog.return_edit.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
        dialog.placement.combo.setCurrentIndex(dialog.placement.combo.findData(Placement.INSERTED.value))
        assert dialog.placement.grade_spin.isVisible()
        dialog.placement.grade_spin.setValue(5)

    in_dialog(qtbot, MoveCaseDialog, placed)
    tab.move_button.click()
    plan = context.query(case_plans.current_plan, case_id)
    assert plan is not None and (plan.placement, plan.placement_label) == (Placement.INSERTED, "插班（五年级）")


def test_a_new_absence_in_the_follow_up_reopens_the_case_from_the_absences_page(qtbot, tab, context, monkeypatch) -> None:
    case_id = select(tab, CaseStatus.RETURNED)
    case = tab.selected_case()
    assert case is not None
    absence_id = context.db.run(absences.record_absence, Actor("李老师"), case.student_id, TODAY, today=TODAY)
    asked: list[str] = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    tab._open_case(case.student_id, absence_id, case.student)  # what the Absences page's button does
    qtbot.waitUntil(lambda: not tab.busy(), timeout=20_000)  # the lists read again in the background
    assert asked and str(case_id) in asked[0]
    assert [c.id for c in context.query(case_files.list_cases) if c.student_id == case.student_id] == [case_id]
    shown = tab.selected_case()
    assert shown is not None and (shown.id, shown.status) == (case_id, CaseStatus.PERSUADING)
    assert tab.plan_panel.follow_model.row_object(tab.plan_panel.follow_model.rowCount() - 1).kind.value == "reopened"


def test_print_the_plan_from_the_case_panel(qtbot, tab, context) -> None:
    case_id = select(tab, CaseStatus.RETURNED)
    panel = tab.plan_panel
    assert panel.print_button.isEnabled() and "一人一案" in panel.print_button.text()
    panel.print_button.click()
    qtbot.waitUntil(lambda: getattr(panel, "last_preview", None) is not None, timeout=20_000)
    preview = panel.last_preview
    qtbot.addWidget(preview)
    assert preview.pages.page_count() >= 1
    import pypdf

    text = "".join(page.extract_text() for page in pypdf.PdfReader(preview.path).pages).replace("\n", "")
    case = context.query(case_files.get_case, case_id)
    assert case.student in text and "一人一案" in text and "劝返记录" in text
