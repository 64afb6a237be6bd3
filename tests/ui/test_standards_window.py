"""The posting preview in the window says why each child is paid (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from schoolaid.ledger import subsidy_programmes
from schoolaid.ui.ledger.ledger_tab import LedgerTab


def test_the_posting_preview_shows_the_basis_column(qtbot, context) -> None:
    tab = LedgerTab(context)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    shf = context.query(subsidy_programmes.programme_by_code, "SHF")
    tab.post_programme.setCurrentIndex(tab.post_programme.findData(shf.id))
    tab.post_month.setCurrentIndex(0)
    tab.preview_button.click()
    tab.wait_for_preview()
    model = tab.plan_model
    assert model.rowCount() > 0
    headers = [model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
               for c in range(model.columnCount())]
    basis = headers.index(QCoreApplication.translate("LedgerTab", "Basis"))
    assert not tab.plan_table.isColumnHidden(basis)
    for row in range(model.rowCount()):
        text = model.data(model.index(row, basis), Qt.ItemDataRole.DisplayRole)
        assert text.startswith("条件：") and "标准：本项目标准93元每月" in text
    first_name = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    assert first_name == tab.plan.lines[0].name


def test_editing_the_living_subsidy_keeps_its_conditions(qtbot, context) -> None:
    """The programme dialog shows the stages, boarding and categories and saves them as they are."""
    from schoolaid.ui.ledger.ledger_dialogs import ProgrammeDialog

    shbz = context.query(subsidy_programmes.programme_by_code, "SHBZ")
    dialog = ProgrammeDialog(context, shbz.id)
    qtbot.addWidget(dialog)
    assert dialog.stage_combo.currentData() == "小学,初中" and dialog.amount_edit.text() == ""
    assert dialog.category_checks["低保"].isChecked() and not dialog.category_checks["留守"].isChecked()
    dialog.category_checks["留守"].setChecked(True)  # a province widens the groups
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    after = context.query(subsidy_programmes.get_programme, shbz.id)
    assert after.stage == "小学,初中" and after.amount_fen == 0
    assert set(after.categories) == set(shbz.categories) | {"留守"}
