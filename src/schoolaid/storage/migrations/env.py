"""Alembic environment. The app passes its own connection in ``config.attributes["connection"]``;
a developer can also run ``alembic -c alembic.ini revision --autogenerate`` against a scratch file.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from schoolaid.storage.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///scratch.sqlite")
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


run_migrations()
