import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import NotPermitted, Role
from schoolaid.reconcile import checks, report_export
from schoolaid.reconcile.checks import CheckForm
from schoolaid.reconcile.vocabulary import DifferenceKind
from schoolaid.storage.models import AuditEvent
from tests import reconcile_township as planted
from tests.conftest import TODAY

SHEET_NAMES = ["户籍有学籍无", "学前适龄未入园", "名在人不在", "无学籍", "名单有未标注", "已标注名单无"]


def sheets(path) -> dict[str, list[list[object]]]:
    book = CalamineWorkbook.from_path(str(path))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def test_one_sheet_per_kind_with_columns_for_the_cadre(township_db, actor, tmp_path) -> None:
    planted.build(township_db, actor)
    path = tmp_path / "比对核查表.xlsx"
    counts = township_db.query(report_export.write_report, actor, path, today=TODAY)
    assert counts == {kind: 1 for kind in DifferenceKind}
    found = sheets(path)
    assert list(found) == SHEET_NAMES
    rows = found["户籍有学籍无"]
    assert rows[0][0] == "平地镇四查三比对核查表（户籍有学籍无）"
    assert "共 1 人" in rows[1][0] and "在外地就读" in rows[1][0]
    assert rows[2] == list(report_export.HEADERS)
    number = f"5104**********{planted.ZHOU[-4:]}"
    assert rows[3][:9] == [1, "周九", "男", rows[3][3], number, "波西村", "3组", "周大",
                           "户籍：波西村3组 户主周大，8岁；花名册：无"]
    assert rows[3][9:] == ["", "", "", ""]
    assert found["无学籍"][3][1] == "王五"
    assert found["名单有未标注"][3][7] == "张大山"  # the head of the roster's household


def test_checked_ones_on_request_with_their_check(township_db, actor, tmp_path) -> None:
    planted.build(township_db, actor)
    township_db.run(checks.record_check, actor, DifferenceKind.NOT_ENROLLED, planted.ZHOU, CheckForm(
        result="迁出", checked_by="村干部", checked_on=TODAY, place="会理市", evidence="户口迁移证明"), today=TODAY)
    assert township_db.query(report_export.write_report, actor, tmp_path / "a.xlsx",
                             today=TODAY)[DifferenceKind.NOT_ENROLLED] == 0
    township_db.query(report_export.write_report, actor, tmp_path / "b.xlsx", today=TODAY, include_checked=True)
    row = sheets(tmp_path / "b.xlsx")["户籍有学籍无"][3]
    assert row[1] == "周九" and row[9] == "村干部" and row[11] == "迁出（会理市）" and row[12] == "户口迁移证明"


def test_full_ids_are_on_the_record_before_the_file(township_db, actor, tmp_path) -> None:
    planted.build(township_db, actor)
    path = tmp_path / "full.xlsx"
    township_db.query(report_export.write_report, actor, path, today=TODAY, full_ids=True)
    assert sheets(path)["户籍有学籍无"][3][4] == planted.ZHOU
    reveal = township_db.query(lambda s: s.query(AuditEvent).filter(AuditEvent.action == audit.Action.REVEAL).one())
    assert '"students": 6' in reveal.after and str(path) in reveal.summary


def test_names_are_data_never_formulas(township_db, actor, tmp_path) -> None:
    planted.build(township_db, actor)
    path = tmp_path / "r.xlsx"
    township_db.query(report_export.write_report, actor, path, today=TODAY)
    book = openpyxl.load_workbook(path)
    assert all(c.data_type != "f" for sheet in book.worksheets for row in sheet.iter_rows() for c in row)


def test_a_viewer_may_not_export(township_db, actor, tmp_path) -> None:
    planted.build(township_db, actor)
    viewer = Actor("乡镇", role=Role.TOWNSHIP_VIEWER.value)
    with pytest.raises(NotPermitted):
        township_db.query(report_export.write_report, viewer, tmp_path / "x.xlsx", today=TODAY)
    assert not (tmp_path / "x.xlsx").exists()
