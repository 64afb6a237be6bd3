"""Transfers (issue 18): where a student went (转出, confirmed or not), came from (转入), or went after
graduating (升学, 就业, 未升学). A new table; each student already 转出 gets an unconfirmed transfer out
with the receiving school and day of their last change to 转出 — the roster says no more than that. No
existing row changes.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02 13:40:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from schoolaid.accounts.audit_verify import append_upgrade_events

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    # A database whose revision was set back by hand keeps the table it has.
    if bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'transfers'").first():
        return
    op.create_table('transfers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('student_id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=8), nullable=False),
    sa.Column('school', sa.String(length=128), nullable=False),
    sa.Column('place', sa.String(length=128), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('confirmed_how', sa.String(length=16), nullable=False),
    sa.Column('confirmed_with', sa.String(length=64), nullable=False),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('confirmed_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_by', sa.String(length=64), nullable=False),
    sa.Column('recorded_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['student_id'], ['students.id'], name=op.f('fk_transfers_student_id_students')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transfers'))
    )
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.create_index('ix_transfers_student_direction', ['student_id', 'direction'], unique=False)
    # The students already 转出: what the roster knows (the last change to 转出), not yet confirmed.
    bind.exec_driver_sql(
        "INSERT INTO transfers (student_id, direction, school, place, since, reason, confirmed_how, confirmed_with,"
        " confirmed_on, confirmed_by, recorded_by, recorded_at) "
        "SELECT s.id, '转出', COALESCE(c.destination, ''), '', COALESCE(c.effective_date, s.leave_date, date(s.updated_at)),"
        " '', '', '', NULL, '', '数据库升级0015', CURRENT_TIMESTAMP "
        "FROM students s LEFT JOIN status_changes c ON c.id = ("
        "  SELECT MAX(id) FROM status_changes WHERE student_id = s.id AND to_status = '转出') "
        "WHERE s.status = '转出' ORDER BY s.id")
    columns = ("student_id", "direction", "school", "place", "since", "reason", "confirmed_how", "confirmed_with",
               "confirmed_on", "confirmed_by", "recorded_by")
    changes: list[tuple[str, str, int | None, str, dict[str, Any] | None, dict[str, Any] | None]] = [
        ("create", "transfer", row["id"], f"{row['name']}：转出{row['school']}（待核实）", None,
         {name: row[name] for name in columns})
        for row in bind.execute(sa.text(
            "SELECT t.*, s.name FROM transfers t JOIN students s ON s.id = t.student_id ORDER BY t.id")).mappings()]
    append_upgrade_events(bind, changes)


def downgrade() -> None:
    with op.batch_alter_table('transfers', schema=None) as batch_op:
        batch_op.drop_index('ix_transfers_student_direction')

    op.drop_table('transfers')
