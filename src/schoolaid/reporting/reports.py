"""The other printouts on the same page and faces: the term-start dropout report (开学辍学情况报告),
the three dropout ledgers, the pairing register (结对帮扶花名册) and a batch's sign-off sheet (签领表)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer
from sqlalchemy import select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import ValidationFailed
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.school_calendar import Term
from schoolaid.common.validation import error
from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.layout import BLOCK_WIDTH, Story, build
from schoolaid.documents.workbook import chinese_date
from schoolaid.dropout import ledgers, term_report
from schoolaid.ledger import currency, export
from schoolaid.pairing import pairing_export
from schoolaid.reconcile import village_counts
from schoolaid.reconcile.differences import KIND_ORDER
from schoolaid.reconcile.village_counts import VillageReconcile
from schoolaid.storage.models import Student
from schoolaid.township import township

LANDSCAPE_WIDTH = 297 * mm - 56 * mm  # A4 across, less 28 mm each side


@requires(Permission.EXPORT)
def write_term_report(session: Session, actor: Actor, path: Path, year: int | None = None, term: str | None = None,
                      *, today: dt.date, progress: Progress = NO_PROGRESS) -> int:
    """The written report a school sends the district bureau and the township at the start of a term:
    the counts per school, then every dropout and every school-age child never enrolled, with stage,
    reason, what was done and status, then the graduates of the past year and their destinations. The lists show the situation on the report day (today, or the
    term's last day for a term that is over)."""
    chosen = Term.parse(year, term) if year is not None and term is not None else Term.containing(today)
    if chosen.start > today:
        raise ValidationFailed([error("term", "term.future", translate(
            "Printing", "That term has not begun yet."))])
    as_of = min(today, chosen.end)
    report = term_report.term_report(session, as_of, chosen)
    progress.report(0.5)
    faces = fonts.choose_faces()
    story = Story(faces)
    styles = story.styles
    name = township.township_name(session)
    story.add(report.title, styles.title, "标题")
    story.add(f"报告日期：{chinese_date(as_of)}", styles.subtitle, "副标题")
    story.add("区教育局、镇人民政府：", styles.body_plain, "抬头")
    total = report.total
    story.add(
        f"根据控辍保学工作要求，现将{name}各校{chosen.full_name}开学辍学情况报告如下：全镇各校在读学生"
        f"{total.enrolled}人，辍学{total.dropouts}人，疑似辍学{total.suspected}人；上学期以来劝返复学{total.returned}人，"
        f"目前劝返中{total.open_cases}件；义务教育适龄儿童中未入学{len(report.not_enrolled)}人。名单及劝返工作情况见下表。",
        styles.body, "报告正文")
    story.add("一、各校情况", styles.heading, "标题")
    story.table(["学校", "在读", "疑似辍学", "辍学", "劝返复学", "劝返中", "辍学率"],
                [[s.school, s.enrolled, s.suspected, s.dropouts, s.returned, s.open_cases, f"{s.rate * 100:.2f}%"]
                 for s in report.schools],
                [46 * mm, 18 * mm, 18 * mm, 16 * mm, 20 * mm, 18 * mm, 20 * mm],
                lambda i: f"学校“{report.schools[i].school}”", numeric=(1, 2, 3, 4, 5, 6),
                total=["合计", total.enrolled, total.suspected, total.dropouts, total.returned, total.open_cases,
                       f"{total.rate * 100:.2f}%"])
    story.add(f"注：辍学率为义务教育辍学率，{chinese_date(chosen.start)}至{chinese_date(as_of)}本学期内辍学且报告日仍未返校的"
              f"小学生和初中生{total.term_dropouts}人 ÷ 学期初小学和初中在读学生{total.enrolled_at_start}人（学前不计）。",
              styles.body_plain, "说明")
    year_rate = report.school_year_rate
    if year_rate is not None and report.school_year_start is not None:
        story.add(f"本学年（{report.school_year}）{chinese_date(report.school_year_start)}至{chinese_date(as_of)}义务教育辍学率"
                  f"{year_rate.rate * 100:.2f}%：学年内辍学且报告日仍未返校{year_rate.dropouts}人 ÷ 学年初小学和初中在读学生"
                  f"{year_rate.enrolled_at_start}人。", styles.body_plain, "说明")
    story.add("二、辍学学生名单", styles.heading, "标题")
    lines = report.dropouts
    if lines:
        story.table(["姓名", "性别", "学校、年级", "辍学时间", "原因", "劝返次数", "采取的措施", "目前状态"],
                    [[d.name, d.sex, f"{d.school}{d.grade}", d.since, d.reason, d.attempts,
                      "；".join(x for x in (d.remedies, f"已发敦促入学通知书{d.notice}" if d.notice else "") if x),
                      "；".join(x for x in (d.status, d.situation) if x)] for d in lines],
                    [14 * mm, 9 * mm, 26 * mm, 19 * mm, 22 * mm, 12 * mm, 28 * mm, BLOCK_WIDTH - 130 * mm],
                    lambda i: f"辍学学生“{lines[i].name}”", numeric=(5,), small=True)
    else:
        story.add("本学期开学无辍学学生。", styles.body, "说明")
    story.add("三、适龄未入学儿童名单", styles.heading, "标题")
    never = report.not_enrolled
    if never:
        story.table(["姓名", "性别", "学校（学区）", "村", "监护人", "状态"],
                    [[d.name, d.sex, d.school, d.village, d.guardian, d.status] for d in never],
                    [20 * mm, 12 * mm, 36 * mm, 26 * mm, 20 * mm, BLOCK_WIDTH - 114 * mm],
                    lambda i: f"未入学儿童“{never[i].name}”", small=True)
    else:
        story.add("义务教育适龄儿童均已入学。", styles.body, "说明")
    story.add("四、毕业生去向", styles.heading, "标题")
    graduates = report.graduates
    if graduates:
        story.add(f"上学年以来毕业{len(graduates)}人，其中小学毕业生未核实升入初中、列为疑似辍学"
                  f"{sum(1 for g in graduates if g.unplaced)}人。", styles.body, "说明")
        story.table(["姓名", "学校", "学段", "毕业时间", "去向", "状态"],
                    [[g.name, g.school, g.stage, g.graduated_on.isoformat(), g.destination,
                      "疑似辍学" if g.unplaced else ""] for g in graduates],
                    [18 * mm, 34 * mm, 12 * mm, 20 * mm, BLOCK_WIDTH - 104 * mm, 20 * mm],
                    lambda i: f"毕业生“{graduates[i].name}”", small=True)
    else:
        story.add("上学年以来无毕业生。", styles.body, "说明")
    if report.reconcile:
        story.add("五、四查三比对情况", styles.heading, "标题")
        reconcile_table(story, report.reconcile, "本学期核查")
    story.flowables.append(Spacer(1, 24))
    right = styles.body_plain.clone("signature", alignment=2)
    story.add(f"{name}中心校（盖章）", right, "署名")
    story.add(chinese_date(as_of), right, "日期")
    return build(path, story, title=report.title, foot_note=audit_verify.paper_line(session))


def reconcile_table(story: Story, lines: list[VillageReconcile], checks_head: str) -> None:
    """The 比对 counts per village: the differences still open by kind, and the checks recorded in the
    period, with a sentence saying what is left to check."""
    styles = story.styles
    summed = village_counts.total(lines)
    oldest = f"，最早一条自{chinese_date(summed.oldest)}起" if summed.oldest else ""
    story.add(f"户籍、学籍、脱贫人口名单与花名册比对，尚待入户核查的差异共{summed.open_total}条{oldest}；"
              f"{checks_head}{summed.checks}条。各村情况如下（数字为待核查条数）：", styles.body, "说明")
    heads = [village_counts.KIND_HEADS[kind] for kind in KIND_ORDER]
    first = 25 * mm
    width = (BLOCK_WIDTH - first) / (len(heads) + 1)
    story.table(["村", *heads, checks_head], [[line.village, *line.row()] for line in lines],
                [first, *([width] * (len(heads) + 1))], lambda i: f"村“{lines[i].village}”",
                numeric=tuple(range(1, len(heads) + 2)), small=True, total=[summed.village, *summed.row()])


def _named(rows: list[ledgers.LedgerRow]) -> Callable[[int], str]:
    return lambda position: f"“{rows[position].name}”"


@requires(Permission.EXPORT)
def write_dropout_ledgers(session: Session, actor: Actor, path: Path, today: dt.date,
                          progress: Progress = NO_PROGRESS) -> int:
    """The three ledgers (适龄儿童、疑似辍学、辍学) one after the other, landscape."""
    name = township.township_name(session)
    faces = fonts.choose_faces()
    story = Story(faces)
    styles = story.styles
    widths = [9 * mm, 16 * mm, 9 * mm, 21 * mm, 9 * mm, 30 * mm, 20 * mm, 18 * mm, 16 * mm, 16 * mm, 34 * mm]
    widths.append(LANDSCAPE_WIDTH - sum(widths))
    for position, (title, rows) in enumerate((
            ("义务教育适龄儿童台账", ledgers.school_age_ledger(session, today)),
            ("疑似辍学学生台账", ledgers.suspected_ledger(session, today)),
            ("辍学学生台账", ledgers.dropout_ledger(session, today)))):
        if position:
            story.flowables.append(PageBreak())
        story.add(f"{name}{title}", styles.title, "标题")
        counts = ledgers.school_age_counts(rows).replace(" ", "") if position == 0 else f"共{len(rows)}人"
        story.add(f"统计日期：{chinese_date(today)}　　{counts}", styles.subtitle, "副标题")
        story.table(["序号", "姓名", "性别", "出生日期", "年龄", "学校", "年级班级", "村", "监护人", "学籍状态", "比对情况",
                     "说明"],
                    [[n, r.name, r.sex, r.birth_date.isoformat() if r.birth_date else "", r.age, r.school, r.grade,
                      r.village, r.guardian, r.status_text, r.reconcile, r.note] for n, r in enumerate(rows, start=1)],
                    widths, _named(rows), numeric=(0, 4), small=True)
        progress.report((position + 1) / 3)
    return build(path, story, title=f"{name}控辍保学三本台账", landscape_pages=True)


@requires(Permission.EXPORT)
def write_register(session: Session, actor: Actor, path: Path, today: dt.date,
                   progress: Progress = NO_PROGRESS) -> int:
    """The pairing register (结对帮扶花名册), landscape, with a line for the signatures."""
    rows = pairing_export.register_rows(session, today)
    faces = fonts.choose_faces()
    story = Story(faces)
    styles = story.styles
    title = f"{township.township_name(session)}教育系统{pairing_export.REGISTER_TITLE}"
    story.add(title, styles.title, "标题")
    story.add(f"统计日期：{chinese_date(today)}　　共{len(rows)}对", styles.subtitle, "副标题")
    widths = [12 * mm, 22 * mm, 40 * mm, 22 * mm, 24 * mm, 40 * mm, 20 * mm, 24 * mm, 16 * mm]
    widths.append(LANDSCAPE_WIDTH - sum(widths))
    story.table(list(pairing_export.REGISTER_HEADERS),
                [[n, r.helper, r.school, r.role, r.head, r.place, r.status, r.since.isoformat(), r.visits,
                  r.last_visit.isoformat() if r.last_visit else ""] for n, r in enumerate(rows, start=1)],
                widths, lambda i: f"帮扶人“{rows[i].helper}”", numeric=(0, 8))
    story.flowables.append(Spacer(1, 18))
    story.signatures(["填表人", "审核人", "校长（签字）"], LANDSCAPE_WIDTH * 0.8)
    progress.report(0.6)
    return build(path, story, title=title, landscape_pages=True)


@requires(Permission.EXPORT)
def write_sign_off(session: Session, actor: Actor, batch_id: int, path: Path, today: dt.date,
                   progress: Progress = NO_PROGRESS) -> int:
    """A batch's sign-off sheet (签领表): one line per child, signed by whoever receives the aid."""
    batch, lines = export.batch_lines(session, batch_id)
    programme = batch.programme
    guardians = dict(session.execute(select(Student.id, Student.guardian_name).where(
        Student.id.in_([line.student_id for line in lines]))).all())
    faces = fonts.choose_faces()
    story = Story(faces)
    styles = story.styles
    title = f"{programme.name}签领表（{batch.period}）"
    story.add(title, styles.title, "标题")
    per = "每月" if programme.per == "month" else "每学期"
    story.add(f"单位：{township.township_name(session)}　　资助标准：{currency.format_yuan(programme.amount_fen)}元{per}"
              f"　　打印日期：{chinese_date(today)}", styles.subtitle, "副标题")
    story.table(["序号", "姓名", "学校", "年级", "监护人", "金额（元）", "领取人签字", "与学生关系", "领取日期"],
                [[n, line.name, line.school, line.grade, guardians.get(line.student_id, ""),
                  currency.format_yuan(line.amount_fen), "", "", ""] for n, line in enumerate(lines, start=1)],
                [10 * mm, 16 * mm, 24 * mm, 14 * mm, 16 * mm, 18 * mm, 24 * mm, 16 * mm, BLOCK_WIDTH - 138 * mm],
                lambda i: f"学生“{lines[i].name}”", numeric=(0, 5), small=True, padding=6,
                total=["", "合计", f"{len(lines)}人", "", "", currency.format_yuan(sum(x.amount_fen for x in lines)), "",
                       "", ""])
    story.flowables.append(Spacer(1, 18))
    story.signatures(["经办人", "审核人", "校长"], BLOCK_WIDTH)
    progress.report(0.6)
    return build(path, story, title=title, foot_note=audit_verify.paper_line(session))
