"""The columns of a roster sheet: what each Chinese header means, and where the header row is.

Schools' sheets put a title and "填报单位" rows above the header, merge header cells, and name the
same column in several ways (身份证号, 身份证件号, 证件号码 …). The aliases below are the names seen
in the national registry's exports and in sheets teachers type.
"""

from __future__ import annotations

import enum

from schoolaid.common.i18n import translate
from schoolaid.documents.sheet_header import ColumnNames, Header, clean_header
from schoolaid.documents.spreadsheet import Sheet

__all__ = ["ALIASES", "COLUMNS", "MAX_LENGTH", "Field", "Header", "auto_mapping", "clean_header", "find_header"]


class Field(str, enum.Enum):
    NAME = "name"
    SEX = "sex"
    ETHNICITY = "ethnicity"
    BIRTH_DATE = "birth_date"
    ID_NUMBER = "id_number"
    REGISTRY_NO = "registry_no"
    SCHOOL = "school"
    GRADE = "grade"
    CLASS = "class_name"
    VILLAGE = "village"
    ADDRESS = "address"
    HEAD = "head_name"
    GUARDIAN = "guardian_name"
    GUARDIAN_RELATION = "guardian_relation"
    PHONE = "guardian_phone"
    HOUSEHOLD_CATEGORY = "category"
    LIFTED = "lifted"  # 是否脱贫户 (and the old 是否建档立卡)
    LIFTED_YEAR = "lifted_year"
    MONITORED = "monitored"
    MONITORING_TYPE = "monitoring_type"
    DIBAO = "dibao"
    TEKUN = "tekun"
    LEFT_BEHIND = "left_behind"
    BOARDER = "boarder"
    ORPHAN = "orphan"
    UNSUPPORTED = "unsupported"
    DISABILITY = "disability_category"
    DISABILITY_GRADE = "disability_grade"
    DISABILITY_CERTIFICATE = "disability_certificate"
    PARENT_DISABLED = "parent_disabled"
    MARTYR_CHILD = "martyr_child"
    IN_DIFFICULTY = "in_difficulty"
    ENTRY_DATE = "entry_date"
    NOTES = "notes"

    def label(self) -> str:
        return {
            Field.NAME: translate("RosterColumns", "Name"),
            Field.SEX: translate("RosterColumns", "Sex"),
            Field.ETHNICITY: translate("RosterColumns", "Ethnicity"),
            Field.BIRTH_DATE: translate("RosterColumns", "Birth date"),
            Field.ID_NUMBER: translate("RosterColumns", "ID number"),
            Field.REGISTRY_NO: translate("RosterColumns", "Registry no."),
            Field.SCHOOL: translate("RosterColumns", "School"),
            Field.GRADE: translate("RosterColumns", "Grade"),
            Field.CLASS: translate("RosterColumns", "Class"),
            Field.VILLAGE: translate("RosterColumns", "Village"),
            Field.ADDRESS: translate("RosterColumns", "Home address"),
            Field.HEAD: translate("RosterColumns", "Household head"),
            Field.GUARDIAN: translate("RosterColumns", "Guardian"),
            Field.GUARDIAN_RELATION: translate("RosterColumns", "Guardian's relation"),
            Field.PHONE: translate("RosterColumns", "Phone"),
            Field.HOUSEHOLD_CATEGORY: translate("RosterColumns", "Household category"),
            Field.LIFTED: translate("RosterColumns", "Lifted out of poverty"),
            Field.LIFTED_YEAR: translate("RosterColumns", "Year lifted"),
            Field.MONITORED: translate("RosterColumns", "Monitored household"),
            Field.MONITORING_TYPE: translate("RosterColumns", "Monitoring type"),
            Field.DIBAO: translate("RosterColumns", "Minimum living allowance"),
            Field.TEKUN: translate("RosterColumns", "Extreme-poverty support"),
            Field.LEFT_BEHIND: translate("RosterColumns", "Left-behind"),
            Field.BOARDER: translate("RosterColumns", "Boarder"),
            Field.ORPHAN: translate("RosterColumns", "Orphan"),
            Field.UNSUPPORTED: translate("RosterColumns", "De facto unsupported"),
            Field.DISABILITY: translate("RosterColumns", "Disability"),
            Field.DISABILITY_GRADE: translate("RosterColumns", "Disability grade"),
            Field.DISABILITY_CERTIFICATE: translate("RosterColumns", "Disability certificate no."),
            Field.PARENT_DISABLED: translate("RosterColumns", "Child of a disabled parent"),
            Field.MARTYR_CHILD: translate("RosterColumns", "Child of a martyr"),
            Field.IN_DIFFICULTY: translate("RosterColumns", "Child in difficulty"),
            Field.ENTRY_DATE: translate("RosterColumns", "Entry date"),
            Field.NOTES: translate("RosterColumns", "Notes"),
        }[self]


# The longest text each column may hold, and why: a row with a longer cell is rejected, saying so.
# (A 10,000,000-character "name" is not a name; nor would the exports and printouts hold it.)
MAX_LENGTH: dict[Field, tuple[int, str]] = {
    Field.NAME: (50, "names: the longest Chinese names run to 15 characters, transliterated minority names to 40"),
    Field.SEX: (10, "男 or 女, or a word such as 男性"),
    Field.ETHNICITY: (20, "the longest of the 56 names, with 族"),
    Field.BIRTH_DATE: (30, "a date in any spelling"),
    Field.ID_NUMBER: (30, "18 characters, with room for spaces typed in"),
    Field.REGISTRY_NO: (30, "the national registry number is G + 18 characters"),
    Field.SCHOOL: (100, "the full official name of a school"),
    Field.GRADE: (30, "一年级, 2021级 …"),
    Field.CLASS: (30, "三年级2班 …"),
    Field.VILLAGE: (100, "a village, with its township and county"),
    Field.ADDRESS: (200, "a full postal address"),
    Field.HEAD: (50, "a name"),
    Field.GUARDIAN: (50, "a name"),
    Field.GUARDIAN_RELATION: (20, "父子, 祖孙 …"),
    Field.PHONE: (30, "a mobile or a landline with area code and extension, separators included"),
    Field.HOUSEHOLD_CATEGORY: (30, "防止返贫监测对象 and the like, or a monitoring type"),
    Field.LIFTED: (20, "a yes or no"),
    Field.LIFTED_YEAR: (20, "a year, 2016 or 2016年"),
    Field.MONITORED: (20, "a yes or no"),
    Field.MONITORING_TYPE: (30, "脱贫不稳定户 and the like"),
    Field.DIBAO: (20, "a yes or no"),
    Field.TEKUN: (20, "a yes or no"),
    Field.LEFT_BEHIND: (20, "a yes or no"),
    Field.BOARDER: (20, "a yes or no"),
    Field.ORPHAN: (20, "a yes or no"),
    Field.UNSUPPORTED: (20, "a yes or no"),
    Field.DISABILITY: (100, "a category and its grade"),
    Field.DISABILITY_GRADE: (20, "一级 … 四级"),
    Field.DISABILITY_CERTIFICATE: (40, "the certificate number: 20 characters or so"),
    Field.PARENT_DISABLED: (20, "a yes or no"),
    Field.MARTYR_CHILD: (20, "a yes or no"),
    Field.IN_DIFFICULTY: (20, "a yes or no"),
    Field.ENTRY_DATE: (30, "a date in any spelling"),
    Field.NOTES: (500, "a remark, not a document"),
}


# Header names as they appear in sheets, after clean_header(). The first alias of each field is
# the name SchoolAid writes in its own exports.
ALIASES: dict[Field, tuple[str, ...]] = {
    Field.NAME: ("姓名", "学生姓名", "幼儿姓名", "儿童姓名", "名字", "学生名字"),
    Field.SEX: ("性别", "学生性别"),
    Field.ETHNICITY: ("民族",),
    Field.BIRTH_DATE: ("出生日期", "出生年月", "出生年月日", "生日", "出生时间"),
    Field.ID_NUMBER: ("身份证号", "身份证号码", "身份证件号", "身份证件号码", "证件号码", "证件号", "公民身份号码",
                      "居民身份证号", "居民身份证号码", "学生身份证号", "学生身份证号码"),
    Field.REGISTRY_NO: ("学籍号", "全国学籍号", "学籍号码", "国网学籍号", "学生学籍号", "全国学籍号码"),
    Field.SCHOOL: ("学校", "学校名称", "就读学校", "所在学校", "学校名"),
    Field.GRADE: ("年级", "就读年级", "所在年级"),
    Field.CLASS: ("班级", "班别", "班", "所在班级", "班级名称"),
    Field.VILLAGE: ("村", "所在村", "村名", "行政村", "户籍所在村", "村社区", "所属村", "村别"),
    Field.ADDRESS: ("家庭住址", "现住址", "家庭地址", "住址", "户籍地址", "居住地址", "现居住地址", "家庭现住址",
                    "户籍所在地", "地址"),
    Field.HEAD: ("户主", "户主姓名"),
    Field.GUARDIAN: ("监护人", "监护人姓名", "家长姓名", "家长", "法定监护人", "第一监护人", "父亲姓名", "母亲姓名"),
    Field.GUARDIAN_RELATION: ("与学生关系", "监护人关系", "与监护人关系", "关系", "监护人与学生关系"),
    Field.PHONE: ("联系电话", "电话", "手机", "手机号", "手机号码", "家长电话", "监护人电话", "联系方式",
                  "家长联系电话", "监护人联系电话", "电话号码"),
    Field.HOUSEHOLD_CATEGORY: ("家庭类别", "家庭类型", "户类别", "户类型", "农户类别", "户属性", "家庭经济类别"),
    Field.LIFTED: ("是否脱贫户", "脱贫户", "是否脱贫家庭", "脱贫家庭", "是否原建档立卡户", "是否建档立卡",
                   "建档立卡户", "建档立卡", "是否建档立卡户", "建档立卡贫困户", "是否建档立卡贫困户", "是否贫困户",
                   "建档立卡学生", "是否建档立卡学生", "是否脱贫户学生", "脱贫户学生"),
    Field.LIFTED_YEAR: ("脱贫年度", "脱贫年份", "脱贫时间", "脱贫年"),
    Field.MONITORED: ("是否监测对象", "监测对象", "是否防止返贫监测对象", "防止返贫监测对象", "是否监测户", "监测户",
                      "是否防返贫监测对象", "是否防止返贫致贫对象"),
    Field.MONITORING_TYPE: ("监测类型", "监测对象类型", "监测对象类别", "监测户类型"),
    Field.DIBAO: ("是否低保", "是否低保户", "低保户", "低保", "是否低保家庭", "低保家庭"),
    Field.TEKUN: ("是否特困", "是否特困供养", "特困供养", "是否特困户", "特困户", "特困", "是否特困供养户",
                  "特困供养户", "特困供养人员"),
    Field.LEFT_BEHIND: ("是否留守儿童", "留守儿童", "是否留守", "留守"),
    Field.BOARDER: ("是否寄宿生", "寄宿生", "是否寄宿", "是否住校", "住校", "寄宿"),
    Field.ORPHAN: ("孤儿", "是否孤儿"),
    Field.UNSUPPORTED: ("事实无人抚养", "事实无人抚养儿童", "是否事实无人抚养儿童", "是否事实无人抚养", "事实孤儿"),
    Field.DISABILITY: ("残疾类别", "残疾类型", "残疾情况"),
    Field.DISABILITY_GRADE: ("残疾等级", "残疾级别"),
    Field.DISABILITY_CERTIFICATE: ("残疾证号", "残疾人证号", "残疾证号码", "残疾人证号码"),
    Field.PARENT_DISABLED: ("残疾人子女", "是否残疾人子女", "父母残疾"),
    Field.MARTYR_CHILD: ("烈士子女", "是否烈士子女"),
    Field.IN_DIFFICULTY: ("困境儿童", "是否困境儿童"),
    Field.ENTRY_DATE: ("入学日期", "入学年月", "入学时间"),
    Field.NOTES: ("备注",),
}

# Columns about someone other than the student: their ID number or birth date is not the child's.
COLUMNS: ColumnNames[Field] = ColumnNames(
    ALIASES, required=(Field.NAME,), others=("监护人", "家长", "父亲", "母亲", "户主", "联系人"),
    own_fields={Field.NAME, Field.ID_NUMBER, Field.BIRTH_DATE, Field.SEX, Field.ETHNICITY, Field.REGISTRY_NO})


def auto_mapping(labels: list[str]) -> dict[int, Field]:
    """Each field from the column that names it most surely (leftmost on a tie)."""
    return COLUMNS.auto_mapping(labels)


def find_header(sheet: Sheet) -> Header[Field] | None:
    """The row with most recognised column names among the first rows, if it names the student."""
    return COLUMNS.find_header(sheet)
