"""Household and student categories (issue 16): 脱贫户 with its year, 防止返贫监测对象 with type, date
identified and 风险消除, 低保户, 特困供养户; for the child 孤儿, 事实无人抚养, 残疾 (category — the old
``disability`` column renamed —, grade, certificate), 残疾人子女, 烈士子女, 困境儿童. The old 建档立卡
columns stay as history; each household's category is derived from them (未脱贫/已脱贫 or 建档立卡 →
脱贫户 with poor_year as its year; 监测户 → 防止返贫监测对象; others 一般户), and the new fields of every
household and student on record are written to the audit trail as events chained after the last one.
No existing audit row changes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 05:40:00
"""

from __future__ import annotations

from alembic import op

from schoolaid.roster.categories import migrate_categories

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


_HOUSEHOLD_COLUMNS = (
    ("category", "VARCHAR(16) NOT NULL DEFAULT '一般户'"),
    ("lifted_year", "INTEGER"),
    ("monitoring_type", "VARCHAR(16) NOT NULL DEFAULT ''"),
    ("monitoring_identified_on", "DATE"),
    ("risk_removed_on", "DATE"),
    ("dibao", "BOOLEAN NOT NULL DEFAULT 0"),
    ("tekun", "BOOLEAN NOT NULL DEFAULT 0"),
)
_STUDENT_COLUMNS = (
    ("disability_grade", "VARCHAR(8) NOT NULL DEFAULT ''"),
    ("disability_certificate", "VARCHAR(32) NOT NULL DEFAULT ''"),
    *((name, "BOOLEAN NOT NULL DEFAULT 0")
      for name in ("orphan", "unsupported", "parent_disabled", "martyr_child", "in_difficulty")),
)


def upgrade() -> None:
    # Plain ADD COLUMN / RENAME COLUMN: the tables are not rebuilt (their rows stay as they are). A
    # database whose revision was set back by hand keeps the columns it has.
    bind = op.get_bind()

    def columns(table: str) -> set[str]:
        return {row[1] for row in bind.exec_driver_sql(f"PRAGMA table_info({table})")}

    have = columns("households")
    for name, kind in _HOUSEHOLD_COLUMNS:
        if name not in have:
            op.execute(f"ALTER TABLE households ADD COLUMN {name} {kind}")
    have = columns("students")
    if "disability" in have and "disability_category" not in have:
        op.execute("ALTER TABLE students RENAME COLUMN disability TO disability_category")
    for name, kind in _STUDENT_COLUMNS:
        if name not in have:
            op.execute(f"ALTER TABLE students ADD COLUMN {name} {kind}")
    migrate_categories(bind)


def downgrade() -> None:
    """The events stay: the trail is never shortened."""
    with op.batch_alter_table('students', schema=None) as batch_op:
        for name in ("in_difficulty", "martyr_child", "parent_disabled", "unsupported", "orphan",
                     "disability_certificate", "disability_grade"):
            batch_op.drop_column(name)
        batch_op.alter_column('disability_category', new_column_name='disability')
    with op.batch_alter_table('households', schema=None) as batch_op:
        for name in ("tekun", "dibao", "risk_removed_on", "monitoring_identified_on", "monitoring_type",
                     "lifted_year", "category"):
            batch_op.drop_column(name)
