"""The recovery-key sheet: the encrypted database's recovery key on paper, for the principal's safe.

How the window and the command line use it: right after ``encryption.encrypt_database`` (through
``accounts.unlocking``) returns the key, ``write_sheet(path, school, today, encrypted.recovery_key)``
writes the one-page PDF (Chinese, as every printed document); print it, then delete the file (the
caller says so). The key is never kept anywhere else by the program.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table, TableStyle

from schoolaid.documents.pdf import fonts
from schoolaid.documents.pdf.layout import BLOCK_WIDTH, Story, build
from schoolaid.documents.workbook import chinese_date

GROUPS_PER_ROW = 4
KEY_SIZE = 22  # pt: read off the paper and typed in without a mistake


def sheet_story(school: str, today: dt.date, recovery_key: str, faces: fonts.Faces) -> Story:
    story = Story(faces)
    styles = story.styles
    story.add(f"{school}校助数据库恢复密钥", styles.title, "标题")
    story.add(f"生成日期：{chinese_date(today)}", styles.subtitle, "副标题")
    story.add("一、这是什么", styles.heading, "标题")
    story.add("本校的校助数据库已加密保存在电脑上：没有账号密码，任何人拿到电脑或数据库文件都读不出其中学生的身份证号、"
              "家庭和资助信息。下面的恢复密钥就是数据库本身的密钥。", styles.body, "说明")
    story.add("当所有管理员都忘记了密码，或数据库旁边的密钥文件（文件名以 .keys 结尾）丢失时，用它打开数据库，并为管理员"
              "设置新密码：在程序的登录窗口点“忘记密码”，或在命令行运行 schoolaid users recover。", styles.body, "说明")
    story.add("二、恢复密钥", styles.heading, "标题")
    groups = recovery_key.split("-")
    rows = [groups[i:i + GROUPS_PER_ROW] for i in range(0, len(groups), GROUPS_PER_ROW)]
    rows[-1] += [""] * (GROUPS_PER_ROW - len(rows[-1]))
    key_style = ParagraphStyle("recovery_key", fontName=fonts.register(faces.plain), fontSize=KEY_SIZE,
                               leading=KEY_SIZE * 1.3, alignment=TA_CENTER)
    table = Table([[story.text(group, key_style, "恢复密钥") if group else "" for group in row] for row in rows],
                  colWidths=[BLOCK_WIDTH / GROUPS_PER_ROW] * GROUPS_PER_ROW)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, colors.black),
                               ("INNERGRID", (0, 0), (-1, -1), 0.25, colors.grey),
                               ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
    story.flowables.append(table)
    story.add(f"共{len(groups)}组，每组4个字符，只有大写字母A～Z和数字2～7（没有0、1、8、9）。输入时可以不输连字符，"
              "大小写均可。", styles.note, "说明")
    story.add("三、保管", styles.heading, "标题")
    story.add("请将本页放入校长保险柜。不要拍照、复印，不要存在电脑、手机或U盘里，也不要和备份U盘放在一起：拿到本页和数据库"
              "文件的人，能读出全部学生信息。本页只打印这一次；如果遗失或可能被他人看到，请立即报告校长和管理员。",
              styles.body, "说明")
    story.flowables.append(Spacer(1, 14 * mm))
    story.signatures(["保管人", "日期"], BLOCK_WIDTH)
    return story


def write_sheet(path: Path, school: str, today: dt.date, recovery_key: str) -> int:
    """The recovery-key sheet as a one-page PDF at ``path`` (written whole, private); returns the pages."""
    faces = fonts.choose_faces()
    return build(Path(path), sheet_story(school or "本校", today, recovery_key, faces), title="校助数据库恢复密钥")
