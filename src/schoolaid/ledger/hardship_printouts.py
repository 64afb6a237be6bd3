"""The assessment's printouts: the application form (家庭经济困难学生认定申请表) a family fills in and
signs, and the 公示表 posted at the school.

The 公示表 shows only what 教财厅函〔2017〕28号 allows: name, school, grade, class (and here the level),
never the ID number, address, phone, birth date or bank card; and the dates and the phone for
objections (docs/sources/student-aid-2024.md §6).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound
from schoolaid.common.grades import grade_name_zh
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.layout import BLOCK_WIDTH, Story, build
from schoolaid.documents.workbook import chinese_date
from schoolaid.ledger import hardship
from schoolaid.roster import categories
from schoolaid.storage.models import HardshipAssessment, HouseholdMember, Student
from schoolaid.township import township

_BOX = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]


def _date(day: dt.date | None) -> str:
    return chinese_date(day) if day is not None else "　　年　　月　　日"


@requires(Permission.EXPORT)
def write_application(session: Session, actor: Actor, student_id: int, school_year: int, path: Path,
                      today: dt.date, progress: Progress = NO_PROGRESS) -> int:
    """The application form for one student and school year: what the school knows filled in (the
    student, the household, the priority groups, and the application, review and decision once
    recorded), the rest left to write by hand and sign."""
    student = session.get(Student, student_id)
    if student is None:
        raise NotFound(translate("Hardship", "The student no longer exists."))
    record = session.scalars(select(HardshipAssessment).where(
        HardshipAssessment.student_id == student_id, HardshipAssessment.school_year == school_year)
        .order_by(HardshipAssessment.id.desc())).first()
    household = student.household
    groups = record.priority_groups if record is not None else hardship.SEPARATOR.join(
        categories.priority_groups(household, student, today))
    faces = fonts.choose_faces()
    story = Story(faces)
    styles = story.styles
    title = "家庭经济困难学生认定申请表"
    story.add(title, styles.title, "标题")
    story.add(f"{SchoolYear(school_year).label}　　学校：{student.school.name}", styles.subtitle, "副标题")
    cell, centre = styles.cell, styles.cell_centre

    def t(text: Any, style: Any = cell) -> Any:
        return story.text("" if text is None else str(text), style, f"学生“{student.name}”")

    rows = [
        [t("学生姓名", centre), t(student.name), t("性别", centre), t(student.sex), t("民族", centre),
         t(student.ethnicity), t("出生日期", centre), t(student.birth_date.isoformat() if student.birth_date else "")],
        [t("年级班级", centre), t(f"{grade_name_zh(student.stage, student.grade)}{student.class_name}"), "",
         t("是否寄宿", centre), t("是" if student.boarder else "否"), t("监护人", centre),
         t(f"{student.guardian_name}（{student.guardian_relation}）" if student.guardian_name else ""), ""],
        [t("家庭住址", centre), t(household.address if household else ""), "", "", "", t("联系电话", centre),
         t(student.guardian_phone or (household.phone if household else "")), ""],
        [t("所属群体", centre), t(groups or "无（按申请理由认定）"), "", "", "", "", "", ""],
    ]
    members: list[HouseholdMember | None] = list(household.members) if household is not None else []
    rows.append([t("家庭成员", centre), t("姓名", centre), t("与学生关系", centre), "", t("出生年份", centre),
                 t("工作或就读", centre), "", ""])
    for member in members[:6] or [None, None, None]:
        rows.append(["", t(member.name if member else ""), t(member.relation if member else ""), "",
                     t(member.birth_year if member and member.birth_year else ""), t(member.work if member else ""),
                     "", ""])
    first_member = 4
    last_member = len(rows) - 1
    reasons = record.reasons if record is not None and record.reasons else ""
    rows.append([t("申请理由", centre), t(reasons + "\n\n\n学生（监护人）签字：　　　　　　　　"
                                              f"{_date(record.applied_on if record else None)}"), "", "", "", "", "", ""])
    review = ""
    if record is not None and record.reviewed_on is not None:
        review = f"{record.review_note}\n\n评议日期：{chinese_date(record.reviewed_on)}"
    rows.append([t("班级评议\n意见", centre), t(review + "\n\n评议小组组长签字：　　　　　　　　"), "", "", "", "", "", ""])
    decision = ""
    if record is not None and record.decided_on is not None:
        decision = (f"认定等级：{record.level or '未通过'}　　依据：{record.basis}\n"
                    f"认定日期：{chinese_date(record.decided_on)}")
    levels = "　".join(f"□{level}" for level in hardship.levels(session))
    rows.append([t("学校认定\n意见", centre), t((decision or f"{levels}　□未通过") +
                                             "\n\n学校（盖章）　　　负责人签字：　　　　　　"), "", "", "", "", "", ""])
    table = Table(rows, colWidths=[w * mm for w in (20, 20, 14, 18, 18, 20, 20)] + [BLOCK_WIDTH - 130 * mm])
    spans = [("SPAN", (1, 1), (2, 1)), ("SPAN", (6, 1), (7, 1)), ("SPAN", (1, 2), (4, 2)), ("SPAN", (6, 2), (7, 2)),
             ("SPAN", (1, 3), (7, 3)), ("SPAN", (0, first_member), (0, last_member))]
    for row in range(first_member, last_member + 1):
        spans += [("SPAN", (2, row), (3, row)), ("SPAN", (5, row), (7, row))]
    for row in range(last_member + 1, len(rows)):
        spans.append(("SPAN", (1, row), (7, row)))
    table.setStyle(TableStyle(_BOX + spans))
    story.flowables.append(table)
    story.add("说明：家庭经济困难学生认定每学年进行一次，每学期动态调整（教财〔2018〕16号）。认定结果公示时只公示姓名、学校、"
              "年级、班级和认定等级，不公示身份证号、家庭住址、电话、出生日期、银行卡号等个人信息。", styles.note, "说明")
    progress.report(0.6)
    return build(path, story, title=title, foot_note=audit_verify.paper_line(session))


@requires(Permission.EXPORT)
def write_publicity(session: Session, actor: Actor, publicity_id: int, path: Path, today: dt.date,
                    progress: Progress = NO_PROGRESS) -> int:
    """The 公示表: the school year, the dates, one line per student (name, school, grade, class, level),
    the phone for objections."""
    view = hardship.publicity_view(session, publicity_id)
    faces = fonts.choose_faces()
    story = Story(faces)
    styles = story.styles
    township_name = township.township_name(session)
    title = f"{SchoolYear(view.school_year).label}家庭经济困难学生认定结果公示"
    story.add(title, styles.title, "标题")
    story.add(f"单位：{view.school or township_name}　　公示期：{chinese_date(view.start_date)}至"
              f"{chinese_date(view.end_date)}", styles.subtitle, "副标题")
    story.add("经个人申请、学校认定，下列学生认定为家庭经济困难学生，现予公示。", styles.body, "说明")
    lines = view.lines
    story.table(["序号", "姓名", "学校", "年级", "班级", "认定等级"],
                [[n, line.name, line.school, line.grade, line.class_name, line.level]
                 for n, line in enumerate(lines, start=1)],
                [14 * mm, 26 * mm, 46 * mm, 24 * mm, 18 * mm, BLOCK_WIDTH - 128 * mm],
                lambda i: f"学生“{lines[i].name}”", numeric=(0,), padding=4,
                total=["", "合计", f"{len(lines)}人", "", "", ""])
    story.flowables.append(Spacer(1, 10))
    story.add(f"公示期间如有异议，请向学校资助工作办公室反映。异议电话：{view.objection_phone}", styles.body, "说明")
    story.flowables.append(Spacer(1, 24))
    right = styles.body_plain.clone("right", alignment=2)
    story.add(f"{view.school or township_name + '中心校'}（盖章）", right, "署名")
    story.add(chinese_date(view.start_date), right, "日期")
    progress.report(0.6)
    return build(path, story, title=title)
