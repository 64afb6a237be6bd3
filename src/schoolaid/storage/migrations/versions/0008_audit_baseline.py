"""The audit verification extended to every table whose change matters (students, households,
settings, accounts, programmes …, see ``audit_verify.COVERED``): each record whose audited state
lacks fields — made before its table was covered, by an older version that recorded only some
fields, or shipped with the schema like the three programmes — gets one event recording those
fields as they are at the upgrade, appended to the chain. No existing audit row changes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-01 05:00:00
"""

from __future__ import annotations

from alembic import op

from schoolaid.accounts.audit_verify import record_baseline

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    record_baseline(op.get_bind())


def downgrade() -> None:
    """The events stay: the trail is never shortened."""
