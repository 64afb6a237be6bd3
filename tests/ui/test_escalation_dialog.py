"""The case's "Next step…" (下一步), driven as the township clerk does: the demo's case whose notice
expired shows the report to the bureau due; printing it from the dialog issues it (numbered, recorded
on the case) and previews it; the proof of service is recorded as 留置送达 with its witnesses, and the
order to correct becomes the step due. Today's work shows the step due."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from schoolaid.dropout import escalation, receipts
from schoolaid.dropout.vocabulary import Manner
from schoolaid.reporting import work_list
from schoolaid.ui.dropout.dropout_tab import DropoutTab
from schoolaid.ui.dropout.escalation_dialog import NextStepDialog, ServiceDialog
from tests.conftest import TODAY
from tests.ui.driving import this_test


@pytest.fixture
def tab(qtbot, context) -> DropoutTab:
    widget = DropoutTab(context)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitUntil(lambda: not widget.busy(), timeout=20_000)  # the lists are read in the background
    return widget


def test_next_step_issues_prints_and_records_the_service(qtbot, tab, context, tmp_path) -> None:
    case = next(tab.cases_model.row_object(r) for r in range(tab.cases_model.rowCount())
                if tab.cases_model.row_object(r).notice_expired(TODAY))
    # Today's work names the step due on the case.
    [item] = [i for i in context.query(work_list.today_work, TODAY)
              if i.target == case.id and i.kind == work_list.Kind.NOTICE_EXPIRED]
    assert escalation.step_label("report") in item.text
    tab.select_case(case.id)
    assert tab.next_step_button.isEnabled() and tab.next_step_button.isVisible()
    dialog = NextStepDialog(context, case, tab)
    qtbot.addWidget(dialog)
    dialog.show()
    assert case.notice.document_number in dialog.chain_label.text()
    assert escalation.step_label("report") in dialog.next_label.text()
    assert dialog.document_combo.currentData() == "report"  # "issue now" chosen
    dialog.grab().save(str(tmp_path / "next-step.png"))
    dialog.print_button.click()
    qtbot.waitUntil(lambda: getattr(dialog, "last_preview", None) is not None, timeout=30_000)
    qtbot.addWidget(dialog.last_preview)
    where = context.query(escalation.chain, case.id)
    report = where.step("report")
    assert report.issued and report.document_number in dialog.chain_label.text()
    assert dialog.service_button.isEnabled()

    # The proof of service: left at the home needs the witnesses; with them it is recorded.
    still_running = this_test()
    seen: list[str] = []

    def fill() -> None:
        if not still_running():
            return
        form = QApplication.activeModalWidget()
        if not isinstance(form, ServiceDialog):
            QTimer.singleShot(20, fill)
            return
        form.document_combo.setCurrentIndex(form.document_combo.findData("report"))
        form.to_edit.setText("区教育局 收文员")
        form.manner_combo.setCurrentIndex(form.manner_combo.findData(Manner.LEFT.value))
        assert form.witnesses_edit.isEnabled()
        form.buttons.button(form.buttons.StandardButton.Save).click()
        seen.append(form.field_errors.message_for("witnesses"))  # refused at the witnesses: none named
        form.witnesses_edit.setText("村委会 王主任、村民 赵四")
        form.refused_edit.setText("拒绝签收")
        form.buttons.button(form.buttons.StandardButton.Save).click()

    QTimer.singleShot(0, fill)
    dialog.record_service()
    assert seen and seen[0]  # the refusal said what is missing
    receipt = context.query(receipts.receipt_of, "report", report.id)
    assert (receipt.manner, receipt.witnesses, receipt.refused_reason) == ("留置送达", "村委会 王主任、村民 赵四", "拒绝签收")
    assert escalation.step_label("penalty") in dialog.next_label.text()
    assert dialog.document_combo.currentData() == "penalty"
