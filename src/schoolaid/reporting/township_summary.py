"""The township's overview of its schools: several schools' backups decrypted, their key figures
put side by side in one workbook (各校关键数据对比), with the township's total."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl.styles import Font

from schoolaid.accounts import audit_verify
from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, check_role
from schoolaid.backup import backup
from schoolaid.backup.backup import BackupInfo
from schoolaid.common.errors import SchoolAidError
from schoolaid.common.files import owned_folder
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.school_calendar import Quarter
from schoolaid.documents.workbook import (
    BOLD,
    cell,
    chinese_date,
    start_sheet,
    workbook_to,
)
from schoolaid.ledger.currency import yuan
from schoolaid.reporting import quarterly
from schoolaid.storage.database import open_read_only, prepare_file


@dataclass(frozen=True)
class Ratio:
    numerator: int
    denominator: int
    target: float
    at_least: bool

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None


@dataclass(frozen=True)
class SchoolFigures:
    info: BackupInfo
    as_of: dt.date
    quarter: str  # 2026年第四季度
    students: int
    lifted: int  # children of 脱贫户
    monitored: int  # children of 防止返贫监测对象 at risk
    left_behind: int
    boarders: int
    subsidies_fen: dict[str, int]  # programme name: paid this quarter
    gaps: int  # eligible students unpaid this quarter (times)
    households_needing: int
    unpaired: int
    open_cases: int
    indicators: dict[str, Ratio]
    audit_intact: bool = True
    audit_problem: str = ""


def figures_of(info: BackupInfo, database_path: Path) -> SchoolFigures:
    """The key figures of one decrypted backup, as of the day it was made."""
    as_of = info.created.date()
    quarter = Quarter.containing(as_of)
    db = open_read_only(database_path, key=info.key)
    try:
        summary = db.query(quarterly.quarterly_summary, quarter.year, quarter.number, as_of)
        trail = db.query(audit_verify.verify)
    finally:
        db.close()
    problem = trail.first_problem
    subsidies: dict[str, int] = {}
    for line in summary.programmes:
        subsidies[line.programme] = subsidies.get(line.programme, 0) + line.total_fen
    return SchoolFigures(
        info=info, as_of=as_of, quarter=quarter.label,
        students=sum(p.students for p in summary.schools),
        lifted=sum(p.lifted for p in summary.schools),
        monitored=sum(p.monitored for p in summary.schools),
        left_behind=sum(p.left_behind for p in summary.schools),
        boarders=sum(p.boarders for p in summary.schools),
        subsidies_fen=subsidies, gaps=sum(line.gaps for line in summary.programmes),
        households_needing=summary.households_needing, unpaired=summary.unpaired,
        open_cases=sum(line.open_at_end for line in summary.cases),
        indicators={i.name: Ratio(i.numerator, i.denominator, i.target, i.at_least) for i in summary.indicators},
        audit_intact=trail.ok and trail.head == (info.audit_head or trail.head) and trail.rows >= info.audit_rows,
        audit_problem=problem.message if problem else "")


def collect(paths: Sequence[Path], password: str, progress: Progress = NO_PROGRESS) -> list[SchoolFigures]:
    """Decrypt, check and read every backup; one bad file stops the summary with its name."""
    if not paths:
        raise SchoolAidError(translate("Township", "Name at least one backup file."))
    result = []
    # Private (0700), owned while in use, removed afterwards or at the next start after a kill.
    with owned_folder("schoolaid-township-") as folder:
        share = 1 / len(paths)
        for index, path in enumerate(paths):
            def report(fraction: float, message: str, done: int = index) -> None:
                progress.report((done + fraction) * share, message)

            part = Progress(report, progress.cancel_event)
            copy = folder / f"{index}.sqlite"
            try:
                info = backup.decrypted_copy(Path(path), password, copy, part)
                prepare_file(copy, info.key)  # this version's backups stay encrypted under the key they carry
                result.append(figures_of(info, copy))
            except SchoolAidError as exc:
                raise SchoolAidError(f"{Path(path).name}: {exc.message}") from exc
            finally:
                copy.unlink(missing_ok=True)
    return result


def summarize(actor: Actor, paths: Sequence[Path], password: str, out: Path, today: dt.date,
              progress: Progress = NO_PROGRESS) -> list[SchoolFigures]:
    """The comparison of the schools whose backups these are, written to ``out`` (.xlsx), for
    someone whose role may view the records; returns each school's figures. It works on no database
    of its own (the backups' password is the key), so a refusal is not in any audit trail."""
    check_role(actor, Permission.VIEW)
    figures = collect(paths, password, progress)
    _write(figures, out, today)
    return figures


def _write(figures: Sequence[SchoolFigures], out: Path, today: dt.date) -> None:
    township = next((f.info.township for f in figures if f.info.township), "")
    with workbook_to(out) as workbook:
        names = [f.info.school or f.info.path.name for f in figures]
        headers = ["项目", *names, "合计"]
        sheet = start_sheet(workbook, "各校对比", f"{township}各校教育帮扶关键数据对比",
                            f"汇总日期：{chinese_date(today)}　共{len(figures)}个学校的备份；各校数据截至其备份之日",
                            headers, [34, *([18] * len(names)), 18], freeze="B4")

        def add(label: str, values: list[object], total: object = None, *, money: bool = False,
                percent: bool = False) -> None:
            cells = [cell(sheet, label, font=BOLD)]
            for value in [*values, total]:
                item = cell(sheet, value)
                if money:
                    item.number_format = "#,##0.00"
                elif percent:
                    item.number_format = "0.00%"
                cells.append(item)
            sheet.append(cells)

        def counts(label: str, values: list[int]) -> None:
            add(label, list(values), sum(values))

        add("备份时间", [f.info.created.strftime("%Y-%m-%d %H:%M") for f in figures])
        add("统计季度", [f.quarter for f in figures])
        counts("在读学生", [f.students for f in figures])
        counts("脱贫户学生", [f.lifted for f in figures])
        counts("防止返贫监测对象学生", [f.monitored for f in figures])
        counts("留守儿童", [f.left_behind for f in figures])
        counts("寄宿生", [f.boarders for f in figures])
        programmes = sorted({name for f in figures for name in f.subsidies_fen})
        for name in programmes:
            amounts = [f.subsidies_fen.get(name, 0) for f in figures]
            add(f"资助：{name}（本季度，元）", [_money(a) for a in amounts], _money(sum(amounts)), money=True)
        all_fen = [sum(f.subsidies_fen.values()) for f in figures]
        add("资助合计（本季度，元）", [_money(a) for a in all_fen], _money(sum(all_fen)), money=True)
        counts("资助缺口（本季度应享未享人次）", [f.gaps for f in figures])
        counts("需结对帮扶的户", [f.households_needing for f in figures])
        counts("未结对的需帮扶户", [f.unpaired for f in figures])
        counts("劝返中的辍学案件", [f.open_cases for f in figures])
        add("审计记录", [f"{'完整' if f.audit_intact else '有改动'}（{f.info.audit_rows}条）" for f in figures])
        indicator_names = list(dict.fromkeys(name for f in figures for name in f.indicators))
        for name in indicator_names:
            ratios = [f.indicators.get(name) for f in figures]
            known = [r for r in ratios if r is not None]
            target = known[0]
            sign = "≥" if target.at_least else "≤"
            numerator = sum(r.numerator for r in known)
            denominator = sum(r.denominator for r in known)
            add(f"{name}（目标{sign}{target.target:.1%}）".replace(".0%", "%"),
                [r.value if r is not None else None for r in ratios],
                numerator / denominator if denominator else None, percent=True)
        sheet.append([])
        sheet.append([cell(sheet, "说明：百分比一栏空白表示没有可计算的人数；合计一栏的比率按各校人数合并计算。",
                           font=Font(italic=True))])

        files = start_sheet(workbook, "备份文件", "汇总所用的备份文件", f"汇总日期：{chinese_date(today)}",
                            ["学校", "乡镇", "备份时间", "文件", "学生", "台账条目", "审计记录", "审计链末端", "审计检查",
                             "软件版本"],
                            [22, 14, 18, 44, 10, 10, 10, 20, 40, 10])
        for f in figures:
            files.append([f.info.school, f.info.township, f.info.created.strftime("%Y-%m-%d %H:%M"), f.info.path.name,
                          f.info.counts.get("students"), f.info.counts.get("ledger_entries"),
                          f.info.counts.get("audit_events"), f.info.audit_head[:16],
                          "完整" if f.audit_intact else f.audit_problem or "与备份文件头不符", f.info.app_version])


def _money(fen: int) -> Decimal:
    return yuan(fen)
