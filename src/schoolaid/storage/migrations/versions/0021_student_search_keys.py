"""The roster's search keys in a table of their own, one row per key, indexed: a keystroke at county
scale reads the index instead of scanning every student's name and pinyin (issue 21). Triggers on
``students`` keep the keys in step with every insert and every change of a name, in the same
transaction; the keys of the students already there are built here. No existing row changes.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03 08:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None

# Triggers cannot use WITH, so the keys are split out with json_each: the readings (space-separated,
# see roster.pinyin_search) become a JSON array; the suffixes of a name come from an array of as many
# zeros as the name has characters, whose positions json_each numbers. A name's characters are
# letters, marks, digits and a few dots (validation.name_problem); quotes and backslashes are
# escaped all the same.
_READINGS = """SELECT 'p', readings.value, {row}.id
    FROM json_each('["' || replace(replace(replace(trim({row}.name_pinyin || ' ' || {row}.name_initials),
                                                   '\\', '\\\\'), '"', '\\"'), ' ', '","') || '"]') AS readings
    WHERE readings.value <> ''"""
_SUFFIXES = """SELECT 'n', substr({row}.name, suffixes.key + 1), {row}.id
    FROM json_each('[0' || replace(hex(zeroblob(length({row}.name) - 1)), '00', ',0') || ']') AS suffixes
    WHERE suffixes.key < length({row}.name)"""
_INSERT = "INSERT OR IGNORE INTO student_search_keys (kind, key, student_id) "


def _keys_of(row: str, source: str = "") -> str:
    return (f"{_INSERT}{_READINGS.format(row=row)}{source};\n"
            f"{_INSERT}{_SUFFIXES.format(row=row)}{source};")


TRIGGERS = (
    f"""CREATE TRIGGER IF NOT EXISTS student_search_keys_on_insert AFTER INSERT ON students
       BEGIN
       {_keys_of("NEW")}
       END""",
    f"""CREATE TRIGGER IF NOT EXISTS student_search_keys_on_rename
       AFTER UPDATE OF name, name_pinyin, name_initials ON students
       BEGIN
       DELETE FROM student_search_keys WHERE student_id = OLD.id;
       {_keys_of("NEW")}
       END""",
)


def upgrade() -> None:
    # A database whose revision was set back by hand keeps what it has (and gets any keys it lacks).
    tables = {row[0] for row in op.get_bind().exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if 'student_search_keys' not in tables:
        _create_table()
    for trigger in TRIGGERS:
        op.execute(trigger)
    op.execute(f"{_INSERT}{_READINGS.format(row='students')}".replace(
        "FROM json_each", "FROM students, json_each"))
    op.execute(f"{_INSERT}{_SUFFIXES.format(row='students')}".replace(
        "FROM json_each", "FROM students, json_each"))


def _create_table() -> None:
    op.create_table(
        'student_search_keys',
        sa.Column('kind', sa.String(length=1), nullable=False),
        sa.Column('key', sa.Text(), nullable=False),
        sa.Column('student_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['student_id'], ['students.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('kind', 'key', 'student_id'),
    )
    op.create_index('ix_student_search_keys_student', 'student_search_keys', ['student_id'], unique=False)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS student_search_keys_on_insert")
    op.execute("DROP TRIGGER IF EXISTS student_search_keys_on_rename")
    op.drop_index('ix_student_search_keys_student', table_name='student_search_keys')
    op.drop_table('student_search_keys')
