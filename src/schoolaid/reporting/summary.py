"""The quarterly summary (季度工作汇总) as a PDF: tables and bar charts, "第 X 页 共 Y 页"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer
from sqlalchemy.orm import Session

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.charts import bar_chart
from schoolaid.documents.pdf.layout import BLOCK_WIDTH, Story, build
from schoolaid.documents.workbook import chinese_date
from schoolaid.ledger import currency
from schoolaid.reporting import quarterly
from schoolaid.reporting.quarterly import PlaceCounts, QuarterlySummary
from schoolaid.reporting.reports import reconcile_table


def _percent(value: float) -> str:
    return f"{value * 100:.2f}%"


def _yuan(fen: int) -> str:
    return currency.format_yuan(fen)


def _places(story: Story, heading: str, first: str, rows: list[PlaceCounts]) -> None:
    story.add(heading, story.styles.heading, heading)
    total = PlaceCounts("合计", sum(r.students for r in rows), sum(r.lifted for r in rows),
                        sum(r.monitored for r in rows), sum(r.left_behind for r in rows), sum(r.boarders for r in rows))
    story.table([first, "在读学生", "脱贫户", "监测对象", "留守儿童", "寄宿生"],
                [[r.name, r.students, r.lifted, r.monitored, r.left_behind, r.boarders] for r in rows],
                [46 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm, 22 * mm], lambda i: f"{first}“{rows[i].name}”",
                numeric=(1, 2, 3, 4, 5),
                total=[total.name, total.students, total.lifted, total.monitored, total.left_behind, total.boarders])


def summary_story(summary: QuarterlySummary, faces: fonts.Faces, today: dt.date) -> Story:
    story = Story(faces)
    styles = story.styles
    story.add(summary.title, styles.title, "标题")
    story.add(f"统计期间：{chinese_date(summary.start)}至{chinese_date(summary.end)}　　制表日期：{chinese_date(today)}",
              styles.subtitle, "副标题")

    story.add("一、学生基本情况（期末在读）", styles.heading, "标题")
    _places(story, "（一）分学校", "学校", summary.schools)
    story.flowables.append(Spacer(1, 4))
    _places(story, "（二）分村", "村", summary.villages)
    chart = bar_chart(faces, "各校在读学生与脱贫户、监测对象学生", [s.name for s in summary.schools],
                      [("在读学生", [s.students for s in summary.schools]),
                       ("脱贫户和监测对象", [s.lifted + s.monitored for s in summary.schools])], BLOCK_WIDTH)
    story.flowables.append(KeepTogether([Spacer(1, 6), chart]))

    story.add("二、学生资助", styles.heading, "标题")
    months = summary.months
    rows = []
    for line in summary.programmes:
        rows.append([line.programme, *(_yuan(line.by_month.get(m, (0, 0))[1]) for m in months),
                     _yuan(line.total_fen), line.entries, line.gaps, _yuan(line.gap_fen)])
    month_labels = [f"{int(m[5:])}月" for m in months]
    money = 19 * mm
    widths = [BLOCK_WIDTH - money * (len(months) + 2) - 24 * mm, *([money] * len(months)), money, 11 * mm, 13 * mm,
              money]
    numeric = tuple(range(1, len(months) + 5))
    story.add("金额单位：元（含冲销、更正）", styles.note, "说明")
    story.table(["资助项目", *month_labels, "合计", "人次", "未覆盖", "应发未发"], rows, widths,
                lambda i: f"资助项目“{summary.programmes[i].programme}”", numeric=numeric, small=True,
                total=["合计", *(_yuan(sum(p.by_month.get(m, (0, 0))[1] for p in summary.programmes)) for m in months),
                       _yuan(sum(p.total_fen for p in summary.programmes)), sum(p.entries for p in summary.programmes),
                       sum(p.gaps for p in summary.programmes), _yuan(sum(p.gap_fen for p in summary.programmes))])
    story.add("“未覆盖”指符合条件、在读却没有发放或减免记录的人次（资助覆盖缺口），应在下月补发。", styles.note, "说明")
    if summary.programmes and months:
        chart = bar_chart(faces, "各月资助金额（元）", [f"{int(m[5:])}月" for m in months],
                          [(p.programme, [float(currency.yuan(p.by_month.get(m, (0, 0))[1])) for m in months])
                           for p in summary.programmes], BLOCK_WIDTH)
        story.flowables.append(KeepTogether([Spacer(1, 6), chart]))

    story.add("三、结对帮扶", styles.heading, "标题")
    story.table(["学校", "帮扶教师", "结对户数", "本季度走访次数"],
                [[p.school, p.helpers, p.households, p.visits] for p in summary.pairing],
                [62 * mm, 30 * mm, 30 * mm, 34 * mm], lambda i: f"学校“{summary.pairing[i].school}”", numeric=(1, 2, 3),
                total=["合计", sum(p.helpers for p in summary.pairing), sum(p.households for p in summary.pairing),
                       sum(p.visits for p in summary.pairing)])
    story.add(f"需结对帮扶的监测对象等共{summary.households_needing}户，期末尚未结对{summary.unpaired}户。",
              styles.body, "结对说明")

    story.add("四、控辍保学", styles.heading, "标题")
    cases = summary.cases
    story.table(["学校", "本季度立案", "劝返复学", "期末劝返中", "辍学人数", "季初在读", "辍学率"],
                [[c.school, c.opened, c.returned, c.open_at_end, c.dropouts, c.enrolled_at_start, _percent(c.rate)]
                 for c in cases],
                [44 * mm, 18 * mm, 18 * mm, 20 * mm, 18 * mm, 18 * mm, 20 * mm], lambda i: f"学校“{cases[i].school}”",
                numeric=(1, 2, 3, 4, 5, 6),
                total=["合计", sum(c.opened for c in cases), sum(c.returned for c in cases),
                       sum(c.open_at_end for c in cases), sum(c.dropouts for c in cases),
                       sum(c.enrolled_at_start for c in cases),
                       _percent(sum(c.dropouts for c in cases) / max(sum(c.enrolled_at_start for c in cases), 1))])
    story.add("辍学率＝本季度学籍状态变为辍学且季末仍未返校的小学生和初中生人数÷季初在读小学生和初中生人数；期内劝返复学的不计，"
              "学前不计。",
              styles.note, "说明")
    # The sections are numbered as printed: 四查三比对 has its own only once a list was imported.
    if summary.reconcile:
        story.add("五、四查三比对情况", styles.heading, "标题")
        reconcile_table(story, summary.reconcile, "本季度核查")
    story.add(f"{'六' if summary.reconcile else '五'}、主要指标完成情况", styles.heading, "标题")
    story.table(["指标", "目标", "完成", "计算", "是否达标"],
                [[i.name, ("≥" if i.at_least else "≤") + _percent(i.target).replace(".00", ""), _percent(i.value),
                  f"{i.numerator}÷{i.denominator}　{i.how}", "达标" if i.met else "未达标"] for i in summary.indicators],
                [40 * mm, 18 * mm, 18 * mm, 62 * mm, 18 * mm], lambda i: f"指标“{summary.indicators[i].name}”",
                numeric=(1, 2))
    # The school year's dropout rate shares the term's target and source: named once.
    by_source: dict[str, str] = {}
    for i in summary.indicators:
        if i.source:
            by_source.setdefault(i.source, f"{i.name}——{i.source}")
    sources = "；".join(by_source.values())
    if sources:
        story.add(f"目标出处：{sources}。", styles.note, "说明")
    chart = bar_chart(faces, "指标完成与目标（%）", [i.name for i in summary.indicators],
                      [("目标", [i.target * 100 for i in summary.indicators]),
                       ("完成", [i.value * 100 for i in summary.indicators])], BLOCK_WIDTH, value_format="{:.0f}")
    story.flowables.append(KeepTogether([Spacer(1, 6), chart]))
    return story


@requires(Permission.EXPORT)
def write_quarterly(session: Session, actor: Actor, year: int, quarter: int, path: Path, today: dt.date,
                    progress: Progress = NO_PROGRESS) -> int:
    """The quarterly summary as a PDF; returns the number of pages."""
    summary = quarterly.quarterly_summary(session, year, quarter, today)
    progress.report(0.5)
    story = summary_story(summary, fonts.choose_faces(), today)
    progress.report(0.7)
    return build(path, story, title=summary.title, foot_note=audit_verify.paper_line(session))
