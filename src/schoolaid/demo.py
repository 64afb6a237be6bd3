"""The demo township: a realistic 平地镇 with the ten poor villages of the plan, a central school,
village schools, households with one to four children, valid ID numbers, and staff; the household
register of each village and the poverty list, with a few differences to check (四查三比对).

Everything is recorded as an ordinary user would leave it, audit events included, so that every
screen has something real to show. Rows are inserted in bulk: the benchmark builds 100,000 students.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from schoolaid.accounts import audit
from schoolaid.accounts.audit import Action, Actor
from schoolaid.accounts.permissions import Permission, requires
from schoolaid.common.errors import NotAllowed
from schoolaid.common.grades import ALL_GRADES, Grade, Stage, age_on
from schoolaid.common.i18n import translate
from schoolaid.common.progress import NO_PROGRESS, Progress
from schoolaid.common.school_calendar import (
    SchoolYear,
    Term,
    add_months,
    month_start,
    nth_school_day,
    nth_working_day,
    school_days_before,
)
from schoolaid.common.vocabulary import PovertyStatus, SchoolKind, StaffRole
from schoolaid.pairing.staff import add_staff
from schoolaid.roster import disabilities, idnumber
from schoolaid.roster.categories import (
    DISABILITY_CATEGORIES,
    DISABILITY_GRADES,
    HouseholdCategory,
    MonitoringType,
)
from schoolaid.roster.enrollment import EnrollmentStatus
from schoolaid.roster.pinyin_search import search_keys
from schoolaid.roster.search_index import write_search_keys
from schoolaid.storage.models import (
    Base,
    Household,
    HouseholdMember,
    SkillTraining,
    Staff,
    Student,
    Village,
    utcnow,
)
from schoolaid.township import township

TOWNSHIP = "平地镇"
CENTRAL_SCHOOL = "平地镇中心校"
DEMO_OBJECTION_PHONE = "0812-2911035"  # the 公示's phone for objections (异议电话); invented
# The ten provincial poor villages of Renhe District named in the plan.
VILLAGES = ("大火山村", "老村子村", "波西村", "辣子哨村", "双河村", "啊喇村", "大龙潭村", "干坝子村", "乌喇么村", "大纸房村")
# (name, village, kind, highest primary grade taught)
VILLAGE_SCHOOLS = (
    ("波西村小学", "波西村", SchoolKind.VILLAGE, 6),
    ("辣子哨村小学", "辣子哨村", SchoolKind.VILLAGE, 6),
    ("大龙潭村小学", "大龙潭村", SchoolKind.VILLAGE, 4),
    ("双河村教学点", "双河村", SchoolKind.TEACHING_POINT, 3),
)
# Renhe District and its neighbours in Panzhihua; most children are registered in Renhe.
REGIONS = (("510411", 88), ("510421", 5), ("510422", 4), ("510402", 3))

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔向汤"
)
YI_SURNAMES = ("阿", "吉", "沙", "海", "俄", "马", "罗", "李", "杨", "毛")
BOY_CHARS = "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林欣嘉子轩梓睿博文昊宸浩然泽阳晨天佑一诺锦程"
GIRL_CHARS = "芳娜敏静丽艳娟霞秀玲桂英华梅琳雪婷欣怡悦涵佳萱诗雨思彤子琪梦瑶可馨若汐晓月紫依语嫣芸菲妍淑"
# Real children carry rare characters; the app must show and print them.
RARE_GIVEN_NAMES = ("堃", "喆", "䶮", "昇", "珺", "玥", "犇", "淼")
ETHNICITIES = (("汉族", 70), ("彝族", 22), ("傈僳族", 5), ("苗族", 2), ("白族", 1))
WORK = ("务农", "外出务工", "本地务工", "个体经营", "务农")
SKILLS = ("芒果种植", "枇杷种植", "烤烟种植", "生猪养殖", "山羊养殖", "电焊", "厨师", "家政服务", "挖掘机操作",
          "汽车驾驶", "果树嫁接", "蔬菜大棚")
ORGANISERS = ("仁和区人社局", "平地镇农业服务中心", "仁和区扶贫移民局", "攀枝花市农林科学院")
SUSPENSION_REASONS = ("疾病休养", "随父母外出暂住")
TRANSFER_DESTINATIONS = ("仁和区大河中路小学", "攀枝花市东区炳草岗小学", "米易县攀莲镇小学", "昆明市官渡区小学")


@dataclass
class DemoResult:
    students: int
    households: int
    staff: int
    schools: int
    villages: int


@dataclass
class _SchoolInfo:
    id: int
    village_id: int | None
    top_primary_grade: int
    has_preschool: bool
    class_counts: dict[Grade, int] = field(default_factory=dict)
    students: int = 0


def _weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def _birth_date(rng: random.Random, grade: Grade, year: int) -> dt.date:
    # Children start a grade at the age it expects on 31 August; a few are a year older.
    age = grade.entry_age() + (1 if rng.random() < 0.08 else 0)
    start = SchoolYear(year - age - 1).start  # the school year whose children are ``age`` on 31 August ``year``
    return start + dt.timedelta(days=rng.randrange(365))


@cache
def _keys(name: str) -> tuple[str, str]:
    return search_keys(name)


class _Names:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def given(self, male: bool) -> str:
        chars = BOY_CHARS if male else GIRL_CHARS
        if self.rng.random() < 0.004:
            first = self.rng.choice(RARE_GIVEN_NAMES)
        else:
            first = self.rng.choice(chars)
        if self.rng.random() < 0.35:
            return first
        second = self.rng.choice(chars)
        while second == first:
            second = self.rng.choice(chars)
        return first + second

    def surname(self, ethnicity: str) -> str:
        if ethnicity == "彝族" and self.rng.random() < 0.4:
            return self.rng.choice(YI_SURNAMES)
        return self.rng.choice(SURNAMES)

    def adult(self, surname: str, male: bool) -> str:
        return surname + self.given(male)


class _IdNumbers:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def make(self, birth: dt.date, male: bool, region: str | None = None) -> str:
        region = region or _weighted(self.rng, REGIONS)
        while True:
            sequence = self.rng.randrange(0, 999)
            if (sequence % 2 == 1) != male:
                sequence += 1
            number = idnumber.make_number(region, birth, sequence % 1000)
            if number not in self.used and (int(number[16]) % 2 == 1) == male:
                self.used.add(number)
                return number


def _phone(rng: random.Random) -> str:
    return rng.choice(("139", "138", "158", "182", "187", "135", "150", "199")) + f"{rng.randrange(10**8):08d}"


@requires(Permission.EDIT_SETTINGS)
def create_demo_township(session: Session, actor: Actor, students: int = 1500, seed: int = 2026,
                         progress: Progress = NO_PROGRESS, *, today: dt.date) -> DemoResult:
    """Fill an empty database with the demo township. Refuses a database that has data."""
    if township.is_set_up(session):
        raise NotAllowed(translate(
            "Demo", "The demo township can only be loaded into an empty database; this one already has data."))
    if students < 1:
        raise NotAllowed(translate("Demo", "The demo township needs at least one student."))
    rng = random.Random(seed)
    # The categories draw from a stream of their own, so that the rest of the demo stays as it was.
    categories = _Categories(random.Random(seed + 16), today)
    names = _Names(rng)
    ids = _IdNumbers(rng)
    year = SchoolYear.containing(today).start_year
    progress.report(0.0, translate("Demo", "Creating villages and schools…"))

    township.set_setting(session, actor, township.TOWNSHIP_NAME, TOWNSHIP)
    villages = {name: township.add_village(session, actor, name, is_poor_village=True) for name in VILLAGES}
    central = township.add_school(session, actor, CENTRAL_SCHOOL, SchoolKind.CENTRAL.value, None,
                                  is_central=True, sort_order=0)
    schools = [_SchoolInfo(central.id, None, 6, True)]
    for order, (name, village, kind, top) in enumerate(VILLAGE_SCHOOLS, start=1):
        added = township.add_school(session, actor, name, kind.value, villages[village].id, sort_order=order)
        schools.append(_SchoolInfo(added.id, villages[village].id, top, has_preschool=kind is SchoolKind.VILLAGE))
    school_by_village = {s.village_id: s for s in schools if s.village_id is not None}
    village_ids = [v.id for v in villages.values()]
    # Larger villages first, as in real townships.
    village_weights = [14, 9, 13, 12, 8, 7, 11, 8, 9, 9]

    now = utcnow()
    batch = _Batch(session, actor, now)
    village_names = {v.id: n for n, v in villages.items()}
    household_count = 0
    made = 0
    while made < students:
        household_count += 1
        village_id = rng.choices(village_ids, weights=village_weights)[0]
        ethnicity = _weighted(rng, ETHNICITIES)
        surname = names.surname(ethnicity)
        registered = rng.random() < 0.34
        if registered:
            status = rng.choices([PovertyStatus.POOR, PovertyStatus.LIFTED, PovertyStatus.MONITORED],
                                 weights=[18, 72, 10])[0]
        else:
            status = PovertyStatus.MONITORED if rng.random() < 0.02 else PovertyStatus.NOT_POOR
        parents_away = rng.random() < 0.24
        group = f"{rng.randint(1, 9)}组"
        head_birth_year = rng.randint(year - 48, year - 27)
        head_name = names.adult(surname, True)
        head_pinyin, head_initials = _keys(head_name)
        phone = _phone(rng)
        household_id = batch.add_household({
            "head_name": head_name, "head_pinyin": head_pinyin, "head_initials": head_initials,
            "village_id": village_id, "group_name": group,
            "address": f"四川省攀枝花市仁和区{TOWNSHIP}{village_names[village_id]}{group}", "phone": phone,
            "registered_poor": registered, "poverty_status": status.value,
            "poor_card_no": f"510411{rng.randrange(10**10):010d}" if registered else "",
            "poor_year": (poor_year := rng.choice((2014, 2015, 2016, 2017)) if registered else None), "notes": "",
            **categories.household(registered, status, poor_year),
        })
        head_id = batch.add_member(household_id, head_name, "户主", "男", head_birth_year, True,
                                   "外出务工" if parents_away else rng.choice(WORK), phone)
        batch.add_member(household_id, names.adult(names.surname(ethnicity), False), "配偶", "女",
                         head_birth_year + rng.randint(-2, 4), rng.random() < 0.6,
                         "外出务工" if parents_away and rng.random() < 0.7 else rng.choice(WORK))
        guardian = head_name
        if parents_away or rng.random() < 0.4:
            guardian = names.adult(surname, True)
            batch.add_member(household_id, guardian, "父母", "男", head_birth_year - rng.randint(22, 30), False, "务农")
            batch.add_member(household_id, names.adult(names.surname(ethnicity), False), "父母", "女",
                             head_birth_year - rng.randint(20, 28), False, "务农")
        if registered and rng.random() < 0.8:
            # The plan: every poor household has a main labourer with one or two skills. Most do.
            for _ in range(rng.choice((1, 1, 2))):
                batch.add_skill(head_id, rng.choice(SKILLS), rng.randint(2016, today.year - 1), rng.choice(ORGANISERS))

        children = rng.choices((1, 2, 3, 4), weights=(38, 42, 15, 5))[0]
        grades = sorted(rng.sample(range(len(ALL_GRADES) - 3), k=children))  # preschool to grade 6
        for order in grades[:students - made]:
            grade = ALL_GRADES[order]
            male = rng.random() < 0.52
            name = surname + names.given(male)
            birth = _birth_date(rng, grade, year)
            number = ids.make(birth, male)
            school = _school_for(rng, grade, school_by_village.get(village_id), schools[0])
            school.students += 1
            class_count = school.class_counts.setdefault(grade, 1 if school is not schools[0] else rng.choice((2, 3)))
            boarder = (grade.stage is Stage.PRIMARY and grade.number >= 3 and school is schools[0]
                       and rng.random() < (0.75 if grade.number >= 4 else 0.35))
            full_pinyin, initials = _keys(name)
            entry = SchoolYear(year - (grade.order - (1 if grade.stage is Stage.PRESCHOOL else 4))).start
            batch.add_student({
                "name": name, "name_pinyin": full_pinyin, "name_initials": initials,
                "sex": "男" if male else "女", "ethnicity": ethnicity, "birth_date": birth, "id_number": number,
                "registry_no": "G" + number, "school_id": school.id, "stage": grade.stage.value,
                "grade": grade.number, "class_name": f"{rng.randint(1, class_count)}班",
                "household_id": household_id, "relation_to_head": "子女",
                "guardian_name": guardian, "guardian_relation": "祖父" if guardian != head_name else "父亲",
                "guardian_phone": phone, "left_behind": parents_away, "boarder": boarder,
                **categories.student(number, disabled=rng.random() < 0.004), "status": EnrollmentStatus.ENROLLED.value,
                "entry_date": min(entry, today), "leave_date": None, "notes": "",
                "created_at": now, "updated_at": now,
            })
            made += 1
        if batch.size >= 2000 or made >= students:
            batch.flush()
            progress.report(0.9 * made / students, translate("Demo", "Creating students: {made} of {total}…").format(
                made=made, total=students))
    batch.flush()

    progress.report(0.92, translate("Demo", "Creating staff…"))
    staff_count = _create_staff(session, actor, rng, names, schools)
    progress.report(0.94, translate("Demo", "Recording transfers and suspensions…"))
    _status_changes(session, actor, rng, today)
    progress.report(0.96, translate("Demo", "Pairing staff with the households they help…"))
    _pairings_and_visits(session, actor, rng, today)
    _school_pairings(session, actor, today)
    progress.report(0.98, translate("Demo", "Posting a year of subsidies…"))
    _ledger_year(session, actor, today)
    _dropout_cases(session, actor, rng, today)
    progress.report(0.99, translate("Demo", "Comparing the household register with the rosters…"))
    # A stream of its own, so that everything above stays as it was.
    _reference_lists(session, actor, random.Random(seed + 17), today)
    _enrollment_approvals(session, actor, today)
    _transfers_and_graduates(session, actor, today)
    progress.report(1.0, translate("Demo", "Done."))
    return DemoResult(students=made, households=household_count, staff=staff_count, schools=len(schools),
                      villages=len(villages))


class _Categories:
    """The 2021-on categories, drawn realistically: every 建档立卡 household a 脱贫户 (lifted 2014–2020) or,
    for some, a 防止返贫监测对象 (脱贫不稳定户); a few others 边缘易致贫户 or 突发严重困难户, a fifth of the
    监测对象 with their risk removed; some 低保 and 特困供养; children orphaned, unsupported, disabled or of a
    martyr here and there. The history columns stay as an older version wrote them."""

    def __init__(self, rng: random.Random, today: dt.date) -> None:
        self.rng = rng
        self.today = today

    def household(self, registered: bool, status: PovertyStatus, poor_year: int | None) -> dict[str, Any]:
        rng = self.rng
        values: dict[str, Any] = {"category": HouseholdCategory.GENERAL.value, "lifted_year": None,
                                  "monitoring_type": "", "monitoring_identified_on": None, "risk_removed_on": None}
        if status is PovertyStatus.MONITORED:
            kind = MonitoringType.UNSTABLE if registered else rng.choice((MonitoringType.MARGINAL, MonitoringType.SUDDEN))
            identified = dt.date(2021, 6, 1) + dt.timedelta(days=rng.randint(0, max(1, (self.today - dt.date(
                2021, 6, 1)).days - 90)))
            values.update(category=HouseholdCategory.MONITORED.value, monitoring_type=kind.value,
                          monitoring_identified_on=identified,
                          lifted_year=rng.randint(poor_year or 2014, 2020) if registered else None)
            if rng.random() < 0.2:
                values["risk_removed_on"] = min(self.today, identified + dt.timedelta(days=rng.randint(180, 900)))
        elif registered:
            values.update(category=HouseholdCategory.LIFTED.value, lifted_year=rng.randint(poor_year or 2014, 2020))
        poorer = values["category"] != HouseholdCategory.GENERAL.value
        values["dibao"] = rng.random() < (0.18 if poorer else 0.03)
        values["tekun"] = rng.random() < (0.03 if poorer else 0.005)
        return values

    def student(self, id_number: str, *, disabled: bool) -> dict[str, Any]:
        rng = self.rng
        disabled = disabled or rng.random() < 0.008
        category = rng.choice(DISABILITY_CATEGORIES) if disabled else ""
        grade = rng.choice(DISABILITY_GRADES) if disabled else ""
        certificate = (f"{id_number}{DISABILITY_CATEGORIES.index(category) + 1}{DISABILITY_GRADES.index(grade) + 1}"
                       if disabled and rng.random() < 0.85 else "")
        orphan = rng.random() < 0.004
        unsupported = not orphan and rng.random() < 0.006
        return {"disability_category": category, "disability_grade": grade, "disability_certificate": certificate,
                "orphan": orphan, "unsupported": unsupported, "parent_disabled": rng.random() < 0.012,
                "martyr_child": rng.random() < 0.0015,
                "in_difficulty": orphan or unsupported or disabled or rng.random() < 0.008}


def _school_for(rng: random.Random, grade: Grade, local: _SchoolInfo | None, central: _SchoolInfo) -> _SchoolInfo:
    if local is None:
        return central
    if grade.stage is Stage.PRESCHOOL:
        return local if local.has_preschool and grade.number == 3 and rng.random() < 0.7 else central
    if grade.number <= local.top_primary_grade and rng.random() < 0.85:
        return local
    return central


# The trail keeps every column but the search keys and the time stamps (see audit_verify.COVERED).
_NOT_AUDITED = ("id", "name_pinyin", "name_initials", "head_pinyin", "head_initials", "created_at", "updated_at")
_MEMBER_FIELDS = ("name", "relation", "sex", "birth_year", "is_main_labourer", "work", "phone")


def _audited(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in _NOT_AUDITED}


class _Batch:
    """Rows with ids given here, inserted a few thousand at a time: one statement per table
    instead of one per record, which makes a county-sized demo take seconds, not minutes."""

    def __init__(self, session: Session, actor: Actor, now: dt.datetime) -> None:
        self.session, self.actor, self.now = session, actor, now
        self.next_id: dict[type[Base], int] = {model: (session.scalar(select(func.max(model.id))) or 0) + 1
                        for model in (Household, HouseholdMember, SkillTraining, Student)}
        self.rows: dict[type[Base], list[dict]] = {model: [] for model in self.next_id}

    @property
    def size(self) -> int:
        return len(self.rows[Student])

    def _add(self, model: type[Base], row: dict) -> int:
        row["id"] = self.next_id[model]
        self.next_id[model] += 1
        self.rows[model].append(row)
        return row["id"]

    def add_household(self, row: dict) -> int:
        return self._add(Household, {**row, "created_at": self.now, "updated_at": self.now})

    def add_member(self, household_id: int, name: str, relation: str, sex: str, birth_year: int,
                   main_labourer: bool, work: str, phone: str = "") -> int:
        return self._add(HouseholdMember, {"household_id": household_id, "name": name, "relation": relation,
                                           "sex": sex, "birth_year": birth_year, "is_main_labourer": main_labourer,
                                           "work": work, "phone": phone})

    def add_skill(self, member_id: int, skill: str, year: int, organiser: str) -> None:
        self._add(SkillTraining, {"member_id": member_id, "skill": skill, "year": year, "organiser": organiser})

    def add_student(self, row: dict) -> None:
        self._add(Student, row)

    def flush(self) -> None:
        skills: dict[int, list[dict]] = {}
        for s in self.rows[SkillTraining]:
            skills.setdefault(s["member_id"], []).append({k: s[k] for k in ("skill", "year", "organiser")})
        members: dict[int, list[dict]] = {}
        for m in self.rows[HouseholdMember]:
            members.setdefault(m["household_id"], []).append(
                {**{k: m[k] for k in _MEMBER_FIELDS}, "skills": skills.get(m["id"], [])})
        audits = [audit.event_values(self.actor, Action.CREATE, "household", r["id"], r["head_name"],
                                     after={**_audited(r), "members": members.get(r["id"], [])})
                  for r in self.rows[Household]]
        audits += [audit.event_values(self.actor, Action.CREATE, "student", r["id"], r["name"], after=_audited(r))
                   for r in self.rows[Student]]
        for model, rows in self.rows.items():
            if rows:
                self.session.execute(insert(model), rows)
                if model is Student:
                    write_search_keys(self.session, rows[0]["id"], rows[-1]["id"])
            rows.clear()
        audit.record_many(self.session, audits)


def _create_staff(session: Session, actor: Actor, rng: random.Random, names: _Names, schools: list[_SchoolInfo]) -> int:
    """A principal (or head) per school, four leadership members at the central school, and about
    one teacher for every 20 students."""
    count = 0
    for index, school in enumerate(schools):
        leaders = 4 if index == 0 else 0
        teachers = max(2, round(school.students / 20))
        for role in [StaffRole.PRINCIPAL] + [StaffRole.LEADERSHIP] * leaders + [StaffRole.TEACHER] * teachers:
            male = rng.random() < 0.45
            add_staff(session, actor, names.adult(rng.choice(SURNAMES), male), school.id, role, _phone(rng),
                      "男" if male else "女")
            count += 1
    return count


def _status_changes(session: Session, actor: Actor, rng: random.Random, today: dt.date) -> None:
    """A few students transferred out or suspended this school year, through the ordinary service."""
    from schoolaid.roster.roster import change_status

    ids = list(session.scalars(select(Student.id).where(Student.stage == Stage.PRIMARY.value).order_by(Student.id)))
    if not ids:
        return
    picked = rng.sample(ids, k=min(len(ids), max(3, len(ids) // 150)))
    year_start = SchoolYear.containing(today).start
    for n, student_id in enumerate(picked):
        when = min(today, year_start + dt.timedelta(days=rng.randrange(1, 60)))
        if n % 3 == 0:
            change_status(session, actor, student_id, EnrollmentStatus.SUSPENDED, when, rng.choice(SUSPENSION_REASONS),
                          today=today)
        else:
            change_status(session, actor, student_id, EnrollmentStatus.TRANSFERRED_OUT, when, "随父母务工地就读",
                          destination=rng.choice(TRANSFER_DESTINATIONS), today=today)


#: Where the demo's primary graduates go on to junior secondary school.
JUNIOR_SCHOOL = "攀枝花市仁和区平地中学"
#: Days before the demo's day that its overdue transfer out was recorded: past the 30-day setting.
OVERDUE_TRANSFER_DAYS = 45


def _transfers_and_graduates(session: Session, actor: Actor, today: dt.date) -> None:
    """Transfers and graduates on show: of the transfers out recorded above, the newest confirmed in the
    学籍系统 and the others 转出待核实; one more transfer out, 45 days ago and still unconfirmed (a suspected
    dropout); a pupil who transferred in, with where from; three pupils of 6年级 who graduated in July
    — one with a confirmed junior school, one whose school is not yet confirmed, one with no destination
    recorded. Left to the end and drawing no random numbers, so that everything before stays as it was."""
    from schoolaid.roster.roster import change_status
    from schoolaid.roster.transfers import (
        Confirmation,
        ConfirmedHow,
        DestinationForm,
        Direction,
        confirm_transfer,
        current_transfers,
        record_destination,
        record_transfer_in,
    )
    from schoolaid.storage.models import Absence, DropoutCase, EnrollmentApproval, StatusChange

    outgoing = [t for t in current_transfers(session) if t.direction is Direction.OUT]
    if len(outgoing) > 1:
        newest = outgoing[0]
        confirm_transfer(session, actor, newest.id, Confirmation(
            ConfirmedHow.REGISTRY.value, f"{newest.school}教务处", min(today, newest.since + dt.timedelta(days=3))),
            today=today)
    untouched = list(session.scalars(
        select(Student.id).where(Student.stage == Stage.PRIMARY.value, Student.status == EnrollmentStatus.ENROLLED.value,
                                 Student.id.not_in(select(StatusChange.student_id)),
                                 Student.id.not_in(select(Absence.student_id)),
                                 Student.id.not_in(select(DropoutCase.student_id)),
                                 Student.id.not_in(select(EnrollmentApproval.student_id)))
        .order_by(Student.grade.desc(), Student.id.desc()).limit(5)))
    if len(untouched) < 5:
        return
    graduated_on = dt.date(today.year if today >= dt.date(today.year, 7, 5) else today.year - 1, 7, 5)
    placed, unconfirmed, unrecorded, moved_away, moved_in = untouched
    for student_id in (placed, unconfirmed, unrecorded):
        change_status(session, actor, student_id, EnrollmentStatus.GRADUATED, graduated_on, "小学毕业", today=today)
    record_destination(session, actor, placed, DestinationForm(
        Direction.NEXT_SCHOOL.value, JUNIOR_SCHOOL, confirmation=Confirmation(
            ConfirmedHow.RECEIPT.value, "平地中学教务处", min(today, graduated_on + dt.timedelta(days=62)))),
        today=today)
    record_destination(session, actor, unconfirmed, DestinationForm(Direction.NEXT_SCHOOL.value, JUNIOR_SCHOOL),
                       today=today)
    change_status(session, actor, moved_away, EnrollmentStatus.TRANSFERRED_OUT,
                  today - dt.timedelta(days=OVERDUE_TRANSFER_DAYS), "随父母务工地就读",
                  destination=TRANSFER_DESTINATIONS[0], today=today)
    record_transfer_in(session, actor, moved_in, *CITY_SCHOOL, SchoolYear.containing(today).start, today=today)


#: The demo's 延缓入学 approvals, by the two bodies the law names.
DEFERRAL_BODIES = (("平地镇人民政府", "平府教〔{year}〕12号"), ("仁和区教育和体育局", "仁教体〔{year}〕41号"))
SUSPENSION_BODY = "仁和区教育和体育局"


def _enrollment_approvals(session: Session, actor: Actor, today: dt.date) -> None:
    """The age rule and the approvals on show: of the over-age preschoolers, two with a 延缓入学 approval in
    force and one whose approval ran out at the start of the school year (the rest stay 应入学); of the 休学
    pupils, one with an approval in force and one whose approval ran out yesterday (the rest have none).
    Left to the end and drawing no random numbers, so that everything before stays as it was."""
    from schoolaid.roster.enrollment_approvals import ApprovalForm, ApprovalKind, Flag, flags, record_approval
    from schoolaid.storage.models import Absence, DropoutCase, StatusChange

    school_year = SchoolYear.containing(today)
    due = sorted(sid for sid, flag in flags(session, today).items() if flag is Flag.DUE_TO_ENROLL)
    for n, student_id in enumerate(due[:3]):
        body, document = DEFERRAL_BODIES[n % 2]
        expired = n == 2
        year = school_year.start_year - 1 if expired else school_year.start_year
        approved = dt.date(year, 6, 20)
        record_approval(session, actor, student_id, ApprovalForm(
            kind=ApprovalKind.DEFERRED.value, approving_body=body, document_no=document.format(year=year),
            approved_on=min(approved, today), ends_on=SchoolYear(year + 1).start), today=today)
    suspended = list(session.execute(
        select(Student.id, func.max(StatusChange.effective_date)).join(StatusChange, StatusChange.student_id == Student.id)
        .where(Student.status == EnrollmentStatus.SUSPENDED.value).group_by(Student.id).order_by(Student.id)))
    yesterday = today - dt.timedelta(days=1)
    if suspended:
        student_id, since = suspended[0]
        record_approval(session, actor, student_id, ApprovalForm(
            kind=ApprovalKind.SUSPENDED.value, approving_body=SUSPENSION_BODY, approved_on=since, reason="因病",
            starts_on=since, ends_on=school_year.end), today=today)
    expiring = next(((sid, since) for sid, since in suspended[1:] if since <= yesterday), None)
    if expiring is not None:
        student_id, since = expiring
        record_approval(session, actor, student_id, ApprovalForm(
            kind=ApprovalKind.SUSPENDED.value, approving_body=SUSPENSION_BODY, approved_on=since,
            reason="因病", starts_on=since, ends_on=yesterday), today=today)
        return
    # Too few 休学 pupils in a small township: one more pupil, untouched so far, on a 休学 run out yesterday.
    untouched = session.scalar(
        select(Student.id).where(Student.stage == Stage.PRIMARY.value,
                                 Student.status == EnrollmentStatus.ENROLLED.value,
                                 Student.id.not_in(select(StatusChange.student_id)),
                                 Student.id.not_in(select(Absence.student_id)),
                                 Student.id.not_in(select(DropoutCase.student_id)))
        .order_by(Student.id).limit(1))
    start = today - dt.timedelta(days=45)
    if untouched is not None:
        record_approval(session, actor, untouched, ApprovalForm(
            kind=ApprovalKind.SUSPENDED.value, approving_body=SUSPENSION_BODY, approved_on=start - dt.timedelta(days=3),
            reason="因病", starts_on=start, ends_on=yesterday), today=today)


VISIT_DONE = (
    "了解孩子在校学习和生活情况，宣讲教育资助政策", "送去大米一袋、食用油一桶", "辅导孩子完成假期作业，检查学习用品",
    "核实家庭收入和务工情况，更新帮扶台账", "送去冬季校服和棉被", "与家长交流孩子的学习习惯，约定每周电话沟通",
    "帮助申请保育教育费资助，讲解所需材料", "陪同家长到镇卫生院办理慢性病卡",
)
VISIT_PROBLEMS = ("", "", "母亲长期患病，家中劳动力不足", "孩子周末无人看管，作业完成差", "住房漏雨需要维修",
                  "家长对资助政策不了解", "", "孩子有厌学情绪")
VISIT_NEXT = ("", "下月再次入户", "联系村委会反映住房问题", "安排班主任每周家访一次", "协调镇农业服务中心提供种植技术培训",
              "寒假前送去学习资料")
LEAVING_REASON = "调往仁和区大河中路小学任教"


def _tiny_png(rng: random.Random) -> bytes:
    """A small valid PNG (a 24×16 coloured block): the demo's stand-in for a photo of a visit."""
    import struct
    import zlib

    width, height = 24, 16
    colour = bytes(rng.randrange(256) for _ in range(3))
    raw = b"".join(b"\x00" + colour * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def _pairings_and_visits(session: Session, actor: Actor, rng: random.Random, today: dt.date) -> None:
    """Pair staff with the households that need it, within the plan's quotas, and log their visits —
    leaving a few deliberate gaps: unpaired households, one helper over quota and some under, a pair
    whose helper left without handing over, and visits overdue."""
    from schoolaid.common.vocabulary import StaffRole
    from schoolaid.pairing import pairing as pairing_rules
    from schoolaid.storage.database import reserve_ids
    from schoolaid.storage.models import Attachment, Household, Pairing, School, Staff, Visit

    needing = list(session.execute(select(Household.id, Household.village_id)
                                   .where(pairing_rules.needs_pair())
                                   .order_by(Household.id)))
    rng.shuffle(needing)
    helpers = session.execute(select(Staff.id, Staff.role, Staff.school_id).where(Staff.active.is_(True))
                              .order_by(Staff.id)).all()
    school_village = {sid: vid for sid, vid in session.execute(select(School.id, School.village_id))}
    keep_unpaired = max(3, len(needing) // 25)
    to_pair = needing[keep_unpaired:]
    # Households near a helper's school go to that helper first, as a township would arrange it.
    by_village: dict[int | None, list[int]] = {}
    for household_id, village_id in to_pair:
        by_village.setdefault(village_id, []).append(household_id)
    assignments: list[tuple[int, int]] = []
    for round_number in range(3):  # everyone one household first, then up to the minimum, then the maximum
        for staff_id, role, school_id in helpers:
            low, high = pairing_rules.quota(role)
            wanted = [1, low, high][round_number] - sum(1 for s, _ in assignments if s == staff_id)
            for _ in range(max(0, wanted)):
                pool = by_village.get(school_village.get(school_id)) or next((v for v in by_village.values() if v), None)
                if not pool:
                    break
                assignments.append((staff_id, pool.pop()))
    teachers = [h for h in helpers if h[1] == StaffRole.TEACHER.value]
    if len(teachers) > 3:
        # One teacher took a third household (over quota); two newcomers have none yet (under quota).
        busy = teachers[0][0]
        held = sum(1 for s, _h in assignments if s == busy)
        spare = list(session.scalars(select(Household.id).where(Household.category == "脱贫户",
                                                                 Household.poverty_status == "已脱贫")
                                     .order_by(Household.id).limit(max(0, 3 - held))))
        assignments += [(busy, h) for h in spare]
        newcomers = {teachers[-1][0], teachers[-2][0]}
        assignments = [(s, h) for s, h in assignments if s not in newcomers]
    pairing_ids = reserve_ids(session, Pairing, len(assignments))
    year_start = SchoolYear.containing(today).start
    rows: list[dict[str, Any]] = []
    for pairing_id, (staff_id, household_id) in zip(pairing_ids, assignments, strict=True):
        start = year_start - dt.timedelta(days=rng.choice((0, 0, 365, 730)) + rng.randrange(30))
        rows.append({"id": pairing_id, "staff_id": staff_id, "household_id": household_id,
                     "start_date": min(start, today), "end_date": None, "end_reason": "", "handed_over_from_id": None,
                     "notes": ""})
    if rows:
        session.execute(insert(Pairing), rows)
    audit.record_many(session, [audit.event_values(actor, Action.CREATE, "pairing", r["id"], "结对帮扶",
                                                   after=_audited(r))
                                for r in rows])

    visit_rows = []
    for number, row in enumerate(rows):
        # Most helpers visit every three to five weeks; one in eight has not been for two months.
        day = today - dt.timedelta(days=rng.randrange(45, 80) if number % 8 == 3 else rng.randrange(1, 28))
        while day >= row["start_date"]:
            visit_rows.append({"staff_id": row["staff_id"], "household_id": row["household_id"], "visit_date": day,
                               "form": "电话" if rng.random() < 0.2 else "入户", "done": rng.choice(VISIT_DONE),
                               "problems": rng.choice(VISIT_PROBLEMS), "next_step": rng.choice(VISIT_NEXT),
                               "recorded_by": actor.name, "recorded_at": utcnow()})
            day -= dt.timedelta(days=rng.randrange(25, 40))
    for visit_id, values in zip(reserve_ids(session, Visit, len(visit_rows)), visit_rows, strict=True):
        values["id"] = visit_id
    if visit_rows:
        session.execute(insert(Visit), visit_rows)
    audit.record_many(session, [audit.event_values(actor, Action.CREATE, "visit", v["id"], "走访", after=_audited(v))
        for v in visit_rows])
    evidence = []
    for values in visit_rows[:: max(1, len(visit_rows) // 12)]:
        data = _tiny_png(rng)
        evidence.append({"owner": "visit", "owner_id": values["id"], "file_name": f"走访照片_{values['visit_date']}.png",
                         "media_type": "image/png", "size": len(data), "sha256": hashlib.sha256(data).hexdigest(),
                         "data": data, "added_by": actor.name, "added_at": utcnow()})
    if evidence:
        for attachment_id, values in zip(reserve_ids(session, Attachment, len(evidence)), evidence, strict=True):
            values["id"] = attachment_id
        session.execute(insert(Attachment), evidence)
        audit.record_many(session, [audit.event_values(actor, Action.CREATE, "attachment", e["id"], e["file_name"],
                                                       after={k: v for k, v in _audited(e).items() if k != "data"})
                                    for e in evidence])

    # One helper moved away and handed the households over properly; another's leaving was entered
    # by hand long ago, without a handover, so the household is paired on paper only.
    from schoolaid.pairing import staff as staff_service

    leaders = [h for h in helpers if h[1] == StaffRole.LEADERSHIP.value]
    paired_teachers = [s for s, _h in assignments if s in {t[0] for t in teachers[1:]}]
    if len(leaders) >= 2 and paired_teachers:
        leaving = leaders[-1][0]
        handed_over = pairing_rules.list_pairings(session, active_on=today, staff_id=leaving)
        staff_service.leave(session, actor, leaving, today - dt.timedelta(days=20), LEAVING_REASON,
                            {p.id: leaders[0][0] for p in handed_over}, today=today)
        gone = paired_teachers[len(paired_teachers) // 2]
        member = session.get(Staff, gone)
        assert member is not None
        before = audit.snapshot(member)
        member.active, member.left_on, member.left_reason = False, today - dt.timedelta(days=60), "退休"
        audit.record(session, actor, Action.UPDATE, "staff", gone, member.name, before=before,
                     after=audit.snapshot(member))


def _school_pairings(session: Session, actor: Actor, today: dt.date) -> None:
    from schoolaid.pairing import school_pairing

    weak = [s for s in township.list_schools(session) if s.kind in (SchoolKind.TEACHING_POINT.value,)
            or s.name == "大龙潭村小学"]
    start = SchoolYear.containing(today).previous().start
    activities = (
        ("送教", "中心校数学教研组到校上示范课两节", "中心校数学教研组"),
        ("听课评课", "听评课四节，指导低年级识字教学", "中心校教导处"),
        ("捐赠", "捐赠图书300册、体育器材一批", "中心校党支部"),
        ("教师培训", "组织村小教师参加中心校信息技术培训", "村小全体教师"),
    )
    for school in weak[:2]:
        pairing_id = school_pairing.pair_school(session, actor, school.id, start, "提高教学质量，帮助改善办学条件",
                                                 today=today)
        for offset, (kind, text, who) in enumerate(activities):
            day = min(today, start + dt.timedelta(days=40 + 75 * offset))
            school_pairing.log_activity(session, actor, pairing_id, day, kind, text, who, today=today)


def _ledger_year(session: Session, actor: Actor, today: dt.date) -> None:
    """A year of subsidies posted month by month, noticed and paid; two mistakes reversed (one of
    them replaced); and gaps: this month's living-cost waiver not yet posted, and children enrolled
    after a batch."""
    from schoolaid.ledger import (
        batches,
        corrections,
        eligibility,
        entry_search,
        posting,
        subsidy_programmes,
        vocabulary,
    )

    this_month = month_start(today)
    month = add_months(this_month, -12)
    while month <= this_month:
        for programme in subsidy_programmes.list_programmes(session, active_only=True):
            if not programme.pays_in(month) or (month == this_month and programme.code == "SHF"):
                continue
            if eligibility.programme_closed(session, programme):
                continue  # 营养改善计划: the demo county is not in the programme
            if programme.per is vocabulary.Per.TERM and month != add_months(Term.containing(month).start, 1):
                continue  # term grants are paid once, in the second month of the term
            day = min(today, dt.date(month.year, month.month, 10))
            result = posting.post(session, actor, programme.id, month, today=day)
            if result.batch_id is not None and month < this_month:
                notice_from = dt.date(month.year, month.month, 16)
                notice_to = nth_working_day(notice_from, batches.notice_working_days(session) + 2)
                batches.record_notice(session, actor, result.batch_id, notice_from, notice_to, DEMO_OBJECTION_PHONE)
                if notice_to + dt.timedelta(days=2) > today:
                    continue  # still to be paid
                batches.record_notice_taken_down(session, actor, result.batch_id, notice_to + dt.timedelta(days=1),
                                                 today=today)
                batches.record_payment(session, actor, result.batch_id, notice_to + dt.timedelta(days=2),
                                      f"{month.year}{month.month:02d}-{result.batch_id:03d}", today=today)
        month = add_months(month, 1)
    entries = entry_search.search_entry_ids(session, entry_search.EntryFilter())
    if len(entries) > 10:
        corrections.reverse(session, actor, entries[-3], "学生已于当月转出，误发，予以冲销")
        corrections.replace(session, actor, entries[-5], 2000, "当月仅在园半月，按半月标准更正")


def _dropout_cases(session: Session, actor: Actor, rng: random.Random, today: dt.date) -> None:
    """Absences and case files in every state: an unexplained absence waiting for its case, a sick
    child (a known reason), a case just opened, one escalated to an enrollment-urging notice whose
    deadline passed (the child counted as a dropout), a child brought back, one taught at home, one
    transferred."""
    from schoolaid.dropout import absences, case_files, case_plans, notices, persuasion, rules
    from schoolaid.dropout.case_files import CaseForm
    from schoolaid.dropout.persuasion import AttemptEntry
    from schoolaid.dropout.vocabulary import CaseStatus, Method, Party, Reason

    off = rules.holidays(session)
    candidates = list(session.scalars(select(Student.id).where(
        Student.stage == Stage.PRIMARY.value, Student.status == EnrollmentStatus.ENROLLED.value,
        Student.grade >= 3, Student.household_id.is_not(None)).order_by(Student.id)))
    if len(candidates) < 7:
        return
    picked = [session.get_one(Student, sid) for sid in rng.sample(candidates, 7)]
    teachers: dict[int, list[Staff]] = {}
    for member in session.scalars(select(Staff).where(Staff.active.is_(True)).order_by(Staff.id)):
        teachers.setdefault(member.school_id, []).append(member)
    township_official = "镇政府 杨副镇长"

    def teacher_of(student: Student) -> Staff | None:
        return rng.choice(teachers[student.school_id]) if teachers.get(student.school_id) else None

    def village_of(student: Student) -> str:
        household = session.get(Household, student.household_id)
        village = session.get(Village, household.village_id) if household is not None else None
        return f"{village.name}村委会 {rng.choice(SURNAMES)}主任" if village is not None else "村委会主任"

    def begin(student: Student, days_back: int, reason: Reason, text: str, *, report: bool = True,
              began_on: dt.date | None = None) -> tuple[int, dt.date]:
        began = began_on or school_days_before(today, days_back, off)
        absence_id = absences.record_absence(session, actor, student.id, began, today=today)
        opened = nth_school_day(began, 5, off)
        teacher = teacher_of(student)
        form = CaseForm(reason_category=reason.value, reason_text=text, class_teacher_id=teacher.id if teacher else None,
                        reported_township_on=opened if report else None)
        return case_files.open_case(session, actor, student.id, absence_id, form, today=opened), opened

    def attempt(case_id: int, day: dt.date, student: Student, method: Method, result: str, *,
                succeeded: bool = False, with_village: bool = False) -> None:
        teacher = teacher_of(student)
        visitors = [f"班主任 {teacher.name}" if teacher else "班主任"]
        parties = [Party.SCHOOL.value]
        if with_village:  # the school, the village committee and the township went together
            visitors += [village_of(student), township_official]
            parties += [Party.VILLAGE.value, Party.TOWNSHIP.value]
        persuasion.log_attempt(session, actor, case_id, AttemptEntry(
            day, "、".join(visitors), f"{student.guardian_name}（监护人）" if student.guardian_name else "学生家长",
            method.value, result, succeeded, tuple(parties)), files=[("入户劝返照片.png", _tiny_png(rng))],
            today=today)

    def plan(case_id: int, student: Student, measures: str) -> None:
        """一人一案: the school's leader, the class teacher and a village cadre answer for the child (no
        draw from ``rng``: the rest of the demo stays as it was)."""
        form = case_plans.plan_form(session, case_id)
        leaders = [m for m in teachers.get(student.school_id, [])
                   if m.role in (StaffRole.PRINCIPAL.value, StaffRole.LEADERSHIP.value)]
        household = session.get(Household, student.household_id)
        village = session.get(Village, household.village_id) if household is not None else None
        form.leader, form.leader_staff_id = (leaders[0].name, leaders[0].id) if leaders else ("校长", None)
        form.teacher = form.teacher or "班主任"
        form.cadre = f"{village.name if village else ''}村委会 {SURNAMES[student.id % len(SURNAMES)]}主任"
        form.measures = measures
        case_plans.save_plan(session, actor, case_id, form, today=today)

    waiting, sick, fresh, escalated, returned, home, moved = picked
    # An unexplained absence of eight school days: the app proposes a case.
    absences.record_absence(session, actor, waiting.id, school_days_before(today, 8, off), today=today)
    # A known reason: not a suspected dropout.
    absences.record_absence(session, actor, sick.id, school_days_before(today, 3, off), reason_known=True,
                           reason="肺炎住院，家长已请假", today=today)

    case_id, opened = begin(fresh, 12, Reason.LEARNING, "成绩跟不上，不愿到校")
    attempt(case_id, opened + dt.timedelta(days=1), fresh, Method.HOME_VISIT,
            "家长表示孩子不愿上学，答应做孩子工作，近日送回学校")

    plan(case_id, fresh, "每周与家长电话沟通一次，班主任安排学习结对帮扶，补习落下的课程")

    case_id, opened = begin(escalated, 55, Reason.MIGRATION, "随父母到昆明打工，在工地帮忙")
    attempt(case_id, opened + dt.timedelta(days=2), escalated, Method.PHONE,
            "电话联系父亲，称年底才回来，孩子暂不返校")
    attempt(case_id, opened + dt.timedelta(days=12), escalated, Method.VILLAGE,
            "村委会与祖父母座谈，讲明义务教育法规定，家长仍未同意返校", with_village=True)
    issued = min(today - dt.timedelta(days=22), opened + dt.timedelta(days=20))
    notice_id = notices.issue_notice(session, actor, case_id, issued, today=today)
    notices.record_receipt(session, actor, notice_id, issued + dt.timedelta(days=1),
                           escalated.guardian_name or "监护人", "由村委会送达，祖父代签", today=today)
    form = case_files.case_form(session, case_id)
    form.township_action, form.village_action = "镇政府下达敦促入学通知书，责令限期送子女返校", "村委会两次上门做家长工作"
    form.current_situation, form.remedies = "仍在昆明，未返校", "返校后安排学习帮扶，补习所缺课程"
    form.reported_bureau_on = issued
    case_files.update_case(session, actor, case_id, form, today=today)
    try:
        case_files.confirm_dropout(session, actor, case_id, today=today)
    except NotAllowed:
        pass  # the absence has not reached the dropout threshold on a date this early in the term

    plan(case_id, escalated, "镇村校三方联合劝返；联系务工地，动员家长送孩子回校；返校后安排补课")
    # Back at school on the last school day at least 63 days (over two months) ago (issue 19): placed 插班,
    # followed up monthly since, with the latest follow-up due (the one before it entered). A holiday that
    # puts that day beyond the follow-up period: back on the first school day after it instead.
    back = school_days_before(today - dt.timedelta(days=62), 1, off)
    if case_plans.months_after(back, rules.setting(session, case_plans.MONTHS_SETTING)) < today:
        back = nth_school_day(today - dt.timedelta(days=91), 1, off)
    case_id, opened = begin(returned, 0, Reason.POVERTY, "家中无人照看弟妹，留家干农活",
                            began_on=school_days_before(back, 10, off))
    attempt(case_id, opened + dt.timedelta(days=1), returned, Method.HOME_VISIT,
            "家长担心费用，讲解了生活补助和营养餐政策，家长表示考虑")
    attempt(case_id, back - dt.timedelta(days=1), returned, Method.TALK, "家长同意送孩子返校，已落实寄宿",
            succeeded=True, with_village=True)
    plan(case_id, returned, "落实生活补助和寄宿，协调村委会帮助照看弟妹，返校后每月跟踪")
    case_files.move_case(session, actor, case_id, CaseStatus.RETURNED, back, today=today, return_date=back,
                         placement=case_plans.Placement.INSERTED.value, placement_grade=returned.grade)
    dues = [due for due in case_plans.follow_up_state(session, case_id).due_dates if due <= today]  # type: ignore[union-attr]
    for due in dues[:-1]:
        case_plans.log_follow_up(session, actor, case_id, case_plans.FollowUpEntry(
            due, case_plans.plan_form(session, case_id).teacher or "班主任", "按时到校，学习状态稳定，已住校", True),
            today=today)

    # 送教上门 is a placement, not a dropout outcome (issue 19): the child's disability record, placed by the
    # county's expert committee, with a visit a week. The stream is drawn as the case it replaces drew it.
    _home_teaching(session, actor, home, [teacher_of(home), teacher_of(home)], _tiny_png(rng), today)

    case_id, opened = begin(moved, 25, Reason.MIGRATION, "随父母外出", report=False)
    attempt(case_id, opened + dt.timedelta(days=2), moved, Method.PHONE, "家长称已在务工地学校就读，学校核实中")
    # A parent's word is no confirmation: the case stays open until the receiving school confirms the transfer.
    form = case_files.case_form(session, case_id)
    form.current_situation = f"家长电话称已在{rng.choice(TRANSFER_DESTINATIONS)}就读，待接收学校核实学籍"
    case_files.update_case(session, actor, case_id, form, today=today)
    plan(case_id, moved, "向务工地教育部门和接收学校核实学籍；核实前按疑似辍学跟踪")


def _home_teaching(session: Session, actor: Actor, child: Student, teachers: list[Staff | None], photo: bytes,
                   today: dt.date) -> None:
    """A child with severe cerebral palsy placed 送教上门 five weeks ago, visited weekly since."""
    since = today - dt.timedelta(days=35)
    form = disabilities.DisabilityForm(
        child.disability_category or "肢体", child.disability_grade or "一级", disabilities.Placement.HOME_TEACHING.value,
        since, since - dt.timedelta(days=5), "重度脑瘫，需专人护理，不能到校就读，安排送教上门，纳入学籍管理")
    disabilities.set_disability(session, actor, child.id, form, today=today)
    names = [teacher.name if teacher is not None else "中心校特教组教师" for teacher in teachers]
    lessons = ("认识颜色与形状，握笔练习", "语文：识字卡片十个，听读儿歌", "数学：数数1–20，康复训练手部抓握",
               "生活适应：穿衣与进餐训练")
    for n, lesson in enumerate(lessons):
        disabilities.log_visit(session, actor, child.id, disabilities.VisitEntry(
            since + dt.timedelta(days=7 * n + 6), names[n % 2], "2", lesson),
            files=[("送教上门照片.png", photo)] if n == 0 else (), today=today)


# --- 四查三比对: the household register of each village, the poverty list, and the differences planted ---

POLICE_STATION = "仁和区公安分局平地派出所"
POVERTY_LIST_SOURCE = "平地镇人民政府（乡村振兴办）"
DEFERRAL = ("仁和区教育和体育局", "仁教体〔{year}〕37号")
CITY_SCHOOL = ("攀枝花市东区炳草岗小学", "攀枝花市东区")


@dataclass
class _RegisterHousehold:
    id: int
    village_id: int | None
    village: str
    head_name: str
    head_birth_year: int | None
    group_name: str
    address: str
    category: str
    monitoring_type: str
    lifted_year: int | None
    identified_on: dt.date | None
    children: list[dict[str, Any]] = field(default_factory=list)  # the roster's students of the household


def _reference_lists(session: Session, actor: Actor, rng: random.Random, today: dt.date) -> None:
    """The household register of each of the ten villages as the police station hands it over (heads
    of household and children 0–17, most of them our students), the township's poverty list, and the
    differences a real comparison turns up, some already checked door to door:

    - two school-age children on no roster (户籍有、学籍无, to check) and a four-year-old in no kindergarten;
    - a boy on the register of 双河村 studying in the city with his parents (checked: 在外地就读);
    - a girl whose enrollment was deferred after heart surgery (checked: 延缓入学, approval until the next
      school year);
    - a household the township identified this autumn as 突发严重困难户 (监测对象) after its house was
      damaged, still 一般户 on the roster (to check and correct)."""
    from schoolaid.reconcile.lists import ListedPerson, store_list
    from schoolaid.reconcile.vocabulary import ListKind

    year = SchoolYear.containing(today).start_year
    names = _Names(rng)
    ids = _IdNumbers(rng)
    homes: dict[int, _RegisterHousehold] = {}
    for (household_id, village_id, village, head, group, address, category, monitoring, lifted,
         identified_on) in session.execute(
            select(Household.id, Household.village_id, Village.name, Household.head_name, Household.group_name,
                   Household.address, Household.category, Household.monitoring_type, Household.lifted_year,
                   Household.monitoring_identified_on)
            .join(Village, Household.village_id == Village.id).order_by(Household.id)):
        homes[household_id] = _RegisterHousehold(household_id, village_id, village, head, None, group, address,
                                                 category, monitoring, lifted, identified_on)
    for household_id, birth_year in session.execute(select(HouseholdMember.household_id, HouseholdMember.birth_year)
                                                    .where(HouseholdMember.relation == "户主")):
        if household_id in homes:
            homes[household_id].head_birth_year = birth_year
    for student in session.execute(select(Student.household_id, Student.name, Student.sex, Student.ethnicity,
                                          Student.birth_date, Student.id_number).order_by(Student.id)):
        if student[0] in homes:
            homes[student[0]].children.append(dict(zip(("name", "sex", "ethnicity", "birth_date", "id_number"),
                                                       student[1:], strict=True)))
        if student[5]:
            ids.used.add(student[5])
    if not homes:
        return
    households = list(homes.values())
    reference_day = SchoolYear(year).age_reference_day

    def child_born(age: int) -> dt.date:
        return SchoolYear(year - age - 1).start + dt.timedelta(days=rng.randrange(365))

    def added(home: _RegisterHousehold, age: int, male: bool) -> dict[str, Any]:
        surname = home.head_name[0] if home.head_name else rng.choice(SURNAMES)
        birth = child_born(age)
        ethnicity = home.children[0]["ethnicity"] if home.children else "汉族"
        child = {"name": surname + names.given(male), "sex": "男" if male else "女", "ethnicity": ethnicity,
                 "birth_date": birth, "id_number": ids.make(birth, male, "510411")}
        home.children.append(child)
        return child

    # The planted children go into households with a pupil already, as brothers and sisters do.
    with_pupils = [h for h in households if h.children]
    rng.shuffle(with_pupils)
    planted: dict[str, tuple[_RegisterHousehold, dict[str, Any]]] = {}
    wanted = (("never_enrolled", 7, True, "大火山村"), ("at_home", 12, False, "乌喇么村"),
              ("kindergarten_age", 4, False, "老村子村"), ("in_the_city", 10, True, "双河村"),
              ("deferred", 6, False, "啊喇村"))
    for key, age, male, village in wanted:
        home = next((h for h in with_pupils if h.village == village and h.id not in {p[0].id for p in planted.values()}),
                    next((h for h in with_pupils if h.id not in {p[0].id for p in planted.values()}), None))
        if home is not None:
            planted[key] = (home, added(home, age, male))
    # Babies and toddlers: on the register, not yet anyone's business.
    for home in households:
        if rng.random() < 0.12:
            added(home, rng.choice((0, 1, 2)), rng.random() < 0.52)

    first_received = today - dt.timedelta(days=45)
    planted_on: dict[str, dt.date] = {}  # the planted children's register, by ID number: when it came
    for order, village_id in enumerate(sorted({h.village_id for h in households if h.village_id is not None})):
        people: list[ListedPerson] = []
        line = 4  # under the register's title rows and header
        for home in (h for h in households if h.village_id == village_id):
            head_birth = dt.date(home.head_birth_year or year - 35, 1, 1) + dt.timedelta(days=rng.randrange(365))
            head_number = ids.make(head_birth, True, "510411")
            household_no = f"5104110{home.id:05d}"
            common: dict[str, Any] = {"village_id": village_id, "group_name": home.group_name, "address": home.address,
                      "household_no": household_no, "head_name": home.head_name, "head_id_number": head_number}
            ethnicity = home.children[0]["ethnicity"] if home.children else "汉族"
            people.append(ListedPerson(home.head_name, line, "男", ethnicity, head_birth, head_number, False,
                                       relation="户主", **common))
            line += 1
            for child in home.children:
                people.append(ListedPerson(child["name"], line, child["sex"], child["ethnicity"], child["birth_date"],
                                           child["id_number"], age_on(child["birth_date"], reference_day) < 18,
                                           relation="子" if child["sex"] == "男" else "女", **common))
                line += 1
        received = min(today, first_received + dt.timedelta(days=3 * order))
        store_list(session, actor, ListKind.HUKOU, people, today=today, source=POLICE_STATION, received_on=received,
                   village_id=village_id, school_year=year,
                   file_name=f"户籍人口_{next(h.village for h in households if h.village_id == village_id)}.xlsx")
        for home, child in planted.values():
            if home.village_id == village_id:
                planted_on[child["id_number"]] = received

    # The township's list of 脱贫户 and 防止返贫监测对象 (risk removed too: they stay on the list, so marked).
    hardship_home = next((h for h in with_pupils if h.category == HouseholdCategory.GENERAL.value
                          and len(h.children) == 1 and h.id not in {p[0].id for p in planted.values()}), None)
    identified = max(SchoolYear(year).start, today - dt.timedelta(days=60))
    poor: list[ListedPerson] = []
    line = 4
    for home in households:
        category, monitoring, lifted, since = home.category, home.monitoring_type, home.lifted_year, home.identified_on
        if home is hardship_home:
            category, monitoring, lifted, since = (HouseholdCategory.MONITORED.value, MonitoringType.SUDDEN.value,
                                                   None, identified)
        elif category not in (HouseholdCategory.LIFTED.value, HouseholdCategory.MONITORED.value):
            continue
        listed: dict[str, Any] = {"village_id": home.village_id, "group_name": home.group_name, "head_name": home.head_name,
                  "category": category, "monitoring_type": monitoring, "lifted_year": lifted, "identified_on": since}
        poor.append(ListedPerson(home.head_name, line, "男", is_child=False, relation="户主", **listed))
        line += 1
        for child in home.children:
            poor.append(ListedPerson(child["name"], line, child["sex"], child["ethnicity"], child["birth_date"],
                                     child["id_number"], True, relation="子" if child["sex"] == "男" else "女",
                                     **listed))
            line += 1
    if poor:
        store_list(session, actor, ListKind.POVERTY, poor, today=today, source=POVERTY_LIST_SOURCE,
                   received_on=min(today, identified + dt.timedelta(days=7)), village_id=None, school_year=year,
                   file_name="脱贫户和监测对象名单.xlsx")

    _demo_checks(session, actor, planted, planted_on, today)


def _demo_checks(session: Session, actor: Actor, planted: dict[str, tuple[_RegisterHousehold, dict[str, Any]]],
                 received: dict[str, dt.date], today: dt.date) -> None:
    """Two differences already checked door to door: the boy studying in the city, the girl whose
    enrollment was deferred. The others are left for the tab to show as work."""
    from schoolaid.reconcile import checks
    from schoolaid.reconcile.vocabulary import CheckResult, DifferenceKind

    year = SchoolYear.containing(today).start_year
    cadre = {village: f"{village}村委会 {surname}文书" for village, surname in zip(VILLAGES, SURNAMES, strict=False)}
    if "in_the_city" in planted:
        home, child = planted["in_the_city"]
        checks.record_check(session, actor, DifferenceKind.NOT_ENROLLED, child["id_number"], checks.CheckForm(
            result=CheckResult.STUDYING_ELSEWHERE.value, checked_by=cadre.get(home.village, "村委会文书"),
            checked_on=min(today, received[child["id_number"]] + dt.timedelta(days=6)),
            school_name=CITY_SCHOOL[0], place=CITY_SCHOOL[1], confirmed_how="学籍系统",
            evidence="全国中小学生学籍信息管理系统查询截图", note=f"随父母在{CITY_SCHOOL[1]}务工地就读，户口仍在本村"),
            today=today)
    if "deferred" in planted:
        home, child = planted["deferred"]
        body, document = DEFERRAL
        checks.record_check(session, actor, DifferenceKind.NOT_ENROLLED, child["id_number"], checks.CheckForm(
            result=CheckResult.DEFERRED.value, checked_by=cadre.get(home.village, "村委会文书"),
            checked_on=min(today, received[child["id_number"]] + dt.timedelta(days=4)),
            approval_body=body, approval_document=document.format(year=year),
            approval_expires_on=dt.date(year + 1, 8, 31),
            evidence="市中心医院诊断证明、延缓入学申请审批表", note="先天性心脏病术后康复，家长申请延缓入学一年"),
            today=today)
