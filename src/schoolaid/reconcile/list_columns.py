"""The columns of the lists handed over for 四查三比对, by kind: what each Chinese header means.

The aliases are the names seen on the household registers police stations print (公民身份号码,
与户主关系, 户号), the village committees' own sheets (户编号, 关系, 组别, 村组), the 脱贫户 and
防止返贫监测对象 lists of the rural revitalisation bureau (户主身份证号, 家庭成员, 监测对象类别, 识别时间)
and the national student registry's exports (全国学籍号, 身份证件号, 学校名称). Finding the header and
reading the rows is ``documents.sheet_header``'s, as for the roster.
"""

from __future__ import annotations

import enum

from schoolaid.common.i18n import translate
from schoolaid.documents.sheet_header import ColumnNames
from schoolaid.reconcile.vocabulary import ListKind


class ListField(str, enum.Enum):
    NAME = "name"
    SEX = "sex"
    ETHNICITY = "ethnicity"
    BIRTH_DATE = "birth_date"
    ID_NUMBER = "id_number"
    VILLAGE = "village"
    GROUP = "group_name"
    ADDRESS = "address"
    HOUSEHOLD_NO = "household_no"
    HEAD = "head_name"
    HEAD_ID = "head_id_number"
    RELATION = "relation"
    CATEGORY = "category"
    LIFTED_YEAR = "lifted_year"
    IDENTIFIED_ON = "identified_on"
    REGISTRY_NO = "registry_no"
    SCHOOL = "school"
    GRADE = "grade"
    CLASS = "class_name"

    def label(self) -> str:
        return {
            ListField.NAME: translate("ListColumns", "Name"),
            ListField.SEX: translate("ListColumns", "Sex"),
            ListField.ETHNICITY: translate("ListColumns", "Ethnicity"),
            ListField.BIRTH_DATE: translate("ListColumns", "Birth date"),
            ListField.ID_NUMBER: translate("ListColumns", "ID number"),
            ListField.VILLAGE: translate("ListColumns", "Village"),
            ListField.GROUP: translate("ListColumns", "Village group"),
            ListField.ADDRESS: translate("ListColumns", "Address"),
            ListField.HOUSEHOLD_NO: translate("ListColumns", "Household no."),
            ListField.HEAD: translate("ListColumns", "Household head"),
            ListField.HEAD_ID: translate("ListColumns", "Head's ID number"),
            ListField.RELATION: translate("ListColumns", "Relation to the head"),
            ListField.CATEGORY: translate("ListColumns", "Category"),
            ListField.LIFTED_YEAR: translate("ListColumns", "Year lifted"),
            ListField.IDENTIFIED_ON: translate("ListColumns", "Date identified"),
            ListField.REGISTRY_NO: translate("ListColumns", "Registry no."),
            ListField.SCHOOL: translate("ListColumns", "School"),
            ListField.GRADE: translate("ListColumns", "Grade"),
            ListField.CLASS: translate("ListColumns", "Class"),
        }[self]


# The longest text each column may hold: a row with a longer cell is rejected, saying so.
MAX_LENGTH: dict[ListField, int] = {
    ListField.NAME: 50, ListField.SEX: 10, ListField.ETHNICITY: 20, ListField.BIRTH_DATE: 30,
    ListField.ID_NUMBER: 30, ListField.VILLAGE: 100, ListField.GROUP: 32, ListField.ADDRESS: 200,
    ListField.HOUSEHOLD_NO: 32, ListField.HEAD: 50, ListField.HEAD_ID: 30, ListField.RELATION: 16,
    ListField.CATEGORY: 30, ListField.LIFTED_YEAR: 20, ListField.IDENTIFIED_ON: 30, ListField.REGISTRY_NO: 32,
    ListField.SCHOOL: 64, ListField.GRADE: 16, ListField.CLASS: 16,
}

_NAME = ("姓名", "成员姓名", "人员姓名", "家庭成员姓名", "人口姓名")
_SEX = ("性别",)
_ETHNICITY = ("民族",)
_BIRTH = ("出生日期", "出生年月", "出生年月日", "生日", "出生时间")
_ID = ("公民身份号码", "身份证号", "身份证号码", "身份证件号", "身份证件号码", "证件号码", "证件号", "居民身份证号",
       "居民身份证号码", "成员身份证号", "成员身份证号码", "人员身份证号")
_HEAD_ID = ("户主身份证号", "户主身份证号码", "户主公民身份号码", "户主证件号码", "户主身份证件号")
_VILLAGE = ("村", "行政村", "所在村", "村名", "村社区", "所属村", "村别", "村委会", "村名称", "户籍所在村")
_GROUP = ("组", "组别", "村组", "村民小组", "所在组", "小组", "社", "组名")
_ADDRESS = ("住址", "现住址", "户籍地址", "家庭住址", "居住地址", "地址", "户籍所在地", "详细地址", "家庭地址",
            "住址详址", "户口所在地")
_HOUSEHOLD_NO = ("户号", "户编号", "户籍编号", "户口编号", "家庭编号")
_HEAD = ("户主姓名", "户主")
_RELATION = ("与户主关系", "关系", "与户主的关系", "家庭关系", "与户主关系名称")

# Columns about someone other than the person of the row (a 户主's ID number is not the child's).
_OTHERS = ("户主", "监护人", "家长", "父亲", "母亲", "联系人")
_OWN = {ListField.NAME, ListField.ID_NUMBER, ListField.BIRTH_DATE, ListField.SEX, ListField.ETHNICITY,
        ListField.REGISTRY_NO}

HUKOU_ALIASES: dict[ListField, tuple[str, ...]] = {
    ListField.HOUSEHOLD_NO: _HOUSEHOLD_NO, ListField.HEAD: _HEAD, ListField.HEAD_ID: _HEAD_ID,
    ListField.RELATION: _RELATION, ListField.NAME: _NAME, ListField.SEX: _SEX, ListField.ETHNICITY: _ETHNICITY,
    ListField.BIRTH_DATE: _BIRTH, ListField.ID_NUMBER: _ID, ListField.VILLAGE: _VILLAGE, ListField.GROUP: _GROUP,
    ListField.ADDRESS: _ADDRESS,
}

POVERTY_ALIASES: dict[ListField, tuple[str, ...]] = {
    ListField.HOUSEHOLD_NO: _HOUSEHOLD_NO, ListField.HEAD: _HEAD, ListField.HEAD_ID: _HEAD_ID,
    ListField.NAME: ("家庭成员", "成员姓名", "姓名", "家庭成员姓名", "人员姓名", "成员"),
    ListField.RELATION: _RELATION, ListField.SEX: _SEX, ListField.ETHNICITY: _ETHNICITY,
    ListField.BIRTH_DATE: _BIRTH, ListField.ID_NUMBER: _ID,
    ListField.CATEGORY: ("类别", "户类型", "户类别", "监测对象类别", "监测对象类型", "家庭类别", "家庭类型", "户属性",
                         "农户属性", "监测类型", "帮扶对象类别", "人口类型", "对象类别", "脱贫户类型"),
    ListField.LIFTED_YEAR: ("脱贫年度", "脱贫年份", "脱贫时间", "脱贫年"),
    ListField.IDENTIFIED_ON: ("识别时间", "识别日期", "纳入监测时间", "纳入时间", "识别年月", "纳入监测日期"),
    ListField.VILLAGE: _VILLAGE, ListField.GROUP: _GROUP, ListField.ADDRESS: _ADDRESS,
}

REGISTRY_ALIASES: dict[ListField, tuple[str, ...]] = {
    ListField.REGISTRY_NO: ("全国学籍号", "学籍号", "学籍号码", "国网学籍号", "学生学籍号", "全国学籍号码", "学籍辅号"),
    ListField.NAME: ("姓名", "学生姓名", "幼儿姓名"),
    ListField.SEX: _SEX, ListField.ETHNICITY: _ETHNICITY, ListField.BIRTH_DATE: _BIRTH,
    ListField.ID_NUMBER: ("身份证件号", "身份证件号码", *_ID),
    ListField.SCHOOL: ("学校名称", "学校", "就读学校", "所在学校", "学校名", "学校标识码名称"),
    ListField.GRADE: ("年级", "就读年级", "所在年级", "年级名称"),
    ListField.CLASS: ("班级", "班级名称", "班别", "班", "所在班级", "班号"),
    ListField.ADDRESS: ("现住址", "家庭住址", "户口所在地", "户籍所在地", "住址", "家庭地址"),
}

COLUMNS: dict[ListKind, ColumnNames[ListField]] = {
    ListKind.HUKOU: ColumnNames(HUKOU_ALIASES, required=(ListField.NAME,), others=_OTHERS, own_fields=_OWN),
    # A poverty list may give one row per household: its 户主 is then the person of the row.
    ListKind.POVERTY: ColumnNames(POVERTY_ALIASES, required=(ListField.NAME, ListField.HEAD), others=_OTHERS,
                                  own_fields=_OWN),
    ListKind.REGISTRY: ColumnNames(REGISTRY_ALIASES, required=(ListField.NAME,), others=_OTHERS, own_fields=_OWN),
}


def fields_of(kind: ListKind) -> tuple[ListField, ...]:
    """The fields a list of this kind may give, in the order of the aliases (for the mapping's choices)."""
    return tuple(COLUMNS[kind].aliases)
