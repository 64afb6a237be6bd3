"""The pairing register (结对帮扶花名册) and a visit record sheet per helper (走访记录表), as .xlsx.

Printed documents are Chinese whatever the interface language. The PDF versions come with the
printing work, from the same rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.i18n import translate
from schoolaid.common.progress import BATCH, NO_PROGRESS, Progress
from schoolaid.documents.workbook import cell, chinese_date, start_sheet, workbook_to
from schoolaid.pairing import pairing, visits
from schoolaid.township import township

REGISTER_TITLE = "结对帮扶花名册"
VISIT_SHEET_TITLE = "结对帮扶走访记录表"
REGISTER_HEADERS = ("序号", "帮扶人", "单位", "职务", "帮扶户户主", "村组", "家庭类别", "结对日期", "走访次数", "最近走访")


@dataclass(frozen=True)
class RegisterRow:
    helper: str
    school: str
    role: str
    head: str
    place: str
    status: str
    since: dt.date
    visits: int
    last_visit: dt.date | None


def register_rows(session: Session, today: dt.date) -> list[RegisterRow]:
    """The active pairings as the register lists them, helper by helper."""
    return [RegisterRow(p.staff, p.school, p.role.value, p.household_head, f"{p.village}{p.group_name}",
                        p.category, p.start_date, p.visits, p.last_visit)
            for p in pairing.list_pairings(session, active_on=today)]


@requires(Permission.EXPORT)
def export_register(session: Session, actor: Actor, path: Path, today: dt.date,
                    progress: Progress = NO_PROGRESS) -> int:
    """The pairing register to ``path`` (.xlsx); returns the number of pairings."""
    rows = register_rows(session, today)
    progress.report(0.3)  # the pairings are read; now the rows
    writing = progress.part(0.3, 1.0)
    with workbook_to(path) as workbook:
        sheet = start_sheet(workbook, REGISTER_TITLE, f"{township.township_name(session)}教育系统{REGISTER_TITLE}",
                            f"统计日期：{chinese_date(today)}    共 {len(rows)} 对", REGISTER_HEADERS,
                            (6, 10, 16, 9, 10, 16, 8, 12, 8, 12), freeze="C4")
        for number, row in enumerate(rows, start=1):
            sheet.append([number, row.helper, row.school, row.role, row.head, row.place, row.status,
                          cell(sheet, row.since, date=True), row.visits, cell(sheet, row.last_visit, date=True)])
            if number % BATCH == 0:
                writing.rows(number, len(rows))
        progress.saving()
    return len(rows)


@requires(Permission.EXPORT)
def export_visit_sheets(session: Session, actor: Actor, path: Path, since: dt.date | None = None,
                        *, today: dt.date, staff_id: int | None = None, progress: Progress = NO_PROGRESS) -> int:
    """One sheet per helper with their visits (newest last), and room for the signatures the county
    system asks for. Returns the number of helpers."""
    helpers = sorted({(p.staff_id, p.staff, p.school) for p in pairing.list_pairings(session, active_on=today)
                      if staff_id is None or p.staff_id == staff_id}, key=lambda h: (h[2], h[1]))
    with workbook_to(path) as workbook:
        headers = ("序号", "走访日期", "帮扶户户主", "村组", "方式", "帮扶内容（做了什么、送了什么）", "发现的问题", "下一步打算",
                   "佐证材料", "户主签字", "帮扶人签字")
        widths = (6, 12, 10, 14, 6, 34, 24, 24, 8, 10, 10)
        used = set()
        for done, (helper_id, name, school) in enumerate(helpers):
            progress.report(done / max(len(helpers), 1), translate("PairingExport", "Visits of {name}…").format(name=name))
            records = list(reversed(visits.list_visits(session, staff_id=helper_id, since=since)))
            sheet_name = name if name not in used else f"{name}{helper_id}"
            used.add(sheet_name)
            sheet = start_sheet(workbook, sheet_name, VISIT_SHEET_TITLE,
                                f"帮扶人：{name}    单位：{school}    打印日期：{chinese_date(today)}", headers, widths)
            for number, visit in enumerate(records, start=1):
                sheet.append([number, cell(sheet, visit.visit_date, date=True), visit.household_head, visit.village,
                              visit.form.value, cell(sheet, visit.done, wrap=True), cell(sheet, visit.problems, wrap=True),
                              cell(sheet, visit.next_step, wrap=True),
                              f"{visit.evidence} 件" if visit.evidence else "", "", ""])
            for _blank in range(max(0, 8 - len(records))):
                sheet.append([""] * len(headers))  # rows to fill in by hand at the next visits
        if not helpers:
            start_sheet(workbook, VISIT_SHEET_TITLE, VISIT_SHEET_TITLE, "（没有结对帮扶关系）", headers, widths)
        progress.saving()
    return len(helpers)
