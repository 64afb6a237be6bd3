"""Notices true to the record and the escalation after their deadline (issue 19): who took part in
each persuasion attempt (a column, '学校' for the entries already logged), the text of a notice as
issued (a column, '' for the notices already issued), the numbered documents of the escalation and
the proofs of service (送达回证) of notices and documents (two new tables). No existing row changes.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02 18:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def _columns(bind: sa.Connection, table: str) -> set[str]:
    return {row[1] for row in bind.exec_driver_sql(f"PRAGMA table_info('{table}')")}


def _has_table(bind: sa.Connection, table: str) -> bool:
    return bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).first() is not None


def upgrade() -> None:
    bind = op.get_bind()
    # Plain ALTER TABLE ADD COLUMN, not batch mode: a rebuilt persuasion_attempts would lose the
    # triggers that keep the log append-only. A database set back by hand keeps what it has.
    if 'parties' not in _columns(bind, 'persuasion_attempts'):
        op.add_column('persuasion_attempts', sa.Column('parties', sa.String(length=32), server_default='学校',
                                                       nullable=False))
    if 'issued_text' not in _columns(bind, 'urging_notices'):
        op.add_column('urging_notices', sa.Column('issued_text', sa.Text(), server_default='', nullable=False))
    if not _has_table(bind, 'case_documents'):
        op.create_table('case_documents',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('document_number', sa.String(length=64), nullable=False),
        sa.Column('recipient', sa.String(length=64), nullable=False),
        sa.Column('issued_on', sa.Date(), nullable=False),
        sa.Column('deadline', sa.Date(), nullable=True),
        sa.Column('issued_by', sa.String(length=64), nullable=False),
        sa.Column('issued_text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['dropout_cases.id'], name=op.f('fk_case_documents_case_id_dropout_cases')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_case_documents')),
        sa.UniqueConstraint('kind', 'year', 'number', name='uq_case_documents_number')
        )
        with op.batch_alter_table('case_documents', schema=None) as batch_op:
            batch_op.create_index(batch_op.f('ix_case_documents_case_id'), ['case_id'], unique=False)
    if not _has_table(bind, 'service_receipts'):
        op.create_table('service_receipts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('document_kind', sa.String(length=16), nullable=False),
        sa.Column('document_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('number', sa.Integer(), nullable=False),
        sa.Column('receipt_number', sa.String(length=64), nullable=False),
        sa.Column('recipient', sa.String(length=64), nullable=False),
        sa.Column('manner', sa.String(length=8), nullable=False),
        sa.Column('served_on', sa.Date(), nullable=True),
        sa.Column('served_to', sa.String(length=64), nullable=False),
        sa.Column('served_by', sa.String(length=64), nullable=False),
        sa.Column('place', sa.String(length=128), nullable=False),
        sa.Column('witnesses', sa.String(length=128), nullable=False),
        sa.Column('refused_reason', sa.Text(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_service_receipts')),
        sa.UniqueConstraint('year', 'number', name='uq_service_receipts_number')
        )
        with op.batch_alter_table('service_receipts', schema=None) as batch_op:
            batch_op.create_index('ix_service_receipts_document', ['document_kind', 'document_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('service_receipts', schema=None) as batch_op:
        batch_op.drop_index('ix_service_receipts_document')
    op.drop_table('service_receipts')
    with op.batch_alter_table('case_documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_documents_case_id'))
    op.drop_table('case_documents')
    op.drop_column('urging_notices', 'issued_text')
    op.drop_column('persuasion_attempts', 'parties')
