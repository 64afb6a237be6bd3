"""Children with disabilities (issue 19): the disability record (category, grade, the expert committee's
assessment, the placement; a change is a new row) and the log of 送教上门 visits. Two new tables; no
existing row changes (a student's disability category and grade on the roster stay where they are).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def _exists(name: str) -> bool:
    return op.get_bind().exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).first() is not None


def upgrade() -> None:
    # A database whose revision was set back by hand keeps the tables it has.
    if not _exists('disability_records'):
        op.create_table('disability_records',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('student_id', sa.Integer(), nullable=False),
        sa.Column('category', sa.String(length=8), nullable=False),
        sa.Column('grade', sa.String(length=8), nullable=False),
        sa.Column('assessed_on', sa.Date(), nullable=True),
        sa.Column('decision', sa.Text(), nullable=False),
        sa.Column('placement', sa.String(length=16), nullable=False),
        sa.Column('since', sa.Date(), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_disability_records_student_id_students')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_disability_records'))
        )
        with op.batch_alter_table('disability_records', schema=None) as batch_op:
            batch_op.create_index('ix_disability_records_student', ['student_id'], unique=False)
    if not _exists('home_teaching_visits'):
        op.create_table('home_teaching_visits',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('student_id', sa.Integer(), nullable=False),
        sa.Column('visit_date', sa.Date(), nullable=False),
        sa.Column('teacher', sa.String(length=64), nullable=False),
        sa.Column('minutes', sa.Integer(), nullable=False),
        sa.Column('content', sa.Text(), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['student_id'], ['students.id'],
                                name=op.f('fk_home_teaching_visits_student_id_students')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_home_teaching_visits'))
        )
        with op.batch_alter_table('home_teaching_visits', schema=None) as batch_op:
            batch_op.create_index('ix_home_teaching_visits_student', ['student_id', 'visit_date'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('home_teaching_visits', schema=None) as batch_op:
        batch_op.drop_index('ix_home_teaching_visits_student')
    op.drop_table('home_teaching_visits')
    with op.batch_alter_table('disability_records', schema=None) as batch_op:
        batch_op.drop_index('ix_disability_records_student')
    op.drop_table('disability_records')
