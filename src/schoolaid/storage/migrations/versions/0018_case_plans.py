"""One plan per child (一人一案, issue 19): the revisions of a dropout case's plan (the responsible
people, the cause, the measures, the placement on return) and the follow-up after the return. Two new
tables; no existing row changes.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def _exists(name: str) -> bool:
    return op.get_bind().exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).first() is not None


def upgrade() -> None:
    # A database whose revision was set back by hand keeps the tables it has.
    if not _exists('case_plans'):
        op.create_table('case_plans',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('revision', sa.Integer(), nullable=False),
        sa.Column('leader_name', sa.String(length=64), nullable=False),
        sa.Column('leader_staff_id', sa.Integer(), nullable=True),
        sa.Column('teacher_name', sa.String(length=64), nullable=False),
        sa.Column('teacher_staff_id', sa.Integer(), nullable=True),
        sa.Column('cadre_name', sa.String(length=64), nullable=False),
        sa.Column('cause', sa.String(length=16), nullable=False),
        sa.Column('measures', sa.Text(), nullable=False),
        sa.Column('placement', sa.String(length=16), nullable=False),
        sa.Column('placement_grade', sa.Integer(), nullable=True),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['dropout_cases.id'], name=op.f('fk_case_plans_case_id_dropout_cases')),
        sa.ForeignKeyConstraint(['leader_staff_id'], ['staff.id'], name=op.f('fk_case_plans_leader_staff_id_staff')),
        sa.ForeignKeyConstraint(['teacher_staff_id'], ['staff.id'], name=op.f('fk_case_plans_teacher_staff_id_staff')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_plans'))
        )
        with op.batch_alter_table('case_plans', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_case_plans_case_id'), ['case_id'], unique=False)
    if not _exists('case_follow_ups'):
        op.create_table('case_follow_ups',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('follow_date', sa.Date(), nullable=False),
        sa.Column('followed_by', sa.String(length=64), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('attending', sa.Boolean(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('recorded_by', sa.String(length=64), nullable=False),
        sa.Column('recorded_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['dropout_cases.id'],
                                name=op.f('fk_case_follow_ups_case_id_dropout_cases')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_follow_ups'))
        )
        with op.batch_alter_table('case_follow_ups', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_case_follow_ups_case_id'), ['case_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_follow_ups', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_follow_ups_case_id'))
    op.drop_table('case_follow_ups')
    with op.batch_alter_table('case_plans', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_plans_case_id'))
    op.drop_table('case_plans')
