"""Household pairing: pairings, visits with evidence files (attachments), school pairings and their
activities; staff get a leaving date and reason.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 06:30:36.487222
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=32), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('media_type', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('added_by', sa.String(length=64), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachments'))
    )
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index('ix_attachments_owner', ['owner', 'owner_id'], unique=False)

    op.create_table('school_pairings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('helper_school_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('goals', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['helper_school_id'], ['schools.id'], name=op.f('fk_school_pairings_helper_school_id_schools')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_school_pairings_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_pairings'))
    )
    op.create_table('pairings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('handed_over_from_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_pairings_dates')),
    sa.ForeignKeyConstraint(['handed_over_from_id'], ['pairings.id'], name=op.f('fk_pairings_handed_over_from_id_pairings')),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_pairings_household_id_households')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_pairings_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pairings'))
    )
    with op.batch_alter_table('pairings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pairings_household_id'), ['household_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pairings_staff_id'), ['staff_id'], unique=False)

    op.create_table('school_activities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_pairing_id', sa.Integer(), nullable=False),
    sa.Column('activity_date', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('participants', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['school_pairing_id'], ['school_pairings.id'], name=op.f('fk_school_activities_school_pairing_id_school_pairings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_school_activities'))
    )
    with op.batch_alter_table('school_activities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_school_activities_school_pairing_id'), ['school_pairing_id'], unique=False)

    op.create_table('visits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('household_id', sa.Integer(), nullable=False),
    sa.Column('visit_date', sa.Date(), nullable=False),
    sa.Column('form', sa.String(length=8), nullable=False),
    sa.Column('done', sa.Text(), nullable=False),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('next_step', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['household_id'], ['households.id'], name=op.f('fk_visits_household_id_households')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_visits_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_visits'))
    )
    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.create_index('ix_visits_household_date', ['household_id', 'visit_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_visits_staff_id'), ['staff_id'], unique=False)

    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.add_column(sa.Column('left_on', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('left_reason', sa.Text(), nullable=False, server_default=''))



def downgrade() -> None:
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_column('left_reason')
        batch_op.drop_column('left_on')

    with op.batch_alter_table('visits', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_visits_staff_id'))
        batch_op.drop_index('ix_visits_household_date')

    op.drop_table('visits')
    with op.batch_alter_table('school_activities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_school_activities_school_pairing_id'))

    op.drop_table('school_activities')
    with op.batch_alter_table('pairings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pairings_staff_id'))
        batch_op.drop_index(batch_op.f('ix_pairings_household_id'))

    op.drop_table('pairings')
    op.drop_table('school_pairings')
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index('ix_attachments_owner')

    op.drop_table('attachments')
