"""Today's work grouped: by kind, most urgent first (one table, work_list.URGENCY), then by school with
counts; the order pinned on the demo township."""

from __future__ import annotations

from schoolaid.dropout import absences
from schoolaid.reporting import work_list
from schoolaid.reporting.work_list import Kind, WorkItem
from tests.conftest import TODAY


def test_every_kind_has_one_rank_and_a_reason() -> None:
    kinds = {value for name, value in vars(Kind).items() if name.isupper()}
    ranked = [kind for kind, _why in work_list.URGENCY]
    assert sorted(ranked) == sorted(kinds)  # each kind once, none forgotten
    assert all(why.strip() for _kind, why in work_list.URGENCY)
    assert all(work_list.kind_label(kind) != kind for kind in kinds)  # each has a name for its heading
    # The legal deadline and the suspected dropouts before the escalation, the transfers, the money, the
    # visits; the reminders last.
    rank = work_list.RANK
    assert rank[Kind.NOTICE_EXPIRED] < rank[Kind.ABSENCE] < rank[Kind.ESCALATION] < rank[Kind.TRANSFER_UNCONFIRMED] \
        < rank[Kind.UNPAID] < rank[Kind.VISIT_OVERDUE] < rank[Kind.TERM_REPORT] < rank[Kind.BACKUP]


def test_grouped_by_kind_then_school_with_counts() -> None:
    items = [
        WorkItem(Kind.BACKUP, None, "backup"),
        WorkItem(Kind.VISIT_OVERDUE, 1, "visit a", place="乙校"),
        WorkItem(Kind.ABSENCE, 10, "absent 1", urgent=True, place="甲校"),
        WorkItem(Kind.ESCALATION, 20, "waiting", place="甲校"),
        WorkItem(Kind.ESCALATION, 21, "step due", urgent=True, place="甲校"),
        WorkItem(Kind.ABSENCE, 11, "absent 2", urgent=True, place="乙校"),
        WorkItem(Kind.ABSENCE, 12, "absent 3", urgent=True, place="乙校"),
        WorkItem(Kind.NOTICE_EXPIRED, 30, "deadline", urgent=True, place="丙校"),
        WorkItem(Kind.ABSENCE, 13, "absent 4", urgent=True, place=""),
    ]
    groups = work_list.grouped(items)
    assert [(g.kind, g.count, g.urgent) for g in groups] == [
        (Kind.NOTICE_EXPIRED, 1, 1), (Kind.ABSENCE, 4, 4), (Kind.ESCALATION, 2, 1), (Kind.VISIT_OVERDUE, 1, 0),
        (Kind.BACKUP, 1, 0)]
    absence = groups[1]
    # The school with the most first, the township's own (no school) last.
    assert [(p.place, len(p.items)) for p in absence.places] == [("乙校", 2), ("甲校", 1), ("", 1)]
    assert [i.target for i in absence.places[0].items] == [11, 12]  # as they came
    assert [i.target for i in groups[2].places[0].items] == [21, 20]  # the step due before the one waiting
    assert sum(g.count for g in groups) == len(items)
    assert work_list.grouped([]) == []


def test_the_demo_townships_work_in_urgency_order(demo_db) -> None:
    items = demo_db.query(work_list.today_work, TODAY)
    groups = work_list.grouped(items)
    assert [(g.kind, g.count) for g in groups] == [
        (Kind.NOTICE_EXPIRED, 1), (Kind.ABSENCE, 1), (Kind.DUE_TO_ENROLL, 1), (Kind.TRANSFER_UNCONFIRMED, 2),
        (Kind.GRADUATE_UNPLACED, 2), (Kind.SUSPENSION, 1), (Kind.STALE_CASE, 2), (Kind.FOLLOW_UP, 1),
        (Kind.UNPAID, 1), (Kind.NOT_ASSESSED, 1), (Kind.VISIT_OVERDUE, 1), (Kind.UNPAIRED, 3), (Kind.RECONCILE, 4),
        (Kind.BACKUP, 1)]
    assert sum(g.count for g in groups) == len(items) == 22
    # A line a child: the two unconfirmed transfers out in their two schools.
    [transfers] = [g for g in groups if g.kind == Kind.TRANSFER_UNCONFIRMED]
    assert sorted(p.place for p in transfers.places) == ["平地镇中心校", "辣子哨村小学"]
    assert all(len(p.items) == 1 and p.place in p.items[0].text for p in transfers.places)
    # A pupil's work is their school's; a household's, its village's; the backup the township's own.
    [absence] = demo_db.query(absences.cases_to_open, TODAY)
    [absence_group] = [g for g in groups if g.kind == Kind.ABSENCE]
    assert [p.place for p in absence_group.places] == [absence.school]
    [unpaired] = [g for g in groups if g.kind == Kind.UNPAIRED]
    assert all(p.place.endswith("村") and all(p.place in i.text for i in p.items) for p in unpaired.places)
    [backup] = [g for g in groups if g.kind == Kind.BACKUP]
    assert [p.place for p in backup.places] == [""]
    assert all(i.as_json()["place"] == i.place for i in items)
