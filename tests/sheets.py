"""Messy roster workbooks, as schools really send them, built by the tests themselves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl

from schoolaid.roster.idnumber import make_number


def id_for(birth: dt.date, sequence: int, male: bool = True) -> str:
    return make_number("510411", birth, sequence * 2 + (1 if male else 0))


def registry_export(path: Path, rows: list[list[object]], *, header: list[str] | None = None,
                    title: str = "平地镇中心校2026年秋季学期学生花名册", footer: bool = True) -> Path:
    """Title row merged across, a "填报单位" row, the header, the students, then totals and signatures."""
    header = header or ["序号", "姓名", "性别", "民族", "出生日期", "身份证号", "学校", "年级", "班级", "监护人",
                        "联系电话", "家庭住址", "是否建档立卡", "是否留守儿童", "是否寄宿生"]
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "学生名单"
    sheet.append([title])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    sheet.append(["填报单位：平地镇中心校", None, None, None, "填报日期：2026年9月1日"])
    sheet.append(header)
    for number, row in enumerate(rows, start=1):
        sheet.append([number, *row])
    if footer:
        sheet.append([])
        sheet.append(["合计", f"{len(rows)}人"])
        sheet.append(["制表人：李老师", None, None, "审核人：王校长"])
    workbook.save(path)
    return path


def student_row(name: str, birth: dt.date, sequence: int, *, male: bool = True, school: str = "平地镇中心校",
                grade: str = "四年级", klass: str = "1班", guardian: str = "张大山", phone: str = "139 1234 5678",
                address: str = "平地镇波西村3组", poor: str = "是", left_behind: str = "", boarder: str = "√",
                id_number: object = None, birth_cell: object = None) -> list[object]:
    return [name, "男" if male else "女", "汉族", birth_cell if birth_cell is not None else birth,
            id_number if id_number is not None else id_for(birth, sequence, male), school, grade, klass, guardian,
            phone, address, poor, left_behind, boarder]
