"""The subsidy ledger: programmes (three shipped), hand-kept lists, batches and entries. Entries
can never be updated or deleted: triggers refuse it, whatever program writes to the file.

A later migration that rebuilds ledger_entries in batch mode drops these triggers with the old
table: it must create them again (see LEDGER_TRIGGERS).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 06:46:50.386834
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('programmes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=64), nullable=False),
    sa.Column('stage', sa.String(length=8), nullable=False),
    sa.Column('eligibility', sa.String(length=16), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('per', sa.String(length=8), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('funding_source', sa.String(length=64), nullable=False),
    sa.Column('active_months', sa.String(length=40), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programmes')),
    sa.UniqueConstraint('code', name=op.f('uq_programmes_code'))
    )
    op.create_table('ledger_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=8), nullable=False),
    sa.Column('posted_at', sa.DateTime(), nullable=False),
    sa.Column('posted_by', sa.String(length=64), nullable=False),
    sa.Column('notice_from', sa.Date(), nullable=True),
    sa.Column('notice_to', sa.Date(), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('voucher_no', sa.String(length=32), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_ledger_batches_programme_id_programmes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_batches'))
    )
    with op.batch_alter_table('ledger_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_batches_programme_id'), ['programme_id'], unique=False)

    op.create_table('ledger_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('batch_id', sa.Integer(), nullable=True),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=8), nullable=False),
    sa.Column('month', sa.String(length=7), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    sa.Column('standard_fen', sa.Integer(), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('reverses_id', sa.Integer(), nullable=True),
    sa.Column('replaces_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('posted_at', sa.DateTime(), nullable=False),
    sa.Column('posted_by', sa.String(length=64), nullable=False),
    sa.CheckConstraint("(kind = 'reversal') = (reverses_id IS NOT NULL)", name=op.f('ck_ledger_entries_reversal_link')),
    sa.CheckConstraint("kind IN ('payment', 'waiver', 'reversal')", name=op.f('ck_ledger_entries_kind')),
    sa.ForeignKeyConstraint(['batch_id'], ['ledger_batches.id'], name=op.f('fk_ledger_entries_batch_id_ledger_batches')),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_ledger_entries_programme_id_programmes')),
    sa.ForeignKeyConstraint(['replaces_id'], ['ledger_entries.id'], name=op.f('fk_ledger_entries_replaces_id_ledger_entries')),
    sa.ForeignKeyConstraint(['reverses_id'], ['ledger_entries.id'], name=op.f('fk_ledger_entries_reverses_id_ledger_entries')),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_ledger_entries_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ledger_entries')),
    sa.UniqueConstraint('replaces_id', name=op.f('uq_ledger_entries_replaces_id')),
    sa.UniqueConstraint('reverses_id', name=op.f('uq_ledger_entries_reverses_id'))
    )
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ledger_entries_batch_id'), ['batch_id'], unique=False)
        batch_op.create_index('ix_ledger_entries_period', ['programme_id', 'period', 'student_id'], unique=False)
        batch_op.create_index('ix_ledger_entries_student', ['student_id', 'period'], unique=False)

    op.create_table('programme_members',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('added_on', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'], name=op.f('fk_programme_members_programme_id_programmes')),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_programme_members_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_members')),
    sa.UniqueConstraint('programme_id', 'student_id', name='uq_programme_members_student')
    )
    with op.batch_alter_table('programme_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_members_programme_id'), ['programme_id'], unique=False)


    for trigger in LEDGER_TRIGGERS:
        op.execute(trigger)
    programmes = sa.table("programmes", *(sa.column(name) for name in (
        "code", "name", "stage", "eligibility", "amount_fen", "per", "kind", "funding_source", "active_months",
        "active", "notes")))
    op.bulk_insert(programmes, [{**p, "active_months": "1,2,3,4,5,6,9,10,11,12", "active": True}
                                for p in SHIPPED_PROGRAMMES])

LEDGER_TRIGGERS = (
    """CREATE TRIGGER ledger_entries_never_updated BEFORE UPDATE ON ledger_entries
       BEGIN SELECT RAISE(ABORT, 'ledger entries are never changed: post a reversing entry instead'); END""",
    """CREATE TRIGGER ledger_entries_never_deleted BEFORE DELETE ON ledger_entries
       BEGIN SELECT RAISE(ABORT, 'ledger entries are never deleted: post a reversing entry instead'); END""",
)

SHIPPED_PROGRAMMES = (
    {"code": "BYJY", "name": "保育教育费资助", "stage": "学前", "eligibility": "registered_poor", "amount_fen": 4000,
     "per": "month", "kind": "waiver", "funding_source": "学前教育资助资金",
     "notes": "建档立卡家庭在园幼儿，每生每月40元"},
    {"code": "SHF", "name": "生活费减半", "stage": "学前", "eligibility": "registered_poor", "amount_fen": 9300,
     "per": "month", "kind": "waiver", "funding_source": "地方财政",
     "notes": "生活费减半收取：每生每月交费92元（收费标准185元），减免93元"},
    {"code": "ZXJ", "name": "助学金", "stage": "小学", "eligibility": "registered_poor", "amount_fen": 50000,
     "per": "term", "kind": "payment", "funding_source": "义务教育家庭经济困难学生生活补助资金",
     "notes": "示例：建档立卡家庭小学生，每学期500元"},
)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS ledger_entries_never_updated")
    op.execute("DROP TRIGGER IF EXISTS ledger_entries_never_deleted")
    with op.batch_alter_table('programme_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_members_programme_id'))

    op.drop_table('programme_members')
    with op.batch_alter_table('ledger_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_ledger_entries_student')
        batch_op.drop_index('ix_ledger_entries_period')
        batch_op.drop_index(batch_op.f('ix_ledger_entries_batch_id'))

    op.drop_table('ledger_entries')
    with op.batch_alter_table('ledger_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ledger_batches_programme_id'))

    op.drop_table('ledger_batches')
    op.drop_table('programmes')
