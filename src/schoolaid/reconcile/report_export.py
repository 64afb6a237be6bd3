"""The 比对核查表: the differences to check, one sheet per kind, with the columns the village cadre fills
in on the door-to-door visit (核查人, 核查日期, 核查结果, 佐证). A document: Chinese whatever the
interface language; data, never formulas; written atomically.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, check, requires
from schoolaid.documents.workbook import cell, chinese_date, start_sheet, workbook_to
from schoolaid.reconcile.differences import KIND_ORDER, Difference, differences
from schoolaid.reconcile.vocabulary import RESULTS, DifferenceKind
from schoolaid.roster import idnumber, roster
from schoolaid.storage.database import record_first
from schoolaid.storage.models import Household, ReferencePerson, Student
from schoolaid.township import township

#: Each kind's sheet: its name (at most 31 characters) and what it lists.
SHEETS: dict[DifferenceKind, tuple[str, str]] = {
    DifferenceKind.NOT_ENROLLED: ("户籍有学籍无", "户籍在册的义务教育适龄儿童（6—15周岁），本校花名册无"),
    DifferenceKind.PRESCHOOL_NOT_ENROLLED: ("学前适龄未入园", "户籍在册的学前适龄儿童（3—5周岁），未在本校幼儿班"),
    DifferenceKind.REGISTRY_NOT_ON_ROSTER: ("名在人不在", "学籍系统有、本校花名册无"),
    DifferenceKind.NOT_ON_REGISTRY: ("无学籍", "本校花名册在读、学籍系统无"),
    DifferenceKind.POVERTY_NOT_FLAGGED: ("名单有未标注", "脱贫户、监测对象名单有，花名册家庭类别未标注"),
    DifferenceKind.FLAGGED_NOT_ON_LIST: ("已标注名单无", "花名册标注为脱贫户、监测对象，名单无"),
}

HEADERS = ("序号", "姓名", "性别", "出生日期", "身份证号", "村", "组", "户主", "情况",
           "核查人", "核查日期", "核查结果", "佐证")
WIDTHS = (6, 10, 5, 12, 21, 10, 7, 10, 48, 10, 12, 20, 24)


def _people(session: Session, found: list[Difference]) -> dict[tuple[str, int], tuple[str, str, str]]:
    """(sex, group, head) of each difference's person, from the list or from the roster's household."""
    listed_ids = [d.reference_person_id for d in found if d.reference_person_id is not None]
    student_ids = [d.student_id for d in found if d.student_id is not None]
    people: dict[tuple[str, int], tuple[str, str, str]] = {}
    for start in range(0, len(listed_ids), 500):
        for pid, sex, group, head in session.execute(
                select(ReferencePerson.id, ReferencePerson.sex, ReferencePerson.group_name, ReferencePerson.head_name)
                .where(ReferencePerson.id.in_(listed_ids[start:start + 500]))):
            people[("listed", pid)] = (sex or "", group or "", head or "")
    for start in range(0, len(student_ids), 500):
        for sid, sex, group, head in session.execute(
                select(Student.id, Student.sex, Household.group_name, Household.head_name)
                .outerjoin(Household, Student.household_id == Household.id)
                .where(Student.id.in_(student_ids[start:start + 500]))):
            people[("student", sid)] = (sex or "", group or "", head or "")
    return people


def _person(people: dict[tuple[str, int], tuple[str, str, str]], difference: Difference) -> tuple[str, str, str]:
    # The roster's household for the kinds about our students; the list's for the others.
    if difference.kind in (DifferenceKind.NOT_ON_REGISTRY, DifferenceKind.POVERTY_NOT_FLAGGED,
                           DifferenceKind.FLAGGED_NOT_ON_LIST) and difference.student_id is not None:
        return people.get(("student", difference.student_id), ("", "", ""))
    if difference.reference_person_id is not None:
        return people.get(("listed", difference.reference_person_id), ("", "", ""))
    return ("", "", "")


def _sex(difference: Difference, listed: str) -> str:
    number = difference.id_number
    if number and len(number) == 18 and number[16].isdigit():
        return "男" if int(number[16]) % 2 else "女"
    return listed


@requires(Permission.EXPORT)
def write_report(session: Session, actor: Actor, path: Path, *, today: dt.date, full_ids: bool = False,
                 include_checked: bool = False) -> dict[DifferenceKind, int]:
    """The differences still to check (``include_checked``: the checked ones too, with their check
    filled in) to ``path`` (.xlsx), one sheet per kind; returns how many of each. With full ID numbers
    the export is on the record, with the count of numbers written, before the file exists."""
    if full_ids:
        check(session, actor, Permission.VIEW_FULL_ID)
    found = differences(session, today, include_checked=include_checked)
    if full_ids:
        record_first(session, roster.record_id_export, actor, sum(1 for d in found if d.id_number), str(path))
    people = _people(session, found)
    counts = {kind: 0 for kind in KIND_ORDER}
    name = township.township_name(session)
    with workbook_to(path) as workbook:
        for kind in KIND_ORDER:
            rows = [d for d in found if d.kind is kind]
            counts[kind] = len(rows)
            sheet_name, what = SHEETS[kind]
            results = "、".join(r.value for r in RESULTS[kind])
            subtitle = (f"{what}。比对日期：{chinese_date(today)}    共 {len(rows)} 人"
                        + ("" if full_ids else "    （身份证号已隐去中间数字）") + f"    核查结果填：{results}")
            sheet = start_sheet(workbook, sheet_name, f"{name}四查三比对核查表（{sheet_name}）", subtitle,
                                HEADERS, WIDTHS, freeze="C4")
            for position, difference in enumerate(rows, start=1):
                listed_sex, group, head = _person(people, difference)
                number = (difference.id_number or "") if full_ids else idnumber.mask(difference.id_number)
                checked = difference.check
                sheet.append([
                    position, difference.name, _sex(difference, listed_sex),
                    cell(sheet, difference.birth_date, date=True), cell(sheet, number, text=True),
                    difference.village, group, head,
                    difference.detail + ("（姓名与出生日期相同，身份证号不同或缺）" if difference.weak_match else ""),
                    checked.checked_by if checked else "",
                    cell(sheet, checked.checked_on, date=True) if checked else "",
                    checked.summary() if checked else "",
                    checked.evidence if checked else "",
                ])
    return counts
