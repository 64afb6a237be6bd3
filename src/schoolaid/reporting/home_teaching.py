"""The 送教上门 register (送教上门登记表): per child placed 送教上门, the record (disability, assessment,
placement) and every visit of the school year with its day, teacher, hours and what was taught, then a
line for the signatures. Same page, faces and look as the other registers (reporting.reports)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.school_calendar import SchoolYear
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.layout import BLOCK_WIDTH, Story, build
from schoolaid.documents.workbook import chinese_date
from schoolaid.roster import disabilities
from schoolaid.roster.disabilities import DisabledChild, Placement, VisitView
from schoolaid.storage.models import School
from schoolaid.township import township

TITLE = "送教上门登记表"
HEADERS = ("序号", "日期", "送教教师", "课时（小时）", "送教内容")


def school_id_named(session: Session, name: str) -> int:
    """The id of the school of that name; NotFound names the schools there are."""
    school = session.scalars(select(School).where(School.name == name.strip())).first()
    if school is None:
        names = "、".join(session.scalars(select(School.name).order_by(School.sort_order, School.id)))
        raise NotFound(translate("Printing", "There is no school named {name} (the schools: {names}).").format(
            name=name, names=names))
    return school.id


def register(session: Session, year: SchoolYear, school_id: int | None = None
             ) -> list[tuple[DisabledChild, list[VisitView]]]:
    """The children of the register: placed 送教上门 now (from a day before the year's end), or visited at
    home during the school year; each with the visits of the year."""
    found = []
    for child in disabilities.children(session, school_id):
        visits = [v for v in disabilities.counted_visits(session, child.student_id) if year.start <= v.on <= year.end]
        if (child.record.placement is Placement.HOME_TEACHING and child.record.since <= year.end) or visits:
            found.append((child, visits))
    return found


def _visit_record(visits: list[VisitView]) -> Callable[[int], str]:
    """How a row of a child's visits is named in the message about a character no face has."""
    return lambda i: f"{visits[i].on.isoformat()}的送教记录"


@requires(Permission.EXPORT)
def write_register(session: Session, actor: Actor, path: Path, today: dt.date, *, school: str = "",
                   year: int | None = None, progress: Progress = NO_PROGRESS) -> int:
    """Print the 送教上门 register of a school year (2026: 2026—2027学年; the one containing today unless
    given), of the school named or of all; returns the pages."""
    school_id = school_id_named(session, school) if school.strip() else None
    chosen = SchoolYear(year) if year is not None else SchoolYear.containing(today)
    rows = register(session, chosen, school_id)
    progress.report(0.4)
    faces = fonts.choose_faces()
    story = Story(faces)
    styles = story.styles
    unit = session.get(School, school_id).name if school_id is not None else f"{township.township_name(session)}教育系统"  # type: ignore[union-attr]
    title = f"{unit}{TITLE}"
    story.add(title, styles.title, "标题")
    hours = sum(v.minutes for _child, visits in rows for v in visits)
    story.add(f"{chosen.label}　　共{len(rows)}人，送教{sum(len(v) for _c, v in rows)}次，"
              f"{disabilities.format_hours(hours)}小时　　打印日期：{chinese_date(today)}", styles.subtitle, "副标题")
    if not rows:
        story.add("本学年无送教上门学生。", styles.body_plain, "正文")
    widths = [12 * mm, 26 * mm, 28 * mm, 24 * mm]
    widths.append(BLOCK_WIDTH - sum(widths))
    for n, (child, visits) in enumerate(rows, start=1):
        record = child.record
        heading = story.text(f"{n}. {child.name}（{child.sex}）　{child.school} {child.grade}", styles.heading, "学生")
        facts = [f"残疾类别：{record.category_label}　等级：{record.grade}",
                 f"安置方式：{record.placement.printed}（{record.since.isoformat()}起）"
                 + (f"　监护人：{child.guardian}" if child.guardian else "")]
        if record.assessed_on is not None:
            facts.append(f"专家委员会评估：{record.assessed_on.isoformat()}，{record.decision}")
        block = [heading, *(story.text(line, styles.body_plain, f"学生“{child.name}”") for line in facts)]
        story.flowables.append(KeepTogether(block))
        if visits:
            story.table(list(HEADERS), [[i, v.on.isoformat(), v.teacher, v.hours_text, v.content]
                                        for i, v in enumerate(visits, start=1)],
                        widths, _visit_record(visits), numeric=(0, 3),
                        total=["", "合计", f"{len(visits)}次", disabilities.format_hours(sum(v.minutes for v in visits)),
                               ""])
        else:
            story.add("本学年尚无送教记录。", styles.body_plain, "正文")
        story.flowables.append(Spacer(1, 6))
        progress.report(0.4 + 0.4 * n / len(rows))
    story.flowables.append(Spacer(1, 18))
    story.signatures(["填表人", "审核人", "校长（签字）"], BLOCK_WIDTH)
    return build(path, story, title=title, foot_note=audit_verify.paper_line(session))
