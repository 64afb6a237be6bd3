"""Accounts and roles; the audit trail made tamper-evident: who (account, role) on every event,
a SHA-256 chain over the events (existing events chained in order), and triggers that refuse
UPDATE and DELETE on the trail whatever program writes to the file.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from schoolaid.accounts.audit_chain import GENESIS, row_hash

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

AUDIT_TRIGGERS = (
    """CREATE TRIGGER audit_events_never_updated BEFORE UPDATE ON audit_events
       BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END""",
    """CREATE TRIGGER audit_events_never_deleted BEFORE DELETE ON audit_events
       BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END""",
)


def upgrade() -> None:
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=32), nullable=False),
    sa.Column('display_name', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('password_hash', sa.Text(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', sa.DateTime(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_sign_in_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_users_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    op.create_table('user_classes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('school_id', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=8), nullable=False),
    sa.Column('grade', sa.Integer(), nullable=False),
    sa.Column('class_name', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['school_id'], ['schools.id'], name=op.f('fk_user_classes_school_id_schools')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_user_classes_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_user_classes')),
    sa.UniqueConstraint('user_id', 'school_id', 'stage', 'grade', 'class_name', name=op.f('uq_user_classes_one_class_once'))
    )
    with op.batch_alter_table('user_classes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_user_classes_user_id'), ['user_id'], unique=False)

    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('user_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('role', sa.String(length=16), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('prev_hash', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('hash', sa.String(length=64), nullable=False, server_default=''))

    # Chain the events already written, in order, before the trail becomes unchangeable.
    connection = op.get_bind()
    previous = GENESIS
    rows = connection.execute(sa.text(
        "SELECT id, at, actor, user_id, role, action, entity, entity_id, summary, before, after FROM audit_events "
        "ORDER BY id")).mappings().all()
    updates = []
    for row in rows:
        digest = row_hash(previous, dict(row))
        updates.append({"id": row["id"], "prev_hash": previous, "hash": digest})
        previous = digest
    if updates:
        connection.execute(sa.text("UPDATE audit_events SET prev_hash = :prev_hash, hash = :hash WHERE id = :id"),
                           updates)
    for trigger in AUDIT_TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS audit_events_never_updated")
    op.execute("DROP TRIGGER IF EXISTS audit_events_never_deleted")
    with op.batch_alter_table('audit_events', schema=None) as batch_op:
        batch_op.drop_column('hash')
        batch_op.drop_column('prev_hash')
        batch_op.drop_column('role')
        batch_op.drop_column('user_id')
    with op.batch_alter_table('user_classes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_user_classes_user_id'))
    op.drop_table('user_classes')
    op.drop_table('users')
