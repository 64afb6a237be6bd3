"""The shipped subsidy standards and rules, each row with the published source it is taken from
(checked in docs/sources/student-aid-2024.md; third-party mirrors unless said otherwise). This is
the ONE table of amounts and dates: migration 0010 ships its rows, and a school adds later standards
through ``subsidy_programmes.add_standard`` (a new row from a date; posted entries never change).

Pure data: no database, no clock, no Qt.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

# --- Sources, named once ----------------------------------------------------------------------------

SRC_2011_BOARDERS = ("2011年秋季学期起寄宿生生活补助小学每生每天4元、初中5元（每学期按125天计，年1000/1250元）："
                     "国务院营养改善计划会议报道，2011-11-26")
SRC_2019_NONBOARDERS = ("2019年秋季学期起家庭经济困难非寄宿生按寄宿生国家基础标准50%核定（小学500元、初中625元），"
                        "四类对象：建档立卡（脱贫）家庭、家庭经济困难残疾学生、农村低保、农村特困供养："
                        "承德市2019-05、陕西省（中国教育报2019-08-15）转述；国家文件文号未查到")
SRC_2024_RISE = ("从2024年春季学期起小学由1000元提高到1250元、初中由1250元提高到1500元，"
                 "非寄宿生继续按50%核定：财政部下达2024年城乡义务教育补助经费公告（中新社2024-05-07）；文号未查到")
SRC_2021_NUTRITION = ("自2021年秋季学期起膳食补助由每生每天4元提高至5元：财政部、教育部《关于深入实施农村义务教育学生"
                      "营养改善计划的通知》（证券时报2021-10-08转述）；文号未查到。以食品提供，不发现金")
SRC_NUTRITION_4 = ("每生每天4元：2021年通知所述的原标准（“由4元提高至5元”）；4元标准的起始日期资料未载，"
                   "此处自2014年11月起，请核对")
SRC_PRESCHOOL = ("学前教育资助“地方先行、中央补助”，标准由各省确定：攀枝花市教育和体育局2016-10-20；"
                 "金额请按本省标准在资助项目中填写")
SRC_FREE_PRESCHOOL = ("国办发〔2025〕27号《关于逐步推行免费学前教育的意见》：从2025年秋季学期起免除公办幼儿园学前一年"
                      "（大班）在园儿童保育教育费；四川不得“先收后退”")
SRC_NOTICE_DAYS = ("公示期限不少于5个工作日：教育部《中等职业学校学生资助工作指南》；义务教育阶段未查到全国统一规定"
                   "（有地方用7天），故为可调设置")

# --- Categories a programme's condition may name (any-of) ------------------------------------------

#: Household categories and flags, then student categories; "认定" is the assessment of need
#: (家庭经济困难学生认定, the hardship module), "认定寄宿生" the same for boarders only.
HOUSEHOLD_CATEGORIES = ("脱贫户", "防止返贫监测对象", "低保", "特困")
STUDENT_CATEGORIES = ("孤儿", "事实无人抚养", "残疾", "残疾人子女", "烈士子女", "留守", "困境")
ASSESSED = "认定"
ASSESSED_BOARDER = "认定寄宿生"
ALL_CATEGORIES = (*HOUSEHOLD_CATEGORIES, *STUDENT_CATEGORIES, ASSESSED, ASSESSED_BOARDER)

#: The living-cost subsidy's groups: the four groups of non-boarders of 2019 (source above) and
#: the assessed boarders. Provinces may widen it: it is the programme's category list, editable.
LIVING_SUBSIDY_CATEGORIES = ("脱贫户", "防止返贫监测对象", "低保", "特困", "残疾", ASSESSED_BOARDER)

# --- Settings (the national practice as default) -----------------------------------------------------

#: Minimum 公示 in working days (SRC_NOTICE_DAYS).
NOTICE_DAYS_SETTING = "ledger.notice_working_days"
DEFAULT_NOTICE_WORKING_DAYS = 5
#: Whether the county is in the nutrition programme (not found for 仁和区): "1" on, anything else off.
NUTRITION_SETTING = "ledger.nutrition_county"
#: The programmes that pay only where a setting says so: code → (setting key).
PROGRAMME_SETTINGS = {"YYGS": NUTRITION_SETTING}

# --- 大班 保育教育费 free from autumn 2025 (SRC_FREE_PRESCHOOL) ------------------------------------------

#: The programmes that waive the 保育教育费: from this day, 大班 (preschool grade 3) children are no
#: longer offered them: the fee is free for every child, not aid.
FEE_WAIVER_PROGRAMMES = ("BYJY",)
FREE_LAST_PRESCHOOL_YEAR_FROM = dt.date(2025, 9, 1)
LAST_PRESCHOOL_GRADE = 3


# --- The shipped standards ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Standard:
    code: str  # the programme's
    effective_from: dt.date
    stage: str  # "" for every stage of the programme
    boarder: str  # "yes", "no", or "" for either
    amount_fen: int
    unit: str  # month, year (a term pays half), day (per school day)
    source: str


SHIPPED_STANDARDS: tuple[Standard, ...] = (
    # 义务教育家庭经济困难学生生活补助 (national base; provinces may add to it)
    Standard("SHBZ", dt.date(2011, 9, 1), "小学", "yes", 100000, "year", SRC_2011_BOARDERS),
    Standard("SHBZ", dt.date(2011, 9, 1), "初中", "yes", 125000, "year", SRC_2011_BOARDERS),
    Standard("SHBZ", dt.date(2019, 9, 1), "小学", "no", 50000, "year", SRC_2019_NONBOARDERS),
    Standard("SHBZ", dt.date(2019, 9, 1), "初中", "no", 62500, "year", SRC_2019_NONBOARDERS),
    Standard("SHBZ", dt.date(2024, 2, 1), "小学", "yes", 125000, "year", SRC_2024_RISE),
    Standard("SHBZ", dt.date(2024, 2, 1), "初中", "yes", 150000, "year", SRC_2024_RISE),
    Standard("SHBZ", dt.date(2024, 2, 1), "小学", "no", 62500, "year", SRC_2024_RISE),
    Standard("SHBZ", dt.date(2024, 2, 1), "初中", "no", 75000, "year", SRC_2024_RISE),
    # 农村义务教育学生营养改善计划 (per school day, food not cash)
    Standard("YYGS", dt.date(2014, 11, 1), "", "", 400, "day", SRC_NUTRITION_4),
    Standard("YYGS", dt.date(2021, 9, 1), "", "", 500, "day", SRC_2021_NUTRITION),
)

#: The programmes migration 0010 adds (学前教育资助 ships inactive, its amount left to the province).
NEW_PROGRAMMES: tuple[dict[str, Any], ...] = (
    {"code": "SHBZ", "name": "义务教育家庭经济困难学生生活补助", "stage": "小学,初中", "eligibility": "everyone",
     "amount_fen": 0, "per": "term", "kind": "payment", "funding_source": "城乡义务教育补助经费（生活补助）",
     "active": True, "categories": ",".join(LIVING_SUBSIDY_CATEGORIES),
     "notes": "寄宿生：经认定的家庭经济困难学生；非寄宿生：脱贫家庭、监测对象、残疾、低保、特困学生（可按本省扩大）。"
              "按学期发放，每学期为年标准的一半。"},
    {"code": "XQZZ", "name": "学前教育资助", "stage": "学前", "eligibility": "everyone", "amount_fen": 0,
     "per": "term", "kind": "payment", "funding_source": "支持学前教育发展资金", "active": False,
     "categories": "脱贫户,防止返贫监测对象,低保,特困,孤儿,事实无人抚养,残疾",
     "notes": "标准由各省确定：填写本省每学期金额后启用。" + SRC_PRESCHOOL},
    {"code": "YYGS", "name": "农村义务教育学生营养改善计划", "stage": "小学,初中", "eligibility": "everyone",
     "amount_fen": 0, "per": "day", "kind": "payment", "funding_source": "营养膳食补助资金", "active": True,
     "categories": "",
     "notes": "按在校日计，以等值食品提供，不发现金；仅在县属试点地区时发放（设置 ledger.nutrition_county）。"},
)

RETIRED_PROGRAMMES = {"ZXJ": "已停用（2026）：由义务教育家庭经济困难学生生活补助替代；已发放的记录不变。"}
