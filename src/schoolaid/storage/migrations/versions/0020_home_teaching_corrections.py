"""A 送教上门 visit entered wrongly is corrected, not edited: a correcting entry points at the one it
replaces (``corrects_id``, at most one correction each), and the log is append-only like the
persuasion log — triggers refuse an update or a delete. One new column; no existing row changes.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-03 07:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS home_teaching_visits_never_updated BEFORE UPDATE ON home_teaching_visits
       BEGIN SELECT RAISE(ABORT, '送教上门 records are never changed: add a correcting entry instead'); END""",
    """CREATE TRIGGER IF NOT EXISTS home_teaching_visits_never_deleted BEFORE DELETE ON home_teaching_visits
       BEGIN SELECT RAISE(ABORT, '送教上门 records are never deleted: add a correcting entry instead'); END""",
)


def _columns(table: str) -> set[str]:
    return {row[1] for row in op.get_bind().exec_driver_sql(f"PRAGMA table_info({table})")}


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not batch mode: the rows stay where they are. A database whose
    # revision was set back by hand keeps what it has.
    if 'corrects_id' not in _columns('home_teaching_visits'):
        op.execute("ALTER TABLE home_teaching_visits ADD COLUMN corrects_id INTEGER "
                   "REFERENCES home_teaching_visits (id)")
    op.execute("CREATE UNIQUE INDEX IF NOT EXISTS uq_home_teaching_visits_corrects_id "
               "ON home_teaching_visits (corrects_id)")
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS home_teaching_visits_never_updated")
    op.execute("DROP TRIGGER IF EXISTS home_teaching_visits_never_deleted")
    op.execute("DROP INDEX IF EXISTS uq_home_teaching_visits_corrects_id")
    with op.batch_alter_table('home_teaching_visits', schema=None) as batch_op:
        batch_op.drop_column('corrects_id')
