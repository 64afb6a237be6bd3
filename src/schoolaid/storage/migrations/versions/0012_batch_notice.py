"""The payment batch's 公示 (issue 16): the phone for objections (异议电话, 教财厅函〔2017〕28号) and the
day the notice was taken down. Plain ADD COLUMN: the batches keep their rows. Each batch on record gets
an audit event appended after the last one with the two new fields (empty), so that from the upgrade
on they are compared like the rest. No existing audit row changes.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-01 06:10:00
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from schoolaid.accounts.audit_verify import append_upgrade_events

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

_NEW_COLUMNS = (("notice_phone", "VARCHAR(32) NOT NULL DEFAULT ''"), ("notice_taken_down_on", "DATE"))


def upgrade() -> None:
    # A database whose revision was set back by hand keeps the columns it has, and is not recorded twice.
    conn = op.get_bind()
    have = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(ledger_batches)")}
    if all(name in have for name, _ in _NEW_COLUMNS):
        return
    for name, kind in _NEW_COLUMNS:
        if name not in have:
            op.execute(f"ALTER TABLE ledger_batches ADD COLUMN {name} {kind}")
    changes: list[tuple[str, str, int | None, str, dict[str, Any] | None, dict[str, Any] | None]] = [
        ("update", "ledger_batch", row["id"], row["name"], None, {"notice_phone": "", "notice_taken_down_on": None})
        for row in conn.execute(sa.text(
            "SELECT b.id, p.name FROM ledger_batches b JOIN programmes p ON p.id = b.programme_id ORDER BY b.id"))
        .mappings()]
    append_upgrade_events(conn, changes)


def downgrade() -> None:
    """The columns go; the audit events stay (the trail is never shortened)."""
    with op.batch_alter_table('ledger_batches', schema=None) as batch_op:
        for name, _ in reversed(_NEW_COLUMNS):
            batch_op.drop_column(name)
