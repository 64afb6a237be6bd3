"""Programmes with conditions and dated standards (issue 16): programmes gain grades, boarder and
category conditions; the new table programme_standards holds each amount from the date it takes
effect, with its source. Ships 义务教育家庭经济困难学生生活补助 (2011, 2019 and 2024 standards),
学前教育资助 (inactive until the province's amount is entered), 营养改善计划 (4 then 5 yuan a school
day), and retires the old 助学金 for new postings. Posted entries are not touched; each programme
changed or added and each standard gets an audit event appended after the last one.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-01 05:40:00
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from alembic import op

from schoolaid.accounts.audit_verify import append_upgrade_events
from schoolaid.ledger.standards import NEW_PROGRAMMES, RETIRED_PROGRAMMES, SHIPPED_STANDARDS

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

_NEW_COLUMNS = ("grades", "boarder", "categories")


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def upgrade() -> None:
    # Plain ADD COLUMN: the programmes table is not rebuilt. A database whose revision was set back by
    # hand keeps what it has, and its programmes and standards are not shipped (nor recorded) twice.
    conn = op.get_bind()
    have = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(programmes)")}
    for name, kind in (("grades", "VARCHAR(40) NOT NULL DEFAULT ''"), ("boarder", "VARCHAR(8) NOT NULL DEFAULT ''"),
                       ("categories", "TEXT NOT NULL DEFAULT ''")):
        if name not in have:
            op.execute(f"ALTER TABLE programmes ADD COLUMN {name} {kind}")
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'programme_standards'").first():
        return
    op.create_table('programme_standards',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('programme_id', sa.Integer(), nullable=False),
    sa.Column('effective_from', sa.Date(), nullable=False),
    sa.Column('stage', sa.String(length=8), nullable=False),
    sa.Column('boarder', sa.String(length=8), nullable=False),
    sa.Column('amount_fen', sa.Integer(), nullable=False),
    sa.Column('unit', sa.String(length=8), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['programme_id'], ['programmes.id'],
                            name=op.f('fk_programme_standards_programme_id_programmes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_standards'))
    )
    with op.batch_alter_table('programme_standards', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_standards_programme_id'), ['programme_id'], unique=False)

    changes: list[tuple[str, str, int | None, str, dict[str, Any] | None, dict[str, Any] | None]] = []
    # The existing programmes: the new conditions (empty: no change in who is eligible) on the record;
    # the old 助学金 retired for new postings.
    for row in conn.execute(sa.text("SELECT id, code, name, active, notes FROM programmes ORDER BY id")).mappings():
        before = {"active": bool(row["active"]), "notes": row["notes"]}
        after: dict[str, Any] = {"grades": "", "boarder": "", "categories": ""}
        if row["code"] in RETIRED_PROGRAMMES:
            notes = f"{row['notes']}\n{RETIRED_PROGRAMMES[row['code']]}".strip()
            conn.execute(sa.text("UPDATE programmes SET active = 0, notes = :notes WHERE id = :id"),
                         {"notes": notes, "id": row["id"]})
            after.update({"active": False, "notes": notes})
        else:
            before = {}
        changes.append(("update", "programme", row["id"], row["name"], before or None, after))
    codes: dict[str, int] = {}
    for programme in NEW_PROGRAMMES:
        if conn.execute(sa.text("SELECT 1 FROM programmes WHERE code = :code"), {"code": programme["code"]}).first():
            continue  # a school's own programme has the code: left as it is, and no standards added to it
        values = {**programme, "grades": "", "boarder": "", "active_months": "1,2,3,4,5,6,9,10,11,12"}
        result = conn.execute(sa.text(
            "INSERT INTO programmes (code, name, stage, eligibility, amount_fen, per, kind, funding_source, "
            "active_months, active, notes, grades, boarder, categories) VALUES (:code, :name, :stage, :eligibility, "
            ":amount_fen, :per, :kind, :funding_source, :active_months, :active, :notes, :grades, :boarder, "
            ":categories)"), values)
        codes[programme["code"]] = result.lastrowid
        changes.append(("create", "programme", result.lastrowid, programme["name"], None, {**values, "members": []}))
    for standard in SHIPPED_STANDARDS:
        if standard.code not in codes:
            continue
        values = {"programme_id": codes[standard.code], "effective_from": standard.effective_from,
                  "stage": standard.stage, "boarder": standard.boarder, "amount_fen": standard.amount_fen,
                  "unit": standard.unit, "source": standard.source}
        result = conn.execute(sa.text(
            "INSERT INTO programme_standards (programme_id, effective_from, stage, boarder, amount_fen, unit, source) "
            "VALUES (:programme_id, :effective_from, :stage, :boarder, :amount_fen, :unit, :source)"), values)
        changes.append(("create", "programme_standard", result.lastrowid, standard.code,
                        None, {k: _plain(v) for k, v in values.items()}))
    append_upgrade_events(conn, changes)


def downgrade() -> None:
    """The table and columns go; the audit events stay (the trail is never shortened)."""
    with op.batch_alter_table('programme_standards', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_standards_programme_id'))
    op.drop_table('programme_standards')
    with op.batch_alter_table('programmes', schema=None) as batch_op:
        for name in _NEW_COLUMNS:
            batch_op.drop_column(name)
