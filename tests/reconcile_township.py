"""A hand-built township for 四查三比对: a few students and households, a household register, a registry
export and a poverty list, planting exactly one difference of each kind and a few near-misses.

Planted (``PLANTED``):
- not_enrolled: 周九, 8 on the register of 波西村, on no roster;
- preschool_not_enrolled: 吴十, 4 on the register, in no kindergarten;
- registry_not_on_roster: 冯十一, on the registry of the central school, not on the roster;
- not_on_registry: 王五, 在读 in 小学 at the central school, not on the registry;
- poverty_not_flagged: 张三, whose ID number is a member's on the poverty list (脱贫户), household 一般户;
- flagged_not_on_list: 李四, whose household is a 脱贫户 on the roster and on no poverty list.
Near-misses that must not show: 赵六 (on the roster without an ID number: matched by name + birth date),
钱七 (the register writes the ID number lowercase with spaces), 孙八 (a kindergarten child: no registry
for preschool), 褚小 (household matched on the poverty list by the head's name and village, same category),
郑大 (17: past school age), a baby, an adult head, 李四 on the registry under his 学籍号 only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.orm import Session

from schoolaid.accounts.audit import Actor
from schoolaid.reconcile.lists import ListedPerson, store_list
from schoolaid.reconcile.vocabulary import DifferenceKind, ListKind
from schoolaid.roster import households, roster
from schoolaid.roster.households import HouseholdForm
from schoolaid.roster.idnumber import make_number
from schoolaid.storage.database import Database
from tests.conftest import TODAY, school_id, student_form, village_id

REGISTER_RECEIVED = dt.date(2026, 10, 1)
REGISTRY_RECEIVED = dt.date(2026, 9, 15)
POVERTY_RECEIVED = dt.date(2026, 10, 10)


def number(birth: dt.date, sequence: int) -> str:
    return make_number("510411", birth, sequence)


ZHANG = number(dt.date(2016, 3, 2), 3)  # student_form's number for 张三 (sequence 1, male)
LI = number(dt.date(2015, 5, 5), 11)
WANG = number(dt.date(2014, 1, 1), 13)
ZHAO = number(dt.date(2017, 2, 2), 15)
QIAN = number(dt.date(2016, 7, 7), 17)
SUN = number(dt.date(2022, 1, 1), 19)
CHU = number(dt.date(2015, 9, 9), 21)
ZHOU = number(dt.date(2018, 4, 4), 23)
WU = number(dt.date(2022, 6, 6), 25)
FENG = number(dt.date(2016, 8, 8), 27)
ZHENG = number(dt.date(2009, 1, 1), 29)
BABY = number(dt.date(2025, 1, 1), 31)

PLANTED: dict[DifferenceKind, str] = {
    DifferenceKind.NOT_ENROLLED: "周九",
    DifferenceKind.PRESCHOOL_NOT_ENROLLED: "吴十",
    DifferenceKind.REGISTRY_NOT_ON_ROSTER: "冯十一",
    DifferenceKind.NOT_ON_REGISTRY: "王五",
    DifferenceKind.POVERTY_NOT_FLAGGED: "张三",
    DifferenceKind.FLAGGED_NOT_ON_LIST: "李四",
}


def _add_list(session: Session, actor: Actor, kind: ListKind, received_on: dt.date, village: int | None,
              people: list[dict[str, Any]]) -> int:
    listed = [ListedPerson(row=row, **person) for row, person in enumerate(people, start=4)]
    return store_list(session, actor, kind, listed, today=TODAY, source="测试", received_on=received_on,
                      village_id=village, school_year=2026).id


def build(db: Database, actor: Actor) -> dict[str, int]:
    """Fills ``township_db`` (conftest) and returns the students' ids by name."""
    bx = village_id(db, "波西村")
    lz = village_id(db, "辣子哨村")
    central = school_id(db, "平地镇中心校")
    village_school = school_id(db, "波西村小学")

    def household(head: str, village: int, **categories: Any) -> int:
        return db.run(households.create_household, actor,
                      HouseholdForm(head_name=head, village_id=village, group_name="3", **categories), today=TODAY)

    zhang_home = household("张大山", bx)
    li_home = household("李大", bx, category="脱贫户", lifted_year=2016)
    chu_home = household("褚大", lz, category="防止返贫监测对象", monitoring_type="边缘易致贫户",
                         monitoring_identified_on=dt.date(2024, 5, 1))

    def add(form_changes: dict[str, Any], confirmed: tuple[str, ...] = ()) -> int:
        form = student_form(db, **form_changes)
        return db.run(roster.add_student, actor, form, confirmed=confirmed, today=TODAY)

    ids = {
        "张三": add({"household_id": zhang_home}),
        "李四": add({"name": "李四", "birth": dt.date(2015, 5, 5), "id_number": LI, "grade": 5,
                     "registry_no": "L510411201505050011", "household_id": li_home}),
        "王五": add({"name": "王五", "birth": dt.date(2014, 1, 1), "id_number": WANG, "grade": 6}),
        "赵六": add({"name": "赵六", "birth": dt.date(2017, 2, 2), "id_number": "", "grade": 3},
                    confirmed=("id.missing",)),
        "钱七": add({"name": "钱七", "birth": dt.date(2016, 7, 7), "id_number": QIAN, "grade": 4}),
        "孙八": add({"name": "孙八", "birth": dt.date(2022, 1, 1), "id_number": SUN, "stage": "学前", "grade": 2,
                     "school_id": village_school}),
        "褚小": add({"name": "褚小", "birth": dt.date(2015, 9, 9), "id_number": CHU, "grade": 5,
                     "school_id": village_school, "household_id": chu_home}),
    }

    def child(name: str, birth: dt.date, id_number: str | None, **more: Any) -> dict[str, Any]:
        return {"name": name, "birth_date": birth, "id_number": id_number, "is_child": True, "village_id": bx,
                "group_name": "3组", **more}

    def register(session: Session) -> None:
        _add_list(session, actor, ListKind.HUKOU, REGISTER_RECEIVED, bx, [
            {**child("张大山", dt.date(1985, 1, 1), None), "is_child": False, "relation": "户主",
             "head_name": "张大山"},
            child("张三", dt.date(2016, 3, 2), ZHANG, head_name="张大山", relation="子女"),
            child("李四", dt.date(2015, 5, 5), LI, head_name="李大"),
            child("赵六", dt.date(2017, 2, 2), ZHAO, head_name="赵大"),
            child("钱七", dt.date(2016, 7, 7), f"{QIAN[:6]} {QIAN[6:14]} {QIAN[14:].lower()}", head_name="钱大"),
            child("孙八", dt.date(2022, 1, 1), SUN, head_name="孙大"),
            child("周九", dt.date(2018, 4, 4), ZHOU, head_name="周大"),
            child("吴十", dt.date(2022, 6, 6), WU, head_name="吴大"),
            child("郑大", dt.date(2009, 1, 1), ZHENG, head_name="郑老"),
            child("宝宝", dt.date(2025, 1, 1), BABY, head_name="周大"),
        ])
        _add_list(session, actor, ListKind.REGISTRY, REGISTRY_RECEIVED, None, [
            {"name": "张三", "birth_date": dt.date(2016, 3, 2), "id_number": ZHANG, "registry_no": f"G{ZHANG}",
             "school_id": central, "school_name": "平地镇中心校", "grade_text": "四年级"},
            {"name": "李四", "birth_date": None, "id_number": None, "registry_no": "L510411201505050011",
             "school_id": central, "school_name": "平地镇中心校", "grade_text": "五年级"},
            {"name": "赵六", "birth_date": dt.date(2017, 2, 2), "id_number": ZHAO, "registry_no": f"G{ZHAO}",
             "school_id": central, "school_name": "平地镇中心校", "grade_text": "三年级"},
            {"name": "钱七", "birth_date": dt.date(2016, 7, 7), "id_number": QIAN, "registry_no": f"G{QIAN}",
             "school_id": None, "school_name": "平地镇中心校", "grade_text": "四年级"},
            {"name": "冯十一", "birth_date": dt.date(2016, 8, 8), "id_number": FENG, "registry_no": f"G{FENG}",
             "school_id": central, "school_name": "平地镇中心校", "grade_text": "四年级"},
        ])
        _add_list(session, actor, ListKind.POVERTY, POVERTY_RECEIVED, None, [
            {"name": "张二嫂", "birth_date": dt.date(1987, 2, 2), "id_number": ZHANG, "is_child": False,
             "village_id": bx, "head_name": "张大山", "category": "脱贫户", "lifted_year": 2016},
            {"name": "褚大", "birth_date": None, "id_number": None, "is_child": False, "village_id": lz,
             "head_name": "褚大", "category": "防止返贫监测对象", "monitoring_type": "边缘易致贫户"},
            {"name": "陈某", "birth_date": None, "id_number": None, "is_child": False, "village_id": lz,
             "head_name": "陈某", "category": "脱贫户"},
        ])

    db.run(register)
    return ids
