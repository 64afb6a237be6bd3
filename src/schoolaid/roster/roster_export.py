"""Sheets the township asks for: the roster as shown, and the poor villages' education survey.

Sheets are documents: their words are Chinese whatever the interface language, and their column
names are the ones SchoolAid's importer reads, so an exported roster imports back unchanged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, check, requires
from schoolaid.common.grades import Stage, grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.documents.workbook import BOLD, cell, chinese_date, start_sheet, workbook_to
from schoolaid.roster import idnumber, roster
from schoolaid.roster.categories import HouseholdCategory, disability_label
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.roster import RosterFilter
from schoolaid.storage.database import record_first
from schoolaid.storage.models import Household, School, Student, Village
from schoolaid.township import township

_YES = "是"
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)


@dataclass(frozen=True)
class _Column:
    header: str
    value: Callable[[dict[str, Any]], Any]
    width: float
    as_text: bool = False  # stored as text, so that Excel keeps every digit
    as_date: bool = False


def _yes(flag: object) -> str:
    return _YES if flag else ""


def _columns(full_ids: bool) -> list[_Column]:
    def secret(number: str | None) -> str:
        return (number or "") if full_ids else idnumber.mask(number)

    return [
        _Column("序号", lambda r: r["position"], 6),
        _Column("姓名", lambda r: r["name"], 10),
        _Column("性别", lambda r: r["sex"], 5),
        _Column("民族", lambda r: r["ethnicity"], 7),
        _Column("出生日期", lambda r: r["birth_date"], 11, as_date=True),
        _Column("身份证号", lambda r: secret(r["id_number"]), 21, as_text=True),
        _Column("学籍号", lambda r: secret(r["registry_no"]) if r["registry_no"] else "", 22, as_text=True),
        _Column("学校", lambda r: r["school"], 16),
        _Column("年级", lambda r: grade_name_zh(r["stage"], r["grade"]), 7),
        _Column("班级", lambda r: r["class_name"], 6),
        _Column("村", lambda r: r["village"] or "", 10),
        _Column("家庭住址", lambda r: r["address"] or "", 26),
        _Column("户主", lambda r: r["head_name"] or "", 9),
        _Column("监护人", lambda r: r["guardian_name"], 9),
        _Column("联系电话", lambda r: r["guardian_phone"], 13, as_text=True),
        _Column("家庭类别", lambda r: r["category"] or "", 16),
        _Column("脱贫年度", lambda r: r["lifted_year"] or "", 8),
        _Column("是否监测对象", lambda r: _yes(r["category"] == HouseholdCategory.MONITORED.value), 8),
        _Column("监测类型", lambda r: r["monitoring_type"] or "", 12),
        _Column("是否低保", lambda r: _yes(r["dibao"]), 6),
        _Column("是否特困", lambda r: _yes(r["tekun"]), 6),
        _Column("是否留守儿童", lambda r: _yes(r["left_behind"]), 8),
        _Column("是否寄宿生", lambda r: _yes(r["boarder"]), 7),
        _Column("孤儿", lambda r: _yes(r["orphan"]), 5),
        _Column("事实无人抚养", lambda r: _yes(r["unsupported"]), 8),
        _Column("残疾类别", lambda r: disability_label(r["disability_category"]), 8),
        _Column("残疾等级", lambda r: r["disability_grade"], 6),
        _Column("残疾证号", lambda r: r["disability_certificate"], 22, as_text=True),
        _Column("残疾人子女", lambda r: _yes(r["parent_disabled"]), 7),
        _Column("烈士子女", lambda r: _yes(r["martyr_child"]), 6),
        _Column("困境儿童", lambda r: _yes(r["in_difficulty"]), 6),
        _Column("入学日期", lambda r: r["entry_date"], 11, as_date=True),
        _Column("学籍状态", lambda r: r["status"], 8),
    ]


_RECORD_COLUMNS = (Student.id, Student.name, Student.sex, Student.ethnicity, Student.birth_date, Student.id_number,
                   Student.registry_no, School.name.label("school"), Student.stage, Student.grade,
                   Student.class_name, Village.name.label("village"), Household.address, Household.head_name,
                   Student.guardian_name, Student.guardian_phone, Household.category, Household.lifted_year,
                   Household.monitoring_type, Household.dibao, Household.tekun, Student.left_behind,
                   Student.boarder, Student.orphan, Student.unsupported, Student.disability_category,
                   Student.disability_grade, Student.disability_certificate, Student.parent_disabled,
                   Student.martyr_child, Student.in_difficulty, Student.entry_date, Student.status)


def _records(session: Session, ids: Sequence[int]) -> list[dict[str, Any]]:
    """Everything a roster sheet shows, for these students, in this order (plain rows: a county-sized
    export must not keep 100,000 ORM objects alive)."""
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start:start + 500])
        query = (select(*_RECORD_COLUMNS)
                 .join(School, Student.school_id == School.id)
                 .outerjoin(Household, Student.household_id == Household.id)
                 .outerjoin(Village, Household.village_id == Village.id)
                 .where(Student.id.in_(chunk)))
        for row in session.execute(query).mappings():
            found[row["id"]] = dict(row)
    return [found[i] for i in ids if i in found]


@requires(Permission.EXPORT)
def export_roster(session: Session, actor: Actor, path: Path, flt: RosterFilter | None = None, sort_key: str = "name",
                  descending: bool = False, *, full_ids: bool = False, today: dt.date,
                  progress: Progress = NO_PROGRESS) -> int:
    """The students matching ``flt`` in display order to ``path`` (.xlsx); returns how many. With
    full ID numbers, the export is on the record with its count before the file exists."""
    if full_ids:
        check(session, actor, Permission.VIEW_FULL_ID)
    ids = roster.search_ids(session, flt or RosterFilter(), sort_key, descending)
    if full_ids:
        record_first(session, roster.record_id_export, actor, len(ids), str(path))
    columns = _columns(full_ids)
    with workbook_to(path) as workbook:
        name = township.township_name(session)
        sheet = start_sheet(workbook, "学生花名册", f"{name}学生花名册",
                            f"导出日期：{chinese_date(today)}    共 {len(ids)} 名学生"
                            + ("" if full_ids else "    （身份证号已隐去中间数字）"),
                            [c.header for c in columns], [c.width for c in columns], freeze="C4")
        for start in range(0, len(ids), 2000):
            for offset, record in enumerate(_records(session, ids[start:start + 2000]), start=start + 1):
                record["position"] = offset
                sheet.append([cell(sheet, c.value(record), text=c.as_text, date=c.as_date) for c in columns])
            progress.report(min(start + 2000, len(ids)) / max(len(ids), 1),
                            translate("RosterExport", "Writing students: {n} of {total}…").format(
                                n=min(start + 2000, len(ids)), total=len(ids)))
    return len(ids)


# --- The poor villages' education survey ------------------------------------------------------------

SURVEY_TITLE = "贫困村儿童、青少年接受教育情况调查表"
_STAGES = (Stage.PRESCHOOL, Stage.PRIMARY, Stage.JUNIOR)
_STAGE_NAMES = {Stage.PRESCHOOL: "学前", Stage.PRIMARY: "小学", Stage.JUNIOR: "初中"}
# The survey's columns for each stage, and the enrollment statuses each one counts.
_SURVEY_COLUMNS = (
    ("在校", (EnrollmentStatus.ENROLLED,)),
    ("休学", (EnrollmentStatus.SUSPENDED,)),
    ("转外地就读", (EnrollmentStatus.TRANSFERRED_OUT,)),
    ("辍学", (EnrollmentStatus.DROPPED_OUT,)),
    ("未入学", (EnrollmentStatus.NOT_ENROLLED,)),
)
_NAMED = (EnrollmentStatus.DROPPED_OUT, EnrollmentStatus.NOT_ENROLLED)


@dataclass
class SurveyVillage:
    name: str
    counts: dict[tuple[Stage, EnrollmentStatus], int]
    named: list[dict[str, Any]]  # the children dropped out or never enrolled


def survey(session: Session) -> list[SurveyVillage]:
    """For each poor village: its children on the roster by stage and enrollment status."""
    villages = {v.id: SurveyVillage(v.name, {}, []) for v in session.scalars(
        select(Village).where(Village.is_poor_village.is_(True)).order_by(Village.id))}
    query = (select(Student, Household.village_id, Household.head_name, School.name)
             .join(Household, Student.household_id == Household.id)
             .join(School, Student.school_id == School.id)
             .where(Household.village_id.in_(list(villages)))
             .order_by(Student.name_pinyin))
    for student, village_id, head, school in session.execute(query):
        assert village_id is not None  # the query keeps only the households of the villages above
        entry = villages[village_id]
        key = (Stage(student.stage), EnrollmentStatus(student.status))
        entry.counts[key] = entry.counts.get(key, 0) + 1
        if key[1] in _NAMED:
            entry.named.append({"name": student.name, "sex": student.sex, "birth_date": student.birth_date,
                                "stage": student.stage, "grade": grade_name_zh(student.stage, student.grade),
                                "school": school, "status": student.status, "head": head,
                                "phone": student.guardian_phone, "leave_date": student.leave_date})
    return list(villages.values())


@requires(Permission.EXPORT)
def export_survey(session: Session, actor: Actor, path: Path, today: dt.date, progress: Progress = NO_PROGRESS) -> int:
    """The survey to ``path`` (.xlsx): a count sheet and the names of those out of school; returns
    the number of poor villages."""
    villages = survey(session)
    progress.report(0.7)  # the villages are counted; now the two sheets
    with workbook_to(path) as workbook:
        width = 2 + len(_STAGES) * len(_SURVEY_COLUMNS)
        counts = start_sheet(workbook, "汇总", SURVEY_TITLE, f"填报单位：{township.township_name(session)}    填报日期："
                             f"{chinese_date(today)}    单位：人", [], [6, 12] + [8] * (width - 2))
        stage_row: list[Any] = [cell(counts, "序号", font=BOLD), cell(counts, "村", font=BOLD)]
        for position, stage in enumerate(_STAGES):
            first = 3 + position * len(_SURVEY_COLUMNS)
            counts.merged_cells.add(f"{get_column_letter(first)}3:{get_column_letter(first + len(_SURVEY_COLUMNS) - 1)}3")
            stage_row.append(cell(counts, _STAGE_NAMES[stage], font=BOLD))
            stage_row.extend([""] * (len(_SURVEY_COLUMNS) - 1))
        counts.merged_cells.add("A3:A4")
        counts.merged_cells.add("B3:B4")
        counts.append(stage_row)
        counts.append(["", ""] + [cell(counts, label, font=BOLD) for _stage in _STAGES for label, _ in _SURVEY_COLUMNS])
        totals = [0] * (width - 2)
        for number, village in enumerate(villages, start=1):
            values = [sum(village.counts.get((stage, status), 0) for status in statuses)
                      for stage in _STAGES for _label, statuses in _SURVEY_COLUMNS]
            totals = [a + b for a, b in zip(totals, values, strict=True)]
            counts.append([number, village.name, *values])
        counts.append(["", "合计", *totals])

        names = start_sheet(workbook, "辍学及未入学名单", f"{SURVEY_TITLE}（辍学及未入学儿童、青少年名单）",
                            f"填报单位：{township.township_name(session)}",
                            ["序号", "村", "姓名", "性别", "出生日期", "学段", "年级", "学校", "状态", "离校日期", "户主", "联系电话"],
                            (6, 10, 10, 5, 11, 6, 7, 16, 7, 11, 9, 13))
        number = 0
        for village in villages:
            for child in village.named:
                number += 1
                names.append([number, village.name, child["name"], child["sex"],
                              cell(names, child["birth_date"], date=True), child["stage"], child["grade"],
                              child["school"], child["status"], cell(names, child["leave_date"], date=True),
                              child["head"] or "", cell(names, child["phone"], text=True)])
        if number == 0:
            names.append(["", "（无辍学或未入学的儿童、青少年）"])
        progress.saving()
    return len(villages)
