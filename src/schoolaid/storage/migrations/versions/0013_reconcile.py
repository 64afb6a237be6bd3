"""四查三比对 (issue 17): the lists handed over (household register, poverty list, student registry) with
their people, and the checks that close each difference. New tables only; no existing row changes.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01 11:06:48
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A database whose revision was set back by hand keeps the tables it has.
    if op.get_bind().exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reference_lists'").first():
        return
    op.create_table('reference_lists',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('school_year', sa.Integer(), nullable=False),
    sa.Column('file_name', sa.String(length=255), nullable=False),
    sa.Column('people', sa.Integer(), nullable=False),
    sa.Column('children', sa.Integer(), nullable=False),
    sa.Column('rejected', sa.Integer(), nullable=False),
    sa.Column('people_digest', sa.String(length=64), nullable=False),
    sa.Column('imported_by', sa.String(length=64), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.Column('replaced_by_id', sa.Integer(), nullable=True),
    sa.Column('replaced_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['replaced_by_id'], ['reference_lists.id'], name=op.f('fk_reference_lists_replaced_by_id_reference_lists')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_reference_lists_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reference_lists'))
    )
    with op.batch_alter_table('reference_lists', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reference_lists_kind'), ['kind'], unique=False)

    op.create_table('reference_people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('row', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('sex', sa.String(length=4), nullable=False),
    sa.Column('ethnicity', sa.String(length=16), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('is_child', sa.Boolean(), nullable=False),
    sa.Column('village_id', sa.Integer(), nullable=True),
    sa.Column('group_name', sa.String(length=32), nullable=False),
    sa.Column('address', sa.Text(), nullable=False),
    sa.Column('household_no', sa.String(length=32), nullable=False),
    sa.Column('head_name', sa.String(length=64), nullable=False),
    sa.Column('head_id_number', sa.String(length=18), nullable=True),
    sa.Column('relation', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=16), nullable=False),
    sa.Column('monitoring_type', sa.String(length=16), nullable=False),
    sa.Column('lifted_year', sa.Integer(), nullable=True),
    sa.Column('identified_on', sa.Date(), nullable=True),
    sa.Column('registry_no', sa.String(length=32), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=True),
    sa.Column('school_name', sa.String(length=64), nullable=False),
    sa.Column('grade_text', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['list_id'], ['reference_lists.id'], name=op.f('fk_reference_people_list_id_reference_lists')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_reference_people_school_id_schools')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_reference_people_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reference_people'))
    )
    with op.batch_alter_table('reference_people', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reference_people_id_number'), ['id_number'], unique=False)
        batch_op.create_index(batch_op.f('ix_reference_people_list_id'), ['list_id'], unique=False)
        batch_op.create_index('ix_reference_people_name_birth', ['name', 'birth_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_reference_people_village_id'), ['village_id'], unique=False)

    op.create_table('reconcile_checks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('person_key', sa.String(length=96), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('village_id', sa.Integer(), nullable=True),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('school_name', sa.String(length=64), nullable=False),
    sa.Column('place', sa.String(length=64), nullable=False),
    sa.Column('confirmed_how', sa.String(length=16), nullable=False),
    sa.Column('confirmed_with', sa.String(length=64), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=True),
    sa.Column('approval_body', sa.String(length=64), nullable=False),
    sa.Column('approval_document', sa.String(length=64), nullable=False),
    sa.Column('approval_expires_on', sa.Date(), nullable=True),
    sa.Column('checked_by', sa.String(length=64), nullable=False),
    sa.Column('checked_on', sa.Date(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_reconcile_checks_student_id_students')),
    sa.ForeignKeyConstraint(['village_id'], ['villages.id'], name=op.f('fk_reconcile_checks_village_id_villages')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reconcile_checks'))
    )
    with op.batch_alter_table('reconcile_checks', schema=None) as batch_op:
        batch_op.create_index('ix_reconcile_checks_kind_person', ['kind', 'person_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_reconcile_checks_student_id'), ['student_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('reconcile_checks', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reconcile_checks_student_id'))
        batch_op.drop_index('ix_reconcile_checks_kind_person')

    op.drop_table('reconcile_checks')
    with op.batch_alter_table('reference_people', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reference_people_village_id'))
        batch_op.drop_index('ix_reference_people_name_birth')
        batch_op.drop_index(batch_op.f('ix_reference_people_list_id'))
        batch_op.drop_index(batch_op.f('ix_reference_people_id_number'))

    op.drop_table('reference_people')
    with op.batch_alter_table('reference_lists', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reference_lists_kind'))

    op.drop_table('reference_lists')
