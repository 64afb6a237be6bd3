"""The audit trail as people read it: filtered by person, record and date, newest first, and
exported to .xlsx for an inspection."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.accounts.permissions import Permission, requires, role_label
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.storage.models import AuditEvent

ACTION_LABELS = {"create": "新增", "update": "修改", "delete": "删除", "status": "状态变更", "refused": "越权被拒",
                 "sign_in": "登录", "sign_in_failed": "登录失败", "locked": "账号锁定", "reveal": "查看完整证件号"}

ENTITY_LABELS = {"student": "学生", "household": "户", "school": "学校", "village": "村", "staff": "教职工",
                 "setting": "设置", "pairing": "结对", "visit": "走访", "attachment": "附件",
                 "school_pairing": "校际结对", "school_activity": "校际活动", "programme": "资助项目", "programme_standard": "资助标准",
                 "ledger_batch": "发放批次", "ledger_entry": "台账条目", "absence": "缺课", "dropout_case": "辍学案件",
                 "persuasion": "劝返记录", "urging_notice": "敦促入学通知书", "user": "账号", "permission": "权限",
                 "village_population": "村学前适龄儿童数",
                 "hardship_assessment": "困难认定", "hardship_publicity": "认定公示",
                 "reference_list": "比对名单", "case_document": "控辍文书", "service_receipt": "送达回证",
                 "case_plan": "一人一案", "case_follow_up": "返校跟踪", "disability_record": "残疾与安置",
                 "home_teaching_visit": "送教上门记录"}


def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)


@dataclass(frozen=True)
class AuditFilter:
    person: str = ""  # the actor's name, exactly
    entity: str = ""  # the kind of record, e.g. "student"
    entity_id: int | None = None
    date_from: dt.date | None = None  # in UTC days, as stored
    date_to: dt.date | None = None
    text: str = ""  # in the summary


@dataclass(frozen=True)
class AuditLine:
    id: int
    at: dt.datetime  # UTC
    actor: str
    role: str
    action: str
    entity: str
    entity_id: int | None
    summary: str
    before: str | None
    after: str | None

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    @property
    def record_label(self) -> str:
        return f"{entity_label(self.entity)} {self.entity_id or ''}".strip()

    @property
    def role_label(self) -> str:
        return role_label(self.role) if self.role else ""


def _query(flt: AuditFilter) -> Select:
    query = select(AuditEvent)
    if flt.person:
        query = query.where(AuditEvent.actor == flt.person)
    if flt.entity:
        query = query.where(AuditEvent.entity == flt.entity)
    if flt.entity_id is not None:
        query = query.where(AuditEvent.entity_id == flt.entity_id)
    if flt.date_from is not None:
        query = query.where(AuditEvent.at >= dt.datetime.combine(flt.date_from, dt.time()))
    if flt.date_to is not None:
        query = query.where(AuditEvent.at < dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time()))
    if flt.text:
        query = query.where(AuditEvent.summary.contains(flt.text))
    return query


def _line(event: AuditEvent) -> AuditLine:
    return AuditLine(event.id, event.at, event.actor, event.role, event.action, event.entity, event.entity_id,
                     event.summary, event.before, event.after)


@requires(Permission.VIEW_AUDIT)
def search(session: Session, actor: Actor, flt: AuditFilter, limit: int = 5000) -> tuple[list[AuditLine], int]:
    """The newest ``limit`` events that match, and how many match in all."""
    query = _query(flt)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    events = session.scalars(query.order_by(AuditEvent.id.desc()).limit(limit))
    return [_line(e) for e in events], total


def people(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEvent.actor).distinct().order_by(AuditEvent.actor)))


def kinds(session: Session) -> list[str]:
    return list(session.scalars(select(AuditEvent.entity).distinct().order_by(AuditEvent.entity)))


@requires(Permission.VIEW_AUDIT)
def export(session: Session, actor: Actor, flt: AuditFilter, path: Path, *, today: dt.date,
           progress: Progress = NO_PROGRESS) -> int:
    """Every matching event, oldest first, with its hash, to an .xlsx for an inspection."""
    # openpyxl only for the export: the window's start reads the entity labels above.
    from schoolaid.documents.workbook import BOLD, cell, chinese_date, start_sheet, workbook_to

    total = max(session.scalar(select(func.count()).select_from(_query(flt).subquery())) or 0, 1)
    with workbook_to(path) as workbook:
        sheet = start_sheet(workbook, "审计记录", "审计记录", f"导出：{chinese_date(today)}　导出人：{actor.name}",
                            ["编号", "时间（UTC）", "操作人", "角色", "操作", "记录类别", "记录编号", "摘要", "修改前", "修改后",
                             "哈希"], [8, 20, 12, 14, 12, 16, 10, 40, 40, 40, 20], freeze="A4")
        count = 0
        for event in session.scalars(_query(flt).order_by(AuditEvent.id).execution_options(yield_per=2000)):
            line = _line(event)
            sheet.append([line.id, line.at.strftime("%Y-%m-%d %H:%M:%S"), line.actor, line.role_label, line.action_label,
                          entity_label(line.entity), line.entity_id, line.summary, cell(sheet, line.before or "", wrap=False),
                          line.after or "", event.hash[:16]])
            count += 1
            if count % 2000 == 0:
                progress.report(count / total)  # stops here once the user has cancelled: no file is written
        sheet.append([cell(sheet, f"共 {count} 条", font=BOLD)])
    return count
