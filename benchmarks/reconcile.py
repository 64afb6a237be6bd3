"""四查三比对 at the size of a real township: a 50,000-person household register (people of all ages,
every student of the roster among them, some children on no roster) imported and compared with a
5,000-student township, against a bare read of the same file.

    python benchmarks/reconcile.py [--people 50000] [--students 5000]

Prints the bare read by python-calamine (the floor: what any import must at least do), the import
(read and plan, write in one transaction), the comparison (``differences``, the counts per village,
the ledgers' 比对 status) and the ratio of import + compare to the floor. Aim: import + compare well
under 10 s.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import openpyxl
import python_calamine
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from schoolaid.accounts.audit import Actor  # noqa: E402
from schoolaid.demo import SURNAMES, create_demo_township  # noqa: E402
from schoolaid.reconcile import differences, list_import  # noqa: E402
from schoolaid.reconcile.vocabulary import ListKind  # noqa: E402
from schoolaid.roster.idnumber import make_number  # noqa: E402
from schoolaid.storage.database import Database, open_database  # noqa: E402
from schoolaid.storage.models import Household, Student, Village  # noqa: E402

HEADER = ["户号", "户主姓名", "与户主关系", "姓名", "性别", "民族", "出生日期", "公民身份号码", "住址"]
GIVEN = "明华丽芳伟强敏静军杰娟秀英"


def _students(db: Database) -> list[tuple[str, dt.date, str | None, str, str, str]]:
    """(name, birth, ID number, head, village, group) of every student of the demo township."""
    def read(session):  # type: ignore[no-untyped-def]
        return session.execute(
            select(Student.name, Student.birth_date, Student.id_number, Household.head_name, Village.name,
                   Household.group_name)
            .outerjoin(Household, Student.household_id == Household.id)
            .outerjoin(Village, Household.village_id == Village.id)).all()
    return [(r[0], r[1], r[2], r[3] or "", r[4] or "波西村", r[5] or "1组") for r in db.query(read)]


def make_register(path: Path, db: Database, people: int, today: dt.date) -> int:
    """The register as a police station hands it over: title rows, a row per person of every age.
    Every student is on it; the rest are households' adults and some children on no roster. Returns
    how many children on no roster it holds."""
    rng = random.Random(17)
    students = _students(db)
    villages = sorted({s[4] for s in students})
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("户籍人口")
    sheet.append(["平地镇户籍人口花名册"])
    sheet.append([f"制表单位：平地镇派出所    制表日期：{today:%Y年%m月%d日}"])
    sheet.append(HEADER)
    used = {s[2] for s in students if s[2]}
    household = 0
    written = 0
    unlisted_children = 0

    def new_number(birth: dt.date, male: bool) -> str:
        while True:
            number = make_number("510411", birth, rng.randrange(500) * 2 + (1 if male else 0))
            if number not in used:
                used.add(number)
                return number

    for name, birth, number, head, village, group in students:
        household += 1
        sheet.append([f"{household:08d}", head or name, "子女", name, "", "汉族", birth.isoformat(), number or "",
                      f"平地镇{village}{group}"])
        written += 1
    while written < people:
        household += 1
        village = rng.choice(villages)
        surname = rng.choice(SURNAMES)
        head = surname + rng.choice(GIVEN) + rng.choice(GIVEN)
        size = rng.randint(2, 6)
        for member in range(size):
            if written >= people:
                break
            child = member >= 2 and rng.random() < 0.25
            if child:
                birth = today - dt.timedelta(days=rng.randrange(1, 16 * 365))
                unlisted_children += 1
            else:
                birth = today - dt.timedelta(days=rng.randrange(19 * 365, 85 * 365))
            male = rng.random() < 0.5
            name = head if member == 0 else surname + rng.choice(GIVEN) + rng.choice(GIVEN)
            relation = "户主" if member == 0 else ("子女" if child else rng.choice(("配偶", "父母", "兄弟姐妹")))
            sheet.append([f"{household:08d}", head, relation, name, "男" if male else "女", "汉族",
                          birth.strftime(rng.choice(("%Y-%m-%d", "%Y%m%d", "%Y.%m.%d"))), new_number(birth, male),
                          f"平地镇{village}{rng.randint(1, 9)}组"])
            written += 1
    sheet.append(["合计", f"{written}人"])
    workbook.save(path)
    return unlisted_children


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=50_000)
    parser.add_argument("--students", type=int, default=5_000)
    args = parser.parse_args()
    today = dt.date.today()
    actor = Actor("benchmark")
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(Path(folder) / "reconcile.sqlite")
        start = time.perf_counter()
        db.run(create_demo_township, actor, students=args.students, seed=7, today=today)
        print(f"demo township of {args.students:,} students: {time.perf_counter() - start:6.2f} s")
        path = Path(folder) / "户籍.xlsx"
        unlisted = make_register(path, db, args.people, today)
        print(f"register: {args.people:,} people ({unlisted:,} children on no roster), "
              f"{path.stat().st_size / 1e6:.1f} MB")

        start = time.perf_counter()
        rows = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
        floor = time.perf_counter() - start
        print(f"bare read (python-calamine):      {floor:6.2f} s  ({len(rows):,} rows)  ← the floor")

        start = time.perf_counter()
        plan = db.query(list_import.read_and_plan, path, ListKind.HUKOU, today=today)
        planned = time.perf_counter() - start
        start = time.perf_counter()
        db.run(list_import.apply_list, actor, plan, today=today, source="平地镇派出所", received_on=today,
               village_id=None)
        written = time.perf_counter() - start
        summary = plan.summary_json()
        print(f"import: read and plan every row   {planned:6.2f} s  ({summary['people']:,} kept, "
              f"{summary['children']:,} children, {len(summary['rejected']):,} rejected)")
        print(f"        write in one transaction  {written:6.2f} s")

        start = time.perf_counter()
        found = db.query(differences.differences, today)
        compared = time.perf_counter() - start
        start = time.perf_counter()
        villages = db.query(differences.open_counts_by_village, today)
        counted = time.perf_counter() - start
        start = time.perf_counter()
        status = db.query(differences.child_status, today)
        statuses = time.perf_counter() - start
        kinds = Counter(d.kind.value for d in found)
        print(f"compare: differences()            {compared:6.2f} s  ({len(found):,}: "
              + ", ".join(f"{kind} {n:,}" for kind, n in sorted(kinds.items())) + ")")
        print(f"         open counts per village  {counted:6.2f} s  ({len(villages)} villages)")
        print(f"         child_status (ledgers)   {statuses:6.2f} s  ({len(status.by_key):,} children)")
        total = planned + written + compared
        print(f"import + compare                  {total:6.2f} s  = {total / floor:.1f}× the bare read "
              f"(aim: well under 10 s)")
        db.close()


if __name__ == "__main__":
    main()
