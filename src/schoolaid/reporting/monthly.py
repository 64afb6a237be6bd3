"""The monthly report of dropout control (控辍保学月报, 一月一报告) as a PDF: the counts per school with
a total, the cases still open with their step, and the 四查三比对 checks of the month."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from sqlalchemy.orm import Session

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.validation import error
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.layout import BLOCK_WIDTH, Story, build
from schoolaid.documents.workbook import chinese_date
from schoolaid.dropout import monthly_report
from schoolaid.reporting.reports import reconcile_table
from schoolaid.township import township

FIRST_YEAR = 2000


def check_month(year: int, month: int, today: dt.date) -> None:
    """Refuse a month that is not one, or that has not begun on ``today``."""
    if not 1 <= month <= 12 or not FIRST_YEAR <= year <= 9999:
        raise ValidationFailed([error("month", "month.range", translate(
            "Printing", "A month is 1 to 12 of a year from {first}.").format(first=FIRST_YEAR))])
    if dt.date(year, month, 1) > today:
        raise ValidationFailed([error("month", "month.future", translate(
            "Printing", "That month has not begun yet."))])


@requires(Permission.EXPORT)
def write_monthly(session: Session, actor: Actor, year: int, month: int, path: Path, today: dt.date,
                  progress: Progress = NO_PROGRESS) -> int:
    """The monthly report of ``month`` of ``year`` as a PDF (a month not over: up to ``today``); returns
    the number of pages."""
    check_month(year, month, today)
    report = monthly_report.monthly_report(session, year, month, today)
    progress.report(0.5)
    story = Story(fonts.choose_faces())
    styles = story.styles
    name = township.township_name(session)
    total = report.total
    story.add(report.title, styles.title, "标题")
    story.add(f"统计时段：{chinese_date(report.first)}至{chinese_date(report.as_of)}　　报告日期：{chinese_date(today)}",
              styles.subtitle, "副标题")
    story.add(
        f"{name}各校本月初在读学生{total.enrolled_at_start}人，月末{total.enrolled_at_end}人；本月新增疑似辍学"
        f"{total.new_suspected}人，新增辍学{total.new_dropouts}人，劝返复学{total.returned}人；转出"
        f"{total.transfers_confirmed + total.transfers_unconfirmed}人，其中接收学校已核实{total.transfers_confirmed}人、"
        f"待核实{total.transfers_unconfirmed}人；月末劝返中的档案{total.open_cases}件。",
        styles.body, "报告正文")
    story.add("一、各校情况", styles.heading, "标题")
    heads = ["学校", "月初在读", "月末在读", "新增疑似辍学", "新增辍学", "劝返复学", "转出已核实", "转出待核实", "劝返中"]
    first = 36 * mm
    width = (BLOCK_WIDTH - first) / (len(heads) - 1)
    lines = report.schools
    story.table(heads, [[s.school, *s.row()] for s in lines], [first, *([width] * (len(heads) - 1))],
                lambda i: f"学校“{lines[i].school}”", numeric=tuple(range(1, len(heads))), small=True,
                total=["合计", *total.row()])
    story.add(f"注：{monthly_report.HOW}", styles.body_plain, "说明")
    story.add("二、劝返中的档案", styles.heading, "标题")
    cases = report.open_cases
    if cases:
        story.table(["档案号", "姓名", "学校、年级", "建档日期", "劝返次数", "目前步骤"],
                    [[c.id, c.name, f"{c.school}{c.grade}", c.opened_on.isoformat(), c.attempts, c.step] for c in cases],
                    [12 * mm, 15 * mm, 32 * mm, 20 * mm, 14 * mm, BLOCK_WIDTH - 93 * mm],
                    lambda i: f"档案“{cases[i].name}”", numeric=(0, 4), small=True)
    else:
        story.add("月末无劝返中的档案。", styles.body, "说明")
    story.add("三、四查三比对情况", styles.heading, "标题")
    if report.reconcile:
        reconcile_table(story, report.reconcile, "本月核查")
    else:
        story.add("尚未导入户籍、学籍或脱贫人口名单，本月无比对核查。", styles.body, "说明")
    story.flowables.append(Spacer(1, 24))
    right = styles.body_plain.clone("signature", alignment=2)
    story.add(f"{name}中心校（盖章）", right, "署名")
    story.add(chinese_date(today), right, "日期")
    progress.report(0.7)
    return build(path, story, title=report.title, foot_note=audit_verify.paper_line(session))
