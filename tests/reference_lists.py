"""The lists of 四查三比对 as villages, police stations and the registry really hand them over, built
by the tests themselves (and by the demo's and the benchmark's tests): household registers of people
of all ages under title rows and a two-row merged header, with IDs Excel turned into numbers, a
lowercase x, a person listed twice and a footer; the same as a GBK CSV; poverty lists; registry exports.

``make_register_people`` makes the people (households with a head, a spouse, children, sometimes a
grandparent or a grown-up child); ``write_hukou_workbook`` / ``write_hukou_csv`` write them;
``messy_register`` does both and plants the usual faults, returning what an import must find.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import openpyxl

from schoolaid.common.grades import age_on
from schoolaid.roster.idnumber import make_number

REGION = "510411"
SURNAMES = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何罗高林"
GIVEN = ("明", "红", "伟", "芳", "军", "丽", "强", "敏", "静", "磊", "洋", "艳", "勇", "娟", "杰", "霞", "涛", "燕",
         "超", "秀", "鹏", "玲", "浩", "婷", "宇", "欣", "俊", "佳", "晨", "雪")


@dataclass(frozen=True)
class RegisterPerson:
    """One person of a household register as the builder means them (what an import should read)."""

    household_no: str
    head_name: str
    relation: str  # 户主, 配偶, 子, 女, 孙子, 父亲 …
    name: str
    male: bool
    birth_date: dt.date
    id_number: str | None
    village: str
    group: str  # 3组
    ethnicity: str = "汉族"
    id_cell: object = None  # what the ID cell holds when it is not the clean number (a float, a lowercase x …)

    @property
    def is_head(self) -> bool:
        return self.relation == "户主"

    def age_on(self, day: dt.date) -> int:
        return age_on(self.birth_date, day)

    def is_child_on(self, day: dt.date) -> bool:
        return self.birth_date > day or self.age_on(day) < 18


class _Numbers:
    """Well-formed, distinct ID numbers: a sequence of its own for each birth date."""

    def __init__(self, region: str) -> None:
        self.region = region
        self.used: dict[dt.date, int] = {}

    def next(self, birth: dt.date, male: bool) -> str:
        n = self.used.get(birth, 0)
        self.used[birth] = n + 1
        return make_number(self.region, birth, 2 * (n % 490) + 10 + (1 if male else 0))


def _birth(rng: random.Random, day: dt.date, low: int, high: int) -> dt.date:
    """A birth date giving an age from ``low`` to ``high`` on ``day``."""
    start = day.replace(year=day.year - high - 1) + dt.timedelta(days=1)
    end = day.replace(year=day.year - low)
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def make_register_people(village: str, households: int, *, reference_day: dt.date, seed: int = 1,
                         region: str = REGION, first_household: int = 1, groups: int = 6,
                         numbers: _Numbers | None = None) -> list[RegisterPerson]:
    """``households`` families of ``village``: each a head (30–60) and a spouse, 0–4 children (0–17 on
    ``reference_day``, often school age), sometimes a grandparent or a grown-up child (18–25). Names
    are distinct within the village; every person has a well-formed ID number."""
    rng = random.Random(f"{village}-{seed}")
    numbers = numbers or _Numbers(region)
    people: list[RegisterPerson] = []
    names: set[str] = set()

    def name(surname: str) -> str:
        for _ in range(200):
            candidate = surname + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.8 else "")
            if candidate not in names:
                names.add(candidate)
                return candidate
        candidate = f"{surname}{rng.choice(GIVEN)}{len(names)}"
        names.add(candidate)
        return candidate

    for index in range(households):
        number = f"{first_household + index:05d}"
        group = f"{1 + index % groups}组"
        surname = rng.choice(SURNAMES)
        head = name(surname)
        male_head = rng.random() < 0.85
        head_birth = _birth(rng, reference_day, 30, 60)
        family = [("户主", head, male_head, head_birth)]
        if rng.random() < 0.9:
            family.append(("配偶", name(rng.choice(SURNAMES)), not male_head, _birth(rng, reference_day, 28, 58)))
        for _ in range(rng.choice((0, 1, 1, 2, 2, 2, 3, 4))):
            male = rng.random() < 0.5
            family.append(("子" if male else "女", name(surname), male, _birth(rng, reference_day, 0, 17)))
        if rng.random() < 0.3:
            male = rng.random() < 0.5
            family.append(("父亲" if male else "母亲", name(surname), male, _birth(rng, reference_day, 60, 85)))
        if rng.random() < 0.15:
            male = rng.random() < 0.5
            family.append(("子" if male else "女", name(surname), male, _birth(rng, reference_day, 18, 25)))
        for relation, person, male, birth in family:
            people.append(RegisterPerson(number, head, relation, person, male, birth, numbers.next(birth, male),
                                         village, group))
    return people


def make_township_people(villages: Sequence[str], households: int, *, reference_day: dt.date, seed: int = 1,
                         region: str = REGION) -> list[RegisterPerson]:
    """``households`` families in each of ``villages``, with ID numbers and household numbers distinct
    across the township (a police station's register of the whole township)."""
    numbers = _Numbers(region)
    people: list[RegisterPerson] = []
    for position, village in enumerate(villages):
        people += make_register_people(village, households, reference_day=reference_day, seed=seed, region=region,
                                       first_household=1 + position * households, numbers=numbers)
    return people


HUKOU_HEADER_TOP = ["户号", "户主姓名", "家庭成员情况", None, None, None, None, None, "住址（组）"]
HUKOU_HEADER = ["户号", "户主姓名", "与户主关系", "姓名", "性别", "民族", "出生日期", "公民身份号码", "住址（组）"]


def _id_cell(person: RegisterPerson) -> object:
    return person.id_cell if person.id_cell is not None else (person.id_number or "")


def _address(person: RegisterPerson, township: str) -> str:
    return f"{township}{person.village}{person.group}"


def write_hukou_workbook(path: Path, people: Sequence[RegisterPerson], *, township: str = "平地镇",
                         village: str | None = None, station: str = "平地派出所", merge_households: bool = True,
                         footer: bool = True, sheet_title: str = "户籍人口") -> Path:
    """A register as a police station prints it: the title ("平地镇波西村户籍人口花名册", merged across),
    a "填报单位" row, a two-row header (家庭成员情况 merged over six columns, 户号 / 户主姓名 / 住址
    merged down), a row per person with 户号 and 户主姓名 merged down over the household, then the
    total and the signatures. Birth dates as date cells, some as text (2015.03.02, 20150302)."""
    village = village if village is not None else (people[0].village if people else "")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    width = len(HUKOU_HEADER)
    sheet.append([f"{township}{village}户籍人口花名册"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.append([f"填报单位：{station}", None, None, None, None, "填报日期：2026年10月8日"])
    sheet.append(HUKOU_HEADER_TOP)
    sheet.append([None, None, *HUKOU_HEADER[2:8], None])
    for column in (1, 2, width):
        sheet.merge_cells(start_row=3, start_column=column, end_row=4, end_column=column)
    sheet.merge_cells(start_row=3, start_column=3, end_row=3, end_column=8)
    row = 5
    start = row
    for position, person in enumerate(people):
        birth: object = person.birth_date
        if position % 7 == 3:
            birth = person.birth_date.strftime("%Y.%m.%d")
        elif position % 7 == 5:
            birth = person.birth_date.strftime("%Y%m%d")
        sheet.append([person.household_no, person.head_name, person.relation, person.name,
                      "男" if person.male else "女", person.ethnicity, birth, _id_cell(person),
                      _address(person, township)])
        cell = sheet.cell(row=row, column=8)
        if isinstance(cell.value, str):
            cell.number_format = "@"
        last_of_household = position + 1 == len(people) or people[position + 1].household_no != person.household_no
        if last_of_household:
            if merge_households and row > start:
                for column in (1, 2):
                    sheet.merge_cells(start_row=start, start_column=column, end_row=row, end_column=column)
            start = row + 1
        row += 1
    if footer:
        sheet.append([])
        sheet.append(["合计", f"{len(people)}人"])
        sheet.append(["制表人：王警官", None, None, None, "审核人：李所长"])
    workbook.save(path)
    return path


def write_hukou_csv(path: Path, people: Sequence[RegisterPerson], *, township: str = "平地镇",
                    encoding: str = "gbk", village_column: bool = True) -> Path:
    """The same register as a village committee's CSV (GBK, as Excel on a Chinese Windows saves it):
    a title line, then 户编号 / 户主 / 关系 / 姓名 / 性别 / 民族 / 出生年月 / 身份证号 / 村 / 组别."""
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([f"{township}户籍人口登记表"])
        header = ["户编号", "户主", "关系", "姓名", "性别", "民族", "出生年月", "身份证号"]
        header += ["村", "组别"] if village_column else ["现住址"]
        writer.writerow(header)
        for person in people:
            place = [person.village, person.group] if village_column else [_address(person, township)]
            writer.writerow([person.household_no, person.head_name, person.relation, person.name,
                             "男" if person.male else "女", person.ethnicity, person.birth_date.strftime("%Y-%m-%d"),
                             _id_cell(person), *place])
        writer.writerow(["合计", f"{len(people)}人"])
    return path


@dataclass
class RegisterExpectation:
    """What an import of a messy register must find."""

    people: list[RegisterPerson]  # as meant (the duplicate once)
    kept: int  # children and household heads
    children: int
    dropped: int  # other adults
    rejected: dict[int, str] = field(default_factory=dict)  # Excel row → name
    merged: dict[int, int] = field(default_factory=dict)  # Excel row → the row it is merged into
    cleaned: dict[str, str] = field(default_factory=dict)  # name → the ID number read from a messy cell


FIRST_DATA_ROW = 5  # in write_hukou_workbook: title, 填报单位, two header rows


def messy_register(path: Path, *, village: str = "波西村", households: int = 900, reference_day: dt.date,
                   seed: int = 1, township: str = "平地镇") -> RegisterExpectation:
    """A register of a few thousand people of all ages (900 households: about 3,000 people) with the
    usual faults: two children's ID numbers turned into floats by Excel (rejected), one with a bad
    check digit (rejected), one typed with a lowercase x and one with spaces (cleaned), one child
    listed twice (merged), and the footer. Written with ``write_hukou_workbook``."""
    people = make_register_people(village, households, reference_day=reference_day, seed=seed)
    # only numbers of digits alone: Excel cannot take one ending in X for a number
    children = [n for n, p in enumerate(people) if p.is_child_on(reference_day) and (p.id_number or "X").isdigit()]
    rng = random.Random(seed)
    picked = rng.sample(children, 5)
    expectation = RegisterExpectation(people=list(people), kept=0, children=0, dropped=0)
    twice = picked[4]  # this child is listed twice: the copy right after the original

    def row_of(position: int) -> int:
        return FIRST_DATA_ROW + position + (1 if position > twice else 0)

    written = list(people)
    for position in picked[:2]:
        person = people[position]
        assert person.id_number is not None
        written[position] = replace(person, id_cell=float(person.id_number))
        expectation.rejected[row_of(position)] = person.name
    person = people[picked[2]]
    assert person.id_number is not None
    wrong = "0" if person.id_number[-1] != "0" else "1"
    written[picked[2]] = replace(person, id_cell=person.id_number[:-1] + wrong)
    expectation.rejected[row_of(picked[2])] = person.name
    x_child = next(n for n, p in enumerate(people) if p.is_child_on(reference_day) and (p.id_number or "").endswith("X"))
    person = people[x_child]
    number = person.id_number or ""
    written[x_child] = replace(person, id_cell=number.lower())
    expectation.cleaned[person.name] = number
    person = people[picked[3]]
    number = person.id_number or ""
    written[picked[3]] = replace(person, id_cell=f"{number[:6]} {number[6:14]} {number[14:]}")
    expectation.cleaned[person.name] = number
    written.insert(twice + 1, people[twice])
    expectation.merged[row_of(twice) + 1] = row_of(twice)
    for position, person in enumerate(written):
        row = FIRST_DATA_ROW + position
        if row in expectation.rejected or row in expectation.merged:
            continue
        if person.is_child_on(reference_day):
            expectation.kept += 1
            expectation.children += 1
        elif person.is_head:
            expectation.kept += 1
        else:
            expectation.dropped += 1
    write_hukou_workbook(path, written, township=township, village=village)
    return expectation


# --- poverty lists and registry exports ---------------------------------------------------------------


@dataclass(frozen=True)
class PovertyMember:
    head_name: str
    head_id: str
    name: str
    id_number: str
    relation: str
    category: str  # 脱贫户, 脱贫不稳定户, 边缘易致贫户, 突发严重困难户
    lifted_year: str = ""  # 脱贫年度, as written
    identified_on: str = ""  # 识别时间, as written
    village: str = "波西村"


def poverty_members(people: Sequence[RegisterPerson], categories: dict[str, str],
                    years: dict[str, str] | None = None) -> list[PovertyMember]:
    """The members of the register's households whose head is in ``categories`` (head's name → category);
    ``years``: head's name → the 脱贫年度 (a 脱贫户) or the 识别时间 (a 监测对象), as written."""
    years = years or {}
    heads = {p.household_no: p for p in people if p.is_head}
    members = []
    for person in people:
        head = heads.get(person.household_no)
        if head is None or head.name not in categories or person.id_number is None or head.id_number is None:
            continue
        year = years.get(head.name, "")
        lifted = categories[head.name] == "脱贫户"
        members.append(PovertyMember(head.name, head.id_number, person.name, person.id_number, person.relation,
                                     categories[head.name], year if lifted else "", "" if lifted else year,
                                     person.village))
    return members


def write_poverty_workbook(path: Path, members: Sequence[PovertyMember], *, title: str = "平地镇脱贫户及防止返贫监测对象名单",
                           footer: bool = True) -> Path:
    """The rural revitalisation bureau's list: 村 / 户主 / 户主身份证号 / 家庭成员 / 身份证号 / 与户主关系 /
    类别 / 脱贫年度 / 识别时间, a title row above; the category and years written on the head's row only."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "名单"
    header = ["序号", "村", "户主", "户主身份证号", "家庭成员", "身份证号", "与户主关系", "类别", "脱贫年度", "识别时间"]
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(header)
    for number, member in enumerate(members, start=1):
        on_head_row = member.relation == "户主"
        sheet.append([number, member.village, member.head_name, member.head_id, member.name, member.id_number,
                      member.relation, *((member.category, member.lifted_year, member.identified_on) if on_head_row
                                         else ("", "", ""))])
        for column in (4, 6):
            sheet.cell(row=sheet.max_row, column=column).number_format = "@"
    if footer:
        sheet.append(["合计", f"{len(members)}人"])
    workbook.save(path)
    return path


@dataclass(frozen=True)
class RegistryStudent:
    name: str
    male: bool
    birth_date: dt.date
    id_number: str
    school: str
    grade: str = "四年级"
    class_name: str = "1班"
    registry_no: str = ""  # G + the ID number unless given


def write_registry_workbook(path: Path, students: Sequence[RegistryStudent]) -> Path:
    """The national registry's export (学生信息): 全国学籍号 / 姓名 / 性别 / 出生日期 / 身份证件号 /
    学校名称 / 年级 / 班级, under the system's title row."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "学生信息"
    sheet.append(["全国中小学生学籍信息管理系统 学生信息导出"])
    sheet.append(["全国学籍号", "姓名", "性别", "出生日期", "身份证件类型", "身份证件号", "学校名称", "年级", "班级"])
    for student in students:
        sheet.append([student.registry_no or f"G{student.id_number}", student.name, "男" if student.male else "女",
                      student.birth_date.isoformat(), "居民身份证", student.id_number, student.school, student.grade,
                      student.class_name])
    workbook.save(path)
    return path
