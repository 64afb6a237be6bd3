"""Indexes for the roster's usual sort orders (name, age): a county-sized roster is read in order
instead of being sorted on every change.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 05:55:20
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.create_index("ix_students_sort_birth", ["birth_date", "id"], unique=False)
        batch_op.create_index("ix_students_sort_name", ["name_pinyin", "id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("students", schema=None) as batch_op:
        batch_op.drop_index("ix_students_sort_name")
        batch_op.drop_index("ix_students_sort_birth")
