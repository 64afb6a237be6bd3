"""The database tables, as SQLAlchemy 2 typed models.

Later issues add their tables here and through a new Alembic migration; never change a table
without one. Enumerated columns hold the Chinese domain terms (see ``vocabulary``).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The moment a record is written, stamped on it (created, posted, recorded, audited). A record's
    own clock stamp, never a judgement: services that judge "future", "overdue", "locked" or "due"
    take ``today``/``now`` from their caller (the window's or the CLI's one clock)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    if TYPE_CHECKING:
        # Every model is mapped to one plain table (no mapping onto joins or selects), so its
        # ``__table__`` is a Table (SQLAlchemy types it as any FromClause): ``.insert()``, ``.update()``.
        __table__: ClassVar[Table]


class Setting(Base):
    """Township-wide settings kept with the data (they travel with the backup)."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Village(Base):
    __tablename__ = "villages"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    is_poor_village: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class School(Base):
    __tablename__ = "schools"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    is_central: Mapped[bool] = mapped_column(Boolean, default=False)
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    village: Mapped[Village | None] = relationship()


class Household(Base):
    __tablename__ = "households"
    id: Mapped[int] = mapped_column(primary_key=True)
    head_name: Mapped[str] = mapped_column(String(64))
    head_pinyin: Mapped[str] = mapped_column(Text, default="")  # search keys, as for students
    head_initials: Mapped[str] = mapped_column(Text, default="")
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"), index=True)
    group_name: Mapped[str] = mapped_column(String(32), default="")  # 组, e.g. "3组"
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    registered_poor: Mapped[bool] = mapped_column(Boolean, default=False)  # 建档立卡
    poor_card_no: Mapped[str] = mapped_column(String(64), default="")
    poor_year: Mapped[int | None] = mapped_column(Integer)
    poverty_status: Mapped[str] = mapped_column(String(16), default="一般户")
    # -- household categories (issue 16, migration 0009): the four columns above are kept as history,
    # no longer edited; see roster/categories.py.
    category: Mapped[str] = mapped_column(String(16), default="一般户")  # HouseholdCategory
    lifted_year: Mapped[int | None] = mapped_column(Integer)  # 脱贫年度
    monitoring_type: Mapped[str] = mapped_column(String(16), default="")  # "" or a MonitoringType
    monitoring_identified_on: Mapped[dt.date | None] = mapped_column(Date)  # 识别时间
    risk_removed_on: Mapped[dt.date | None] = mapped_column(Date)  # 风险消除
    dibao: Mapped[bool] = mapped_column(Boolean, default=False)  # 低保户
    tekun: Mapped[bool] = mapped_column(Boolean, default=False)  # 特困供养户
    # -- end of household categories
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    village: Mapped[Village | None] = relationship()
    members: Mapped[list[HouseholdMember]] = relationship(
        back_populates="household", cascade="all, delete-orphan", order_by="HouseholdMember.id")
    students: Mapped[list[Student]] = relationship(back_populates="household", order_by="Student.birth_date")


class HouseholdMember(Base):
    """A household member who is not a student on the roster: parents, grandparents, labourers."""

    __tablename__ = "household_members"
    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    relation: Mapped[str] = mapped_column(String(16), default="其他")
    sex: Mapped[str] = mapped_column(String(4), default="")
    birth_year: Mapped[int | None] = mapped_column(Integer)
    is_main_labourer: Mapped[bool] = mapped_column(Boolean, default=False)
    work: Mapped[str] = mapped_column(String(64), default="")  # 务农, 外出务工 …
    phone: Mapped[str] = mapped_column(String(32), default="")

    household: Mapped[Household] = relationship(back_populates="members")
    skills: Mapped[list[SkillTraining]] = relationship(
        back_populates="member", cascade="all, delete-orphan", order_by="SkillTraining.id")


class SkillTraining(Base):
    """A practical skill (实用技术) a household member has been trained in."""

    __tablename__ = "skill_trainings"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("household_members.id", ondelete="CASCADE"), index=True)
    skill: Mapped[str] = mapped_column(String(64))
    year: Mapped[int | None] = mapped_column(Integer)
    organiser: Mapped[str] = mapped_column(String(64), default="")

    member: Mapped[HouseholdMember] = relationship(back_populates="skills")


class Student(Base):
    __tablename__ = "students"
    __table_args__ = (
        CheckConstraint("sex IN ('男', '女')", name="sex"),
        Index("ix_students_school_grade", "school_id", "stage", "grade"),
        # The roster's usual sort orders read these instead of sorting 100,000 rows.
        Index("ix_students_sort_name", "name_pinyin", "id"),
        Index("ix_students_sort_birth", "birth_date", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    # Search keys derived from the name with pypinyin: full pinyin and initials, each reading of a
    # polyphonic character included, space-separated with a leading space for prefix search.
    name_pinyin: Mapped[str] = mapped_column(Text, default="")
    name_initials: Mapped[str] = mapped_column(Text, default="")
    sex: Mapped[str] = mapped_column(String(4))
    ethnicity: Mapped[str] = mapped_column(String(16), default="汉族")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), unique=True)
    registry_no: Mapped[str] = mapped_column(String(32), default="")  # 全国学籍号
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    stage: Mapped[str] = mapped_column(String(8))
    grade: Mapped[int] = mapped_column(Integer)
    class_name: Mapped[str] = mapped_column(String(16), default="")
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    relation_to_head: Mapped[str] = mapped_column(String(16), default="子女")
    guardian_name: Mapped[str] = mapped_column(String(64), default="")
    guardian_relation: Mapped[str] = mapped_column(String(16), default="")
    guardian_phone: Mapped[str] = mapped_column(String(32), default="")
    left_behind: Mapped[bool] = mapped_column(Boolean, default=False)  # 留守儿童
    boarder: Mapped[bool] = mapped_column(Boolean, default=False)  # 寄宿生
    # -- student categories (issue 16, migration 0009; disability_category was "disability")
    disability_category: Mapped[str] = mapped_column(String(32), default="")  # "" none, else 视力 … 多重
    disability_grade: Mapped[str] = mapped_column(String(8), default="")  # "" or 一级 … 四级
    disability_certificate: Mapped[str] = mapped_column(String(32), default="")  # 残疾人证号
    orphan: Mapped[bool] = mapped_column(Boolean, default=False)  # 孤儿
    unsupported: Mapped[bool] = mapped_column(Boolean, default=False)  # 事实无人抚养儿童
    parent_disabled: Mapped[bool] = mapped_column(Boolean, default=False)  # 残疾人子女
    martyr_child: Mapped[bool] = mapped_column(Boolean, default=False)  # 烈士子女
    in_difficulty: Mapped[bool] = mapped_column(Boolean, default=False)  # 困境儿童
    # -- end of student categories
    status: Mapped[str] = mapped_column(String(8), default="在读", index=True)
    entry_date: Mapped[dt.date | None] = mapped_column(Date)
    leave_date: Mapped[dt.date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    school: Mapped[School] = relationship()
    household: Mapped[Household | None] = relationship(back_populates="students")
    status_changes: Mapped[list[StatusChange]] = relationship(
        back_populates="student", order_by="StatusChange.id")


class StudentSearchKey(Base):
    """What the roster's search box looks up (migration 0021), so that a keystroke reads an index
    instead of every student: kind "p", each pinyin and initials reading of the name (zhangsan, zs),
    found by the letters it starts with; kind "n", each suffix of the name (张三, 三), so that text
    found anywhere in the name is the start of one of them.

    Written in the transaction that inserts the students, by whatever inserts them
    (``search_index.write_search_keys``: one statement over all the rows, revision 0022), and kept by
    a trigger on ``students`` when a name changes, whatever changes it; a student's keys go with the
    student (ON DELETE CASCADE). A migration that rebuilds ``students`` (batch mode) drops that
    trigger and the keys: it must make both again."""

    __tablename__ = "student_search_keys"
    __table_args__ = (Index("ix_student_search_keys_student", "student_id"),)
    kind: Mapped[str] = mapped_column(String(1), primary_key=True)
    key: Mapped[str] = mapped_column(Text, primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id", ondelete="CASCADE"), primary_key=True)


class StatusChange(Base):
    """One change of a student's enrollment status, with its date and reason. Never deleted."""

    __tablename__ = "status_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    from_status: Mapped[str] = mapped_column(String(8))
    to_status: Mapped[str] = mapped_column(String(8))
    effective_date: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    destination: Mapped[str] = mapped_column(String(128), default="")  # where a transfer went
    actor: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    student: Mapped[Student] = relationship(back_populates="status_changes")


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(64))
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"), index=True)
    role: Mapped[str] = mapped_column(String(16), default="教师")
    sex: Mapped[str] = mapped_column(String(4), default="")
    phone: Mapped[str] = mapped_column(String(32), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    left_reason: Mapped[str] = mapped_column(Text, default="")

    school: Mapped[School] = relationship()


class Pairing(Base):
    """A staff member paired with a poor household (结对帮扶), from a start to an end date.

    Ended pairings stay: a handover ends one pairing and starts another that points back at it."""

    __tablename__ = "pairings"
    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    handed_over_from_id: Mapped[int | None] = mapped_column(ForeignKey("pairings.id"))
    notes: Mapped[str] = mapped_column(Text, default="")

    staff: Mapped[Staff] = relationship()
    household: Mapped[Household] = relationship()


class Visit(Base):
    """A visit to a paired household (入户走访), by home visit, phone or at school."""

    __tablename__ = "visits"
    __table_args__ = (Index("ix_visits_household_date", "household_id", "visit_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"))
    visit_date: Mapped[dt.date] = mapped_column(Date)
    form: Mapped[str] = mapped_column(String(8))  # 入户, 电话, 到校
    done: Mapped[str] = mapped_column(Text, default="")  # what was done or given
    problems: Mapped[str] = mapped_column(Text, default="")
    next_step: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    staff: Mapped[Staff] = relationship()
    household: Mapped[Household] = relationship()


class Attachment(Base):
    """An evidence file (photo, scanned signed sheet) kept inside the database, so that it travels
    with the backup. ``owner`` names the kind of record it belongs to (visit, …)."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_owner", "owner", "owner_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    owner: Mapped[str] = mapped_column(String(32))
    owner_id: Mapped[int] = mapped_column(Integer)
    file_name: Mapped[str] = mapped_column(String(255))
    media_type: Mapped[str] = mapped_column(String(64), default="application/octet-stream")
    size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    added_by: Mapped[str] = mapped_column(String(64), default="")
    added_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class SchoolPairing(Base):
    """The central school's party branch paired with a weak village school (1–2 of them)."""

    __tablename__ = "school_pairings"
    id: Mapped[int] = mapped_column(primary_key=True)
    helper_school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"))
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"))
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    goals: Mapped[str] = mapped_column(Text, default="")

    helper_school: Mapped[School] = relationship(foreign_keys=[helper_school_id])
    school: Mapped[School] = relationship(foreign_keys=[school_id])


class SchoolActivity(Base):
    """One thing done under a school pairing: teaching sent down, lessons observed, training, gifts."""

    __tablename__ = "school_activities"
    id: Mapped[int] = mapped_column(primary_key=True)
    school_pairing_id: Mapped[int] = mapped_column(ForeignKey("school_pairings.id"), index=True)
    activity_date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    description: Mapped[str] = mapped_column(Text, default="")
    participants: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")


class Programme(Base):
    """A subsidy programme (资助项目): who is eligible, how much, how often, paid or fee waived."""

    __tablename__ = "programmes"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(64))
    stage: Mapped[str] = mapped_column(String(8), default="")  # empty: every stage
    eligibility: Mapped[str] = mapped_column(String(16))  # registered_poor, left_behind, boarder, everyone, list
    amount_fen: Mapped[int] = mapped_column(Integer)
    per: Mapped[str] = mapped_column(String(8), default="month")  # month or term
    kind: Mapped[str] = mapped_column(String(8), default="payment")  # payment or waiver
    funding_source: Mapped[str] = mapped_column(String(64), default="")
    active_months: Mapped[str] = mapped_column(String(40), default="1,2,3,4,5,6,9,10,11,12")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # --- standards (0010): conditions beyond the stage; the amounts are in programme_standards ---
    grades: Mapped[str] = mapped_column(String(40), default="")  # grade numbers, "1,2" (empty: every grade)
    boarder: Mapped[str] = mapped_column(String(8), default="")  # "yes", "no", or empty: either
    categories: Mapped[str] = mapped_column(Text, default="")  # any-of category codes (empty: no condition)


class ProgrammeStandard(Base):
    """A programme's amount from a date (资助标准): for a stage and boarders or not, per month, per
    year (paid half a term) or per school day, with the source it is taken from. A posted entry
    keeps the amount it was posted at: a later standard never changes it."""

    __tablename__ = "programme_standards"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    effective_from: Mapped[dt.date] = mapped_column(Date)
    stage: Mapped[str] = mapped_column(String(8), default="")  # empty: every stage of the programme
    boarder: Mapped[str] = mapped_column(String(8), default="")  # "yes", "no", or empty: either
    amount_fen: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(8))  # month, year, day
    source: Mapped[str] = mapped_column(Text, default="")


class ProgrammeMember(Base):
    """A student on a programme's hand-kept list (for programmes with eligibility ``list``)."""

    __tablename__ = "programme_members"
    __table_args__ = (UniqueConstraint("programme_id", "student_id", name="uq_programme_members_student"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    added_on: Mapped[dt.date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")


class LedgerBatch(Base):
    """One posting of a programme for a period: its public notice (公示) and its payment."""

    __tablename__ = "ledger_batches"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"), index=True)
    period: Mapped[str] = mapped_column(String(8))  # 2026-09 for a month, 2026A / 2027S for a term
    posted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    posted_by: Mapped[str] = mapped_column(String(64))
    notice_from: Mapped[dt.date | None] = mapped_column(Date)
    notice_to: Mapped[dt.date | None] = mapped_column(Date)
    paid_on: Mapped[dt.date | None] = mapped_column(Date)
    voucher_no: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    notice_phone: Mapped[str] = mapped_column(String(32), default="")  # for objections (异议电话)
    notice_taken_down_on: Mapped[dt.date | None] = mapped_column(Date)

    programme: Mapped[Programme] = relationship()


class LedgerEntry(Base):
    """One amount paid to or waived for a student. Never updated, never deleted (triggers refuse
    it): a mistake is reversed by a negative entry pointing at it, and replaced by a new one."""

    __tablename__ = "ledger_entries"
    __table_args__ = (
        Index("ix_ledger_entries_period", "programme_id", "period", "student_id"),
        Index("ix_ledger_entries_student", "student_id", "period"),
        CheckConstraint("kind IN ('payment', 'waiver', 'reversal')", name="kind"),
        CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name="reversal_link"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_batches.id"), index=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programmes.id"))
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    period: Mapped[str] = mapped_column(String(8))
    month: Mapped[str] = mapped_column(String(7))  # the month it was posted for (a term's grant: when paid)
    kind: Mapped[str] = mapped_column(String(8))
    standard_fen: Mapped[int] = mapped_column(Integer)  # 资助标准 per month or term
    months: Mapped[int] = mapped_column(Integer, default=1)
    amount_fen: Mapped[int] = mapped_column(Integer)  # negative for a reversal
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_entries.id"), unique=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    posted_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    posted_by: Mapped[str] = mapped_column(String(64))


class Absence(Base):
    """An absence spell of a student: from a day, to a day or still going, with or without a known reason."""

    __tablename__ = "absences"
    __table_args__ = (CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    reason_known: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DropoutCase(Base):
    """A case file (控辍保学档案), one per episode of a student out of school."""

    __tablename__ = "dropout_cases"
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    absence_id: Mapped[int | None] = mapped_column(ForeignKey("absences.id"))
    status: Mapped[str] = mapped_column(String(8), default="劝返中")
    stage_at: Mapped[str] = mapped_column(String(8))
    grade_at: Mapped[int] = mapped_column(Integer)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"))
    reason_category: Mapped[str] = mapped_column(String(16), default="其他")
    reason_text: Mapped[str] = mapped_column(Text, default="")
    absence_began: Mapped[dt.date] = mapped_column(Date)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    reported_township_on: Mapped[dt.date | None] = mapped_column(Date)
    reported_bureau_on: Mapped[dt.date | None] = mapped_column(Date)
    class_teacher_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    township_action: Mapped[str] = mapped_column(Text, default="")
    village_action: Mapped[str] = mapped_column(Text, default="")
    current_situation: Mapped[str] = mapped_column(Text, default="")
    remedies: Mapped[str] = mapped_column(Text, default="")
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    return_date: Mapped[dt.date | None] = mapped_column(Date)
    transfer_to: Mapped[str] = mapped_column(String(128), default="")
    outcome_note: Mapped[str] = mapped_column(Text, default="")  # the reason of 其他, or of 送教上门
    opened_by: Mapped[str] = mapped_column(String(64), default="")


class PersuasionAttempt(Base):
    """One attempt to bring the child back (劝返记录). Append-only: the database refuses changes;
    a correction is a new entry that points at the one it corrects."""

    __tablename__ = "persuasion_attempts"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("dropout_cases.id"), index=True)
    attempt_date: Mapped[dt.date] = mapped_column(Date)
    visitors: Mapped[str] = mapped_column(Text)  # who went: staff, township and village officials
    met: Mapped[str] = mapped_column(Text, default="")  # whom they met
    method: Mapped[str] = mapped_column(String(16))
    result: Mapped[str] = mapped_column(Text)
    succeeded: Mapped[bool] = mapped_column(Boolean, default=False)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("persuasion_attempts.id"), unique=True)
    recorded_by: Mapped[str] = mapped_column(String(64))
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # Who took part, joined by 、: 学校, 村民委员会, 乡镇人民政府 (entries before 0017: the school).
    parties: Mapped[str] = mapped_column(String(32), default="学校", server_default="学校")


class UrgingNotice(Base):
    """An enrollment-urging notice (敦促入学通知书) issued on a case, and its proof of service."""

    __tablename__ = "urging_notices"
    __table_args__ = (UniqueConstraint("year", "number", name="uq_urging_notices_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("dropout_cases.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    document_number: Mapped[str] = mapped_column(String(64))  # 文号, e.g. 平府教〔2026〕3号
    guardian: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    deadline: Mapped[dt.date] = mapped_column(Date)
    served_on: Mapped[dt.date | None] = mapped_column(Date)  # the parents' signed receipt (送达回证)
    served_to: Mapped[str] = mapped_column(String(64), default="")
    receipt_note: Mapped[str] = mapped_column(Text, default="")
    issued_by: Mapped[str] = mapped_column(String(64), default="")
    # What the notice said when issued (JSON), so that a reprint says the same ('' before 0017).
    issued_text: Mapped[str] = mapped_column(Text, default="", server_default="")


class CaseDocument(Base):
    """A numbered document of the escalation after a notice's deadline (report to the education
    bureau, order to correct, demand to perform, application for enforcement), its text as issued."""

    __tablename__ = "case_documents"
    __table_args__ = (UniqueConstraint("kind", "year", "number", name="uq_case_documents_number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("dropout_cases.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # report, penalty, demand, enforcement
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    document_number: Mapped[str] = mapped_column(String(64))
    recipient: Mapped[str] = mapped_column(String(64))
    issued_on: Mapped[dt.date] = mapped_column(Date)
    deadline: Mapped[dt.date | None] = mapped_column(Date)
    issued_by: Mapped[str] = mapped_column(String(64), default="")
    issued_text: Mapped[str] = mapped_column(Text, default="")  # JSON: title, paragraphs, issuer


class ServiceReceipt(Base):
    """The proof of service (送达回证) of a notice or an escalation document: numbered when the
    document is issued, filled in when served — the manner, and for 留置送达 the witnesses."""

    __tablename__ = "service_receipts"
    __table_args__ = (UniqueConstraint("year", "number", name="uq_service_receipts_number"),
                      Index("ix_service_receipts_document", "document_kind", "document_id"))
    id: Mapped[int] = mapped_column(primary_key=True)
    document_kind: Mapped[str] = mapped_column(String(16))  # notice, report, penalty, demand, enforcement
    document_id: Mapped[int] = mapped_column(Integer)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    receipt_number: Mapped[str] = mapped_column(String(64))
    recipient: Mapped[str] = mapped_column(String(64))
    manner: Mapped[str] = mapped_column(String(8), default="")  # 直接送达, 留置送达, 委托送达
    served_on: Mapped[dt.date | None] = mapped_column(Date)
    served_to: Mapped[str] = mapped_column(String(64), default="")
    served_by: Mapped[str] = mapped_column(String(64), default="")
    place: Mapped[str] = mapped_column(String(128), default="")
    witnesses: Mapped[str] = mapped_column(String(128), default="")  # 留置送达: the witnesses' names
    refused_reason: Mapped[str] = mapped_column(Text, default="")  # 留置送达: why the recipient refused
    note: Mapped[str] = mapped_column(Text, default="")


class AuditEvent(Base):
    """Who changed which record when, with the record before and after (JSON)."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))  # create, update, delete, status
    entity: Mapped[str] = mapped_column(String(32))  # student, household, school, village, staff, setting
    entity_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)
    # Who exactly (the account) and in which role, when the change was made signed in.
    user_id: Mapped[int | None] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(16), default="")
    # The SHA-256 chain: each row's hash covers its content and the previous row's hash, so an
    # edited, removed or inserted row breaks every hash after it (``audit_chain``).
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class User(Base):
    """A person who signs in: the password only as an Argon2id hash."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str] = mapped_column(Text)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    last_sign_in_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    classes: Mapped[list[UserClass]] = relationship(back_populates="user", cascade="all, delete-orphan")


class UserClass(Base):
    """A class a teacher account looks after: its students, absences and logs."""

    __tablename__ = "user_classes"
    # Named in full, as revision 0006 created it (the naming convention leaves explicit names alone).
    __table_args__ = (UniqueConstraint("user_id", "school_id", "stage", "grade", "class_name",
                                       name="uq_user_classes_one_class_once"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    school_id: Mapped[int] = mapped_column(ForeignKey("schools.id"))
    stage: Mapped[str] = mapped_column(String(8))
    grade: Mapped[int] = mapped_column(Integer)
    class_name: Mapped[str] = mapped_column(String(16))

    user: Mapped[User] = relationship(back_populates="classes")


class VillagePopulation(Base):
    """Children of preschool age (3–5) living in a village in a school year, as the village reports
    them: the roster holds only the children who came to school, not those who never did."""

    __tablename__ = "village_populations"
    # Named in full, as revision 0007 created it.
    __table_args__ = (UniqueConstraint("village_id", "year", name="uq_village_populations_one_count_a_year"),
                      CheckConstraint("preschool_age >= 0", name="not_negative"))
    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)  # the school year starting in September of this year
    preschool_age: Mapped[int] = mapped_column(Integer)


# --- issue 16 (hardship): the assessment of need (家庭经济困难学生认定) ------------------------------


class HardshipPublicity(Base):
    """A 公示 of the assessments of a school year: its dates, the phone for objections, when it was
    taken down. The assessments it lists point to it."""

    __tablename__ = "hardship_publicities"
    id: Mapped[int] = mapped_column(primary_key=True)
    school_year: Mapped[int] = mapped_column(Integer, index=True)  # 2026: 2026—2027学年
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"))  # None: every school
    start_date: Mapped[dt.date] = mapped_column(Date)
    end_date: Mapped[dt.date] = mapped_column(Date)
    objection_phone: Mapped[str] = mapped_column(String(32), default="")
    taken_down_on: Mapped[dt.date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")

    school: Mapped[School | None] = relationship()


class HardshipAssessment(Base):
    """One student's assessment of need in a school year: application, optional class review, the
    school's decision (level and basis), 公示, on file. An adjustment ends the record (ended_on) and
    starts a new one pointing back to it, so the history stays."""

    __tablename__ = "hardship_assessments"
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"), index=True)
    school_year: Mapped[int] = mapped_column(Integer, index=True)
    status: Mapped[str] = mapped_column(String(8))  # 已申请 已评议 已认定 公示中 已建档 未通过 已撤销
    proposed: Mapped[bool] = mapped_column(Boolean, default=False)  # made by rule for a priority group
    applied_on: Mapped[dt.date] = mapped_column(Date)
    reasons: Mapped[str] = mapped_column(Text, default="")  # the application's reasons
    priority_groups: Mapped[str] = mapped_column(Text, default="")  # 、-separated, as found on applied_on
    reviewed_on: Mapped[dt.date | None] = mapped_column(Date)
    review_note: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(16), default="")
    basis: Mapped[str] = mapped_column(Text, default="")
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    publicity_id: Mapped[int | None] = mapped_column(ForeignKey("hardship_publicities.id"), index=True)
    filed_on: Mapped[dt.date | None] = mapped_column(Date)
    ended_on: Mapped[dt.date | None] = mapped_column(Date)  # revoked, or replaced by an adjustment
    end_reason: Mapped[str] = mapped_column(Text, default="")
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("hardship_assessments.id"))

    student: Mapped[Student] = relationship()
    publicity: Mapped[HardshipPublicity | None] = relationship()


# --- issue 17 (reconcile): 四查三比对, the lists handed over and the door-to-door checks ---------------


class ReferenceList(Base):
    """One list handed over for 四查三比对 (``kind``): the household register (hukou: 户籍, from the police
    station or the village), the 脱贫户 / 防止返贫监测对象 list (poverty), or the national student registry's
    export for our schools (registry). Kept on record for good: a newer list of the same kind and village
    replaces this one's people (``replaced_by_id``, their ``active`` cleared), never deletes them."""

    __tablename__ = "reference_lists"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)  # hukou | poverty | registry
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"))  # None: the whole township
    source: Mapped[str] = mapped_column(String(64), default="")  # from whom: 某某派出所, 某村委会, 学籍系统
    received_on: Mapped[dt.date] = mapped_column(Date)  # the day it was handed over
    school_year: Mapped[int] = mapped_column(Integer)  # ages are taken on 31 August of this year
    file_name: Mapped[str] = mapped_column(String(255), default="")
    people: Mapped[int] = mapped_column(Integer, default=0)  # people kept from the file
    children: Mapped[int] = mapped_column(Integer, default=0)  # of whom children (0–17 on 31 August)
    rejected: Mapped[int] = mapped_column(Integer, default=0)  # rows refused, with their reasons in the preview
    people_digest: Mapped[str] = mapped_column(String(64), default="")  # SHA-256 of its people, for the audit
    imported_by: Mapped[str] = mapped_column(String(64), default="")
    imported_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("reference_lists.id"))
    replaced_on: Mapped[dt.date | None] = mapped_column(Date)

    village: Mapped[Village | None] = relationship()


class ReferencePerson(Base):
    """One person of a reference list, as the list gives them (cleaned and checked as the roster import
    checks a student). Only the fields of the list's kind are filled."""

    __tablename__ = "reference_people"
    __table_args__ = (Index("ix_reference_people_name_birth", "name", "birth_date"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("reference_lists.id"), index=True)
    row: Mapped[int] = mapped_column(Integer)  # the file's row (Excel numbering), for the record
    active: Mapped[bool] = mapped_column(Boolean, default=True)  # False once a newer list replaced its list
    name: Mapped[str] = mapped_column(String(64))
    sex: Mapped[str] = mapped_column(String(4), default="")
    ethnicity: Mapped[str] = mapped_column(String(16), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18), index=True)
    is_child: Mapped[bool] = mapped_column(Boolean, default=True)  # 0–17 on 31 August of the list's school year
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"), index=True)
    group_name: Mapped[str] = mapped_column(String(32), default="")  # 组
    address: Mapped[str] = mapped_column(Text, default="")
    # household register and poverty list
    household_no: Mapped[str] = mapped_column(String(32), default="")  # 户号
    head_name: Mapped[str] = mapped_column(String(64), default="")  # 户主姓名
    head_id_number: Mapped[str | None] = mapped_column(String(18))
    relation: Mapped[str] = mapped_column(String(16), default="")  # 与户主关系
    # poverty list
    category: Mapped[str] = mapped_column(String(16), default="")  # "" or a HouseholdCategory
    monitoring_type: Mapped[str] = mapped_column(String(16), default="")  # "" or a MonitoringType
    lifted_year: Mapped[int | None] = mapped_column(Integer)  # 脱贫年度
    identified_on: Mapped[dt.date | None] = mapped_column(Date)  # 识别时间
    # student registry
    registry_no: Mapped[str] = mapped_column(String(32), default="")  # 全国学籍号 (G + ID, L, J forms)
    school_id: Mapped[int | None] = mapped_column(ForeignKey("schools.id"))
    school_name: Mapped[str] = mapped_column(String(64), default="")  # as the registry names it
    grade_text: Mapped[str] = mapped_column(String(16), default="")  # 年级 / 班级, as written

    reference_list: Mapped[ReferenceList] = relationship()


class ReconcileCheck(Base):
    """The check of one difference (核查结果), door to door or by telephone. Appended, never edited or
    deleted: the latest check of a difference (its kind and the child's key) is the one that counts."""

    __tablename__ = "reconcile_checks"
    __table_args__ = (Index("ix_reconcile_checks_kind_person", "kind", "person_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # the difference's kind (reconcile.differences)
    person_key: Mapped[str] = mapped_column(String(96))  # the ID number, else "姓名|YYYY-MM-DD"
    name: Mapped[str] = mapped_column(String(64))
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    id_number: Mapped[str | None] = mapped_column(String(18))
    village_id: Mapped[int | None] = mapped_column(ForeignKey("villages.id"))
    result: Mapped[str] = mapped_column(String(16))  # 在外地就读, 已在本校, 延缓入学, 失学 … (reconcile.checks)
    school_name: Mapped[str] = mapped_column(String(64), default="")  # 在外地就读: where
    place: Mapped[str] = mapped_column(String(64), default="")  # 在外地就读 / 随迁 / 迁出: the place
    confirmed_how: Mapped[str] = mapped_column(String(16), default="")  # 学籍系统 / 接收学校证明 / 电话
    confirmed_with: Mapped[str] = mapped_column(String(64), default="")  # with whom (电话)
    student_id: Mapped[int | None] = mapped_column(ForeignKey("students.id"), index=True)  # 已在本校, 失学
    approval_body: Mapped[str] = mapped_column(String(64), default="")  # 延缓入学: who approved
    approval_document: Mapped[str] = mapped_column(String(64), default="")  # its number
    approval_expires_on: Mapped[dt.date | None] = mapped_column(Date)  # after it, the difference is open again
    checked_by: Mapped[str] = mapped_column(String(64))  # 核查人
    checked_on: Mapped[dt.date] = mapped_column(Date)  # 核查日期
    evidence: Mapped[str] = mapped_column(Text, default="")  # 佐证
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    village: Mapped[Village | None] = relationship()
    student: Mapped[Student | None] = relationship()


class EnrollmentApproval(Base):
    """An approval that lets a school-age child be out of class (义务教育法 art. 11): 延缓入学 for a child
    of six or more still in a preschool class, 休学 for a pupil whose status is 休学. Appended, never
    edited or deleted: the latest approval of a kind for a student is the one that counts."""

    __tablename__ = "enrollment_approvals"
    __table_args__ = (Index("ix_enrollment_approvals_student_kind", "student_id", "kind"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    kind: Mapped[str] = mapped_column(String(8))  # 延缓入学 or 休学 (roster.enrollment_approvals)
    reason: Mapped[str] = mapped_column(Text, default="")  # 休学: 因病 …
    approving_body: Mapped[str] = mapped_column(String(64))  # 批准机关
    document_no: Mapped[str] = mapped_column(String(64), default="")  # 文号
    approved_on: Mapped[dt.date] = mapped_column(Date)
    starts_on: Mapped[dt.date | None] = mapped_column(Date)  # 休学: the first day away
    ends_on: Mapped[dt.date] = mapped_column(Date)  # 延缓入学: the expiry (到期日); 休学: the last day away
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    student: Mapped[Student] = relationship()


class Transfer(Base):
    """Where a student went or came from (roster.transfers): a transfer out (转出) with the receiving
    school, a transfer in (转入) with the school and place the child came from, or a graduate's
    destination (升学 to a school, 就业, 未升学 with the reason). A transfer out or a 升学 counts only once
    the receiving school is confirmed (how, with whom, on what day); the confirmation is added once,
    audited, and nothing else of the row changes. Never deleted."""

    __tablename__ = "transfers"
    __table_args__ = (Index("ix_transfers_student_direction", "student_id", "direction"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    direction: Mapped[str] = mapped_column(String(8))  # 转出, 转入, 升学, 就业, 未升学 (roster.transfers)
    school: Mapped[str] = mapped_column(String(128), default="")  # the receiving school, or the one left
    place: Mapped[str] = mapped_column(String(128), default="")  # 转入: the county or town the child came from
    since: Mapped[dt.date] = mapped_column(Date)  # the day of the transfer or the graduation
    reason: Mapped[str] = mapped_column(Text, default="")  # 就业 / 未升学: why
    confirmed_how: Mapped[str] = mapped_column(String(16), default="")  # 学籍系统, 接收学校回执 or 电话
    confirmed_with: Mapped[str] = mapped_column(String(64), default="")  # whom the school confirmed it with
    confirmed_on: Mapped[dt.date | None] = mapped_column(Date)
    confirmed_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    student: Mapped[Student] = relationship()


class ReportBack(Base):
    """A pupil ticked as reported back (报到) at the start of a term (dropout.term_start). A mistaken tick
    is withdrawn (who and when added, audited), never deleted; the pupil may then be ticked again."""

    __tablename__ = "report_backs"
    __table_args__ = (Index("ix_report_backs_term_student", "term", "student_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    term: Mapped[str] = mapped_column(String(8))  # Term.key: 2026秋, 2027春
    reported_on: Mapped[dt.date] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    withdrawn_on: Mapped[dt.date | None] = mapped_column(Date)
    withdrawn_by: Mapped[str] = mapped_column(String(64), default="")


class CasePlan(Base):
    """A revision of a dropout case's plan (一人一案, dropout.case_plans): the responsible people
    (包保责任人: a school leader, a teacher, a village cadre), the cause, the measures and, once the
    child is back, the placement. A change is a new revision; the earlier ones stay as they were."""

    __tablename__ = "case_plans"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("dropout_cases.id"), index=True)
    revision: Mapped[int] = mapped_column(Integer)  # 1, 2, … per case
    leader_name: Mapped[str] = mapped_column(String(64), default="")
    leader_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    teacher_name: Mapped[str] = mapped_column(String(64), default="")
    teacher_staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    cadre_name: Mapped[str] = mapped_column(String(64), default="")
    cause: Mapped[str] = mapped_column(String(16), default="其他")  # a dropout.vocabulary.Reason
    measures: Mapped[str] = mapped_column(Text, default="")
    placement: Mapped[str] = mapped_column(String(16), default="")  # "" or a case_plans.Placement
    placement_grade: Mapped[int | None] = mapped_column(Integer)  # the grade of 插班
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class DisabilityRecord(Base):
    """A student's disability and placement as recorded on a day (roster.disabilities): the category and
    grade (GB/T 26341-2010), the county expert committee's assessment (残疾儿童少年入学评估: day and
    decision) and the placement (随班就读, 特教班, 特殊教育学校, 送教上门, 待安置). A change is a new row;
    the newest is the record in force, the older ones its history."""

    __tablename__ = "disability_records"
    __table_args__ = (Index("ix_disability_records_student", "student_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    category: Mapped[str] = mapped_column(String(8))  # 视力 … 多重 (printed with 残疾 after it)
    grade: Mapped[str] = mapped_column(String(8), default="")  # 一级 … 四级
    assessed_on: Mapped[dt.date | None] = mapped_column(Date)
    decision: Mapped[str] = mapped_column(Text, default="")  # the expert committee's decision
    placement: Mapped[str] = mapped_column(String(16))
    since: Mapped[dt.date] = mapped_column(Date)  # the placement in force from this day
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class CaseFollowUp(Base):
    """An entry of the follow-up after a child came back (返校后跟踪, dropout.case_plans), append-only;
    ``kind`` "reopened" is the line written when a new absence reopened the case."""

    __tablename__ = "case_follow_ups"
    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("dropout_cases.id"), index=True)
    follow_date: Mapped[dt.date] = mapped_column(Date)
    followed_by: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    attending: Mapped[bool] = mapped_column(Boolean, default=True)
    kind: Mapped[str] = mapped_column(String(16), default="follow_up")
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)


class HomeTeachingVisit(Base):
    """One visit of 送教上门: the day, the teacher, how long, what was taught. Never edited (a wrong
    entry is replaced by a correcting one, ``corrects_id``; triggers refuse changes); evidence
    (photos, the family's signed sheet) attached as ``home_teaching`` attachments."""

    __tablename__ = "home_teaching_visits"
    __table_args__ = (Index("ix_home_teaching_visits_student", "student_id", "visit_date"),
                      # a unique index, not a constraint: SQLite adds a column without one (migration 0020)
                      Index("uq_home_teaching_visits_corrects_id", "corrects_id", unique=True))
    id: Mapped[int] = mapped_column(primary_key=True)
    student_id: Mapped[int] = mapped_column(ForeignKey("students.id"))
    visit_date: Mapped[dt.date] = mapped_column(Date)
    teacher: Mapped[str] = mapped_column(String(64))
    minutes: Mapped[int] = mapped_column(Integer)  # the hours taught, kept in minutes (1.5 h = 90)
    content: Mapped[str] = mapped_column(Text)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("home_teaching_visits.id"))  # the entry it replaces
    recorded_by: Mapped[str] = mapped_column(String(64), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
