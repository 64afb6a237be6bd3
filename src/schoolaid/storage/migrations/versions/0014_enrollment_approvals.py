"""Enrollment approvals (issue 18): the 延缓入学 and 休学 approvals of the roster's students. A new table
only; no existing row changes.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02 13:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A database whose revision was set back by hand keeps the table it has.
    if op.get_bind().exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enrollment_approvals'").first():
        return
    op.create_table('enrollment_approvals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('approving_body', sa.String(length=64), nullable=False),
    sa.Column('document_no', sa.String(length=64), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('starts_on', sa.Date(), nullable=True),
    sa.Column('ends_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_enrollment_approvals_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrollment_approvals'))
    )
    with op.batch_alter_table('enrollment_approvals', schema=None) as batch_op:
        batch_op.create_index('ix_enrollment_approvals_student_kind', ['student_id', 'kind'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('enrollment_approvals', schema=None) as batch_op:
        batch_op.drop_index('ix_enrollment_approvals_student_kind')

    op.drop_table('enrollment_approvals')
