"""Household pairing: the plan's quotas, the gaps it wants closed, handovers that keep history,
visits with evidence files."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from schoolaid.accounts import audit
from schoolaid.common.errors import SchoolAidError, ValidationFailed
from schoolaid.common.vocabulary import StaffRole
from schoolaid.pairing import pairing, pairing_export, school_pairing, staff, visits
from schoolaid.pairing.visits import VisitEntry
from schoolaid.roster import households
from schoolaid.roster.households import HouseholdForm
from schoolaid.township import attachments
from tests.conftest import TODAY, school_id, village_id

AGO = TODAY - dt.timedelta(days=200)


@pytest.fixture
def town(township_db, actor):
    """Two helpers, a principal and a teacher, and five households: three need a pair."""
    db = township_db
    central = school_id(db, "平地镇中心校")
    people = {
        "王校长": db.run(staff.add_staff, actor, "王校长", central, StaffRole.PRINCIPAL, "13900000001"),
        "李老师": db.run(staff.add_staff, actor, "李老师", school_id(db, "波西村小学"), StaffRole.TEACHER),
        "赵老师": db.run(staff.add_staff, actor, "赵老师", central, StaffRole.TEACHER),
    }
    homes = {}
    monitored = {"category": "防止返贫监测对象", "monitoring_identified_on": dt.date(2024, 3, 1)}
    for head, village, categories in (
            ("张大山", "波西村", {**monitored, "lifted_year": 2016, "monitoring_type": "脱贫不稳定户"}),
            ("刘二河", "辣子哨村", {**monitored, "monitoring_type": "突发严重困难户"}),
            ("陈三林", "波西村", {**monitored, "monitoring_type": "边缘易致贫户"}),
            ("周四海", "波西村", {"category": "脱贫户", "lifted_year": 2017}),
            ("吴五湖", "波西村", {})):
        homes[head] = db.run(households.create_household, actor, HouseholdForm(
            head_name=head, village_id=village_id(db, village), **categories), today=TODAY)
    return db, people, homes


def test_quotas_follow_the_plan(town, actor) -> None:
    db, people, homes = town
    db.run(pairing.pair, actor, people["王校长"], homes["张大山"], AGO, today=TODAY)
    db.run(pairing.pair, actor, people["李老师"], homes["刘二河"], AGO, today=TODAY)
    db.run(pairing.pair, actor, people["李老师"], homes["陈三林"], AGO, today=TODAY)
    db.run(pairing.pair, actor, people["李老师"], homes["周四海"], AGO, today=TODAY)
    by_name = {q.staff: q for q in db.query(pairing.quotas, today=TODAY)}
    assert (by_name["王校长"].count, by_name["王校长"].state) == (1, "under")  # school heads: 2–3
    assert (by_name["李老师"].count, by_name["李老师"].state) == (3, "over")  # teachers: 1–2
    assert (by_name["赵老师"].count, by_name["赵老师"].state) == (0, "under")
    overview = db.query(pairing.overview, today=TODAY)
    assert {q.staff for q in overview.over_quota} == {"李老师"}
    assert {q.staff for q in overview.under_quota} == {"王校长", "赵老师"}
    assert pairing.quota(StaffRole.LEADERSHIP) == (2, 3)


def test_unpaired_households_are_those_the_plan_wants_paired(town, actor) -> None:
    db, people, homes = town
    assert {h.head for h in db.query(pairing.unpaired_households, today=TODAY)} == {"张大山", "刘二河", "陈三林"}
    db.run(pairing.pair, actor, people["赵老师"], homes["张大山"], AGO, today=TODAY)
    assert {h.head for h in db.query(pairing.unpaired_households, today=TODAY)} == {"刘二河", "陈三林"}
    # Suggestions for the village school's teacher: households of 波西村 first.
    assert [h.head for h in db.query(pairing.suggestions, people["李老师"], today=TODAY)] == ["陈三林", "刘二河"]


def test_a_household_is_not_paired_twice_nor_a_non_poor_one(town, actor) -> None:
    db, people, homes = town
    db.run(pairing.pair, actor, people["王校长"], homes["张大山"], AGO, today=TODAY)
    with pytest.raises(ValidationFailed, match="王校长"):
        db.run(pairing.pair, actor, people["赵老师"], homes["张大山"], TODAY, today=TODAY)
    with pytest.raises(ValidationFailed) as failure:
        db.run(pairing.pair, actor, people["赵老师"], homes["吴五湖"], TODAY, today=TODAY)
    assert failure.value.problems[0].code == "pairing.not_poor"


def test_overdue_visits(town, actor) -> None:
    db, people, homes = town
    db.run(pairing.pair, actor, people["王校长"], homes["张大山"], AGO, today=TODAY)
    db.run(pairing.pair, actor, people["赵老师"], homes["刘二河"], TODAY - dt.timedelta(days=3), today=TODAY)
    db.run(pairing.pair, actor, people["李老师"], homes["陈三林"], AGO, today=TODAY)
    db.run(visits.add_visit, actor, VisitEntry(people["李老师"], homes["陈三林"], TODAY - dt.timedelta(days=12),
                                               "入户", "送去大米一袋"), today=TODAY)
    overdue = db.query(pairing.overdue_visits, today=TODAY)
    assert [(o.pairing.household_head, o.pairing.last_visit, o.days) for o in overdue] == [("张大山", None, 200)]
    db.run(pairing.set_overdue_days, actor, 10)
    assert {o.pairing.household_head for o in db.query(pairing.overdue_visits, today=TODAY)} == {"张大山", "陈三林"}
    with pytest.raises(ValidationFailed):
        db.run(pairing.set_overdue_days, actor, 0)


def test_a_leaving_helper_hands_over_and_history_stays(town, actor) -> None:
    db, people, homes = town
    first = db.run(pairing.pair, actor, people["王校长"], homes["张大山"], AGO, today=TODAY)
    db.run(visits.add_visit, actor, VisitEntry(people["王校长"], homes["张大山"], AGO + dt.timedelta(days=5),
                                               "入户", "了解孩子在校情况"), today=TODAY)
    with pytest.raises(ValidationFailed, match="张大山"):
        db.run(staff.leave, actor, people["王校长"], TODAY, "调往区教育局", {}, today=TODAY)
    db.run(staff.leave, actor, people["王校长"], TODAY, "调往区教育局", {first: people["赵老师"]}, today=TODAY)
    history = db.query(pairing.list_pairings, household_id=homes["张大山"])
    assert [(p.staff, p.end_date) for p in history] == [("王校长", TODAY), ("赵老师", None)]
    assert "赵老师" in history[0].end_reason and history[1].handed_over_from_id == first
    assert history[0].visits == 1  # the old helper's visits stay with the old pairing
    assert {q.staff for q in db.query(pairing.quotas, today=TODAY)} == {"李老师", "赵老师"}
    departed = [s for s in db.query(staff.list_staff, active_only=False) if not s.active]
    assert [(s.name, s.left_reason) for s in departed] == [("王校长", "调往区教育局")]
    assert db.query(pairing.departed_helpers, today=TODAY) == []


def test_a_helper_gone_without_handover_is_a_gap(town, actor) -> None:
    db, people, homes = town
    db.run(pairing.pair, actor, people["李老师"], homes["张大山"], AGO, today=TODAY)

    def gone_long_ago(session, actor):  # an old record, entered before the handover rule existed
        from schoolaid.storage.models import Staff

        session.get(Staff, people["李老师"]).active = False

    db.run(gone_long_ago, actor)
    assert [p.household_head for p in db.query(pairing.departed_helpers, today=TODAY)] == ["张大山"]


def test_ending_a_pairing_needs_a_reason_and_a_sensible_date(town, actor) -> None:
    db, people, homes = town
    pairing_id = db.run(pairing.pair, actor, people["赵老师"], homes["张大山"], AGO, today=TODAY)
    with pytest.raises(ValidationFailed) as failure:
        db.run(pairing.end_pairing, actor, pairing_id, AGO - dt.timedelta(days=1), "")
    assert {p.code for p in failure.value.problems} == {"pairing.before_start", "pairing.reason"}
    db.run(pairing.end_pairing, actor, pairing_id, TODAY, "家庭已稳定脱贫")
    assert [p.end_reason for p in db.query(pairing.list_pairings, household_id=homes["张大山"])] == ["家庭已稳定脱贫"]
    assert [h.action for h in db.query(audit.history, "pairing", pairing_id)] == ["create", "update"]


def test_visits_and_evidence_files_round_trip(town, actor) -> None:
    db, people, homes = town
    photo = bytes(range(256)) * 400
    visit_id = db.run(visits.add_visit, actor, VisitEntry(people["李老师"], homes["陈三林"], TODAY, "电话",
                                                          "  宣讲资助政策 ", "无", "下月入户"),
                      [("走访照片.jpg", photo), ("签字表.pdf", b"%PDF-1.4 signed")], today=TODAY)
    files = db.query(attachments.list_for, "visit", visit_id)
    assert [(f.file_name, f.media_type, f.size) for f in files] == [
        ("走访照片.jpg", "image/jpeg", len(photo)), ("签字表.pdf", "application/pdf", 15)]
    assert files[0].sha256 == hashlib.sha256(photo).hexdigest()
    assert db.query(attachments.content, files[0].id) == ("走访照片.jpg", photo)
    [view] = db.query(visits.list_visits, household_id=homes["陈三林"])
    assert (view.done, view.evidence, view.form.label()) == ("宣讲资助政策", 2, "电话")


def test_damaged_evidence_is_reported(town, actor) -> None:
    db, people, homes = town
    visit_id = db.run(visits.add_visit, actor, VisitEntry(people["李老师"], homes["陈三林"], TODAY, "入户", "送米"),
                      today=TODAY)
    attachment_id = db.run(visits.add_evidence, actor, visit_id, "照片.png", b"\x89PNG original")
    with db.write() as session:
        session.connection().exec_driver_sql("UPDATE attachments SET data = x'00' WHERE id = ?", (attachment_id,))
    with pytest.raises(SchoolAidError, match="损坏"):
        db.query(attachments.content, attachment_id)


def test_evidence_files_too_large_or_empty_are_refused(town, actor, tmp_path) -> None:
    db, people, homes = town
    big = tmp_path / "huge.jpg"
    with big.open("wb") as handle:
        handle.seek(attachments.MAX_BYTES + 1)
        handle.write(b"\0")
    with pytest.raises(SchoolAidError, match="MB"):
        attachments.read_file(big)
    with pytest.raises(SchoolAidError):
        db.run(visits.add_visit, actor, VisitEntry(people["李老师"], homes["陈三林"], TODAY, "入户", "送米"),
               [("空.jpg", b"")], today=TODAY)
    assert db.query(visits.list_visits) == []  # the visit went with its refused file


def test_visits_are_validated(town, actor) -> None:
    db, people, homes = town
    with pytest.raises(ValidationFailed) as failure:
        db.run(visits.add_visit, actor, VisitEntry(people["李老师"], homes["陈三林"], TODAY + dt.timedelta(days=1),
                                                   "托人带话", ""), today=TODAY)
    assert {p.code for p in failure.value.problems} == {"visit.future", "visit.form", "visit.done"}


def test_skills_overview_lists_households_without_skills(town) -> None:
    db, _, homes = town
    rows = {r.head_name: r for r in db.query(households.skills_overview)}
    assert set(rows) == {"张大山", "刘二河", "陈三林", "周四海"}  # poor and monitored households
    assert not rows["张大山"].has_skilled_labourer
    assert len(db.query(households.skills_overview, without_skills_only=True)) == 4


def test_school_pairing_and_activities(town, actor) -> None:
    db, _, _ = town
    pairing_id = db.run(school_pairing.pair_school, actor, school_id(db, "波西村小学"), AGO, "提高教学质量", today=TODAY)
    with pytest.raises(ValidationFailed):
        db.run(school_pairing.pair_school, actor, school_id(db, "波西村小学"), AGO, today=TODAY)
    with pytest.raises(ValidationFailed):
        db.run(school_pairing.pair_school, actor, school_id(db, "平地镇中心校"), AGO, today=TODAY)
    db.run(school_pairing.log_activity, actor, pairing_id, TODAY, "送教", "示范课两节", "数学组", today=TODAY)
    with pytest.raises(ValidationFailed):
        db.run(school_pairing.log_activity, actor, pairing_id, AGO - dt.timedelta(days=1), "送教", "早于结对",
               today=TODAY)
    [view] = db.query(school_pairing.list_pairings)
    assert (view.helper_school, view.school, view.activities) == ("平地镇中心校", "波西村小学", 1)


def test_register_and_visit_sheets(town, actor, tmp_path) -> None:
    import openpyxl

    db, people, homes = town
    db.run(pairing.pair, actor, people["赵老师"], homes["张大山"], AGO, today=TODAY)
    db.run(visits.add_visit, actor, VisitEntry(people["赵老师"], homes["张大山"], TODAY, "入户", "送去棉被"), today=TODAY)
    assert db.query(pairing_export.export_register, actor, tmp_path / "register.xlsx", today=TODAY) == 1
    sheet = openpyxl.load_workbook(tmp_path / "register.xlsx").active
    assert sheet["A1"].value.endswith("结对帮扶花名册")
    assert [c.value for c in sheet[3]][:5] == ["序号", "帮扶人", "单位", "职务", "帮扶户户主"]
    assert [c.value for c in sheet[4]][1:5] == ["赵老师", "平地镇中心校", "教师", "张大山"]
    assert db.query(pairing_export.export_visit_sheets, actor, tmp_path / "visits.xlsx", today=TODAY) == 1
    workbook = openpyxl.load_workbook(tmp_path / "visits.xlsx")
    assert workbook.sheetnames == ["赵老师"]
    assert workbook["赵老师"]["F4"].value == "送去棉被"


def test_demo_has_something_in_every_panel(db, actor) -> None:
    from schoolaid.demo import create_demo_township

    db.run(create_demo_township, actor, students=600, seed=5, today=TODAY)
    demo_db = db
    overview = demo_db.query(pairing.overview, today=TODAY)
    assert overview.pairings and overview.unpaired and overview.overdue and overview.departed
    assert overview.over_quota and overview.under_quota
    assert demo_db.query(visits.list_visits, limit=5)
    assert demo_db.query(school_pairing.list_pairings)
    assert demo_db.query(households.skills_overview, without_skills_only=True)
    assert any(v.evidence for v in demo_db.query(visits.list_visits))
