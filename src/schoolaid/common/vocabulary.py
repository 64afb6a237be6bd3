"""The fixed words of the domain. Values are stored in the database as the Chinese terms schools use
(so an exported or inspected database reads naturally); ``label()`` gives the word in the UI language.
"""

from __future__ import annotations

import enum

from schoolaid.common.i18n import translate


class Sex(str, enum.Enum):
    MALE = "男"
    FEMALE = "女"

    def label(self) -> str:
        return {Sex.MALE: translate("Vocabulary", "Male"), Sex.FEMALE: translate("Vocabulary", "Female")}[self]


class PovertyStatus(str, enum.Enum):
    NOT_POOR = "一般户"
    POOR = "未脱贫"
    LIFTED = "已脱贫"
    MONITORED = "监测户"

    def label(self) -> str:
        return {
            PovertyStatus.NOT_POOR: translate("Vocabulary", "Not poor"),
            PovertyStatus.POOR: translate("Vocabulary", "Poor, not yet lifted"),
            PovertyStatus.LIFTED: translate("Vocabulary", "Lifted out of poverty"),
            PovertyStatus.MONITORED: translate("Vocabulary", "Under monitoring"),
        }[self]


class SchoolKind(str, enum.Enum):
    CENTRAL = "中心校"
    TOWNSHIP_PRIMARY = "镇属小学"
    VILLAGE = "村小"
    TEACHING_POINT = "教学点"
    KINDERGARTEN = "幼儿园"

    def label(self) -> str:
        return {
            SchoolKind.CENTRAL: translate("Vocabulary", "Central school"),
            SchoolKind.TOWNSHIP_PRIMARY: translate("Vocabulary", "Township primary school"),
            SchoolKind.VILLAGE: translate("Vocabulary", "Village school"),
            SchoolKind.TEACHING_POINT: translate("Vocabulary", "Teaching point"),
            SchoolKind.KINDERGARTEN: translate("Vocabulary", "Kindergarten"),
        }[self]


class StaffRole(str, enum.Enum):
    PRINCIPAL = "校长"
    LEADERSHIP = "班子成员"
    TEACHER = "教师"

    def label(self) -> str:
        return {
            StaffRole.PRINCIPAL: translate("Vocabulary", "Principal"),
            StaffRole.LEADERSHIP: translate("Vocabulary", "Leadership member"),
            StaffRole.TEACHER: translate("Vocabulary", "Teacher"),
        }[self]


class Relation(str, enum.Enum):
    """A person's relation to the household head (与户主关系)."""

    HEAD = "户主"
    SPOUSE = "配偶"
    CHILD = "子女"
    GRANDCHILD = "孙子女"
    PARENT = "父母"
    GRANDPARENT = "祖父母"
    SIBLING = "兄弟姐妹"
    OTHER = "其他"

    def label(self) -> str:
        return {
            Relation.HEAD: translate("Vocabulary", "Household head"),
            Relation.SPOUSE: translate("Vocabulary", "Spouse"),
            Relation.CHILD: translate("Vocabulary", "Child"),
            Relation.GRANDCHILD: translate("Vocabulary", "Grandchild"),
            Relation.PARENT: translate("Vocabulary", "Parent"),
            Relation.GRANDPARENT: translate("Vocabulary", "Grandparent"),
            Relation.SIBLING: translate("Vocabulary", "Sibling"),
            Relation.OTHER: translate("Vocabulary", "Other"),
        }[self]


# The 56 ethnic groups in the order of GB 3304, most common in the Renhe area first for quick choice.
ETHNICITIES = (
    "汉族", "彝族", "傈僳族", "苗族", "白族", "回族", "傣族", "纳西族", "藏族", "蒙古族", "维吾尔族",
    "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "土家族", "哈尼族", "哈萨克族", "黎族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "景颇族", "柯尔克孜族", "土族", "达斡尔族",
    "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族",
    "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)
