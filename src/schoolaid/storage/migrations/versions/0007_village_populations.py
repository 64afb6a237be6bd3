"""Preschool-age children per village and school year, entered by hand: the denominator of the
preschool gross enrollment rate.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29 10:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('village_populations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('preschool_age', sa.Integer(), nullable=False),
    sa.CheckConstraint('preschool_age >= 0', name=op.f('ck_village_populations_not_negative')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_village_populations_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_village_populations')),
    sa.UniqueConstraint('village_id', 'year', name=op.f('uq_village_populations_one_count_a_year'))
    )
    with op.batch_alter_table('village_populations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_village_populations_village_id'), ['village_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('village_populations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_village_populations_village_id'))
    op.drop_table('village_populations')
