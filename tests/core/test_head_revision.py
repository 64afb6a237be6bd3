"""The newest revision read from the migration files (which lets a current database open without
loading Alembic) is Alembic's own head."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from schoolaid.storage.database import alembic_config, head_revision


def test_the_head_read_from_the_files_is_alembics() -> None:
    assert head_revision() == ScriptDirectory.from_config(alembic_config()).get_current_head()
