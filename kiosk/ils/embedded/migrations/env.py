"""Alembic environment: runs against the engine handed in by ``kiosk.ils.embedded.db``."""

from __future__ import annotations

from alembic import context

from kiosk.ils.embedded.models import Base

config = context.config
engine = config.attributes.get("engine")


def run() -> None:
    if engine is None:
        raise RuntimeError("run migrations through 'kiosk library init', not the alembic CLI")
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=Base.metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run()
