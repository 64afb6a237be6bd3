"""Dropout control: absences, case files, the append-only persuasion log (triggers refuse
changes), enrollment-urging notices.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 07:04:57.635629
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('absences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('reason_known', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('end_date IS NULL OR end_date >= start_date', name=op.f('ck_absences_dates')),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_absences_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_absences'))
    )
    with op.batch_alter_table('absences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_absences_student_id'), ['student_id'], unique=False)

    op.create_table('dropout_cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('absence_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('stage_at', sa.String(length=8), nullable=False),
    sa.Column('grade_at', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('reason_category', sa.String(length=16), nullable=False),
    sa.Column('reason_text', sa.Text(), nullable=False),
    sa.Column('absence_began', sa.Date(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=False),
    sa.Column('reported_township_on', sa.Date(), nullable=True),
    sa.Column('reported_bureau_on', sa.Date(), nullable=True),
    sa.Column('class_teacher_id', sa.Integer(), nullable=True),
    sa.Column('township_action', sa.Text(), nullable=False),
    sa.Column('village_action', sa.Text(), nullable=False),
    sa.Column('current_situation', sa.Text(), nullable=False),
    sa.Column('remedies', sa.Text(), nullable=False),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('return_date', sa.Date(), nullable=True),
    sa.Column('transfer_to', sa.String(length=128), nullable=False),
    sa.Column('outcome_note', sa.Text(), nullable=False),
    sa.Column('opened_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['absence_id'], ['absences.id'], name=op.f('fk_dropout_cases_absence_id_absences')),
    sa.ForeignKeyConstraint(['class_teacher_id'], ['staff.id'], name=op.f('fk_dropout_cases_class_teacher_id_staff')),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_dropout_cases_school_id_schools')),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_dropout_cases_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_dropout_cases'))
    )
    with op.batch_alter_table('dropout_cases', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_dropout_cases_student_id'), ['student_id'], unique=False)

    op.create_table('persuasion_attempts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('attempt_date', sa.Date(), nullable=False),
    sa.Column('visitors', sa.Text(), nullable=False),
    sa.Column('met', sa.Text(), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('result', sa.Text(), nullable=False),
    sa.Column('succeeded', sa.Boolean(), nullable=False),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['dropout_cases.id'], name=op.f('fk_persuasion_attempts_case_id_dropout_cases')),
    sa.ForeignKeyConstraint(['corrects_id'], ['persuasion_attempts.id'], name=op.f('fk_persuasion_attempts_corrects_id_persuasion_attempts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_persuasion_attempts')),
    sa.UniqueConstraint('corrects_id', name=op.f('uq_persuasion_attempts_corrects_id'))
    )
    with op.batch_alter_table('persuasion_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_persuasion_attempts_case_id'), ['case_id'], unique=False)

    op.create_table('urging_notices',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('document_number', sa.String(length=64), nullable=False),
    sa.Column('guardian', sa.String(length=64), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=False),
    sa.Column('served_on', sa.Date(), nullable=True),
    sa.Column('served_to', sa.String(length=64), nullable=False),
    sa.Column('receipt_note', sa.Text(), nullable=False),
    sa.Column('issued_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['dropout_cases.id'], name=op.f('fk_urging_notices_case_id_dropout_cases')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_urging_notices')),
    sa.UniqueConstraint('year', 'number', name='uq_urging_notices_number')
    )
    with op.batch_alter_table('urging_notices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_urging_notices_case_id'), ['case_id'], unique=False)


    for trigger in LOG_TRIGGERS:
        op.execute(trigger)


LOG_TRIGGERS = (
    """CREATE TRIGGER persuasion_attempts_never_updated BEFORE UPDATE ON persuasion_attempts
       BEGIN SELECT RAISE(ABORT, 'persuasion records are never changed: add a correcting entry instead'); END""",
    """CREATE TRIGGER persuasion_attempts_never_deleted BEFORE DELETE ON persuasion_attempts
       BEGIN SELECT RAISE(ABORT, 'persuasion records are never deleted: add a correcting entry instead'); END""",
)

def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS persuasion_attempts_never_updated")
    op.execute("DROP TRIGGER IF EXISTS persuasion_attempts_never_deleted")
    with op.batch_alter_table('urging_notices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_urging_notices_case_id'))

    op.drop_table('urging_notices')
    with op.batch_alter_table('persuasion_attempts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_persuasion_attempts_case_id'))

    op.drop_table('persuasion_attempts')
    with op.batch_alter_table('dropout_cases', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_dropout_cases_student_id'))

    op.drop_table('dropout_cases')
    with op.batch_alter_table('absences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_absences_student_id'))

    op.drop_table('absences')
