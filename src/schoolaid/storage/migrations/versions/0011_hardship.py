"""The assessment of need (家庭经济困难学生认定): one record per student and school year (a new one
for each adjustment, the old one kept), and the 公示 that lists them.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-01 05:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A database whose revision was set back by hand keeps the tables it has.
    if op.get_bind().exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'hardship_assessments'").first():
        return
    op.create_table('hardship_publicities',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=False),
    sa.Column('objection_phone', sa.String(length=32), nullable=False),
    sa.Column('taken_down_on', sa.Date(), nullable=True),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_hardship_publicities_school_id_schools')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hardship_publicities'))
    )
    with op.batch_alter_table('hardship_publicities', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hardship_publicities_school_year'), ['school_year'], unique=False)
    op.create_table('hardship_assessments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('proposed', sa.Boolean(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=False),
    sa.Column('reasons', sa.Text(), nullable=False),
    sa.Column('priority_groups', sa.Text(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('review_note', sa.Text(), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('basis', sa.Text(), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=True),
    sa.Column('decided_by', sa.String(length=64), nullable=False),
    sa.Column('publicity_id', sa.Integer(), nullable=True),
    sa.Column('filed_on', sa.Date(), nullable=True),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('end_reason', sa.Text(), nullable=False),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['publicity_id'], ['hardship_publicities.id'],
                            name=op.f('fk_hardship_assessments_publicity_id_hardship_publicities')),
    sa.ForeignKeyConstraint(['replaces_id'], ['hardship_assessments.id'],
                            name=op.f('fk_hardship_assessments_replaces_id_hardship_assessments')),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_hardship_assessments_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hardship_assessments'))
    )
    with op.batch_alter_table('hardship_assessments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hardship_assessments_publicity_id'), ['publicity_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_hardship_assessments_school_year'), ['school_year'], unique=False)
        batch_op.create_index(batch_op.f('ix_hardship_assessments_student_id'), ['student_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('hardship_assessments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hardship_assessments_student_id'))
        batch_op.drop_index(batch_op.f('ix_hardship_assessments_school_year'))
        batch_op.drop_index(batch_op.f('ix_hardship_assessments_publicity_id'))
    op.drop_table('hardship_assessments')
    with op.batch_alter_table('hardship_publicities', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hardship_publicities_school_year'))
    op.drop_table('hardship_publicities')
