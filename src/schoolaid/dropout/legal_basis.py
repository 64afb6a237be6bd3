"""The legal basis the dropout documents cite, in one table: each article with its law, the wording
the documents use and whether that wording was confirmed word for word against a published text of
the law in force or is a short paraphrase (docs/sources/dropout-law.md quotes what was found, and
where). The waiting periods of the escalation are here too, each with its source.

Printed documents are Chinese: the text here is the documents' own, not tr()."""

from __future__ import annotations

from dataclasses import dataclass

COMPULSORY_EDUCATION = "《中华人民共和国义务教育法》"  # 2006 revision, amended 2015 and 2018
MINORS_PROTECTION = "《中华人民共和国未成年人保护法》"  # 2020 revision, amended 2024
FAMILY_EDUCATION = "《中华人民共和国家庭教育促进法》"  # 2021, in force 2022-01-01
ADMINISTRATIVE_COERCION = "《中华人民共和国行政强制法》"  # 2011
ADMINISTRATIVE_LITIGATION = "《中华人民共和国行政诉讼法》"  # 2017 amendment


@dataclass(frozen=True)
class Article:
    key: str
    law: str
    number: str  # 第五条
    text: str  # as the documents cite it
    verbatim: bool  # confirmed word for word; False: a paraphrase, cited as such (依照…的规定)
    gist: str = ""  # what the documents say it provides, in a clause; the text itself when empty

    def cite(self) -> str:
        """The article as a document quotes it: word for word, or as what it provides."""
        if self.verbatim:
            return f"{self.law}{self.number}规定：“{self.text}”"
        return f"依照{self.law}{self.number}的规定，{self.text}"

    @property
    def clause(self) -> str:
        return (self.gist or self.text).rstrip("。")


ARTICLES: dict[str, Article] = {a.key: a for a in (
    Article("cel5", COMPULSORY_EDUCATION, "第五条第二款",
            "适龄儿童、少年的父母或者其他法定监护人应当依法保证其按时入学接受并完成义务教育。", True,
            "父母或者其他法定监护人应当依法保证适龄儿童、少年按时入学接受并完成义务教育"),
    Article("cel11", COMPULSORY_EDUCATION, "第十一条第一款",
            "凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育；条件不具备的地区的儿童，"
            "可以推迟到七周岁。", True,
            "凡年满六周岁的儿童，其父母或者其他法定监护人应当送其入学接受并完成义务教育"),
    Article("cel13", COMPULSORY_EDUCATION, "第十三条",
            "县级人民政府教育行政部门和乡镇人民政府组织和督促适龄儿童、少年入学，帮助解决适龄儿童、少年接受义务"
            "教育的困难，采取措施防止适龄儿童、少年辍学。居民委员会和村民委员会协助政府做好工作，督促适龄儿童、"
            "少年入学。", True,
            "乡镇人民政府组织和督促适龄儿童、少年入学，采取措施防止辍学，村民委员会协助政府督促适龄儿童、少年入学"),
    Article("cel58", COMPULSORY_EDUCATION, "第五十八条",
            "适龄儿童、少年的父母或者其他法定监护人无正当理由未依照本法规定送适龄儿童、少年入学接受义务教育的，"
            "由当地乡镇人民政府或者县级人民政府教育行政部门给予批评教育，责令限期改正。", True,
            "父母或者其他法定监护人无正当理由未送适龄儿童、少年入学接受义务教育的，由当地乡镇人民政府或者县级人民政府教育行政部门给予批评教育，责令限期改正"),
    Article("mpl16", MINORS_PROTECTION, "第十六条第五项",
            "尊重未成年人受教育的权利，保障适龄未成年人依法接受并完成义务教育", True,
            "父母或者其他监护人应当尊重未成年人受教育的权利，保障适龄未成年人依法接受并完成义务教育"),
    Article("mpl17", MINORS_PROTECTION, "第十七条第五项",
            "放任或者迫使应当接受义务教育的未成年人失学、辍学", True,
            "父母或者其他监护人不得放任或者迫使应当接受义务教育的未成年人失学、辍学"),
    Article("mpl28", MINORS_PROTECTION, "第二十八条第二款",
            "学校应当对尚未完成义务教育的辍学未成年学生进行登记并劝返复学；劝返无效的，应当及时向教育行政部门书面报告。",
            True, "学校应当对尚未完成义务教育的辍学未成年学生进行登记并劝返复学，劝返无效的，应当及时向教育行政部门书面报告"),
    Article("fel14", FAMILY_EDUCATION, "第十四条",
            "父母或者其他监护人应当树立家庭是第一个课堂、家长是第一任老师的责任意识，承担对未成年人实施家庭教育的"
            "主体责任，用正确思想、方法和行为教育未成年人养成良好思想、品行和习惯。", True,
            "父母或者其他监护人承担对未成年人实施家庭教育的主体责任"),
    Article("acl35", ADMINISTRATIVE_COERCION, "第三十五条",
            "催告应当以书面形式作出，载明履行义务的期限、履行义务的方式以及当事人依法享有的陈述权和申辩权", False),
    Article("acl53", ADMINISTRATIVE_COERCION, "第五十三条",
            "当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的，没有行政强制执行权的行政机关可以"
            "自期限届满之日起三个月内，依照本章规定申请人民法院强制执行。", True,
            "当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的，没有行政强制执行权的行政机关可以自期限届满之日起三个月内申请人民法院强制执行"),
    Article("acl54", ADMINISTRATIVE_COERCION, "第五十四条",
            "行政机关申请人民法院强制执行前，应当催告当事人履行义务。催告书送达十日后当事人仍未履行义务的，行政机关"
            "可以向所在地有管辖权的人民法院申请强制执行；执行对象是不动产的，向不动产所在地有管辖权的人民法院申请强制"
            "执行。", True,
            "行政机关申请人民法院强制执行前，应当催告当事人履行义务；催告书送达十日后当事人仍未履行义务的，可以向有管辖权的人民法院申请强制执行"),
    Article("all46", ADMINISTRATIVE_LITIGATION, "第四十六条第一款",
            "公民、法人或者其他组织直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出。"
            "法律另有规定的除外。", True,
            "直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出"),
)}

# Which articles each document cites, in order.
NOTICE_ARTICLES = ("cel5", "cel11", "cel13", "mpl16", "mpl17", "fel14", "cel58")
DOCUMENT_ARTICLES = {
    "report": ("mpl28", "cel13", "cel58"),
    "penalty": ("cel5", "cel11", "mpl16", "mpl17", "cel58"),
    "demand": ("acl35", "acl54"),
    "enforcement": ("acl53", "acl54", "cel58"),
}


def grounds(keys: tuple[str, ...]) -> str:
    """The articles as one sentence per law: 《…》第五条规定，…；第十一条规定，…。《…》…"""
    sentences: list[tuple[str, list[str]]] = []
    for key in keys:
        article = ARTICLES[key]
        clause = f"{article.number}规定，{article.clause}"
        if sentences and sentences[-1][0] == article.law:
            sentences[-1][1].append(clause)
        else:
            sentences.append((article.law, [clause]))
    return "".join(f"{law}{'；'.join(clauses)}。" for law, clauses in sentences)


def short(key: str) -> str:
    """《…》第…条, as a list of grounds names it."""
    article = ARTICLES[key]
    return f"{article.law}{article.number}"


# The waiting periods of the escalation: (setting key, default, lowest, highest, source).
DEMAND_WAIT_DAYS = 10  # 行政强制法 art. 54: the application may follow ten days after the demand is served
CHALLENGE_MONTHS = 6  # 行政诉讼法 art. 46: six months to sue; the decision is final only after
