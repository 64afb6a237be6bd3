"""Checking the audit trail: the hash chain unbroken from the first event to the last, and every
record of every table whose change matters (COVERED) still as its last audited state, field by
field, so that a record changed, removed or added behind the app's back with plain SQL is found as
well as an edited audit row. Tables not compared are listed in EXEMPT with the reason."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, RowMapping, insert, text
from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Action, Actor, _plain, event_values
from schoolaid.accounts.audit_chain import GENESIS, row_hash
from schoolaid.accounts.audit_log import entity_label
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.storage.models import AuditEvent


@dataclass(frozen=True)
class Coverage:
    """A table whose rows are compared with their last audited state. ``entity`` names its records
    in the trail; ``unchecked`` lists the columns not compared, each with the reason."""

    entity: str
    table: str
    unchecked: Mapping[str, str] = field(default_factory=dict)
    key: str = "id"  # settings: the key, carried in the event's summary


_STAMPS = {"created_at": "the moment written, stamped by the database; the audit event carries its own time",
           "updated_at": "the moment changed, stamped by the database; the audit event carries its own time"}
_SEARCH = "search keys derived from the name, which is compared"

#: Every table whose change matters. A new table must be added here or to EXEMPT (a test enforces it).
COVERED: tuple[Coverage, ...] = (
    Coverage("setting", "settings", key="key"),
    Coverage("village", "villages"),
    Coverage("school", "schools"),
    Coverage("household", "households", {"head_pinyin": _SEARCH, "head_initials": _SEARCH, **_STAMPS}),
    Coverage("student", "students", {"name_pinyin": _SEARCH, "name_initials": _SEARCH, **_STAMPS}),
    Coverage("staff", "staff"),
    Coverage("pairing", "pairings"),
    Coverage("visit", "visits"),
    Coverage("attachment", "attachments", {"data": "the file itself; its size and SHA-256 are compared"}),
    Coverage("school_pairing", "school_pairings"),
    Coverage("school_activity", "school_activities"),
    Coverage("programme", "programmes"),
    Coverage("programme_standard", "programme_standards"),
    Coverage("ledger_batch", "ledger_batches"),
    Coverage("ledger_entry", "ledger_entries"),
    Coverage("absence", "absences"),
    Coverage("dropout_case", "dropout_cases"),
    Coverage("persuasion", "persuasion_attempts"),
    Coverage("urging_notice", "urging_notices"),
    Coverage("user", "users", {
        "password_hash": "never written to the trail (it travels in backups); a changed password is recorded "
                         "as an event",
        "failed_attempts": "counts wrong passwords; each one is recorded as its own event",
        "locked_until": "set by wrong passwords and cleared by an unlock, each recorded as its own event",
        "last_sign_in_at": "set at each sign-in, recorded as its own event",
        "created_at": _STAMPS["created_at"]}),
    Coverage("village_population", "village_populations"),
    Coverage("hardship_assessment", "hardship_assessments"),
    Coverage("hardship_publicity", "hardship_publicities"),
    Coverage("reference_list", "reference_lists", {"imported_at": "the moment written; the audit event carries its own time"}),
    Coverage("reconcile_check", "reconcile_checks", {"recorded_at": "the moment written; the audit event carries its own time"}),
    Coverage("enrollment_approval", "enrollment_approvals",
             {"recorded_at": "the moment written; the audit event carries its own time"}),
    Coverage("transfer", "transfers", {"recorded_at": "the moment written; the audit event carries its own time"}),
    Coverage("report_back", "report_backs", {"recorded_at": "the moment written; the audit event carries its own time"}),
    Coverage("case_document", "case_documents"),
    Coverage("service_receipt", "service_receipts"),
    Coverage("case_plan", "case_plans", {"recorded_at": "the moment written; the audit event carries its own time"}),
    Coverage("case_follow_up", "case_follow_ups",
             {"recorded_at": "the moment written; the audit event carries its own time"}),
    Coverage("disability_record", "disability_records",
             {"recorded_at": "the moment written; the audit event carries its own time"}),
    Coverage("home_teaching_visit", "home_teaching_visits",
             {"recorded_at": "the moment written; the audit event carries its own time"}),
)

#: Tables whose rows are compared as part of another record's audited state: (entity, field).
COVERED_WITH: dict[str, tuple[str, str]] = {
    "household_members": ("household", "members"),
    "skill_trainings": ("household", "members"),
    "user_classes": ("user", "classes"),
    "programme_members": ("programme", "members"),
    # A list's people (thousands of rows) are compared through the list's people_digest, a SHA-256 of them
    # recomputed by the verifier (reference_people_digests).
    "reference_people": ("reference_list", "people_digest"),
}

#: Tables not compared, with the reason.
EXEMPT: dict[str, str] = {
    "audit_events": "the trail itself: its hash chain is checked row by row",
    "status_changes": "the history of a student's status, written with the student's status event, whose "
                      "new status, date and reason are recorded there and the student's status compared",
    "student_search_keys": "search keys derived from the student's name as it is written, which is compared",
}

_BY_ENTITY = {c.entity: c for c in COVERED}
_BATCH = 20_000


@dataclass(frozen=True)
class Finding:
    event_id: int | None
    entity: str
    entity_id: int | None
    message: str
    fields: tuple[str, ...] = ()  # the fields that differ from the last audited state
    key: str | None = None  # a setting's key (settings have no number)


@dataclass
class AuditReport:
    rows: int = 0
    head: str = GENESIS
    chain: list[Finding] = field(default_factory=list)  # the first break of the chain, if any
    records: list[Finding] = field(default_factory=list)  # covered records that differ from the trail
    checked_records: int = 0

    @property
    def ok(self) -> bool:
        return not self.chain and not self.records

    @property
    def first_problem(self) -> Finding | None:
        problems = self.chain or self.records
        return problems[0] if problems else None

    def as_json(self) -> dict[str, Any]:
        return {"ok": self.ok, "rows": self.rows, "head": self.head, "checked_records": self.checked_records,
                "chain": [_finding_json(f) for f in self.chain], "records": [_finding_json(f) for f in self.records]}


def _finding_json(finding: Finding) -> dict[str, Any]:
    return {**finding.__dict__, "fields": list(finding.fields)}


_COLUMNS = "id, at, actor, user_id, role, action, entity, entity_id, summary, before, after, prev_hash, hash"


def _events(session: Session | Connection) -> Iterator[dict[str, Any]]:
    last = 0
    while True:
        rows = session.execute(text(f"SELECT {_COLUMNS} FROM audit_events WHERE id > :last ORDER BY id "  # noqa: S608
                                    "LIMIT :n"), {"last": last, "n": _BATCH}).mappings().all()
        if not rows:
            return
        for row in rows:
            yield dict(row)
        last = rows[-1]["id"]


def chain_head(session: Session) -> tuple[int, str]:
    """The number of events and the last one's hash: what a backup header carries."""
    row = session.execute(text("SELECT count(*), (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) "
                               "FROM audit_events")).one()
    return int(row[0]), row[1] or GENESIS


_STATE_ACTIONS = {Action.CREATE, Action.UPDATE, Action.STATUS, Action.DELETE}


@dataclass
class _State:
    """A record's last audited state: the fields its events recorded, the newest value of each."""

    event_id: int
    action: str
    fields: dict[str, Any]


def _fold(states: dict[tuple[str, Any], _State], event: dict[str, Any]) -> None:
    coverage = _BY_ENTITY.get(event["entity"])
    if coverage is None or event["action"] not in _STATE_ACTIONS:
        return
    key = event["summary"] if coverage.key != "id" else event["entity_id"]
    if key is None:
        return
    slot = (coverage.entity, key)
    if event["action"] == Action.DELETE:
        earlier = states.get(slot)
        states[slot] = _State(event["id"], Action.DELETE, earlier.fields if earlier else {})
        return
    after = json.loads(event["after"]) if event["after"] else None
    if not isinstance(after, dict):
        return
    earlier = states.get(slot)
    if event["action"] == Action.CREATE or earlier is None or earlier.action == Action.DELETE:
        fields = dict(after)
    else:  # an update may record only what it changed: the rest stays as recorded before
        fields = {**earlier.fields, **after}
    states[slot] = _State(event["id"], event["action"], fields)


def verify(session: Session, progress: Progress = NO_PROGRESS) -> AuditReport:
    report = AuditReport()
    total = max(chain_head(session)[0], 1)
    previous = GENESIS
    states: dict[tuple[str, Any], _State] = {}
    for event in _events(session):
        report.rows += 1
        if report.rows % _BATCH == 0:
            progress.report(0.7 * report.rows / total)
        if not report.chain:
            if event["prev_hash"] != previous:
                report.chain.append(Finding(event["id"], event["entity"], event["entity_id"], translate(
                    "AuditVerify", "audit row {id} does not follow the row before it: a row before it was removed or "
                    "inserted").format(id=event["id"])))
            elif row_hash(previous, event) != event["hash"]:
                report.chain.append(Finding(event["id"], event["entity"], event["entity_id"], translate(
                    "AuditVerify", "audit row {id} was changed after it was written").format(id=event["id"])))
        previous = event["hash"]
        report.head = event["hash"]
        _fold(states, event)
    for n, coverage in enumerate(COVERED):
        _check_table(session, coverage, states, report)
        progress.report(0.7 + 0.3 * (n + 1) / len(COVERED))
    return report


def _comparable(value: Any) -> Any:
    """One spelling for a value read raw from SQLite and the same value as the trail wrote it (JSON):
    booleans as 0/1, times with microseconds, lists and mappings alike inside."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        if len(value) >= 19 and value[4] == "-" and value[10] in " T" and value[13] == ":":
            try:
                return dt.datetime.fromisoformat(value).isoformat(timespec="microseconds")
            except ValueError:
                return value
        return value
    if isinstance(value, (int, float)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_comparable(v) for v in value]
    if isinstance(value, Mapping):
        return {k: _comparable(v) for k, v in value.items()}
    return _comparable(json.loads(json.dumps(value, default=_plain)))


def reference_people_digests(session: Session | Connection, list_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The SHA-256 of each reference list's people (every column of every row, in id order), read
    straight from the table: what a list's audited ``people_digest`` must still be. Lists without
    people get the digest of nothing. ``list_ids`` None: every list."""
    if list_ids is None:
        wanted = [row[0] for row in session.execute(text("SELECT id FROM reference_lists ORDER BY id"))]
    else:
        wanted = sorted(set(list_ids))
    hashes = {list_id: hashlib.sha256() for list_id in wanted}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ", ".join(str(int(list_id)) for list_id in chunk)
        result = session.execute(text(f"SELECT * FROM reference_people WHERE list_id IN ({marks}) "  # noqa: S608
                                      "ORDER BY list_id, id"))
        position = list(result.keys()).index("list_id")
        for row in result:
            # repr of str, int, float and None is one spelling; dates and flags are read as SQLite holds them.
            hashes[row[position]].update(repr(tuple(row)).encode("utf-8"))
    return {list_id: digest.hexdigest() for list_id, digest in hashes.items()}


#: Fields that are a column of the record and also recomputed from another table: both must match the trail.
_RECOMPUTED: dict[str, tuple[str, ...]] = {"reference_list": ("people_digest",)}


def _derived(session: Session | Connection, entity: str) -> dict[str, dict[Any, Any]]:
    """The fields a record's snapshot keeps from other tables (a household's members, a teacher's
    classes, a programme's hand-kept list, a reference list's people digest), read from those
    tables as they are now."""
    if entity == "reference_list":
        return {"people_digest": dict(reference_people_digests(session))}
    if entity == "household":
        skills: dict[int, list[dict[str, Any]]] = {}
        for row in session.execute(text("SELECT member_id, skill, year, organiser FROM skill_trainings ORDER BY id")):
            skills.setdefault(row[0], []).append({"skill": row[1], "year": row[2], "organiser": row[3]})
        members: dict[Any, Any] = {}
        for found in session.execute(text("SELECT id, household_id, name, relation, sex, birth_year, "
                                          "is_main_labourer, work, phone FROM household_members ORDER BY id")).mappings():
            member = {k: found[k] for k in ("name", "relation", "sex", "birth_year", "is_main_labourer", "work", "phone")}
            member["skills"] = skills.get(found["id"], [])
            members.setdefault(found["household_id"], []).append(member)
        return {"members": members}
    if entity == "user":
        classes: dict[Any, Any] = {}
        for row in session.execute(text("SELECT user_id, school_id, stage, grade, class_name FROM user_classes")):
            classes.setdefault(row[0], []).append(f"{row[1]}/{row[2]}/{row[3]}/{row[4]}")
        return {"classes": {k: sorted(v) for k, v in classes.items()}}
    if entity == "programme":
        listed: dict[Any, Any] = {}
        for row in session.execute(text("SELECT programme_id, student_id FROM programme_members")):
            listed.setdefault(row[0], []).append(row[1])
        return {"members": {k: sorted(v) for k, v in listed.items()}}
    return {}


#: How a finding names a field: its column, and in Chinese what it is (printed documents' terms).
FIELD_LABELS = {
    "name": "姓名", "id_number": "身份证号", "birth_date": "出生日期", "sex": "性别", "school_id": "学校",
    "grade": "年级", "class_name": "班级", "status": "状态", "household_id": "户", "head_name": "户主",
    "poverty_status": "原贫困状态（历史）", "registered_poor": "原建档标记（历史）", "village_id": "村", "phone": "电话",
    "category": "家庭类别", "lifted_year": "脱贫年度", "monitoring_type": "监测类型",
    "monitoring_identified_on": "识别时间", "risk_removed_on": "风险消除时间", "dibao": "低保户", "tekun": "特困供养户",
    "orphan": "孤儿", "unsupported": "事实无人抚养", "disability_category": "残疾类别", "disability_grade": "残疾等级",
    "disability_certificate": "残疾证号", "parent_disabled": "残疾人子女", "martyr_child": "烈士子女",
    "in_difficulty": "困境儿童",
    "members": "家庭成员", "problems": "存在问题", "next_step": "下一步打算", "done": "帮扶内容",
    "visit_date": "走访日期", "posted_by": "录入人", "posted_at": "录入时间", "amount_fen": "金额（分）",
    "standard_fen": "资助标准（分）", "student_id": "学生", "value": "设置值", "role": "角色", "active": "启用",
    "username": "用户名", "classes": "负责班级", "reason_category": "原因类别", "closed_on": "结案日期",
    "paid_on": "发放日期", "voucher_no": "凭证号", "notice_phone": "异议电话", "notice_taken_down_on": "公示撤下日期", "eligibility": "资助对象", "sha256": "文件校验码",
    "people_digest": "名单人员校验码",
}


def _fields(names: list[str]) -> str:
    return "、".join(f"{n}（{FIELD_LABELS[n]}）" if n in FIELD_LABELS else n for n in sorted(names))


_NAMES = ("name", "head_name", "display_name", "username", "file_name", "document_number", "code")


def _record(coverage: Coverage, key: Any, values: Mapping[str, Any] | RowMapping) -> str:
    """How a finding names a record: the table's label, its id (a setting's key) and its name if it has one."""
    name = next((str(values[n]) for n in _NAMES if values.get(n)), "")
    label = translate("AuditVerify", "{kind} {key} (table {table})").format(
        kind=entity_label(coverage.entity), key=key, table=coverage.table)
    return f"{label}「{name}」" if name else label


def _check_table(session: Session, coverage: Coverage, states: dict[tuple[str, Any], _State],
                 report: AuditReport) -> None:
    derived: dict[str, dict[Any, Any]] | None = None
    seen: set[Any] = set()
    last = 0
    while True:
        rows = session.execute(text(f'SELECT rowid AS "_rowid_", * FROM "{coverage.table}" '  # noqa: S608
                                    'WHERE rowid > :last ORDER BY rowid LIMIT :n'),
                               {"last": last, "n": _BATCH}).mappings().all()
        if not rows:
            break
        last = rows[-1]["_rowid_"]
        for row in rows:
            report.checked_records += 1
            key = row[coverage.key]
            seen.add(key)
            state = states.get((coverage.entity, key))
            if state is None:
                report.records.append(Finding(None, coverage.entity, _id(key), translate(
                    "AuditVerify", "{record} has no audit record: it was added behind the app's back").format(
                        record=_record(coverage, key, row)), key=_key(key)))
                continue
            if state.action == Action.DELETE:
                report.records.append(Finding(state.event_id, coverage.entity, _id(key), translate(
                    "AuditVerify", "{record} was deleted on the record (audit row {event}) but is in the database "
                    "again").format(record=_record(coverage, key, row), event=state.event_id), key=_key(key)))
                continue
            differing = []
            for name, audited in state.fields.items():
                if name in coverage.unchecked:
                    continue
                if name in row and name != "_rowid_":
                    current = row[name]
                    if name in _RECOMPUTED.get(coverage.entity, ()):
                        if derived is None:
                            derived = _derived(session, coverage.entity)
                        if _comparable(derived[name].get(key)) != _comparable(audited):
                            differing.append(name)
                            continue
                else:
                    if derived is None:
                        derived = _derived(session, coverage.entity)
                    if name not in derived:
                        continue  # not a column (a status change's reason, a reveal's count)
                    current = derived[name].get(key, [])
                if _comparable(current) != _comparable(audited):
                    differing.append(name)
            if differing:
                report.records.append(Finding(state.event_id, coverage.entity, _id(key), translate(
                    "AuditVerify", "{record} differs from its last audited state (audit row {event}) in: "
                    "{fields}").format(record=_record(coverage, key, row), event=state.event_id,
                                       fields=_fields(differing)), fields=tuple(sorted(differing)),
                    key=_key(key)))
    for (entity, key), state in states.items():
        if entity == coverage.entity and key not in seen and state.action != Action.DELETE:
            report.records.append(Finding(state.event_id, entity, _id(key), translate(
                "AuditVerify", "{record} was removed behind the app's back: its last audit row ({event}) is not a "
                "deletion").format(record=_record(coverage, key, state.fields), event=state.event_id),
                key=_key(key)))


def unaudited(session: Session | Connection) -> Iterator[tuple[Coverage, Any, str, dict[str, Any]]]:
    """The covered records whose audited state lacks fields (made before the audit covered their
    table or those fields): (coverage, key, action, the values to record). What the upgrade that
    extended the coverage records once, so that from then on every field is compared; a record
    changed behind the app's back before that is beyond what the trail can show."""
    states: dict[tuple[str, Any], _State] = {}
    for event in _events(session):
        _fold(states, event)
    tables = {row[0] for row in session.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
    for coverage in COVERED:
        if coverage.table not in tables:
            continue  # made by a later upgrade, which records its rows itself
        derived = _derived(session, coverage.entity)
        last = 0
        while True:
            rows = session.execute(text(f'SELECT rowid AS "_rowid_", * FROM "{coverage.table}" '  # noqa: S608
                                        'WHERE rowid > :last ORDER BY rowid LIMIT :n'),
                                   {"last": last, "n": _BATCH}).mappings().all()
            if not rows:
                break
            last = rows[-1]["_rowid_"]
            for row in rows:
                key = row[coverage.key]
                state = states.get((coverage.entity, key))
                if state is not None and state.action == Action.DELETE:
                    continue  # a finding, not a state to take as it is
                values = {name: _plain(row[name]) for name in row.keys()
                          if name not in ("_rowid_", "id") and name not in coverage.unchecked}
                if coverage.key != "id":
                    values.pop(coverage.key, None)
                values.update({name: by_key.get(key, []) for name, by_key in derived.items()})
                missing = {name: value for name, value in values.items()
                           if state is None or name not in state.fields}
                if missing:
                    yield coverage, key, Action.CREATE if state is None else Action.UPDATE, missing


BASELINE_ACTOR = "校助（升级）"
BASELINE_SUMMARY = "升级时记录的已有状态（此前未纳入审计核对）"


def record_baseline(connection: Connection) -> int:
    """Record, once, the fields of every covered record that the trail does not hold yet (see
    ``unaudited``), as events chained after the last one. Returns how many were written. Once only: a
    database set back to an earlier revision by hand and upgraded again gets no second record, so rows
    added behind the app's back meanwhile stay findings."""
    if connection.execute(text("SELECT 1 FROM audit_events WHERE actor = :actor AND user_id IS NULL LIMIT 1"),
                          {"actor": BASELINE_ACTOR}).first() is not None:
        return 0
    last = connection.execute(text("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")).first()
    event_id, previous = (last[0], last[1]) if last else (0, GENESIS)
    actor = Actor(BASELINE_ACTOR)
    events = []
    for coverage, key, action, values in list(unaudited(connection)):
        event_id += 1
        event = {**event_values(actor, action, coverage.entity, key if coverage.key == "id" else None,
                                BASELINE_SUMMARY if coverage.key == "id" else str(key), after=values),
                 "id": event_id, "prev_hash": previous}
        event["hash"] = previous = row_hash(previous, event)
        events.append(event)
        if len(events) >= 5000:
            connection.execute(insert(AuditEvent.__table__), events)
            events = []
    if events:
        connection.execute(insert(AuditEvent.__table__), events)
    return event_id - (last[0] if last else 0)


def append_upgrade_events(connection: Connection,
                          changes: list[tuple[str, str, int | None, str, dict[str, Any] | None, dict[str, Any] | None]],
                          ) -> int:
    """Append events an upgrade writes for the records it changes or adds — (action, entity, id,
    summary, before, after) each — chained after the last event, by the upgrade's actor. No existing
    audit row changes. Returns how many were written."""
    last = connection.execute(text("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1")).first()
    event_id, previous = (last[0], last[1]) if last else (0, GENESIS)
    actor = Actor(BASELINE_ACTOR)
    events = []
    for action, entity, key, summary, before, after in changes:
        event_id += 1
        event = {**event_values(actor, action, entity, key, summary, before=before, after=after),
                 "id": event_id, "prev_hash": previous}
        event["hash"] = previous = row_hash(previous, event)
        events.append(event)
    if events:
        connection.execute(insert(AuditEvent.__table__), events)
    return len(events)


def _id(key: Any) -> int | None:
    return key if isinstance(key, int) else None


def _key(key: Any) -> str | None:
    return None if isinstance(key, int) else str(key)


def continues_from(session: Session, rows: int, head: str) -> Finding | None:
    """Whether the trail still passes through an earlier backup's head at the same row: newest rows
    removed (or the whole chain rebuilt) since that backup show here. None when it does."""
    if rows == 0:
        return None
    found = session.execute(text("SELECT hash FROM audit_events ORDER BY id LIMIT 1 OFFSET :n"),
                            {"n": rows - 1}).scalar()
    if found is None:
        return Finding(None, "audit", None, translate(
            "AuditVerify", "the audit trail has fewer rows than the backup of that day ({rows}): rows were removed").format(
                rows=rows))
    if found != head:
        return Finding(None, "audit", None, translate(
            "AuditVerify", "audit row {rows} is not the one the backup of that day recorded: the trail was rewritten").format(
                rows=rows))
    return None


# --- the chain anchored on paper ---------------------------------------------------------------------

SHORT_HEAD = 12  # hex characters of the head printed on paper: 48 bits, beyond forging by trial


def short_head(head: str) -> str:
    """The head as printed: its first 12 hex characters, upper case, in groups of four (ABCD-EF01-2345)."""
    digits = head[:SHORT_HEAD].upper()
    return "-".join(digits[n:n + 4] for n in range(0, len(digits), 4))


def paper_line(session: Session) -> str:
    """The small line at the foot of every printed summary, term report and sign-off sheet: the
    trail's row count and head as of the data printed, to check later with ``audit verify --head``."""
    rows, head = chain_head(session)
    return f"审计链：共 {rows} 条记录，校验码 {short_head(head)}"


def parse_head(text_: str) -> str | None:
    """A head copied from paper or a screen: with or without the dashes and spaces, any case; at least
    the printed 12 hex characters. None when it is not one."""
    digits = "".join(text_.split()).replace("-", "").lower()
    if not SHORT_HEAD <= len(digits) <= 64 or any(c not in "0123456789abcdef" for c in digits):
        return None
    return digits


def matches_paper(session: Session, rows: int, head: str) -> Finding | None:
    """Whether the trail's row ``rows`` still has the head copied from paper (``head``: hex digits, the
    short form or the whole). Rewriting the whole history — every hash recomputed after changing an old
    event — passes the chain check but not this one. None when it matches."""
    found = session.execute(text("SELECT hash FROM audit_events ORDER BY id LIMIT 1 OFFSET :n"),
                            {"n": rows - 1}).scalar() if rows > 0 else GENESIS
    if found is None:
        return Finding(None, "audit", None, translate(
            "AuditVerify", "the audit trail has fewer rows than the {rows} on paper: rows were removed").format(
                rows=rows))
    if not found.startswith(head):
        return Finding(None, "audit", None, translate(
            "AuditVerify", "audit row {rows} has the check code {now}, not {paper} as on paper: the trail was "
            "rewritten").format(rows=rows, now=short_head(found), paper=short_head(head)))
    return None
