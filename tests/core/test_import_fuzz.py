"""Whatever a cell holds, the importer gives every row an outcome and every refusal a reason."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from schoolaid.accounts.audit import Actor
from schoolaid.documents.spreadsheet import Sheet
from schoolaid.roster import roster_import
from schoolaid.roster.roster_columns import Field, Header
from schoolaid.roster.roster_import import ImportSource, Outcome
from tests.conftest import TODAY

COLUMNS = [Field.NAME, Field.SEX, Field.BIRTH_DATE, Field.ID_NUMBER, Field.SCHOOL, Field.GRADE, Field.CLASS,
           Field.GUARDIAN, Field.PHONE, Field.ADDRESS, Field.LIFTED, Field.LEFT_BEHIND, Field.BOARDER,
           Field.ETHNICITY, Field.ENTRY_DATE, Field.VILLAGE]
LABELS = ["姓名", "性别", "出生日期", "身份证号", "学校", "年级", "班级", "监护人", "联系电话", "家庭住址", "是否建档立卡",
          "是否留守儿童", "是否寄宿生", "民族", "入学日期", "村"]

cells = st.one_of(
    st.none(),
    st.text(max_size=25),
    st.sampled_from(["", "是", "否", "√", "男", "女", "一年级", "六年级", "小班", "2015.3.2", "20150302", "平地镇中心校",
                     "5.10411E+17", "510411201503020014", "51041120150302001x", "合计", "波西村", "2班", "0"]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-10**20, max_value=10**20),
    st.booleans(),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cells, min_size=0, max_size=len(COLUMNS) + 2), min_size=1, max_size=6))
def test_random_cells_never_crash_the_importer(township_db, rows) -> None:
    sheet = Sheet("随机", [LABELS, *rows])
    header = Header(sheet, 0, LABELS, dict(enumerate(COLUMNS)))
    plan = township_db.query(roster_import.make_plan, ImportSource(sheet_path(), [header]), today=TODAY)
    for result in plan.rows:
        assert result.outcome in Outcome
        if result.outcome is Outcome.REJECT:
            assert result.reason.strip(), result
    assert plan.summary_json()["new"] >= 0
    # What the preview accepts, the import writes: then everything is rolled back for the next example.
    session = township_db._writer()
    try:
        with session.begin():
            roster_import.apply_plan(session, Actor("模糊测试"), plan, today=TODAY)
            session.rollback()
    finally:
        session.close()


def sheet_path() -> Path:
    return Path("随机.xlsx")
