"""The term-start check (开学摸排, issue 18): a new table of pupils ticked as reported back (报到) in a
term. No existing row changes.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02 14:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    # A database whose revision was set back by hand keeps the table it has.
    if bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'report_backs'").first():
        return
    op.create_table('report_backs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('term', sa.String(length=8), nullable=False),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.Column('withdrawn_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_report_backs_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report_backs'))
    )
    with op.batch_alter_table('report_backs', schema=None) as batch_op:
        batch_op.create_index('ix_report_backs_term_student', ['term', 'student_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('report_backs', schema=None) as batch_op:
        batch_op.drop_index('ix_report_backs_term_student')

    op.drop_table('report_backs')
