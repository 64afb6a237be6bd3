"""Household and student categories as a school records them from 2021 on (巩固拓展脱贫攻坚成果):
脱贫户 with the year, 防止返贫监测对象 with its type, the date identified and the date its risk was
removed (风险消除), 低保户, 特困供养户; for the child 孤儿, 事实无人抚养儿童, 残疾, 残疾人子女, 烈士子女,
困境儿童. The old 建档立卡 columns (registered_poor, poor_card_no, poor_year, poverty_status) stay in
the database as history and are no longer edited; migration 0009 derived the categories from them.

Sources (docs/sources/student-aid-2024.md):
- 防止返贫监测对象 and its three types: 中农组发〔2021〕7号 (types confirmed for 2021–2025; 2026 texts
  may no longer split them, so the type is optional). A household whose risk is removed stays on
  record as a former monitored household ("已消除风险的监测对象") but is no longer a priority.
- 事实无人抚养儿童: 民发〔2019〕62号 (decided by 民政; the school records the flag).
- Priority groups for the assessment of need: 教财〔2018〕16号 and the local texts quoted in the
  sources file (section 5): 原建档立卡脱贫家庭, 低保, 特困供养, 孤儿, 事实无人抚养儿童, 烈士子女,
  残疾学生; 监测对象 only while the risk is not removed (section 1, 钦北区 text).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from typing import Any, Protocol

from sqlalchemy import ColumnElement, Connection, and_, insert, or_, select, text
from sqlalchemy.orm import Session

from schoolaid.common.i18n import translate
from schoolaid.storage.models import AuditEvent, Household, Student


class HouseholdCategory(str, enum.Enum):
    GENERAL = "一般户"
    LIFTED = "脱贫户"
    MONITORED = "防止返贫监测对象"

    def label(self) -> str:
        return {
            HouseholdCategory.GENERAL: translate("Vocabulary", "General household"),
            HouseholdCategory.LIFTED: translate("Vocabulary", "Household lifted out of poverty"),
            HouseholdCategory.MONITORED: translate("Vocabulary", "Monitored against returning to poverty"),
        }[self]


class MonitoringType(str, enum.Enum):
    """The three types of 中农组发〔2021〕7号 (optional: 2026 texts may no longer split them)."""

    UNSTABLE = "脱贫不稳定户"
    MARGINAL = "边缘易致贫户"
    SUDDEN = "突发严重困难户"

    def label(self) -> str:
        return {
            MonitoringType.UNSTABLE: translate("Vocabulary", "Lifted but unstable"),
            MonitoringType.MARGINAL: translate("Vocabulary", "On the margin of poverty"),
            MonitoringType.SUDDEN: translate("Vocabulary", "Sudden severe hardship"),
        }[self]


_MONITORING_TYPES = {t.value for t in MonitoringType}

#: How sheets and lists name the categories (the old 建档立卡 words included).
LIFTED_WORDS = ("脱贫户", "脱贫", "已脱贫", "未脱贫", "脱贫家庭", "原建档立卡脱贫户", "原建档立卡户", "建档立卡户",
                "建档立卡", "建档立卡贫困户", "贫困户")
MONITORED_WORDS = ("防止返贫监测对象", "监测对象", "监测户", "防止返贫致贫对象", "防返贫监测对象", "返贫监测对象")
GENERAL_WORDS = ("一般户", "一般", "一般农户", "非贫困户", "否", "无", "/", "-", "—")


def read_category(text_: str) -> tuple[HouseholdCategory, MonitoringType | None] | None:
    """The category a cell names, with the monitoring type when it names one (脱贫不稳定户 is a
    防止返贫监测对象 of that type); a remark in brackets is ignored. None: not a category."""
    base = text_.replace(" ", "").replace("\u3000", "").split("（")[0].split("(")[0]
    if base in _MONITORING_TYPES:
        return HouseholdCategory.MONITORED, MonitoringType(base)
    if base in MONITORED_WORDS:
        return HouseholdCategory.MONITORED, None
    if base in LIFTED_WORDS:
        return HouseholdCategory.LIFTED, None
    if base in GENERAL_WORDS:
        return HouseholdCategory.GENERAL, None
    return None


#: 残疾类别 (GB/T 26341): stored short, printed with 残疾 after it.
DISABILITY_CATEGORIES = ("视力", "听力", "言语", "肢体", "智力", "精神", "多重")
DISABILITY_GRADES = ("一级", "二级", "三级", "四级")

#: The first year a household could be lifted out of poverty as 建档立卡 counted it (registration 2014,
#: first exits recorded for 2013's targets), the lower bound of 脱贫年度.
FIRST_LIFTED_YEAR = 2013


def disability_label(category: str) -> str:
    """How a disability category prints: 肢体 → 肢体残疾 (多重 → 多重残疾); a free text kept from
    before as it is."""
    if not category:
        return ""
    return category if category.endswith("残疾") else f"{category}残疾"


def normalise_disability(text_: str) -> str:
    """A disability category as typed or read from a sheet: 肢体残疾 and 肢体 alike → 肢体; 无 → ""."""
    value = text_.strip()
    if value in ("", "无", "否", "/", "-", "—"):
        return ""
    if value.endswith("残疾") and value[:-2] in DISABILITY_CATEGORIES:
        return value[:-2]
    return value


class _Household(Protocol):
    @property
    def category(self) -> str: ...
    @property
    def risk_removed_on(self) -> dt.date | None: ...
    @property
    def dibao(self) -> bool: ...
    @property
    def tekun(self) -> bool: ...


class _Student(Protocol):
    @property
    def orphan(self) -> bool: ...
    @property
    def unsupported(self) -> bool: ...
    @property
    def disability_category(self) -> str: ...
    @property
    def martyr_child(self) -> bool: ...


def monitored_at_risk(household: _Household | None, on: dt.date) -> bool:
    """A 防止返贫监测对象 whose risk was not removed by ``on``."""
    if household is None or household.category != HouseholdCategory.MONITORED.value:
        return False
    return household.risk_removed_on is None or household.risk_removed_on > on


def is_lifted_or_monitored(household: _Household | None, on: dt.date) -> bool:
    """What 建档立卡 decided before: a 脱贫户, or a 监测对象 whose risk is not removed by ``on``."""
    if household is None:
        return False
    return household.category == HouseholdCategory.LIFTED.value or monitored_at_risk(household, on)


def student_groups(session: Session, student_ids: Iterable[int], on: dt.date) -> dict[int, str]:
    """For each of these students whose household is a 脱贫户 or a 监测对象 at risk on ``on``: which."""
    ids = list(student_ids)
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        for sid, category, removed in session.execute(
                select(Student.id, Household.category, Household.risk_removed_on)
                .join(Household, Student.household_id == Household.id)
                .where(Student.id.in_(ids[start:start + 500]))):
            group = aid_group(category, removed, on)
            if group is not None:
                found[sid] = group
    return found


def aid_group(category: str | None, risk_removed_on: dt.date | None, on: dt.date) -> str | None:
    """For counting from plain columns: 脱贫户 or 防止返贫监测对象 (its risk not removed by ``on``), else None."""
    if category == HouseholdCategory.LIFTED.value:
        return category
    if category == HouseholdCategory.MONITORED.value and (risk_removed_on is None or risk_removed_on > on):
        return category
    return None


def lifted_or_monitored_condition(on: dt.date | None = None) -> ColumnElement[bool]:
    """``is_lifted_or_monitored`` as an SQL condition on ``households`` (None: risk never removed)."""
    at_risk: ColumnElement[bool] = Household.risk_removed_on.is_(None)
    if on is not None:
        at_risk = or_(at_risk, Household.risk_removed_on > on)
    return or_(Household.category == HouseholdCategory.LIFTED.value,
               and_(Household.category == HouseholdCategory.MONITORED.value, at_risk))


class PriorityGroup(str, enum.Enum):
    """The groups whose children are proposed for the assessment of need (认定) by rule."""

    LIFTED = "脱贫户"
    MONITORED = "防止返贫监测对象"
    DIBAO = "低保"
    TEKUN = "特困供养"
    ORPHAN = "孤儿"
    UNSUPPORTED = "事实无人抚养"
    DISABLED = "残疾"
    MARTYR_CHILD = "烈士子女"

    def label(self) -> str:
        return {
            PriorityGroup.LIFTED: translate("Vocabulary", "Household lifted out of poverty"),
            PriorityGroup.MONITORED: translate("Vocabulary", "Monitored against returning to poverty"),
            PriorityGroup.DIBAO: translate("Vocabulary", "Minimum living allowance (dibao)"),
            PriorityGroup.TEKUN: translate("Vocabulary", "Extreme-poverty support (tekun)"),
            PriorityGroup.ORPHAN: translate("Vocabulary", "Orphan"),
            PriorityGroup.UNSUPPORTED: translate("Vocabulary", "De facto unsupported child"),
            PriorityGroup.DISABLED: translate("Vocabulary", "Disabled child"),
            PriorityGroup.MARTYR_CHILD: translate("Vocabulary", "Child of a martyr"),
        }[self]


#: The priority groups, the rule deciding each, and where it comes from. Source: 教财〔2018〕16号
#: (认定, priority to these groups) as listed by local implementing texts (sources file, section 5:
#: "原建档立卡贫困家庭学生; 民政部门认定的低保家庭学生、特困供养学生、孤儿、事实无人抚养儿童; 退役军人事务
#: 部门认定的烈士子女; 残联部门认定的家庭经济困难残疾学生或残疾人子女"); 监测对象 while the risk is not
#: removed (section 1: "返贫致贫风险未消除的监测对象家庭"); 事实无人抚养 as 民发〔2019〕62号. 残疾人子女
#: is recorded but is not a group by itself here (the texts join it to 家庭经济困难): it is for the class
#: review, not proposed by rule.
PRIORITY_RULES: tuple[tuple[PriorityGroup, str, str], ...] = (
    (PriorityGroup.LIFTED, "household.category == 脱贫户", "教财〔2018〕16号; 原建档立卡脱贫家庭"),
    (PriorityGroup.MONITORED, "household.category == 防止返贫监测对象, risk not removed on the day",
     "中农组发〔2021〕7号; 风险未消除的监测对象"),
    (PriorityGroup.DIBAO, "household.dibao", "教财〔2018〕16号; 民政部门认定的低保家庭"),
    (PriorityGroup.TEKUN, "household.tekun", "教财〔2018〕16号; 民政部门认定的特困供养"),
    (PriorityGroup.ORPHAN, "student.orphan", "教财〔2018〕16号; 孤儿"),
    (PriorityGroup.UNSUPPORTED, "student.unsupported", "民发〔2019〕62号; 事实无人抚养儿童"),
    (PriorityGroup.DISABLED, "student.disability_category != ''", "教财〔2018〕16号; 残联认定的残疾学生"),
    (PriorityGroup.MARTYR_CHILD, "student.martyr_child", "教财〔2018〕16号; 退役军人事务部门认定的烈士子女"),
)


def priority_groups(household: _Household | None, student: _Student, on: dt.date) -> list[str]:
    """The priority groups (PriorityGroup values, in the table's order) ``student`` belongs to on ``on``."""
    found: list[PriorityGroup] = []
    if household is not None:
        if household.category == HouseholdCategory.LIFTED.value:
            found.append(PriorityGroup.LIFTED)
        if monitored_at_risk(household, on):
            found.append(PriorityGroup.MONITORED)
        if household.dibao:
            found.append(PriorityGroup.DIBAO)
        if household.tekun:
            found.append(PriorityGroup.TEKUN)
    if student.orphan:
        found.append(PriorityGroup.ORPHAN)
    if student.unsupported:
        found.append(PriorityGroup.UNSUPPORTED)
    if student.disability_category:
        found.append(PriorityGroup.DISABLED)
    if student.martyr_child:
        found.append(PriorityGroup.MARTYR_CHILD)
    return [g.value for g in found]


def category_label(household: _Household | None, on: dt.date | None = None) -> str:
    """The household's category as printed (Chinese): 脱贫户, 防止返贫监测对象, 防止返贫监测对象（风险已消除）."""
    if household is None:
        return ""
    if household.category == HouseholdCategory.MONITORED.value and household.risk_removed_on is not None \
            and (on is None or household.risk_removed_on <= on):
        return "防止返贫监测对象（风险已消除）"
    return household.category


# --- migration 0009 ---------------------------------------------------------------------------------

def legacy_poverty_status(category: str) -> str:
    """The old status word (一般户/已脱贫/监测户) for a category: what ``poverty_status`` said in the
    command line's JSON before the categories, still given beside ``category`` for the township's scripts."""
    return {HouseholdCategory.LIFTED.value: "已脱贫", HouseholdCategory.MONITORED.value: "监测户"}.get(category, "一般户")


def category_from_history(poverty_status: str, registered_poor: bool, poor_year: int | None) -> dict[str, Any]:
    """The categories derived from a household's old columns: 未脱贫/已脱贫 (or 建档立卡) → 脱贫户 with
    the year from poor_year; 监测户 → 防止返贫监测对象 (a 建档立卡 one as 脱贫不稳定户, keeping its year);
    others 一般户."""
    if poverty_status == "监测户":
        return {"category": HouseholdCategory.MONITORED.value,
                "lifted_year": poor_year if registered_poor else None,
                "monitoring_type": MonitoringType.UNSTABLE.value if registered_poor else ""}
    if poverty_status in ("未脱贫", "已脱贫") or registered_poor:
        return {"category": HouseholdCategory.LIFTED.value, "lifted_year": poor_year, "monitoring_type": ""}
    return {"category": HouseholdCategory.GENERAL.value, "lifted_year": None, "monitoring_type": ""}


HOUSEHOLD_FIELDS = ("category", "lifted_year", "monitoring_type", "monitoring_identified_on", "risk_removed_on",
                    "dibao", "tekun")
STUDENT_FIELDS = ("disability_category", "disability_grade", "disability_certificate", "orphan", "unsupported",
                  "parent_disabled", "martyr_child", "in_difficulty")
MIGRATION_ACTOR = "校助（升级）"


def migrate_categories(connection: Connection) -> int:
    """Migration 0009's data step: each household's categories from its old columns, and one audit
    event per household and per student on record recording the new fields (so that from then on they
    are compared), chained after the last event. A household whose category changed says from what in
    the event's summary. No existing audit row changes. Once only. Returns the number of events written."""
    from schoolaid.accounts.audit import Action, Actor, event_values
    from schoolaid.accounts.audit_chain import GENESIS, row_hash

    if connection.execute(text(
            "SELECT 1 FROM audit_events WHERE actor = :actor AND user_id IS NULL AND entity IN ('household', 'student') "
            "AND (after LIKE '%\"lifted_year\"%' OR after LIKE '%\"orphan\"%') LIMIT 1"),
            {"actor": MIGRATION_ACTOR}).first() is not None:
        return 0  # done once already (a database set back a revision by hand): nothing derived twice
    changed: dict[int, str] = {}
    for hid, status, registered, year in connection.execute(text(
            "SELECT id, poverty_status, registered_poor, poor_year FROM households ORDER BY id")).all():
        values = category_from_history(status or "", bool(registered), year)
        if values["category"] != HouseholdCategory.GENERAL.value:
            connection.execute(text("UPDATE households SET category = :category, lifted_year = :lifted_year, "
                                    "monitoring_type = :monitoring_type WHERE id = :id"), {**values, "id": hid})
            history = status + ("、建档立卡" if registered else "")
            changed[hid] = f"家庭类别由原{history}迁移为{values['category']}"
    for name in DISABILITY_CATEGORIES:
        connection.execute(text("UPDATE students SET disability_category = :short WHERE disability_category = :long"),
                           {"short": name, "long": f"{name}残疾"})

    # Which records the trail holds (not deleted): only those get the new fields recorded; a record
    # added behind the app's back stays a finding.
    alive: dict[tuple[str, int], bool] = {}
    for entity, entity_id, action in connection.execute(text(
            "SELECT entity, entity_id, action FROM audit_events WHERE entity IN ('household', 'student') "
            "AND entity_id IS NOT NULL AND action IN ('create', 'update', 'status', 'delete') ORDER BY id")):
        alive[(entity, entity_id)] = action != Action.DELETE
    last = connection.execute(text("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")).first()
    event_id, previous = (last[0], last[1]) if last else (0, GENESIS)
    first = event_id
    actor = Actor(MIGRATION_ACTOR)
    events: list[dict[str, Any]] = []

    def add(entity: str, key: int, summary: str, after: dict[str, Any]) -> None:
        nonlocal event_id, previous, events
        event_id += 1
        event = {**event_values(actor, Action.UPDATE, entity, key, summary, after=after),
                 "id": event_id, "prev_hash": previous}
        event["hash"] = previous = row_hash(previous, event)
        events.append(event)
        if len(events) >= 5000:
            connection.execute(insert(AuditEvent.__table__), events)
            events = []

    columns = ", ".join(HOUSEHOLD_FIELDS)
    for row in connection.execute(text(f"SELECT id, {columns} FROM households ORDER BY id")).mappings().all():  # noqa: S608
        if alive.get(("household", row["id"])):
            after = {name: _plain(name, row[name]) for name in HOUSEHOLD_FIELDS}
            add("household", row["id"], changed.get(row["id"], "升级时记录的新增家庭类别字段"), after)
    columns = ", ".join(STUDENT_FIELDS)
    for row in connection.execute(text(f"SELECT id, {columns} FROM students ORDER BY id")).mappings().all():  # noqa: S608
        if alive.get(("student", row["id"])):
            after = {name: _plain(name, row[name]) for name in STUDENT_FIELDS}
            add("student", row["id"], "升级时记录的新增学生类别字段（残疾类别原为“残疾”）", after)
    if events:
        connection.execute(insert(AuditEvent.__table__), events)
    return event_id - first


_BOOLEANS = {"dibao", "tekun", "orphan", "unsupported", "parent_disabled", "martyr_child", "in_difficulty"}


def _plain(name: str, value: Any) -> Any:
    """A raw SQLite value as the app's own events write it: booleans as true/false, dates as ISO text."""
    if name in _BOOLEANS and value is not None:
        return bool(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value
