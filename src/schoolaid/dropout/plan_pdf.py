"""The printed plan of one child (一人一案): the case, the people responsible for the child
(包保责任人), the cause and the measures, every persuasion attempt as logged, the placement on return
and the follow-up after it — the page a school files in the child's folder and shows the township.

It states only what the record holds: a corrected attempt prints as corrected, an empty part says so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy.orm import Session

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotFound
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.layout import BLOCK_WIDTH, Story, build
from schoolaid.documents.workbook import chinese_date
from schoolaid.dropout import case_files, case_plans, persuasion

TITLE = "控辍保学“一人一案”登记表"
ATTEMPT_HEADERS = ("序号", "日期", "劝返人员", "面谈对象", "方式", "结果")
FOLLOW_UP_HEADERS = ("序号", "日期", "跟踪人", "在校", "情况")


@requires(Permission.EXPORT)
def write_plan(session: Session, actor: Actor, path: Path, today: dt.date, case_id: int, *,
               progress: Progress = NO_PROGRESS) -> int:
    """Print the plan of case ``case_id``; returns the pages."""
    try:
        case = case_files.get_case(session, case_id)
    except NotFound:
        raise NotFound(translate("Dropout", "There is no case No. {id}.").format(id=case_id)) from None
    plan = case_plans.current_plan(session, case_id)
    logged = persuasion.attempts(session, case_id)
    follow_up = case_plans.follow_up_state(session, case_id)
    progress.report(0.3)
    story = Story(fonts.choose_faces())
    styles = story.styles
    record = f"案件{case.id}号"
    story.add(f"{case.school}{TITLE}", styles.title, "标题")
    story.add(f"案件编号：{case.id}　　状态：{case.status.value}　　打印日期：{chinese_date(today)}", styles.subtitle, "副标题")

    story.add("一、学生情况", styles.heading, "标题")
    lines = [f"姓名：{case.student}（{case.sex}）　学校：{case.school}　年级：{case.grade}",
             f"村（社区）：{case.village or '未登记'}　监护人：{case.guardian or '未登记'}",
             f"自{chinese_date(case.absence_began)}起未到校，{chinese_date(case.opened_on)}立案"
             + (f"，{chinese_date(case.closed_on)}结案" if case.closed_on else "") + "。"]
    for line in lines:
        story.add(line, styles.body_plain, record)

    story.add("二、包保责任人与帮扶措施", styles.heading, "标题")
    if plan is None:
        story.add("尚未制定帮扶方案。", styles.body_plain, record)
    else:
        for line in (f"学校领导：{plan.leader or '未指定'}　班主任（教师）：{plan.teacher or '未指定'}",
                     f"村干部：{plan.cadre or '未指定'}",
                     f"辍学原因：{plan.cause.value}",
                     f"帮扶措施：{plan.measures or '未填写'}",
                     f"方案第{plan.revision}次修订，{plan.recorded_by}记录于{chinese_date(plan.recorded_at.date())}。"):
            story.add(line, styles.body_plain, record)

    story.add("三、劝返记录", styles.heading, "标题")
    if not logged:
        story.add("尚无劝返记录。", styles.body_plain, record)
    else:
        widths = [10 * mm, 22 * mm, 34 * mm, 24 * mm, 20 * mm]
        widths.append(BLOCK_WIDTH - sum(widths))
        rows = [[n, a.attempt_date.isoformat(), a.visitors, a.met, a.method.value,
                 ("已更正：" if not a.counts else "") + ("劝返成功。" if a.succeeded else "") + a.result]
                for n, a in enumerate(logged, start=1)]
        story.table(list(ATTEMPT_HEADERS), rows, widths, lambda i: f"{logged[i].attempt_date.isoformat()}的劝返记录",
                    numeric=(0,))
    progress.report(0.6)

    story.add("四、返校安置与巩固跟踪", styles.heading, "标题")
    if plan is None or plan.placement is None:
        story.add("尚未返校。", styles.body_plain, record)
    else:
        returned = f"{chinese_date(follow_up.return_date)}返校，" if follow_up is not None else ""
        story.add(f"{returned}安置方式：{plan.placement_label}。", styles.body_plain, record)
    if follow_up is not None:
        story.add(f"跟踪期至{chinese_date(follow_up.period_end)}，应跟踪{len(follow_up.due_dates)}次，"
                  f"已完成{follow_up.done}次。", styles.body_plain, record)
        entries = follow_up.entries
        if entries:
            widths = [10 * mm, 24 * mm, 30 * mm, 14 * mm]
            widths.append(BLOCK_WIDTH - sum(widths))
            story.table(list(FOLLOW_UP_HEADERS),
                        [[n, e.follow_date.isoformat(), e.followed_by, "是" if e.attending else "否", e.note]
                         for n, e in enumerate(entries, start=1)],
                        widths, lambda i: f"{entries[i].follow_date.isoformat()}的跟踪记录", numeric=(0,))
    story.flowables.append(Spacer(1, 18))
    story.signatures(["填表人", "包保责任人", "校长（签字）"], BLOCK_WIDTH)
    progress.report(0.9)
    return build(path, story, title=f"{case.student}{TITLE}", foot_note=audit_verify.paper_line(session))
